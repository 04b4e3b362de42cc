"""``kintl-pub prepare``: everything the web process reads, after an import.

The web process only reads, so every derived thing it shows is made here, in
data-flow order, each step idempotent and cheap when nothing changed:

1. segments match the stored source (changed places → translations outdated);
2. people's translations committed in the repo reach the store
   (``translations/*/LC_MESSAGES/content.po`` and the label translations in
   ``data/labels/*.po``), never replacing text a person already has there;
3. Easy Japanese drafts for every segment (cached by content + rules version);
4. the search index;
5. compiled UI catalogs (``messages.mo``);
6. the PDFs (initiatives and booklets; only those whose content changed).

Steps 1 and 4 are :func:`refresh`, which ``import``, ``serve`` and
``build-static`` also run (the one "sync → outdate → reindex").  A batch
module: it may import every stage except ``web``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import click
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .project import DATA_DIR, TRANSLATIONS_DIR
from .segment import SyncReport

TRANSLATIONS = TRANSLATIONS_DIR
LABELS = DATA_DIR / "labels"


def load_label_translations(session: Session, labels_dir: Path = LABELS) -> dict[str, int]:
    """Human translations of the short labels (titles, program names,
    bureaus, wards), credited to the translator their file names.  Only fills
    entries that hold no person's text yet: an edit made later in the
    workspace or a .po import is never overwritten by the shipped file.

    A label that is an official name of the term base (a bureau, a ward) is
    loaded as the term base has it (``terms.approved``): one terminology,
    whatever the file says (the suite fails when the two disagree)."""
    from babel.messages.pofile import read_po

    from . import locales
    from .catalogs import states
    from .catalogs.entries import current_sources
    from .terms import approved, load_terms

    term_base = load_terms()

    current = current_sources(session)
    added: dict[str, int] = {}
    for path in sorted(labels_dir.glob("*.po")):
        loc = locales.by_babel_id(path.stem)
        with path.open("rb") as fh:
            catalog = read_po(fh)
        who = (catalog.last_translator or "").split("<")[0].strip() or "kintl-pub translation team"
        n = 0
        for msg in catalog:
            if not msg.id or not isinstance(msg.id, str) or msg.fuzzy or not msg.string:
                continue
            if msg.id not in current:
                continue
            t = states.get(session, loc.code, msg.id)
            if t is not None and states.is_human(t):
                continue
            text = approved(msg.id, loc.code, term_base) or str(msg.string)
            states.put_human(session, loc.code, msg.id, text, who=who)
            n += 1
        added[loc.code] = n
    return added


@dataclass
class Refreshed:
    segments: SyncReport
    outdated: int  # translations marked outdated
    index_rows: int | None  # rows of a rebuilt search index; None: not rebuilt


def refresh(session: Session, *, index: bool = True) -> Refreshed:
    """After the source changed, in the caller's transaction: the segments
    match the stored source, translations of changed places are marked
    outdated, and (``index``) a stale search index is rebuilt (SQLite)."""
    from .catalogs.update import outdate
    from .search.index import build_index, is_stale
    from .segment import sync

    seg = sync(session)
    n_out = outdate(session, seg.changes) if seg.changes else 0
    rows = None
    if index and session.get_bind().dialect.name == "sqlite" and is_stale(session):
        rows = build_index(session)
    return Refreshed(seg, n_out, rows)


def register(cli: click.Group) -> None:
    cli.add_command(prepare)


@click.command()
@click.option("--skip-easy", is_flag=True, help="Do not (re)build Easy Japanese drafts.")
@click.option("--skip-pdf", is_flag=True, help="Do not (re)build the PDFs.")
def prepare(skip_easy: bool, skip_pdf: bool) -> None:
    """Make everything the site reads (idempotent; run after import/translate)."""
    from .catalogs.compile import compile_catalogs
    from .catalogs.importer import load_repo_catalogs
    from .store.db import get_engine, init_db, transaction
    from .store.models import Initiative

    engine = init_db(get_engine())
    with transaction(engine) as s:
        if not s.scalar(select(func.count()).select_from(Initiative)):
            raise click.ClickException("the store is empty: run `kintl-pub import SHEET` first")
        done = refresh(s, index=False)  # the index waits for step 3's drafts
        seg = done.segments
        click.echo(f"segments: {seg.total} ({seg.added} new, {len(seg.changes)} changed; "
                   f"{done.outdated} translations marked outdated)")
    with transaction(engine) as s:
        restored = load_repo_catalogs(s, TRANSLATIONS)
        labels = load_label_translations(s)
        click.echo(f"human translations restored from translations/: {sum(restored.values())}; "
                   f"label translations added from data/labels/: {sum(labels.values())}")
    if not skip_easy:
        from .easy.build import build

        with transaction(engine) as s:
            rep = build(s, progress=True)
            click.echo(f"Easy Japanese: {rep.sources} texts, {rep.analysed} analysed, "
                       f"{rep.skipped_cached} cached, {rep.skipped_human} reviewed by people")
    if engine.dialect.name == "sqlite":
        with transaction(engine) as s:
            rows = refresh(s).index_rows
        click.echo("search index: up to date" if rows is None else f"search index: {rows} rows")
    report = compile_catalogs(TRANSLATIONS)
    click.echo(f"catalogs compiled: {len(report.checked)} checked, {len(report.written)} .mo written")
    if not skip_pdf:
        from .render.pdf.commands import run_build

        run_build()
