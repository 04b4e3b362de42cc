"""Rows: one table line of the sheet read into columns.

A :class:`SheetRow` is one table line read into columns, before it is
attributed to an initiative (:mod:`.grouping`) and cleaned into a
``ParsedProgram`` (:mod:`.assemble`); the corrections select rows too.

Reading: the achievement cell ("3. ほぼ目標どおり") and the contribution cell
two cells later ("A. 貢献している") fix the middle of every row; the cells
left of the achievement are read as number / 取組名 / 事務事業名 / 施策番号 /
取組の内容 / 令和3年度の取組内容 and the cells right of the contribution as
評価の理由 / 今後 / 担当局, each side with typed rules for shifted, merged,
glued or missing cells.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from . import cells as C
from .cells import squash
from .model import NumberError, ParsedAnomaly


def fingerprint(cells: list[str]) -> str:
    """A content fingerprint of a table line that survives edits elsewhere
    in the file (line numbers do not): the normalised cells, hashed."""
    norm = [squash(c) for c in cells]
    while norm and not norm[-1]:
        norm.pop()
    return hashlib.sha256("\t".join(norm).encode("utf-8")).hexdigest()[:12]


@dataclass
class SheetRow:
    line: int  # 1-based line number in the source file
    cells: list[str]  # raw cells, trailing empty cells dropped
    fingerprint: str
    section: int  # index of the heading block the row sits under
    page: int  # index of the page (column-header line) the row sits on
    hierarchy: tuple[int, int, int]  # (policy, direction, focus)
    number: int | None = None  # number printed on this row
    title: str | None = None  # 取組名 text printed on this row
    lone_name: str | None = None  # single name cell: title or programme, decided later
    program_name: str | None = None
    measure_code: str | None = None
    ward: str | None = None
    content: str = ""  # raw cell text (HTML not yet cleaned)
    plan: str = ""
    achievement: tuple[int, str] | None = None
    achievement_raw: str = ""
    results: str = ""
    contribution: tuple[str, str] | None = None
    contribution_raw: str = ""
    reason: str = ""
    future: str = ""
    bureau: str | None = None
    inferred_number: bool = False  # number reconstructed from a sequence gap
    initiative: int | None = None  # the initiative the row is attributed to
    anomalies: list[ParsedAnomaly] = field(default_factory=list)

    def note(self, kind: str, message: str, decision: str) -> ParsedAnomaly:
        anomaly = ParsedAnomaly(None, self.line, kind, message, decision)
        self.anomalies.append(anomaly)
        return anomaly

    @property
    def names(self) -> list[str]:
        return [n for n in (self.title, self.lone_name, self.program_name) if n]


def read_columns(row: SheetRow, cells: list[str], anchors: tuple[int, int]) -> None:
    """Fill ``row`` from its cells around the achievement/contribution anchors."""
    ach, con = anchors
    _read_left(row, cells[:ach])
    _read_middle(row, cells, ach, con)
    _read_right(row, cells[con + 1 :])


def anchors(cells: list[str]) -> tuple[int, int] | None:
    """Index of the achievement cell and of the contribution cell."""
    for i, cell in enumerate(cells):
        if C.parse_achievement(cell) is None:
            continue
        for j in (i + 2, i + 1, i + 3):
            if j < len(cells) and C.parse_contribution(cells[j]) is not None:
                return i, j
    return None


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
    if len(cells) >= 2 and not cells[0].strip() and _number_cell(cells[1], row):
        row.note(
            "shifted-number",
            f"the initiative number {cells[1].strip()!r} is in the second column "
            "(an empty cell before it)",
            "read as the row's number",
        )
        cells = cells[1:]
    if not cells:
        return cells
    num = C.NumberCell(cells[0])
    if (problem := num.problem()) is not None:
        raise NumberError(f"line {row.line}: {problem}")
    if num.number is None:
        return cells
    row.number = num.number
    return ["<num>", num.name, *cells[1:]] if num.name is not None else ["<num>", *cells[1:]]


def _number_cell(cell: str, row: SheetRow) -> bool:
    num = C.NumberCell(cell)
    if (problem := num.problem()) is not None:
        raise NumberError(f"line {row.line}: {problem}")
    return num.number is not None


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
