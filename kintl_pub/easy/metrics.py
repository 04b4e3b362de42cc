"""Readability metrics and the ``easy report``: before (source) → after (Easy).

Sentences are those of the prose fields (labels such as titles and bureau
names are not sentences).  A *prose* sentence is one from a paragraph, or a
list item written as a sentence (ending in 。).  Glosses are left out of the
"after" text: the metrics judge the rewrite itself.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..locales import EASY
from ..project import DATA_DIR
from . import markup, preserve
from .chars import count_kanji
from .rewrite.sentences import is_polite

JLPT_TSV = DATA_DIR / "jlpt" / "vocab-n5-n4.tsv"
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


def sentences_of(text: str, *, kind: str) -> list[Sentence]:
    """Sentences of one plain text; list lines are sentences of their own."""
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
                out.append(Sentence(s, prose))
    return out


@lru_cache(maxsize=1)
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
            if not re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", m.surface()):
                continue
            total += 1
            if m.dictionary_form() in words or m.surface() in words or m.normalized_form() in words:
                known += 1
    return known / total if total else None


def jreadability(text: str) -> float | None:
    if not text.strip():
        return None
    from jreadability import compute_readability

    return float(compute_readability(text))


def scorer_text(sents: list[Sentence]) -> str:
    """The sentences as one text for jReadability, each ending in 。.

    jreadability only ends a sentence at 。？！．, so list items and other lines
    without one (a reader sees each on a line of its own) would otherwise be
    glued to the next sentence and scored as one long sentence.
    """
    return "".join(s.text if s.text.endswith(("。", "？", "！", "．", "?", "!")) else s.text + "。" for s in sents)


def _p90(values: list[int]) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return float(values[0])
    return float(statistics.quantiles(values, n=10, method="inclusive")[8])


def measure(sents: list[Sentence], *, with_jlpt: bool = True) -> dict[str, float | int | None]:
    lengths = [len(s.text) for s in sents]
    kanji = [count_kanji(s.text) for s in sents]
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
        "share_desu_masu": round(sum(is_polite(s.text) for s in prose) / len(prose), 3) if prose else 1.0,
        "kanji_ratio": round(sum(kanji) / chars, 3) if chars else 0.0,
        "jreadability": _r(jreadability(scorer_text(sents))),
        "jlpt_n5_n4": _r(jlpt_share(s.text for s in sents)) if with_jlpt else None,
    }


def _r(v: float | None) -> float | None:
    return None if v is None else round(v, 3)


def store_report(session, *, initiatives: set[int] | None = None, with_jlpt: bool = True) -> dict:
    """Per initiative and overall: {"before": {...}, "after": {...}} plus preservation counts."""
    from sqlalchemy import select

    from ..catalogs.states import is_human
    from ..store.models import PROSE_FIELDS, Segment, Translation

    segs = session.scalars(select(Segment).order_by(Segment.initiative_number, Segment.id)).all()
    easy = {t.source_hash: t for t in session.scalars(select(Translation).where(Translation.locale == EASY.code))}
    before: dict[int, list[Sentence]] = defaultdict(list)
    after: dict[int, list[Sentence]] = defaultdict(list)
    flagged = unflagged = missing = 0
    for seg in segs:
        if seg.field not in PROSE_FIELDS:
            continue
        if initiatives and seg.initiative_number not in initiatives:
            continue
        n = seg.initiative_number
        before[n] += sentences_of(seg.source, kind=seg.kind)
        t = easy.get(seg.source_hash)
        if t is None or not t.text:
            missing += 1
            after[n] += sentences_of(seg.source, kind=seg.kind)
            continue
        plain = markup.to_plain(t.text, with_glosses=False)
        after[n] += sentences_of(plain, kind=seg.kind)
        if any(f.startswith("lost:") for f in t.flags or []):
            flagged += 1
        elif not is_human(t) and preserve.lost(seg.source, plain):
            unflagged += 1
    per = {
        n: {"before": measure(before[n], with_jlpt=with_jlpt), "after": measure(after[n], with_jlpt=with_jlpt)}
        for n in sorted(before)
    }
    overall = {
        "before": measure([s for v in before.values() for s in v], with_jlpt=with_jlpt),
        "after": measure([s for v in after.values() for s in v], with_jlpt=with_jlpt),
    }
    return {
        "overall": overall,
        "initiatives": per,
        "preservation": {"flagged_kept_source": flagged, "unflagged_failures": unflagged,
                         "segments_without_easy_text": missing},
    }


def worst_sentences(session, limit: int = 20, initiatives: set[int] | None = None) -> list[tuple[int, str, str]]:
    """The longest Easy Japanese sentences (length, segment key, sentence): the
    editors' to-do list for hand rewrites, longest first."""
    from sqlalchemy import select

    from ..catalogs.states import is_human
    from ..store.models import PROSE_FIELDS, Segment, Translation

    easy = {t.source_hash: t for t in session.scalars(select(Translation).where(Translation.locale == EASY.code))}
    found: list[tuple[int, str, str]] = []
    seen: set[str] = set()
    for seg in session.scalars(select(Segment).order_by(Segment.id)):
        t = easy.get(seg.source_hash)
        if seg.field not in PROSE_FIELDS or t is None or is_human(t) or seg.source_hash in seen:
            continue
        if initiatives and seg.initiative_number not in initiatives:
            continue
        seen.add(seg.source_hash)
        for s in sentences_of(markup.to_plain(t.text, with_glosses=False), kind=seg.kind):
            found.append((len(s.text), seg.key, s.text))
    found.sort(key=lambda x: (-x[0], x[1]))
    return found[:limit]


#: the issue's targets for the whole seed (jReadability per initiative)
JREAD_TARGET = 4.0


def below_target(rep: dict, score: float = JREAD_TARGET) -> list[tuple[float, int]]:
    """(after score, initiative) under ``score``, lowest first: the editors' queue."""
    per = ((m["after"]["jreadability"], n) for n, m in rep["initiatives"].items())
    return sorted((v, n) for v, n in per if v is not None and v < score)


def targets(rep: dict) -> list[tuple[str, str, bool]]:
    """(target, measured value, met?) for the quality targets."""
    a = rep["overall"]["after"]
    p = rep["preservation"]
    low = below_target(rep)
    n = len(rep["initiatives"])
    return [
        ("mean sentence length ≤ 35", f"{a['mean_len']}", a["mean_len"] <= 35),
        ("≥ 90 % of sentences ≤ 50 chars", f"{a['share_le_50']:.1%}", a["share_le_50"] >= 0.9),
        ("≥ 95 % of sentences with ≤ 13 kanji", f"{a['share_kanji_le_13']:.1%}", a["share_kanji_le_13"] >= 0.95),
        ("100 % prose sentences in です/ます", f"{a['share_desu_masu']:.1%}", a["share_desu_masu"] >= 1.0),
        ("0 unflagged preservation failures", f"{p['unflagged_failures']} (flagged: {p['flagged_kept_source']})",
         p["unflagged_failures"] == 0),
        (f"jReadability ≥ {JREAD_TARGET} per initiative",
         f"{n - len(low)}/{n} initiatives" + (f"; lowest {low[0][0]:.2f} (#{low[0][1]})" if low else ""),
         not low),
    ]


_COLS = (
    ("mean_len", "mean len"), ("p90_len", "p90 len"), ("share_le_50", "≤50"),
    ("kanji_per_sentence", "kanji/s"), ("share_kanji_le_13", "≤13 kanji"),
    ("share_desu_masu", "です/ます"), ("kanji_ratio", "kanji %"), ("jreadability", "jRead"),
    ("jlpt_n5_n4", "N5+N4"),
)


def _fmt(v: object) -> str:
    return "—" if v is None else (f"{v:g}" if isinstance(v, float) else str(v))


def format_report(rep: dict) -> str:
    lines = ["metric            before → after"]
    o = rep["overall"]
    for key, label in _COLS:
        lines.append(f"{label:<17} {_fmt(o['before'][key]):>7} → {_fmt(o['after'][key])}")
    lines.append(f"{'sentences':<17} {o['before']['sentences']:>7} → {o['after']['sentences']}")
    p = rep["preservation"]
    lines.append(
        f"preservation: {p['flagged_kept_source']} flagged (kept source), "
        f"{p['unflagged_failures']} unflagged failures, {p['segments_without_easy_text']} segments without Easy text"
    )
    lines.append("")
    lines.append("targets:")
    for label, value, ok in targets(rep):
        lines.append(f"  {'PASS' if ok else 'FAIL'}  {label:<38} {value}")
    low = below_target(rep)
    if low:
        lines.append(f"initiatives under jReadability {JREAD_TARGET}, lowest first (hand-rewrite queue: "
                     "kintl-pub catalogs export --lang ja-easy --initiative N):")
        lines.append("  " + ", ".join(f"#{n} {v:.2f}" for v, n in low))
    lines.append("")
    lines.append("initiative  " + "  ".join(label for _, label in _COLS))
    for n, m in rep["initiatives"].items():
        cells = [f"{_fmt(m['before'][k])}→{_fmt(m['after'][k])}" for k, _ in _COLS]
        lines.append(f"{n:>10}  " + "  ".join(cells))
    return "\n".join(lines)
