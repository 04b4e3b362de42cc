"""Plain, polite style: no 尊敬語/謙譲語, no double negatives."""

from __future__ import annotations

import re

#: (pattern, replacement); ordered: longer phrases first.
HONORIFICS: tuple[tuple[str, str], ...] = (
    (r"させていただきます", "します"),
    (r"させていただきました", "しました"),
    (r"していただきます", "してもらいます"),
    (r"していただきました", "してもらいました"),
    (r"いただきました", "もらいました"),
    (r"いただきます", "もらいます"),
    (r"てまいります", "ていきます"),
    (r"てまいりました", "てきました"),
    (r"まいります", "いきます"),
    (r"まいりました", "きました"),
    (r"いたします", "します"),
    (r"いたしました", "しました"),
    (r"いたし、", "し、"),
    (r"ております", "ています"),
    (r"ておりました", "ていました"),
    (r"ており、", "ていて、"),
    (r"おります", "います"),
    (r"おりました", "いました"),
    (r"ございます", "あります"),
    (r"につきましては", "については"),
    (r"につきまして", "について"),
    (r"申し上げます", "いいます"),
    (r"ご覧ください", "見てください"),
    (r"ご覧", "見ること"),
    (r"いらっしゃる", "いる"),
)


def no_honorifics(text: str) -> str:
    """いたします → します, まいります → いきます, おります → います …"""
    return _replace_all(HONORIFICS, text)


def _replace_all(table: tuple[tuple[str, str], ...], text: str) -> str:
    for pat, rep in table:
        text = re.sub(pat, rep, text)
    return text


DOUBLE_NEGATIVES: tuple[tuple[str, str], ...] = (
    (r"しなければなりません", "する必要があります"),
    (r"しなければならない", "する必要がある"),
    (r"ないわけではありません", "こともあります"),
    (r"ないわけではない", "こともある"),
    (r"欠かせません", "とても大切です"),
    (r"欠かせない", "とても大切な"),
    (r"少なくありません", "多いです"),
    (r"少なくない", "多い"),
    (r"途切れることのないよう", "つづくように"),
    (r"絶やさない", "つづける"),
)


def no_double_negatives(text: str) -> str:
    """〜しなければならない → 〜する必要がある, 少なくない → 多い …"""
    return _replace_all(DOUBLE_NEGATIVES, text)
