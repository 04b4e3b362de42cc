"""Glossary ``word`` entries on tokens: 及び → と, 本市 → 川崎市, where the
term is a word of its own (not inside a compound such as 児童福祉法), with the
placement rules that go with it (an eased adjective before 「name の noun」,
a term's form before a noun: 多言語マップ → いろいろな言葉のマップ).

Split from :mod:`.glossary` (loading, verbs) to keep each module small.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..chars import has_kanji
from ..tokens import Token, offsets, quoted
from .glossary import _ADVERB, Glossary, GlossaryEntry

_COMPOUND_LEFT = ("名詞", "接頭辞")
_COMPOUND_RIGHT = ("名詞", "接尾辞")


def _noun_suffix(t: Token) -> bool:
    """A suffix that ends a noun (低炭素化|支援, 学校内|支援: the compound goes
    on), not 等 (地域等|海外: "and so on") nor an adjective's (おこないやすい|手法)."""
    return t.pos[:2] == ("接尾辞", "名詞的") and t.surface not in ("等", "など")


def _compound_on_left(tokens: list[Token], a: int) -> bool:
    """A noun, prefix or noun suffix right before tokens[a]: a compound goes on
    to the left (児童|福祉法 seen from 福祉法, 区役所|多言語)."""
    return a > 0 and (tokens[a - 1].pos1 in _COMPOUND_LEFT or _noun_suffix(tokens[a - 1]))


def _inside_compound(tokens: list[Token], a: int, b: int, term: str) -> bool:
    """Is tokens[a..b] (``term``) part of a longer noun compound (児童福祉法)?"""
    nounish = tokens[a].pos1 in _COMPOUND_LEFT or tokens[b].pos1 in _COMPOUND_RIGHT
    if not nounish:
        return False
    if has_kanji(term[0]) and _compound_on_left(tokens, a):
        return True
    return has_kanji(term[-1]) and b + 1 < len(tokens) and tokens[b + 1].pos1 in _COMPOUND_RIGHT


def _modifier_line(entry: GlossaryEntry, tokens: list[Token], a: int, b: int) -> GlossaryEntry | None:
    """The ``before a noun`` line of ``entry`` when tokens[a..b] is the first
    part of a compound and the rest is a noun of its own (多言語|案内板), not
    a suffix (多言語化, 多言語|版) nor the end of a longer compound on the left
    (区役所|多言語|…: a name)."""
    line = next((e for e in (entry, *entry.alternatives) if e.before_noun), None)
    nxt = tokens[b + 1] if b + 1 < len(tokens) else None
    if line is None or nxt is None or nxt.pos1 != "名詞" or nxt.pos[1] == "固有名詞" or nxt.pos[2] == "助数詞可能" or (
        len(nxt.surface) < 2  # 多言語|版, 多言語|用: a one-kanji noun works as a suffix
    ) or (b + 2 < len(tokens) and tokens[b + 2].lemma == "する" and tokens[b + 2].pos1 == "動詞"):
        return None  # 多言語表記する is a verb: いろいろな言葉の表記する is no Japanese
    if _compound_on_left(tokens, a):
        return None
    if a > 0 and tokens[a - 1].pos1 in ("動詞", "助動詞", "形容詞"):
        return None  # 市が作成した多言語ガイドブック: …作成したいろいろな言葉の… would make 言葉 what was made
    return line


def replace_word_tokens(tokens: list[Token], glossary: Glossary) -> list[Token]:
    """及び → と, 本市 → 川崎市 … where the term is a word of its own: its
    ends fall on token boundaries and it is not part of a longer compound
    (児童 is replaced, 児童福祉法 is a name and stays)."""
    pat = glossary.word_pattern()
    if pat is None:
        return tokens
    text = "".join(t.surface for t in tokens)
    starts, ends = offsets(tokens)
    names = quoted(tokens)
    out: list[Token] = []
    adjectives: list[int] = []  # where in ``out`` an adnominal adjective was put
    i = 0
    for m in _candidates(pat, text, starts):
        a, b = starts.get(m.start()), ends.get(m.end())
        if a is None or b is None or a < i or any(names[a : b + 1]):
            continue  # (a quoted name keeps its words: 「…に向けた…戦略」)
        if any(t.source.startswith("rule:") for t in tokens[a : b + 1]):
            continue  # already eased (a list item's object, eased again in its new place)
        term = m.group(0)
        if term in glossary.verbs and b + 1 < len(tokens) and tokens[b + 1].lemma in ("する", "できる", "出来る"):
            continue  # 支援する / 支援できる: the verb entry (手伝う) decides, not the noun (手伝い)
        entry = glossary.words[term]
        if not entry.anywhere and _inside_compound(tokens, a, b, term):
            modifier = _modifier_line(entry, tokens, a, b)
            if modifier is None:
                continue
            entry = modifier  # 多言語|マップ → いろいろな言葉の|マップ
        if (a > 1 and tokens[a - 1].surface == "・" and tokens[a - 2].is_noun_like()) or (
            b + 1 < len(tokens) and tokens[b + 1].surface == "・"
        ):
            continue  # 効率的・効果的な: replacing one of a pair (効率的・よい) breaks it
        if tokens[b].pos1 == "動詞" and b + 1 < len(tokens) and _extends_verb(tokens[b + 1]):
            continue  # の影響を受け|にくい: the phrase is part of a longer predicate
        out.extend(tokens[i:a])
        easy = entry.easy
        # a word entry is never a verb: 引き続き (a verb's 連用形 to Sudachi) is used
        # as an adverb, and the clause splitter must not cut after it
        tags = _ADVERB if tokens[a].pos1 == "動詞" else tokens[a].pos
        if term.endswith(_ADNOMINAL):
            adjectives.append(len(out))
        out.append(Token(easy, easy, tags, easy, "rule:glossary"))
        i = b + 1
    out.extend(tokens[i:])
    return _adjective_to_head(out, adjectives)


def _candidates(pat: re.Pattern[str], text: str, starts: dict[int, int]) -> Iterator[re.Match[str]]:
    """The longest term starting at each token, overlaps included: a term
    refused (感染拡大, inside 感染拡大防止) must not hide a later one that fits
    (拡大防止のため中止), as non-overlapping ``finditer`` would."""
    for pos in sorted(starts):
        m = pat.match(text, pos)
        if m is not None:
            yield m


#: endings of a term that modifies a noun (効果的な, 更なる, 既存の)
_ADNOMINAL = ("な", "なる", "の")
#: owners written before の that an adjective of manner never describes
_OWNERS = frozenset(["川崎市", "本市", "市", "国", "県", "区", "各区", "当市", "本県", "市内", "全国"])


def _owner_run(tokens: list[Token], k: int) -> int | None:
    """End (the の) of a name written as an owner at tokens[k]: 川崎市の, 国の,
    ジャカルタ特別州の; None when tokens[k] starts no such name."""
    j = k
    while j < len(tokens) and tokens[j].pos1 in ("名詞", "接頭辞", "接尾辞") and j - k < 4:
        j += 1
    run = tokens[k:j]
    named = "".join(t.surface for t in run) in _OWNERS or any(t.pos[1:2] == ("固有名詞",) for t in run)
    if not run or not named or j + 1 >= len(tokens) or tokens[j].surface != "の" or tokens[j].pos1 != "助詞":
        return None
    return j if tokens[j + 1].pos1 in ("名詞", "接頭辞") else None


def _adjective_to_head(tokens: list[Token], adjectives: list[int]) -> list[Token]:
    """効果的な本市の魅力発信 → 川崎市のよい魅力発信: before 「name の noun」 an
    eased adjective goes next to the noun it describes.  In the source the
    adjective can only describe the activity (効果的な本市 makes no sense), so
    the reader finds the head; よい川崎市 makes sense, and would be read as
    "good Kawasaki".  Only before a name (a 固有名詞, or 本市/国/県): before a
    common noun the adjective may well describe it (多様な市民の参加) and stays."""
    out = list(tokens)
    for k in reversed(adjectives):
        end = _owner_run(out, k + 1)
        if end is not None:
            out[k : end + 1] = [*out[k + 1 : end + 1], out[k]]
    return out


def _extends_verb(t: Token) -> bool:
    """A word that continues a verb's 連用形 into a bigger predicate
    (〜にくい, 〜やすい, 〜られる, 〜始める), unlike て/、/ます."""
    return t.pos1 in ("接尾辞", "形容詞") or (t.pos1 == "助動詞" and t.lemma not in ("ます", "た")) or (
        t.pos1 == "動詞" and len(t.pos) > 1 and t.pos[1] == "非自立可能"
    )
