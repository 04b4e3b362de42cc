"""Translation memory: a locale's finished translations of *other* source
texts whose Japanese is close to this one, with a similarity score (0–100).

Scored by rapidfuzz (``fuzz.ratio``, a normalised edit distance, over the
Japanese characters): the sheet repeats stock sentences with small changes
(years, numbers, names), which is exactly what an edit distance finds.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..segment import source_hash
from ..store.models import HUMAN_STATES, Translation

MIN_SCORE = 60.0
LIMIT = 5


@dataclass(frozen=True)
class Match:
    source: str
    text: str
    score: float
    state: str
    translator: str | None


def matches(session: Session, locale: str, source: str, *, limit: int = LIMIT,
            min_score: float = MIN_SCORE) -> list[Match]:
    from rapidfuzz import fuzz, process

    own = source_hash(source)
    rows = {
        tid: (src, text, state, who)
        for tid, src, text, state, who in session.execute(
            select(Translation.id, Translation.source, Translation.text, Translation.state,
                   Translation.translator).where(
                Translation.locale == locale,
                Translation.state.in_([str(s) for s in HUMAN_STATES]),
                Translation.source_hash != own,
            )
        )
        if text
    }
    choices = {tid: r[0] for tid, r in rows.items()}
    found = process.extract(source, choices, scorer=fuzz.ratio, limit=limit, score_cutoff=min_score)
    return [Match(rows[tid][0], rows[tid][1], round(float(score), 1), rows[tid][2], rows[tid][3])
            for _src, score, tid in found]
