"""The translators' queue: every current source text of one locale with its
state, warnings and places, filtered and counted (the workspace's list page,
and "next" after a save or a skip).

Read-only.  Warnings are the quality-check registry's findings
(``kintl_pub.checks``), computed once per translation version.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import checks, locales
from ..store.models import State, Translation
from ..store.records import ReviewVerdict
from ..store.version import store_version
from .entries import Entry, Place, collect
from .po import locale_rows
from .states import plain_text

#: state filters in the order the queue shows them ("warnings" and "rejected"
#: cut across states)
FILTERS: tuple[str, ...] = ("all", "untranslated", "machine", "outdated", "translated", "approved",
                            "warnings", "rejected")
PER_PAGE = 50
_CACHE_MAX = 50_000
_warn_cache: OrderedDict[tuple[str, str, int, str], tuple[checks.Finding, ...]] = OrderedDict()


@dataclass
class QueueRow:
    entry: Entry
    state: str
    text: str
    version: int
    translator: str | None
    reviewer: str | None
    warnings: tuple[checks.Finding, ...]
    rejected: bool

    @property
    def source(self) -> str:
        return self.entry.source

    @property
    def source_hash(self) -> str:
        return self.entry.source_hash

    @property
    def places(self) -> list[Place]:
        return self.entry.places

    def initiatives(self) -> list[int]:
        return sorted({int(p.key.split("/")[0]) for p in self.places if p.key.split("/")[0].isdigit()})

    def fields(self) -> set[str]:
        return {_field_of(p) for p in self.places}


def _field_of(p: Place) -> str:
    parts = p.key.split("/")
    if parts[0] in ("policy", "direction", "focus", "scale"):
        return parts[0]
    return parts[2] if len(parts) > 2 else parts[-1]


@dataclass
class QueueFilter:
    state: str = "all"
    initiative: int | None = None
    field: str | None = None
    q: str = ""

    def matches(self, row: QueueRow, locale: str) -> bool:
        if self.state == "warnings":
            if not row.warnings:
                return False
        elif self.state == "rejected":
            if not row.rejected:
                return False
        elif self.state != "all" and row.state != self.state:
            return False
        if self.initiative is not None and self.initiative not in row.initiatives():
            return False
        if self.field and self.field not in row.fields():
            return False
        if self.q:
            needle = self.q.casefold()
            hay = (row.source + "\n" + plain_text(row.text, locale)).casefold()
            if needle not in hay:
                return False
        return True


@dataclass
class QueueView:
    locale: str
    filter: QueueFilter
    counts: dict[str, int]
    rows: list[QueueRow]  # this page
    total: int  # rows matching the filter
    page: int
    pages: int
    initiatives: list[int] = field(default_factory=list)


def warnings_of(source: str, text: str, locale: str, version: int) -> tuple[checks.Finding, ...]:
    if not text:
        return ()
    key = (locale, source, version, text)
    got = _warn_cache.get(key)
    if got is None:
        got = tuple(checks.run(source, text, locale))
        _warn_cache[key] = got
        if len(_warn_cache) > _CACHE_MAX:
            _warn_cache.popitem(last=False)
    return got


def rejected_ids(session: Session, locale: str) -> set[int]:
    """Translations whose current version a reviewer rejected."""
    rows = session.execute(
        select(ReviewVerdict.translation_id, ReviewVerdict.version, ReviewVerdict.verdict, Translation.version)
        .join(Translation, Translation.id == ReviewVerdict.translation_id)
        .where(Translation.locale == locale)
        .order_by(ReviewVerdict.id)
    )
    latest: dict[int, bool] = {}
    for tid, judged, verdict, current in rows:
        latest[tid] = verdict == "rejected" and judged == current
    return {tid for tid, rejected in latest.items() if rejected}


_rows_cache: OrderedDict[tuple[str, str, str], list[QueueRow]] = OrderedDict()


def all_rows(session: Session, locale: str) -> list[QueueRow]:
    """Every current entry of ``locale`` in reading order, kept per store
    version (any saved text changes it), so the queue, the editor's
    previous/next and "save and next" do not rebuild it per request."""
    verdicts = session.scalar(select(func.max(ReviewVerdict.id)))  # a rejection changes no text
    key = (str(session.get_bind().engine.url), locale, f"{store_version(session)}|{verdicts}")
    got = _rows_cache.get(key)
    if got is None:
        got = _all_rows(session, locale)
        _rows_cache[key] = got
        while len(_rows_cache) > 8:
            _rows_cache.popitem(last=False)
    return got


def _all_rows(session: Session, locale: str) -> list[QueueRow]:
    loc = locales.get(locale)
    stored = locale_rows(session, loc)
    rejected = rejected_ids(session, locale)
    out: list[QueueRow] = []
    for e in collect(session):
        t: Translation | None = stored.get(e.source_hash)
        if t is None or (not t.text and t.state != State.UNTRANSLATED):
            out.append(QueueRow(e, State.UNTRANSLATED, "", t.version if t else 0, None, None, (), False))
            continue
        out.append(QueueRow(
            e, t.state, t.text or "", t.version, t.translator, t.reviewer,
            warnings_of(e.source, t.text or "", locale, t.version), t.id in rejected,
        ))
    return out


def counts_of(rows: list[QueueRow]) -> dict[str, int]:
    c = dict.fromkeys(FILTERS, 0)
    c["all"] = len(rows)
    for r in rows:
        c[r.state] = c.get(r.state, 0) + 1
        c["warnings"] += bool(r.warnings)
        c["rejected"] += r.rejected
    return c


def queue(session: Session, locale: str, flt: QueueFilter, *, page: int = 1, per_page: int = PER_PAGE) -> QueueView:
    rows = all_rows(session, locale)
    chosen = [r for r in rows if flt.matches(r, locale)]
    pages = max(1, -(-len(chosen) // per_page))
    page = min(max(1, page), pages)
    inis = sorted({n for r in rows for n in r.initiatives()})
    return QueueView(locale, flt, counts_of(rows), chosen[(page - 1) * per_page: page * per_page],
                     len(chosen), page, pages, inis)


def neighbour(session: Session, locale: str, source_hash: str, flt: QueueFilter, step: int = 1,
              rows: list[QueueRow] | None = None) -> str | None:
    """The source hash after (``step=1``) or before (-1) ``source_hash`` among
    the rows matching ``flt`` (wrapping round), or None when there is none.
    ``rows``: :func:`all_rows`, when the caller has them already."""
    rows = rows if rows is not None else all_rows(session, locale)
    order = [r.source_hash for r in rows]
    if source_hash not in order:
        return None
    i = order.index(source_hash)
    n = len(rows)
    for k in range(1, n):
        r = rows[(i + step * k) % n]
        if flt.matches(r, locale):
            return r.source_hash
    return None
