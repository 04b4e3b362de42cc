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


# -- issue 10: messages that pointed at the wrong cause ----------------------


def test_a_file_cut_inside_a_multibyte_character_is_cut_off() -> None:
    raw = seed_text().encode("utf-8")
    cut = raw[: raw.index("事業".encode()) + 1]  # one byte of a three-byte character
    with pytest.raises(EncodingError, match="cut off: it ends inside a multi-byte UTF-8 character"):
        parse(cut)


@pytest.mark.parametrize(
    ("codec", "needle"),
    [
        ("utf-16-le", r"UTF-16 \(little-endian\) without a byte-order mark"),
        ("utf-16-be", r"UTF-16 \(big-endian\) without a byte-order mark"),
        ("utf-32-le", r"UTF-32 \(little-endian\) without a byte-order mark"),
        ("utf-32-be", r"UTF-32 \(big-endian\) without a byte-order mark"),
        ("utf-32", r"UTF-32 \(byte-order mark found\)"),
        ("utf-16", r"UTF-16 \(byte-order mark found\)"),
    ],
)
def test_utf16_and_utf32_are_named_with_or_without_bom(codec: str, needle: str) -> None:
    with pytest.raises(EncodingError, match=needle):
        parse(seed_text().encode(codec))


@pytest.mark.parametrize(
    ("char", "name"),
    [("\v", "vertical tab"), ("\f", "form feed"), ("\x85", "next-line character NEL"), ("\u2028", "line separator"),
     ("\u2029", "paragraph separator"), ("\x1b", "escape"), ("\u202e", "right-to-left override"),
     ("\x07", "control character")],
)
def test_a_control_character_inside_a_cell_is_named(char: str, name: str) -> None:
    """VT, FF, NEL and U+2028 used to split the line (str.splitlines), and the
    two halves were reported as a record "cut off"."""
    lines = seed_text().split("\n")
    cells = lines[14].split("\t")
    cells[4] = cells[4][:10] + char + cells[4][10:]
    lines[14] = "\t".join(cells)
    with pytest.raises(SheetError, match=rf"line 15, column 5: a {name}.*U\+{ord(char):04X}") as exc:
        parse("\n".join(lines).encode("utf-8"))
    assert "cut off" not in str(exc.value)


def test_crlf_and_cr_line_ends_read_as_lf() -> None:
    text = sheet(row("1"))
    lf = parse_sheet(text.encode(), "lf.txt")
    for nl in ("\r\n", "\r"):
        other = parse_sheet(text.replace("\n", nl).encode(), "x.txt")
        assert other.initiatives == lf.initiatives


def test_a_huge_cell_is_refused_with_its_place() -> None:
    from kintl_pub.ingest.limits import SheetLimits
    from kintl_pub.ingest.model import LimitError

    lines = seed_text().split("\n")
    cells = lines[14].split("\t")
    cells[4] = "あ" * 1_000_000
    lines[14] = "\t".join(cells)
    with pytest.raises(LimitError, match="line 15, column 5: a cell of 1,000,000 characters, over the limit of 20,000"):
        parse_sheet("\n".join(lines).encode(), "big.txt", limits=SheetLimits())


def test_too_many_rows_are_refused() -> None:
    from kintl_pub.ingest.limits import SheetLimits
    from kintl_pub.ingest.model import LimitError

    with pytest.raises(LimitError, match="more than 100 table rows"):
        parse_sheet(seed_text().encode(), "seed.txt", limits=SheetLimits(max_rows=100))
    parse_sheet(seed_text().encode(), "seed.txt", limits=SheetLimits(max_rows=200))


def test_limits_from_the_environment(monkeypatch) -> None:
    from kintl_pub.ingest.limits import SheetLimits
    from kintl_pub.ingest.model import LimitError

    monkeypatch.setenv("KINTL_IMPORT_MAX_CELL_CHARS", "100")
    assert SheetLimits.from_env() == SheetLimits(max_cell_chars=100)
    assert SheetLimits.from_env(max_bytes=7).max_bytes == 7
    monkeypatch.setenv("KINTL_IMPORT_MAX_ROWS", "many")
    with pytest.raises(LimitError, match="KINTL_IMPORT_MAX_ROWS='many' is not a whole number"):
        SheetLimits.from_env()


def test_policy_numbers_in_other_digits_are_not_read() -> None:
    with pytest.raises(NotASheetError, match="unreadable policy number"):
        parse(sheet(row("1"), headings=["【取組方針٣】多様性", *sheetkit_headings()[1:]]).encode())


def sheetkit_headings() -> list[str]:
    from .sheetkit import HEADINGS

    return HEADINGS
