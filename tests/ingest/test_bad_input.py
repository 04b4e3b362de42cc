"""Bad input gets a specific error: encoding, empty, not a sheet, truncated."""

from __future__ import annotations

import pytest

from kintl_pub.ingest.model import (
    EmptySheetError,
    EncodingError,
    NotASheetError,
    SheetError,
    TruncatedSheetError,
)
from kintl_pub.ingest.parse import parse_sheet

from ..conftest import SEED
from .sheetkit import HEADER, LEGEND, row, sheet


def parse(raw: bytes) -> None:
    parse_sheet(raw, "bad.txt")


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def test_utf8_with_bom_is_fine() -> None:
    parse_sheet(b"\xef\xbb\xbf" + sheet(row("1")).encode("utf-8"), "bom.txt")


def test_shift_jis_is_named() -> None:
    raw = sheet(row("1")).encode("cp932")
    with pytest.raises(EncodingError, match="Shift_JIS"):
        parse(raw)


def test_shift_jis_snippet_of_the_real_seed() -> None:
    snippet = "\n".join(seed_text().splitlines()[:30]).encode("cp932", errors="replace")
    with pytest.raises(EncodingError, match=r"Shift_JIS \(CP932\).*iconv"):
        parse(snippet)


def test_euc_jp_is_named() -> None:
    with pytest.raises(EncodingError, match="EUC-JP"):
        parse(sheet(row("1")).encode("euc_jp", errors="replace"))


def test_utf16_is_named() -> None:
    with pytest.raises(EncodingError, match="UTF-16"):
        parse(sheet(row("1")).encode("utf-16"))


def test_binary_is_rejected() -> None:
    with pytest.raises(EncodingError):
        parse(bytes(range(256)) * 4)


def test_mojibake_is_rejected() -> None:
    mojibake = sheet(row("1")).encode("cp932").decode("latin-1").encode("utf-8")
    with pytest.raises(EncodingError, match="mojibake"):
        parse(mojibake)


@pytest.mark.parametrize("raw", [b"", b"   \n\t\n  ", b"\xef\xbb\xbf\n"])
def test_empty(raw: bytes) -> None:
    with pytest.raises(EmptySheetError):
        parse(raw)


def test_csv_is_not_a_sheet() -> None:
    csv = HEADER.replace("\t", ",") + "\n" + ",".join(row("1")) + "\n"
    with pytest.raises(NotASheetError, match="CSV"):
        parse(csv.encode("utf-8"))


def test_random_text_is_not_a_sheet() -> None:
    with pytest.raises(NotASheetError, match="column-header"):
        parse("吾輩は猫である。名前はまだ無い。\nどこで生れたかとんと見当がつかぬ。\n".encode())


def test_row_before_headings_is_not_a_sheet() -> None:
    with pytest.raises(NotASheetError, match="headings"):
        parse(sheet(row("1"), headings=[]).encode("utf-8"))


def test_all_errors_are_sheet_errors() -> None:
    for cls in (EmptySheetError, EncodingError, NotASheetError, TruncatedSheetError):
        assert issubclass(cls, SheetError)


def test_missing_legend_means_truncated() -> None:
    with pytest.raises(TruncatedSheetError, match="legend"):
        parse(sheet(row("1"), legend=[]).encode("utf-8"))


def test_last_row_cut_mid_line() -> None:
    text = sheet(row("1"), legend=[]) + "\t".join(row("2")[:5])
    with pytest.raises(TruncatedSheetError, match="cut off"):
        parse(text.encode("utf-8"))


def test_short_line_mid_record() -> None:
    with pytest.raises(TruncatedSheetError, match="only 4 cells"):
        parse(sheet(row("1"), row("2")[:4], row("3")).encode("utf-8"))


def test_cut_legend_line() -> None:
    legend = [*LEGEND[:3], LEGEND[3][:20]]
    with pytest.raises(TruncatedSheetError, match="legend line is cut"):
        parse(sheet(row("1"), legend=legend).encode("utf-8"))


def test_heading_without_rows_at_the_end() -> None:
    text = sheet(row("1"), "②ここで切れた", legend=[])
    with pytest.raises(TruncatedSheetError, match="followed by no table row"):
        parse(text.encode("utf-8"))


@pytest.mark.parametrize("keep", [14, 100, 200, 354])
def test_real_seed_cut_anywhere_is_truncated(keep: int) -> None:
    lines = seed_text().splitlines()[:keep]
    with pytest.raises(TruncatedSheetError):
        parse("\n".join(lines).encode("utf-8"))


def test_real_seed_cut_mid_row() -> None:
    lines = seed_text().splitlines()
    text = "\n".join(lines[:353]) + "\n" + lines[353][:120]
    with pytest.raises(TruncatedSheetError):
        parse(text.encode("utf-8"))


def test_real_seed_cut_after_the_first_legend_line() -> None:
    lines = seed_text().splitlines()[:356]
    with pytest.raises(TruncatedSheetError, match="legend"):
        parse("\n".join(lines).encode("utf-8"))
