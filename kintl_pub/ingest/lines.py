"""Lines: classify every line of the sheet and follow the policy tree.

Besides the table rows the sheet holds page furniture (a title line and a
column-header line repeated on every page, dashed separator lines, blank
lines), heading lines for the policy tree (【取組方針 Ⅰ】, 取組の方向性 1,
①) and legend lines (※ …) at the end.  :func:`walk_lines` reads them top
to bottom into a :class:`Walk`: the tree's titles, the table rows (read into
columns by :mod:`.rows`), the legend, and what a human should check.
:mod:`.lossless` reads the lines again with the same patterns.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..text import CIRCLED, circled_value
from . import cells as C
from . import rows
from .model import (
    ControlCharacterError,
    NotASheetError,
    ParsedAnomaly,
    ParsedSheet,
    TruncatedSheetError,
)
from .rows import SheetRow, fingerprint

# Minimum cells of a table line (after dropping trailing empty cells): even
# the most shifted real row keeps name, plan, 達成度, 実績, 貢献度, two prose
# cells and the bureau.
MIN_ROW_CELLS = 7

POLICY = re.compile(r"^【\s*取組方針\s*(?P<num>[^】\s]+)\s*】\s*(?P<title>.*)$")
DIRECTION = re.compile(r"^取組の方向性\s*(?P<num>[0-9０-９]+)\s*(?P<title>.*)$")
FOCUS = re.compile(rf"^(?P<num>[{CIRCLED}])\s*(?P<title>.*)$")
DASHES = re.compile(r"^[-‐－―ー=_\s]+$")
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9}


@dataclass
class Walk:
    """State while walking the lines top to bottom."""

    sheet: ParsedSheet
    rows: list[SheetRow] = field(default_factory=list)
    policy: int | None = None
    direction: int | None = None
    focus: int | None = None
    section: int = 0
    page: int = 0
    sheet_title: str | None = None
    header_seen: bool = False
    legend: list[tuple[int, str]] = field(default_factory=list)
    last_heading: tuple[int, str] | None = None  # heading not yet followed by a row
    anomalies: list[ParsedAnomaly] = field(default_factory=list)


# Characters a cell never holds: C0/C1 controls but the tab, the Unicode line
# and paragraph separators, and the bidirectional overrides (which reorder
# what a reader sees).  ``str.splitlines`` would break a line at several of
# them (VT, FF, NEL, U+2028), so one cell became two "cut off" records.
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_CHAR_NAMES = {
    "\x0b": "vertical tab", "\x0c": "form feed", "\x0d": "carriage return", "\x1b": "escape (ESC: an ANSI escape sequence?)",
    "\x85": "next-line character NEL", "\u2028": "line separator", "\u2029": "paragraph separator",
}


def split_lines(text: str) -> list[str]:
    """The sheet's lines: broken at LF only (CRLF and a lone CR count as LF)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def check_characters(lines: list[str]) -> None:
    """Refuse a control character inside a line, naming it and its cell."""
    for lineno, line in enumerate(lines, 1):
        m = _FORBIDDEN.search(line)
        if m is None:
            continue
        ch = m.group()
        name = _CHAR_NAMES.get(ch) or unicodedata.name(ch, "control character").lower()
        col = line.count("\t", 0, m.start()) + 1
        cell = line.split("\t")[col - 1]
        raise ControlCharacterError(
            f"line {lineno}, column {col}: a {name} (U+{ord(ch):04X}) inside the cell "
            f"{cell[:30]!r}: a cell holds text only and this is not a line break of the sheet "
            "— replace it with a space (or remove it) and import again"
        )


def split_cells(line: str) -> list[str]:
    cells = line.split("\t")
    while cells and not cells[-1].strip():
        cells.pop()
    return cells


def is_header(cells: list[str]) -> bool:
    joined = "".join(cells)
    return (
        len(cells) >= 9
        and cells[0].strip() == "取組名"
        and "事務事業名" in joined
        and "担当局" in joined
    )


def find_header(lines: list[str]) -> None:
    for line in lines:
        if is_header(split_cells(line)):
            return
    for line in lines:
        if line.lstrip("\ufeff").startswith("取組名") and "," in line and "担当局" in line:
            raise NotASheetError(
                "the column header is comma-separated: this is a CSV export, not the "
                "tab-separated progress sheet (export the PDF text as TSV)"
            )
    raise NotASheetError(
        "no column-header line found (a tab-separated line starting with 取組名 "
        "and naming 事務事業名 … 担当局): this is not the progress sheet"
    )


def _roman(num: str) -> int:
    folded = unicodedata.normalize("NFKC", num).strip().upper()
    if folded.isascii() and folded.isdigit():
        return int(folded)
    if folded in _ROMAN:
        return _ROMAN[folded]
    raise NotASheetError(f"unreadable policy number {num!r}")


def walk_lines(lines: list[str], sheet: ParsedSheet) -> Walk:
    walk = Walk(sheet)
    for index, line in enumerate(lines):
        _classify(walk, index + 1, line)
    return walk


def _classify(walk: Walk, lineno: int, line: str) -> None:
    cells = split_cells(line)
    text = line.strip()
    if not text:
        return
    if len(cells) <= 1:
        _single_cell_line(walk, lineno, text)
        return
    if is_header(cells):
        walk.header_seen = True
        walk.page += 1
        return
    if all(DASHES.match(c) or not c.strip() for c in cells):
        return  # dashed separator line
    if walk.legend:
        raise NotASheetError(f"line {lineno}: a table row after the legend lines")
    _table_row(walk, lineno, cells)


def _single_cell_line(walk: Walk, lineno: int, text: str) -> None:
    if text.startswith("※"):
        walk.legend.append((lineno, text))
        return
    if not walk.header_seen and walk.sheet_title is None and not walk.rows:
        walk.sheet_title = text  # the page title, repeated on every page
        return
    if text == walk.sheet_title or DASHES.match(text):
        return
    if _heading(walk, lineno, text):
        return
    walk.anomalies.append(
        ParsedAnomaly(
            None,
            lineno,
            "unrecognised-line",
            f"a line that is neither a table row, a heading nor page furniture: {text[:60]!r}",
            "not stored; check the source",
        )
    )


def _heading(walk: Walk, lineno: int, text: str) -> bool:
    sheet = walk.sheet
    if m := POLICY.match(text):
        walk.policy, walk.direction, walk.focus = _roman(m["num"]), None, None
        _set_title(walk, sheet.policies, walk.policy, m["title"], lineno)
    elif m := DIRECTION.match(text):
        if walk.policy is None:
            raise NotASheetError(f"line {lineno}: 取組の方向性 heading before any 【取組方針】")
        walk.direction = int(unicodedata.normalize("NFKC", m["num"]))
        walk.focus = None
        _set_title(walk, sheet.directions, (walk.policy, walk.direction), m["title"], lineno)
    elif m := FOCUS.match(text):
        if walk.direction is None or walk.policy is None:
            raise NotASheetError(f"line {lineno}: focus heading {text[:1]} before any 取組の方向性")
        walk.focus = circled_value(m["num"])
        key = (walk.policy, walk.direction, walk.focus)
        _set_title(walk, sheet.focuses, key, m["title"], lineno)
    else:
        return False
    walk.section += 1
    walk.last_heading = (lineno, text)
    return True


def _set_title(walk: Walk, table: dict, key: object, title: str, lineno: int) -> None:
    title = C.squash(title)
    old = table.get(key)
    if old is None or old == title:
        table[key] = title
        return
    # The same heading printed twice with different text (one copy cut by
    # the PDF): keep the longer, report both.
    keep = max(old, title, key=len)
    table[key] = keep
    walk.anomalies.append(
        ParsedAnomaly(
            None, lineno, "heading-differs",
            f"heading {key} printed again as {title!r}, earlier {old!r}",
            f"kept {keep!r}",
        )
    )


def _table_row(walk: Walk, lineno: int, cells: list[str]) -> None:
    if not walk.header_seen:
        raise NotASheetError(f"line {lineno}: a table row before the column-header line")
    anchors = rows.anchors(cells)
    if len(cells) < MIN_ROW_CELLS or anchors is None:
        what = (
            f"only {len(cells)} cells" if len(cells) < MIN_ROW_CELLS
            else "no 達成度 (\"3. …\") and 貢献度 (\"A. …\") cells"
        )
        raise TruncatedSheetError(
            f"line {lineno}: a table row with {what} — the record is cut off "
            f"(starts {cells[0][:30]!r})"
        )
    if walk.policy is None or walk.direction is None or walk.focus is None:
        raise NotASheetError(
            f"line {lineno}: a table row before its 【取組方針】/取組の方向性/① headings"
        )
    row = SheetRow(
        line=lineno,
        cells=cells,
        fingerprint=fingerprint(cells),
        section=walk.section,
        page=walk.page,
        hierarchy=(walk.policy, walk.direction, walk.focus),
    )
    rows.read_columns(row, cells, anchors)
    walk.rows.append(row)
    walk.last_heading = None


def check_end(walk: Walk, lines: list[str]) -> None:
    if not walk.rows:
        raise TruncatedSheetError("the sheet has a column header but no table rows")
    if walk.last_heading is not None:
        lineno, text = walk.last_heading
        raise TruncatedSheetError(
            f"line {lineno}: heading {text[:30]!r} is followed by no table row — the file is cut off"
        )
    legend_text = " ".join(t for _, t in walk.legend)
    if not walk.legend or "達成度" not in legend_text or "貢献度" not in legend_text:
        raise TruncatedSheetError(
            f"the legend lines that end the sheet (※ 達成度 / 貢献度 codes) are missing after "
            f"line {walk.rows[-1].line}: the file is cut off (last row starts "
            f"{walk.rows[-1].cells[0][:20]!r})"
        )
    lineno, last = walk.legend[-1]
    balanced = last.count("【") == last.count("】") and last.count("「") == last.count("」")
    if not balanced or not last.endswith(("】", "。", ")", "）")):
        raise TruncatedSheetError(f"line {lineno}: the last legend line is cut off: {last[-30:]!r}")
