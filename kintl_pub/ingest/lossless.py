"""Lossless check: every non-empty source cell ends up in exactly one field.

Every import runs it (``parse_sheet``): a parse that would lose a source
cell, copy one into two fields or invent text is refused before anything is
written (``CellLossError``).  Independent of the parser's row logic (it
shares only the line patterns of :mod:`.lines`): it reads the raw text again, keys
every cell by its text (tags stripped, entities unescaped, whitespace
removed) and matches it against the stored pieces of the programme row whose
provenance names that line — a stored piece can be used once, so a cell
copied into two fields, or text that came from nowhere, is reported too.
Headings must reappear as policy/direction/focus titles; page furniture (the
title line, the column-header line, dashed lines) and the ※ legend lines are
consumed knowingly, and so are lines the parser reported as
``unrecognised-line`` anomalies (not stored, shown to an editor).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from ..segment import parse_blocks
from .cells import plain_text, squash
from .lines import DASHES, DIRECTION, FOCUS, POLICY, is_header, split_cells, split_lines
from .model import ParsedInitiative, ParsedProgram, ParsedSheet

#: (old, new, initiative, field) of one typo correction
Fix = tuple[str, str, int, str]


def _heading(text: str) -> re.Match[str] | None:
    return POLICY.match(text) or DIRECTION.match(text) or FOCUS.match(text)


_LEADING_DIGITS = re.compile(r"\d+")


def _key(text: str) -> str:
    key = re.sub(r"\s+", "", text)
    # A number cell may be written in full-width digits (１５): the parser reads
    # it through NFKC, so the key of a leading digit run does too (both sides).
    if m := _LEADING_DIGITS.match(key):
        key = unicodedata.normalize("NFKC", m.group()) + key[m.end():]
    return key


def _stored_key(text: str | None) -> str:
    if not text:
        return ""
    return _key(" ".join(i for b in parse_blocks(text) for i in b.items))


def _unfix(text: str | None, replacements: list[Fix], number: int, field: str) -> str | None:
    """Undo editor typo corrections so stored text compares with the source
    (only the ones made in this initiative's field: 人材確保 is right in one
    place and the fix of 人材開く保 in another)."""
    if text is None:
        return None
    for old, new, ini, fld in replacements:
        if ini == number and fld == field:
            text = text.replace(new, old)
    return text


def _program_pieces(p: ParsedProgram, fixes: list[Fix], number: int) -> list[tuple[str, str]]:
    pieces = [
        ("name", _key(_unfix(p.name, fixes, number, "name") or "")),
        ("measure_code", _key(p.measure_code or "")),
        ("ward", _key(p.ward or "")),
        ("bureau", _key(_unfix(p.bureau, fixes, number, "bureau") or "")),
        ("achievement", _key(f"{p.achievement}.{p.achievement_label}") if p.achievement else ""),
        ("contribution", _key(f"{p.contribution}.{p.contribution_label}") if p.contribution else ""),
    ]
    for field in ("content", "plan", "results", "reason", "future"):
        pieces.append((field, _stored_key(_unfix(getattr(p, field), fixes, number, field))))
    return [(f, k) for f, k in pieces if k]


class _Pieces:
    """Stored pieces, each to be claimed by source cells exactly once.

    ``rest[i]`` is the part of piece ``i`` no cell has claimed yet: a piece
    the parser joined from several cells ("joined into content", the name
    cells after a lost number) is claimed by those cells in order."""

    def __init__(self, pieces: list[tuple[str, str]]) -> None:
        self.pieces = pieces
        self.rest = {i: key for i, (_, key) in enumerate(pieces)}

    def whole(self) -> list[int]:
        return [i for i, (_, key) in enumerate(self.pieces) if self.rest[i] == key]

    def partial(self) -> list[int]:
        return [i for i, (_, key) in enumerate(self.pieces) if self.rest[i] and self.rest[i] != key]

    def leftovers(self) -> list[str]:
        return [f for i, (f, _) in enumerate(self.pieces) if self.rest[i]]


class _Pool:
    """Stored pieces of one line.  ``shared`` (the initiative's title and
    number) is one object for all rows of an initiative, so a title can be
    claimed by one source cell only."""

    def __init__(self, pieces: list[tuple[str, str]], shared: _Pieces) -> None:
        self.own = _Pieces(pieces)
        self.shared = shared

    def take(self, cell: str) -> bool:
        groups = (self.own, self.shared)
        partial = [(g, i) for g in groups for i in g.partial()]
        whole = [(g, i) for g in groups for i in g.whole()]
        for g, i in partial + whole:
            if g.rest[i] == cell:
                g.rest[i] = ""
                return True
        # A cell the parser split in two ("15 環境…", "交流推進事業 4-9-1"); its
        # first half may end a piece joined from several cells.
        for ga, a in partial + whole:
            if not cell.startswith(ga.rest[a]):
                continue
            for gb, b in whole:
                if (gb, b) != (ga, a) and ga.rest[a] + gb.rest[b] == cell:
                    ga.rest[a] = gb.rest[b] = ""
                    return True
        # The first (or next) of several cells the parser joined into one piece.
        for g, i in partial + whole:
            if g.rest[i].startswith(cell):
                g.rest[i] = g.rest[i][len(cell):]
                return True
        return False

    def leftovers(self) -> list[str]:
        return self.own.leftovers()


def check_lossless(
    text: str, sheet: ParsedSheet, replacements: Iterable[Fix] = ()
) -> list[str]:
    """Problems found (empty list = lossless).  ``replacements`` are the
    (old, new) pairs of applied typo corrections."""
    fixes = list(replacements)
    pools, shared = _pools(sheet, fixes)
    titles = _heading_titles(sheet)
    reported = {a.line for a in sheet.anomalies if a.kind == "unrecognised-line"}
    problems: list[str] = []
    page_title: str | None = None
    for lineno, line in enumerate(split_lines(text.lstrip("\ufeff")), start=1):
        cells = line.split("\t")
        nonempty = [c for c in cells if c.strip()]
        if not nonempty:
            continue
        if len(cells) == 1:
            single = squash(line)
            if page_title is None and not _heading(single) and not single.startswith("※"):
                page_title = single
            if lineno not in reported:
                problems.extend(_check_single(lineno, single, page_title, titles))
            continue
        if is_header(split_cells(line)) or all(DASHES.match(c) for c in nonempty):
            continue  # column header / dashed separator
        pool = pools.get(lineno)
        if pool is None:
            problems.append(f"line {lineno}: table row not stored in any programme row")
            continue
        for cell in nonempty:
            key = _key(plain_text(cell))
            if key and not pool.take(key):
                problems.append(f"line {lineno}: cell {plain_text(cell)[:40]!r} not found in a stored field")
    for lineno, pool in sorted(pools.items()):
        for field in pool.leftovers():
            problems.append(f"line {lineno}: stored {field} has no source cell (duplicated or invented)")
    edited = {
        a.initiative_number for a in sheet.anomalies
        if a.corrected and a.kind in ("missing-title", "title-override")
    }
    for number, sh in shared.items():
        if "title" in sh.leftovers() and number not in edited:
            problems.append(f"initiative {number}: stored title has no source cell")
    # An editor-set title has no source cell by design; it is not checked.
    return problems


def _pools(
    sheet: ParsedSheet, fixes: list[Fix]
) -> tuple[dict[int, _Pool], dict[int, _Pieces]]:
    pools: dict[int, _Pool] = {}
    shared: dict[int, _Pieces] = {}
    for ini in sheet.initiatives:
        shared[ini.number] = _Pieces(_initiative_pieces(ini, fixes))
        for p in ini.programs:
            for line in range(p.line_start, p.line_end + 1):
                pools[line] = _Pool(_program_pieces(p, fixes, ini.number), shared[ini.number])
    return pools, shared


def _initiative_pieces(ini: ParsedInitiative, fixes: list[Fix]) -> list[tuple[str, str]]:
    # The title first: a cell that reads like the number but was stored as
    # the title (a number the parser did not recognise) is the title's source.
    pieces = []
    if ini.title:
        pieces.append(("title", _key(_unfix(ini.title, fixes, ini.number, "title") or "")))
    pieces.append(("number", str(ini.number)))
    return pieces


def _heading_titles(sheet: ParsedSheet) -> set[str]:
    values: list[str] = [*sheet.policies.values(), *sheet.directions.values(), *sheet.focuses.values()]
    return {_key(v) for v in values}


def _check_single(lineno: int, text: str, page_title: str | None, titles: set[str]) -> list[str]:
    if text.startswith("※") or text == page_title or DASHES.match(text):
        return []  # legend / page furniture, consumed knowingly
    m = _heading(text)
    if m and _key(m["title"]) in titles:
        return []
    if m:
        return [f"line {lineno}: heading {text[:30]!r} not stored as a title"]
    return [f"line {lineno}: line {text[:30]!r} is not stored anywhere"]
