"""The ``kintl-pub`` command line (click).

Each stage owns its commands in ``<stage>/commands.py`` with a
``register(cli)`` function; this module only assembles them, so a reader finds
a command next to the code it drives.  Heavy imports (Sudachi, Argos/torch)
happen inside the commands, never at import time.
"""

from __future__ import annotations

import importlib
import sys

import click

# Stage modules whose commands make up the CLI, in data-flow order.
COMMAND_MODULES: tuple[str, ...] = (
    "kintl_pub.ingest.commands",
    "kintl_pub.store.commands",
    "kintl_pub.easy.commands",
    "kintl_pub.mt.commands",
    "kintl_pub.prepare",
    "kintl_pub.search.commands",
    "kintl_pub.render.pdf.commands",
    "kintl_pub.web.commands",
    "kintl_pub.catalogs.commands",
)


class _Cli(click.Group):
    def invoke(self, ctx: click.Context) -> object:
        from .store.db import ConfigurationError

        try:
            return super().invoke(ctx)
        except ConfigurationError as exc:  # a missing extra: one line, no trace
            raise click.ClickException(str(exc)) from None


@click.group(cls=_Cli, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kintl-pub")
def cli() -> None:
    """kintl-pub: publish the city's progress sheet in many languages."""


for _mod in COMMAND_MODULES:
    importlib.import_module(_mod).register(cli)


def main() -> None:
    # Japanese output must not crash on a terminal with a C locale.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    cli(prog_name="kintl-pub")


if __name__ == "__main__":
    main()
