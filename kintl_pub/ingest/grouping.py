"""Grouping: give every table row its initiative.

A row without a number continues an initiative; when it sits between two
numbered rows of the same focus area, the content decides whether it
belongs to the previous or the next one (the PDF centres the number of a
merged cell).  A row with its own 取組名 but no number gets the gap in the
sequence.  Every decision a human should check becomes an anomaly on the row.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

from . import cells as C
from .model import NotASheetError, NumberError, ParsedAnomaly
from .rows import SheetRow


def infer_missing_numbers(rows: list[SheetRow]) -> None:
    """A row without a number but with its own 取組名 starts an initiative
    whose number the extraction lost: take the gap in the sequence."""
    used = {r.number for r in rows if r.number is not None}
    # The next printed number after each row (rows are in line order), and
    # "first free number >= n" with path compression: both linear overall,
    # where a scan of all rows / a walk over used numbers per row was not.
    next_printed: list[int | None] = [None] * len(rows)
    upcoming: int | None = None
    for k in range(len(rows) - 1, -1, -1):
        next_printed[k] = upcoming
        if rows[k].number is not None:
            upcoming = rows[k].number
    skip: dict[int, int] = {}

    def free(n: int) -> int:
        path = []
        while n in used:
            path.append(n)
            n = skip.get(n, n + 1)
        for p in path:
            skip[p] = n
        return n

    last = 0
    for k, row in enumerate(rows):
        if row.number is not None:
            last = row.number
            continue
        if not row.title:
            continue
        guess = free(last + 1)
        row.number, row.inferred_number = guess, True
        used.add(guess)
        nxt = next_printed[k]
        row.note(
            "missing-number",
            f"row has its own 取組名 {row.title!r} but no number; the sequence goes "
            f"{last} → {nxt if nxt is not None else 'end'}",
            f"numbered {guess} (the gap in the sequence)",
        )
        last = guess


class _Scorer:
    """How much a row's text shares with an initiative's anchor row.

    Character bigrams weighted by inverse document frequency over all rows,
    so 新型コロナウイルス (in every other row) counts for little and
    ミュージアム or 総合案内板 for much.
    """

    def __init__(self, rows: list[SheetRow]) -> None:
        self.grams = {r.line: _bigrams(_row_text(r)) for r in rows}
        df: Counter[str] = Counter()
        for grams in self.grams.values():
            df.update(grams)
        n = len(rows)
        self.idf = {g: math.log((n + 1) / (c + 0.5)) for g, c in df.items()}

    def score(self, row: SheetRow, anchor: SheetRow) -> tuple[float, list[str]]:
        mine = self.grams[row.line]
        theirs = self.grams[anchor.line]
        total = sum(self.idf[g] for g in mine) or 1.0
        shared = sorted(mine & theirs, key=lambda g: (-self.idf[g], g))  # word breaks ties: stable output
        value = sum(self.idf[g] for g in shared) / total
        evidence = []
        if row.measure_code and row.measure_code == anchor.measure_code:
            value += 0.1
            evidence.append(f"same 施策番号 {row.measure_code}")
        anchor_names = {anchor.program_name, anchor.lone_name} - {None}
        if row.program_name and row.program_name in anchor_names:
            value += 0.1
            evidence.append(f"same programme name {row.program_name}")
        if _ward_precedes(row, anchor):
            value += 0.1
            evidence.append(f"ward {row.ward} comes before {anchor.ward} in ward order")
        return value, evidence + [f"shared: {''.join(_join_grams(shared[:12]))}"]


def _row_text(row: SheetRow) -> str:
    parts = [*row.names, row.content, row.plan]
    return " ".join(C.plain_text(p) for p in parts if p)


def _bigrams(text: str) -> set[str]:
    out: set[str] = set()
    for run in re.findall(r"[\u30a0-\u30ff\u4e00-\u9fffA-Za-z]{2,}", text):
        out.update(run[i : i + 2] for i in range(len(run) - 1))
    return out


def _join_grams(grams: Iterable[str]) -> list[str]:
    return [g + " " for g in grams]


def attribute(rows: list[SheetRow]) -> list[ParsedAnomaly]:
    """Give every row an initiative number."""
    scorer = _Scorer(rows)
    anomalies: list[ParsedAnomaly] = []
    i = 0
    prev: SheetRow | None = None
    while i < len(rows):
        if rows[i].number is not None:
            prev = rows[i]
            prev.initiative = prev.number
            i += 1
            continue
        j = i
        while j < len(rows) and rows[j].number is None:
            j += 1
        run = rows[i:j]
        nxt = rows[j] if j < len(rows) else None
        _attribute_run(run, prev, nxt, scorer, anomalies)
        i = j
    return anomalies


def _same_section(a: SheetRow | None, b: SheetRow) -> bool:
    return a is not None and a.section == b.section


def _attribute_run(
    run: list[SheetRow],
    prev: SheetRow | None,
    nxt: SheetRow | None,
    scorer: _Scorer,
    anomalies: list[ParsedAnomaly],
) -> None:
    prev_ok = prev is not None and all(_same_section(prev, r) for r in run)
    next_ok = nxt is not None and all(_same_section(nxt, r) for r in run)
    if prev_ok and not next_ok:
        assert prev is not None  # prev_ok says so
        for r in run:
            r.initiative = prev.number
        return
    if next_ok and not prev_ok:
        assert nxt is not None  # next_ok says so
        for r in run:
            r.initiative = nxt.number
            r.note(
                "merged-row-attribution",
                f"row without a number ({r.program_name or '?'}) at the start of its focus "
                f"area; the next numbered row is {nxt.number}",
                f"attributed to initiative {nxt.number} (no earlier initiative in this area)",
            )
        return
    if not prev_ok and not next_ok:
        raise NotASheetError(
            f"line {run[0].line}: a row without an initiative number and no numbered row "
            "in its focus area"
        )
    assert prev is not None and nxt is not None
    _split_run(run, prev, nxt, scorer)


def _split_run(run: list[SheetRow], prev: SheetRow, nxt: SheetRow, scorer: _Scorer) -> None:
    """Rows between two numbered rows of one focus area: the literal reading
    is a continuation of the row above.  A row goes to the *next* numbered
    row only when the PDF could have centred that number below it (same
    page), something structural ties it there (same 施策番号, same programme
    name, or a ward that comes before the next row's ward in the city's ward
    order), and its text shares more with the next row than with the
    previous one.  Only a tail of the run can move (merged cells are
    contiguous)."""
    scores = [(scorer.score(r, prev), scorer.score(r, nxt)) for r in run]
    movable = [
        r.page == nxt.page and sn > sp and _structural_tie(r, nxt)
        for r, ((sp, _), (sn, _)) in zip(run, scores, strict=True)
    ]
    cut = len(run)
    while cut > 0 and movable[cut - 1]:
        cut -= 1
    for idx, (row, ((sp, ep), (sn, en))) in enumerate(zip(run, scores, strict=True)):
        to_next = idx >= cut
        row.initiative = nxt.number if to_next else prev.number
        if not to_next and sp >= sn:
            continue  # reads as the continuation it looks like: nothing to check
        evidence = (
            f"score vs {prev.number}: {sp:.2f} ({'; '.join(ep)}); "
            f"score vs {nxt.number}: {sn:.2f} ({'; '.join(en)})"
        )
        if to_next:
            decision = (f"attributed to initiative {nxt.number} (the PDF centred its number "
                        "below this row)")
        else:
            if row.page != nxt.page:
                why = f"the row is on an earlier page than {nxt.number}'s number"
            elif not movable[idx]:
                why = f"nothing structural (施策番号, programme name, ward order) ties it to {nxt.number}"
            else:
                why = f"rows after it stay with {prev.number} and a merged cell is contiguous"
            decision = (f"attributed to initiative {prev.number} (continuation of the row above): "
                        f"the text leans to {nxt.number} but {why}")
        row.note(
            "merged-row-attribution",
            f"row without a number ({row.program_name or '?'}, fingerprint {row.fingerprint}) "
            f"between initiatives {prev.number} and {nxt.number}; {evidence}",
            decision,
        )


def _structural_tie(row: SheetRow, anchor: SheetRow) -> bool:
    if row.measure_code and row.measure_code == anchor.measure_code:
        return True
    if row.program_name and row.program_name in {anchor.program_name, anchor.lone_name}:
        return True
    return _ward_precedes(row, anchor)


def _ward_precedes(row: SheetRow, anchor: SheetRow) -> bool:
    if not row.ward or not anchor.ward:
        return False
    return C.WARDS.index(row.ward) < C.WARDS.index(anchor.ward)


def resolve_lone_names(groups: dict[int, list[SheetRow]]) -> None:
    """A numbered row with a single name cell: 取組名 or 事務事業名?

    It is the programme when the same text names another programme row of
    the group, or when the group has several programme rows and the text
    ends like a programme (…事業/業務/事務): one initiative with several
    programmes is never titled after just one of them.  Otherwise it is the
    title, as the 取組名 column comes right after the number (the legend says
    a title "〇〇事業" is the programme itself).
    """
    for rows in groups.values():
        for row in rows:
            if row.lone_name is None:
                continue
            others = {r.program_name for r in rows if r is not row}
            several = len(rows) > 1
            name = row.lone_name
            if name in others or (several and C.looks_like_program_name(name)):
                row.program_name = name
                why = "same name as another programme row of the group" if name in others else (
                    f"the initiative has {len(rows)} programme rows and the name ends like a programme"
                )
                row.note(
                    "missing-title",
                    f"initiative {row.number}: only one name cell {name!r}; {why}",
                    "read as the programme name; title left empty (null)",
                )
            else:
                row.title = name
                row.note(
                    "missing-program-name",
                    f"initiative {row.number}: only one name cell {name!r} after the number",
                    "read as the 取組名 (title); programme name left empty (null)",
                )
            row.lone_name = None


def check_order(rows: list[SheetRow]) -> None:
    """A number printed twice is refused (``NumberError``): the rows would
    merge into one initiative and the other number would vanish (the issue's
    full-width ９ on row 80 made initiative 80 disappear).  A number lower
    than one before it is an anomaly; the import guard asks about it."""
    seen: dict[int, SheetRow] = {}
    last = 0
    for row in rows:
        if row.number is None:
            continue
        if (first := seen.get(row.number)) is not None:
            what = f" 「{row.names[0]}」" if row.names else ""
            was = f" 「{first.names[0]}」" if first.names else ""
            raise NumberError(
                f"line {row.line}: number {row.number}{what} is printed again (first on line "
                f"{first.line}{was}): each initiative's number is printed once — is the number "
                f"on line {row.line} wrong?"
            )
        if row.number < last:
            row.note("number-order", f"number {row.number} after {last}", "kept; sorted by number")
        seen[row.number] = row
        last = max(last, row.number)
