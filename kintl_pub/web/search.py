"""The search page (``/{lang}/search``, on the ``public`` blueprint): the
query string in, ``render.search.SearchView`` out; the search stage finds,
render decides what the page says."""

from __future__ import annotations

from urllib.parse import urlencode

from flask import g, request, url_for

from ..render.search import SearchQuery, search_view
from . import i18n
from .context import cached, render
from .db import db
from .public import bp


@bp.get("/<lang>/search")
@cached
def search(lang: str) -> str:
    view = search_view(db(), lang, SearchQuery.from_args(request.args.get), i18n.gettext,
                       fallback=g.fallback)

    def page_url(n: int) -> str:
        args = {k: v for k, v in request.args.items() if k != "page"}
        args["page"] = str(n)
        return url_for("public.search", lang=lang) + "?" + urlencode(args)

    return render("public/search.html", search=view, page_url=page_url)
