"""``kintl-pub pdf build [--lang L]``: the PDFs, built where stale."""

from __future__ import annotations

import os
import time

import click

from ... import locales


def register(cli: click.Group) -> None:
    cli.add_command(pdf)


@click.group()
def pdf() -> None:
    """Accessible PDFs (PDF/UA-1): every initiative and a booklet per language."""


def run_build(langs: tuple[str, ...] = (), *, jobs: int | None = None,
              base_url: str | None = None) -> None:
    """Build the stale PDFs and say what happened (``pdf build`` and ``prepare``)."""
    from ...config import LOCAL_BASE_URL, public_base_url
    from ...store.db import get_engine, init_db, session_factory
    from .build import build, pdf_root
    from .fonts import FontMissingError

    session = session_factory(init_db(get_engine()))()
    t0 = time.perf_counter()
    try:
        report = build(session, langs or None, base_url=(base_url or public_base_url() or LOCAL_BASE_URL).rstrip("/"),
                       jobs=jobs or min(2, os.cpu_count() or 1), progress=click.echo)
    except FontMissingError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        session.close()
    click.echo(f"PDFs: {len(report.built)} built, {report.fresh} up to date "
               f"({report.total} documents, {time.perf_counter() - t0:.1f} s) in {pdf_root()}")


@pdf.command("build")
@click.option("--lang", "langs", multiple=True, type=click.Choice([loc.code for loc in locales.LOCALES]),
              help="Only this locale (repeatable); default: every locale.")
@click.option("--jobs", type=int, default=None, help="Parallel Typst processes (default: up to 2).")
@click.option("--base-url", default=None, help="Public base URL printed in the footers.")
def build_cmd(langs: tuple[str, ...], jobs: int | None, base_url: str | None) -> None:
    """Build every initiative PDF and booklet whose content changed."""
    run_build(langs, jobs=jobs, base_url=base_url)
