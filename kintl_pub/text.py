"""Small facts about the sheet's Japanese text, shared by every stage.

One home for the markers and tables that the parser, the segmenter, Easy
Japanese, machine translation and the renderer all recognise, so that a
new bullet or era is added in one place.  A leaf module: it imports nothing
from kintl_pub, so any stage may import it (``segment.py`` could not be
that home: the parser runs before segments exist).
"""

from __future__ import annotations

#: Stored text format: a list item is a line starting with this
#: (see ``segment.py``; Easy Japanese markup keeps the same convention).
LIST_PREFIX = "- "

#: Circled numbers ①–⑳: the sheet's focus-area headings and its inline
#: numbered items.
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
#: Negative circled numbers ❶–❿, used like ① in some cells.
CIRCLED_NEGATIVE = "❶❷❸❹❺❻❼❽❾❿"
#: Every numbered item marker (the ones a translation must keep).
NUMBERED_MARKERS = CIRCLED + CIRCLED_NEGATIVE
#: Symbol bullets that start an inline item.
BULLET_MARKERS = "・※■●○◆◇▼▲"
#: How a translation into a language not written in Japanese script writes
#: the ・ bullet (STYLE.md: keep bullets; ・ is a Japanese character).
TRANSLATED_BULLET = "•"
#: An inline item starts with one of these (【 opens a bracketed label,
#: 【募集内容】…, which also starts an item).
ITEM_MARKERS = BULLET_MARKERS + NUMBERED_MARKERS + "【"

#: Japanese eras → the Western year before the era's first year
#: (令和1年 = 2019, so 令和N年 = 2018 + N).
ERAS: dict[str, int] = {"令和": 2018, "平成": 1988, "昭和": 1925}
#: Regular-expression alternation of the era names (longest first).
ERA_NAMES = "|".join(sorted(ERAS, key=len, reverse=True))


def circled(number: int) -> str:
    """① for 1 … ⑳ for 20; the plain number beyond."""
    return CIRCLED[number - 1] if 1 <= number <= len(CIRCLED) else str(number)


def circled_value(marker: str) -> int:
    """1 for ①: the inverse of :func:`circled`."""
    return CIRCLED.index(marker) + 1
