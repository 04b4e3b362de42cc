"""Seed sheet parser: the city's PDF-to-text progress sheet → ParsedSheet.

The sheet is tab-separated text; rows are read with general rules, never
line numbers.  :func:`parse_sheet` runs the stages in order, one module each:

1. :mod:`.decode` — bytes → text, or an error naming the encoding;
2. :mod:`.lines` — every line classified (table row, heading, page
   furniture, legend), the policy tree followed, table rows read into
   columns by :mod:`.rows` around the 達成度/貢献度 anchors;
3. :mod:`.grouping` — every row attributed to an initiative (merged cells,
   lost numbers);
4. editor corrections (:mod:`.corrections`) confirm or override decisions;
5. :mod:`.assemble` — rows cleaned into initiatives and programmes;
6. :mod:`.lossless` — proof that every source cell is stored exactly once,
   else ``CellLossError`` and nothing is imported.

Every decision a human should check is recorded as an anomaly.

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
* lossless: ``CellLossError`` when the parse would lose, duplicate or
  invent source text.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .assemble import assemble, check_sequence
from .corrections import apply_row_corrections, apply_text_corrections, load_corrections, typo_pairs
from .decode import decode
from .grouping import attribute, check_order, infer_missing_numbers
from .limits import SheetLimits, check_cells
from .lines import MIN_ROW_CELLS, check_characters, check_end, find_header, split_lines, walk_lines
from .lossless import Fix, check_lossless
from .model import CellLossError, EmptySheetError, ParsedAnomaly, ParsedSheet


def parse_sheet(
    raw: bytes, source_file: str, corrections: Path | None = None, limits: SheetLimits | None = None,
    *, skip_absent: bool = False,
) -> ParsedSheet:
    """Parse the progress sheet bytes; apply editor corrections if given.

    Raises ``EmptySheetError``, ``EncodingError``, ``ControlCharacterError``,
    ``LimitError``, ``NumberError``, ``NotASheetError``,
    ``TruncatedSheetError``, ``CorrectionError`` or ``CellLossError`` (all
    ``SheetError``).  ``limits`` default to :meth:`SheetLimits.from_env`.
    ``skip_absent`` drops title/typo corrections for initiatives the sheet no
    longer has (used when the person allowed removals) instead of refusing.
    """
    if not raw.strip():
        raise EmptySheetError("the file is empty")
    text = decode(raw)
    if not text.strip():
        raise EmptySheetError("the file contains only whitespace")
    lines = split_lines(text)
    check_characters(lines)
    check_cells(lines, limits or SheetLimits.from_env(), MIN_ROW_CELLS)
    find_header(lines)
    sheet = ParsedSheet(source_file=source_file, sha256=hashlib.sha256(raw).hexdigest())
    walk = walk_lines(lines, sheet)
    check_end(walk, lines)
    rows = walk.rows
    check_order(rows)
    infer_missing_numbers(rows)
    attribute(rows)
    loaded = load_corrections(corrections) if corrections is not None else []
    apply_row_corrections(loaded, rows)
    assemble(sheet, rows)
    anomalies = list(walk.anomalies)
    for row in rows:
        for anomaly in row.anomalies:
            anomaly.initiative_number = row.initiative
        anomalies.extend(row.anomalies)
    check_sequence(sheet, anomalies)
    sheet.anomalies = sorted(anomalies, key=lambda a: (a.line, a.kind))
    if skip_absent:
        present = {i.number for i in sheet.initiatives}
        kept = [c for c in loaded if c.kind not in ("title", "typo") or int(c.data["initiative"]) in present]
        for corr in loaded:
            if corr not in kept:  # recorded, so the skip is visible in `anomalies`
                sheet.anomalies.append(ParsedAnomaly(
                    None, corr.line or 0, "correction-skipped",
                    f"{corr.where}: initiative {corr.data['initiative']} is not in the sheet",
                    "correction not applied (the initiative's removal was allowed)"))
        loaded = kept
    apply_text_corrections(loaded, sheet)
    _prove_lossless(text, sheet, typo_pairs(loaded))
    return sheet


def _prove_lossless(text: str, sheet: ParsedSheet, fixes: list[Fix]) -> None:
    """Every source cell must be stored exactly once, or nothing is imported."""
    problems = check_lossless(text, sheet, fixes)
    if problems:
        shown = "; ".join(problems[:5]) + (f"; … {len(problems) - 5} more" if len(problems) > 5 else "")
        raise CellLossError(
            f"the parse would lose source text ({len(problems)} problem(s): {shown}); "
            "the sheet's layout is one the importer does not know — report it with the file"
        )
