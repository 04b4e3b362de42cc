"""The editors' data files: glossary, paraphrase lexicon, term base, reading
dictionary — one row at a time, validated by the file's own reader, with
history and revert (``store.datafiles``)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from flask import abort, flash, redirect, request, url_for
from werkzeug.wrappers import Response

from ...store import datafiles, users
from ..db import db
from . import bp, data_dir, need, user, ws_render

MAX_SHOWN = 300


def _with_file(text: str, check: Callable[[Path], object]) -> None:
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        check(Path(fh.name))


def validator(name: str) -> Callable[[str], None]:
    """The file's own reader, as a check of a whole new file text."""
    if name == "glossary":
        from ...easy.rewrite.glossary import load

        return lambda text: _with_file(text, load)
    if name == "readings":
        from ...easy.overrides import load as load_readings

        return lambda text: _with_file(text, load_readings)
    if name == "terms":
        from ...terms import parse_terms

        def terms(text: str) -> None:
            parse_terms(text)  # TermsFileError (a ValueError) names the bad line

        return terms

    def lexicon(text: str) -> None:
        for n, line in enumerate(text.splitlines(), 1):
            if line.strip() and not line.lstrip().startswith("#") and len(line.split("\t")) < 2:
                raise ValueError(f"line {n}: need 'word<TAB>paraphrase'")

    return lexicon


def _langs(name: str, cols: tuple[str, ...]) -> list[str | None]:
    """The language of each column's cells (for the lang attribute)."""
    from ... import locales

    if name == "terms":
        return [locales.BY_CODE[c].html_lang if c in locales.BY_CODE else None for c in cols]
    japanese = {"glossary": (0, 2), "lexicon": (0, 1), "readings": (0, 1)}[name]
    return [("ja" if i in japanese else None) for i in range(len(cols) + 8)]


def _name(name: str) -> str:
    if name not in datafiles.FILES:
        abort(404)
    return name


@bp.get("/data/")
def data_home() -> str:
    need(users.may_edit_source(user()))
    folder = Path(data_dir())
    files = [(n, datafiles.path_of(folder, n), datafiles.path_of(folder, n).exists()) for n in datafiles.FILES]
    return ws_render("workspace/data_home.html", files=files)


@bp.get("/data/<name>/")
def data_file(name: str) -> str:
    need(users.may_edit_source(user()))
    name = _name(name)
    folder = Path(data_dir())
    q = request.args.get("q", "")[:100].strip()
    rows = datafiles.rows(folder, name) if datafiles.path_of(folder, name).exists() else []
    if q:
        rows = [r for r in rows if q in r.line]
    key = request.args.get("key")
    row = datafiles.find_row(folder, name, key) if key else None
    cols = datafiles.columns(folder, name)
    return ws_render("workspace/data_file.html", name=name, columns=cols, col_langs=_langs(name, cols),
                     rows=rows[:MAX_SHOWN], more=max(0, len(rows) - MAX_SHOWN), q=q, row=row, key=key,
                     history=datafiles.history(db(), name, key if key else None, 50))


@bp.post("/data/<name>/")
def data_save(name: str) -> Response | tuple[str, int]:
    need(users.may_edit_source(user()))
    name = _name(name)
    folder = Path(data_dir())
    f = request.form
    try:
        if "revert" in f:
            rid = f.get("revert", "")
            if not rid.isdigit():
                abort(400)
            rev = datafiles.revert(db(), folder, int(rid), who=user().username, validate=validator(name))
            key = rev.key
        else:
            ncols = len(datafiles.columns(folder, name))
            cells = [f.get(f"c{i}", "")[:2000] for i in range(ncols)]
            key = datafiles.key_of(name, cells)
            expected = f.get("expected") if f.get("existing") == "1" else None
            datafiles.set_row(db(), folder, name, key, None if f.get("delete") == "1" else cells,
                              expected=expected, who=user().username, reason=f.get("reason", "")[:500],
                              validate=validator(name))
        db().commit()
    except datafiles.DataFileError as exc:
        db().rollback()
        flash(str(exc))
        status = 409 if isinstance(exc, datafiles.RowConflict) else 400
        return data_file(name), status
    flash(f"{name}: saved ({key.replace(chr(9), ' · ')}).")
    return redirect(url_for("workspace.data_file", name=name, key=key))
