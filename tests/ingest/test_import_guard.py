"""Sheet import through the real CLI: an import that would lose, merge or
renumber initiatives is refused with the line that caused it and leaves
every table as it was; ``--allow-removals`` imports it as a run that
``undo-import`` reverses.  (issue 10: each case here was accepted, exit 0.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ..conftest import SEED
from ..dbstate import changed_tables, table_hashes
from .storekit import run as _run

SEED_LINES = SEED.read_text(encoding="utf-8").split("\n")
# Lines of the seed (1-based) the cases below touch, checked by test_seed_lines.
LINE_79, LINE_80, LINE_81 = 272, 273, 278
LINE_8 = 28


def _sheet(tmp_path: Path, lines: list[str], name: str = "sheet.txt") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _replace_number(line: str, new: str) -> str:
    cells = line.split("\t")
    cells[0] = new
    return "\t".join(cells)


def _refused(store, path: Path, *needles: str) -> str:
    before = table_hashes(store)
    r = _run("import", str(path))
    assert r.exit_code == 1, r.output
    assert "nothing was changed" in r.output
    assert "Traceback" not in r.output
    for needle in needles:
        assert needle in r.output, r.output
    assert changed_tables(before, table_hashes(store)) == []
    return r.output


def _export() -> list[dict]:
    return json.loads(_run("export").output)


def test_seed_lines() -> None:
    assert SEED_LINES[LINE_79 - 1].startswith("79\t")
    assert SEED_LINES[LINE_80 - 1].startswith("80\t")
    assert SEED_LINES[LINE_81 - 1].startswith("81\t")
    assert SEED_LINES[LINE_8 - 1].startswith("8\t")


def test_deleting_a_table_line_is_refused(store, tmp_path: Path) -> None:
    lines = SEED_LINES[: LINE_80 - 1] + SEED_LINES[LINE_80:]
    out = _refused(store, _sheet(tmp_path, lines), "initiative 80", "would disappear",
                   f"from 79 (line {LINE_79})", f"to 81 (line {LINE_81 - 1})", "--allow-removals")
    assert "imported from line 273" in out


def test_a_duplicated_number_is_refused(store, tmp_path: Path) -> None:
    lines = list(SEED_LINES)
    lines[LINE_80 - 1] = _replace_number(lines[LINE_80 - 1], "79")
    _refused(store, _sheet(tmp_path, lines), f"line {LINE_80}: number 79 「", f"is printed again (first on line {LINE_79} 「",
             f"is the number on line {LINE_80} wrong?")


def test_a_duplicated_line_is_refused_on_an_empty_store(tmp_path: Path, monkeypatch) -> None:
    from kintl_pub.store.db import get_engine, init_db

    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    get_engine.cache_clear()
    init_db(get_engine())
    lines = SEED_LINES[:LINE_80] + [SEED_LINES[LINE_80 - 1]] + SEED_LINES[LINE_80:]
    try:
        _refused(get_engine(), _sheet(tmp_path, lines), f"line {LINE_80 + 1}: number 80", f"printed again (first on line {LINE_80}")
    finally:
        get_engine().dispose()
        get_engine.cache_clear()


def test_rotated_cells_are_refused(store, tmp_path: Path) -> None:
    lines = list(SEED_LINES)
    cells = lines[LINE_80 - 1].split("\t")
    lines[LINE_80 - 1] = "\t".join(cells[1:] + cells[:1])  # the number cell last
    _refused(store, _sheet(tmp_path, lines), "initiative 80")


@pytest.mark.parametrize(
    ("number", "needles"),
    [
        ("９", (f"line {LINE_80}: number 9", "printed again (first on line 37")),
        ("٩", (f"line {LINE_80}", "Arabic-Indic digits", "ASCII digits")),
        ("९", (f"line {LINE_80}", "Devanagari digits")),
        ("1234567890123456789012", (f"line {LINE_80}", "22 digits")),
    ],
)
def test_numbers_in_other_digits_are_refused(store, tmp_path: Path, number: str, needles: tuple[str, ...]) -> None:
    lines = list(SEED_LINES)
    lines[LINE_80 - 1] = _replace_number(lines[LINE_80 - 1], number)
    _refused(store, _sheet(tmp_path, lines), *needles)


def test_number_zero_is_refused(store, tmp_path: Path) -> None:
    lines = list(SEED_LINES)
    lines[LINE_8 - 1] = _replace_number(lines[LINE_8 - 1], "0")
    _refused(store, _sheet(tmp_path, lines), f"line {LINE_8}", "numbered from 1")


def test_a_number_outside_the_sheets_range_is_refused(store, tmp_path: Path) -> None:
    lines = list(SEED_LINES)
    lines[LINE_80 - 1] = _replace_number(lines[LINE_80 - 1], "800")
    _refused(store, _sheet(tmp_path, lines), "number 800 is outside the sheet's range 1–109",
             "initiative 80", "would disappear")


def test_full_width_numbers_are_read_as_ascii(store, tmp_path: Path) -> None:
    """NFKC first: the whole seed with full-width numbers is the same sheet."""
    table = str.maketrans("0123456789", "０１２３４５６７８９")
    lines = [
        _replace_number(ln, ln.split("\t")[0].translate(table)) if ln.split("\t")[0][:1].isdigit() else ln
        for ln in SEED_LINES
    ]
    before = table_hashes(store)
    r = _run("import", str(_sheet(tmp_path, lines, SEED.name)))
    assert r.exit_code == 0, r.output
    assert "no changes" in r.output
    changed = changed_tables(before, table_hashes(store))
    assert changed == ["import_run"]


def test_allowed_removal_is_a_run_that_can_be_undone(store, tmp_path: Path) -> None:
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from kintl_pub.store.models import Segment, SourceRevision

    exported = _export()
    with Session(store) as s:
        segments = sorted(s.scalars(select(Segment.key)))
    lines = SEED_LINES[: LINE_80 - 1] + SEED_LINES[LINE_80:]
    r = _run("import", str(_sheet(tmp_path, lines)), "--allow-removals")
    assert r.exit_code == 0, r.output
    assert "1 removed" in r.output
    assert "allowed (--allow-removals): initiative 80" in r.output
    assert "kintl-pub undo-import 2" in r.output
    assert [d["number"] for d in _export()] == [n for n in range(1, 110) if n != 80]
    with Session(store) as s:
        rev = s.scalars(select(SourceRevision).where(SourceRevision.entity_key == "initiative:80")).one()
        assert (rev.field, rev.new, rev.who) == ("*", None, "guard-test")

    r = _run("undo-import")
    assert r.exit_code == 0, r.output
    assert "Undid import run 2 (sheet.txt, by guard-test)" in r.output
    assert _export() == exported
    with Session(store) as s:
        assert sorted(s.scalars(select(Segment.key))) == segments

    # the undo is a run too: undoing it removes 80 again, and an older run
    # cannot be undone past a later one
    r = _run("undo-import", "2")
    assert r.exit_code == 1 and "run 3" in r.output and "undo it first" in r.output
    r = _run("undo-import", "3")
    assert r.exit_code == 0, r.output
    assert [d["number"] for d in _export()] == [n for n in range(1, 110) if n != 80]


def test_undo_with_nothing_to_undo(store) -> None:
    r = _run("undo-import")
    assert r.exit_code == 1
    assert "nothing to undo" in r.output


def test_a_removed_programme_row_is_refused(store, tmp_path: Path) -> None:
    # initiative 15 has three programme rows (lines 62-64); drop the last
    lines = SEED_LINES[:63] + SEED_LINES[64:]
    _refused(store, _sheet(tmp_path, lines), "initiative 15 would lose programme row 3", "imported from line 64")


def test_renumbering_is_refused(store, tmp_path: Path) -> None:
    lines = list(SEED_LINES)
    a, b = lines[LINE_79 - 1].split("\t"), lines[LINE_80 - 1].split("\t")
    a[0], b[0] = "80", "79"  # two rows swap numbers
    lines[LINE_79 - 1], lines[LINE_80 - 1] = "\t".join(b), "\t".join(a)
    _refused(store, _sheet(tmp_path, lines), "is initiative 80 in the store but numbered 79",
             "is initiative 79 in the store but numbered 80")


def test_the_same_sheet_imports_again_after_an_allowed_gap(store, tmp_path: Path) -> None:
    lines = SEED_LINES[: LINE_80 - 1] + SEED_LINES[LINE_80:]
    path = _sheet(tmp_path, lines)
    assert _run("import", str(path), "--allow-removals").exit_code == 0
    r = _run("import", str(path))
    assert r.exit_code == 0, r.output
    assert "no changes" in r.output


# -- what is read at all -------------------------------------------------------


def test_dev_zero_is_refused_at_once(store) -> None:
    out = _refused(store, Path("/dev/zero"), "a character device, not a regular file")
    assert "only regular files" in out


def test_a_fifo_is_refused_without_waiting_for_a_writer(store, tmp_path: Path) -> None:
    import os
    import threading

    fifo = tmp_path / "sheet.fifo"
    os.mkfifo(fifo)
    result: list[str] = []
    worker = threading.Thread(target=lambda: result.append(_refused(store, fifo, "named pipe (FIFO)")))
    worker.start()
    worker.join(timeout=30)
    if worker.is_alive():  # unblock the reader so the test process can end
        with open(fifo, "wb"):
            pass
        worker.join()
        pytest.fail("the import waited on a FIFO")
    assert result


def test_a_file_over_the_size_limit_is_refused(store, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(SEED.read_bytes() * 30)  # ~6.8 MB, over the 4 MiB default
    out = _refused(store, big, "over the import limit of 4.2 MB", "--max-bytes")
    assert "KINTL_IMPORT_MAX_BYTES" in out
    r = _run("import", str(SEED), "--max-bytes", "1000")
    assert r.exit_code == 1 and "over the import limit of 0.0 MB" in r.output


def test_a_correction_error_names_the_corrections_file_and_line(store, tmp_path: Path) -> None:
    """The project's own corrections apply to the seed; a sheet where a typo
    correction no longer matches names data/corrections.toml and the entry's line."""
    text = SEED.read_text(encoding="utf-8").replace("マイクロファブ리케이션", "マイクロファブリケーション")
    path = tmp_path / "fixed.txt"
    path.write_text(text, encoding="utf-8")
    _refused(store, path, "data/corrections.toml line 79 ([[typo]] #1)", "does not occur in plan of initiative 3")
