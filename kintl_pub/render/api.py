"""The JSON renderer: the view models the pages render, as JSON-ready data
for the API (``web/api``).  Nothing here queries the store; every fact
comes from the same view model its page shows.

Every text is a :func:`text` object: what is shown in the locale, its
display state (``DisplayState``: source / reviewed / machine / outdated /
fallback), the language actually shown (a fallback says so) and the
Japanese source.  Addresses come in through :data:`Links` (the web layer
knows its URLs).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from .changes import ChangesView
from .fields import FieldView
from .initiative import Crumb, InitiativeView, ProgramView
from .search import SearchView
from .shown import ACHIEVEMENT_VALUES, CONTRIBUTION_VALUES, Shown
from .tree import DirectionNode, Dist, FocusNode, InitiativeItem, PolicyNode

Json = dict[str, Any]
#: an initiative number → its addresses ({"self": API, "html": page, …})
Links = Callable[[int], dict[str, str]]
#: the key of a programme-row count with no rating
UNRATED = "unrated"


def text(s: Shown | None) -> Json | None:
    if s is None:
        return None
    return {"text": s.plain(), "state": str(s.state), "lang": s.lang, "source": s.source}


def iso(t: datetime | None) -> str | None:
    return None if t is None else t.isoformat().replace("+00:00", "Z")


def counts(d: Dist) -> Json:
    """Programme rows per rating value, every value present (0 when none)."""
    return {
        "programs": d.total,
        "achievement": {**{str(v): d.achievement.get(v, 0) for v in ACHIEVEMENT_VALUES},
                        UNRATED: d.achievement.get(None, 0)},
        "contribution": {**{v: d.contribution.get(v, 0) for v in CONTRIBUTION_VALUES},
                         UNRATED: d.contribution.get(None, 0)},
    }


def _number(anchor: str) -> int:
    """``p1-d2-f3`` → 3 (a crumb's own number is the last part of its anchor)."""
    return int(anchor.rsplit("-", 1)[-1][1:])


def crumb(c: Crumb) -> Json:
    return {"number": _number(c.anchor), "anchor": c.anchor, "prefix": c.prefix, "title": text(c.title)}


# --------------------------------------------------------------------------
# The tree and the initiative list (the tree's items, filtered)
# --------------------------------------------------------------------------


def item(it: InitiativeItem, p: PolicyNode, d: DirectionNode, f: FocusNode, links: Links) -> Json:
    rows = zip(it.achievements, it.contributions, it.wards, it.bureaus, strict=True)
    return {
        "number": it.number,
        "title": text(it.title),
        "policy": {"number": p.number, "anchor": p.anchor, "prefix": p.prefix, "title": text(p.title)},
        "direction": {"number": d.number, "anchor": d.anchor, "prefix": str(d.number), "title": text(d.title)},
        "focus": {"number": f.number, "anchor": f.anchor, "prefix": f.prefix, "title": text(f.title)},
        "programs": [{"achievement": a, "contribution": c, "ward": text(w), "bureau": text(b)}
                     for a, c, w, b in rows],
        "links": links(it.number),
    }


def items(policies: Iterable[PolicyNode], links: Links) -> list[tuple[str, InitiativeItem, Json]]:
    """Every initiative of the tree in tree order: (its focus anchor, the
    view-model item, its JSON)."""
    return [(f.anchor, it, item(it, p, d, f, links))
            for p in policies for d in p.directions for f in d.focuses for it in f.initiatives]


def tree(policies: list[PolicyNode], locale: str, links: Links) -> Json:
    return {
        "lang": locale,
        "policies": [{
            "number": p.number, "anchor": p.anchor, "prefix": p.prefix, "title": text(p.title),
            "counts": counts(p.dist),
            "directions": [{
                "number": d.number, "anchor": d.anchor, "title": text(d.title), "counts": counts(d.dist),
                "focuses": [{
                    "number": f.number, "anchor": f.anchor, "prefix": f.prefix, "title": text(f.title),
                    "initiatives": [{"number": it.number, "title": text(it.title),
                                     "achievements": it.achievements, "contributions": it.contributions,
                                     "links": links(it.number)} for it in f.initiatives],
                } for f in d.focuses],
            } for d in p.directions],
        } for p in policies],
    }


# --------------------------------------------------------------------------
# One initiative
# --------------------------------------------------------------------------


def field(fv: FieldView) -> Json:
    return {
        "name": fv.name,
        "source": fv.source_text,
        "states": fv.states,  # "machine" / "outdated" among its texts
        "fallback_langs": fv.fallback_langs,
        "blocks": [[{"kind": r.kind, "inline": r.inline, "items": [text(s) for s in r.items]}
                    for r in b.runs] for b in fv.blocks],
    }


def program(pv: ProgramView) -> Json:
    return {
        "position": pv.position, "name": text(pv.name), "measure_code": pv.measure_code,
        "ward": text(pv.ward), "bureau": text(pv.bureau),
        "achievement": pv.achievement, "achievement_text": text(pv.achievement_text),
        "contribution": pv.contribution, "contribution_text": text(pv.contribution_text),
        "fields": [field(f) for f in pv.fields],
    }


def initiative(v: InitiativeView, locale: str, links: Links) -> Json:
    return {
        "number": v.number, "lang": locale, "title": text(v.title), "has_own_title": v.has_own_title,
        "policy": crumb(v.policy), "direction": crumb(v.direction), "focus": crumb(v.focus),
        "programs": [program(p) for p in v.programs],
        "prev": v.prev_n, "next": v.next_n,
        "glossary": [{"term": t, "explanation": e} for t, e in v.glossary],
        "links": links(v.number),
    }


# --------------------------------------------------------------------------
# Search and changes
# --------------------------------------------------------------------------


def search(v: SearchView, locale: str, links: Links) -> Json:
    return {
        "lang": locale, "q": v.q, "terms": v.terms, "total": v.total, "page": v.page, "pages": v.pages,
        "results": [{
            "number": r.number, "title": text(r.title),
            "snippets": [{"field": s.field, "lang": s.lang, "text": s.text, "marks": [list(m) for m in s.marks]}
                         for s in r.snippets],
            "links": links(r.number),
        } for r in v.results],
    }


def changes(v: ChangesView, links: Links) -> Json:
    return {
        "lang": v.locale, "since": iso(v.since), "updated": iso(v.updated),
        "imports": [{"at": iso(i.at), "initiatives": i.initiatives, "programs": i.programs,
                     "changed_fields": i.changed_fields} for i in v.imports],
        "shared_texts": v.shared_texts,
        "initiatives": [{
            "number": c.number, "title": text(c.title), "removed": c.removed, "updated": iso(c.updated),
            "source_fields": c.source_fields, "translations": c.translations,
            "links": {} if c.removed else links(c.number),
        } for c in v.initiatives],
    }
