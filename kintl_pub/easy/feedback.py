"""Live feedback on an editor's Easy Japanese draft (the workspace's Easy
Japanese editor; server-side, for the workspace request only).

For one draft of one source text: each sentence's length and kanji count,
jReadability of the draft and of every initiative that uses the text (with
the draft in place), the words not on the JLPT N5–N4 list with plainer
words from the glossary and the paraphrase lexicon, the readings the
pipeline will print (overrides and context rules included), and the
preservation check (numbers, dates, names) against the Japanese source.

The analysers are loaded once per process and used under a lock (Sudachi
tokenizers are not thread-safe).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..locales import EASY
from ..store.models import PROSE_FIELDS, Segment, Translation
from . import markup, metrics, preserve
from .chars import count_kanji, has_kanji
from .rewrite.sentences import is_polite

#: the targets the report checks (``report.targets``), per sentence
MAX_LEN = 50
MAX_KANJI = 13
_CONTENT_POS = ("名詞", "動詞", "形容詞", "副詞", "形状詞")
_lock = threading.Lock()
_readers: dict[Path, Any] = {}


@dataclass(frozen=True)
class SentenceInfo:
    text: str
    length: int
    kanji: int
    polite: bool
    prose: bool

    @property
    def too_long(self) -> bool:
        return self.length > MAX_LEN

    @property
    def too_many_kanji(self) -> bool:
        return self.kanji > MAX_KANJI


@dataclass(frozen=True)
class HardWord:
    surface: str
    lemma: str
    suggestions: tuple[str, ...]  # "easy form (glossary)" / "paraphrase (lexicon)"


@dataclass(frozen=True)
class WordReading:
    surface: str
    reading: str
    source: str  # sudachi | override | rule:… (who decided)
    alt: str | None  # pykakasi's reading when it disagrees


@dataclass
class Feedback:
    plain: str
    sentences: list[SentenceInfo]
    jread: float | None
    initiatives: list[tuple[int, float | None, float | None]]  # (number, stored, with draft)
    hard_words: list[HardWord]
    readings: list[WordReading]
    lost: list[str]
    markup_errors: list[str] = field(default_factory=list)

    @property
    def target(self) -> float:
        from .report import JREAD_TARGET

        return JREAD_TARGET


_RUBY = re.compile(r"\{((?:[^{}|\\]|\\.)+)\|(?:[^{}|\\]|\\.)+\}")
_BREAK = re.compile(r"(?<!\\)/")


def editable(markup_text: str) -> str:
    """A stored Easy Japanese text as an editor types it: readings and phrase
    breaks taken off (the pipeline adds them), glosses ``[語|説明]`` kept."""
    return _BREAK.sub("", _RUBY.sub(lambda m: m.group(1), markup_text))


def reader(overrides_path: Path | None = None) -> Any:
    """The process's reading pipeline for a reading dictionary (made on first use)."""
    from . import overrides

    path = overrides_path or overrides.READINGS_TSV
    got = _readers.get(path)
    if got is None:
        from .readings import Reader

        got = _readers[path] = Reader(path, cross_check=True)
    return got


def reset() -> None:
    """Forget the loaded reading dictionaries (after a reading correction)."""
    with _lock:
        _readers.clear()


def suggestions_index(glossary_path: Path | None = None, lexicon_rows: Iterable[tuple[str, str]] = ()
                      ) -> dict[str, tuple[str, ...]]:
    """Hard word → plainer words, from the glossary (verb, word, aim, gloss)
    and the lexicon rows (word, paraphrase)."""
    from .rewrite import glossary as gl

    g = gl.load(glossary_path) if glossary_path else gl.load()
    out: dict[str, list[str]] = {}
    for kind, entries in (("glossary", g.verbs), ("glossary", g.words), ("glossary", g.aims),
                          ("gloss", g.glosses)):
        for term, first in entries.items():
            for e in (first, *first.alternatives):
                out.setdefault(term, []).append(f"{e.easy} ({kind})")
    for word, para in lexicon_rows:
        out.setdefault(word, []).append(f"{para} (lexicon)")
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


def initiative_score(session: Session, number: int, override: dict[str, str] | None = None) -> float | None:
    """jReadability of an initiative's Easy Japanese as ``easy report``
    scores it, with ``override`` (source hash → plain draft) laid over the store."""
    segs = list(session.scalars(select(Segment).where(
        Segment.initiative_number == number, Segment.field.in_(PROSE_FIELDS)).order_by(Segment.id)))
    hashes = list({s.source_hash for s in segs})
    easy = {t.source_hash: t for t in session.scalars(select(Translation).where(
        Translation.locale == EASY.code, Translation.source_hash.in_(hashes)))}
    sents: list[metrics.Sentence] = []
    for seg in segs:
        if override and seg.source_hash in override:
            text = override[seg.source_hash]
        else:
            t = easy.get(seg.source_hash)
            text = markup.to_plain(t.text, with_glosses=False) if (t is not None and t.text) else seg.source
        sents += metrics.sentences_of(text, kind=seg.kind)
    return metrics.jreadability(metrics.scorer_text(sents)) if sents else None


def feedback(session: Session, source: str, source_hash: str, draft: str, initiatives: list[int],
             suggestions: dict[str, tuple[str, ...]], readings_path: Path | None = None) -> Feedback:
    with _lock:  # one analysis at a time: the tokenizers are shared
        return _feedback(session, source, source_hash, draft, initiatives, suggestions, readings_path)


def _feedback(session: Session, source: str, source_hash: str, draft: str, initiatives: list[int],
              suggestions: dict[str, tuple[str, ...]], readings_path: Path | None) -> Feedback:
    plain = markup.to_plain(draft, with_glosses=False)
    kind = "p"
    sents = [SentenceInfo(s.text, len(s.text), count_kanji(s.text), is_polite(s.text), s.prose)
             for s in metrics.sentences_of(plain, kind=kind)]
    words = metrics.jlpt_words()
    toks = reader(readings_path).tokens(plain.replace("\n", " "))
    hard: dict[str, HardWord] = {}
    for m in metrics._Tok.get().tokenize(plain):
        pos = m.part_of_speech()
        surface = m.surface()
        if pos[0] not in _CONTENT_POS or pos[1] in ("数詞", "固有名詞", "非自立可能"):
            continue
        if not has_kanji(surface) or surface in hard:
            continue
        lemma = m.dictionary_form()
        if words and (lemma in words or surface in words or m.normalized_form() in words):
            continue
        sug = suggestions.get(surface) or suggestions.get(lemma) or ()
        hard[surface] = HardWord(surface, lemma, sug)
    readings = list({(t.surface, t.reading): WordReading(t.surface, t.reading, t.source, t.alt)
                     for t in toks if has_kanji(t.surface)}.values())
    override = {source_hash: plain}
    scores = [(n, initiative_score(session, n), initiative_score(session, n, override)) for n in initiatives[:5]]
    return Feedback(
        plain=plain, sentences=sents, jread=metrics.jreadability(metrics.scorer_text(
            [metrics.Sentence(s.text, s.prose) for s in sents])) if sents else None,
        initiatives=scores, hard_words=list(hard.values()), readings=readings,
        lost=preserve.lost(source, plain), markup_errors=markup.validate(draft),
    )
