"""The API's GET operations (``/api/v1/…``): parameters in, the pages' view
models rendered as JSON (``render.api``) out.  No query here decides what a
text says; the view models do."""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Blueprint, request, url_for
from werkzeug.wrappers import Response

from ... import locales
from ...catalogs.stats import counts
from ...render import api as render
from ...render.changes import changes_view
from ...render.search import Filters, SearchQuery, search_view
from ...render.tree import tree_view
from .. import i18n
from ..context import cached
from ..db import db
from . import memo
from .http import BadParameter, bad_parameter, document, problem
from .openapi import spec
from .params import FILTERS, Params

bp = Blueprint("api", __name__, url_prefix="/api/v1")


@bp.errorhandler(BadParameter)
def _bad_parameter(exc: BadParameter) -> Response:
    return bad_parameter(exc)


def links_for(lang: str) -> render.Links:
    def links(n: int) -> dict[str, str]:
        return {"self": url_for("api.initiative", number=n, lang=lang),
                "html": url_for("public.initiative", lang=lang, number=n),
                "pdf": url_for("public.initiative_pdf", lang=lang, number=n),
                "embed": url_for("embed.initiative", lang=lang, number=n)}
    return links


def _params(*allowed: str) -> Params:
    return Params(request.args, allowed)


def _page_links(endpoint: str, total: int, limit: int, offset: int, by_page: bool) -> dict[str, str | None]:
    """self / next / prev of a paged list, keeping the request's other parameters."""
    keep = {k: v for k, v in request.args.items() if k not in ("offset", "page")}

    def at(off: int) -> str:
        where = {"page": str(off // limit + 1)} if by_page else ({"offset": str(off)} if off else {})
        args = {**keep, **where}
        return url_for(endpoint) + ("?" + urlencode(args) if args else "")

    return {"self": at(offset),
            "next": at(offset + limit) if offset + limit < total else None,
            "prev": at(max(0, offset - limit)) if offset > 0 else None}


@bp.get("/")
@cached
def index() -> Response:
    return document({
        "openapi": url_for("api.openapi"),
        "operations": {name: url_for(f"api.{name}") for name in
                       ("initiatives", "tree", "locales", "search", "changes")},
        "feeds": {loc.code: url_for("feed.changes", lang=loc.code) for loc in locales.LOCALES},
    })


@bp.get("/openapi.json")
@cached
def openapi() -> Response:
    return document(spec())


@bp.get("/initiatives")
@cached
def initiatives() -> Response:
    a = _params("lang", *FILTERS, "limit", "offset", "page")
    lang, filters, paging = a.lang(), Filters(**a.filters()), a.paging()
    found = [doc for anchor, it, doc in render.items(tree_view(db(), lang), links_for(lang))
             if filters.admit_rows(anchor, zip(
                 [b.source if b else None for b in it.bureaus], [w.source if w else None for w in it.wards],
                 it.achievements, it.contributions, strict=True))]
    page = found[paging.offset : paging.offset + paging.limit]
    return document({
        "lang": lang, "total": len(found), "limit": paging.limit, "offset": paging.offset,
        "items": page,
        "links": _page_links("api.initiatives", len(found), paging.limit, paging.offset, paging.by_page),
    })


@bp.get("/initiatives/<num:number>")
@cached
def initiative(number: int) -> Response:
    lang = _params("lang").lang()
    view = memo.initiative(lang, number)
    if view is None:
        return problem(404, f"There is no initiative {number}.")
    return document(render.initiative(view, lang, links_for(lang)))


@bp.get("/tree")
@cached
def tree() -> Response:
    lang = _params("lang").lang()
    return document(render.tree(tree_view(db(), lang), lang, links_for(lang)))


@bp.get("/locales", endpoint="locales")
@cached
def locales_() -> Response:
    """Every locale with its catalog coverage: how many source texts are in
    each stored state (``State``; ``untranslated`` = no text yet)."""
    _params()
    stats = counts(db())
    out = []
    for loc in locales.LOCALES:
        c = stats.get(loc.code)
        out.append({
            "code": loc.code, "html_lang": loc.html_lang, "name": loc.native_name,
            "english_name": loc.english_name, "script": loc.script, "direction": loc.direction,
            "source": loc.code == locales.SOURCE.code, "machine_translation": loc.argos is not None
            and loc.code != locales.SOURCE.code,
            "fallback": list(locales.fallback_chain(loc.code)) if loc.code != locales.SOURCE.code else [],
            "coverage": None if c is None else {"total": sum(c.values()), **{str(k): v for k, v in c.items()}},
            "links": {"tree": url_for("api.tree", lang=loc.code), "html": url_for("public.tree", lang=loc.code),
                      "feed": url_for("feed.changes", lang=loc.code)},
        })
    return document({"locales": out})


@bp.get("/search")
@cached
def search() -> Response:
    a = _params("q", "lang", "page", *FILTERS)
    lang, q = a.lang(), a.query()
    page = a.integer("page", 1, 10000) or 1
    query = SearchQuery(q, Filters(**a.filters()), page)
    i18n.use_locale(lang)  # the view's filter labels
    view = search_view(db(), lang, query, i18n.gettext)
    doc = render.search(view, lang, links_for(lang))
    keep = {k: v for k, v in request.args.items() if k != "page"}

    def at(n: int) -> str:
        return url_for("api.search") + "?" + urlencode({**keep, "page": str(n)})

    doc["links"] = {"self": at(view.page), "next": at(view.page + 1) if view.page < view.pages else None,
                    "prev": at(view.page - 1) if view.page > 1 else None}
    return document(doc)


@bp.get("/changes")
@cached
def changes() -> Response:
    a = _params("since", "lang")
    since, lang = a.since(), a.lang()
    return document(render.changes(changes_view(db(), lang, since), links_for(lang)))

