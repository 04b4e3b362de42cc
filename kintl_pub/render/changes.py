"""What changed since a moment, as a reader of one locale sees it: the
initiatives whose Japanese source changed (sheet imports and editors'
corrections, ``SourceRevision``) or whose texts in the locale were written
or replaced (``Translation.updated_at``), newest first, plus the sheet
imports themselves.

The JSON API (``/api/v1/changes``) and the Atom feed (``/{lang}/changes.atom``)
render :class:`ChangesView`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from .. import locales
from ..store.models import (
    STATES,
    ImportRun,
    Initiative,
    Segment,
    SourceRevision,
    State,
    Translation,
)
from .initiative import title_source
from .shown import Resolver, Shown

#: the most initiatives one view lists (the sheet has 109; removed ones add a few)
MAX_ITEMS = 500


def utc(value: datetime) -> datetime:
    """A stored time as an aware UTC time (SQLite hands back naive ones)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


@dataclass
class ImportItem:
    """One sheet import (who ran it and the file stay internal)."""

    at: datetime
    initiatives: int
    programs: int
    changed_fields: int


@dataclass
class ChangedInitiative:
    number: int
    title: Shown | None  # None: the initiative is no longer in the sheet
    updated: datetime  # its latest change
    source_fields: list[str] = field(default_factory=list)  # Japanese fields changed ("*": row added/removed)
    # stored translation state (``State``) → texts of the locale written since
    translations: dict[str, int] = field(default_factory=dict)

    @property
    def removed(self) -> bool:
        return self.title is None

    @property
    def translated(self) -> int:
        return sum(self.translations.values())


@dataclass
class ChangesView:
    locale: str
    since: datetime | None
    imports: list[ImportItem]
    initiatives: list[ChangedInitiative]  # newest first
    # texts of the locale shown on many pages (policy, direction and focus
    # titles, rating scales) written since, by stored state
    shared_texts: dict[str, int] = field(default_factory=dict)

    @property
    def updated(self) -> datetime | None:
        times = [i.updated for i in self.initiatives] + [i.at for i in self.imports]
        return max(times) if times else None


def _initiative_of(entity_key: str) -> int | None:
    """``initiative:12`` / ``program:12:0`` → 12."""
    parts = entity_key.split(":")
    if len(parts) >= 2 and parts[0] in ("initiative", "program") and parts[1].isdigit():
        return int(parts[1])
    return None


def changes_view(session: Session, locale: str, since: datetime | None = None, *,
                 fallback: str | None = None) -> ChangesView:
    """Changes at or after ``since`` (aware; None: all), for readers of ``locale``."""
    items: dict[int, ChangedInitiative] = {}

    def item(n: int, at: datetime) -> ChangedInitiative:
        it = items.setdefault(n, ChangedInitiative(n, None, at))
        it.updated = max(it.updated, at)
        return it

    revs = select(SourceRevision.entity_key, SourceRevision.field, SourceRevision.at)
    runs = select(ImportRun).order_by(ImportRun.at.desc())
    if since is not None:
        revs = revs.where(SourceRevision.at >= since)
        runs = runs.where(ImportRun.at >= since)
    for key, fld, at in session.execute(revs):
        n = _initiative_of(key)
        if n is not None:
            it = item(n, utc(at))
            if fld not in it.source_fields:
                it.source_fields.append(fld)
    imports = [ImportItem(utc(r.at), r.initiatives, r.programs, r.changed_fields)
               for r in session.scalars(runs)]

    shared: Counter[str] = Counter()
    if locale != locales.SOURCE.code:
        trs = select(Translation.source_hash, Translation.state, Translation.updated_at).where(
            Translation.locale == locale, Translation.state != State.UNTRANSLATED)
        if since is not None:
            trs = trs.where(Translation.updated_at >= since)
        written = {h: (state, utc(at)) for h, state, at in session.execute(trs)}
        places: dict[str, set[int]] = {}
        hashes = list(written)
        for i in range(0, len(hashes), 500):  # stay under SQLite's variable limit
            for h, n in session.execute(select(Segment.source_hash, Segment.initiative_number)
                                        .where(Segment.source_hash.in_(hashes[i:i + 500]))):
                places.setdefault(h, set()).add(n)
        for h, (state, at) in written.items():
            numbers = places.get(h, set())
            if 0 in numbers:
                shared[state] += 1
            for n in sorted(numbers - {0}):
                it = item(n, at)
                it.translations[state] = it.translations.get(state, 0) + 1

    inis = {i.number: i for i in session.scalars(
        select(Initiative).where(Initiative.number.in_(list(items))).options(selectinload(Initiative.programs)))}
    res = Resolver(session, locale, fallback)
    res.load(title_source(i) for i in inis.values())
    for n, it in items.items():
        if n in inis:
            it.title = res.title(title_source(inis[n]))
        it.source_fields.sort()
        it.translations = {str(s): it.translations[s] for s in STATES if it.translations.get(s)}
    ordered = sorted(items.values(), key=lambda i: (i.updated, i.number), reverse=True)[:MAX_ITEMS]
    return ChangesView(locale, since, imports, ordered,
                       {str(s): shared[s] for s in STATES if shared.get(s)})
