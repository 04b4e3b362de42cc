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
