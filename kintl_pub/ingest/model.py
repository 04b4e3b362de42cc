"""What the sheet parser produces: plain dataclasses, no database.

The loader (``ingest.load``) writes a :class:`ParsedSheet` into the store in
one transaction; the parser never touches the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class SheetError(ValueError):
    """The input is not a usable progress sheet.  The message says why."""


class EmptySheetError(SheetError):
    pass


class EncodingError(SheetError):
    pass


class NotASheetError(SheetError):
    pass


class TruncatedSheetError(SheetError):
    pass


class CellLossError(SheetError):
    """The parse would lose, duplicate or invent source text (a parser bug
    or a layout it does not know): the import is refused."""


class CorrectionError(SheetError):
    """A line of the corrections file is malformed or does not apply."""


class LimitError(SheetError):
    """Not a regular file, or over a size limit (file, cell, rows)."""


class ControlCharacterError(SheetError):
    """A control character (vertical tab, NEL, U+2028 …) inside a line."""


class NumberError(SheetError):
    """An initiative number that is not 1–5 ASCII digits (after NFKC)."""


class RemovalError(SheetError):
    """The import would remove or renumber what the store has, or the
    sheet's numbers leave their own sequence; refused unless allowed."""


@dataclass
class ParsedProgram:
    name: str | None
    measure_code: str | None
    ward: str | None
    content: str
    plan: str
    achievement: int | None
    achievement_label: str | None
    results: str
    contribution: str | None
    contribution_label: str | None
    reason: str
    future: str
    bureau: str | None
    line_start: int
    line_end: int


@dataclass
class ParsedInitiative:
    number: int
    title: str | None
    policy: int
    direction: int
    focus: int
    programs: list[ParsedProgram] = field(default_factory=list)


@dataclass
class ParsedAnomaly:
    initiative_number: int | None
    line: int
    kind: str  # short machine-readable kind, e.g. "merged-group-attribution"
    message: str  # what was seen, with evidence
    decision: str  # what the importer (or a correction) decided
    corrected: bool = False  # True when an editor correction confirmed/overrode it


@dataclass
class ParsedSheet:
    source_file: str
    sha256: str
    policies: dict[int, str] = field(default_factory=dict)  # 1 → title
    directions: dict[tuple[int, int], str] = field(default_factory=dict)  # (p, d) → title
    focuses: dict[tuple[int, int, int], str] = field(default_factory=dict)  # (p, d, f) → title
    initiatives: list[ParsedInitiative] = field(default_factory=list)  # sorted by number
    anomalies: list[ParsedAnomaly] = field(default_factory=list)
