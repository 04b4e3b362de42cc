"""The human-editable reading dictionary ``data/readings.tsv``.

One entry a line: ``surface<TAB>reading<TAB>reason``.  ``#`` starts a comment.
The reading is hiragana; the reason says where it comes from (a station's
own romanisation, the ward office page, a reviewer's decision …) so a later
editor can judge it.  Entries win over both machine readers.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..project import DATA_DIR
from .chars import to_hiragana

READINGS_TSV = DATA_DIR / "readings.tsv"
#: readings an editor confirmed after the two readers disagreed (``readings review``
#: [k]eep): kept in the repository so the queue stays decided on a new database
CHECKED_TSV = DATA_DIR / "readings_checked.tsv"


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
    _write_atomic(path, "\n".join(lines) + "\n")


def _write_atomic(path: Path, text: str) -> None:
    # a crash mid-write must not leave a half dictionary (every build reads it)
    from ..atomic import atomic_write

    atomic_write(path, text)


def load_checked(path: Path = CHECKED_TSV) -> set[tuple[str, str, str]]:
    """(surface, published reading, other reader's reading) an editor confirmed."""
    if not path.exists():
        return set()
    found: set[tuple[str, str, str]] = set()
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cols = raw.split("\t")
        if len(cols) < 3 or not all(c.strip() for c in cols[:3]):
            raise OverrideError(f"{path}:{n}: need 'surface<TAB>reading<TAB>other reading<TAB>who, when', got {raw!r}")
        found.add((cols[0].strip(), cols[1].strip(), cols[2].strip()))
    return found


def append_checked(surface: str, reading: str, alt: str, note: str, path: Path = CHECKED_TSV) -> None:
    """Record a confirmed reading (one line; an existing line for the same word kind is kept)."""
    if any(c in surface + reading + alt + note for c in "\t\n"):
        raise OverrideError("tabs and newlines are not allowed in a reading entry")
    if (surface, reading, alt) in load_checked(path):
        return
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else [
        "# Readings an editor confirmed after SudachiPy and pykakasi disagreed (kintl-pub readings review).",
        "# Format: surface<TAB>published reading<TAB>pykakasi's reading<TAB>who, when / note.",
        "# A listed word kind is not queued again.  Single characters are never listed:",
        "# their reading depends on the context, so each new use is checked.",
    ]
    lines.append(f"{surface}\t{reading}\t{alt}\t{note}")
    _write_atomic(path, "\n".join(lines) + "\n")
