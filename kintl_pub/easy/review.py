"""The reading review queue: list disagreements, record an editor's decision.

Deciding for a reading other than the published one writes an entry to
``data/readings.tsv`` (so every later build uses it); deciding for the
published reading marks the entry ``kept`` so it is not asked again.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import overrides
from .chars import to_hiragana
from .models import ReadingDisagreement


class ReviewError(ValueError):
    pass


def open_items(session: Session) -> list[ReadingDisagreement]:
    return list(
        session.scalars(
            select(ReadingDisagreement)
            .where(ReadingDisagreement.status == "open")
            .order_by(ReadingDisagreement.occurrences.desc(), ReadingDisagreement.surface)
        )
    )


def keep(session: Session, item: ReadingDisagreement, *, who: str) -> None:
    item.status, item.decision, item.who = "kept", item.reading, who
    item.updated_at = datetime.now(UTC)


def override(
    session: Session,
    item: ReadingDisagreement,
    reading: str,
    *,
    who: str,
    path: Path = overrides.READINGS_TSV,
) -> None:
    """Publish ``reading`` for this word from now on (an override entry)."""
    reading = to_hiragana(reading.strip())
    if not reading:
        raise ReviewError("empty reading")
    if len(item.surface) < 2:
        # overrides match as substrings: a one-kanji entry would hit every compound
        raise ReviewError(
            f"{item.surface!r} is a single character; an override would change every word "
            "containing it.  Add a context rule in kintl_pub/easy/context.py instead."
        )
    overrides.append(item.surface, reading, f"review: {who}, {datetime.now(UTC):%Y-%m-%d}", path)
    item.status, item.decision, item.who = "override", reading, who
    item.updated_at = datetime.now(UTC)
