"""Embeddable initiative pages for the city's own site (``/embed/…``) and
oEmbed (``/oembed``), which hands a CMS the iframe code for a page address.

Minimal chrome, and the only pages that may be framed: ``frame-ancestors``
lists the origins in ``EMBED_ORIGINS`` (``context.FRAMEABLE``).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from flask import Blueprint, Response, abort, jsonify, request, url_for
from markupsafe import escape

from .. import locales
from ..render.initiative import InitiativeView, initiative_view
from . import i18n, limiter
from .context import NUMBER_PATTERN, cached, localized, public_base, render
from .db import db

bp = Blueprint("embed", __name__, url_prefix="/embed")
localized(bp)


def embed_title(ini: InitiativeView) -> str:
    """The iframe's accessible name: "Initiative 12: <title>"."""
    return f"{i18n.gettext('Initiative %(num)s', num=ini.number)}: {ini.title.plain()}"


def iframe_code(src: str, title: str, *, width: int | str, height: int) -> str:
    """The HTML a web editor pastes (as text: the page that shows it escapes it)."""
    return (f'<iframe src="{escape(src)}" title="{escape(title)}" width="{width}" '
            f'height="{height}" loading="lazy"></iframe>')


@bp.get("/<lang>/initiatives/<num:number>/")
@limiter.exempt
@cached
def initiative(lang: str, number: int) -> str:
    ini = initiative_view(db(), lang, number)
    if ini is None:
        abort(404)
    return render(
        "embed/initiative.html", alternates=[], ini=ini,
        full_url=public_base() + url_for("public.initiative", lang=lang, number=number),
    )


oembed_bp = Blueprint("oembed", __name__)

_PAGE_RE = re.compile(rf"^/(?:embed/)?(?P<lang>[a-z-]+)/initiatives/(?P<number>{NUMBER_PATTERN})/$")


@oembed_bp.get("/oembed")
def oembed() -> Response:
    """oEmbed (https://oembed.com) for initiative pages: the city's CMS pastes
    a page address and gets the iframe code."""
    url = request.args.get("url", "")
    fmt = request.args.get("format", "json")
    if fmt != "json":
        abort(501)
    base = public_base()
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}" != base:
        abort(404)
    m = _PAGE_RE.match(parts.path)
    if not m or m["lang"] not in locales.BY_CODE:
        abort(404)
    lang, number = m["lang"], int(m["number"])
    i18n.use_locale(lang)
    ini = initiative_view(db(), lang, number)
    if ini is None:
        abort(404)
    title = embed_title(ini)
    width = max(200, min(request.args.get("maxwidth", 800, type=int) or 800, 1600))
    height = max(200, min(request.args.get("maxheight", 600, type=int) or 600, 2000))
    src = base + url_for("embed.initiative", lang=lang, number=number)
    return jsonify({
        "version": "1.0", "type": "rich", "title": title,
        "html": iframe_code(src, title, width=width, height=height),
        "width": width, "height": height,
        "provider_name": "Kawasaki City", "provider_url": base + "/",
    })
