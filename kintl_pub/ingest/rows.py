"""Intermediate row records shared by the parser and the corrections.

A :class:`SheetRow` is one table line of the sheet read into columns, before
it is attributed to an initiative and cleaned into a ``ParsedProgram``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from .cells import squash
from .model import ParsedAnomaly


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
