"""Querying the search index: terms of a query → initiatives and their hits.

Japanese, Chinese and Thai have no spaces between words, so a word tokenizer
finds nothing; SQLite FTS5's ``trigram`` tokenizer matches any substring of
three or more characters.  Shorter terms (二文字の漢語 such as 外国) use
``LIKE`` on the same table, which is a scan over a few ten thousand short rows.

On PostgreSQL, or before the index exists, search falls back to ``ILIKE``
over segments and translations (for production PostgreSQL add a ``pg_trgm``
GIN index on ``segment.source`` and ``translation.text``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from .. import locales
from ..catalogs.states import plain_text
from ..store.models import Segment, Translation

#: The FTS5 table (body, locale, lang, initiative, position, field) and the
#: table that remembers which store version it reflects (see ``index.py``).
TABLE = "search_fts"
META_TABLE = "search_meta"
MAX_TERMS = 8
MAX_QUERY = 200


def has_index(session: Session) -> bool:
    if session.get_bind().dialect.name != "sqlite":
        return False
    return bool(
        session.execute(
            text("SELECT 1 FROM sqlite_master WHERE type='table' AND name=:n"), {"n": TABLE}
        ).first()
    )


@dataclass
class Hit:
    initiative: int
    field: str
    lang: str  # URL code of the hit text
    body: str


@dataclass
class Found:
    hits: dict[int, list[Hit]] = field(default_factory=dict)


def terms_of(q: str) -> list[str]:
    q = q.strip()[:MAX_QUERY]
    # Japanese users type full-width spaces between terms
    return [t for t in re.split(r"[\s\u3000]+", q) if t][:MAX_TERMS]


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def find(session: Session, locale: str, terms: list[str]) -> Found:
    """Initiatives whose shown or source text contains every term."""
    if not terms:
        return Found()
    per_term: list[dict[int, list[Hit]]] = []
    for term in terms:
        per_term.append(_find_term(session, locale, term))
    common = set(per_term[0])
    for d in per_term[1:]:
        common &= set(d)
    out = Found()
    for n in sorted(common):
        seen: set[tuple[str, str]] = set()
        hits: list[Hit] = []
        for d in per_term:
            for h in d[n]:
                if (h.field, h.body) not in seen:
                    seen.add((h.field, h.body))
                    hits.append(h)
        # the reader's own language first, then the Japanese source
        hits.sort(key=lambda h: h.lang != locale)
        out.hits[n] = hits
    return out


_SQL_MATCH = text(
    f"SELECT initiative, field, lang, body FROM {TABLE} "  # noqa: S608 - constant table name
    f"WHERE {TABLE} MATCH :m AND locale IN (:loc, 'ja') LIMIT 5000"
)
_SQL_LIKE = text(
    f"SELECT initiative, field, lang, body FROM {TABLE} "  # noqa: S608 - constant table name
    "WHERE body LIKE :m ESCAPE '\\' AND locale IN (:loc, 'ja') LIMIT 5000"
)


def _find_term(session: Session, locale: str, term: str) -> dict[int, list[Hit]]:
    found: dict[int, list[Hit]] = {}
    if has_index(session):
        # a quoted FTS5 phrase: the user's text is data, never query syntax
        if len(term) >= 3:
            sql, m = _SQL_MATCH, '"' + term.replace('"', '""') + '"'
        else:
            sql, m = _SQL_LIKE, _like(term)
        rows = session.execute(sql, {"m": m, "loc": locale})
        for ini, fld, lang, body in rows:
            found.setdefault(int(ini), []).append(Hit(int(ini), fld, lang, body))
        return found
    # Fallback: no index (PostgreSQL, or not built yet).  Slower, same answers
    # for the source and the locale's own translations.
    pat = _like(term)
    for seg in session.scalars(
        select(Segment).where(Segment.initiative_number > 0, Segment.source.ilike(pat, escape="\\"))
    ).all():
        found.setdefault(seg.initiative_number, []).append(
            Hit(seg.initiative_number, seg.field, locales.SOURCE.code, seg.source)
        )
    q = (
        select(Segment, Translation)
        .join(Translation, Translation.source_hash == Segment.source_hash)
        .where(
            Translation.locale == locale,
            Segment.initiative_number > 0,
            Translation.text.ilike(pat, escape="\\"),
        )
    )
    for seg, tr in session.execute(q).all():
        found.setdefault(seg.initiative_number, []).append(
            Hit(seg.initiative_number, seg.field, locale, plain_text(tr.text, locale))
        )
    return found
