"""Each messy case of the real sheet, on small hand-made sheets."""

from __future__ import annotations

import re

import pytest

from kintl_pub.ingest.lossless import check_lossless
from kintl_pub.ingest.model import ParsedSheet
from kintl_pub.ingest.parse import parse_sheet

from .sheetkit import cont, row, sheet


def parse(text: str) -> ParsedSheet:
    parsed = parse_sheet(text.encode("utf-8"), "test.txt")
    assert check_lossless(text, parsed) == []
    return parsed


def kinds(parsed: ParsedSheet) -> list[str]:
    # Sheets numbered from 74 have a "gap" 1..73; not what these tests look at.
    return [a.kind for a in parsed.anomalies if a.kind != "number-gap"]


FIRST_ROW_LINE = 13  # sheetkit: title, header, dashes, three headings


def test_well_formed_rows_and_hierarchy() -> None:
    p = parse(sheet(row("1"), row("2", title="二つ目", program="二つ目事業")))
    assert [i.number for i in p.initiatives] == [1, 2]
    ini = p.initiatives[0]
    assert (ini.policy, ini.direction, ini.focus, ini.title) == (1, 1, 1, "臨海部のPR推進")
    prog = ini.programs[0]
    assert (prog.name, prog.measure_code, prog.ward, prog.bureau) == (
        "臨海部活性化推進事業", "4-4-1", None, "臨海部国際戦略本部")
    assert (prog.achievement, prog.achievement_label) == (3, "ほぼ目標どおり")
    assert (prog.contribution, prog.contribution_label) == ("A", "貢献している")
    assert p.policies == {1: "先端技術や産業集積を生かした国際展開"}
    assert p.directions == {(1, 1): "世界をけん引するビジネス拠点の創出"}
    assert p.focuses == {(1, 1, 1): "キングスカイフロントを中心とした国際戦略拠点形成等"}
    assert p.anomalies == []


def test_page_furniture_blank_lines_and_legend_are_skipped() -> None:
    p = parse(sheet(row("1"), "<page>", "-----\t-----\t----", row("2", title="次")))
    assert [i.number for i in p.initiatives] == [1, 2]
    assert [pr.line_start for i in p.initiatives for pr in i.programs] == [FIRST_ROW_LINE, 21]


def test_focus_heading_with_space_after_circled_number() -> None:
    p = parse(sheet(row("1"), "② 上下水道分野における官民連携", row("2", title="次")))
    assert p.initiatives[1].focus == 2
    assert p.focuses[(1, 1, 2)] == "上下水道分野における官民連携"


def test_cut_heading_is_kept_as_printed() -> None:
    p = parse(sheet(row("1"), headings=["【取組方針Ⅱ】強みと魅力を活", "取組の方向性2 国際", "③外"]))
    assert p.policies == {2: "強みと魅力を活"}
    assert (p.initiatives[0].policy, p.initiatives[0].direction, p.initiatives[0].focus) == (2, 2, 3)


def test_continuation_rows_belong_to_the_numbered_row_above() -> None:
    p = parse(sheet(row("1"), cont(program="地球温暖化対策事業", code="3-1-1"), "②次", row("2", title="x")))
    assert [pr.name for pr in p.initiatives[0].programs] == ["臨海部活性化推進事業", "地球温暖化対策事業"]
    assert "merged-row-attribution" not in kinds(p)  # nothing else it could belong to


def test_merged_group_row_before_its_centred_number_goes_to_next() -> None:
    museum = cont(program="藤子・F・不二雄ミュージアム事業", code="4-8-2",
                  content="藤子・F・不二雄ミュージアムや日本民家園などの魅力を発信します。")
    p = parse(sheet(
        row("1", title="東京オリンピック推進", program="オリンピック推進事業", code="4-8-1",
            content="東京2020大会を契機とした取組です。"),
        museum,
        row("2", title="ミュージアムの魅力発信", program="岡本太郎美術館運営事業", code="4-8-2",
            content="ミュージアムの企画展を開催します。"),
        cont(program="日本民家園管理運営事業", code="4-8-2"),
    ))
    assert [pr.name for pr in p.initiatives[0].programs] == ["オリンピック推進事業"]
    assert [pr.name for pr in p.initiatives[1].programs] == [
        "藤子・F・不二雄ミュージアム事業", "岡本太郎美術館運営事業", "日本民家園管理運営事業"]
    [a] = [a for a in p.anomalies if a.kind == "merged-row-attribution"]
    assert a.initiative_number == 2 and a.line == FIRST_ROW_LINE + 1
    assert "施策番号 4-8-2" in a.message and "ミュ" in a.message and "attributed to initiative 2" in a.decision


def test_ward_series_row_goes_to_next_group() -> None:
    p = parse(sheet(
        row("1", title="タブレット多言語案内", program="サービス向上事業", code="5-1-3",
            content="タブレット端末を活用した通訳を行います。"),
        cont(number="", title="", program="地域課題対応事業(川崎区)", code="川崎区",
             content="区役所内に多言語の総合案内板を設置します。", bureau="川崎区役所"),
        row("2", title="区役所総合案内板の多言語化", program="区役所等管理運営事業(幸区)", code="幸区",
            content="総合案内板を多言語で設置しました。", bureau="幸区役所"),
    ))
    assert [pr.ward for pr in p.initiatives[1].programs] == ["川崎区", "幸区"]
    assert "ward 川崎区 comes before 幸区" in p.anomalies[0].message


def test_row_never_jumps_to_a_number_on_a_later_page() -> None:
    p = parse(sheet(
        row("1", title="子育てサロン", program="子育てサロン事業", code="中原区"),
        cont(program="地域包括ケア推進に関する業務", code="多摩区", content="", plan="交流の場"),
        "<page>",
        row("2", title="通訳支援", program="地域包括ケア推進に関する業務", code="麻生区",
            content="交流の場"),
    ))
    assert len(p.initiatives[0].programs) == 2


def test_number_and_name_in_one_cell() -> None:
    cells = row("15")
    merged = ["15 環境関連施設の視察受入", *cells[2:]]  # 11 cells, programme in cell 2
    p = parse(sheet(merged, ["", *cells[2:]]))
    ini = p.initiatives[0]
    assert (ini.number, ini.title) == (15, "環境関連施設の視察受入")
    assert [pr.name for pr in ini.programs] == ["臨海部活性化推進事業"] * 2


def test_number_alone_in_the_second_column() -> None:
    cells = ["", "55", "多文化共生推進事業", "地域課題対応事業(幸区)", "幸区", *row()[4:], "", ""]
    p = parse(sheet(cells))
    ini = p.initiatives[0]
    assert (ini.number, ini.title, ini.programs[0].ward) == (55, "多文化共生推進事業", "幸区")
    assert ini.programs[0].measure_code is None
    assert "shifted-number" in kinds(p)


def test_missing_measure_code_column() -> None:
    cells = row("46", title="国際化を見据えた都市拠点の形成", program="川崎駅周辺総合整備事業")
    del cells[3]
    p = parse(sheet(cells))
    prog = p.initiatives[0].programs[0]
    assert prog.measure_code is None and prog.name == "川崎駅周辺総合整備事業"
    assert prog.content.startswith("国際的な")
    assert "missing-measure-code" in kinds(p)


@pytest.mark.parametrize(("glued", "code", "ward"), [
    ("交流推進事業 4-9-1", "4-9-1", None),
    ("地域包括ケア推進に関する業務 川崎区", None, "川崎区"),
])
def test_code_or_ward_glued_to_programme_name(glued: str, code: str | None, ward: str | None) -> None:
    cells = row("92", title="多言語支援センター")
    cells[2:4] = [glued]
    p = parse(sheet(cells))
    prog = p.initiatives[0].programs[0]
    assert (prog.name, prog.measure_code, prog.ward) == (glued.rsplit(" ", 1)[0], code, ward)
    assert "glued-measure-code" in kinds(p)


def test_single_name_cell_is_the_title_and_programme_missing() -> None:
    cells = row("74", title="医療通訳スタッフの派遣", code="1-6-1")
    del cells[2]
    p = parse(sheet(cells))
    assert p.initiatives[0].title == "医療通訳スタッフの派遣"
    assert p.initiatives[0].programs[0].name is None
    assert kinds(p) == ["missing-program-name"]


def test_single_name_cell_shared_by_group_is_the_programme_and_title_missing() -> None:
    first = row("88", code="中原区", program="地域包括ケア推進に関する業務")
    del first[1]
    p = parse(sheet(first, cont(program="地域包括ケア推進に関する業務", code="高津区")))
    assert p.initiatives[0].title is None
    assert [pr.name for pr in p.initiatives[0].programs] == ["地域包括ケア推進に関する業務"] * 2
    assert kinds(p) == ["missing-title"]


def test_missing_initiative_number_is_inferred_from_the_gap() -> None:
    p = parse(sheet(row("63"), cont(title="日本語学習支援者等の連携", program="多文化共生教育推進事業"),
                    row("65", title="市バス")))
    assert [i.number for i in p.initiatives] == [63, 64, 65]
    assert p.initiatives[1].title == "日本語学習支援者等の連携"
    [a] = [a for a in p.anomalies if a.kind == "missing-number"]
    assert "63 → 65" in a.message and a.initiative_number == 64


def test_number_gap_without_a_row_is_reported() -> None:
    p = parse(sheet(row("1"), row("3", title="三")))
    [a] = [a for a in p.anomalies if a.kind == "number-gap"]
    assert a.initiative_number == 2


def test_missing_bureau() -> None:
    cells = row("57")[:-1]
    p = parse(sheet(cells))
    prog = p.initiatives[0].programs[0]
    assert prog.bureau is None and prog.reason and prog.future
    assert "missing-bureau" in kinds(p)


def test_bureau_shifted_into_the_future_column() -> None:
    cells = row("80", future="")
    cells[9] = "各学校で支援を継続して行っていきます。"  # the 評価の理由 column holds future text
    del cells[10]
    p = parse(sheet([*cells, ""]))
    prog = p.initiatives[0].programs[0]
    assert (prog.reason, prog.bureau) == ("", "臨海部国際戦略本部")
    assert prog.future == "各学校で支援を継続して行っていきます。"
    [a] = [a for a in p.anomalies if a.kind != "number-gap"]
    assert a.kind == "missing-cell" and "評価の理由 left empty" in a.decision


def test_continuation_row_without_content_and_title_columns() -> None:
    # " | 産業観光推進事業 | 4-9-2 | plan | 4. …": title and content cells gone.
    cells = ["", "産業観光推進事業", "4-9-2", "観光センター等で情報発信に取り組みました。", *row()[6:]]
    p = parse(sheet(row("58"), cells))
    prog = p.initiatives[0].programs[1]
    assert (prog.name, prog.measure_code, prog.content) == ("産業観光推進事業", "4-9-2", "")
    assert prog.plan.startswith("観光センター")


def test_continuation_row_missing_leading_empty_cells() -> None:
    cells = ["地域課題対応事業(麻生区)", "麻生区", "実行委員会を結成しました。", *row()[6:], "", "", ""]
    p = parse(sheet(row("55"), cells))
    prog = p.initiatives[0].programs[1]
    assert (prog.name, prog.ward, prog.plan) == ("地域課題対応事業(麻生区)", "麻生区", "実行委員会を結成しました。")


def test_extra_empty_trailing_cells_are_ignored() -> None:
    p = parse(sheet([*row("1"), "", "", ""]))
    assert p.initiatives[0].programs[0].bureau == "臨海部国際戦略本部"
    assert p.anomalies == []


def test_html_cells_become_blocks_without_tags() -> None:
    cells = row("1", content="<p>一段落目。</p> <p>二段落目。</p>",
                plan='<ul style="list-style-type: none"> 項目一 項目二 ')
    p = parse(sheet(cells))
    prog = p.initiatives[0].programs[0]
    assert prog.content == "一段落目。\n\n二段落目。"
    assert prog.plan == "- 項目一\n- 項目二"


def test_ocr_slip_reported_not_rewritten() -> None:
    p = parse(sheet(row("3", plan="・4大学ナノ・マイクロファブ리케이션コンソーシアムと連携")))
    assert "리케이션" in p.initiatives[0].programs[0].plan
    [a] = [a for a in p.anomalies if a.kind != "number-gap"]
    assert (a.kind, a.initiative_number, a.line) == ("ocr-hangul", 3, FIRST_ROW_LINE)
    assert "리케이션" in a.message


def test_every_anomaly_has_number_line_kind_message_decision() -> None:
    p = parse(sheet(row("1"), cont(program="x事業", code="4-9-2"),
                    row("3", title="y", program="")))
    for a in p.anomalies:
        assert a.line >= 0 and a.kind and a.message and a.decision
        assert re.fullmatch(r"[a-z-]+", a.kind)


def test_lossless_proof_follows_cells_the_parser_joined() -> None:
    """A number written in kanji (千) is not an initiative number to the
    parser: the row's name cells shift and two of them are joined into the
    programme name.  The proof accepts the join (each cell claims its part,
    in order), and still catches a lost part."""
    text = sheet(row("1"), row("千", title="多文化共生の推進", program="国際交流推進事業"))
    p = parse(text)  # parse() asserts the proof holds
    prog = p.initiatives[1].programs[0]
    assert prog.name == "多文化共生の推進 国際交流推進事業"
    assert "shifted-cells" in kinds(p)
    prog.name = "多文化共生の推進"
    problems = check_lossless(text, p)
    assert problems == [f"line {FIRST_ROW_LINE + 1}: cell '国際交流推進事業' not found in a stored field"]
