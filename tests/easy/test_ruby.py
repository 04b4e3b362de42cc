"""Mono-ruby from KANJIDIC: one reading per kanji where it aligns, group ruby
for 熟字訓, and the same output as before (group ruby) without the file."""

from __future__ import annotations

import pytest

from kintl_pub.easy import kanjidic
from kintl_pub.easy.ruby import align


@pytest.fixture
def no_kanjidic(monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("KINTL_KANJIDIC", "")
    kanjidic.table.cache_clear()
    align.cache_clear()
    yield
    monkeypatch.delenv("KINTL_KANJIDIC", raising=False)
    kanjidic.table.cache_clear()
    align.cache_clear()


def test_kanjidic_is_installed() -> None:
    # scripts/test installs Debian's kanjidic; without it the pages fall back to group ruby
    assert kanjidic.path() is not None and len(kanjidic.table()) > 6000
    assert kanjidic.edition() != "none"


@pytest.mark.parametrize(
    ("word", "reading", "parts"),
    [
        # the words the issue saw torn apart at 320 px
        ("京急川崎駅", "けいきゅうかわさきえき", [("京", "けい"), ("急", "きゅう"), ("川", "かわ"), ("崎", "さき"), ("駅", "えき")]),
        ("調整", "ちょうせい", [("調", "ちょう"), ("整", "せい")]),
        ("事業着手", "じぎょうちゃくしゅ", [("事", "じ"), ("業", "ぎょう"), ("着", "ちゃく"), ("手", "しゅ")]),
        # sound changes: rendaku, small tsu, h → p, 々
        ("多摩川", "たまがわ", [("多", "た"), ("摩", "ま"), ("川", "がわ")]),
        ("学校", "がっこう", [("学", "がっ"), ("校", "こう")]),
        ("一歩", "いっぽ", [("一", "いっ"), ("歩", "ぽ")]),
        ("人々", "ひとびと", [("人", "ひと"), ("々", "びと")]),
        # 熟字訓: one reading over the word, or over the part that is one
        ("今日", "きょう", [("今日", "きょう")]),
        ("大人", "おとな", [("大人", "おとな")]),
        ("今日中", "きょうじゅう", [("今日", "きょう"), ("中", "じゅう")]),
        ("茨城県", "いばらきけん", [("茨城", "いばらき"), ("県", "けん")]),
        # okurigana stay outside, brackets the reading skips keep no ruby
        ("取り組み", "とりくみ", [("取", "と"), ("り", None), ("組", "く"), ("み", None)]),
        ("日本貿易振興機構(ジェトロ)", "にほんぼうえきしんこうきこう",
         [("日本", "にほん"), ("貿", "ぼう"), ("易", "えき"), ("振", "しん"), ("興", "こう"), ("機", "き"), ("構", "こう"), ("(ジェトロ)", None)]),
    ],
)
def test_mono_ruby(word: str, reading: str, parts: list[tuple[str, str | None]]) -> None:
    assert list(align(word, reading)) == parts


def test_without_kanjidic_group_ruby(no_kanjidic) -> None:  # type: ignore[no-untyped-def]
    assert kanjidic.path() is None and kanjidic.edition() == "none"
    assert align("京急川崎駅", "けいきゅうかわさきえき") == (("京急川崎駅", "けいきゅうかわさきえき"),)
    assert align("取り組み", "とりくみ") == (("取", "と"), ("り", None), ("組", "く"), ("み", None))


def test_rules_version_knows_which_ruby(no_kanjidic, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from kintl_pub.easy.version import rules_version

    without = rules_version()
    monkeypatch.delenv("KINTL_KANJIDIC")
    assert rules_version() != without  # a build with KANJIDIC redoes the group-ruby drafts


def _okurigana_by_regex(surface: str, reading: str) -> tuple[tuple[str, str | None], ...] | None:
    """The regex ruby._okurigana used before ruby._fit (the reference)."""
    import re

    from kintl_pub.easy.chars import has_kanji, to_hiragana
    from kintl_pub.easy.ruby import _RUNS

    runs = _RUNS.findall(surface)
    if len(runs) == 1:
        return ((surface, reading),)
    pattern = "".join("(.+?)" if has_kanji(run) else "(" + re.escape(to_hiragana(run)) + ")" for run in runs)
    m = re.fullmatch(pattern, to_hiragana(reading))
    if m is None:
        return None
    return tuple((run, m.group(i + 1) if has_kanji(run) else None) for i, run in enumerate(runs))


def test_okurigana_fit_is_the_regex_it_replaced() -> None:
    # _fit stands for a pattern compiled per word ((.+?) per kanji run, the
    # kana runs literally): the same parts, or None, for every word kind
    import itertools
    import random

    from kintl_pub.easy.ruby import _okurigana

    words = [("取り組み", "とりくみ"), ("行い", "おこない"), ("申し込み", "もうしこみ"), ("お知らせ", "おしらせ"),
             ("見に行った", "みにいった"), ("カ所", "かしょ"), ("ケ所", "かしょ"), ("霞ヶ関", "かすみがせき"),
             ("3人", "さんにん"), ("NPO法人", "えぬぴーおーほうじん"), ("日本(ジェトロ)", "にほん"),
             ("取り組み", "とりくみx"), ("取り組み", "と\nりくみ"), ("取り組み", "とり\nくみ"), ("生かし", "いかし"),
             ("生かし", "イカシ"), ("上り下り", "のぼりくだり"), ("くり返し", "くりかえし"), ("話し合い", "はなしあい")]
    rng = random.Random(11)
    parts = ["川", "崎", "り", "か", "し", "ア", "ヶ", "1", "\n"]
    for n in range(2, 5):
        for combo in itertools.product(parts, repeat=n):
            surface = "".join(combo)
            for _ in range(3):
                words.append((surface, "".join(rng.choice("りかしあ\n") for _ in range(rng.randint(1, 6)))))
    found = 0
    for surface, reading in words:
        expected = _okurigana_by_regex(surface, reading)
        assert _okurigana(surface, reading) == expected, (surface, reading)
        found += expected is not None and len(expected) > 1
    assert found > 100, found  # the cases fit, not only fail
