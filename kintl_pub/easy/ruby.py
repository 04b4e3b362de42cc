"""Ruby with okurigana outside and, where KANJIDIC lets us, one reading per
kanji: 行い/おこない → [(行, おこな), (い, None)]; 川崎駅/かわさきえき →
[(川, かわ), (崎, さき), (駅, えき)].

Kana and other non-kanji parts of a word are matched literally against its
reading; the kanji runs between them take what is left.  A run is then split
over its kanji by :func:`kanjidic.split` (mono-ruby, so a long reading does
not stretch a compound apart on the page); a run whose reading does not split
that way (熟字訓: 今日 きょう) keeps one ruby over the run (group ruby).  When
the reading does not fit the spelling at all (1日/ついたち) the whole word
gets one ruby.  A bracketed part that the reading skips (日本貿易振興機構(ジェトロ)
read without ジェトロ) is shown without ruby: a reading covers kanji only.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import kanjidic
from .chars import KANJI_CLASS, has_kanji, to_hiragana

_RUNS = re.compile(f"[{KANJI_CLASS}]+|[^{KANJI_CLASS}]+")
_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")

Part = tuple[str, str | None]


@lru_cache(maxsize=65536)
def align(surface: str, reading: str) -> tuple[Part, ...]:
    """Split a word into (text, ruby-or-None) parts."""
    if not has_kanji(surface):
        return ((surface, None),)
    return align_kanji(surface, reading)


def align_kanji(surface: str, reading: str) -> tuple[Part, ...]:
    """:func:`align` for a word with kanji, not cached (the word markup memo
    of :mod:`.annotate` keeps its result: one cache, not two)."""
    if _ALL_KANJI.fullmatch(surface) is not None:
        # most words are one kanji run: no okurigana to fit, only mono-ruby
        return _mono((surface, reading))
    parts = _okurigana(surface, reading)
    if parts is None:
        parts = _without_bracket(surface, reading) or ((surface, reading),)
    return tuple(p for part in parts for p in _mono(part))


def _okurigana(surface: str, reading: str) -> tuple[Part, ...] | None:
    runs = _RUNS.findall(surface)
    if len(runs) == 1:
        return ((surface, reading),)
    kana = [None if has_kanji(run) else to_hiragana(run) for run in runs]
    got = _fit(kana, to_hiragana(reading), 0, 0)
    if got is None:
        return None
    return tuple((run, None if k is not None else g) for run, k, g in zip(runs, kana, got, strict=True))


def _fit(kana: list[str | None], reading: str, i: int, j: int) -> list[str] | None:
    """What ``reading[j:]`` gives each run from ``i`` on: a kana run (its
    hiragana) itself, a kanji run (None) the shortest reading that lets the
    rest fit.  The regex ``(.+?)かな(.+?)…`` fullmatched, without building and
    compiling a pattern per word (a few hundred words a build): the same
    backtracking order, and like ``.`` a reading never takes a newline."""
    if i == len(kana):
        return [] if j == len(reading) else None
    lit = kana[i]
    if lit is not None:
        if not reading.startswith(lit, j):
            return None
        rest = _fit(kana, reading, i + 1, j + len(lit))
        return None if rest is None else [lit, *rest]
    for e in range(j + 1, len(reading) + 1):
        if reading[e - 1] == "\n":
            return None
        rest = _fit(kana, reading, i + 1, e)
        if rest is not None:
            return [reading[j:e], *rest]
    return None


def _without_bracket(surface: str, reading: str) -> tuple[Part, ...] | None:
    """日本貿易振興機構(ジェトロ) read にほんぼうえきしんこうきこう: the reading
    belongs to the text outside the brackets, which keep no ruby."""
    m = _BRACKETED.search(surface)
    if m is None or has_kanji(m.group(0)):
        return None
    outside = surface[: m.start()] + surface[m.end() :]
    if not outside or not has_kanji(surface[: m.start()]):
        return None
    head = _okurigana(surface[: m.start()], reading) if not surface[m.end() :] else None
    if head is None:
        return None
    return (*head, (m.group(0), None))


_ALL_KANJI = re.compile(f"[{KANJI_CLASS}]+")


def _mono(part: Part) -> tuple[Part, ...]:
    text, rd = part
    if rd is None or len(text) < 2 or _ALL_KANJI.fullmatch(text) is None:
        return (part,)  # no reading over Latin letters, digits or marks (NPO法人, 小・中学)
    pieces = kanjidic.split(text, to_hiragana(rd))
    return (part,) if pieces is None else tuple(pieces)
