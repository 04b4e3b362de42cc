"""The Atom feed of changes per locale (``/{lang}/changes.atom``): the
changes view model (``render.changes``) rendered by ``render.atom``, linked
from every public page (``<link rel="alternate" type="application/atom+xml">``)."""

from __future__ import annotations

from flask import Blueprint, g, request, url_for
from werkzeug.wrappers import Response

from ... import locales
from ...render.atom import FeedInfo, feed
from ...render.changes import changes_view
from .. import i18n
from ..context import MARK, localized, public_base
from ..db import db
from .http import finish

bp = Blueprint("feed", __name__)
localized(bp)
MIMETYPE = "application/atom+xml"


@bp.get("/<lang>/changes.atom")
def changes(lang: str) -> Response:
    base = public_base()
    if base:
        # cacheable only when its absolute URLs do not come from the Host header
        request.environ[MARK] = True
    else:
        base = request.url_root.rstrip("/")
    loc = locales.BY_CODE[lang]
    _ = i18n.gettext
    info = FeedInfo(
        self_url=base + url_for("feed.changes", lang=lang),
        site_url=base + url_for("public.tree", lang=lang),
        html_lang=loc.html_lang,
        # TRANSLATORS: title of the Atom feed of changes (a feed reader shows it)
        title=_("Kawasaki City International Policy Plan: recent changes"),
        page_url=lambda n: base + url_for("public.initiative", lang=lang, number=n),
    )
    body = feed(changes_view(db(), lang, fallback=g.get("fallback")), info, _, i18n.ngettext)
    return Response(body, mimetype=MIMETYPE)


@bp.after_request
def _headers(resp: Response) -> Response:
    return finish(resp)


def feed_link() -> dict[str, str]:
    """Template context: the feed of the page's locale, for ``base.html``."""
    code = g.get("loc_code")
    if request.blueprint == "public" and code in locales.BY_CODE:
        return {"changes_feed": url_for("feed.changes", lang=code)}
    return {}
