"""Editor corrections (``data/corrections.toml``), applied on import.

The importer gets as far as it can alone and reports anomalies; a correction
only confirms or overrides one of its decisions, and always says why
(``reason`` is required).  Rows are found by content, never by line number,
so a correction survives edits elsewhere in the sheet::

    [[attribute]]                     # a row without a number → initiative
    row = { fingerprint = "3f1c0e9a2b7d" }      # shown in the anomaly message
    # or: row = { program = "地域包括ケア推進に関する業務", code = "川崎区" }
    initiative = 88
    reason = "…"

    [[number]]                        # a row whose number the PDF lost
    row = { title = "日本語学習支援者等の連携" }
    number = 64
    reason = "…"

    [[title]]                         # a missing (or wrong) 取組名
    initiative = 36
    title = "…"
    reason = "…"

    [[typo]]                          # fix a slip: ``old`` must occur exactly
    initiative = 3
    field = "plan"                    # title, name, content, plan, results, reason, future, bureau
    old = "…"
    new = "…"
    reason = "…"
    # optional: row = { … } to limit the fix to one programme row

Row selector keys (all given keys must match, exactly one row must match):
``fingerprint``, ``program`` (programme name), ``code`` (施策番号 or ward),
``title`` (取組名 printed on the row), ``text`` (a substring of the row's
raw line).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..project import PROJECT_ROOT
from ..store.models import PROGRAM_WRITTEN_FIELDS
from .model import CorrectionError, ParsedAnomaly, ParsedSheet
from .rows import SheetRow

KINDS = ("attribute", "number", "title", "typo")
_ROW_KEYS = {"fingerprint", "program", "code", "title", "text"}
_KEYS = {
    "attribute": {"row", "initiative", "reason"},
    "number": {"row", "number", "reason"},
    "title": {"initiative", "title", "reason"},
    "typo": {"initiative", "field", "old", "new", "reason", "row"},
}
_REQUIRED = {
    "attribute": {"row", "initiative", "reason"},
    "number": {"row", "number", "reason"},
    "title": {"initiative", "title", "reason"},
    "typo": {"initiative", "field", "old", "new", "reason"},
}
TEXT_FIELDS = ("title", *PROGRAM_WRITTEN_FIELDS)


@dataclass(frozen=True)
class Correction:
    kind: str
    index: int  # position among the entries of its kind, for messages
    data: dict[str, Any]
    file: str = "corrections file"  # as shown to people: data/corrections.toml
    line: int | None = None  # line of the entry's [[kind]] header

    @property
    def where(self) -> str:
        at = f" line {self.line}" if self.line else ""
        return f"{self.file}{at} ([[{self.kind}]] #{self.index + 1})"

    @property
    def reason(self) -> str:
        return str(self.data["reason"])


def shown_path(path: Path) -> str:
    """``data/corrections.toml`` for the project's own file, else the path as given."""
    try:
        return str(path.resolve().relative_to(PROJECT_ROOT))
    except ValueError:
        return str(path)


def _entry_lines(text: str, kind: str) -> list[int]:
    """Line numbers of the ``[[kind]]`` headers, in file order (tomllib keeps
    no positions; the headers are what an editor looks for)."""
    pattern = re.compile(rf"^\s*\[\[\s*{kind}\s*\]\]")
    return [n for n, line in enumerate(text.splitlines(), 1) if pattern.match(line)]


def load_corrections(path: Path) -> list[Correction]:
    """Read and validate the corrections file (``CorrectionError`` if bad)."""
    name = shown_path(path)
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except FileNotFoundError:
        raise CorrectionError(f"corrections file not found: {name}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise CorrectionError(f"{name}: not valid UTF-8 TOML: {exc}") from None
    unknown = set(data) - set(KINDS)
    if unknown:
        raise CorrectionError(f"{name}: unknown correction kind(s) {sorted(unknown)}; use {KINDS}")
    out: list[Correction] = []
    for kind in KINDS:
        entries = data.get(kind, [])
        if not isinstance(entries, list):
            raise CorrectionError(f"{name}: {kind} must be an array of tables ([[{kind}]])")
        lines = _entry_lines(text, kind)
        for i, entry in enumerate(entries):
            corr = Correction(kind, i, entry, name, lines[i] if len(lines) == len(entries) else None)
            _validate(corr)
            out.append(corr)
    return out


def _validate(corr: Correction) -> None:
    keys = set(corr.data)
    if missing := _REQUIRED[corr.kind] - keys:
        raise CorrectionError(f"{corr.where}: missing {sorted(missing)}")
    if extra := keys - _KEYS[corr.kind]:
        raise CorrectionError(f"{corr.where}: unknown key(s) {sorted(extra)}")
    if not str(corr.data["reason"]).strip():
        raise CorrectionError(f"{corr.where}: reason must say why")
    row = corr.data.get("row")
    if row is not None and (not isinstance(row, dict) or not row or set(row) - _ROW_KEYS):
        raise CorrectionError(f"{corr.where}: row must be a table with keys from {sorted(_ROW_KEYS)}")
    if corr.kind == "typo" and corr.data["field"] not in TEXT_FIELDS:
        raise CorrectionError(f"{corr.where}: field must be one of {TEXT_FIELDS}")
    if corr.kind == "typo" and not corr.data["old"]:
        raise CorrectionError(f"{corr.where}: old must not be empty")
    for key in ("initiative", "number"):
        value = corr.data.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 100_000):
            raise CorrectionError(f"{corr.where}: {key} must be an initiative number (1–99999), not {value!r}")
    for key in ("title", "field", "old", "new", "reason"):
        if key in corr.data and not isinstance(corr.data[key], str):
            raise CorrectionError(f"{corr.where}: {key} must be a string, not {corr.data[key]!r}")


# --------------------------------------------------------------------------
# row corrections (before the rows become initiatives)
# --------------------------------------------------------------------------


def _row_matches(row: SheetRow, selector: dict[str, str]) -> bool:
    checks = {
        "fingerprint": lambda v: row.fingerprint == v,
        "program": lambda v: row.program_name == v or row.lone_name == v,
        "code": lambda v: v in (row.measure_code, row.ward),
        "title": lambda v: row.title == v or row.lone_name == v,
        "text": lambda v: v in "\t".join(row.cells),
    }
    return all(checks[k](str(v)) for k, v in selector.items())


def find_row(corr: Correction, rows: list[SheetRow]) -> SheetRow:
    selector = corr.data["row"]
    found = [r for r in rows if _row_matches(r, selector)]
    if len(found) != 1:
        lines = [r.line for r in found]
        raise CorrectionError(
            f"{corr.where}: row {selector} matches {len(found)} rows {lines} (must match exactly one)"
        )
    return found[0]


def _confirm(anomaly: ParsedAnomaly, corr: Correction, what: str) -> None:
    anomaly.corrected = True
    anomaly.decision = f"{anomaly.decision} — {what} by editor correction {corr.where}: {corr.reason}"


def apply_row_corrections(corrections: list[Correction], rows: list[SheetRow]) -> None:
    for corr in corrections:
        if corr.kind == "number":
            _apply_number(corr, rows)
    numbers = {r.number for r in rows if r.number is not None}
    for corr in corrections:
        if corr.kind == "attribute":
            _apply_attribute(corr, rows, numbers)


def _apply_number(corr: Correction, rows: list[SheetRow]) -> None:
    row = find_row(corr, rows)
    number = int(corr.data["number"])
    clash = [r.line for r in rows if r.number == number and r is not row]
    if clash:
        raise CorrectionError(f"{corr.where}: number {number} is already printed on line(s) {clash}")
    anomaly = next((a for a in row.anomalies if a.kind == "missing-number"), None)
    confirmed = row.number == number
    if anomaly is None:
        anomaly = row.note("missing-number", f"row {row.fingerprint} renumbered by an editor",
                           f"numbered {number}")
    # Rows attributed to the old number move with their anchor.
    old = row.number
    for other in rows:
        if old is not None and other.initiative == old and other is not row and other.number is None:
            other.initiative = number
    row.number = row.initiative = number
    _confirm(anomaly, corr, "confirmed" if confirmed else f"overridden: numbered {number}")


def _apply_attribute(corr: Correction, rows: list[SheetRow], numbers: set[int]) -> None:
    row = find_row(corr, rows)
    target = int(corr.data["initiative"])
    if target not in numbers:
        raise CorrectionError(f"{corr.where}: initiative {target} does not exist in the sheet")
    if row.number is not None and row.number != target:
        raise CorrectionError(
            f"{corr.where}: the row is numbered {row.number} in the sheet; "
            "use [[number]] to renumber it"
        )
    anomaly = next((a for a in row.anomalies if a.kind == "merged-row-attribution"), None)
    confirmed = row.initiative == target
    if anomaly is None:
        anomaly = row.note(
            "merged-row-attribution",
            f"row without a number ({row.program_name or '?'}, fingerprint {row.fingerprint}); "
            f"the importer attributed it to initiative {row.initiative}",
            f"attributed to initiative {row.initiative}",
        )
    row.initiative = target
    _confirm(anomaly, corr, "confirmed" if confirmed else f"overridden: attributed to {target}")


# --------------------------------------------------------------------------
# text corrections (on the assembled sheet)
# --------------------------------------------------------------------------


def apply_text_corrections(corrections: list[Correction], sheet: ParsedSheet) -> None:
    by_number = {i.number: i for i in sheet.initiatives}
    for corr in corrections:
        if corr.kind not in ("title", "typo"):
            continue
        number = int(corr.data["initiative"])
        if number not in by_number:
            raise CorrectionError(f"{corr.where}: initiative {number} does not exist in the sheet")
        if corr.kind == "title":
            _apply_title(corr, sheet, by_number[number])
        else:
            _apply_typo(corr, sheet, by_number[number])


def _anomalies_of(sheet: ParsedSheet, number: int, kinds: tuple[str, ...]) -> list[ParsedAnomaly]:
    return [a for a in sheet.anomalies if a.initiative_number == number and a.kind.startswith(kinds)]


def _apply_title(corr: Correction, sheet: ParsedSheet, initiative: Any) -> None:
    new = str(corr.data["title"]).strip()
    if not new:
        raise CorrectionError(f"{corr.where}: title must not be empty")
    old = initiative.title
    initiative.title = new
    found = _anomalies_of(sheet, initiative.number, ("missing-title",))
    if not found:
        line = initiative.programs[0].line_start if initiative.programs else 0
        anomaly = ParsedAnomaly(
            initiative.number, line, "title-override",
            f"initiative {initiative.number}: sheet title {old!r}", f"kept {old!r}",
        )
        sheet.anomalies.append(anomaly)
        found = [anomaly]
    what = "confirmed" if old == new else f"overridden: title set to {new!r}"
    for anomaly in found:
        _confirm(anomaly, corr, what)


def _apply_typo(corr: Correction, sheet: ParsedSheet, initiative: Any) -> None:
    field_name = str(corr.data["field"])
    old, new = str(corr.data["old"]), str(corr.data["new"])
    targets: list[tuple[Any, str]] = []
    if field_name == "title":
        targets = [(initiative, "title")]
    else:
        programs = initiative.programs
        if "row" in corr.data:
            programs = [p for p in programs if _program_matches(p, corr.data["row"], corr)]
            if len(programs) != 1:
                raise CorrectionError(
                    f"{corr.where}: row {corr.data['row']} matches {len(programs)} programme rows "
                    f"of initiative {initiative.number}"
                )
        targets = [(p, field_name) for p in programs]
    hits = [(obj, f) for obj, f in targets if old in (getattr(obj, f) or "")]
    if not hits:
        raise CorrectionError(
            f"{corr.where}: {old!r} does not occur in {field_name} of initiative "
            f"{initiative.number} (a typo correction must match the text exactly)"
        )
    line = 0
    for obj, f in hits:
        setattr(obj, f, getattr(obj, f).replace(old, new))
        line = getattr(obj, "line_start", line)
    slips = [
        a for a in _anomalies_of(sheet, initiative.number, ("ocr-",))
        if f"{field_name}:" in a.message and _slip_text(a.message) in old
    ]
    if not slips:
        slip = ParsedAnomaly(
            initiative.number, line or _first_line(initiative), "typo",
            f"{field_name}: {old!r} (a slip the importer cannot detect by rule)", "kept verbatim",
        )
        sheet.anomalies.append(slip)
        slips = [slip]
    for anomaly in slips:
        _confirm(anomaly, corr, f"overridden: {old!r} → {new!r}")


def _slip_text(message: str) -> str:
    # Messages read "field: 'found' in …context…"; take the quoted part.
    try:
        return message.split("'", 2)[1]
    except IndexError:
        return message


def _first_line(initiative: Any) -> int:
    return initiative.programs[0].line_start if initiative.programs else 0


def _program_matches(program: Any, selector: dict[str, str], corr: Correction) -> bool:
    checks = {
        "program": lambda v: program.name == v,
        "code": lambda v: v in (program.measure_code, program.ward),
    }
    unsupported = set(selector) - set(checks)
    if unsupported:
        raise CorrectionError(
            f"{corr.where}: a typo's row selector supports only {sorted(checks)}, not {sorted(unsupported)}"
        )
    return all(checks[k](str(v)) for k, v in selector.items())


def typo_pairs(corrections: list[Correction]) -> list[tuple[str, str, int, str]]:
    """(old, new, initiative, field) of every typo correction, for the lossless check."""
    return [(str(c.data["old"]), str(c.data["new"]), int(c.data["initiative"]), str(c.data["field"]))
            for c in corrections if c.kind == "typo"]
