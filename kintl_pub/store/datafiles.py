"""Rows of the human-edited data files, changed from the workspace with history.

The glossary, the paraphrase lexicon, the term base and the reading
dictionary stay plain TSV files in ``data/`` (reviewable in git, read by the
batch steps as before); the source corrections stay ``data/corrections.toml``.
The workspace changes them here, one row at a time:

* under a lock shared by every worker (``instance/locks/``), so two saves
  never interleave;
* against the line the person loaded (changed since → :class:`RowConflict`,
  nothing written);
* validated by the file's own reader before anything is replaced (the
  caller passes it: a bad row is refused whole);
* written atomically (``kintl_pub.atomic``): a killed writer leaves the
  previous file;
* with a :class:`~kintl_pub.store.records.DataFileRevision` (old line, new
  line, who, why), so every change can be reverted.

Why files and not tables: the batch steps, the README and the people who
review data in git already use these files; a table would need an export
step and would split the truth in two.
"""

from __future__ import annotations

import fcntl
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..atomic import atomic_write
from ..project import instance_dir
from .records import DataFileRevision

#: name → file name in data/, its columns, and the columns that make a row's
#: key (the glossary lists 実施 as a verb and as an aim, and 提供 as a verb once
#: for each context: 情報を提供する → つたえる, 資料を提供する → わたす)
FILES: dict[str, tuple[str, tuple[str, ...], tuple[int, ...]]] = {
    "glossary": ("glossary.tsv", ("term", "kind", "easy form", "note", "context"), (0, 1, 4)),
    "lexicon": ("lexicon.tsv", ("word", "paraphrase", "contexts", "note"), (0,)),
    "terms": ("terms.tsv", (), (0,)),  # columns from its header line (ja, en, zh-hans, …)
    "readings": ("readings.tsv", ("surface", "reading", "reason"), (0,)),
}
CORRECTIONS = "corrections"
CORRECTIONS_FILE = "corrections.toml"

Validator = Callable[[str], None]  # raises ValueError for a file its reader refuses


class DataFileError(ValueError):
    """A refused change (the message says why); nothing was written."""


class RowConflict(DataFileError):
    """The row changed since the person loaded it."""


@dataclass(frozen=True)
class Row:
    key: str
    cells: tuple[str, ...]
    line: str  # the whole line as it stands in the file

    @property
    def columns(self) -> tuple[str, ...]:
        return self.cells


def path_of(data_dir: Path, name: str) -> Path:
    if name == CORRECTIONS:
        return data_dir / CORRECTIONS_FILE
    if name not in FILES:
        raise DataFileError(f"unknown data file {name!r}; known: {', '.join(FILES)}")
    return data_dir / FILES[name][0]


def _is_data(line: str) -> bool:
    return bool(line.strip()) and not line.lstrip().startswith("#")


def columns(data_dir: Path, name: str) -> tuple[str, ...]:
    cols = FILES[name][1]
    if cols:
        return cols
    header = next((ln for ln in _lines(path_of(data_dir, name)) if _is_data(ln)), "")
    return tuple(c.strip() for c in header.split("\t"))


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def rows(data_dir: Path, name: str) -> list[Row]:
    """The data rows (not comments, not a header line) in file order."""
    out: list[Row] = []
    header_done = bool(FILES[name][1])
    for line in _lines(path_of(data_dir, name)):
        if not _is_data(line):
            continue
        if not header_done:
            header_done = True
            continue
        cells = tuple(c.strip() for c in line.split("\t"))
        out.append(Row(key_of(name, cells), cells, line))
    return out


def key_of(name: str, cells: list[str] | tuple[str, ...]) -> str:
    """A row's key: its key columns, tab-joined (an empty last one left out:
    a glossary row without a context is keyed by term and kind alone)."""
    return "\t".join(cells[i].strip() if i < len(cells) else "" for i in FILES[name][2]).rstrip("\t")


def find_row(data_dir: Path, name: str, key: str) -> Row | None:
    return next((r for r in rows(data_dir, name) if r.key == key), None)


@contextmanager
def _locked(name: str) -> Iterator[None]:
    folder = instance_dir() / "locks"
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / f"data-{name}.lock", "a+") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def _clean(cells: list[str] | tuple[str, ...]) -> str:
    for c in cells:
        if any(ch in c for ch in "\t\n\r\x00"):
            raise DataFileError("a cell may not hold a tab, a line break or a NUL character")
    while cells and not cells[-1]:
        cells = cells[:-1]
    return "\t".join(c.strip() for c in cells)


def set_row(
    session: Session, data_dir: Path, name: str, key: str, cells: list[str] | None, *,
    expected: str | None, who: str, reason: str, validate: Validator,
) -> DataFileRevision:
    """Replace (or add, or with ``cells=None`` delete) the row ``key``.

    ``expected`` is the line the person saw (``None``: the row did not
    exist).  Raises :class:`RowConflict` if the file says otherwise now."""
    if not reason.strip():
        raise DataFileError("say why (reason): the next editor needs it")
    new_line = None if cells is None else _clean(cells)
    if new_line is not None and (not cells or key_of(name, cells) != key):
        raise DataFileError("the key column(s) of a row must stay the same (add a new row instead)")
    if not key.strip():
        raise DataFileError("a row needs its key column(s)")
    path = path_of(data_dir, name)
    with _locked(name):
        lines = _lines(path)
        current = find_row(data_dir, name, key)
        have = current.line if current else None
        if have != expected:
            raise RowConflict(
                f"{name}: the row {key!r} changed since you opened it (now: {have!r}); "
                "nothing was written: look at it again"
            )
        if current is None and new_line is None:
            raise DataFileError(f"{name}: no row {key!r} to delete")
        if current is not None:
            idx = lines.index(current.line)
            if new_line is None:
                del lines[idx]
            else:
                lines[idx] = new_line
        else:
            lines.append(str(new_line))
        text = "\n".join(lines) + "\n"
        try:
            validate(text)
        except ValueError as exc:
            raise DataFileError(f"{name}: refused, the file would not read: {exc}") from exc
        rev = DataFileRevision(file=name, key=key, old=have, new=new_line, reason=reason.strip(),
                               who=who, at=datetime.now(UTC))
        session.add(rev)
        session.flush()  # the history row exists before the file changes
        atomic_write(path, text)
    return rev


def append_block(
    session: Session, data_dir: Path, name: str, key: str, block: str, *, who: str, reason: str,
    validate: Validator,
) -> DataFileRevision:
    """Append a block of text (a ``[[typo]]`` entry of ``corrections.toml``)."""
    path = path_of(data_dir, name)
    with _locked(name):
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        text = old.rstrip("\n") + "\n\n" + block.strip("\n") + "\n"
        try:
            validate(text)
        except ValueError as exc:
            raise DataFileError(f"{name}: refused, the file would not read: {exc}") from exc
        rev = DataFileRevision(file=name, key=key, old=None, new=block, reason=reason, who=who,
                               at=datetime.now(UTC))
        session.add(rev)
        session.flush()
        atomic_write(path, text)
    return rev


def history(session: Session, name: str, key: str | None = None, limit: int = 100) -> list[DataFileRevision]:
    q = select(DataFileRevision).where(DataFileRevision.file == name)
    if key is not None:
        q = q.where(DataFileRevision.key == key)
    return list(session.scalars(q.order_by(DataFileRevision.id.desc()).limit(limit)))


def revert(session: Session, data_dir: Path, revision_id: int, *, who: str, validate: Validator) -> DataFileRevision:
    """Put the row back as it was before revision ``revision_id`` (a new revision)."""
    rev = session.get(DataFileRevision, revision_id)
    if rev is None or rev.file not in FILES:
        raise DataFileError("no such revision of a data file")
    current = find_row(data_dir, rev.file, rev.key)
    cells = None if rev.old is None else rev.old.split("\t")
    return set_row(session, data_dir, rev.file, rev.key, cells, expected=current.line if current else None,
                   who=who, reason=f"revert of change #{rev.id} ({rev.reason})", validate=validate)
