"""Assembling: attributed rows → ``ParsedInitiative``/``ParsedProgram``.

Cells are cleaned into stored text (``cells.clean_prose``), the initiative
title is taken from its numbered row, and OCR slips are reported (never
rewritten silently).
"""

from __future__ import annotations

from ..store.models import PROGRAM_WRITTEN_FIELDS, PROSE_FIELDS
from . import cells as C
from .grouping import resolve_lone_names
from .model import ParsedAnomaly, ParsedInitiative, ParsedProgram, ParsedSheet
from .rows import SheetRow


def _to_program(row: SheetRow) -> ParsedProgram:
    prose = {}
    for name in PROSE_FIELDS:
        cleaned = C.clean_prose(getattr(row, name))
        prose[name] = cleaned.text
        if cleaned.unexpected_tags:
            row.note(
                "unexpected-html",
                f"{name}: tags {sorted(set(cleaned.unexpected_tags))} outside p/ul/li",
                "tags dropped, their text kept as plain text",
            )
    ach = row.achievement
    con = row.contribution
    return ParsedProgram(
        name=row.program_name,
        measure_code=row.measure_code,
        ward=row.ward,
        content=prose["content"],
        plan=prose["plan"],
        achievement=ach[0] if ach else None,
        achievement_label=ach[1] if ach else None,
        results=prose["results"],
        contribution=con[0] if con else None,
        contribution_label=con[1] if con else None,
        reason=prose["reason"],
        future=prose["future"],
        bureau=row.bureau,
        line_start=row.line,
        line_end=row.line,
    )


def _report_ocr(row: SheetRow, program: ParsedProgram, title: str | None) -> None:
    fields = {"title": title, **{f: getattr(program, f) for f in PROGRAM_WRITTEN_FIELDS}}
    for fname, value in fields.items():
        for slip in C.find_ocr_slips(value or ""):
            row.note(
                slip.kind,
                f"{fname}: {slip.found!r} in …{slip.context}…",
                "kept verbatim (never rewritten silently); fix with a typo correction",
            )


def assemble(sheet: ParsedSheet, rows: list[SheetRow]) -> None:
    """Group the attributed rows into initiatives and clean them into programmes."""
    groups: dict[int, list[SheetRow]] = {}
    for row in rows:
        assert row.initiative is not None
        groups.setdefault(row.initiative, []).append(row)
    resolve_lone_names(groups)
    for number in sorted(groups):
        members = sorted(groups[number], key=lambda r: r.line)
        anchor = next((r for r in members if r.number == number), members[0])
        title = anchor.title
        if title is None and not any(a.kind == "missing-title" for a in anchor.anomalies):
            anchor.note("missing-title", f"initiative {number}: the 取組名 cell is empty",
                        "title left empty (null)")
        p, d, f = anchor.hierarchy
        initiative = ParsedInitiative(number, title, p, d, f)
        for row in members:
            program = _to_program(row)
            _report_ocr(row, program, title if row is anchor else None)
            initiative.programs.append(program)
        sheet.initiatives.append(initiative)


def check_sequence(sheet: ParsedSheet, anomalies: list[ParsedAnomaly]) -> None:
    numbers = [i.number for i in sheet.initiatives]
    if not numbers:
        return
    missing = sorted(set(range(1, max(numbers) + 1)) - set(numbers))
    for n in missing:
        anomalies.append(
            ParsedAnomaly(n, 0, "number-gap", f"no initiative numbered {n} in the sheet",
                          "nothing stored for this number")
        )
