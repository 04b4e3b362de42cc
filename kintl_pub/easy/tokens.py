"""The token every Easy Japanese stage works on (no analyser import here)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field


# not frozen: a frozen dataclass's __init__ goes through object.__setattr__,
# which made token creation the largest cost of the reading pipeline
@dataclass(slots=True)
class Token:
    surface: str
    reading: str  # hiragana; equals surface for tokens without kanji
    pos: tuple[str, ...]  # Sudachi's 6-field part of speech ("" fields allowed)
    lemma: str  # dictionary form
    source: str = "sudachi"  # "sudachi" | "override" | "rule:<name>" | "kana"
    alt: str | None = None  # pykakasi's reading, when it disagreed
    #: the word's markup once computed (annotate.tokens_markup); a function of
    #: surface and reading, which are never changed in place
    markup: str | None = field(default=None, compare=False, repr=False)
    #: what a phrase break looks at (annotate.tokens_markup): the memo row of
    #: this word as the left one of a pair, and its id as the right one
    #: (-1: no phrase starts at it); both stand for (pos, a few surface bits)
    bk: tuple[dict[int, bool], int] | None = field(default=None, compare=False, repr=False)

    @property
    def pos1(self) -> str:
        return self.pos[0] if self.pos else ""

    @property
    def conj_type(self) -> str:
        return self.pos[4] if len(self.pos) > 4 else "*"

    @property
    def conj_form(self) -> str:
        return self.pos[5] if len(self.pos) > 5 else "*"

    def is_noun_like(self) -> bool:
        return self.pos1 in ("名詞", "代名詞", "接尾辞") or self.surface in ("）", ")", "」", "』")

    def is_number(self) -> bool:
        return self.pos[:2] == ("名詞", "数詞")

    def with_reading(self, reading: str, source: str) -> Token:
        # what dataclasses.replace(reading=, source=, alt=None, markup=None)
        # makes, without its per-call look at the fields
        return Token(self.surface, reading, self.pos, self.lemma, source, None, None, self.bk)


_OPENING = frozenset("「（(『")
_CLOSING = frozenset("」）)』")


def outside_brackets(tokens: Iterable[Token]) -> Iterator[Token]:
    """The tokens not inside 「…」（…）『…』 (nor the brackets themselves): a
    quoted title's は or を is no particle of the sentence around it."""
    depth = 0
    for t in tokens:
        if t.surface in _OPENING:
            depth += 1
        elif t.surface in _CLOSING:
            depth = max(0, depth - 1)
        elif not depth:
            yield t


_QUOTES = {"「": "」", "『": "』"}


def quoted(tokens: list[Token]) -> list[bool]:
    """Per token: is it part of a quoted title or name?  The words inside
    「…」『…』 (a programme's, a plan's or a strategy's official name, or
    someone's words) and the nouns glued to the closing bracket, which
    finish the name (国の「START」事業: 事業 is part of it).  The glossary
    never replaces them: 「START」しごと would be no name any more."""
    out = [False] * len(tokens)
    close: str | None = None
    after = False
    for i, t in enumerate(tokens):
        if close is not None:
            out[i] = True
            if t.surface == close:
                close, after = None, True
            continue
        if t.surface in _QUOTES:
            out[i], close = True, _QUOTES[t.surface]
            continue
        # 「…」等 / 「…」など: "and so on", not part of the name
        after = after and t.pos1 in ("名詞", "接尾辞") and not t.is_number() and t.surface not in ("等", "など")
        out[i] = after
    return out


def offsets(tokens: list[Token]) -> tuple[dict[int, int], dict[int, int]]:
    """Character offset → index of the token that starts / ends there (for
    laying a match on the text over the tokens: glossary words, glosses)."""
    starts: dict[int, int] = {}
    ends: dict[int, int] = {}
    pos = 0
    for i, t in enumerate(tokens):
        starts[pos] = i
        pos += len(t.surface)
        ends[pos] = i
    return starts, ends
