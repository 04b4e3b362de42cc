"""Plain Easy Japanese → stored markup (:mod:`kintl_pub.easy.markup`):
ruby on every kanji word, phrase breaks for 分かち書き, glossed terms."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable

from ..text import LIST_PREFIX
from .chars import has_kanji
from .markup import escape_literal, ruby
from .readings import Reader
from .rewrite.glossary import Glossary
from .ruby import align_kanji
from .tokens import Token, offsets, quoted

#: the parts of speech a phrase can start at (自立語, and a prefix)
_INDEPENDENT = frozenset(("名詞", "代名詞", "動詞", "形容詞", "形状詞", "副詞", "連体詞", "接続詞", "感動詞", "接頭辞"))
_OPENING = set("「『（([【")


def starts_phrase(prev: Token, cur: Token) -> bool:
    """Is there a 文節 boundary between ``prev`` and ``cur``?  A simple
    content-word rule: a new phrase starts at an independent word that does
    not continue a compound (noun+noun, prefix+word) or a verb chain."""
    if prev.source == "rule:prefix":
        return True  # 同 / 性的マイノリティ: the prefix stands apart from a word it is not part of
    if cur.pos1 not in _INDEPENDENT or prev.surface in _OPENING or prev.pos1 == "接頭辞":
        return False
    if prev.surface[-1:].isascii() and cur.surface[:1].isascii():
        return False  # inside a URL, code or Latin name
    if len(cur.pos) > 1 and cur.pos[1] == "非自立可能":
        return False
    if prev.pos1 in ("名詞", "代名詞", "接尾辞") and cur.pos1 in ("名詞", "接尾辞"):
        return False
    # after an opening or other symbol the phrase continues; after 、。 it starts anew
    return not (prev.pos1 == "補助記号" and prev.surface not in ("、", "。"))


_WORD_MARKUP: dict[tuple[str, str], str] = {}
_SPECIAL = re.compile(r"[\\{}\[\]|/]").search


def word_markup(surface: str, reading: str) -> str:
    """Markup of one word (memoised: the sheet repeats its vocabulary a lot)."""
    key = (surface, reading)
    got = _WORD_MARKUP.get(key)
    if got is None:
        if not has_kanji(surface):
            got = escape_literal(surface)  # no ruby over kana, digits or Latin
        elif _SPECIAL(surface) is None and _SPECIAL(reading) is None:
            # the common case: nothing to escape (a word in mono-ruby has a group per kanji)
            got = "".join([f"{{{text}|{rd}}}" if rd and rd != text else text
                           for text, rd in align_kanji(surface, reading)])
        else:
            got = "".join(
                ruby(text, rd) if rd and rd != text else escape_literal(text)
                for text, rd in align_kanji(surface, reading)
            )
        if len(_WORD_MARKUP) < 200_000:
            _WORD_MARKUP[key] = got
    return got


#: starts_phrase memoised: one row per left word kind, keyed by the right
#: word's id (a kind is (pos, the surface bits starts_phrase looks at)).  A
#: token keeps its row and id (Token.bk), so the hot loop of the stage makes
#: one int-keyed lookup per independent word and no key objects
_BREAK_ROWS: dict[tuple[tuple[str, ...], str], dict[int, bool]] = {}
_RIGHT_IDS: dict[tuple[tuple[str, ...], str], int] = {}
_IDS_LOCK = threading.Lock()


#: the (row, id) of a part of speech when no surface bit counts (most words)
_POS_BK: dict[tuple[str, ...], tuple[dict[int, bool], int]] = {}


def _bk(t: Token) -> tuple[dict[int, bool], int]:
    """A token's break memo row (as the left word) and id (as the right word;
    -1 for a word no phrase starts at: not an independent word, most tokens)."""
    s = t.surface
    pos = t.pos
    if pos and pos[0] != "補助記号" and t.source != "rule:prefix" and not s[-1:].isascii() and not s[:1].isascii():
        # no surface bit counts: the kind is the part of speech
        got = _POS_BK.get(pos)
        if got is None:
            got = _POS_BK[pos] = _kind(pos, "", "")
        t.bk = got
        return got
    left = s if (pos and pos[0] == "補助記号") or s[-1:].isascii() or t.source == "rule:prefix" else ""
    t.bk = got = _kind(pos, left, s[:1] if s[:1].isascii() else "")
    return got


def _kind(pos: tuple[str, ...], left_bits: str, right_bits: str) -> tuple[dict[int, bool], int]:
    left = (pos, left_bits)
    row = _BREAK_ROWS.get(left)
    if row is None:
        row = _BREAK_ROWS.setdefault(left, {})
    if not (pos and pos[0] in _INDEPENDENT):
        return row, -1
    key = (pos, right_bits)
    right = _RIGHT_IDS.get(key)
    if right is None:
        with _IDS_LOCK:  # two threads must not give two kinds one id
            right = _RIGHT_IDS.setdefault(key, len(_RIGHT_IDS))
    return row, right


def clear_memos() -> None:
    """Forget every word's markup and the phrase-break memo (a benchmark's
    fresh start; the ids of word kinds are dropped together with the rows
    that use them)."""
    _WORD_MARKUP.clear()
    _BREAK_ROWS.clear()
    _RIGHT_IDS.clear()
    _POS_BK.clear()


def tokens_markup(tokens: list[Token]) -> str:
    """Markup for a token run: ruby per word, ``/`` at phrase starts."""
    parts: list[str] = []
    append = parts.append
    prev: Token | None = None
    prev_row: dict[int, bool] | None = None  # None: no word before
    for t in tokens:
        row, right = t.bk or _bk(t)
        # a phrase starts only at an independent word (most tokens are not);
        # starts_phrase depends only on POS and a few surfaces: memoised
        if right >= 0 and prev_row is not None:
            brk = prev_row.get(right)
            if brk is None:
                assert prev is not None
                brk = prev_row[right] = starts_phrase(prev, t)
            if brk:
                append("/")
        got = t.markup
        if got is None:
            got = t.markup = word_markup(t.surface, t.reading)
        append(got)
        prev = t
        prev_row = row
    return "".join(parts)


#: a person's own markup in plain Easy Japanese: a gloss [term|explanation]
#: and a reading they typed {base|reading}; every other character is text
_GLOSS = re.compile(r"\[([^\[\]|{}]+)\|([^\[\]{}]+)\]")
_TYPED_RUBY = re.compile(r"\{([^{}|\[\]]+)\|([^{}|\[\]]+)\}")


class Annotator:
    def __init__(self, reader: Reader, glossary: Glossary) -> None:
        self.reader = reader
        self.glossary = glossary
        self._expl: dict[str, str] = {}

    def _explanation(self, term: str) -> str:
        if term not in self._expl:
            self._expl[term] = tokens_markup(self.reader.tokens(self.glossary.glosses[term].easy))
        return self._expl[term]

    def line(self, text: str, *, gloss_seen: set[str] | None = None) -> str:
        """Markup for one line.  Each glossary term is explained once per text."""
        tokens = self.reader.tokens(text)
        pat = self.glossary.gloss_pattern()
        spans: dict[int, tuple[int, str]] = {}
        if pat is not None:
            starts, ends = offsets(tokens)
            names = quoted(tokens)
            for m in pat.finditer(text):
                term = m.group(0)
                if gloss_seen is not None and term in gloss_seen:
                    continue
                a, b = starts.get(m.start()), ends.get(m.end())
                # a whole word only: an explanation inside a compound
                # (多言語表記, 人権尊重教育) would cut the compound in two
                # nor inside a quoted name (「やさしい日本語」研修 is one name)
                if a is None or b is None or any(names[a : b + 1]) or (a > 0 and tokens[a - 1].pos1 in ("名詞", "接頭辞")) or (
                    # (a number after it is no compound: 延べ659人)
                    b + 1 < len(tokens) and tokens[b + 1].pos1 in ("名詞", "接尾辞") and not tokens[b + 1].is_number()
                ):
                    continue
                spans[a] = (b, self._explanation(term))
                if gloss_seen is not None:
                    gloss_seen.add(term)
        return _with_glosses(tokens, spans)

    def text(self, text: str) -> str:
        """Markup for a whole stored text (lines, list items, blank lines kept)."""
        seen: set[str] = set()
        return _per_line(text, lambda line: self.line(line, gloss_seen=seen))

    # -- a person's plain Easy Japanese ------------------------------------

    def person_line(self, line: str) -> str:
        """Readings and phrase breaks for a line a person wrote.  Their glosses
        ``[term|explanation]`` and typed readings ``{base|reading}`` are kept;
        every other character is text (a ``/`` they typed is a slash)."""
        out: list[str] = []
        pos = 0
        for m in _TYPED_RUBY.finditer(line):
            out.append(self._person_plain(line[pos : m.start()]))
            out.append(ruby(m.group(1), m.group(2)))
            pos = m.end()
        out.append(self._person_plain(line[pos:]))
        return "".join(out)

    def _person_plain(self, line: str) -> str:
        if not line:
            return ""
        plain: list[str] = []
        glossed: list[tuple[int, int, str]] = []  # (start, end, explanation) in the plain text
        pos = at = 0
        for m in _GLOSS.finditer(line):
            plain.append(line[pos : m.start()])
            at += m.start() - pos
            plain.append(m.group(1))
            glossed.append((at, at + len(m.group(1)), m.group(2)))
            at += len(m.group(1))
            pos = m.end()
        plain.append(line[pos:])
        tokens = self.reader.tokens("".join(plain))
        spans: dict[int, tuple[int, str]] = {}
        starts, ends = offsets(tokens)
        for a_pos, b_pos, expl in glossed:
            if starts.get(a_pos) is None or ends.get(b_pos) is None:
                # the term starts or ends inside a word: read it on its own
                tokens = _split_at(tokens, (a_pos, b_pos), self.reader)
                starts, ends = offsets(tokens)
            a, b = starts.get(a_pos), ends.get(b_pos)
            if a is not None and b is not None:
                spans[a] = (b, self._person_plain(expl))
        return _with_glosses(tokens, spans)

    def person_text(self, text: str) -> str:
        return _per_line(text, self.person_line)


def _per_line(text: str, line_markup: Callable[[str], str]) -> str:
    out: list[str] = []
    for line in text.split("\n"):
        if line.startswith(LIST_PREFIX):
            out.append(LIST_PREFIX + line_markup(line[len(LIST_PREFIX) :]))
        elif line.strip():
            out.append(line_markup(line))
        else:
            out.append("")
    return "\n".join(out)


def _with_glosses(tokens: list[Token], spans: dict[int, tuple[int, str]]) -> str:
    """Markup for a line whose tokens[a..b] (``spans[a] = (b, explanation markup)``) are glossed."""
    if not spans:
        return tokens_markup(tokens)
    out: list[str] = []
    i = chunk_start = 0
    while i < len(tokens):
        if i in spans:
            end, explanation = spans[i]
            if chunk_start < i:
                out.append(tokens_markup(tokens[chunk_start:i]))
                out.append("/" if starts_phrase(tokens[i - 1], tokens[i]) else "")
            out.append("[" + tokens_markup(tokens[i : end + 1]) + "|" + explanation + "]")
            i = chunk_start = end + 1
            continue
        i += 1
    if chunk_start < len(tokens):
        out.append(tokens_markup(tokens[chunk_start:]))
    return "".join(out)


def _split_at(tokens: list[Token], cuts: tuple[int, ...], reader: Reader) -> list[Token]:
    """Analyse again so that a token boundary falls at each offset in ``cuts``."""
    text = "".join(t.surface for t in tokens)
    bounds = sorted({0, len(text), *cuts})
    out: list[Token] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        if a < b:
            out += reader.tokens(text[a:b])
    return out
