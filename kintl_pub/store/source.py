"""An editor's correction of one source field (from the workspace).

The stored field changes at once (a :class:`SourceRevision`, compare-and-set
against the text the editor loaded), and the change is also written as a
``[[typo]]`` entry of ``data/corrections.toml`` (the smallest unique span,
so the next ``kintl-pub import`` of the sheet applies it again instead of
undoing it).  The caller then syncs segments and marks translations outdated
(``segment.sync`` + ``catalogs.update.outdate``) and appends the entry
(``datafiles.append_block``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import cast

from sqlalchemy import Table, or_, select, update
from sqlalchemy.orm import Session

from .models import PROGRAM_WRITTEN_FIELDS, Initiative, Program, SourceRevision

#: fields an editor may correct: the initiative's title and a row's written fields
FIELDS: tuple[str, ...] = ("title", *PROGRAM_WRITTEN_FIELDS)
MAX_FIELD = 20_000


class SourceError(ValueError):
    """A refused correction (the message says why); nothing was written."""


class SourceConflict(SourceError):
    """The field changed since the editor loaded it."""


@dataclass(frozen=True)
class Typo:
    """The ``[[typo]]`` entry that redoes a correction on every import."""

    initiative: int
    field: str
    old: str
    new: str
    reason: str
    who: str

    def toml(self) -> str:
        # TOML basic strings take JSON's escapes
        def q(s: str) -> str:
            return json.dumps(s, ensure_ascii=False)

        return (f"[[typo]]  # workspace: {self.who}, {datetime.now(UTC):%Y-%m-%d}\n"
                f"initiative = {self.initiative}\nfield = {q(self.field)}\n"
                f"old = {q(self.old)}\nnew = {q(self.new)}\nreason = {q(self.reason)}\n")


def smallest_typo(before: str, after: str, others: list[str]) -> tuple[str, str]:
    """(old, new) with ``before.replace(old, new) == after`` where ``old``
    occurs once in ``before`` and in none of ``others`` (the import replaces
    it wherever the field holds it in the initiative)."""
    p = 0
    while p < min(len(before), len(after)) and before[p] == after[p]:
        p += 1
    s = 0
    while s < min(len(before), len(after)) - p and before[-1 - s] == after[-1 - s]:
        s += 1
    lo, hi = p, len(before) - s  # the changed span of ``before``
    grow = 0
    while True:
        a, b = max(0, lo - grow), min(len(before), hi + grow)
        old = before[a:b]
        new = after[a: len(after) - (len(before) - b)]
        if old and before.count(old) == 1 and not any(old in o for o in others):
            return old, new
        if a == 0 and b == len(before):
            raise SourceError("the text also stands in another row of this initiative: "
                              "write the correction in data/corrections.toml by hand (with a row selector)")
        grow += 1


def correct(
    session: Session, number: int, position: int | None, field: str, new_text: str, *,
    expected: str, who: str, reason: str,
) -> tuple[SourceRevision, Typo]:
    if field not in FIELDS or (field == "title") != (position is None):
        raise SourceError(f"not a correctable field: {field!r}")
    if not reason.strip():
        raise SourceError("say why (reason): it goes to data/corrections.toml with the fix")
    new_text = new_text.replace("\r\n", "\n").strip()
    if len(new_text) > MAX_FIELD:
        raise SourceError(f"a field holds at most {MAX_FIELD} characters")
    if any(ord(c) < 32 and c != "\n" for c in new_text):
        raise SourceError("the text holds control characters")
    ini = session.scalars(select(Initiative).where(Initiative.number == number)).first()
    if ini is None:
        raise SourceError(f"no initiative {number}")
    if field == "title":
        obj: Initiative | Program = ini
        entity, key = "initiative", f"initiative:{number}"
    else:
        prog = next((p for p in ini.programs if p.position == position), None)
        if prog is None:
            raise SourceError(f"initiative {number} has no row {position}")
        obj, entity, key = prog, "program", f"program:{number}:{position}"
    current = getattr(obj, field) or ""
    if current != expected:
        raise SourceConflict("this field changed since you opened it; nothing was written: look at it again")
    if new_text == current:
        raise SourceError("nothing changed")
    if not new_text:
        raise SourceError("a correction cannot empty a field")
    others = [] if field == "title" else [getattr(p, field) or "" for p in ini.programs if p is not obj]
    old, new = smallest_typo(current, new_text, others)
    # compare-and-set: two editors saving at once cannot both win
    table = cast(Table, type(obj).__table__)
    col = table.c[field]
    same = or_(col == current, col.is_(None)) if not current else col == current
    res = session.execute(
        update(table).where(table.c.id == obj.id, same)
        .values({field: new_text}).execution_options(synchronize_session=False)
    )
    if res.rowcount != 1:  # type: ignore[attr-defined]
        raise SourceConflict("this field changed since you opened it; nothing was written: look at it again")
    session.expire(obj)
    rev = SourceRevision(entity=entity, entity_key=key, field=field, old=current or None, new=new_text,
                         who=who, at=datetime.now(UTC))
    session.add(rev)
    session.flush()
    return rev, Typo(number, field, old, new, reason.strip(), who)


def revisions(session: Session, number: int, limit: int = 100) -> list[SourceRevision]:
    """Changes to an initiative's title and rows, newest first."""
    return list(session.scalars(
        select(SourceRevision).where(or_(SourceRevision.entity_key == f"initiative:{number}",
                                         SourceRevision.entity_key.like(f"program:{number}:%")))
        .order_by(SourceRevision.id.desc()).limit(limit)
    ))
