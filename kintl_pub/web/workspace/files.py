"""Download and upload of .po files per locale (optionally one initiative),
with exactly the rules of ``catalogs import``: the same function, the same
account check as ``--as``; an upload is first a dry run whose changes are
shown (old → new), and only an explicit "apply" stores it (refused whole
when the file is broken)."""

from __future__ import annotations

import base64
import binascii

from flask import Response, abort, request

from ...catalogs.entries import collect
from ...catalogs.export import Selection, export_name, neighbours, select_entries
from ...catalogs.importer import CatalogImportReport, import_po
from ...catalogs.po import CatalogError, build_catalog, locale_rows, read_catalog, render
from ...locales import LocaleInfo
from ...store import users
from ..db import db
from . import bp, need, target_locale, user, ws_render

MAX_UPLOAD = 4 * 1024 * 1024


@bp.get("/<lang>/files")
def files_page(lang: str) -> str:
    loc = target_locale(lang)
    need(users.may_translate(user(), loc.code))
    return ws_render("workspace/files.html", loc=loc, report=None)


@bp.get("/<lang>/files/download")
def files_download(lang: str) -> Response:
    loc = target_locale(lang)
    need(users.may_translate(user(), loc.code))
    ini = request.args.get("initiative", "")
    if ini and (not ini.isdigit() or len(ini) > 6):
        abort(400)
    sel = Selection(initiatives=frozenset({int(ini)} if ini else ()))
    try:
        entries = select_entries(db(), collect(db()), sel)
    except CatalogError:
        abort(404)
    # the same file as ``catalogs export`` writes (neighbours as context)
    data = render(build_catalog(db(), loc, entries, extra=neighbours(db(), entries)))
    name = export_name(loc, sel.suffix())
    return Response(data, mimetype="text/x-gettext-translation",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _changes(report: CatalogImportReport, before: dict[str, str], po_text: dict[str, str]) -> list:
    return [(o, before.get(o.msgid, ""), po_text.get(o.msgid, "")) for o in report.outcomes if o.kind != "unknown"]


@bp.post("/<lang>/files")
def files_upload(lang: str) -> tuple[str, int] | str:
    loc = target_locale(lang)
    me = user()
    need(users.may_translate(me, loc.code))
    if "file" in request.files and request.files["file"].filename:
        data = request.files["file"].read(MAX_UPLOAD + 1)
        name = (request.files["file"].filename or "upload.po")[:200]
    else:
        try:
            data = base64.b64decode(request.form.get("data", ""), validate=True)
        except (binascii.Error, ValueError):
            abort(400)
        name = request.form.get("name", "upload.po")[:200]
    if not data or len(data) > MAX_UPLOAD:
        return ws_render("workspace/files.html", loc=loc, report=None,
                         error=f"Choose a .po file (at most {MAX_UPLOAD // 1024 // 1024} MB)."), 400
    apply = request.form.get("apply") == "1"
    session = db()
    before = {t.source: t.text for t in locale_rows(session, loc).values()}

    def authorize(file_loc: LocaleInfo) -> bool:
        if not users.may_translate(me, file_loc.code):
            raise CatalogError(f"you may not translate {file_loc.code}")
        return users.may_review(me, file_loc.code)

    try:
        report = import_po(session, data, who=me.username, name=name, expected=loc, authorize=authorize,
                           dry_run=not apply)
    except CatalogError as exc:
        session.rollback()
        return ws_render("workspace/files.html", loc=loc, report=None, error=f"{exc} Nothing was changed."), 400
    po_text = {e.msgid: e.msgstr for e in read_catalog(data, name).entries}
    if apply:
        session.commit()
    else:
        session.rollback()
    return ws_render("workspace/files.html", loc=loc, report=report, applied=apply,
                     changes=_changes(report, before, po_text), name=name,
                     data=base64.b64encode(data).decode("ascii"))
