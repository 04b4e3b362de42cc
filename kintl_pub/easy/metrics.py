"""Readability metrics of one text: sentences, lengths, kanji, です/ます,
jReadability, JLPT share (the store-wide ``easy report`` is :mod:`.report`).

A *prose* sentence is one from a paragraph, or a list item written as a
sentence (ending in 。).
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..project import DATA_DIR
from ..text import NUMBERED_MARKERS
from .chars import count_kanji
from .rewrite.conjugate import _GODAN_I
from .rewrite.sentences import is_polite

JLPT_TSV = DATA_DIR / "jlpt" / "vocab-n5-n4.tsv"
JLPT_N3_TSV = DATA_DIR / "jlpt" / "vocab-n3.tsv"
#: words a resident is taught early, not on the JLPT lists (see the file's header)
RESIDENT_TSV = DATA_DIR / "jlpt" / "resident-early.tsv"
# a sentence ends at 。！？ unless a closing bracket follows (「…！」 is one sentence)
_SENT = re.compile(r"(?<=[。！？!?])(?![」』）)\]。！？!?])")
_OPEN, _CLOSE = "「『（(【", "」』）)】"


def split_body(body: str) -> list[str]:
    """Sentences of one line: cut after 。！？, never inside brackets (a title
    such as 「備える。かわさき」 is part of its sentence), unless the line's
    brackets do not balance (then as ``_SENT``)."""
    if sum(body.count(c) for c in _OPEN) != sum(body.count(c) for c in _CLOSE):
        return _SENT.split(body)
    out: list[str] = []
    depth = start = 0
    cuts = [m.start() for m in _SENT.finditer(body)]
    pos = 0
    for cut in cuts:
        for ch in body[pos:cut]:
            if ch in _OPEN:
                depth += 1
            elif ch in _CLOSE:
                depth = max(0, depth - 1)
        pos = cut
        if depth == 0:
            out.append(body[start:cut])
            start = cut
    out.append(body[start:])
    return out


_CONTENT_POS = ("名詞", "動詞", "形容詞", "副詞", "形状詞")


@dataclass(frozen=True)
class Sentence:
    text: str
    prose: bool
    #: kanji outside official names (glossed terms, 「titles」): a name longer
    #: than 13 kanji can never pass the kanji target, so it is counted apart
    kanji_apart_from_names: int = -1


_QUOTED = re.compile(r"「[^「」]*」|『[^『』]*』")


def sentences_of(text: str, *, kind: str, names: Iterable[str] = ()) -> list[Sentence]:
    """Sentences of one plain text; list lines are sentences of their own.
    ``names`` (the text's glossed terms) and 「quoted titles」 are names for
    :attr:`Sentence.kanji_apart_from_names`."""
    names = sorted(set(names), key=len, reverse=True)
    out: list[Sentence] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        is_item = line.startswith("- ")
        body = line[2:] if is_item else line
        for s in split_body(body):
            s = s.strip()
            if s:
                prose = (kind == "p" and not is_item) or s.endswith(("。", "！", "？"))
                rest = _QUOTED.sub("", s)
                for n in names:
                    rest = rest.replace(n, "")
                out.append(Sentence(s, prose, count_kanji(rest)))
    return out


@lru_cache(maxsize=4)  # the three lists (N5–N4, N3, resident-early)
def jlpt_words(path: Path = JLPT_TSV) -> frozenset[str]:
    words: set[str] = set()
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or not line.strip():
                continue
            cols = line.split("\t")
            words.update(c for c in cols[:2] if c)
    return frozenset(words)


class _Tok:
    _tok = None

    @classmethod
    def get(cls):
        if cls._tok is None:
            from .readings import make_tokenizer

            cls._tok = make_tokenizer("B")
        return cls._tok


#: a kana or kanji character: a content word written in Japanese
_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]").search


def jlpt_share(texts: Iterable[str]) -> float | None:
    """Share of content words (not numbers or proper nouns) on the N5+N4 list."""
    words = jlpt_words()
    if not words:
        return None
    tok = _Tok.get()
    total = known = 0
    for text in texts:
        for m in tok.tokenize(text):
            pos = m.part_of_speech()
            if pos[0] not in _CONTENT_POS or pos[1] in ("数詞", "固有名詞", "非自立可能"):
                continue
            if _JAPANESE(m.surface()) is None:
                continue
            total += 1
            if m.dictionary_form() in words or m.surface() in words or m.normalized_form() in words:
                known += 1
    return known / total if total else None


@lru_cache(maxsize=1)
def _tagger() -> object:
    # one fugashi tagger: compute_readability makes a new one per call otherwise (80× slower)
    from fugashi import Tagger  # type: ignore[import-untyped]

    return Tagger()


def jreadability(text: str) -> float | None:
    if not text.strip():
        return None
    from jreadability import compute_readability

    return float(compute_readability(text, _tagger()))


def scorer_text(sents: list[Sentence]) -> str:
    """The sentences as one text for jReadability, each ending in 。.

    jreadability only ends a sentence at 。？！．, so list items and other lines
    without one (a reader sees each on a line of its own) would otherwise be
    glued to the next sentence and scored as one long sentence.

    The markers ①②… are left out: they number list items like bullets, and
    UniDic tags them 漢語, so a list written with them scored lower than the
    same list without them.
    """
    text = "".join(s.text if s.text.endswith(("。", "？", "！", "．", "?", "!")) else s.text + "。" for s in sents)
    return text.translate(_NO_MARKERS)


_NO_MARKERS = str.maketrans("", "", NUMBERED_MARKERS)


def _p90(values: list[int]) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return float(values[0])
    return float(statistics.quantiles(values, n=10, method="inclusive")[8])


def measure(sents: list[Sentence], *, with_jlpt: bool = True) -> dict[str, float | int | None]:
    lengths = [len(s.text) for s in sents]
    kanji = [count_kanji(s.text) for s in sents]
    apart = [s.kanji_apart_from_names if s.kanji_apart_from_names >= 0 else k for s, k in zip(sents, kanji, strict=True)]
    prose = [s for s in sents if s.prose]
    joined = "".join(s.text for s in sents)
    chars = len(re.sub(r"\s", "", joined))
    return {
        "sentences": len(sents),
        "mean_len": round(statistics.fmean(lengths), 1) if lengths else 0.0,
        "p90_len": round(_p90(lengths), 1),
        "share_le_50": round(sum(n <= 50 for n in lengths) / len(lengths), 3) if lengths else 0.0,
        "kanji_per_sentence": round(statistics.fmean(kanji), 2) if kanji else 0.0,
        "share_kanji_le_13": round(sum(k <= 13 for k in kanji) / len(kanji), 3) if kanji else 0.0,
        # sentences over 13 kanji only because of an official name in them
        "over_13_for_a_name": sum(k > 13 and a <= 13 for k, a in zip(kanji, apart, strict=True)),
        "share_desu_masu": round(sum(is_polite(s.text) for s in prose) / len(prose), 3) if prose else 1.0,
        "kanji_ratio": round(sum(kanji) / chars, 3) if chars else 0.0,
        "jreadability": _r(jreadability(scorer_text(sents))),
        "jlpt_n5_n4": _r(jlpt_share(s.text for s in sents)) if with_jlpt else None,
    }


def _r(v: float | None) -> float | None:
    return None if v is None else round(v, 3)


def hard_words(texts: Iterable[str], *, explained: frozenset[str] = frozenset()) -> dict[str, int]:
    """Content words above JLPT N3 (on neither the N5–N4 nor the N3 list),
    written with kanji, that a text keeps: dictionary form → occurrences.
    Numbers, names and the words in ``explained`` (glossed terms) are left out."""
    known = jlpt_words() | jlpt_words(JLPT_N3_TSV) | jlpt_words(RESIDENT_TSV)
    terms = _terms(RESIDENT_TSV)
    tok = _Tok.get()
    found: dict[str, int] = {}
    for text in texts:
        for m in tok.tokenize(terms.sub("、", text) if terms else text):
            pos = m.part_of_speech()
            if pos[0] not in _CONTENT_POS or pos[1] in ("数詞", "固有名詞", "非自立可能") or pos[2] == "助数詞可能":
                continue
            surface, lemma = m.surface(), m.dictionary_form()
            if not _KANJI.search(surface) or surface in explained or lemma in explained:
                continue
            if lemma in known or surface in known or m.normalized_form() in known or _verb_noun(lemma, known):
                continue
            found[lemma] = found.get(lemma, 0) + 1
    return found


@lru_cache(maxsize=4)
def _terms(path: Path) -> re.Pattern[str] | None:
    """The words of a list as one pattern, longest first: a listed word is
    taken out of the text before the analyser cuts it (新型|コロナ would leave
    新型 a hard word, though residents know 新型コロナ as one name)."""
    words = sorted((w for w in jlpt_words(path) if _KANJI.search(w)), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words))) if words else None


#: a godan verb's 連用形 ending → its dictionary ending (き → く): conjugate.py's table, read backwards
_I_TO_U = {i: u for u, i in _GODAN_I.items()}


def _verb_noun(noun: str, known: frozenset[str]) -> bool:
    """A noun that is a listed verb's 連用形 (話し合い ← 話し合う, 受け入れ ←
    受け入れる): the lists hold the verb only, and a reader who knows the
    verb knows the noun.  The same for an adjective's く form used as a noun
    (多くの ← 多い, 近くの ← 近い)."""
    last = noun[-1:]
    return (last in _I_TO_U and noun[:-1] + _I_TO_U[last] in known) or (noun + "る") in known or (
        last == "く" and noun[:-1] + "い" in known)


_KANJI = re.compile(r"[\u4e00-\u9fff々]")
