"""Source corrections (editors): an initiative's title and row fields.

A saved correction changes the stored field (a revision, compare-and-set),
marks the translations of the changed sentences outdated, and is written to
``data/corrections.toml`` as a ``[[typo]]`` entry so that the next import of
the sheet keeps it.  Every change is listed and can be reverted (a revert is
one more correction)."""

from __future__ import annotations

import tomllib
from pathlib import Path

from flask import abort, flash, redirect, request, url_for
from sqlalchemy import select
from werkzeug.wrappers import Response

from ...catalogs.update import outdate
from ...segment import sync
from ...store import datafiles, source, users
from ...store.models import Initiative, SourceRevision
from ..db import db
from . import bp, data_dir, need, user, ws_render


def _corrections_validator(text: str) -> None:
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(str(exc)) from exc
    for i, entry in enumerate(doc.get("typo", []), 1):
        missing = {"initiative", "field", "old", "new", "reason"} - set(entry)
        if missing:
            raise ValueError(f"[[typo]] #{i} lacks {sorted(missing)}")


def _initiative(number: int) -> Initiative:
    ini = db().scalars(select(Initiative).where(Initiative.number == number)).first() if number < 10**6 else None
    if ini is None:
        abort(404)
    return ini


@bp.get("/source/<int:number>/")
def source_page(number: int) -> str:
    need(users.may_edit_source(user()))
    ini = _initiative(number)
    return ws_render("workspace/source.html", ini=ini, fields=source.FIELDS,
                     revisions=source.revisions(db(), number))


def _apply(number: int, position: int | None, field: str, text: str, expected: str, reason: str) -> None:
    session = db()
    _rev, typo = source.correct(session, number, position, field, text, expected=expected,
                                who=user().username, reason=reason)
    seg = sync(session)
    n = outdate(session, seg.changes) if seg.changes else 0
    datafiles.append_block(session, Path(data_dir()), datafiles.CORRECTIONS, f"{number}/{field}", typo.toml(),
                           who=user().username, reason=reason, validate=_corrections_validator)
    session.commit()
    flash(f"Saved: {len(seg.changes)} sentence(s) changed, {n} translation(s) marked outdated; "
          "the fix is in data/corrections.toml.")


def _position(value: str | None) -> int | None:
    if value in (None, ""):
        return None
    if not value.isdigit() or len(value) > 4:
        abort(400)
    return int(value)


@bp.post("/source/<int:number>/")
def source_save(number: int) -> Response | tuple[str, int]:
    need(users.may_edit_source(user()))
    _initiative(number)
    f = request.form
    try:
        if "revert" in f:
            rid = f.get("revert", "")
            rev = db().get(SourceRevision, int(rid)) if rid.isdigit() else None
            if rev is None or rev.field not in source.FIELDS or rev.old is None:
                abort(400)
            pos = None if rev.field == "title" else int(rev.entity_key.rsplit(":", 1)[1])
            ini = _initiative(number)
            obj = ini if pos is None else next((p for p in ini.programs if p.position == pos), None)
            if obj is None or not rev.entity_key.endswith(f":{number}" if pos is None else f":{number}:{pos}"):
                abort(400)
            _apply(number, pos, rev.field, rev.old, getattr(obj, rev.field) or "",
                   f"revert of revision #{rev.id} by {user().username}")
        else:
            _apply(number, _position(f.get("position")), f.get("field", ""), f.get("text", "")[:source.MAX_FIELD],
                   f.get("expected", ""), f.get("reason", "")[:500])
    except (source.SourceError, datafiles.DataFileError) as exc:
        db().rollback()
        ini = _initiative(number)
        status = 409 if isinstance(exc, source.SourceConflict) else 400
        return ws_render("workspace/source.html", ini=ini, fields=source.FIELDS, error=str(exc),
                         revisions=source.revisions(db(), number)), status
    return redirect(url_for("workspace.source_page", number=number))
