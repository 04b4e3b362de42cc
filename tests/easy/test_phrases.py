"""The verb-phrase rules (:mod:`kintl_pub.easy.rewrite.phrases`), the
glossary's phrase entries, re-analysis before the splitter, and the metrics'
bracket-aware sentence split."""

from __future__ import annotations

import pytest

from kintl_pub.easy.metrics import split_body
from kintl_pub.easy.rewrite import reanalysed, word_rules
from kintl_pub.easy.rewrite.glossary import replace_word_tokens
from kintl_pub.easy.rewrite.phrases import (
    aim_phrases,
    hakaru_to_suru,
    okonau_to_suru,
    suru_koto_ga_dekiru,
)


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
        ("方針に基づき、", "方針にもとづいて、"),
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
