"""``catalogs export``: a .po file with just the work a translator has.

What the translators' loop needed (notes of en-team-a/b/c): select by
initiative (``1-35`` ranges), only the texts *first used* in those
initiatives (so split ranges never overlap), only entries in some states
(``untranslated``) and fields (``prose``); the neighbouring sentences as
context; a short file name; and never overwrite a file that holds work the
store does not have yet.  Read-only on the store.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..locales import TARGETS, LocaleInfo
from ..segment import source_hash
from ..store.models import PROSE_FIELDS, Segment, State
from . import comments
from .entries import FIELD_LABELS, Entry, collect
from .po import (
    CatalogError,
    build_catalog,
    header_comment,
    locale_rows,
    read_catalog,
    render,
    write_if_changed,
)

#: The msgid of the obsolete entry that ends every exported file, and the
#: header comment line that promises it (checked by ``catalogs.guard``).
END_MARKER = "kintl-pub: end of catalog"
END_PROMISE = "# The last entry (#~) marks the end: a copy without it is cut off."

#: ``--fields`` groups: the prose of the programme rows, or every short label
FIELD_GROUPS: dict[str, tuple[str, ...]] = {
    "prose": PROSE_FIELDS,
    "labels": tuple(f for f in FIELD_LABELS if f not in PROSE_FIELDS) + ("scale",),
}
#: a neighbour in a context comment is cut to this many characters
NEIGHBOUR_CHARS = 120
#: an initiative list longer than this in a file name is shortened (a hash)
MAX_NAME_PART = 40


class UnsavedWork(CatalogError):
    """The file to be written holds text or notes the store does not have."""


@dataclass(frozen=True)
class Selection:
    """Which entries an export holds (empty = no filter of that kind)."""

    initiatives: frozenset[int] = frozenset()
    first_use: bool = False  # only texts whose first use is in ``initiatives``
    states: frozenset[str] = frozenset()
    fields: frozenset[str] = frozenset()  # field names (groups expanded)

    def suffix(self) -> str:
        """What the file name says about the selection ("-initiatives-1-35-untranslated")."""
        parts = []
        if self.initiatives:
            runs = number_ranges(self.initiatives)
            if len(runs) > MAX_NAME_PART:
                digest = hashlib.sha256(runs.encode()).hexdigest()[:8]
                runs = f"{min(self.initiatives)}-{max(self.initiatives)}-{digest}"
            parts.append("initiatives-" + runs + ("-first-use" if self.first_use else ""))
        if self.states:
            parts.append("+".join(sorted(self.states)))
        if self.fields:
            groups = [g for g, names in FIELD_GROUPS.items() if set(names) <= self.fields]
            rest = sorted(self.fields - {f for g in groups for f in FIELD_GROUPS[g]})
            parts.append("+".join([*groups, *rest]))
        return "".join("-" + p for p in parts)


def render_export(catalog: Catalog, title: str) -> bytes:
    """A translator's file (``catalogs export``): says which command wrote it,
    and ends with the end marker its header promises, so that an import can
    tell a complete file from one cut at a line break (``catalogs.guard``)."""
    catalog.header_comment = header_comment(title) + "\n" + END_PROMISE
    return render(catalog) + f'\n#~ msgid "{END_MARKER}"\n#~ msgstr ""\n'.encode()


def number_ranges(numbers: Iterable[int]) -> str:
    """``1-35_40_42-44``: runs of consecutive numbers."""
    out: list[str] = []
    nums = sorted(set(numbers))
    i = 0
    while i < len(nums):
        j = i
        while j + 1 < len(nums) and nums[j + 1] == nums[j] + 1:
            j += 1
        out.append(str(nums[i]) if i == j else f"{nums[i]}-{nums[j]}")
        i = j + 1
    return "_".join(out)


def parse_numbers(values: Iterable[str]) -> set[int]:
    """``12``, ``1-35``, ``3,5,7`` → numbers; ValueError with the bad value."""
    out: set[int] = set()
    for value in values:
        for piece in value.replace(" ", "").split(","):
            lo, sep, hi = piece.partition("-")
            if not lo.isdigit() or (sep and not hi.isdigit()):
                raise ValueError(f"{piece!r} is not an initiative number or range (e.g. 12, 1-35)")
            a, b = int(lo), int(hi) if sep else int(lo)
            if a > b:
                raise ValueError(f"{piece!r}: the range is backwards")
            out.update(range(a, b + 1))
    return out


def expand_fields(values: Iterable[str]) -> frozenset[str]:
    known = set(FIELD_LABELS) | {"scale"}
    out: set[str] = set()
    for v in values:
        if v in FIELD_GROUPS:
            out.update(FIELD_GROUPS[v])
        elif v in known:
            out.add(v)
        else:
            raise ValueError(f"unknown field {v!r}; known: {', '.join([*FIELD_GROUPS, *sorted(known)])}")
    return frozenset(out)


@dataclass
class _Uses:
    fields: set[str] = field(default_factory=set)
    initiatives: set[int] = field(default_factory=set)  # 0 = the policy tree


def _uses(session: Session) -> dict[str, _Uses]:
    uses: dict[str, _Uses] = {}
    for h, n, fld in session.execute(select(Segment.source_hash, Segment.initiative_number, Segment.field)):
        u = uses.setdefault(h, _Uses())
        u.fields.add(fld)
        u.initiatives.add(n)
    return uses


def select_entries(session: Session, entries: list[Entry], sel: Selection) -> list[Entry]:
    """The entries ``sel`` asks for, whatever the locale (states: see export)."""
    uses = _uses(session)
    if sel.initiatives:
        missing = sel.initiatives - {n for u in uses.values() for n in u.initiatives}
        if missing:
            raise CatalogError(f"no such initiative: {', '.join(map(str, sorted(missing)))}")
    out = []
    for e in entries:
        u = uses.get(e.source_hash, _Uses())
        if sel.initiatives:
            used = min(u.initiatives) if sel.first_use and u.initiatives else None
            if sel.first_use and used not in sel.initiatives:
                continue
            if not sel.first_use and not (u.initiatives & sel.initiatives):
                continue
        if sel.fields and not (u.fields & sel.fields):
            continue
        out.append(e)
    return out


def neighbours(session: Session, entries: list[Entry]) -> dict[str, list[str]]:
    """Source hash → ``#.`` lines with the sentences before and after the
    text's first use in its field (a translator reads it in context)."""
    by_key: dict[str, str] = {k: s for k, s in session.execute(select(Segment.key, Segment.source))}
    out: dict[str, list[str]] = {}
    for e in entries:
        head, _, ordinal = e.places[0].key.rpartition("/")
        if not ordinal.isdigit() or head.rpartition("/")[2] not in PROSE_FIELDS:
            continue  # a label: no sentences around it
        lines = []
        for label, key in (("before", f"{head}/{int(ordinal) - 1}"), ("after", f"{head}/{int(ordinal) + 1}")):
            text = by_key.get(key)
            if text:
                cut = text if len(text) <= NEIGHBOUR_CHARS else text[:NEIGHBOUR_CHARS] + "…"
                lines.append(f"{label}: {cut}")
        if lines:
            out[e.source_hash] = lines
    return out


def unsaved_work(session: Session, loc: LocaleInfo, data: bytes, name: str) -> list[str]:
    """Msgids of entries in an existing file whose text or translator's note
    the store does not have (exporting over it would lose them)."""
    try:
        po = read_catalog(data, name)
    except CatalogError:
        return ["(the file is not a readable .po: it may be someone's work)"]
    rows = locale_rows(session, loc)
    notes = comments.for_locale(session, loc.code)
    lost = []
    for e in po.entries:
        t = rows.get(source_hash(e.msgid))
        text = e.msgstr.strip()
        new_text = bool(text) and (t is None or (t.text or "").strip() != text)
        new_note = bool(e.notes) and not comments.same(e.notes, notes.get(t.id) if t is not None else None)
        if new_text or new_note:
            lost.append(e.msgid)
    return lost


def export(
    session: Session,
    out_dir: Path,
    targets: Sequence[LocaleInfo] = TARGETS,
    initiatives: Iterable[int] | None = None,
    *,
    selection: Selection | None = None,
    context: bool = True,
    force: bool = False,
) -> list[Path]:
    """Write ``content-<babel id><suffix>.po`` per locale for a translator.

    Only the entries ``selection`` (or ``initiatives``) asks for; with
    ``context`` each sentence carries its neighbours.  Importing the file
    changes only those entries.  A file of the same name that holds work the
    store does not have is not overwritten (:class:`UnsavedWork`) unless
    ``force``; nothing is written then."""
    sel = selection or Selection(initiatives=frozenset(initiatives or ()))
    entries = select_entries(session, collect(session), sel)
    extra = neighbours(session, entries) if context else None
    outputs: list[tuple[Path, bytes]] = []
    for loc in targets:
        mine = entries
        if sel.states:
            rows = locale_rows(session, loc)
            mine = [e for e in entries
                    if (rows[e.source_hash].state if e.source_hash in rows else State.UNTRANSLATED) in sel.states]
        path = out_dir / export_name(loc, sel.suffix())
        data = render_export(build_catalog(session, loc, mine, extra=extra), f"{loc.english_name} ({loc.babel_id})")
        if path.exists() and not force and path.read_bytes() != data:
            lost = unsaved_work(session, loc, path.read_bytes(), str(path))
            if lost:
                listing = "\n  ".join(m[:60] for m in lost[:10])
                more = f"\n  … and {len(lost) - 10} more" if len(lost) > 10 else ""
                raise UnsavedWork(
                    f"{path} holds {len(lost)} entries (text or notes) the store does not have:\n  "
                    f"{listing}{more}\nImport it first (kintl-pub catalogs import {path} --lang {loc.code} --as NAME), "
                    "or pass --force to overwrite it. Nothing was written."
                )
        outputs.append((path, data))
    for path, data in outputs:
        write_if_changed(path, data)
    return [p for p, _ in outputs]


def export_name(loc: LocaleInfo, suffix: str = "") -> str:
    # One flat folder a translator can be mailed; the header names the
    # language, the file name only helps people.
    return f"content-{loc.babel_id}{suffix}.po"
