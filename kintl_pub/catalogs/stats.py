"""``catalogs stats``: per locale, how many source texts are in which state."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..locales import TARGETS, LocaleInfo
from ..store.models import HUMAN_STATES, PROSE_FIELDS, STATES, Segment, State, Translation


def counts(session: Session, targets: Sequence[LocaleInfo] = TARGETS) -> dict[str, Counter[str]]:
    """URL code → Counter of states over the current source texts only (a
    source without a row counts as untranslated)."""
    hashes = set(session.scalars(select(Segment.source_hash).distinct()))
    out: dict[str, Counter[str]] = {}
    for loc in targets:
        c: Counter[str] = Counter({s: 0 for s in STATES})
        seen = 0
        for h, state in session.execute(
            select(Translation.source_hash, Translation.state).where(Translation.locale == loc.code)
        ):
            if h in hashes:
                c[state] += 1
                seen += 1
        c[State.UNTRANSLATED] += len(hashes) - seen
        out[loc.code] = c
    return out


def table(stats: dict[str, Counter[str]]) -> str:
    cols = STATES
    head = f"{'locale':<8} {'catalog':<8} {'total':>6} " + " ".join(f"{c:>12}" for c in cols) + f" {'human %':>8}"
    lines = [head]
    for code, c in stats.items():
        total = sum(c[s] for s in cols)
        human = sum(c[s] for s in HUMAN_STATES)
        pct = f"{100 * human / total:.1f}" if total else "-"
        babel_id = next(loc.babel_id for loc in TARGETS if loc.code == code)
        lines.append(
            f"{code:<8} {babel_id:<8} {total:>6} " + " ".join(f"{c[s]:>12}" for s in cols) + f" {pct:>8}"
        )
    return "\n".join(lines)


def machine_only_prose(session: Session, locale: str) -> int:
    """Prose texts (content, plan, results, reason, future) of ``locale`` that
    no person has written yet: a machine draft or nothing.  For ja-easy this
    is what the first edition still has to write (issue 12: 0 when done)."""
    prose = set(session.scalars(select(Segment.source_hash).where(Segment.field.in_(PROSE_FIELDS)).distinct()))
    human = set(session.scalars(select(Translation.source_hash).where(
        Translation.locale == locale, Translation.state.in_(HUMAN_STATES))))
    return len(prose - human)
