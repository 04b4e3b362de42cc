"""``catalogs import``: a translator's .po back into the store.

The API (also what the workspace calls for an upload)::

    report = import_po(session, data, who="maria", expected=locales.get("es"),
                       name="content-es.po", dry_run=True)

returns a :class:`CatalogImportReport` (one :class:`Outcome` per entry that
changed or was skipped, each with the old and new text and a ``diff()``)
or raises :class:`~kintl_pub.catalogs.po.CatalogError` with nothing written.
``dry_run`` does everything in a savepoint and rolls it back.  The caller
owns the transaction (commit after a real run).

Rules (the store's states module enforces the last two as well):

* the file must be readable UTF-8 .po, for the locale the caller names
  (``expected``: its ``Language:`` header, an exported file's name and the
  script of its texts must agree), complete (not cut off), free of duplicate
  msgids, control characters and oversized texts (:mod:`.guard`), and share
  msgids with the store; otherwise it is refused with a clear error, naming
  the entry, before anything is written.  Blank lines after the last entry
  (a Babel ``read_po``/``write_po`` round trip adds one) are fine;
* only entries whose msgid is a current source text are touched;
* a non-fuzzy msgstr that differs from the store → the importer's translation
  (``translated``); a non-fuzzy msgstr equal to a stored machine/outdated draft
  → the translator accepted it (``translated``);
* a fuzzy ("needs work") entry is never stored as a person's text.  If its
  text differs from the store, it is a human draft the translator did not
  sign off: we store nothing and list it, so they can clear the flag and
  import again.  (Storing it as translated would publish unfinished work;
  storing it as machine would mislabel a person's words.)
* an empty msgstr never deletes anything;
* conflict: the entry's ``#. kintl-version`` differs from the store's and the
  store now holds a different person's text → reported, not overwritten;
* ``# approved-by: NAME`` with NAME = the importer, on an unchanged translated
  entry, approves it (only if someone else translated it);
* every stored entry goes through the quality checks (``kintl_pub.checks``):
  what they find is reported as warnings, and never refuses the entry;
* a translator's ``# …`` notes are stored with the entry (``comments``),
  unless the entry was refused, in conflict or needs work; a file without
  notes never deletes one.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from .. import checks
from ..locales import SOURCE, TARGETS, LocaleInfo
from ..segment import source_hash
from ..store.models import HUMAN_STATES, State
from . import comments, guard, states
from .entries import current_sources
from .po import (
    NO_TRANSLATOR,
    CatalogError,
    PoEntry,
    PoFile,
    catalog_path,
    locale_rows,
    read_catalog,
)

#: Outcome kinds, in report order.
KINDS = (
    "changed",  # a person's new/corrected text stored as translated
    "accepted",  # a machine/outdated draft confirmed as is → translated
    "approved",
    "conflict",  # the store moved on since export: not overwritten
    "needs-work",  # fuzzy human draft: not stored
    "refused",  # e.g. approving one's own translation
    "unknown",  # msgid not (or no longer) in the store
)

#: Outcomes that stored the entry's text.
STORED = ("changed", "accepted", "approved")


@dataclass
class Outcome:
    kind: str
    msgid: str
    detail: str = ""
    old: str = ""  # the store's text before (for stored outcomes)
    new: str = ""  # the file's text

    def diff(self) -> list[str]:
        """``- old`` / ``+ new`` lines (by line of text): what the import changes."""
        if self.kind not in STORED or self.old == self.new:
            return []
        return [ln for ln in difflib.ndiff(self.old.splitlines(), self.new.splitlines()) if ln[:1] in "-+"]


@dataclass
class CatalogImportReport:
    locale: LocaleInfo
    path: str
    entries: int = 0
    unchanged: int = 0
    dry_run: bool = False
    notes: int = 0  # entries whose translator's note was stored or changed
    outcomes: list[Outcome] = field(default_factory=list)
    # (msgid, findings) of stored entries the quality checks warn about
    warnings: list[tuple[str, list[checks.Finding]]] = field(default_factory=list)

    def count(self, kind: str) -> int:
        return sum(1 for o in self.outcomes if o.kind == kind)

    @property
    def stored(self) -> int:
        return sum(self.count(k) for k in STORED)

    def summary(self) -> str:
        parts = [f"{self.count(k)} {k}" for k in KINDS if self.count(k)]
        parts.append(f"{self.unchanged} unchanged")
        if self.notes:
            parts.append(f"{self.notes} translator notes stored")
        if self.warnings:
            parts.append(f"{len(self.warnings)} with warnings")
        return f"{self.path} ({self.locale.babel_id}): {self.entries} entries: " + ", ".join(parts)


def check_locale(po_language: str, loc: LocaleInfo | None, name: str, expected: LocaleInfo | None) -> LocaleInfo:
    if not po_language:
        raise CatalogError(f"{name}: no Language header (is this the .pot template?)")
    if loc is None:
        known = ", ".join(t.babel_id for t in TARGETS)
        raise CatalogError(
            f"{name}: Language {po_language!r} is not one of this project's catalogs ({known}); "
            "fix the header (e.g. in Poedit: Catalogue → Properties)"
        )
    if loc == SOURCE:
        raise CatalogError(f"{name}: Language {po_language!r} is the source language; nothing to import")
    if expected is not None and loc != expected:
        raise CatalogError(
            f"{name}: the file is for {loc.babel_id} ({loc.english_name}) "
            f"but {expected.babel_id} ({expected.english_name}) was expected"
        )
    return loc


def import_po(
    session: Session,
    data: bytes,
    *,
    who: str,
    expected: LocaleInfo,
    name: str = "<po>",
    authorize: Callable[[LocaleInfo], bool] | None = None,
    dry_run: bool = False,
) -> CatalogImportReport:
    """Apply one .po file for locale ``expected``.  Raises :class:`CatalogError`
    (nothing written) for a file that cannot be used; otherwise returns what
    changed (with ``dry_run``: what would change; nothing is kept).

    ``authorize(locale)`` (the account rules of ``store.users``) raises
    :class:`CatalogError` when ``who`` may not write the file's locale and
    returns whether ``who`` may approve there; without it, approvals follow
    the file alone (the states layer still demands a second person)."""
    if not who or not who.strip():
        raise CatalogError("an import must name the person it credits (--as NAME)")
    who = who.strip()
    guard.check_size(data, name)
    po = read_catalog(data, name)
    raw = guard.scan(data.decode("utf-8"))
    guard.check_end(raw, name)
    loc = check_locale(po.language, po.locale, name, expected)
    guard.check_file_name(name, loc)
    guard.check_entries(raw, name)
    may_approve = authorize(loc) if authorize is not None else True
    if not po.entries:
        raise CatalogError(f"{name}: the file has no entries")
    current = current_sources(session)
    usable = [e for e in po.entries if e.msgid in current and not e.plural and e.context is None]
    if not usable:
        raise CatalogError(
            f"{name}: none of its {len(po.entries)} msgids is a current source text "
            "(wrong file, or exported from another sheet?); nothing was changed"
        )
    guard.check_script(((e.msgid, e.msgstr.strip()) for e in usable if not e.fuzzy and e.msgstr.strip()), loc, name)
    report = CatalogImportReport(loc, name, entries=len(po.entries), dry_run=dry_run)
    for e in po.entries:
        if e.msgid not in current or e.plural or e.context is not None:
            report.outcomes.append(Outcome("unknown", e.msgid))
    # With pysqlite a SAVEPOINT opened before any write is the outermost
    # transaction, and its release commits: a caller that wants nothing kept
    # must pass dry_run (rolled back here), not roll back afterwards.
    savepoint = session.begin_nested()
    try:
        rows = locale_rows(session, loc)
        for e in usable:
            outcome = _apply(session, loc, e, rows.get(source_hash(e.msgid)), who, may_approve)
            if e.notes and (outcome is None or outcome.kind in STORED):
                report.notes += comments.put(session, states.ensure(session, loc.code, e.msgid), e.notes, who=who)
            if outcome is None:
                report.unchanged += 1
                continue
            report.outcomes.append(outcome)
            if outcome.kind in STORED:
                found = checks.run(e.msgid, e.msgstr.strip(), loc.code)
                if found:
                    report.warnings.append((e.msgid, found))
        session.flush()
    except BaseException:
        savepoint.rollback()
        raise
    if dry_run:
        savepoint.rollback()
    else:
        savepoint.commit()
    return report


def _last_person(t) -> str | None:
    return t.reviewer if t.state == State.APPROVED and t.reviewer else t.translator


def _apply(session: Session, loc: LocaleInfo, e: PoEntry, t, who: str, may_approve: bool = True) -> Outcome | None:
    text = e.msgstr.strip()
    # compare as put_human stores (stripped): a draft with a stray space is unchanged
    stored = (t.text or "").strip() if t is not None else ""
    # the state before this import changes it (put_human updates ``t`` in place)
    was = State(t.state) if t is not None else State.UNTRANSLATED
    if not text:
        return None  # an empty msgstr never deletes anything
    if e.fuzzy:
        if text == stored:
            return None
        return Outcome(
            "needs-work", e.msgid,
            "marked fuzzy (needs work) with text of its own: not stored; clear the flag to import it",
            old=stored, new=text,
        )
    if t is not None and text == stored:
        if t.state in HUMAN_STATES:
            if e.approved_by == who and t.state == State.TRANSLATED:
                if not may_approve:
                    return Outcome("refused", e.msgid, f"{who} is not a reviewer for {loc.code}")
                try:
                    states.put_human(session, loc.code, e.msgid, text, who=who, state=State.APPROVED)
                except states.ApprovalError as exc:
                    return Outcome("refused", e.msgid, str(exc))
                return Outcome("approved", e.msgid, old=stored, new=text)
            return None
        states.put_human(session, loc.code, e.msgid, text, who=who, state=State.TRANSLATED)
        return Outcome("accepted", e.msgid, f"was {was}", old=stored, new=text)
    if t is not None and states.is_human(t) and e.version != t.version and _last_person(t) != who:
        return Outcome(
            "conflict", e.msgid,
            f"changed by {_last_person(t)} since export (store version {t.version}, "
            f"file version {e.version if e.version is not None else 'none'}); kept the store's text",
            old=stored, new=text,
        )
    states.put_human(session, loc.code, e.msgid, text, who=who, state=State.TRANSLATED)
    return Outcome("changed", e.msgid, f"was {was}", old=stored, new=text)


# --------------------------------------------------------------------------
# First start: the committed catalogs into an empty store
# --------------------------------------------------------------------------


def read_repo_catalogs(translations_dir: Path) -> dict[str, PoFile]:
    """URL code → parsed committed content catalog (each checked against its folder)."""
    out: dict[str, PoFile] = {}
    for loc in TARGETS:
        path = catalog_path(translations_dir, loc)
        if not path.exists():
            continue
        po = read_catalog(path.read_bytes(), str(path))
        if po.locale != loc:
            raise CatalogError(f"{path}: Language {po.language!r} does not match its folder {loc.babel_id}")
        out[loc.code] = po
    return out


def load_repo_catalogs(
    session: Session,
    translations_dir: Path,
    *,
    parsed: dict[str, PoFile] | None = None,
    credited_only: bool = False,
) -> dict[str, int]:
    """Restore the people's translations committed in ``translations/`` (a
    fresh clone has a store without them).  Only human entries are read, each
    credited to the translator/reviewer the file names; machine drafts are
    left to ``kintl-pub translate``.  Text a person already has in the store
    is never replaced, so this is safe to run on every start.  Returns the
    number of entries restored per locale (URL code).

    ``credited_only`` restores only entries with a ``translated-by`` comment,
    i.e. as ``update`` wrote them; an uncredited finished entry is then a
    hand edit, which ``update`` asks to import rather than guess its author."""
    current = current_sources(session)
    restored: dict[str, int] = {}
    if not current:
        return restored
    files = parsed if parsed is not None else read_repo_catalogs(translations_dir)
    for loc in TARGETS:
        po = files.get(loc.code)
        if po is None:
            continue
        header = po.catalog.last_translator
        fallback = header if header and header != NO_TRANSLATOR else f"unknown ({loc.babel_id} catalog)"
        n = 0
        for e in po.entries:
            if e.msgid not in current or not e.msgstr.strip() or e.plural:
                continue
            if credited_only and not e.translated_by:
                continue
            if not e.fuzzy:
                state = State.APPROVED if e.approved_by else State.TRANSLATED
            elif e.previous and e.translated_by:
                state = State.OUTDATED  # a person's text for an older source
            else:
                continue  # a machine draft or an unfinished one
            n += states.restore_human(
                session, loc.code, e.msgid, e.msgstr,
                state=state,
                translator=e.translated_by or fallback,
                reviewer=e.approved_by,
                previous_source=e.previous,
                version=e.version,
            )
            if e.notes:  # the translator's note travels with the committed text
                row = states.get(session, loc.code, e.msgid)
                if row is not None and comments.get(session, row) is None:
                    comments.put(session, row, e.notes, who=e.translated_by or fallback)
        restored[loc.code] = n
    session.flush()
    return restored
