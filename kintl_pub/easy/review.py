"""The reading review queue: list disagreements, record an editor's decision.

Deciding for a reading other than the published one writes an entry to
``data/readings.tsv`` (so every later build uses it); deciding for the
published reading marks the entry ``kept`` and, for words of two or more
characters, records it in ``data/readings_checked.tsv`` so that it is not
asked again, even on a new database.
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


def keep(session: Session, item: ReadingDisagreement, *, who: str, path: Path = overrides.CHECKED_TSV) -> None:
    """The published reading is right.  Recorded in ``data/readings_checked.tsv``
    too (not for a single character, whose reading depends on its context), so
    a new database does not ask again."""
    if len(item.surface) > 1:
        overrides.append_checked(item.surface, item.reading, item.alt, f"{who}, {datetime.now(UTC):%Y-%m-%d}", path)
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
