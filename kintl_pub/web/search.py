"""The search page (``/{lang}/search``, on the ``public`` blueprint): the
query string in, ``render.search.SearchView`` out; the search stage finds,
render decides what the page says.  In a static export (``STATIC_EXPORT``)
the page is Pagefind's browser search instead."""

from __future__ import annotations

from urllib.parse import urlencode

from flask import current_app, g, request, url_for

from ..render.search import SearchQuery, search_view
from . import i18n
from .context import cached, csp, render
from .db import db
from .public import bp


@bp.get("/<lang>/search")
@cached
def search(lang: str) -> str:
    if current_app.config.get("STATIC_EXPORT"):
        return _static_search(lang)
    view = search_view(db(), lang, SearchQuery.from_args(request.args.get), i18n.gettext,
                       fallback=g.fallback)

    def page_url(n: int) -> str:
        args = {k: v for k, v in request.args.items() if k != "page"}
        args["page"] = str(n)
        return url_for("public.search", lang=lang) + "?" + urlencode(args)

    return render("public/search.html", search=view, page_url=page_url)


def _static_search(lang: str) -> str:
    """The static export's search page: Pagefind's UI over the export's
    index (``web.export.pagefind``), in the page's locale; a note when
    JavaScript is off.  Pagefind runs WebAssembly: the page's own CSP adds
    ``'wasm-unsafe-eval'`` (a static host may send no CSP of its own)."""
    policy = csp().replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'")
    # frame-ancestors is ignored (and warned about) in a <meta> policy
    policy = "; ".join(p for p in policy.split("; ") if not p.startswith("frame-ancestors"))
    root = request.script_root
    return render("public/search.html", static_search=True, meta_csp=policy,
                  pagefind=f"{root}/pagefind/", site_root=f"{root}/")
