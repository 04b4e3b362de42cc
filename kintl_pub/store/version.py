"""The store's content version: a token that changes whenever published
content can have changed (an import, a source correction, a segment sync, a
translation written).

Derived outputs compare it with the version they were made from: the web
response cache (``web/cache.py``) and the search index (``search/index.py``).
Both depend on exactly these tables, so they share this one definition.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .models import ImportRun, Segment, SourceRevision, Translation


def store_version(session: Session) -> str:
    """Counts and latest changes of the tables every page is made from."""
    row = session.execute(
        select(
            select(func.max(Translation.updated_at)).scalar_subquery(),
            select(func.count(Translation.id)).scalar_subquery(),
            select(func.max(Segment.updated_at)).scalar_subquery(),
            select(func.count(Segment.id)).scalar_subquery(),
            select(func.max(ImportRun.id)).scalar_subquery(),
            select(func.max(SourceRevision.id)).scalar_subquery(),
        )
    ).one()
    return "|".join(str(v) for v in row)
