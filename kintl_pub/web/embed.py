"""Embeddable initiative pages for the city's own site (``/embed/…``).

Minimal chrome, and the only pages that may be framed: ``frame-ancestors``
lists the origins in ``EMBED_ORIGINS`` (nobody else can frame them).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from flask import Blueprint, abort, current_app, g, jsonify, render_template, request, url_for
from markupsafe import escape

from .. import locales
from ..render import view
from . import db, i18n, limiter
from .public import EASY_COOKIE, Prefs, cached, field_titles

bp = Blueprint("embed", __name__, url_prefix="/embed")


@bp.url_value_preprocessor
def _pull_lang(_endpoint, values):  # type: ignore[no-untyped-def]
    code = (values or {}).get("lang")
    if code not in locales.BY_CODE:
        abort(404)
    g.loc_code = code
    g.prefs = Prefs.from_cookie(request.cookies.get(EASY_COOKIE))
    i18n.use_locale(code)


def frame_ancestors() -> str:
    origins = [o for o in current_app.config.get("EMBED_ORIGINS", []) if o.startswith(("https://", "http://"))]
    return " ".join(["'self'", *origins])


@bp.after_request
def _framing(resp):  # type: ignore[no-untyped-def]
    resp.headers["Content-Security-Policy"] = (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "object-src 'none'; base-uri 'self'; form-action 'self'; "
        f"frame-ancestors {frame_ancestors()}"
    )
    resp.headers.pop("X-Frame-Options", None)  # superseded by frame-ancestors
    code = (request.view_args or {}).get("lang")
    if code in locales.BY_CODE:
        resp.headers.setdefault("Content-Language", locales.BY_CODE[code].html_lang)
    return resp


@bp.get("/<lang>/initiatives/<int:number>/")
@limiter.exempt
@cached
def initiative(lang: str, number: int):  # type: ignore[no-untyped-def]
    ini = view.initiative_view(db(), lang, number)
    if ini is None:
        abort(404)
    loc = locales.BY_CODE[lang]
    base = current_app.config.get("PUBLIC_BASE_URL", "").rstrip("/")
    html_class = "no-furigana" if (lang == "ja-easy" and not g.prefs.furigana) else ""
    return render_template(
        "embed/initiative.html", loc=loc, lang=lang, ini=ini, field_titles=field_titles(),
        full_url=base + url_for("public.initiative", lang=lang, number=number),
        html_class=html_class, prefs=g.prefs,
    )


oembed_bp = Blueprint("oembed", __name__)

_PAGE_RE = re.compile(r"^/(?:embed/)?(?P<lang>[a-z-]+)/initiatives/(?P<number>\d+)/$")


@oembed_bp.get("/oembed")
def oembed():  # type: ignore[no-untyped-def]
    """oEmbed (https://oembed.com) for initiative pages: the city's CMS pastes
    a page address and gets the iframe code."""
    url = request.args.get("url", "")
    fmt = request.args.get("format", "json")
    if fmt != "json":
        abort(501)
    base = current_app.config.get("PUBLIC_BASE_URL", "").rstrip("/")
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}" != base:
        abort(404)
    m = _PAGE_RE.match(parts.path)
    if not m or m["lang"] not in locales.BY_CODE:
        abort(404)
    lang, number = m["lang"], int(m["number"])
    i18n.use_locale(lang)
    ini = view.initiative_view(db(), lang, number)
    if ini is None:
        abort(404)
    title = f"{i18n._('Initiative %(num)s', num=number)}: {ini.title.plain()}"
    src = base + url_for("embed.initiative", lang=lang, number=number)
    width = max(200, min(request.args.get("maxwidth", 800, type=int) or 800, 1600))
    height = max(200, min(request.args.get("maxheight", 600, type=int) or 600, 2000))
    html = (f'<iframe src="{escape(src)}" title="{escape(title)}" width="{width}" '
            f'height="{height}" loading="lazy"></iframe>')
    return jsonify({
        "version": "1.0", "type": "rich", "title": title, "html": html,
        "width": width, "height": height,
        "provider_name": "Kawasaki City", "provider_url": base + "/",
    })
