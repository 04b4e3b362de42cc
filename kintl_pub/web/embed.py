"""Embeddable pages for the city's own site (``/embed/…``: an initiative, a
focus area's initiatives), the script that sizes them (``/embed.js``), the
copy-paste snippets the public pages show, and oEmbed (``/oembed``), which
hands a CMS the same snippet for a page address.

Minimal chrome, and the only pages that may be framed: ``frame-ancestors``
lists the origins in ``EMBED_ORIGINS`` (``context.FRAMEABLE``).  Auto-height:
an embed page runs ``static/embed-frame.js`` (posts its height to the
parent); the host page runs ``static/embed.js`` (resizes the iframes it
manages); the protocol is written in ``embed.js`` and the README.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from flask import Blueprint, Flask, Response, abort, current_app, jsonify, request, url_for
from markupsafe import escape
from sqlalchemy import select
from werkzeug.wrappers import Response as BaseResponse

from .. import locales
from ..render.initiative import InitiativeView, initiative_view
from ..render.shown import Shown
from ..render.tree import focus_keys, focus_view
from ..store.models import Initiative
from . import exports, i18n, limiter
from .context import NUMBER_PATTERN, Alternate, cached, localized, page_view, public_base, render
from .db import db

bp = Blueprint("embed", __name__, url_prefix="/embed")
localized(bp)

#: The iframe's height without /embed.js (it scrolls inside).
DEFAULT_HEIGHT = 600
SCRIPT_FILE = "embed.js"  # in the static folder; served at /embed.js
SCRIPT_MAX_AGE = 365 * 24 * 3600  # the snippet's URL carries the file's hash


# --------------------------------------------------------------------------
# Titles and the snippet
# --------------------------------------------------------------------------


def embed_title(ini: InitiativeView) -> str:
    """The iframe's accessible name: "Initiative 12: <title>"."""
    return f"{i18n.gettext('Initiative %(num)s', num=ini.number)}: {ini.title.plain()}"


def focus_title(prefix: str, title: Shown | None) -> str:
    """The focus embed's accessible name: "Focus area ③: <title>"."""
    # TRANSLATORS: %(mark)s is a circled number ①-⑨; the focus area's title follows
    head = i18n.gettext("Focus area %(mark)s", mark=prefix)
    return f"{head}: {title.plain()}" if title else head


_script_cache: dict[tuple[str, int], tuple[bytes, str]] = {}


def script_file() -> tuple[bytes, str]:
    """``embed.js``'s bytes and their Subresource Integrity hash (sha384),
    read once per file version."""
    path = Path(current_app.static_folder or "static") / SCRIPT_FILE
    key = (str(path), path.stat().st_mtime_ns)
    got = _script_cache.get(key)
    if got is None:
        body = path.read_bytes()
        got = body, "sha384-" + base64.b64encode(hashlib.sha384(body).digest()).decode("ascii")
        _script_cache.clear()
        _script_cache[key] = got
    return got


def script_url() -> str:
    """``/embed.js`` with a version from its hash: a changed file is a new
    URL, so a long cache never pairs an old file with a new integrity hash."""
    _body, sri = script_file()
    version = hashlib.sha256(sri.encode()).hexdigest()[:10]
    return public_base() + url_for("oembed.script", v=version)


def iframe_code(src: str, title: str, *, width: int | str, height: int) -> str:
    """The HTML a web editor pastes (as text: the page that shows it escapes
    it): the iframe, and the script that sizes it (integrity-checked)."""
    _body, sri = script_file()
    return (f'<iframe src="{escape(src)}" title="{escape(title)}" width="{width}" '
            f'height="{height}" loading="lazy" data-kintl-embed></iframe>\n'
            f'<script src="{escape(script_url())}" integrity="{sri}" crossorigin="anonymous" async></script>')


def embed_snippet(endpoint: str, title: str, **values: Any) -> str:
    """Jinja ``embed_snippet``: the snippet for the embed page ``endpoint``
    (``embed.initiative`` / ``embed.focus``), full width."""
    src = public_base() + url_for(endpoint, **values)
    return iframe_code(src, title, width="100%", height=DEFAULT_HEIGHT)


# --------------------------------------------------------------------------
# Embed pages
# --------------------------------------------------------------------------


def switcher_links(endpoint: str, **values: Any) -> list[Alternate] | None:
    """``?switcher=1``: this embed in every locale, keeping the switcher."""
    if request.args.get("switcher") != "1":
        return None
    return [Alternate(loc, url_for(endpoint, lang=loc.code, switcher=1, **values)) for loc in locales.LOCALES]


@bp.get("/<lang>/initiatives/<num:number>/")
@limiter.exempt
@cached
def initiative(lang: str, number: int) -> str:
    ini = page_view(lang, number)  # a static export: resolved once per locale
    if ini is None:
        abort(404)
    return render(
        "embed/initiative.html", alternates=[], ini=ini, frame_title=embed_title(ini),
        full_url=public_base() + url_for("public.initiative", lang=lang, number=number),
        switcher=switcher_links("embed.initiative", number=number),
    )


@bp.get("/<lang>/focus/<num:p>-<num:d>-<num:f>/")
@limiter.exempt
@cached
def focus(lang: str, p: int, d: int, f: int) -> str:
    page = focus_view(db(), lang, (p, d, f))
    if page is None:
        abort(404)
    return render(
        "embed/focus.html", alternates=[], page=page, frame_title=focus_title(page.focus.prefix, page.focus.title),
        base=public_base(),
        full_url=public_base() + url_for("public.tree", lang=lang) + "#" + page.focus.anchor,
        switcher=switcher_links("embed.focus", p=p, d=d, f=f),
    )


# --------------------------------------------------------------------------
# /embed.js and oEmbed (no /embed prefix)
# --------------------------------------------------------------------------

oembed_bp = Blueprint("oembed", __name__)


@oembed_bp.get("/embed.js")
@limiter.exempt
def script() -> BaseResponse:
    """The host page's script: long-cached, loadable from any site (CORS, so
    the snippet's ``crossorigin`` + ``integrity`` check can read it)."""
    body, sri = script_file()
    resp = Response(body, mimetype="text/javascript")
    resp.headers["Access-Control-Allow-Origin"] = "*"
    resp.headers["Cross-Origin-Resource-Policy"] = "cross-origin"
    resp.cache_control.public = True
    resp.cache_control.max_age = SCRIPT_MAX_AGE
    resp.cache_control.immutable = True
    resp.set_etag(sri)
    return resp.make_conditional(request)


_N = NUMBER_PATTERN
_PAGE_RE = re.compile(
    rf"^/(?:embed/)?(?P<lang>[a-z-]+)/(?:initiatives/(?P<number>{_N})"
    rf"|focus/(?P<p>{_N})-(?P<d>{_N})-(?P<f>{_N}))/$"
)
_TREE_RE = re.compile(r"^/(?P<lang>[a-z-]+)/$")  # a focus area on the tree: /en/#p1-d2-f3
_ANCHOR_RE = re.compile(rf"^p(?P<p>{_N})-d(?P<d>{_N})-f(?P<f>{_N})$")


def _oembed_target(path: str, fragment: str) -> tuple[str, str, dict[str, Any]] | None:
    """(lang, embed endpoint, its values) for a page or embed address."""
    m = _PAGE_RE.match(path)
    if m:
        if m["number"]:
            return m["lang"], "embed.initiative", {"number": int(m["number"])}
        return m["lang"], "embed.focus", {k: int(m[k]) for k in "pdf"}
    t, a = _TREE_RE.match(path), _ANCHOR_RE.match(fragment)
    if t and a:
        return t["lang"], "embed.focus", {k: int(a[k]) for k in "pdf"}
    return None


@oembed_bp.get("/oembed")
def oembed() -> Response:
    """oEmbed (https://oembed.com) for initiative pages and focus areas (the
    tree's ``#p1-d2-f3`` or the focus embed): the city's CMS pastes a page
    address and gets the snippet."""
    url = request.args.get("url", "")
    fmt = request.args.get("format", "json")
    if fmt != "json":
        abort(501)
    base = public_base()
    parts = urlsplit(url)
    base_path = urlsplit(base).path
    if f"{parts.scheme}://{parts.netloc}" != base.removesuffix(base_path) or not parts.path.startswith(base_path):
        abort(404)
    target = _oembed_target(parts.path[len(base_path):], parts.fragment)
    if target is None or target[0] not in locales.BY_CODE:
        abort(404)
    lang, endpoint, values = target
    i18n.use_locale(lang)
    if endpoint == "embed.initiative":
        ini = initiative_view(db(), lang, values["number"])
        title = embed_title(ini) if ini else None
    else:
        page = focus_view(db(), lang, (values["p"], values["d"], values["f"]))
        title = focus_title(page.focus.prefix, page.focus.title) if page else None
    if title is None:
        abort(404)
    width = max(200, min(request.args.get("maxwidth", 800, type=int) or 800, 1600))
    height = max(200, min(request.args.get("maxheight", DEFAULT_HEIGHT, type=int) or DEFAULT_HEIGHT, 2000))
    src = base + url_for(endpoint, lang=lang, **values)
    return jsonify({
        "version": "1.0", "type": "rich", "title": title,
        "html": iframe_code(src, title, width=width, height=height),
        "width": width, "height": height,
        "provider_name": "Kawasaki City", "provider_url": base + "/",
    })


# --------------------------------------------------------------------------
# Registration and the static export
# --------------------------------------------------------------------------


def export_documents(app: Flask) -> Iterator[tuple[str, str]]:
    """``build-static``'s embed documents: every embed page in every locale
    (directory URLs → ``…/index.html``) and ``/embed.js`` (switcher variants
    are not exported: a static host ignores the query string)."""
    session = app.extensions["kintl_sessions"]()
    try:
        numbers = list(session.scalars(select(Initiative.number).order_by(Initiative.number)))
        keys = focus_keys(session)
    finally:
        session.close()
    with app.test_request_context():
        paths = [url_for("embed.initiative", lang=loc.code, number=n)
                 for loc in locales.LOCALES for n in numbers]
        paths += [url_for("embed.focus", lang=loc.code, p=p, d=d, f=f)
                  for loc in locales.LOCALES for p, d, f in keys]
        script_path = url_for("oembed.script")
    for path in paths:
        yield path, path.lstrip("/") + "index.html"
    yield script_path, script_path.lstrip("/")


def register(app: Flask) -> None:
    """Blueprints, the snippet's template helpers, the export lister."""
    app.register_blueprint(bp)
    app.register_blueprint(oembed_bp)
    app.jinja_env.globals.update(embed_snippet=embed_snippet, embed_title=embed_title, focus_title=focus_title)
    exports.register(app, export_documents)

