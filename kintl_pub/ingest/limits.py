"""Limits on what an import reads: only regular files, of a bounded size,
with bounded cells and rows — each refused with a message naming the limit
and how to raise it.

The seed sheet is 0.2 MB with 185 table rows and cells of at most 1,514
characters; the defaults leave room for many times that and stop what is
not a sheet before it costs memory or time (a 1 MB cell became 49,931
segments and a 22 MB page; ``/dev/zero`` was read until memory ran out; a
FIFO hung the import).  Each limit can be raised with an environment variable
(``--max-bytes`` on the command line for the file size).
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from .model import LimitError

#: Environment variables that raise (or lower) the limits.
ENV_MAX_BYTES = "KINTL_IMPORT_MAX_BYTES"
ENV_MAX_CELL = "KINTL_IMPORT_MAX_CELL_CHARS"
ENV_MAX_ROWS = "KINTL_IMPORT_MAX_ROWS"


@dataclass(frozen=True)
class SheetLimits:
    max_bytes: int = 4 * 1024 * 1024  # the seed is 0.2 MB
    max_cell_chars: int = 20_000  # the seed's longest cell has 1,514
    max_rows: int = 5_000  # table rows; the seed has 185

    @classmethod
    def from_env(cls, **overrides: int | None) -> SheetLimits:
        """Defaults, then the environment, then explicit values (``None`` = keep)."""
        values = {
            "max_bytes": _env_int(ENV_MAX_BYTES, cls.max_bytes),
            "max_cell_chars": _env_int(ENV_MAX_CELL, cls.max_cell_chars),
            "max_rows": _env_int(ENV_MAX_ROWS, cls.max_rows),
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise LimitError(f"{name}={raw!r} is not a whole number") from None
    if value <= 0:
        raise LimitError(f"{name}={raw!r} must be positive")
    return value


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
)


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def read_sheet_file(path: Path, limits: SheetLimits) -> bytes:
    """The file's bytes, if it is a regular file within the size limit.

    Opened non-blocking and checked on the open descriptor (``fstat``), so a
    FIFO is refused at once instead of waiting for a writer, and a file
    swapped between a check and the open cannot slip through.  At most
    ``max_bytes + 1`` bytes are read, whatever the file claims its size is.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise LimitError("the file does not exist") from None
    except IsADirectoryError:
        raise LimitError("this is a folder, not a file: give the sheet's .txt file") from None
    except PermissionError:
        raise LimitError("the file cannot be read (permission denied)") from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
            raise LimitError(
                f"this is {kind}, not a regular file: the import reads only regular files "
                "(save the sheet to a file first)"
            )
        size = os.fstat(fd).st_size
        if size > limits.max_bytes:
            raise LimitError(_too_big(size, limits))
        with os.fdopen(fd, "rb", closefd=True) as fh:
            fd = -1
            raw = fh.read(limits.max_bytes + 1)
    finally:
        if fd >= 0:
            os.close(fd)
    if len(raw) > limits.max_bytes:
        raise LimitError(_too_big(len(raw), limits, at_least=True))
    return raw


def _too_big(size: int, limits: SheetLimits, *, at_least: bool = False) -> str:
    return (
        f"the file is {'more than ' if at_least else ''}{_mb(size)}, over the import limit of "
        f"{_mb(limits.max_bytes)} (the city's sheet is about 0.2 MB); if it really is one "
        f"progress sheet, raise the limit with --max-bytes or {ENV_MAX_BYTES}"
    )


def check_cells(lines: list[str], limits: SheetLimits, table_row_cells: int) -> None:
    """Every cell within the cell limit; table rows within the row limit.

    ``table_row_cells``: a line with at least this many cells is a table row.
    """
    rows = 0
    for lineno, line in enumerate(lines, 1):
        if len(line) > limits.max_cell_chars:
            for col, cell in enumerate(line.split("\t"), 1):
                if len(cell) > limits.max_cell_chars:
                    raise LimitError(
                        f"line {lineno}, column {col}: a cell of {len(cell):,} characters, over the "
                        f"limit of {limits.max_cell_chars:,} (the longest cell of the city's sheet has "
                        f"about 1,500); raise it with {ENV_MAX_CELL} if the cell is real"
                    )
        if line.count("\t") + 1 >= table_row_cells:
            rows += 1
            if rows > limits.max_rows:
                raise LimitError(
                    f"line {lineno}: more than {limits.max_rows:,} table rows (the city's sheet has "
                    f"about 185); raise the limit with {ENV_MAX_ROWS} if the sheet is real"
                )
