"""Data-file rows: set, add, delete, conflict, validation, revert; the
file is never half-written and every change has a revision."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from kintl_pub.store import datafiles


def _ok(_text: str) -> None:
    return None


def _no_x(text: str) -> None:
    if "\tx\t" in text:
        raise ValueError("x is not a kind")


@pytest.fixture
def folder(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("KINTL_INSTANCE_DIR", str(tmp_path / "instance"))
    d = tmp_path / "data"
    d.mkdir()
    (d / "readings.tsv").write_text("# comment kept\n日本\tにほん\tcountry\n", encoding="utf-8")
    return d


def test_set_add_delete_revert(any_engine, folder: Path) -> None:
    with Session(any_engine) as s, s.begin():
        datafiles.set_row(s, folder, "readings", "日本", ["日本", "にっぽん", "official"],
                          expected="日本\tにほん\tcountry", who="ed", reason="test", validate=_ok)
        datafiles.set_row(s, folder, "readings", "館", ["館", "かん", "facility"], expected=None, who="ed",
                          reason="add", validate=_ok)
    text = (folder / "readings.tsv").read_text(encoding="utf-8")
    assert text == "# comment kept\n日本\tにっぽん\tofficial\n館\tかん\tfacility\n"
    with Session(any_engine) as s, s.begin():
        with pytest.raises(datafiles.RowConflict):
            datafiles.set_row(s, folder, "readings", "日本", ["日本", "にほん"], expected="日本\tにほん\tcountry",
                              who="ed2", reason="stale", validate=_ok)
        with pytest.raises(datafiles.DataFileError, match="refused"):
            datafiles.set_row(s, folder, "readings", "館", ["館", "x", "y"], expected="館\tかん\tfacility",
                              who="ed", reason="bad", validate=_no_x)
        with pytest.raises(datafiles.DataFileError, match="tab"):
            datafiles.set_row(s, folder, "readings", "館", ["館", "a\tb"], expected="館\tかん\tfacility",
                              who="ed", reason="bad", validate=_ok)
        with pytest.raises(datafiles.DataFileError, match="why"):
            datafiles.set_row(s, folder, "readings", "館", None, expected="館\tかん\tfacility", who="ed",
                              reason=" ", validate=_ok)
        datafiles.set_row(s, folder, "readings", "館", None, expected="館\tかん\tfacility", who="ed",
                          reason="delete", validate=_ok)
    assert "館" not in (folder / "readings.tsv").read_text(encoding="utf-8")
    with Session(any_engine) as s, s.begin():
        hist = datafiles.history(s, "readings")
        assert [(r.key, r.old, r.new) for r in hist][0] == ("館", "館\tかん\tfacility", None)
        datafiles.revert(s, folder, hist[0].id, who="ed", validate=_ok)  # undo the delete
        first = [r for r in datafiles.history(s, "readings", "日本")][-1]
        datafiles.revert(s, folder, first.id, who="ed", validate=_ok)  # back to にほん
    assert (folder / "readings.tsv").read_text(encoding="utf-8") == \
        "# comment kept\n日本\tにほん\tcountry\n館\tかん\tfacility\n"


def test_glossary_rows_are_keyed_by_term_and_kind(tmp_path: Path) -> None:
    d = tmp_path
    (d / "glossary.tsv").write_text("実施\tverb\tおこなう\n実施\taim\tする\n", encoding="utf-8")
    keys = [r.key for r in datafiles.rows(d, "glossary")]
    assert keys == ["実施\tverb", "実施\taim"]
    assert datafiles.find_row(d, "glossary", "実施\taim").cells[2] == "する"


def test_glossary_rows_with_a_context_are_keyed_by_it_too(any_engine, folder: Path) -> None:
    # one term and kind, a line for each reviewed context (issue 11: 提供 of 情報 / of 資料)
    (folder / "glossary.tsv").write_text(
        "提供\tverb\tつたえる\t\tobject=情報\n提供\tverb\tわたす\t\tobject=資料\n提供\taim\t提供する\n", encoding="utf-8")
    keys = [r.key for r in datafiles.rows(folder, "glossary")]
    assert keys == ["提供\tverb\tobject=情報", "提供\tverb\tobject=資料", "提供\taim"]
    assert datafiles.columns(folder, "glossary")[4] == "context"
    with Session(any_engine) as s, s.begin():
        # an edit of the second line keeps its context (the editor's form has the column)
        datafiles.set_row(s, folder, "glossary", "提供\tverb\tobject=資料",
                          ["提供", "verb", "わたす", "資料を手渡す", "object=資料"],
                          expected="提供\tverb\tわたす\t\tobject=資料", who="ed", reason="note", validate=_ok)
    assert (folder / "glossary.tsv").read_text(encoding="utf-8").splitlines()[1] == \
        "提供\tverb\tわたす\t資料を手渡す\tobject=資料"
