"""The translators' and editors' workspace (blueprint ``workspace``, under
``/workspace/``): one view module per job, all behind a login.

* ``queue``   – home, a locale's queue (counts, filters, search);
* ``editor``  – one entry: save, approve/reject, history/revert, preview;
* ``easy``    – Easy Japanese: the report queue, live feedback, readings;
* ``source``  – source corrections of an initiative (→ ``data/corrections.toml``);
* ``data``    – glossary, lexicon, term base, reading dictionary rows;
* ``files``   – .po download and upload (the rules of ``catalogs import``);
* ``people``  – accounts (admins), the audit log, one's own password.

Every view checks the account's right for the locale or job it touches
(``store.users``); every text change goes through ``catalogs.states``.  No
page is cached (``Cache-Control: private, no-store``).  Easy Japanese
analysis (Sudachi) is imported inside the ``easy`` views only, so the public
pages of the same process never load it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from ... import locales
from ...project import DATA_DIR
from ...store import users
from ...store.models import User
from ..auth import current_user, no_store
from ..db import db

bp = Blueprint("workspace", __name__, url_prefix="/workspace")
bp.after_request(no_store)


@bp.before_request
def _login_first() -> Response | None:
    if current_user() is None:
        return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
    return None


def user() -> User:
    u = current_user()
    assert u is not None  # _login_first
    return u


def target_locale(lang: str) -> locales.LocaleInfo:
    """A target locale of the URL, else 404."""
    loc = locales.BY_CODE.get(lang)
    if loc is None or loc == locales.SOURCE:
        abort(404)
    return loc


def need(allowed: bool) -> None:
    """403 unless allowed (every action is checked on the server)."""
    if not allowed:
        abort(403)


def data_dir() -> Path:
    """Where the human-edited data files are (tests point it elsewhere)."""
    return Path(current_app.config.get("KINTL_DATA_DIR") or DATA_DIR)


def ws_render(template: str, **ctx: Any) -> str:
    from ...easy.markup import render_html

    u = user()
    return render_template(
        template, user=u, users=users, locales=locales, easy_html=render_html,
        my_locales=[locales.BY_CODE[c] for c in users.translate_locales(u)], **ctx,
    )


def commit() -> None:
    db().commit()


# the view modules add their routes to ``bp``
from . import data, easy, editor, files, people, preview, queue, source  # noqa: E402,F401
