"""Building the search index (a batch step, never a request's work).

One FTS5 row per segment of an initiative and locale: the text a reader of
that locale is shown (``resolve_many``, Easy Japanese without its reading
markup), plus the Japanese source once.  ``search_meta`` remembers the store
version the index was built from, so :func:`is_stale` can tell when an
import or a translation happened since (``prepare``, ``serve`` and
``build-static`` rebuild only then).  SQLite only: PostgreSQL searches
without an index (see ``query.py``).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from .. import locales
from ..catalogs.states import resolve_many
from ..segment import SegmentSpec, store_segments
from ..store.version import store_version
from .query import META_TABLE, TABLE, has_index


def is_stale(session: Session) -> bool:
    """Missing, or built for an older store (import/translate since)."""
    if not has_index(session):
        return True
    try:
        row = session.execute(text(f"SELECT version FROM {META_TABLE}")).first()  # noqa: S608
    except Exception:  # noqa: BLE001 - an index from before search_meta existed
        return True
    return row is None or row[0] != store_version(session)


def build_index(session: Session) -> int:
    """(Re)build the FTS5 trigram index for every locale in the session's
    transaction (the caller commits).  Returns the row count; 0 on a database
    other than SQLite."""
    if session.get_bind().dialect.name != "sqlite":
        return 0
    specs = [s for s in store_segments(session) if s.initiative_number]
    sources = [s.source for s in specs]
    rows: list[dict[str, Any]] = [_row(s, locales.SOURCE.code, locales.SOURCE.code, s.source)
                                  for s in specs]
    for loc in locales.TARGETS:
        shown = resolve_many(session, loc.code, sources)
        for s in specs:
            r = shown[s.source]
            if r.lang == locales.SOURCE.code and r.text == s.source:
                continue  # the Japanese row already covers it
            rows.append(_row(s, loc.code, r.lang, r.plain()))
    session.execute(text(f"DROP TABLE IF EXISTS {TABLE}"))
    session.execute(
        text(
            f"CREATE VIRTUAL TABLE {TABLE} USING fts5("
            "body, locale UNINDEXED, lang UNINDEXED, initiative UNINDEXED, "
            "position UNINDEXED, field UNINDEXED, tokenize='trigram')"
        )
    )
    session.execute(
        text(
            f"INSERT INTO {TABLE} (body, locale, lang, initiative, position, field) "  # noqa: S608 - constant table name
            "VALUES (:body, :locale, :lang, :initiative, :position, :field)"
        ),
        rows,
    )
    # remember which store version the index reflects (see is_stale)
    session.execute(text(f"DROP TABLE IF EXISTS {META_TABLE}"))
    session.execute(text(f"CREATE TABLE {META_TABLE} (version TEXT NOT NULL)"))
    session.execute(text(f"INSERT INTO {META_TABLE} (version) VALUES (:v)"),  # noqa: S608
                    {"v": store_version(session)})
    return len(rows)


def _row(spec: SegmentSpec, locale: str, lang: str, body: str) -> dict[str, Any]:
    return {
        "body": body,
        "locale": locale,
        "lang": lang,
        "initiative": spec.initiative_number,
        "position": spec.program_position,
        "field": spec.field,
    }
