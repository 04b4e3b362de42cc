"""The verb-phrase rules (:mod:`kintl_pub.easy.rewrite.phrases`, :mod:`.aims`), the
glossary's phrase entries, re-analysis before the splitter, and the metrics'
bracket-aware sentence split."""

from __future__ import annotations

import pytest

from kintl_pub.easy.metrics import split_body
from kintl_pub.easy.rewrite import reanalysed, word_rules
from kintl_pub.easy.rewrite.aims import aim_phrases
from kintl_pub.easy.rewrite.phrases import (
    hakaru_to_suru,
    okonau_to_suru,
    suru_koto_ga_dekiru,
)
from kintl_pub.easy.rewrite.words import replace_word_tokens


def _text(tokens) -> str:  # type: ignore[no-untyped-def]
    return "".join(t.surface for t in tokens)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("国際理解の向上を図りました。", "国際理解をよくしました。"),
        ("負担の軽減を図り、", "負担をへらし、"),
        ("情報発信を行います。", "情報をつたえます。"),  # compound: 情報 becomes the object
        ("学校の環境整備を行った。", "学校の環境をととのえた。"),
        ("感染の防止を図って", "感染をふせいで"),  # て → で after a voiced stem
        ("推進を図ります。", "すすめます。"),  # no object: the verb alone
        ("早期解決を図る。", "早期解決を図る。"),  # 早期 says when, not what
        ("継続実施を行う。", "継続実施を行う。"),  # a サ変 noun before: left alone
        ("研修を図る。", "研修を図る。"),  # not an aim entry
    ],
)
def test_aim_phrases(reader, glossary, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert _text(aim_phrases(reader.tokens(text), glossary)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("関係機関との連携を図りました。", "関係機関と連携しました。"),
        ("交流を図り、", "交流し、"),
        ("地域の連携を図る。", "地域の連携を図る。"),  # a noun phrase: a verb would not fit after の
        ("意識啓発を図る。", "意識啓発を図る。"),
    ],
)
def test_hakaru_to_suru(reader, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert _text(hakaru_to_suru(reader.tokens(text))) == expected


def test_okonau_to_suru(reader) -> None:  # type: ignore[no-untyped-def]
    assert _text(okonau_to_suru(reader.tokens("研修を行いました。"))) == "研修をしました。"
    assert _text(okonau_to_suru(reader.tokens("研修を行って"))) == "研修をして"
    assert _text(okonau_to_suru(reader.tokens("祭りを行う。"))) == "祭りを行う。"  # not a サ変 noun


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("参加することができます。", "参加できます。"),
        ("研修をすることができませんでした。", "研修ができませんでした。"),
        ("読むことができます。", "読むことができます。"),  # not a サ変 noun
    ],
)
def test_suru_koto_ga_dekiru(reader, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert _text(suru_koto_ga_dekiru(reader.tokens(text))) == expected


def test_word_rules_in_order(reader, glossary) -> None:  # type: ignore[no-untyped-def]
    # aim first (取組の推進 → 取組を すすめる), then words (取組 → とりくみ)
    assert _text(word_rules(reader.tokens("取組の推進を図ります。"), glossary)) == "とりくみをすすめます。"
    # a glossary verb wins over the same noun's word entry (支援する → 手伝う, not 手伝いする)
    assert _text(word_rules(reader.tokens("学習を支援します。"), glossary)) == "学習を手伝います。"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("方針に基づき、", "方針にもとづき、"),
        ("しごとについては、", "しごとは、"),
        ("市内において、", "市内で、"),
        ("様々な会社", "いろいろな会社"),
        ("国際交流事業", "国際交流事業"),  # 事業 inside a compound (a name) stays
        ("この事業を", "このしごとを"),
    ],
)
def test_glossary_phrase_words(reader, glossary, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert _text(replace_word_tokens(reader.tokens(text), glossary)) == expected


def test_reanalysed_exposes_the_te_form(reader, glossary) -> None:  # type: ignore[no-untyped-def]
    toks = replace_word_tokens(reader.tokens("方針を踏まえて、"), glossary)
    assert [t.surface for t in reanalysed(toks, reader)][-3:] == ["考え", "て", "、"]
    plain = reader.tokens("研修をしました。")
    assert reanalysed(plain, reader) is plain  # nothing replaced: no second analysis


def test_metric_sentences_do_not_split_inside_brackets() -> None:
    assert split_body("冊子「備える。かわさき」をくばりました。次です。") == [
        "冊子「備える。かわさき」をくばりました。", "次です。", ""]
    assert split_body("a。b（c。") == ["a。", "b（c。", ""]  # unbalanced: plain split


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("外国人市民に対し、冊子をくばりました。", "外国人市民に、冊子をくばりました。"),
        ("来庁者に対して、案内しました。", "来庁者に、案内しました。"),
        ("例年並みの数に対して、少なかった。", "例年並みの数に対して、少なかった。"),  # = compared with
        ("目標値35件に対し実績値92件", "目標値35件に対し実績値92件"),  # no 、: left alone
    ],
)
def test_ni_taishite(reader, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    from kintl_pub.easy.rewrite.phrases import ni_taishite

    assert _text(ni_taishite(reader.tokens(text))) == expected


@pytest.mark.parametrize(
    ("text", "rest", "items"),
    [
        ("英語、中国語、韓国語などで案内しました。", "つぎのものなどで案内しました。", ["英語", "中国語", "韓国語"]),
        ("ホームページで、「A案内」、「B案内」、「C案内」を出しました。", "ホームページで、つぎのものを出しました。",
         ["「A案内」", "「B案内」", "「C案内」"]),
        ("市内の学校、公民館、図書館でひらきました。", None, []),  # whose 市内? left alone
        ("12月、1月、2月とセミナーをひらきました。", None, []),  # と: not a list's end
        ("英語、中国語、韓国語の3か国語の冊子を出しました。", None, []),  # the の covers the list
        ("5言語(中国語、韓国語、英語)で案内しました。", None, []),  # inside brackets
        ("A、B、国内での研修をしました。", None, []),  # での: the last item goes on
        # ため is no item; the list starts after its 、
        ("充実を図るため、情報更新、追加、統合を行いました。", "充実を図るため、つぎのものを行いました。",
         ["情報更新", "追加", "統合"]),
        # parallel items, each with its own modifier (the first's の is its own)
        ("音声ガイドの広報、ツイッターを使った英語での発信、冊子の配布などを行いました。", "つぎのものなどを行いました。",
         ["音声ガイドの広報", "ツイッターを使った英語での発信", "冊子の配布"]),
        # a middle piece that is a clause or has its own place (で) is no item
        ("大会で、銀メダル3個、銅メダル3個を獲得、パラリンピックで金メダル9個を獲得しました。", None, []),
        ("密閉、密集、密接を回避するため、マスクの着用、消毒などの対策を取ります。", None, []),
        # による: the last item goes on (共生による地域社会づくり)
        ("学習サポート事業、相談事業、共生による地域社会づくりをめざします。", None, []),
    ],
)
def test_comma_list_to_list(reader, text: str, rest: str | None, items: list[str]) -> None:  # type: ignore[no-untyped-def]
    from kintl_pub.easy.rewrite.lists import comma_list_to_list

    toks = reader.tokens(text)
    out, got = comma_list_to_list(toks)
    assert got == items
    assert _text(out) == (rest if rest is not None else text)


def test_list_follows_its_sentence(reader, glossary) -> None:  # type: ignore[no-untyped-def]
    from kintl_pub.easy.rewrite import rewrite

    res = rewrite("英語、中国語、韓国語などで案内しました。これからも続けます。", reader=reader, glossary=glossary)
    assert res.text == "つぎのものなどで案内しました。\n\n- 英語\n- 中国語\n- 韓国語\nこれからも続けます。"


def test_nakaguro_items_must_be_things() -> None:
    from kintl_pub.easy.rewrite.lists import nakaguro_to_list

    assert nakaguro_to_list("PR・ブランディング戦略を企画・実施することで")[1] == []


def test_kana_compound_particles_do_not_split(reader, glossary) -> None:  # type: ignore[no-untyped-def]
    from kintl_pub.easy.rewrite import rewrite

    text = rewrite("整備方針に基づき、国際化を見据えた都市拠点の形成を図ります。", reader=reader, glossary=glossary).text
    assert text == "整備方針にもとづき、国際化を見据えた都市拠点をつくります。"


def test_nado_keeps_to_inside_a_name(reader) -> None:  # type: ignore[no-untyped-def]
    from kintl_pub.easy.rewrite.glossary import nado

    assert _text(nado(reader.tokens("川崎市差別防止対策等審査会の運営"))) == "川崎市差別防止対策等審査会の運営"
    assert _text(nado(reader.tokens("対策等の運営"))) == "対策などの運営"
