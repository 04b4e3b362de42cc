"""Word-level ruby with okurigana outside: 行い/おこない → [(行, おこな), (い, None)].

Kana and other non-kanji parts of a word are matched literally against its
reading; the kanji runs between them take what is left.  When the reading
does not fit the spelling (irregular words, 1日/ついたち) the whole word
gets one ruby.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .chars import KANJI_CLASS, has_kanji, to_hiragana

_RUNS = re.compile(f"[{KANJI_CLASS}]+|[^{KANJI_CLASS}]+")


@lru_cache(maxsize=65536)
def align(surface: str, reading: str) -> tuple[tuple[str, str | None], ...]:
    """Split a word into (text, ruby-or-None) parts."""
    if not has_kanji(surface):
        return ((surface, None),)
    runs = _RUNS.findall(surface)
    if len(runs) == 1:
        return ((surface, reading),)
    pattern = "".join(
        "(.+?)" if has_kanji(run) else "(" + re.escape(to_hiragana(run)) + ")" for run in runs
    )
    m = re.fullmatch(pattern, to_hiragana(reading))
    if m is None:
        return ((surface, reading),)
    return tuple(
        (run, m.group(i + 1) if has_kanji(run) else None) for i, run in enumerate(runs)
    )
