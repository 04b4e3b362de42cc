"""Seed sheet parser: the city's PDF-to-text progress sheet → ParsedSheet.

The sheet is tab-separated text.  Besides the table rows it holds page
furniture (a title line and a column-header line repeated on every page,
dashed separator lines, blank lines), heading lines for the policy tree and
legend lines (※ …) at the end.  Rows are read with general rules, never line
numbers:

* **anchors** — the achievement cell ("3. ほぼ目標どおり") and the
  contribution cell two cells later ("A. 貢献している") fix the middle of
  every row; the cells left of the achievement are read as
  number / 取組名 / 事務事業名 / 施策番号 / 取組の内容 / 令和3年度の取組内容
  and the cells right of the contribution as 評価の理由 / 今後 / 担当局,
  each side with typed rules for shifted, merged, glued or missing cells;
* **merged groups** — a row without a number continues an initiative; when
  it sits between two numbered rows of the same focus area, the content
  decides whether it belongs to the previous or the next one (the PDF
  centres the number of a merged cell);
* **anomalies** — every decision a human should check is recorded.

Detection rules for bad input (see :func:`parse_sheet`):

* encoding: UTF-8 only (BOM allowed).  Bytes that are not UTF-8 are tried as
  CP932/Shift_JIS and EUC-JP only to *name* the encoding in the error; UTF-16
  and binary input are named too.  Text that decodes as UTF-8 but is full of
  Latin-1 mojibake is rejected as well.
* empty: no non-whitespace character → ``EmptySheetError``.
* not a sheet: no tab-separated column-header line starting with 取組名 and
  naming 事務事業名 and 担当局 → ``NotASheetError`` (a comma-separated header is
  called out as CSV); a table row before the first heading, or a heading out
  of order, is also ``NotASheetError``.
* truncated: ``TruncatedSheetError`` when a table line lacks the
  achievement/contribution cells or has fewer than 7 cells (a record cut
  mid-line), when a heading is followed by no row at the end of the file,
  when the legend lines that close every sheet (the ※ lines defining the
  達成度 and 貢献度 codes) are missing, or when the last legend line is cut
  (unbalanced 【】/「」 or not ending in 】/。).
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import cells as C
from .corrections import apply_row_corrections, apply_text_corrections, load_corrections
from .model import (
    EmptySheetError,
    EncodingError,
    NotASheetError,
    ParsedAnomaly,
    ParsedInitiative,
    ParsedProgram,
    ParsedSheet,
    TruncatedSheetError,
)
from .rows import SheetRow, fingerprint

# Minimum cells of a table line (after dropping trailing empty cells): even
# the most shifted real row keeps name, plan, 達成度, 実績, 貢献度, two prose
# cells and the bureau.
MIN_ROW_CELLS = 7

_POLICY = re.compile(r"^【\s*取組方針\s*(?P<num>[^】\s]+)\s*】\s*(?P<title>.*)$")
_DIRECTION = re.compile(r"^取組の方向性\s*(?P<num>[0-9０-９]+)\s*(?P<title>.*)$")
_FOCUS = re.compile(r"^(?P<num>[\u2460-\u2473])\s*(?P<title>.*)$")
_DASHES = re.compile(r"^[-‐－―ー=_\s]+$")
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9}


# --------------------------------------------------------------------------
# decoding
# --------------------------------------------------------------------------


def decode(raw: bytes) -> str:
    """UTF-8 text of the file, or a specific error."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise EncodingError("the file is UTF-16 (byte-order mark found); save it as UTF-8")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EncodingError(_guess_encoding_message(raw, exc)) from None
    if "\x00" in text:
        raise EncodingError("the file contains NUL bytes: it is binary or UTF-16, not UTF-8 text")
    _reject_mojibake(text)
    return text


def _guess_encoding_message(raw: bytes, exc: UnicodeDecodeError) -> str:
    where = f"byte {exc.start} (0x{raw[exc.start]:02x}) is not valid UTF-8"
    best: tuple[int, str] | None = None
    for codec, name in (("cp932", "Shift_JIS (CP932)"), ("euc_jp", "EUC-JP")):
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        japanese = sum(1 for ch in text if _is_japanese(ch))
        if japanese and (best is None or japanese > best[0]):
            best = (japanese, name)
    if best:
        return (
            f"the file is not UTF-8: {where}; it decodes as {best[1]} "
            f"(probably saved by a Japanese Windows tool) — convert it to UTF-8, "
            f"e.g. `iconv -f {'CP932' if 'CP932' in best[1] else 'EUC-JP'} -t UTF-8`"
        )
    return f"the file is not UTF-8 text: {where}, and it is not Shift_JIS or EUC-JP either"


def _is_japanese(ch: str) -> bool:
    return "\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff"


# Same ranges as _is_japanese / the Latin-1 letters, counted by run.
_LATIN1_RUN = re.compile("[\u00c0-\u00ff]+")
_JAPANESE_RUN = re.compile("[\u3040-\u30ff\u4e00-\u9fff]+")


def _reject_mojibake(text: str) -> None:
    # Shift_JIS read as Latin-1 and re-saved as UTF-8 looks like "ì¬..." —
    # valid UTF-8, but no Japanese and many Latin-1 letters.
    latin1 = sum(map(len, _LATIN1_RUN.findall(text)))
    japanese = sum(map(len, _JAPANESE_RUN.findall(text)))
    if latin1 > 20 and latin1 > japanese:
        raise EncodingError(
            "the file is UTF-8 but its text is mojibake (Latin-1 letters where "
            "Japanese is expected): it was probably Shift_JIS decoded as Latin-1; "
            "re-export it from the original as UTF-8"
        )


# --------------------------------------------------------------------------
# line classification and hierarchy
# --------------------------------------------------------------------------


@dataclass
class _Walk:
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


def _split(line: str) -> list[str]:
    cells = line.split("\t")
    while cells and not cells[-1].strip():
        cells.pop()
    return cells


def _is_header(cells: list[str]) -> bool:
    joined = "".join(cells)
    return (
        len(cells) >= 9
        and cells[0].strip() == "取組名"
        and "事務事業名" in joined
        and "担当局" in joined
    )


def _find_header(lines: list[str]) -> None:
    for line in lines:
        if _is_header(_split(line)):
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
    if folded.isdigit():
        return int(folded)
    if folded in _ROMAN:
        return _ROMAN[folded]
    raise NotASheetError(f"unreadable policy number {num!r}")


def _walk_lines(lines: list[str], sheet: ParsedSheet) -> _Walk:
    walk = _Walk(sheet)
    for index, line in enumerate(lines):
        _classify(walk, index + 1, line)
    return walk


def _classify(walk: _Walk, lineno: int, line: str) -> None:
    cells = _split(line)
    text = line.strip()
    if not text:
        return
    if len(cells) <= 1:
        _single_cell_line(walk, lineno, text)
        return
    if _is_header(cells):
        walk.header_seen = True
        walk.page += 1
        return
    if all(_DASHES.match(c) or not c.strip() for c in cells):
        return  # dashed separator line
    if walk.legend:
        raise NotASheetError(f"line {lineno}: a table row after the legend lines")
    _table_row(walk, lineno, cells)


def _single_cell_line(walk: _Walk, lineno: int, text: str) -> None:
    if text.startswith("※"):
        walk.legend.append((lineno, text))
        return
    if not walk.header_seen and walk.sheet_title is None and not walk.rows:
        walk.sheet_title = text  # the page title, repeated on every page
        return
    if text == walk.sheet_title or _DASHES.match(text):
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


def _heading(walk: _Walk, lineno: int, text: str) -> bool:
    sheet = walk.sheet
    if m := _POLICY.match(text):
        walk.policy, walk.direction, walk.focus = _roman(m["num"]), None, None
        _set_title(walk, sheet.policies, walk.policy, m["title"], lineno)
    elif m := _DIRECTION.match(text):
        if walk.policy is None:
            raise NotASheetError(f"line {lineno}: 取組の方向性 heading before any 【取組方針】")
        walk.direction = int(unicodedata.normalize("NFKC", m["num"]))
        walk.focus = None
        _set_title(walk, sheet.directions, (walk.policy, walk.direction), m["title"], lineno)
    elif m := _FOCUS.match(text):
        if walk.direction is None or walk.policy is None:
            raise NotASheetError(f"line {lineno}: focus heading {text[:1]} before any 取組の方向性")
        walk.focus = ord(m["num"]) - 0x2460 + 1
        key = (walk.policy, walk.direction, walk.focus)
        _set_title(walk, sheet.focuses, key, m["title"], lineno)
    else:
        return False
    walk.section += 1
    walk.last_heading = (lineno, text)
    return True


def _set_title(walk: _Walk, table: dict, key: object, title: str, lineno: int) -> None:
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


# --------------------------------------------------------------------------
# table rows
# --------------------------------------------------------------------------


def _anchors(cells: list[str]) -> tuple[int, int] | None:
    """Index of the achievement cell and of the contribution cell."""
    for i, cell in enumerate(cells):
        if C.parse_achievement(cell) is None:
            continue
        for j in (i + 2, i + 1, i + 3):
            if j < len(cells) and C.parse_contribution(cells[j]) is not None:
                return i, j
    return None


def _table_row(walk: _Walk, lineno: int, cells: list[str]) -> None:
    if not walk.header_seen:
        raise NotASheetError(f"line {lineno}: a table row before the column-header line")
    anchors = _anchors(cells)
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
    ach, con = anchors
    _read_left(row, cells[:ach])
    _read_middle(row, cells, ach, con)
    _read_right(row, cells[con + 1 :])
    walk.rows.append(row)
    walk.last_heading = None


def _read_middle(row: SheetRow, cells: list[str], ach: int, con: int) -> None:
    row.achievement_raw = cells[ach]
    row.achievement = C.parse_achievement(cells[ach])
    row.contribution_raw = cells[con]
    row.contribution = C.parse_contribution(cells[con])
    between = [c for c in cells[ach + 1 : con]]
    if len(between) != 1:
        row.note(
            "shifted-cells",
            f"{len(between)} cells between 達成度 and 貢献度 (expected 1, 実績等)",
            "joined into results" if between else "results left empty",
        )
    row.results = "\n\n".join(c for c in between if c.strip())


def _split_number(cells: list[str], row: SheetRow) -> list[str]:
    """Take the initiative number (and a title glued to it) off the front."""
    cells = list(cells)
    if len(cells) >= 2 and not cells[0].strip() and _number_cell(cells[1]):
        row.note(
            "shifted-number",
            f"the initiative number {cells[1].strip()!r} is in the second column "
            "(an empty cell before it)",
            "read as the row's number",
        )
        cells = cells[1:]
    if cells and (m := C.NUMBER_AND_NAME.match(cells[0].strip())):
        row.number = int(m["number"])
        return ["<num>", m["name"], *cells[1:]]
    if cells and C.NUMBER.match(cells[0].strip()):
        row.number = int(cells[0].strip())
        return ["<num>", *cells[1:]]
    return cells


def _number_cell(cell: str) -> bool:
    return bool(C.NUMBER.match(cell.strip()) or C.NUMBER_AND_NAME.match(cell.strip()))


def _read_left(row: SheetRow, left: list[str]) -> None:
    """number / 取組名 / 事務事業名 / 施策番号 / 取組の内容 / 令和3年度の取組内容."""
    cells = _split_number(left, row)
    if not cells:
        row.note("missing-cell", "no cells before the 達成度 cell", "all left columns empty")
        return
    row.plan = cells[-1]
    rest = cells[:-1]
    if len(rest) == 5 and (C.is_code_or_ward(rest[3]) or not rest[3].strip()):
        # The full layout: number, title, programme, code, content.
        head, code, content = rest[:3], rest[3], [rest[4]]
    else:
        head, code, content = _locate_code(rest)
    _set_code(row, code, head)
    if not row.measure_code and not row.ward:
        row.note("missing-measure-code", "no 施策番号 (and no ward) in the row",
                 "measure code left empty (null)")
    row.content = "\n\n".join(c for c in content if c.strip())
    if len(content) > 1:
        row.note(
            "shifted-cells",
            f"{len(content)} cells between 施策番号 and 令和3年度の取組内容",
            "joined into content",
        )
    _read_names(row, head)


def _locate_code(rest: list[str]) -> tuple[list[str], str, list[str]]:
    """Split the cells before the plan at the 施策番号 (or ward) cell."""
    for k in range(len(rest) - 1, -1, -1):
        cell = rest[k]
        if C.is_code_or_ward(cell) or (
            k <= 3 and not _is_prose(cell) and C.split_glued_code(cell)
        ):
            return rest[:k], cell, rest[k + 1 :]
    # No 施策番号 at all: the cell before the plan is the content, unless the
    # row is too short to have one (a continuation row: name, plan).
    names = [c for c in rest if c != "<num>"]
    if (len(names) >= 2 and _is_prose(rest[-1])) or len(names) >= 3:
        return rest[:-1], "", [rest[-1]]
    return rest, "", []


def _is_prose(cell: str) -> bool:
    text = cell.strip()
    return len(text) > 40 or "。" in text or C.has_html(text)


def _set_code(row: SheetRow, code: str, head: list[str]) -> None:
    code = code.strip()
    if not code:
        return
    if C.is_ward(code):
        row.ward = code
    elif C.is_measure_code(code):
        row.measure_code = code
    elif glued := C.split_glued_code(code):
        name, value = glued
        head.append(name)
        _set_code(row, value, head)
        row.note(
            "glued-measure-code",
            f"施策番号/ward {value!r} glued to the programme name in one cell: {code!r}",
            f"split into name {name!r} and {'ward' if C.is_ward(value) else 'measure code'} {value!r}",
        )
    if row.measure_code and not re.fullmatch(r"\d{1,2}-\d{1,2}-\d{1,2}", row.measure_code):
        row.note(
            "malformed-measure-code",
            f"施策番号 {row.measure_code!r} has fewer than three parts (cut by the PDF?)",
            "kept as printed",
        )


def _read_names(row: SheetRow, head: list[str]) -> None:
    """取組名 and 事務事業名 from the cells between the number and 施策番号."""
    numbered = bool(head) and head[0] == "<num>"
    names = head[1:] if numbered else list(head)
    if not numbered and len(names) >= 2 and not names[0].strip():
        names = names[1:]  # the empty number column of a continuation row
    if len(names) > 2:
        row.note(
            "shifted-cells",
            f"{len(names)} name cells before 施策番号: {[n[:20] for n in names]}",
            "first read as 取組名, the rest joined as 事務事業名",
        )
        names = [names[0], " ".join(n for n in names[1:] if n.strip())]
    if len(names) == 2:
        row.title = C.clean_label(names[0]) or None
        row.program_name = C.clean_label(names[1]) or None
    elif len(names) == 1 and names[0].strip():
        if numbered:
            row.lone_name = C.clean_label(names[0])  # decided in _resolve_lone_names
        else:
            row.program_name = C.clean_label(names[0])
    if row.number is None and not row.title and not row.program_name:
        row.note("missing-program-name", "continuation row without a programme name",
                 "programme name left empty (null)")


def _read_right(row: SheetRow, right: list[str]) -> None:
    """評価の理由 / 今後の事業の方向性 / 担当局 — the bureau may be missing, or
    have landed in the 今後 column with one prose cell missing."""
    cells = list(right)
    if cells and C.looks_like_bureau(cells[-1]):
        row.bureau = C.clean_label(cells.pop())
    elif cells:
        row.note(
            "missing-bureau",
            f"the last cell is not a bureau name: {C.plain_text(cells[-1])[:30]!r}…",
            "bureau left empty; the cells are read as 評価の理由 and 今後の事業の方向性",
        )
    else:
        row.note("missing-bureau", "no cells after 貢献度", "bureau, reason and future left empty")
    if len(cells) == 2:
        row.reason, row.future = cells
    elif len(cells) == 1:
        target, fut, rea = C.future_or_reason(C.plain_text(cells[0]))
        setattr(row, target, cells[0])
        missing = "評価の理由" if target == "future" else "今後の事業の方向性"
        row.note(
            "missing-cell",
            f"one prose cell between 貢献度 and 担当局 (expected 2); it has {fut} "
            f"future marker(s) (引き続き/今後/〜していきます …) and {rea} reason marker(s) "
            f"(〜ため/貢献 …): {C.plain_text(cells[0])[:40]!r}…",
            f"stored as {'future' if target == 'future' else 'reason'}; {missing} left empty",
        )
    elif len(cells) > 2:
        row.note(
            "shifted-cells",
            f"{len(cells)} prose cells between 貢献度 and 担当局 (expected 2)",
            "first is reason, the rest joined into future",
        )
        row.reason = cells[0]
        row.future = "\n\n".join(c for c in cells[1:] if c.strip())


# --------------------------------------------------------------------------
# grouping rows into initiatives
# --------------------------------------------------------------------------


def _infer_missing_numbers(rows: list[SheetRow]) -> None:
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


def _attribute(rows: list[SheetRow]) -> list[ParsedAnomaly]:
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
        for r in run:
            r.initiative = prev.number  # type: ignore[union-attr]
        return
    if next_ok and not prev_ok:
        for r in run:
            r.initiative = nxt.number  # type: ignore[union-attr]
            r.note(
                "merged-row-attribution",
                f"row without a number ({r.program_name or '?'}) at the start of its focus "
                f"area; the next numbered row is {nxt.number}",  # type: ignore[union-attr]
                f"attributed to initiative {nxt.number} (no earlier initiative in this area)",  # type: ignore[union-attr]
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


def _resolve_lone_names(groups: dict[int, list[SheetRow]]) -> None:
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


# --------------------------------------------------------------------------
# assembling
# --------------------------------------------------------------------------


def _to_program(row: SheetRow) -> ParsedProgram:
    prose = {}
    for name in ("content", "plan", "results", "reason", "future"):
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
    fields = {"title": title, **{f: getattr(program, f) for f in _TEXT_FIELDS}}
    for fname, value in fields.items():
        for slip in C.find_ocr_slips(value or ""):
            row.note(
                slip.kind,
                f"{fname}: {slip.found!r} in …{slip.context}…",
                "kept verbatim (never rewritten silently); fix with a typo correction",
            )


_TEXT_FIELDS = ("name", "content", "plan", "results", "reason", "future", "bureau")


def _assemble(walk: _Walk, rows: list[SheetRow]) -> None:
    sheet = walk.sheet
    groups: dict[int, list[SheetRow]] = {}
    for row in rows:
        assert row.initiative is not None
        groups.setdefault(row.initiative, []).append(row)
    _resolve_lone_names(groups)
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


def _check_sequence(sheet: ParsedSheet, anomalies: list[ParsedAnomaly]) -> None:
    numbers = [i.number for i in sheet.initiatives]
    if not numbers:
        return
    missing = sorted(set(range(1, max(numbers) + 1)) - set(numbers))
    for n in missing:
        anomalies.append(
            ParsedAnomaly(n, 0, "number-gap", f"no initiative numbered {n} in the sheet",
                          "nothing stored for this number")
        )


def _check_order(rows: list[SheetRow]) -> None:
    seen: dict[int, int] = {}
    last = 0
    for row in rows:
        if row.number is None:
            continue
        if row.number in seen:
            row.note("duplicate-number",
                     f"number {row.number} also printed on line {seen[row.number]}",
                     "rows merged into one initiative")
        elif row.number < last:
            row.note("number-order", f"number {row.number} after {last}", "kept; sorted by number")
        seen.setdefault(row.number, row.line)
        last = max(last, row.number)


def _check_end(walk: _Walk, lines: list[str]) -> None:
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


def parse_sheet(raw: bytes, source_file: str, corrections: Path | None = None) -> ParsedSheet:
    """Parse the progress sheet bytes; apply editor corrections if given.

    Raises ``EmptySheetError``, ``EncodingError``, ``NotASheetError``,
    ``TruncatedSheetError`` or ``CorrectionError`` (all ``SheetError``).
    """
    if not raw.strip():
        raise EmptySheetError("the file is empty")
    text = decode(raw)
    if not text.strip():
        raise EmptySheetError("the file contains only whitespace")
    lines = text.splitlines()
    _find_header(lines)
    sheet = ParsedSheet(source_file=source_file, sha256=hashlib.sha256(raw).hexdigest())
    walk = _walk_lines(lines, sheet)
    _check_end(walk, lines)
    rows = walk.rows
    _check_order(rows)
    _infer_missing_numbers(rows)
    _attribute(rows)
    loaded = load_corrections(corrections) if corrections is not None else []
    apply_row_corrections(loaded, rows)
    _assemble(walk, rows)
    anomalies = list(walk.anomalies)
    for row in rows:
        for anomaly in row.anomalies:
            anomaly.initiative_number = row.initiative
        anomalies.extend(row.anomalies)
    _check_sequence(sheet, anomalies)
    sheet.anomalies = sorted(anomalies, key=lambda a: (a.line, a.kind))
    apply_text_corrections(loaded, sheet)
    return sheet
