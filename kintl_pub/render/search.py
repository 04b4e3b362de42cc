"""Search results as a reader sees them: the query, the filters with their
options (in the reader's language), one page of matching initiatives with
the hits shown as snippets, and the paging.

The search page renders :class:`SearchView`; finding initiatives is the
search stage's work (``search.query``), deciding what the page says is here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields

from markupsafe import Markup, escape
from sqlalchemy.orm import Session

from .. import locales
from ..search import query as search
from ..store.models import Initiative, Policy, Program
from .initiative import title_source
from .shown import (
    ACHIEVEMENT_VALUES,
    CONTRIBUTION_VALUES,
    Gettext,
    Resolver,
    Shown,
    circled,
    roman,
)
from .tree import focuses_of, heading_sources, load_tree

PAGE_SIZE = 20
SNIPPET_CHARS = 70
SNIPPETS_PER_RESULT = 3
MAX_FILTER_VALUE = 100

#: A programme row as the filters see it: (bureau, ward, achievement, contribution).
Row = tuple[str | None, str | None, int | None, str | None]


@dataclass
class Filters:
    """What the reader narrowed the search to (each "" = any).  ``area`` is a
    tree anchor: ``p2`` (a policy), ``p2-d1`` (a direction), ``p2-d1-f1``."""

    area: str = ""
    bureau: str = ""
    ward: str = ""
    achievement: str = ""
    contribution: str = ""

    @classmethod
    def from_args(cls, get: Callable[[str], str | None]) -> Filters:
        return cls(**{f.name: (get(f.name) or "").strip()[:MAX_FILTER_VALUE]
                      for f in fields(cls)})

    @property
    def active(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def admit(self, area: str, programs: Iterable[Program]) -> bool:
        """Does an initiative at ``area`` with these programme rows pass?"""
        return self.admit_rows(area, ((p.bureau, p.ward, p.achievement, p.contribution) for p in programs))

    def admit_rows(self, area: str, rows: Iterable[Row]) -> bool:
        """The same for rows given as ``(bureau, ward, achievement, contribution)``
        (the API filters the tree's view model with it)."""
        if self.area and not (area == self.area or area.startswith(self.area + "-")):
            return False
        if not (self.bureau or self.ward or self.achievement or self.contribution):
            return True
        return any(self._admit_row(*r) for r in rows)

    def _admit_row(self, bureau: str | None, ward: str | None, achievement: int | None,
                   contribution: str | None) -> bool:
        return not (
            (self.bureau and (bureau or "") != self.bureau)
            or (self.ward and (ward or "") != self.ward)
            or (self.achievement and str(achievement) != self.achievement)
            or (self.contribution and (contribution or "") != self.contribution)
        )


#: The query-string names a search page keeps (in links to other languages).
QUERY_ARGS: tuple[str, ...] = ("q", *(f.name for f in fields(Filters)))


@dataclass
class SearchQuery:
    q: str = ""
    filters: Filters = field(default_factory=Filters)
    page: int = 1

    @classmethod
    def from_args(cls, get: Callable[[str], str | None]) -> SearchQuery:
        try:
            page = max(1, int(get("page") or "1"))
        except ValueError:
            page = 1
        return cls((get("q") or "")[: search.MAX_QUERY], Filters.from_args(get), page)


@dataclass
class Option:
    value: str
    label: str
    lang: str  # HTML lang of the label


@dataclass
class FilterOptions:
    area: list[Option]
    bureau: list[Option]
    ward: list[Option]
    achievement: list[int]
    contribution: list[str]


@dataclass
class Snippet:
    """A window of a hit text around the first match."""

    field: str
    lang: str  # URL code of the text
    text: str  # "…" where the window cuts the hit text
    marks: list[tuple[int, int]]  # spans of ``text`` that match a term

    @property
    def html_lang(self) -> str:
        return locales.BY_CODE[self.lang].html_lang

    @property
    def html(self) -> Markup:
        """Every match in ``<mark>``; built from escaped pieces only."""
        out, pos = Markup(""), 0
        for a, b in self.marks:
            out += escape(self.text[pos:a]) + Markup("<mark>") + escape(self.text[a:b]) + Markup("</mark>")
            pos = b
        return out + escape(self.text[pos:])


def snippet(fld: str, lang: str, body: str, terms: Iterable[str], *,
            width: int = SNIPPET_CHARS) -> Snippet:
    """The hit ``body`` cut to about ``2 * width`` characters around the
    first match, with every match inside the window marked."""
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
    head = "…" if start > 0 else ""
    marks, pos = [], start
    for a, b in spans:
        if a < pos or b > end:
            continue
        marks.append((a - start + len(head), b - start + len(head)))
        pos = b
    text = head + body[start:end] + ("…" if end < len(body) else "")
    return Snippet(fld, lang, text, marks)


@dataclass
class Result:
    number: int
    title: Shown
    snippets: list[Snippet]


@dataclass
class SearchView:
    q: str
    terms: list[str]
    filters: Filters
    options: FilterOptions
    searched: bool  # a query or a filter was given (else: only the form)
    results: list[Result]  # this page's
    total: int
    page: int
    pages: int

    @property
    def first(self) -> int:
        """The number of this page's first result (for ``<ol start>``)."""
        return (self.page - 1) * PAGE_SIZE + 1


def filter_options(policies: list[Policy], res: Resolver, _: Gettext) -> FilterOptions:
    bureaus: set[str] = set()
    wards: set[str] = set()
    for fo in focuses_of(policies):
        for i in fo.initiatives:
            for pr in i.programs:
                if pr.bureau:
                    bureaus.add(pr.bureau)
                if pr.ward:
                    wards.add(pr.ward)
    res.load(heading_sources(policies) + sorted(bureaus) + sorted(wards))

    def opt(value: str, prefix: str, src: str) -> Option:
        s = res.get(src)
        assert s is not None  # every source here is non-empty
        return Option(value, (prefix + s.plain()).strip(), s.html_lang)

    area = []
    for p in policies:
        area.append(opt(f"p{p.number}", _("Policy %(num)s", num=roman(p.number)) + ": ",
                        p.title.strip()))
        for d in p.directions:
            area.append(opt(f"p{p.number}-d{d.number}", "— " + _("Direction %(num)s", num=d.number) + ": ",
                            d.title.strip()))
            for fo in d.focuses:
                area.append(opt(f"p{p.number}-d{d.number}-f{fo.number}",
                                "—— " + circled(fo.number) + " ", fo.title.strip()))
    return FilterOptions(
        area=area,
        bureau=sorted((opt(b, "", b) for b in bureaus), key=lambda o: o.label),
        ward=sorted((opt(w, "", w) for w in wards), key=lambda o: o.value),
        achievement=list(ACHIEVEMENT_VALUES),
        contribution=list(CONTRIBUTION_VALUES),
    )


def search_view(
    session: Session, locale: str, query: SearchQuery, _: Gettext, *, fallback: str | None = None
) -> SearchView:
    terms = search.terms_of(query.q)
    policies = load_tree(session)
    res = Resolver(session, locale, fallback)
    options = filter_options(policies, res, _)
    searched = bool(terms) or query.filters.active

    # initiative number → where it sits in the tree (for filtering)
    where: dict[int, tuple[str, Initiative]] = {}
    for p in policies:
        for d in p.directions:
            for fo in d.focuses:
                for i in fo.initiatives:
                    where[i.number] = (f"p{p.number}-d{d.number}-f{fo.number}", i)
    found = search.find(session, locale, terms) if terms else None
    numbers = sorted(found.hits) if found else sorted(where)
    numbers = [n for n in numbers
               if n in where and query.filters.admit(where[n][0], where[n][1].programs)
               ] if searched else []

    total = len(numbers)
    pages = max(1, math.ceil(total / PAGE_SIZE))
    page = min(query.page, pages)
    shown_numbers = numbers[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    res.load(title_source(where[n][1]) for n in shown_numbers)
    results = []
    for n in shown_numbers:
        hits = (found.hits[n] if found else [])[:SNIPPETS_PER_RESULT]
        results.append(Result(n, res.title(title_source(where[n][1])),
                              [snippet(h.field, h.lang, h.body, terms) for h in hits]))
    return SearchView(q=query.q, terms=terms, filters=query.filters, options=options,
                      searched=searched, results=results, total=total, page=page, pages=pages)
