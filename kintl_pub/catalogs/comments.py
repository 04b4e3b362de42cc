"""Translators' notes on their translations: the ``# …`` comments of a .po
entry (a doubt about the source, a choice a reviewer should know about).

``catalogs import`` stores them with the entry (``TranslationComment``),
every export writes them back, so re-exporting never loses them and a
reviewer in the workspace reads them.  Compared without regard to line
breaks: Babel re-wraps long comments at 76 columns on every write, so the
same note may come back in other lines.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..store.models import Translation, TranslationComment

#: the importer's own comments, which are not a translator's note
MARKERS = ("translated-by:", "approved-by:")


def notes(user_comments: list[str]) -> str:
    """The translator's note among a .po entry's ``#`` comments (our
    markers and ``#|`` lines left out), one line per comment line."""
    lines = [c.strip() for c in user_comments if not c.startswith("|")]
    return "\n".join(c for c in lines if c and not c.startswith(MARKERS))


def same(a: str | None, b: str | None) -> bool:
    return " ".join((a or "").split()) == " ".join((b or "").split())


def get(session: Session, t: Translation) -> str | None:
    row = session.scalars(
        select(TranslationComment).where(TranslationComment.translation_id == t.id)
    ).first()
    return row.text if row is not None else None


def for_locale(session: Session, locale: str) -> dict[int, str]:
    """Translation id → note, for every entry of ``locale`` that has one."""
    rows = session.execute(
        select(TranslationComment.translation_id, TranslationComment.text)
        .join(Translation, Translation.id == TranslationComment.translation_id)
        .where(Translation.locale == locale)
    )
    return {tid: text for tid, text in rows}


def put(session: Session, t: Translation, text: str, *, who: str) -> bool:
    """Store ``text`` as the entry's note (replacing the one before).  An
    empty note changes nothing: a file without comments (exported before
    the note was written) never deletes one.  Returns True if it changed."""
    if not text.strip():
        return False
    row = session.scalars(
        select(TranslationComment).where(TranslationComment.translation_id == t.id)
    ).first()
    if row is not None and same(row.text, text):
        return False
    if row is None:
        row = TranslationComment(translation_id=t.id, text=text)
        session.add(row)
    row.text, row.who, row.at = text, who, datetime.now(UTC)
    return True
