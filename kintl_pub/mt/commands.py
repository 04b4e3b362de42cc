"""MT commands: ``mt install FILE``, ``mt list``, ``mt eval``, ``translate [--lang L …]``.

The MT stack (argostranslate → stanza → torch) is imported inside the
command bodies only, after checking the ``mt`` extra is there.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from .. import locales

#: Locales the public Argos index has no model for (DESIGN.md).
NO_PUBLIC_MODEL = {"vi": "en→vi", "ne": "en→ne"}


def register(cli: click.Group) -> None:
    cli.add_command(mt_group)
    cli.add_command(translate_cmd)


def _require() -> None:
    from .packages import MTUnavailable, require_mt

    try:
        require_mt()
    except MTUnavailable as exc:
        raise click.ClickException(str(exc)) from None


@click.group("mt")
def mt_group() -> None:
    """Machine translation packages (Argos Translate, offline)."""


@mt_group.command("install")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def install_cmd(file: Path) -> None:
    """Install an Argos package from a local .argosmodel FILE (no network)."""
    _require()
    from .packages import PackageFileError, install, packages_dir

    try:
        info = install(file)
    except PackageFileError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"installed {info.pair} {info.name} (version {info.version}) in {packages_dir()}")


@mt_group.command("list")
def list_cmd() -> None:
    """Installed pairs, and how each target locale is reached (or that it is human-only)."""
    _require()
    from .packages import installed, missing_for, packages_dir, plan_routes

    pkgs = installed()
    click.echo(f"packages in {packages_dir()}:")
    if not pkgs:
        click.echo("  (none)")
    for p in pkgs:
        click.echo(f"  {p.pair:<8} {p.name} (version {p.version})")
    click.echo("locales:")
    for code, route in plan_routes(pkgs).items():
        loc = locales.get(code)
        label = f"  {code:<8} {loc.english_name:<20}"
        if route.human_only:
            why = f"no model; install {missing_for(route, pkgs)}"
            if code in NO_PUBLIC_MODEL:
                why += f" (the public Argos index has no {NO_PUBLIC_MODEL[code]} model)"
            click.echo(f"{label} human-only: {why}")
        else:
            click.echo(f"{label} {route.kind:<7} {route.path}")


@mt_group.command("eval")
@click.option("--lang", "langs", multiple=True, metavar="L",
              help="Locale to evaluate (URL code); repeatable. Default: every MT locale.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--beam-size", default=4, show_default=True, type=click.IntRange(1, 16))
@click.option("--max-length", default=256, show_default=True, type=click.IntRange(8, 1024),
              help="Maximum decoding length in tokens.")
def eval_cmd(langs: tuple[str, ...], as_json: bool, beam_size: int, max_length: int) -> None:
    """chrF and BLEU of machine drafts against people's translations (per locale and field)."""
    _require()
    import json
    from dataclasses import asdict

    from ..store.db import init_db, transaction
    from .engine import DecodeOptions, Engine
    from .evaluate import evaluate, table
    from .translate import select_targets

    try:
        targets = select_targets(list(langs))
    except KeyError as exc:
        raise click.BadParameter(str(exc.args[0]), param_hint="--lang") from None
    init_db()
    with transaction() as session:
        engine = Engine(options=DecodeOptions(beam_size=beam_size, max_decoding_length=max_length))
        report = evaluate(session, [t.code for t in targets], engine=engine)
        session.rollback()  # read-only: nothing of an evaluation is kept
    if as_json:
        click.echo(json.dumps(asdict(report), ensure_ascii=False, indent=2))
        return
    click.echo(table(report))
    for metric, sig in report.signatures.items():
        click.echo(f"  {metric}: {sig}")


def _tqdm_factory(enabled: bool) -> Callable[[str, int], Callable[[int], None]] | None:
    if not enabled:
        return None
    from tqdm import tqdm

    def make(label: str, total: int) -> Callable[[int], None]:
        bar = tqdm(total=total, desc=label, unit="seg", leave=True)

        def tick(n: int) -> None:
            bar.update(n)
            if bar.n >= bar.total:
                bar.close()

        if total == 0:
            bar.close()
        return tick

    return make


@click.command("translate")
@click.option("--lang", "langs", multiple=True, metavar="L",
              help="Target locale (URL code, e.g. es, pt-br); repeatable. Default: all.")
@click.option("--beam-size", default=4, show_default=True, type=click.IntRange(1, 16))
@click.option("--max-length", default=256, show_default=True, type=click.IntRange(8, 1024),
              help="Maximum decoding length in tokens.")
@click.option("--progress/--no-progress", default=True, show_default=True)
def translate_cmd(langs: tuple[str, ...], beam_size: int, max_length: int, progress: bool) -> None:
    """Draft every untranslated segment with machine translation (batched, cached)."""
    _require()
    from ..store.db import init_db, transaction
    from .engine import DecodeOptions, Engine
    from .translate import run, select_targets

    try:
        select_targets(list(langs))
    except KeyError as exc:
        raise click.BadParameter(str(exc.args[0]), param_hint="--lang") from None
    init_db()
    engine = Engine(options=DecodeOptions(beam_size=beam_size, max_decoding_length=max_length))
    with transaction() as session:
        report = run(session, list(langs) or None, engine=engine, progress=_tqdm_factory(progress))
    if report.segments == 0:
        click.echo("no segments in the store: run `kintl-pub import` and `kintl-pub prepare` first")
    for lr in report.locales:
        if not lr.route:
            click.echo(f"{lr.locale:<8} human-only (no model): {lr.needed} segments wait for a translator")
            continue
        extra = f" ({lr.via_people} from people's English)" if lr.via_people else ""
        extra += f", {lr.flagged} flagged" if lr.flagged else ""
        kept = f", {lr.protected_human} human texts kept" if lr.protected_human else ""
        click.echo(f"{lr.locale:<8} {lr.route:<10} drafted {lr.drafted}{extra}{kept}")
    click.echo(
        f"{report.segments} segments, {report.model_calls} model calls, "
        f"{report.sentences_translated} sentences translated, {report.cache_hits} cache hits"
    )
