"""Cell cleaning: HTML fragments become blocks, nothing is rendered."""

from __future__ import annotations

from kintl_pub.ingest import cells as C
from kintl_pub.segment import Block, parse_blocks


def test_paragraphs_become_blocks() -> None:
    text = C.clean_prose("<p>一つ目です。</p> <p>二つ目 ①あ ②い</p>").text
    assert parse_blocks(text) == [Block("p", ("一つ目です。",)), Block("p", ("二つ目 ①あ ②い",))]


def test_list_items_keep_structure() -> None:
    text = C.clean_prose('<ul style="x"><li>項目A</li><li>項目 B</li></ul>').text
    assert text == "- 項目A\n- 項目 B"


def test_list_whose_li_tags_were_lost_splits_at_item_spaces() -> None:
    raw = '<ul style="list-style-type: none"> 川崎国際環境技術展の開催 JCM事業等の実施 HP等を通じて情報発信 '
    assert parse_blocks(C.clean_prose(raw).text) == [
        Block("ul", ("川崎国際環境技術展の開催", "JCM事業等の実施", "HP等を通じて情報発信"))
    ]


def test_latin_words_in_a_flat_list_stay_together() -> None:
    assert C.split_flat_list("イベント「Rainbow Journey in 川崎」を開催 次の項目") == [
        "イベント「Rainbow Journey in 川崎」を開催", "次の項目",
    ]


def test_entities_unescaped_and_angle_bracket_text_kept() -> None:
    assert C.clean_prose("<p>A&amp;B &lt;注&gt;</p>").text == "A&B <注>"
    # Not HTML: the sheet quotes a guideline title in angle brackets.
    assert C.clean_prose("「川崎市<やさしい日本語>ガイドライン」").text == "「川崎市<やさしい日本語>ガイドライン」"


def test_script_is_never_executed_text_is_kept_and_reported() -> None:
    cleaned = C.clean_prose("<p>本文<script>alert(1)</script></p>")
    assert "<" not in cleaned.text and "script" in cleaned.unexpected_tags
    assert "alert(1)" in cleaned.text  # nothing a person wrote is dropped


def test_unclosed_paragraph_of_a_cut_cell() -> None:
    assert C.clean_prose("<p>途中で切れた").text == "途中で切れた"


def test_codes() -> None:
    assert C.parse_achievement("3. ほぼ目標どおり") == (3, "ほぼ目標どおり")
    assert C.parse_achievement("３．目標を下回った") == (3, "目標を下回った")
    assert C.parse_achievement("1. 英国代表チームの受入れを支援しました。") is None
    assert C.parse_contribution("C. 貢献の度合いが薄い") == ("C", "貢献の度合いが薄い")
    assert C.split_glued_code("交流推進事業 4-9-1") == ("交流推進事業", "4-9-1")
    assert C.split_glued_code("地域包括ケア推進に関する業務 川崎区") == ("地域包括ケア推進に関する業務", "川崎区")
    assert C.looks_like_bureau("こども未来局") and not C.looks_like_bureau("引き続き実施します。")


def test_ocr_slips_are_narrow() -> None:
    kinds = {s.kind for s in C.find_ocr_slips("マイクロファブ리케이션コンソーシアム")}
    assert kinds == {"ocr-hangul"}
    assert C.find_ocr_slips("ハン ガール語") and C.find_ocr_slips("ハンiガール")
    # Normal in this sheet: Latin words glued to Japanese.
    assert not C.find_ocr_slips("多摩川リバーサイド駅伝in川崎、Jヴィレッジ、eラーニング、藤子・F・不二雄")
