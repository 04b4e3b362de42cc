"""The request context every blueprint shares: the reader's language and
Easy Japanese preferences, the cookies that keep them, which pages the
response cache may keep, links to the page in other languages, the template
render helper, and the security headers (the CSP is written here once).

A blueprint whose URLs carry ``<lang>`` calls :func:`localized` once; its
views call :func:`render`.  The ``api``, ``workspace`` and ``auth``
blueprints get the security headers from the app as well
(``security_headers``); only ``embed`` may be framed (``FRAMEABLE``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any, ParamSpec, TypeVar
from urllib.parse import urlencode

from flask import (
    Blueprint,
    abort,
    current_app,
    g,
    has_request_context,
    render_template,
    request,
    url_for,
)
from markupsafe import Markup
from werkzeug.routing import BaseConverter
from werkzeug.wrappers import Response

from .. import locales
from ..catalogs.states import Shown
from ..render.fields import field_titles
from ..render.initiative import InitiativeView, initiative_view, initiative_views
from ..render.search import QUERY_ARGS
from ..render.shown import shown_html
from . import i18n
from .db import db

LANG_COOKIE = "lang"  # the reader's language, for the next visit to "/"
EASY_COOKIE = "easy"  # Easy Japanese display preferences (Prefs.cookie())
FALLBACK_COOKIE = "fallback"  # the reader's language for untranslated text (a URL code)
COOKIE_AGE = 365 * 24 * 3600

# WSGI environ keys: views mark what the response cache (cache.py) may keep
MARK = "kintl.cacheable"
REMEMBER = "kintl.remember_lang"  # the URL's lang, re-set in the cookie on a hit

P = ParamSpec("P")
R = TypeVar("R")

#: Blueprints whose pages other sites may frame (frame-ancestors EMBED_ORIGINS).
FRAMEABLE = frozenset({"embed"})

_CSP = (
    ("default-src", "'self'"),
    ("img-src", "'self' data:"),
    ("style-src", "'self'"),
    ("script-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)


# --------------------------------------------------------------------------
# Parameters, checked once at the edge
# --------------------------------------------------------------------------

#: An initiative number in a URL: ASCII digits, no leading zero, at most five
#: (Werkzeug's ``int`` takes any script's digits (１, ١) and any length: a
#: 21-digit number overflowed the database driver → 500).
NUMBER_PATTERN = r"[1-9][0-9]{0,4}"
#: The longest query value read (a search query is cut far shorter).
MAX_ARG = 2000
# Characters no query name or value holds: C0/C1 controls (a NUL broke the
# search, CR LF in ``next`` a header), the Unicode line separators.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
#: the same without TAB: a query value may hold one (the workspace names a
#: data-file row by its key columns joined with TAB, e.g. 実施<TAB>verb)
_CONTROL_IN_QUERY = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")


class InitiativeNumber(BaseConverter):
    """``<num:number>``: :data:`NUMBER_PATTERN`, as an int."""

    regex = NUMBER_PATTERN

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: object) -> str:
        return str(int(value))  # type: ignore[call-overload]


def check_request() -> None:
    """Every request (``app.before_request``): query names and values are
    text of a sane length without control characters (TAB allowed in a
    value); else 400."""
    for key, value in request.args.items(multi=True):
        if (len(key) > MAX_ARG or len(value) > MAX_ARG or _CONTROL.search(key)
                or _CONTROL_IN_QUERY.search(value)):
            abort(400)


def safe_next(value: str | None, lang: str) -> str:
    """A same-site path in ``lang`` to go back to, or the home page: no other
    site (no open redirect), no whitespace or control character (no header
    injection)."""
    if (value and value.startswith(f"/{lang}/") and "//" not in value and "\\" not in value
            and not any(c.isspace() for c in value) and not _CONTROL.search(value)):
        return value
    return url_for("public.tree", lang=lang)


# --------------------------------------------------------------------------
# Language and preferences
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


#: Every valid ``easy`` cookie value.
PREFS_VALUES = frozenset(Prefs(f, w).cookie() for f in (False, True) for w in (False, True))


def fallback_choice(code: str, cookie: str | None) -> str | None:
    """The reader's choice of language for untranslated text on a ``code``
    page: the cookie's value when it is one of the page's options, else None
    (the locale table's chain)."""
    return cookie if cookie and cookie in locales.fallback_options(code) else None


def use_lang(code: str) -> None:
    """This request is in locale ``code``: its UI catalog and the reader's prefs."""
    g.loc_code = code
    g.prefs = Prefs.from_cookie(request.cookies.get(EASY_COOKIE))
    g.fallback = fallback_choice(code, request.cookies.get(FALLBACK_COOKIE))
    i18n.use_locale(code)


def localized(bp: Blueprint, *, default: str | None = None, remember: bool = False) -> None:
    """Take every ``bp`` request's locale from its ``<lang>`` (404 for an
    unknown one; ``default`` where a URL has none) and send ``Content-Language``.
    With ``remember``, a page read in a locale keeps it in the ``lang`` cookie."""

    @bp.url_value_preprocessor
    def _pull_lang(_endpoint: str | None, values: dict[str, Any] | None) -> None:
        code = (values or {}).get("lang")
        if code is None and default is not None:
            code = default
        elif code not in locales.BY_CODE:
            abort(404)
        use_lang(code)
        g.remember_lang = remember

    @bp.after_request
    def _lang_headers(resp: Response) -> Response:
        loc = locales.BY_CODE.get(str((request.view_args or {}).get("lang")))
        if remember and loc and resp.status_code == 200 and request.cookies.get(LANG_COOKIE) != loc.code:
            set_cookie(resp, LANG_COOKIE, loc.code)
        if loc:
            resp.headers.setdefault("Content-Language", loc.html_lang)
        if remember:
            resp.vary.add("Cookie")
        return resp


def set_cookie(resp: Response, name: str, value: str) -> None:
    resp.set_cookie(name, value, max_age=COOKIE_AGE, samesite="Lax", httponly=True,
                    secure=current_app.config.get("SESSION_COOKIE_SECURE", False))


def cached(view_fn: Callable[P, R]) -> Callable[P, R]:
    """Let the response cache (``cache.CacheMiddleware``) keep this page: it
    depends only on the URL, the Easy Japanese prefs and the store."""

    @wraps(view_fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        request.environ[MARK] = True
        code = kwargs.get("lang")
        if g.get("remember_lang") and code in locales.BY_CODE:
            request.environ[REMEMBER] = code
        return view_fn(*args, **kwargs)

    return wrapper


# --------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Alternate:
    loc: locales.LocaleInfo
    url: str

    @property
    def hreflang(self) -> str:
        # ja-easy is Japanese for HTML; a private-use subtag keeps the two
        # Japanese versions apart for search engines.
        return "ja-x-easy" if self.loc.code == locales.EASY.code else self.loc.html_lang


def alternate_links() -> list[Alternate]:
    """This page in every locale (for hreflang links and the language list)."""
    endpoint = request.endpoint or "public.tree"
    args = dict(request.view_args or {})
    query = {k: v for k, v in request.args.items() if k in QUERY_ARGS}
    out = []
    for loc in locales.LOCALES:
        args["lang"] = loc.code
        url = url_for(endpoint, **args)
        if query:
            url += "?" + urlencode(query)
        out.append(Alternate(loc, url))
    return out


def languages() -> list[Alternate]:
    """The home page in every locale (a page with no locale of its own)."""
    return [Alternate(loc, url_for("public.tree", lang=loc.code)) for loc in locales.LOCALES]


def page_view(lang: str, number: int, fallback: str | None = None) -> InitiativeView | None:
    """The initiative's view model for a page (public or embed).  A static
    export renders every page of a locale: there all of them are resolved
    at once (one query per table, not per page) and kept for the run
    (``exports.memo``)."""
    from . import exports

    if not current_app.config.get("STATIC_EXPORT") or fallback:
        return initiative_view(db(), lang, number, fallback=fallback)
    memo = exports.memo(current_app)
    views = memo.get(("initiative_views", lang))
    if views is None:
        views = memo[("initiative_views", lang)] = {v.number: v for v in initiative_views(db(), lang)}
    assert isinstance(views, dict)
    return views.get(number)


def public_base() -> str:
    """The site's public address (for embed codes and oEmbed), no trailing /,
    to put before a ``url_for`` path: ``PUBLIC_BASE_URL``, else the scheme
    and host this request came to (a server on port 8123 hands out snippets
    for port 8123; the response cache then keys on the host,
    ``cache.CacheMiddleware``).  For a site served under a sub-path
    (``https://…/kokusai``, the app's script root: a static export with
    ``--base-url``) the path is left off, as ``url_for`` already begins with it."""
    configured = str(current_app.config.get("PUBLIC_BASE_URL") or "").rstrip("/")
    if not has_request_context():
        return configured
    if not configured:
        return request.host_url.rstrip("/")
    root = request.script_root
    return configured[: -len(root)] if root and configured.endswith(root) else configured


def here() -> str:
    return request.full_path.rstrip("?") if request.query_string else request.path


def render(template: str, *, alternates: list[Alternate] | None = None, **ctx: Any) -> str:
    """A template with what every page shows: the locale, the prefs, this
    page in other languages, the field headings."""
    loc = locales.BY_CODE[g.loc_code]
    html_class = "no-furigana" if (loc.code == locales.EASY.code and not g.prefs.furigana) else ""
    # a static export has no server to keep a choice: the locale table's chain
    options = () if current_app.config.get("STATIC_EXPORT") else locales.fallback_options(loc.code)
    return render_template(
        template, loc=loc, lang=loc.code, prefs=g.prefs, here=here(), html_class=html_class,
        field_titles=field_titles(i18n.gettext),
        fallback_options=[locales.BY_CODE[c] for c in options],
        fallback_current=locales.fallback_chain(loc.code, g.get("fallback"))[0] if options else None,
        alternates=alternate_links() if alternates is None else alternates, **ctx,
    )


def shown_filter(shown: Shown) -> Markup:
    """Jinja ``shown_html``: a shown text honouring the reader's Easy Japanese
    prefs; a glossed word is explained the first time it appears on the page."""
    seen = g.setdefault("easy_glossed", set())
    prefs = g.get("prefs")
    if prefs is None:
        return shown_html(shown, seen=seen)
    return shown_html(shown, furigana=prefs.furigana, wakachi=prefs.wakachi, seen=seen)


# --------------------------------------------------------------------------
# Security headers
# --------------------------------------------------------------------------


def csp(frame_ancestors: str = "'none'") -> str:
    """The Content-Security-Policy: no inline code, nothing from elsewhere."""
    return "; ".join(f"{k} {v}" for k, v in (*_CSP, ("frame-ancestors", frame_ancestors)))


def frame_ancestors() -> str:
    """Who may frame an embed: the site itself and ``EMBED_ORIGINS``."""
    origins = [o for o in current_app.config.get("EMBED_ORIGINS", [])
               if o.startswith(("https://", "http://"))]
    return " ".join(["'self'", *origins])


#: Browser features the site never uses, switched off for it and anything it frames.
PERMISSIONS_POLICY = ", ".join(f"{f}=()" for f in (
    "accelerometer", "autoplay", "browsing-topics", "camera", "display-capture", "encrypted-media",
    "fullscreen", "geolocation", "gyroscope", "hid", "magnetometer", "microphone", "midi", "payment",
    "picture-in-picture", "publickey-credentials-get", "screen-wake-lock", "serial", "usb",
    "xr-spatial-tracking",
))
#: HTTPS only, for a year, once the site says it is served over HTTPS (KINTL_SECURE_COOKIES=1).
HSTS = "max-age=31536000"


def security_headers(resp: Response) -> Response:
    """Every response (``app.after_request``)."""
    resp.headers.setdefault("X-Content-Type-Options", "nosniff")
    resp.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    resp.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
    if current_app.config.get("SESSION_COOKIE_SECURE"):
        resp.headers.setdefault("Strict-Transport-Security", HSTS)
    if request.blueprint in FRAMEABLE:
        resp.headers["Content-Security-Policy"] = csp(frame_ancestors())
        resp.headers.pop("X-Frame-Options", None)  # it would veto frame-ancestors
    else:
        resp.headers.setdefault("Content-Security-Policy", csp())
        resp.headers.setdefault("X-Frame-Options", "DENY")
    return resp
