"""Character classes for Japanese text (no dependencies)."""

from __future__ import annotations

import re

# Kanji plus the marks that only occur inside kanji words (々 repeat, 〆, ヶ in 霞ヶ関).
KANJI_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆〇ヶヵ"
_REAL_KANJI = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆]")
#: a real kanji's ``search`` (has_kanji without the call, for hot loops)
KANJI_SEARCH = _REAL_KANJI.search
#: katakana → hiragana, a ``str.translate`` table
KATA_TO_HIRA = {c: c - 0x60 for c in range(ord("ァ"), ord("ヶ") + 1)}


def has_kanji(text: str) -> bool:
    return _REAL_KANJI.search(text) is not None


def count_kanji(text: str) -> int:
    return len(_REAL_KANJI.findall(text))


_KATA_SEARCH = re.compile("[ァ-ヶ]").search


def to_hiragana(text: str) -> str:
    """Katakana → hiragana (ー and non-kana kept)."""
    if _KATA_SEARCH(text) is None:  # most readings are hiragana already: a search is cheaper
        return text
    return text.translate(KATA_TO_HIRA)
