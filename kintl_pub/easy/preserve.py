"""Preservation check: a rewrite must keep every number, date, amount and
proper noun of its source.  A rewrite that loses one is refused: the segment
keeps its original text and is flagged (``lost:<item>``)."""

from __future__ import annotations

import re
import unicodedata

from ..text import ERA_NAMES
from .rewrite.dates import times_with_ampm
from .tokens import Token

_NUMBER = re.compile(r"[0-9][0-9,.]*")
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9&'’\-]*(?:\s[A-Z][A-Za-z0-9&'’\-]*)*")
_ERA = re.compile(rf"(?:{ERA_NAMES})(?:元|[0-9]{{1,2}})年")


def _fold(text: str) -> str:
    # full-width digits/letters count as the same item as half-width ones
    return unicodedata.normalize("NFKC", text)


#: kinds of preserved items: facts a rewrite may never drop, and names it may
#: shorten on a second mention (このフォーラム) — a person's choice, so reported apart
FACTS = ("number", "date", "latin")
NAME = "name"


def items_by_kind(source: str, tokens: list[Token] | None = None) -> list[tuple[str, str]]:
    """(kind, item) of what must survive a rewrite of ``source``.

    Times are compared after the 午前/午後 rule (14時 → 午後2時 keeps the time
    but changes the digits).  Proper nouns come from Sudachi's 固有名詞 tags
    and the reading dictionary's names (its common words, such as 板面, are
    words a rewrite may change).
    """
    text = _fold(times_with_ampm(source))
    found: list[tuple[str, str]] = []
    found += [("number", n.rstrip(",.")) for n in _NUMBER.findall(text) if n.rstrip(",.")]
    found += [("date", d) for d in _ERA.findall(text)]
    found += [("latin", w) for w in _LATIN.findall(text) if len(w) >= 2]
    if tokens:
        found += [(NAME, t.surface) for t in tokens
                  if len(t.pos) > 1 and t.pos[1] == "固有名詞" and (len(t.surface) > 1 or t.source == "override")]
    seen: set[str] = set()
    return [(k, i) for k, i in found if not (i in seen or seen.add(i))]  # type: ignore[func-returns-value]


def items(source: str, tokens: list[Token] | None = None) -> list[str]:
    """What must survive a rewrite of ``source`` (see :func:`items_by_kind`)."""
    return [i for _, i in items_by_kind(source, tokens)]


def lost_by_kind(source: str, rewritten: str, tokens: list[Token] | None = None) -> list[tuple[str, str]]:
    """(kind, item) of ``source`` missing from ``rewritten`` (empty = preserved)."""
    out = _fold(rewritten).replace(",", "")
    return [(k, i) for k, i in items_by_kind(source, tokens) if i.replace(",", "") not in out]


def lost(source: str, rewritten: str, tokens: list[Token] | None = None) -> list[str]:
    """Items of ``source`` missing from ``rewritten`` (empty = preserved)."""
    return [i for _, i in lost_by_kind(source, rewritten, tokens)]
