"""Editor corrections: confirm or override importer decisions, with a reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from kintl_pub.ingest.corrections import load_corrections, typo_pairs
from kintl_pub.ingest.lossless import check_lossless
from kintl_pub.ingest.model import CorrectionError, ParsedSheet
from kintl_pub.ingest.parse import parse_sheet

from .sheetkit import cont, row, sheet

TEXT = sheet(
    row("1", title="タブレット多言語案内", program="サービス向上事業", code="5-1-3",
        content="タブレット端末を活用した通訳を行います。", plan="マイクロファブ리케이션の推進"),
    cont(program="地域課題対応事業(川崎区)", code="川崎区",
         content="区役所内に多言語の総合案内板を設置します。", bureau="川崎区役所"),
    row("2", program="区役所等管理運営事業(幸区)", code="幸区", title="",
        content="総合案内板を多言語で設置しました。", bureau="幸区役所"),
)


def parse_with(tmp_path: Path, toml: str) -> ParsedSheet:
    path = tmp_path / "corrections.toml"
    path.write_text(toml, encoding="utf-8")
    parsed = parse_sheet(TEXT.encode("utf-8"), "t.txt", path)
    assert check_lossless(TEXT, parsed, typo_pairs(load_corrections(path))) == []
    return parsed


def test_without_corrections_the_importer_decides_alone() -> None:
    p = parse_sheet(TEXT.encode("utf-8"), "t.txt")
    assert [pr.ward for pr in p.initiatives[1].programs] == ["川崎区", "幸区"]
    assert p.initiatives[1].title is None
    assert not any(a.corrected for a in p.anomalies)


def test_attribution_confirmed(tmp_path: Path) -> None:
    p = parse_with(tmp_path, """
[[attribute]]
row = { program = "地域課題対応事業(川崎区)", code = "川崎区" }
initiative = 2
reason = "ward series of 2"
""")
    [a] = [a for a in p.anomalies if a.kind == "merged-row-attribution"]
    assert a.corrected and "confirmed by editor" in a.decision and "ward series of 2" in a.decision
    assert [pr.ward for pr in p.initiatives[1].programs] == ["川崎区", "幸区"]


def test_attribution_overridden_keeps_sheet_order(tmp_path: Path) -> None:
    p = parse_with(tmp_path, """
[[attribute]]
row = { text = "区役所内に多言語の総合案内板" }
initiative = 1
reason = "the city says it belongs to 1"
""")
    assert [pr.line_start for pr in p.initiatives[0].programs] == [13, 14]
    [a] = [a for a in p.anomalies if a.kind == "merged-row-attribution"]
    assert a.corrected and "overridden: attributed to 1" in a.decision


def test_attribution_by_fingerprint(tmp_path: Path) -> None:
    plain = parse_sheet(TEXT.encode("utf-8"), "t.txt")
    [a] = [a for a in plain.anomalies if a.kind == "merged-row-attribution"]
    fp = a.message.split("fingerprint ")[1][:12]
    p = parse_with(tmp_path, f"""
[[attribute]]
row = {{ fingerprint = "{fp}" }}
initiative = 2
reason = "checked"
""")
    assert all(a.corrected for a in p.anomalies if a.kind == "merged-row-attribution")


def test_missing_title_set(tmp_path: Path) -> None:
    p = parse_with(tmp_path, """
[[title]]
initiative = 2
title = "区役所総合案内板の多言語化"
reason = "title from the city's plan document"
""")
    assert p.initiatives[1].title == "区役所総合案内板の多言語化"
    [a] = [a for a in p.anomalies if a.kind == "missing-title"]
    assert a.corrected


def test_typo_fixed_and_ocr_anomaly_marked(tmp_path: Path) -> None:
    p = parse_with(tmp_path, """
[[typo]]
initiative = 1
field = "plan"
old = "ファブ리케이션"
new = "ファブリケーション"
reason = "OCR slip"
""")
    assert p.initiatives[0].programs[0].plan == "マイクロファブリケーションの推進"
    [a] = [a for a in p.anomalies if a.kind == "ocr-hangul"]
    assert a.corrected and "'ファブ리케이션' → 'ファブリケーション'" in a.decision


def test_typo_that_the_importer_did_not_see_is_recorded(tmp_path: Path) -> None:
    p = parse_with(tmp_path, """
[[typo]]
initiative = 1
field = "content"
old = "通訳"
new = "翻訳"
reason = "editor"
""")
    [a] = [a for a in p.anomalies if a.kind == "typo"]
    assert a.corrected and a.initiative_number == 1


@pytest.mark.parametrize(("toml", "message"), [
    ('[[typo]]\ninitiative = 1\nfield = "plan"\nold = "存在しない"\nnew = "x"\nreason = "r"', "does not occur"),
    ('[[typo]]\ninitiative = 1\nfield = "plan"\nold = "ファブ"\nnew = "x"', "missing"),
    ('[[typo]]\ninitiative = 1\nfield = "colour"\nold = "a"\nnew = "b"\nreason = "r"', "field must be"),
    ('[[attribute]]\nrow = { program = "サービス向上事業", code = "9-9-9" }\ninitiative = 2\nreason = "r"', "matches 0 rows"),
    ('[[attribute]]\nrow = { text = "事業" }\ninitiative = 2\nreason = "r"', "must match exactly one"),
    ('[[attribute]]\nrow = { text = "総合案内板を設置" }\ninitiative = 7\nreason = "r"', "does not exist"),
    ('[[attribute]]\nrow = { line = 14 }\ninitiative = 2\nreason = "r"', "row must be a table"),
    ('[[rename]]\nreason = "r"', "unknown correction kind"),
    ("[[typo]\n", "not valid"),
    ('[[title]]\ninitiative = 1\ntitle = "x"\nreason = "  "', "reason must say why"),
])
def test_bad_corrections(tmp_path: Path, toml: str, message: str) -> None:
    with pytest.raises(CorrectionError, match=message):
        parse_with(tmp_path, toml)


def test_missing_corrections_file(tmp_path: Path) -> None:
    with pytest.raises(CorrectionError, match="not found"):
        parse_sheet(TEXT.encode("utf-8"), "t.txt", tmp_path / "nope.toml")
