"""The ``lost-number`` check reads Japanese numbers the way a translator
writes them: units (千/万/億), 割, hours, month names before digits, and
small numbers spelled out.  Each case is a translators' report (notes of
en-team-a/b/c) or its mirror image: the same text with the number lost."""

from __future__ import annotations

import pytest

from kintl_pub import checks
from kintl_pub.checks import numbers


def lost(source: str, target: str, locale: str = "en") -> list[str]:
    return checks.flags(source, target, locale, only=["lost-number"])


@pytest.mark.parametrize(
    ("source", "target", "flags"),
    [
        # 千 / 万 / 億 (en-team-a 3c, en-team-b 3a)
        ("127千TEU(目標:150千TEU)", "127,000 TEU (target: 150,000 TEU)", []),
        ("127千TEU(目標:150千TEU)", "127 thousand TEU (target: 150 thousand TEU)", []),
        ("127千TEU(目標:150千TEU)", "127,000 TEU (target: 15,000 TEU)", ["lost-number:150000"]),
        ("Twitterフォロワーが8千人増の3万1,000人となりました。",
         "gained 8,000 Twitter followers, reaching 31,000", []),
        ("Twitterフォロワーが8千人増の3万1,000人となりました。",
         "gained 8,000 Twitter followers, reaching 3,100", ["lost-number:31000"]),
        ("総事業費は1億2,000万円です。", "The total cost is 120 million yen.", []),
        ("総事業費は1億2,000万円です。", "The total cost is 1.2 million yen.", ["lost-number:120000000"]),
        ("約1.5万人が来場", "About 15,000 people came", []),
        # 割 (en-team-b 3c)
        ("入館者数の2割が外国人", "20% of visitors were foreign nationals", []),
        ("入館者数の2割が外国人", "2 in 10 visitors were foreign nationals", []),
        ("入館者数の2割が外国人", "Many visitors were foreign nationals", ["lost-number:20"]),
        ("割合が高い", "The share is high", []),
        # a month takes its name before a digit (en-team-a 3a, en-team-b 3b, en-team-c 1)
        ("3月に3拠点包括協定を締結しました。",
         "In March, the city signed a comprehensive agreement among 3 hubs.", []),
        ("1学期は対面により実施し、1月以外はオンラインで開催",
         "held in person in term 1, and online except in January", []),
        ("同法の施行日(昭和57年1月1日)前に20歳に達していた",
         "who turned 20 before the law took effect (January 1, 1982)", []),
        ("同法の施行日(昭和57年1月1日)前に20歳に達していた",
         "who turned 20 before the law took effect (January 1982)", ["lost-number:1"]),
        ("・1月～3月分 2人(重度 44,500円 1人、中度 32,500円 1人)",
         "• January to March: 2 people (severe: 44,500 yen, 1 person; moderate: 32,500 yen, 1 person)",
         []),
        # "may" the verb is not May the month
        ("5月に開催予定", "It may be held", ["lost-number:5月"]),
        # small numbers spelled out (en-team-a 2, en-team-b 3b)
        ("月1回のモニタリング会議", "a monitoring meeting once a month", []),
        ("年2回開催", "held twice a year", []),
        ("機能の1つ", "one of the functions", []),
        ("京浜3港の連携", "cooperation among the three Keihin ports", []),
        ("1学期", "the first term", []),
        ("年2回開催", "held every year", ["lost-number:2"]),
        # hours (en-team-b 3d): 18時 is 6 p.m.
        ("利用時間を短縮(10~18時)", "shorter hours (10 a.m. to 6 p.m.)", []),
        ("利用時間を短縮(10~18時)", "shorter hours (10:00–18:00)", []),
        ("利用時間を短縮(10~18時)", "shorter hours (10 a.m. to 5 p.m.)", ["lost-number:18"]),
        ("午後6時から", "from 6 p.m.", []),
        ("午後6時から", "from 18:00", []),
        ("24時間対応", "open around the clock", ["lost-number:24"]),
    ],
)
def test_numbers_as_translators_write_them(source: str, target: str, flags: list[str]) -> None:
    assert lost(source, target) == flags


def test_number_words_are_the_locales_own() -> None:
    assert lost("年2回開催", "se celebra dos veces al año", "es") == []
    assert lost("3つの提言", "tiga rekomendasi", "id") == []
    # English words do not count in Spanish, and no words at all without num2words data
    assert lost("3つの提言", "three recomendaciones", "es") == ["lost-number:3"]
    assert numbers.number_words("th") == {}
    assert lost("3つの提言", "ข้อเสนอแนะ สาม ข้อ", "th") == ["lost-number:3"]


def test_a_number_word_counts_once() -> None:
    assert lost("1回目と1つの例", "once, and one example", "en") == []
    assert lost("1回目と1つの例", "once, an example", "en") == ["lost-number:1"]


def test_month_names_are_taken_once_each() -> None:
    assert lost("3月と3月", "March and March", "en") == []
    assert lost("3月と3月", "March only", "en") == ["lost-number:3月"]
    assert lost("4月に開催", "celebrado en abril", "es") == []
    assert lost("4月に開催", "Abril: celebrado", "es") == []


def test_units_in_a_chinese_translation() -> None:
    assert lost("3万1,000人", "3万1000人", "zh-hans") == []
    assert lost("1億人", "1亿人", "zh-hans") == []
