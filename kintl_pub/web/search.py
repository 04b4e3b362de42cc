"""Full-text search over the text shown in a locale plus the Japanese source.

Japanese, Chinese and Thai have no spaces between words, so a word tokenizer
finds nothing; SQLite FTS5's ``trigram`` tokenizer matches any substring of
three or more characters.  Shorter terms (二文字の漢語 such as 外国) use
``LIKE`` on the same table, which is a scan over a few ten thousand short rows.

The index is built by a batch step (:func:`build_index`, ``kintl-pub
search-index``, also run by ``build-static``, ``serve`` and the test fixtures)
— never on a request.  On PostgreSQL, or before the index exists, search falls
back to ``ILIKE`` over segments and translations (for production PostgreSQL
add a ``pg_trgm`` GIN index on ``segment.source`` and ``translation.text``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from markupsafe import Markup, escape
from sqlalchemy import Engine, or_, select, text
from sqlalchemy.orm import Session

from .. import locales
from ..catalogs.states import resolve_many
from ..segment import source_hash, store_segments
from ..store.models import Segment, Translation

TABLE = "search_fts"
PAGE_SIZE = 20
SNIPPET_CHARS = 70
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


def is_stale(session: Session) -> bool:
    """Missing, or built for an older store (import/translate since)."""
    if not has_index(session):
        return True
    from .cache import store_version

    try:
        row = session.execute(text("SELECT version FROM search_meta")).first()
    except Exception:  # noqa: BLE001 - an index from before search_meta existed
        return True
    return row is None or row[0] != store_version(session)


def build_index(engine: Engine) -> int:
    """(Re)build the FTS5 trigram index for every locale.  Returns row count.

    One transaction: readers see the old index until the new one is complete.
    """
    if engine.dialect.name != "sqlite":
        return 0
    from ..store.db import session_factory

    session = session_factory(engine)()
    try:
        specs = [s for s in store_segments(session) if s.initiative_number]
        sources = [s.source for s in specs]
        rows: list[dict] = []
        for s in specs:
            rows.append(_row(s, "ja", "ja", s.source))
        for loc in locales.TARGETS:
            shown = resolve_many(session, loc.code, sources)
            for s in specs:
                r = shown[s.source]
                if r.lang == "ja" and r.text == s.source:
                    continue  # the Japanese row already covers it
                rows.append(_row(s, loc.code, r.lang, _plain(r.text, r.lang)))
        session.execute(text("DROP TABLE IF EXISTS search_fts"))
        session.execute(
            text(
                "CREATE VIRTUAL TABLE search_fts USING fts5("
                "body, locale UNINDEXED, lang UNINDEXED, initiative UNINDEXED, "
                "position UNINDEXED, field UNINDEXED, tokenize='trigram')"
            )
        )
        session.execute(
            text(
                "INSERT INTO search_fts (body, locale, lang, initiative, position, field) "
                "VALUES (:body, :locale, :lang, :initiative, :position, :field)"
            ),
            rows,
        )
        # remember which store version the index reflects (see is_stale)
        from .cache import store_version

        session.execute(text("DROP TABLE IF EXISTS search_meta"))
        session.execute(text("CREATE TABLE search_meta (version TEXT NOT NULL)"))
        session.execute(text("INSERT INTO search_meta (version) VALUES (:v)"),
                        {"v": store_version(session)})
        session.commit()
        return len(rows)
    finally:
        session.close()


def _plain(t: str, lang: str) -> str:
    if lang == "ja-easy":
        from ..easy.markup import to_plain

        return to_plain(t)
    return t


def _row(spec, locale: str, lang: str, body: str) -> dict:  # type: ignore[no-untyped-def]
    return {
        "body": body,
        "locale": locale,
        "lang": lang,
        "initiative": spec.initiative_number,
        "position": spec.program_position,
        "field": spec.field,
    }


# --------------------------------------------------------------------------
# Querying
# --------------------------------------------------------------------------


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
    "SELECT initiative, field, lang, body FROM search_fts "
    "WHERE search_fts MATCH :m AND locale IN (:loc, 'ja') LIMIT 5000"
)
_SQL_LIKE = text(
    "SELECT initiative, field, lang, body FROM search_fts "
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
            Hit(seg.initiative_number, seg.field, "ja", seg.source)
        )
    q = (
        select(Segment, Translation)
        .join(Translation, Translation.source_hash == Segment.source_hash)
        .where(
            Translation.locale == locale,
            Segment.initiative_number > 0,
            or_(Translation.text.ilike(pat, escape="\\")),
        )
    )
    for seg, tr in session.execute(q).all():
        found.setdefault(seg.initiative_number, []).append(
            Hit(seg.initiative_number, seg.field, locale, _plain(tr.text, locale))
        )
    return found


def highlight(body: str, terms: Iterable[str], *, width: int = SNIPPET_CHARS) -> Markup:
    """A window of ``body`` around the first match with every match in
    ``<mark>``.  Built from escaped pieces only: the text is never trusted."""
    pats = [re.escape(t) for t in sorted(set(terms), key=len, reverse=True) if t]
    spans: list[tuple[int, int]] = []
    if pats:
        for m in re.finditer("|".join(pats), body, flags=re.IGNORECASE):
            if m.end() > m.start():
                spans.append((m.start(), m.end()))
    start, end = 0, len(body)
    if spans and len(body) > 2 * width:
        start = max(0, spans[0][0] - width // 2)
        end = min(len(body), start + 2 * width)
    out: list[Markup | str] = []
    if start > 0:
        out.append("…")
    pos = start
    for a, b in spans:
        if a < pos or b > end:
            continue
        out.append(escape(body[pos:a]))
        out.append(Markup("<mark>") + escape(body[a:b]) + Markup("</mark>"))
        pos = b
    out.append(escape(body[pos:end]))
    if end < len(body):
        out.append("…")
    return Markup("").join(escape(x) if not isinstance(x, Markup) else x for x in out)


def source_hashes(texts: Iterable[str]) -> list[str]:
    return [source_hash(t) for t in texts]
