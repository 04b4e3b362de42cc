"""Guard an import against what it would silently undo.

Checked on the parsed sheet against the store, before anything is written.
An import is refused (``RemovalError``: what would disappear, and the line
that caused it) unless the person allows it (``import --allow-removals``;
the removal is then recorded and can be undone with ``undo-import``) when it
would

* remove an initiative, or a programme row of one, that the store has;
* renumber: a title the store has under one number appears under another;
* bring in a number the store does not have yet that breaks the sheet's own
  sequence: out of order, or beyond 1..N where N is how many initiatives the
  sheet has — or, on a first import, a sheet whose numbers leave a gap.

(A number printed twice never gets this far: the parser refuses it.)

A sheet the store already matches passes again: a gap or a merge someone
allowed once is not asked about on every later import.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..store.models import Initiative
from .model import ParsedInitiative, ParsedSheet, RemovalError

#: Problems listed in the message; the rest are counted.
SHOWN = 12


@dataclass(frozen=True)
class _Stored:
    title: str | None
    programs: list[tuple[str | None, int]]  # (name, line it was imported from)


def _line(ini: ParsedInitiative) -> int:
    return ini.programs[0].line_start if ini.programs else 0


def _title(title: str | None) -> str:
    return f"「{title}」" if title else "(no title)"


def check(session: Session, sheet: ParsedSheet) -> list[str]:
    """What the import would remove, renumber or bring in out of sequence
    (empty: nothing to ask about)."""
    stored = {
        i.number: _Stored(i.title, [(p.name, p.line_start) for p in i.programs])
        for i in session.scalars(select(Initiative).options(selectinload(Initiative.programs)))
    }
    new = {i.number: i for i in sheet.initiatives}
    problems = _sequence(sheet, new, stored)
    problems += _removed(sheet, new, stored)
    problems += _renumbered(new, stored)
    return problems


def refuse_unless_allowed(problems: list[str], allow: bool) -> None:
    if not problems or allow:
        return
    shown = "\n  - ".join(problems[:SHOWN])
    more = f"\n  … and {len(problems) - SHOWN} more" if len(problems) > SHOWN else ""
    raise RemovalError(
        f"the import would remove or renumber initiatives ({len(problems)} problem(s)):\n  - "
        f"{shown}{more}\nIf the sheet really is meant to do this, import it with --allow-removals: "
        "what it removes is recorded and `kintl-pub undo-import` puts it back"
    )


def _neighbours(numbers: list[int], missing: int, new: dict[int, ParsedInitiative]) -> str:
    at = bisect_left(numbers, missing)
    before = numbers[at - 1] if at > 0 else None
    after = numbers[at] if at < len(numbers) else None
    parts = []
    if before is not None:
        parts.append(f"from {before} (line {_line(new[before])})")
    if after is not None:
        parts.append(f"to {after} (line {_line(new[after])})")
    return "the sheet goes " + " ".join(parts) if parts else "the sheet has no numbered rows"


def _sequence(sheet: ParsedSheet, new: dict[int, ParsedInitiative], stored: dict[int, _Stored]) -> list[str]:
    problems: list[str] = []
    count = len(new)
    for a in sheet.anomalies:
        n = a.initiative_number
        if n is None or n not in new:
            continue
        if a.kind == "number-order" and n not in stored:
            problems.append(f"line {a.line}: {a.message}: numbers must rise down the sheet")
    for n, ini in sorted(new.items()):
        if n > count and n not in stored:
            problems.append(
                f"line {_line(ini)}: number {n} is outside the sheet's range 1–{count} "
                f"(it has {count} initiatives) and the store has no initiative {n}"
            )
    if not stored:
        numbers = sorted(new)
        for m in sorted(set(range(1, max(numbers, default=0) + 1)) - set(numbers)):
            problems.append(f"no row numbered {m}: {_neighbours(numbers, m, new)} — a row lost its number")
    return problems


def _removed(sheet: ParsedSheet, new: dict[int, ParsedInitiative], stored: dict[int, _Stored]) -> list[str]:
    problems: list[str] = []
    numbers = sorted(new)
    for n, old in sorted(stored.items()):
        if n not in new:
            was = f" (imported from line {old.programs[0][1]})" if old.programs else ""
            problems.append(
                f"initiative {n} {_title(old.title)}{was} would disappear: no row of the sheet is "
                f"numbered {n}; {_neighbours(numbers, n, new)}"
            )
            continue
        rows = new[n].programs
        for pos, (name, line) in enumerate(old.programs[len(rows):], start=len(rows)):
            lines = ", ".join(str(p.line_start) for p in rows)
            problems.append(
                f"initiative {n} would lose programme row {pos + 1} {_title(name)} (imported from "
                f"line {line}): the sheet has {len(rows)} row(s) for it (line {lines})"
            )
    return problems


def _renumbered(new: dict[int, ParsedInitiative], stored: dict[int, _Stored]) -> list[str]:
    def unique(pairs: list[tuple[str | None, int]]) -> dict[str, int]:
        seen: dict[str, int] = {}
        twice: set[str] = set()
        for title, n in pairs:
            if title:
                if title in seen:
                    twice.add(title)
                seen[title] = n
        return {t: n for t, n in seen.items() if t not in twice}

    old_by_title = unique([(s.title, n) for n, s in stored.items()])
    problems = []
    for title, n in unique([(i.title, i.number) for i in new.values()]).items():
        was = old_by_title.get(title)
        if was is not None and was != n:
            problems.append(
                f"line {_line(new[n])}: {_title(title)} is initiative {was} in the store but "
                f"numbered {n} in the sheet: the initiatives would be renumbered"
            )
    return problems
