"""The workspace's home and a locale's queue (counts, filters, search)."""

from __future__ import annotations

from typing import Any

from flask import redirect, request, url_for
from werkzeug.wrappers import Response

from ...catalogs.entries import FIELD_LABELS
from ...catalogs.queue import FILTERS, QueueFilter, queue
from ...store import users
from ..db import db
from . import bp, need, target_locale, user, ws_render


def read_filter() -> QueueFilter:
    """The queue filter from the query string (bad values are ignored)."""
    state = request.args.get("state", "all")
    ini = request.args.get("initiative", "")
    field = request.args.get("field", "")
    return QueueFilter(
        state=state if state in FILTERS else "all",
        initiative=int(ini) if ini.isdigit() and len(ini) < 6 else None,
        field=field if field in FIELD_LABELS else None,
        q=request.args.get("q", "")[:200].strip(),
    )


def filter_args(flt: QueueFilter) -> dict[str, Any]:
    """The filter as query arguments (for links and "next")."""
    out: dict[str, Any] = {"state": flt.state} if flt.state != "all" else {}
    if flt.initiative is not None:
        out["initiative"] = str(flt.initiative)
    if flt.field:
        out["field"] = flt.field
    if flt.q:
        out["q"] = flt.q
    return out


@bp.get("/")
def home() -> Response | str:
    """Editors start at the Easy Japanese queue, translators at their locale."""
    u = user()
    mine = users.translate_locales(u)
    if request.args.get("stay") is None:  # the site title links here with ?stay=1
        if users.may_edit_source(u):
            return redirect(url_for("workspace.easy_home"))
        if len(mine) == 1 and not users.may_admin(u):
            return redirect(url_for("workspace.queue_page", lang=mine[0]))
    return ws_render("workspace/home.html")


@bp.get("/<lang>/")
def queue_page(lang: str) -> str:
    loc = target_locale(lang)
    need(users.may_translate(user(), loc.code))
    flt = read_filter()
    page = request.args.get("page", "1")
    view = queue(db(), loc.code, flt, page=int(page) if page.isdigit() and len(page) < 6 else 1)
    return ws_render("workspace/queue.html", loc=loc, view=view, filters=FILTERS, fields=FIELD_LABELS,
                     args=filter_args(flt), may_review=users.may_review(user(), loc.code))
