"""Each rewrite rule on its own, then the whole rewrite and preservation."""

from __future__ import annotations

import pytest

from kintl_pub.easy import preserve
from kintl_pub.easy.rewrite import dates, lists, rewrite, style
from kintl_pub.easy.rewrite.conjugate import polite
from kintl_pub.easy.rewrite.glossary import replace_verbs, replace_words
from kintl_pub.easy.rewrite.sentences import (
    is_polite,
    polite_ending,
    rewrite_sentence,
    split_clauses,
)


def _text(tokens) -> str:  # type: ignore[no-untyped-def]
    return "".join(t.surface for t in tokens)


def test_era_with_western() -> None:
    assert dates.era_with_western("令和3年度の取組") == "2021年度（令和3年度）の取組"
    assert dates.era_with_western("平成元年") == "1989年（平成元年）"
    assert dates.era_with_western("令和4年4月から") == "2022年（令和4年）4月から"
    assert dates.era_with_western("2021年度（令和3年度）") == "2021年度（令和3年度）"


def test_times_with_ampm() -> None:
    assert dates.times_with_ampm("14時30分から") == "午後2時30分から"
    assert dates.times_with_ampm("9:00に") == "午前9時に"
    assert dates.times_with_ampm("午後2時") == "午後2時"
    assert dates.times_with_ampm("3時間") == "3時間"  # a duration, not a clock time


def test_ranges_kara_made() -> None:
    assert dates.ranges_kara_made("5月15日～5月31日に") == "5月15日から5月31日までに"
    assert dates.ranges_kara_made("5月15日(土)～31日(月)") == "5月15日(土)から31日(月)まで"
    assert dates.ranges_kara_made("3～6年生") == "3から6年生まで"
    assert dates.ranges_kara_made("4月～") == "4月から"
    assert "〜" not in dates.ranges_kara_made("10時〜12時") and "～" not in dates.ranges_kara_made("1～2")


def test_no_honorifics() -> None:
    assert style.no_honorifics("取り組んでまいります。") == "取り組んでいきます。"
    assert style.no_honorifics("実施いたします。") == "実施します。"
    assert style.no_honorifics("担当しております。") == "担当しています。"
    assert style.no_honorifics("ございます") == "あります"


def test_no_double_negatives() -> None:
    assert style.no_double_negatives("確認しなければなりません。") == "確認する必要があります。"
    assert style.no_double_negatives("少なくありません。") == "多いです。"
    assert style.no_double_negatives("交流が途切れることのないよう") == "交流がつづくように"


def test_glossary_words(glossary) -> None:  # type: ignore[no-untyped-def]
    assert replace_words("本市及び国", glossary) == "川崎市と国"


def test_glossary_words_whole_words_only(reader, glossary) -> None:  # type: ignore[no-untyped-def]
    from kintl_pub.easy.rewrite.glossary import nado
    from kintl_pub.easy.rewrite.words import replace_word_tokens

    def run(t: str) -> str:
        return _text(replace_word_tokens(nado(reader.tokens(t)), glossary))

    assert run("児童と保護者") == "子どもと親"
    assert run("児童福祉法") == "児童福祉法"  # part of a name: kept
    assert run("本市及び国等の取組") == "川崎市と国などのとりくみ"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("研修を実施しました。", "研修をおこないました。"),
        ("会議を開催する。", "会議をひらく。"),
        ("会議を開催して", "会議をひらいて"),
        ("取組を推進します。", "取組をすすめます。"),
        ("冊子を配布した", "冊子をくばった"),
        ("情報提供します", "情報提供します"),  # part of a compound: left alone
    ],
)
def test_glossary_verbs_conjugate(reader, glossary, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert _text(replace_verbs(reader.tokens(text), glossary)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("国際交流の推進", "国際交流の推進です。"),  # 体言止め
        ("地域の課題である。", "地域の課題です。"),
        ("重要だ。", "重要です。"),
        ("研修を行う。", "研修を行います。"),
        ("研修を行った。", "研修を行いました。"),
        ("参加できない。", "参加できません。"),
        ("問題はない。", "問題はありません。"),
        ("利用が多い。", "利用が多いです。"),
        ("続けています。", "続けています。"),
        ("事業を推進しました(令和3年7月開始)。", "事業を推進しました(令和3年7月開始)。"),
    ],
)
def test_polite_ending(reader, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert polite_ending(reader.tokens(text)) == expected
    assert is_polite(expected)


def test_polite_conjugation() -> None:
    assert polite("行う", "五段-ワア行") == "行います"
    assert polite("進める", "下一段-マ行", past=True) == "進めました"
    assert polite("実施する", "サ行変格", negative=True) == "実施しません"


def test_split_long_sentences(reader) -> None:  # type: ignore[no-untyped-def]
    s = "市内の外国人市民に向けた日本語教室を開催し、地域の国際交流団体と協力して相談窓口の運営を行いました。"
    out = rewrite_sentence(reader.tokens(s))
    assert out == ["市内の外国人市民に向けた日本語教室を開催しました。", "地域の国際交流団体と協力して相談窓口の運営を行いました。"]
    s2 = "受入環境の整備のためには、継続的な取組が必要であるため、計画どおり事業を継続します。"
    assert rewrite_sentence(reader.tokens(s2)) == ["受入環境の整備のためには、継続的な取組が必要です。", "そのため、計画どおり事業を継続します。"]
    s3 = "開催時期などを検討のうえ研修を設定するとともに、職員全体の国際理解向上等を図ります。"
    assert rewrite_sentence(reader.tokens(s3))[1].startswith("また、")
    # compound particles (に向けて, を通じて) are not clause ends
    s4 = "キングスカイフロントの拠点形成に向けて、国内外の研究機関との連携をさらに強化していきます。"
    assert len(split_clauses(reader.tokens(s4))) == 1
    # short sentences stay whole
    assert len(split_clauses(reader.tokens("会議を開催し、報告しました。"))) == 1


def test_enumerations_become_lists() -> None:
    assert lists.circled_to_list("主な内容は①日本語教室の開催②多言語相談の実施③情報発信の強化") == (
        "主な内容は\n\n- ①日本語教室の開催\n- ②多言語相談の実施\n- ③情報発信の強化"
    )
    assert lists.circled_to_list("②、③立地機関で構成する協議会") == "②、③立地機関で構成する協議会"
    sent, items = lists.nakaguro_to_list("英語・中国語・韓国語等の通訳を配置します。")
    assert items == ["英語", "中国語", "韓国語"]
    assert sent == "つぎのものなどの通訳を配置します。"
    assert lists.nakaguro_to_list("キングスカイフロント・HiCityの連携")[1] == []


def test_preservation_detects_a_lost_number_and_name(reader) -> None:  # type: ignore[no-untyped-def]
    src = "溝口駅で2021年に3,500部を配布しました。"
    toks = reader.tokens(src)
    assert preserve.lost(src, "溝口駅で2021年に3500部をくばりました。", toks) == []
    assert preserve.lost(src, "駅で2021年にくばりました。", toks) == ["3,500", "溝口"]
    # a time changed by the 午前/午後 rule still counts as kept
    assert preserve.lost("14時から", "午後2時から") == []


def test_rewrite_that_loses_an_item_keeps_the_source(reader, glossary, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import kintl_pub.easy.rewrite as rw

    monkeypatch.setattr(rw.style, "no_honorifics", lambda t: t.replace("2021", ""))
    src = "2021年に研修を実施いたしました。"
    res = rewrite(src, reader=reader, glossary=glossary)
    assert res.kept_source and res.text == src
    assert res.flags == ["lost:2021"]


def test_full_rewrite(reader, glossary) -> None:  # type: ignore[no-untyped-def]
    src = "令和3年度は5月15日～31日に川崎市国際交流協会と連携し、外国人市民向けの日本語教室を開催いたしました。"
    res = rewrite(src, reader=reader, glossary=glossary)
    assert not res.flags
    assert res.text == (
        "2021年度（令和3年度）は5月15日から31日までに川崎市国際交流協会と協力しました。"
        "外国人市民向けの日本語教室をひらきました。"
    )


def test_gloss_only_on_whole_words(pipeline) -> None:  # type: ignore[no-untyped-def]
    from kintl_pub.easy import markup

    marked, _, _ = pipeline.run("避難所の案内を多言語表記しました。")
    assert [g[0] for g in markup.glosses(marked)] == ["避難所"]  # 多言語 is inside 多言語表記
    assert markup.to_plain(marked).startswith("避難所（")


def test_means_clause_shares_the_sentence_tense(reader) -> None:  # type: ignore[no-untyped-def]
    s = "外国人向け資料コーナーを窓口に近い位置に設置することで、転入した外国人に情報を届けられるようになりました。"
    out = rewrite_sentence(reader.tokens(s))
    assert out[0].endswith("設置しました。") and out[1].startswith("それで、")


def test_era_range_and_first_year(pipeline) -> None:  # type: ignore[no-untyped-def]
    from kintl_pub.easy import markup

    marked, _, _ = pipeline.run("令和元年度〜令和3年度")
    assert markup.to_plain(marked) == "2019年度（令和元年度）から2021年度（令和3年度）までです。"
    assert "れいわがんねんど" in markup.reading(marked)
    marked, _, _ = pipeline.run("詳しくは https://example.jp/a/b を見てください。")
    assert markup.to_plain(marked) == "詳しくは https://example.jp/a/b を見てください。"
    assert "https:\\/\\/example.jp\\/a\\/b" in marked


def test_cause_phrase_becomes_its_own_sentence(reader) -> None:  # type: ignore[no-untyped-def]
    s = "新型コロナウイルス感染症の影響により、海外からの訪問団の受入れを中止しました。"
    assert rewrite_sentence(reader.tokens(s)) == [
        "新型コロナウイルス感染症の影響です。",
        "そのため、海外からの訪問団の受入れを中止しました。",
    ]


def test_koto_nado_ni_yori_is_a_clause_end(reader) -> None:  # type: ignore[no-untyped-def]
    s = "オンラインで商談の機会をつくったことなどにより、支援企業数の目標を上回って達成しました。"
    out = rewrite_sentence(reader.tokens(s))
    assert out == ["オンラインで商談の機会をつくりました。", "それで、支援企業数の目標を上回って達成しました。"]


def test_time_ranges_keep_both_ends_in_the_same_form(pipeline) -> None:
    # issue 11: (10~18時) became (10から/午後6時まで) and (10~12時) (10から/午後12時まで)
    from kintl_pub.easy import markup

    out = markup.to_plain(pipeline.run("①図書・資料室は、利用時間を短縮(10~18時)しました。")[0])
    assert "午前10時から午後6時まで" in out
    out = markup.to_plain(pipeline.run("7月からよみかきタイム(10~12時)を設定しました。")[0])
    assert "午前10時からお昼の12時まで" in out and "午後12時" not in out
    assert dates.times_with_ampm("当日の14時から") == "当日の午後2時から"
    assert dates.times_with_ampm(dates.times_with_ampm("12時")) == "お昼の12時"  # idempotent
