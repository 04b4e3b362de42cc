"""CLI: ``reading``, ``readings review``, ``easy TEXT…``, ``easy build``, ``easy report``.

Analysers are imported inside the commands so ``kintl-pub --help`` stays fast.
"""

from __future__ import annotations

import sys

import click

from ..project import acting_user


def register(cli: click.Group) -> None:
    cli.add_command(reading_cmd)
    cli.add_command(readings_group)
    cli.add_command(easy_group)


def _inputs(texts: tuple[str, ...]) -> list[str]:
    """Arguments, or stdin lines when there are none (``… | kintl-pub reading``)."""
    if texts:
        return list(texts)
    if sys.stdin is not None and not sys.stdin.isatty():
        return [ln.rstrip("\n") for ln in sys.stdin]
    raise click.UsageError("give TEXT arguments or pipe lines on stdin")


#: text arguments may start with "- " (a list item): they are text, never options
_TEXT_ARGS = {"ignore_unknown_options": True}


@click.command("reading", context_settings=_TEXT_ARGS)
@click.argument("texts", nargs=-1, type=click.UNPROCESSED)
def reading_cmd(texts: tuple[str, ...]) -> None:
    """Print one full hiragana reading per input TEXT (kanji replaced, the rest kept)."""
    from .readings import Reader

    reader = Reader(cross_check=False)
    for text in _inputs(texts):
        click.echo(" ".join(reader.reading(part) for part in text.split("\n")))


@click.group("readings")
def readings_group() -> None:
    """The reading dictionary and its review queue."""


@readings_group.command("review")
@click.option("--list", "list_only", is_flag=True, help="Only list the open disagreements.")
@click.option("--as", "who", default=None, help="Editor name recorded with each decision.")
def review_cmd(list_only: bool, who: str | None) -> None:
    """Words SudachiPy and pykakasi read differently: decide each one.

    For each word: [k]eep the published reading, [p]ykakasi's reading,
    [r] type a reading, [s]kip, [q]uit.  A new reading goes to data/readings.tsv.
    """
    from ..store.db import init_db, transaction
    from . import review

    init_db()
    who = acting_user(who)
    with transaction() as s:
        items = review.open_items(s)
        if not items:
            click.echo("No open reading disagreements.")
            return
        for it in items:
            click.echo(f"{it.surface}\tpublished: {it.reading}\tpykakasi: {it.alt}\t×{it.occurrences}\t{it.context[:60]}")
            if list_only:
                continue
            choice = click.prompt("[k]eep / [p]ykakasi / [r]eading / [s]kip / [q]uit", default="s")
            try:
                if choice == "k":
                    review.keep(s, it, who=who)
                elif choice == "p":
                    review.override(s, it, it.alt, who=who)
                elif choice == "r":
                    review.override(s, it, click.prompt("reading (hiragana)"), who=who)
                elif choice == "q":
                    break
            except review.ReviewError as exc:
                click.echo(f"  not saved: {exc}", err=True)


class TextOrCommandGroup(click.Group):
    """``easy build`` / ``easy report`` are subcommands; anything else is text
    to rewrite (``easy 日本語の文章…``)."""

    TEXT_COMMAND = "text"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = [self.TEXT_COMMAND, *args]
        elif not args and sys.stdin is not None and not sys.stdin.isatty():
            args = [self.TEXT_COMMAND]  # `… | kintl-pub easy`: rewrite stdin lines
        return super().parse_args(ctx, args)


@click.group("easy", cls=TextOrCommandGroup)
def easy_group() -> None:
    """やさしい日本語: `easy TEXT…` prints rewrites; `easy build`, `easy report`."""


@easy_group.command("text", hidden=True, context_settings=_TEXT_ARGS)
@click.argument("texts", nargs=-1, type=click.UNPROCESSED)
@click.option("--markup", is_flag=True, help="Print the stored markup (ruby, glosses) instead of plain text.")
def easy_text_cmd(texts: tuple[str, ...], markup: bool) -> None:
    """Print one Easy Japanese rewrite per input TEXT (plain text, one line each)."""
    from . import markup as mk
    from .build import Pipeline

    pipe = Pipeline()
    for text in _inputs(texts):
        marked, _flags, _ = pipe.run(text)
        out = marked if markup else mk.to_plain(marked)
        # one output line per input: list lines are joined back with spaces
        click.echo(" ".join(ln[2:] if ln.startswith("- ") else ln for ln in out.split("\n") if ln))


@easy_group.command("build")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def easy_build_cmd(quiet: bool) -> None:
    """Write Easy Japanese for every stored segment (reviewed rewrites are kept)."""
    from ..store.db import init_db, transaction
    from .build import build
    from .readings import save_kakasi_cache

    init_db()
    with transaction() as s:
        r = build(s, progress=not quiet)
    if r.analysed:
        save_kakasi_cache()
    click.echo(
        f"{r.segments} segments, {r.sources} distinct texts: {r.analysed} analysed, "
        f"{r.written} written, {r.skipped_cached} unchanged (cached), {r.skipped_human} written by people; "
        f"{r.kept_source} kept their source text (preservation check); "
        f"{r.disagreements} new reading disagreements (kintl-pub readings review)."
    )
    p = r.people
    click.echo(
        f"people's texts: {p.texts}, readings added to {p.annotated} ({p.cached} unchanged); "
        f"{len(p.flagged)} miss something of their source (kintl-pub easy report --entries --under)."
    )


@easy_group.command("ui")
def easy_ui_cmd() -> None:
    """Readings for the Easy Japanese UI strings (prepare runs this)."""
    from .ui import compile_ui, ruby_path

    n, written = compile_ui()
    click.echo(f"{n} UI strings with readings in {ruby_path()}" + ("" if written else " (unchanged)"))


@easy_group.command("report")
@click.option("--initiative", "-i", type=int, multiple=True, help="Only these initiatives (default: all).")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--worst", type=int, default=0, metavar="N",
              help="Also list the N longest published sentences, people's and the rules' (see --who).")
@click.option("--who", default=None, metavar="NAME",
              help="With --worst/--entries: only one editor's entries ('people' or 'rules' for all of either).")
@click.option("--editors", is_flag=True, help="Also measure each editor's entries on their own (and the rules').")
@click.option("--entries", is_flag=True, help="Also list every entry with its score and what fails, lowest first.")
@click.option("--under", is_flag=True, help="With --entries: only entries that fail something.")
@click.option("--hard-words", type=int, default=0, metavar="N",
              help="Also list the N most frequent words above JLPT N3 left unexplained (rules' and published text).")
def easy_report_cmd(initiative: tuple[int, ...], as_json: bool, worst: int, who: str | None, editors: bool,
                    entries: bool, under: bool, hard_words: int) -> None:
    """Quality report: source → rules' rewrite | published text, per initiative and
    overall, each against its targets; the editors' views on request."""
    import json

    from ..store.db import init_db, transaction
    from . import report

    init_db()
    chosen = set(initiative) or None
    with transaction() as s:
        rep = report.store_report(s, initiatives=chosen)
        es = report.entries(s, chosen) if (worst or editors or entries or hard_words) else []
    extra: dict[str, object] = {}
    if worst:
        extra["worst"] = report.worst(es, worst, who)
    if editors:
        extra["editors"] = report.by_editor(es)
    if entries:
        extra["entries"] = report.entry_rows(es, who, under=under)
    if hard_words:
        extra["hard_words"] = [{"word": w, "rules": r, "published": p} for w, r, p in report.hard_word_table(es, hard_words)]
    if as_json:
        click.echo(json.dumps({**rep, **extra}, ensure_ascii=False, indent=1))
        return
    click.echo(report.format_report(rep))
    if "worst" in extra:
        click.echo("\n" + report.format_worst(extra["worst"]))  # type: ignore[arg-type]
    if "editors" in extra:
        click.echo("\n" + report.format_editors(extra["editors"]))  # type: ignore[arg-type]
    if "entries" in extra:
        click.echo("\n" + report.format_entries(extra["entries"]))  # type: ignore[arg-type]
    if "hard_words" in extra:
        click.echo("\nwords above JLPT N3 left unexplained (rules' text ×, published ×): add a plain word or a gloss "
                   "to data/glossary.tsv")
        for row in extra["hard_words"]:  # type: ignore[attr-defined]
            click.echo(f"  {row['word']:<12} {row['rules']:>4} {row['published']:>4}")
