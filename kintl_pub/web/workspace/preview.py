"""Preview: an entry's text (saved or a draft) in its rendered public page.

The initiative page's own view model (``render.initiative``) is built for
the locale, the entry's text is put in its places, and the public template
renders it inside the workspace (so the page is private and never cached).
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace
from typing import Any

from flask import abort, request

from ...catalogs.entries import Entry
from ...render.initiative import initiative_view
from ...render.shown import Shown
from ...store.models import DisplayState
from ..context import public_base, render, use_lang
from ..db import db
from . import bp, need, target_locale, user
from .editor import find_entry


def _swap(obj: Any, source: str, text: str, lang: str, seen: set[int]) -> Any:
    """Every Shown of ``source`` inside the view model becomes ``text``."""
    if isinstance(obj, Shown):
        if obj.source == source:
            return replace(obj, text=text, state=DisplayState.REVIEWED, lang=lang)
        return obj
    if id(obj) in seen:
        return obj
    seen.add(id(obj))
    if isinstance(obj, list):
        for i, item in enumerate(obj):
            obj[i] = _swap(item, source, text, lang, seen)
    elif is_dataclass(obj) and not isinstance(obj, type):
        for f in fields(obj):
            value = getattr(obj, f.name)
            new = _swap(value, source, text, lang, seen)
            if new is not value:
                object.__setattr__(obj, f.name, new)
    return obj


def preview_page(lang: str, e: Entry, draft: str | None) -> str:
    from ...store import users

    need(users.may_translate(user(), lang))
    inis = sorted({int(p.key.split("/")[0]) for p in e.places if p.key.split("/")[0].isdigit()})
    number = int(request.args.get("initiative", inis[0] if inis else 0) or 0)
    if number not in inis:
        abort(404)
    use_lang(lang)
    ini = initiative_view(db(), lang, number)
    if ini is None:
        abort(404)
    if draft is not None:
        _swap(ini, e.source, draft, lang, set())
    return render("workspace/preview.html", ini=ini, entry=e, draft=draft, initiatives=inis,
                  public_base=public_base(), alternates=[])


@bp.get("/<lang>/entry/<h>/preview")
def preview(lang: str, h: str) -> str:
    loc = target_locale(lang)
    return preview_page(loc.code, find_entry(h), None)
