"""The human-editable reading dictionary ``data/readings.tsv``.

One entry a line: ``surface<TAB>reading<TAB>reason``.  ``#`` starts a comment.
The reading is hiragana; the reason says where it comes from (a station's
own romanisation, the ward office page, a reviewer's decision …) so a later
editor can judge it.  Entries win over both machine readers.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .chars import to_hiragana

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
READINGS_TSV = DATA_DIR / "readings.tsv"


@dataclass(frozen=True)
class Override:
    surface: str
    reading: str
    reason: str


class OverrideError(ValueError):
    pass


def load(path: Path = READINGS_TSV) -> dict[str, Override]:
    if not path.exists():
        return {}
    found: dict[str, Override] = {}
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 2 or not cols[0].strip() or not cols[1].strip():
            raise OverrideError(f"{path}:{n}: need 'surface<TAB>reading<TAB>reason', got {line!r}")
        surface, reading = cols[0].strip(), to_hiragana(cols[1].strip())
        found[surface] = Override(surface, reading, cols[2].strip() if len(cols) > 2 else "")
    return found


def append(surface: str, reading: str, reason: str, path: Path = READINGS_TSV) -> None:
    """Add (or replace) one entry, keeping every other line and comment as is."""
    if "\t" in surface + reading + reason or "\n" in surface + reading + reason:
        raise OverrideError("tabs and newlines are not allowed in a reading entry")
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    entry = f"{surface}\t{to_hiragana(reading)}\t{reason}"
    for i, line in enumerate(lines):
        if line.split("\t", 1)[0].strip() == surface and not line.lstrip().startswith("#"):
            lines[i] = entry
            break
    else:
        lines.append(entry)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
