"""Public pages for residents, in every locale (blueprint ``public``).

URLs are the DESIGN.md contract: ``/``, ``/{lang}/``,
``/{lang}/initiatives/{n}/``, the accessibility statement and the display
preferences; ``/{lang}/search`` is on this blueprint too (``search.py``).
Every page is cacheable: it depends only on the URL, the Easy Japanese
display preferences and the store version (see ``cache.py``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from flask import (
    Blueprint,
    Flask,
    Response,
    abort,
    current_app,
    g,
    redirect,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from sqlalchemy import select
from werkzeug.wrappers import Response as BaseResponse

from .. import locales
from ..render.tree import tree_page
from ..store.models import Initiative
from . import exports, i18n, limiter
from .context import (
    EASY_COOKIE,
    FALLBACK_COOKIE,
    LANG_COOKIE,
    Prefs,
    cached,
    languages,
    localized,
    page_view,
    public_base,
    render,
    safe_next,
    set_cookie,
)
from .db import db

bp = Blueprint("public", __name__)
localized(bp, default="en", remember=True)

STATEMENT_DATE = "2026-11-29"


@bp.get("/")
def root() -> BaseResponse | str:
    """Saved choice, then Accept-Language; else a language list (never a dead end)."""
    code = request.cookies.get(LANG_COOKIE)
    if code not in locales.BY_CODE:
        code = locales.negotiate(request.headers.get("Accept-Language"), default="")
    if code:
        resp = redirect(url_for("public.tree", lang=code), code=302)
        resp.vary.add("Accept-Language")
        resp.vary.add("Cookie")
        return resp
    return choose()


@bp.get("/choose-language/")
def choose() -> str:
    return render("public/choose.html", alternates=languages())


@bp.get("/locales.css")
@limiter.exempt
def locale_css() -> Response:
    """Per-script font stacks from the one locale table, by ``:lang()`` so a
    Japanese segment inside an English page gets a Japanese font too."""
    rules = []
    seen: set[str] = set()
    for loc in locales.LOCALES:
        if loc.html_lang in seen:
            continue
        seen.add(loc.html_lang)
        rules.append(f":lang({loc.html_lang}) {{ font-family: {loc.font_stack}; }}")
    resp = Response("\n".join(rules) + "\n", mimetype="text/css")
    resp.cache_control.public = True
    resp.cache_control.max_age = 3600
    return resp


@bp.get("/<lang>/")
@limiter.exempt  # cached page: cheaper to serve than to count
@cached
def tree(lang: str) -> str:
    page = tree_page(db(), lang, i18n.gettext, fallback=g.fallback)
    return render("public/tree.html", policies=page.policies, charts=page.charts)


@bp.get("/<lang>/initiatives/<num:number>/")
@limiter.exempt  # cached page: cheaper to serve than to count
@cached
def initiative(lang: str, number: int) -> ResponseReturnValue:
    ini = page_view(lang, number, g.fallback)
    if ini is None:
        abort(404)
    # a static export re-renders only the pages whose content changed
    tag = exports.etag(current_app, request.script_root, request.path, public_base(), ini)
    if tag and request.if_none_match.contains(tag):
        return "", 304, {"ETag": f'"{tag}"'}
    page = render(
        "public/initiative.html", ini=ini, public_base=public_base(),
        # DESIGN.md's URL for the PDF: the page's address with ".pdf" for its final "/"
        pdf_url=url_for("public.initiative_pdf", lang=lang, number=number),
        pagefind_body=True,  # what the static export's search indexes (export.pagefind)
    )
    return page, 200, ({"ETag": f'"{tag}"'} if tag else {})


@bp.get("/<lang>/accessibility/")
@limiter.exempt  # cached page: cheaper to serve than to count
@cached
def accessibility(lang: str) -> str:
    return render("public/accessibility.html", statement_date=STATEMENT_DATE, pagefind_body=True)


@bp.get("/<lang>/prefs")
def prefs(lang: str) -> BaseResponse:
    """Switch furigana / 分かち書き, or the language untranslated text is shown
    in (works without JS: a link, a cookie, back)."""
    p = g.prefs
    fur = request.args.get("furigana")
    wak = request.args.get("wakachi")
    p = Prefs(
        furigana=p.furigana if fur not in ("0", "1") else fur == "1",
        wakachi=p.wakachi if wak not in ("0", "1") else wak == "1",
    )
    resp = redirect(safe_next(request.args.get("next"), lang), code=303)
    choice = request.args.get("fallback")
    if choice is None or fur is not None or wak is not None:
        set_cookie(resp, EASY_COOKIE, p.cookie())
    if choice is not None and choice in locales.fallback_options(lang):
        set_cookie(resp, FALLBACK_COOKIE, choice)
    return resp


def export_documents(app: Flask) -> Iterator[tuple[str, str]]:
    """``build-static``'s public documents: the language list (also the
    site root: a static host cannot read Accept-Language), every page of
    every locale, the search page (Pagefind in static mode), the 404 page,
    the stylesheets."""
    session = app.extensions["kintl_sessions"]()
    try:
        numbers = list(session.scalars(select(Initiative.number).order_by(Initiative.number)))
    finally:
        session.close()
    with app.test_request_context():
        choose_url = url_for("public.choose")
        yield choose_url, "index.html"
        yield choose_url, "choose-language/index.html"
        # the not-found page (in English: a static host has one for every path)
        yield url_for("public.tree", lang="en") + "initiatives/0/", "404.html"
        yield url_for("public.locale_css"), "locales.css"
        for loc in locales.LOCALES:
            pages = [url_for("public.tree", lang=loc.code),
                     url_for("public.accessibility", lang=loc.code),
                     *(url_for("public.initiative", lang=loc.code, number=n) for n in numbers)]
            for page in pages:
                yield page, page.lstrip("/") + "index.html"
            # "/en/search" is a folder on a static host (it redirects to "…/search/")
            search = url_for("public.search", lang=loc.code)
            yield search, search.lstrip("/") + "/index.html"
        static = Path(app.static_folder or "static")
        for path in sorted(p for p in static.rglob("*") if p.is_file()):
            rel = path.relative_to(static).as_posix()
            yield url_for("static", filename=rel), "static/" + rel
