"""Public pages for residents, in every locale.

URLs are the DESIGN.md contract: ``/``, ``/{lang}/``,
``/{lang}/initiatives/{n}/``, ``/{lang}/search``, plus the accessibility
statement.  Every page is cacheable: it depends only on the URL, the Easy
Japanese display preferences and the store version (see ``cache.py``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    g,
    redirect,
    render_template,
    request,
    url_for,
)
from markupsafe import Markup

from .. import locales
from ..render import charts, view
from ..store.models import Program
from . import cache as cachemod
from . import db, i18n, limiter
from . import search as searchmod
from .i18n import _

bp = Blueprint("public", __name__)

LANG_COOKIE = "lang"
EASY_COOKIE = "easy"
COOKIE_AGE = 365 * 24 * 3600
STATEMENT_DATE = "2026-11-29"


# --------------------------------------------------------------------------
# Request plumbing
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Prefs:
    """Easy Japanese display preferences (cookie ``easy``: ``f1w0`` …)."""

    furigana: bool = True
    wakachi: bool = False

    @classmethod
    def from_cookie(cls, value: str | None) -> Prefs:
        if not value or not re.fullmatch(r"f[01]w[01]", value):
            return cls()
        return cls(furigana=value[1] == "1", wakachi=value[3] == "1")

    def cookie(self) -> str:
        return f"f{int(self.furigana)}w{int(self.wakachi)}"


@dataclass(frozen=True)
class Alternate:
    loc: locales.LocaleInfo
    url: str

    @property
    def hreflang(self) -> str:
        # ja-easy is Japanese for HTML; a private-use subtag keeps the two
        # Japanese versions apart for search engines.
        return "ja-x-easy" if self.loc.code == "ja-easy" else self.loc.html_lang


def cached(view_fn):  # type: ignore[no-untyped-def]
    """Let the response cache (``cache.CacheMiddleware``) keep this page: it
    depends only on the URL, the Easy Japanese prefs and the store."""

    @wraps(view_fn)
    def wrapper(*args: Any, **kwargs: Any):  # type: ignore[no-untyped-def]
        request.environ[cachemod.MARK] = True
        code = kwargs.get("lang")
        if request.blueprint == "public" and code in locales.BY_CODE:
            request.environ[cachemod.REMEMBER] = code
        return view_fn(*args, **kwargs)

    return wrapper


@bp.url_value_preprocessor
def _pull_lang(_endpoint: str | None, values: dict[str, Any] | None) -> None:
    code = (values or {}).get("lang")
    if code is None:
        code = "en"
    elif code not in locales.BY_CODE:
        abort(404)
    g.loc_code = code
    g.prefs = Prefs.from_cookie(request.cookies.get(EASY_COOKIE))
    i18n.use_locale(code)


@bp.after_request
def _remember_lang(resp: Response) -> Response:
    # Remember the reader's language for the next visit to "/".
    code = (request.view_args or {}).get("lang")
    if code in locales.BY_CODE and resp.status_code == 200 and request.cookies.get(LANG_COOKIE) != code:
        resp.set_cookie(LANG_COOKIE, code, max_age=COOKIE_AGE, samesite="Lax",
                        secure=current_app.config.get("SESSION_COOKIE_SECURE", False), httponly=True)
    if code in locales.BY_CODE:
        resp.headers.setdefault("Content-Language", locales.BY_CODE[code].html_lang)
    resp.vary.add("Cookie")
    return resp


def alternates(endpoint: str | None = None, **values: Any) -> list[Alternate]:
    """This page in every locale (for hreflang links and the language list)."""
    endpoint = endpoint or request.endpoint or "public.tree"
    args = dict(request.view_args or {}) if not values else dict(values)
    query = {k: v for k, v in request.args.items() if k in ("q", "area", "bureau", "ward",
                                                             "achievement", "contribution")}
    out = []
    for loc in locales.LOCALES:
        args["lang"] = loc.code
        url = url_for(endpoint, **args)
        if query:
            url += "?" + urlencode(query)
        out.append(Alternate(loc, url))
    return out


def _render(template: str, **ctx: Any) -> str:
    loc = locales.BY_CODE[g.loc_code]
    ctx.setdefault("alternates", alternates())
    html_class = "no-furigana" if (loc.code == "ja-easy" and not g.prefs.furigana) else ""
    return render_template(
        template, loc=loc, lang=loc.code, prefs=g.prefs, here=_here(),
        html_class=html_class, field_titles=field_titles(), **ctx,
    )


def _here() -> str:
    return request.full_path.rstrip("?") if request.query_string else request.path


def field_titles() -> dict[str, str]:
    return {
        # TRANSLATORS: heading: what the programme is about (取組の内容)
        "content": _("About this programme"),
        # TRANSLATORS: heading: what was planned for fiscal 2021 (令和3年度の取組内容)
        "plan": _("Plan for fiscal 2021"),
        # TRANSLATORS: heading: what was done (取組内容の実績等)
        "results": _("Results"),
        # TRANSLATORS: heading: why the programme got its rating (評価の理由)
        "reason": _("Reason for the rating"),
        # TRANSLATORS: heading: plans for the coming years (今後の事業の方向性)
        "future": _("Next steps"),
        "title": _("Title"),
        "name": _("Programme"),
        "ward": _("Ward"),
        "bureau": _("Bureau in charge"),
    }


# --------------------------------------------------------------------------
# Pages
# --------------------------------------------------------------------------


@bp.get("/")
def root():  # type: ignore[no-untyped-def]
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
def choose():  # type: ignore[no-untyped-def]
    alts = [Alternate(loc, url_for("public.tree", lang=loc.code)) for loc in locales.LOCALES]
    return _render("public/choose.html", alternates=alts)


@bp.get("/locales.css")
@limiter.exempt
def locale_css():  # type: ignore[no-untyped-def]
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
def tree(lang: str):  # type: ignore[no-untyped-def]
    policies = view.tree_view(db(), lang)
    scale = view.scale_labels(db(), lang)
    return _render("public/tree.html", policies=policies, charts=_charts(policies, scale))


@bp.get("/<lang>/initiatives/<int:number>/")
@limiter.exempt  # cached page: cheaper to serve than to count
@cached
def initiative(lang: str, number: int):  # type: ignore[no-untyped-def]
    ini = view.initiative_view(db(), lang, number)
    if ini is None:
        abort(404)
    base = current_app.config.get("PUBLIC_BASE_URL", "").rstrip("/")
    src = base + url_for("embed.initiative", lang=lang, number=number)
    title = f"{_('Initiative %(num)s', num=number)}: {ini.title.plain()}"
    embed_code = (
        f'<iframe src="{src}" title="{Markup.escape(title)}" width="100%" height="600" '
        f'loading="lazy"></iframe>'
    )
    return _render("public/initiative.html", ini=ini, embed_code=embed_code, public_base=base)


@bp.get("/<lang>/initiatives/<int:number>.pdf")
def initiative_pdf(lang: str, number: int):  # type: ignore[no-untyped-def]
    # The PDF renderer is a later issue; the URL is part of the contract.
    abort(404)


@bp.get("/<lang>/accessibility/")
@limiter.exempt  # cached page: cheaper to serve than to count
@cached
def accessibility(lang: str):  # type: ignore[no-untyped-def]
    return _render("public/accessibility.html", statement_date=STATEMENT_DATE)


@bp.get("/<lang>/prefs")
def prefs(lang: str):  # type: ignore[no-untyped-def]
    """Switch furigana / 分かち書き (works without JS: a link, a cookie, back)."""
    p = g.prefs
    fur = request.args.get("furigana")
    wak = request.args.get("wakachi")
    p = Prefs(
        furigana=p.furigana if fur not in ("0", "1") else fur == "1",
        wakachi=p.wakachi if wak not in ("0", "1") else wak == "1",
    )
    nxt = request.args.get("next", "")
    # only same-site paths: no open redirect
    if not nxt.startswith(f"/{lang}/") or "//" in nxt or "\\" in nxt:
        nxt = url_for("public.tree", lang=lang)
    resp = redirect(nxt, code=303)
    resp.set_cookie(EASY_COOKIE, p.cookie(), max_age=COOKIE_AGE, samesite="Lax", httponly=True,
                    secure=current_app.config.get("SESSION_COOKIE_SECURE", False))
    return resp


# --------------------------------------------------------------------------
# Search
# --------------------------------------------------------------------------


@dataclass
class Snippet:
    field: str
    lang: str
    html: Markup

    @property
    def html_lang(self) -> str:
        return locales.BY_CODE[self.lang].html_lang


@dataclass
class Result:
    number: int
    title: view.Shown
    snippets: list[Snippet]


@bp.get("/<lang>/search")
@cached
def search(lang: str):  # type: ignore[no-untyped-def]
    session = db()
    q = request.args.get("q", "")[: searchmod.MAX_QUERY]
    terms = searchmod.terms_of(q)
    f = {k: request.args.get(k, "").strip()[:100] for k in
         ("area", "bureau", "ward", "achievement", "contribution")}
    try:
        page = max(1, int(request.args.get("page", "1")))
    except ValueError:
        page = 1
    policies = view.load_tree(session)
    res = view.Resolver(session, lang)
    options = _filter_options(policies, res)
    filters_active = any(f.values())
    searched = bool(terms) or filters_active

    # initiative number → its programmes and tree path (for filtering)
    meta: dict[int, tuple[str, list[Program], Any]] = {}
    for p in policies:
        for d in p.directions:
            for fo in d.focuses:
                for i in fo.initiatives:
                    meta[i.number] = (f"p{p.number}-d{d.number}-f{fo.number}", i.programs, i)
    found = searchmod.find(session, lang, terms) if terms else None
    numbers = sorted(found.hits) if found else sorted(meta)
    numbers = [n for n in numbers if n in meta and _passes(meta[n], f)] if searched else []

    total = len(numbers)
    pages = max(1, math.ceil(total / searchmod.PAGE_SIZE))
    page = min(page, pages)
    shown_numbers = numbers[(page - 1) * searchmod.PAGE_SIZE : page * searchmod.PAGE_SIZE]
    res.load(view._ini_title_source(meta[n][2]) for n in shown_numbers)
    results = []
    for n in shown_numbers:
        snippets = []
        for h in (found.hits[n] if found else [])[:3]:
            snippets.append(Snippet(h.field, h.lang, searchmod.highlight(h.body, terms)))
        title = res.get(view._ini_title_source(meta[n][2])) or view.Shown("", "", "source", lang)
        results.append(Result(n, title, snippets))

    def page_url(n: int) -> str:
        args = {k: v for k, v in request.args.items() if k != "page"}
        args["page"] = str(n)
        return url_for("public.search", lang=lang) + "?" + urlencode(args)

    return _render(
        "public/search.html", q=q, terms=terms, f=f, options=options, searched=searched,
        filters_active=filters_active, results=results, total=total, page=page, pages=pages,
        first=(page - 1) * searchmod.PAGE_SIZE + 1, page_url=page_url,
    )


def _passes(meta: tuple[str, list[Program], Any], f: dict[str, str]) -> bool:
    path, programs, _ini = meta
    if f["area"] and not (path == f["area"] or path.startswith(f["area"] + "-")):
        return False
    want_prog = any(f[k] for k in ("bureau", "ward", "achievement", "contribution"))
    if not want_prog:
        return True
    for p in programs:
        if f["bureau"] and (p.bureau or "") != f["bureau"]:
            continue
        if f["ward"] and (p.ward or "") != f["ward"]:
            continue
        if f["achievement"] and str(p.achievement) != f["achievement"]:
            continue
        if f["contribution"] and (p.contribution or "") != f["contribution"]:
            continue
        return True
    return False


@dataclass
class Option:
    value: str
    label: str
    lang: str


def _filter_options(policies: list, res: view.Resolver) -> dict[str, list]:  # type: ignore[type-arg]
    bureaus: set[str] = set()
    wards: set[str] = set()
    for fo in view.focuses_of(policies):
        for i in fo.initiatives:
            for pr in i.programs:
                if pr.bureau:
                    bureaus.add(pr.bureau)
                if pr.ward:
                    wards.add(pr.ward)
    res.load(view.heading_sources(policies) + sorted(bureaus) + sorted(wards))

    def opt(value: str, prefix: str, src: str) -> Option:
        s = res.get(src)
        assert s is not None
        return Option(value, (prefix + s.plain()).strip(), s.html_lang)

    area = []
    for p in policies:
        area.append(opt(f"p{p.number}", _("Policy %(num)s", num=view.ROMAN[p.number - 1]) + ": ",
                        p.title.strip()))
        for d in p.directions:
            area.append(opt(f"p{p.number}-d{d.number}", "— " + _("Direction %(num)s", num=d.number) + ": ",
                            d.title.strip()))
            for fo in d.focuses:
                area.append(opt(f"p{p.number}-d{d.number}-f{fo.number}",
                                "—— " + view.CIRCLED[fo.number - 1] + " ", fo.title.strip()))
    return {
        "area": area,
        "bureau": sorted((opt(b, "", b) for b in bureaus), key=lambda o: o.label),
        "ward": sorted((opt(w, "", w) for w in wards), key=lambda o: o.value),
        "achievement": list(view.ACHIEVEMENT_VALUES),
        "contribution": list(view.CONTRIBUTION_VALUES),
    }


# --------------------------------------------------------------------------
# Charts
# --------------------------------------------------------------------------


@dataclass
class LegendItem:
    value: str
    cls: str
    label: view.Shown | None


@dataclass
class TableRow:
    label: str
    title: view.Shown | None
    cells: list[int]
    total: int


@dataclass
class Chart:
    id: str
    title: str
    group_header: str
    svg: Markup
    legend: list[LegendItem]
    rows: list[TableRow]


def _charts(policies: list[view.PolicyNode], scale: dict[str, view.Shown]) -> list[Chart]:
    out = []
    levels = [
        ("policy", [(_("Policy %(num)s", num=p.prefix), p.title, p.dist) for p in policies],
         # TRANSLATORS: column header of a chart table: the policy
         _("Policy")),
        # directions are numbered within their policy: "Direction Ⅱ-1"
        ("direction", [(_("Direction %(num)s", num=f"{p.prefix}-{d.number}"), d.title, d.dist)
                       for p in policies for d in p.directions],
         # TRANSLATORS: column header of a chart table: the direction
         _("Direction")),
    ]
    for level, groups, header in levels:
        for metric, values in (("achievement", view.ACHIEVEMENT_VALUES),
                               ("contribution", view.CONTRIBUTION_VALUES)):
            counters: list[Counter] = [getattr(dist, metric) for _l, _t, dist in groups]  # type: ignore[type-arg]
            order: list[Any] = list(values)
            if any(c.get(None) for c in counters):
                order.append(None)
            if metric == "achievement":
                title = (_("Achievement by policy") if level == "policy"
                         else _("Achievement by direction"))
            else:
                title = (_("Contribution by policy") if level == "policy"
                         else _("Contribution by direction"))
            cid = f"chart-{metric}-{level}"
            svg = charts.stacked_bars(
                cid + "-svg", title, [charts.Row(lbl, c) for (lbl, _t, _d), c in zip(groups, counters, strict=True)],
                values,
            )
            legend = [
                LegendItem(_("not rated") if v is None else str(v),
                           "v-none" if v is None else f"v-{str(v).lower()}",
                           scale.get(f"{metric}:{v}") if v is not None else None)
                for v in order
            ]
            rows = [
                TableRow(lbl, t, [c.get(v, 0) for v in order], sum(c.get(v, 0) for v in order))
                for (lbl, t, _d), c in zip(groups, counters, strict=True)
            ]
            out.append(Chart(cid, title, header, svg, legend, rows))
    return out


# --------------------------------------------------------------------------
# Errors: a page in the reader's language, with a way back
# --------------------------------------------------------------------------


def not_found(_exc: Exception):  # type: ignore[no-untyped-def]
    code = (request.view_args or {}).get("lang") if request.view_args else None
    if code not in locales.BY_CODE:
        first = request.path.strip("/").split("/", 1)[0]
        if request.path.startswith("/embed/"):
            first = request.path.split("/")[2] if len(request.path.split("/")) > 2 else ""
        code = first if first in locales.BY_CODE else "en"
    g.loc_code = code
    g.prefs = Prefs.from_cookie(request.cookies.get(EASY_COOKIE))
    i18n.use_locale(code)
    alts = [Alternate(loc, url_for("public.tree", lang=loc.code)) for loc in locales.LOCALES]
    return _render("public/error.html", alternates=alts), 404
