"""``catalogs update`` and ``catalogs export``: the store written out as .po files.

The store is the runtime truth; ``translations/`` is its versioned exchange
form.  ``update`` (1) brings the Segment table up to date with the stored
source, (2) marks translations of changed places outdated, (3) makes sure
every (target locale, source text) has a Translation row, and (4) rewrites
``translations/content.pot`` and each ``<babel id>/LC_MESSAGES/content.po``.
Nothing in a file is merged with Babel's ``update``: its fuzzy matching
ignores msgctxt (python-babel/babel#1330) and would invent matches the store
knows better; the files are a pure function of the store, so running update
twice with nothing changed writes byte-identical files (it writes none).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..locales import TARGETS, LocaleInfo
from ..segment import SourceChange, source_hash, sync
from ..store.models import Segment
from . import states
from .entries import collect, current_sources
from .importer import load_repo_catalogs, read_repo_catalogs
from .po import (
    CatalogError,
    PoFile,
    build_catalog,
    build_template,
    catalog_path,
    locale_rows,
    render,
    template_path,
    write_if_changed,
)


def outdate(session: Session, changes: Iterable[SourceChange], targets: Sequence[LocaleInfo] = TARGETS) -> int:
    """Places whose Japanese changed: carry each locale's text over to the new
    source as *outdated* (fuzzy, old source kept).  Returns entries marked.
    The import command calls this with ``segment.sync``'s changes."""
    n = 0
    for old, new in dict.fromkeys((c.old, c.new) for c in changes):
        for loc in targets:
            n += states.mark_outdated(session, loc.code, old, new)
    return n


def pending_changes(session: Session) -> list[SourceChange]:
    """Source changes the Segment table still remembers (``previous_source``).

    ``update`` re-applies them every run (``mark_outdated`` is idempotent), so
    a change is outdated even if whoever ran ``segment.sync`` first did not
    pass its report on, or the report lost it.
    """
    rows = session.execute(
        select(Segment.key, Segment.previous_source, Segment.source)
        .where(Segment.previous_source.is_not(None))
        .order_by(Segment.key)
    )
    return [SourceChange(k, old, new) for k, old, new in rows if old and old != new]


@dataclass
class UpdateReport:
    segments: int = 0
    entries: int = 0  # distinct source texts
    created: int = 0  # Translation rows created (all locales)
    outdated: int = 0
    restored: int = 0  # people's entries taken back from the files (fresh clone)
    written: list[Path] = field(default_factory=list)  # files whose bytes changed
    unchanged: list[Path] = field(default_factory=list)


class UnimportedEdits(CatalogError):
    """A catalog on disk holds a person's text the store does not know."""


def update(
    session: Session,
    translations_dir: Path,
    targets: Sequence[LocaleInfo] = TARGETS,
    *,
    discard_file_edits: bool = False,
) -> UpdateReport:
    """Bring the catalogs in line with the store (see the module docstring).

    The files are rewritten from the store, so before that the people's text
    in them is taken into account: entries the store has no human text for
    are restored from the files (a fresh clone: ``load_repo_catalogs``), and a
    file edited by hand since it was written (its text differs from the store
    at the same ``kintl-version``) stops the update with a list of entries,
    unless ``discard_file_edits``: ``catalogs import`` them first.
    """
    report = UpdateReport()
    seg = sync(session)
    report.segments = seg.total
    report.outdated = outdate(session, [*seg.changes, *pending_changes(session)], targets)
    entries = collect(session)
    report.entries = len(entries)
    sources = [e.source for e in entries]
    for loc in targets:
        report.created += states.ensure_many(session, loc.code, sources)
    session.flush()
    on_disk = read_repo_catalogs(translations_dir)  # parsed once for both checks
    report.restored = sum(load_repo_catalogs(
        session, translations_dir, parsed=on_disk, credited_only=True
    ).values())
    if not discard_file_edits:
        edits = unimported_edits(session, translations_dir, targets, parsed=on_disk)
        if edits:
            listing = "\n  ".join(f"{p}: {m[:50]}" for p, m in edits[:20])
            more = f"\n  … and {len(edits) - 20} more" if len(edits) > 20 else ""
            raise UnimportedEdits(
                f"{len(edits)} entries were edited in the .po files but not imported; "
                "rewriting the files would lose them:\n  " + listing + more +
                "\nImport them first (kintl-pub catalogs import FILE --as NAME), "
                "or pass --discard-file-edits."
            )
    outputs: list[tuple[Path, bytes]] = [
        (template_path(translations_dir), render(build_template(session, entries)))
    ]
    for loc in targets:
        outputs.append((catalog_path(translations_dir, loc), render(build_catalog(session, loc, entries))))
    for path, data in outputs:
        (report.written if write_if_changed(path, data) else report.unchanged).append(path)
    return report


def unimported_edits(
    session: Session,
    translations_dir: Path,
    targets: Sequence[LocaleInfo] = TARGETS,
    *,
    parsed: dict[str, PoFile] | None = None,
) -> list[tuple[Path, str]]:
    """(file, msgid) of finished (non-fuzzy) texts in the catalogs on disk
    that the store does not hold, where the file is not simply older than
    the store (its ``kintl-version`` is not behind)."""
    current = current_sources(session)
    found: list[tuple[Path, str]] = []
    files = parsed if parsed is not None else read_repo_catalogs(translations_dir)
    for loc in targets:
        po = files.get(loc.code)
        if po is None:
            continue
        path = catalog_path(translations_dir, loc)
        rows = locale_rows(session, loc)
        for e in po.entries:
            text = e.msgstr.strip()
            if e.fuzzy or not text or e.msgid not in current:
                continue
            t = rows.get(source_hash(e.msgid))
            if t is not None and ((t.text or "").strip() == text or (e.version is not None and e.version < t.version)):
                continue
            found.append((path, e.msgid))
    return found
