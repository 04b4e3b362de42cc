"""Easy Japanese in the workspace: the editors' home (``easy report``'s queue:
initiatives under jReadability 4.0, worst first), an initiative's texts, live
feedback on a draft, reading corrections and the reading-disagreement queue.

The analysis (Sudachi, jreadability) runs in this process for workspace
requests only: every ``kintl_pub.easy`` import below is inside a function,
so serving public pages never loads it (``tests/mt/test_web_imports.py``).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from sqlalchemy import select
from werkzeug.wrappers import Response

from ... import locales
from ...catalogs import states
from ...catalogs.entries import Entry
from ...store import datafiles, users
from ...store.models import PROSE_FIELDS, Initiative, Segment
from ...store.version import store_version
from ..db import db
from . import bp, data_dir, need, user, ws_render
from .editor import find_entry

_report_lock = threading.Lock()
_report_cache: dict[str, Any] = {}
_suggest_cache: dict[tuple, dict] = {}


def _initiatives_of(entry: Entry) -> list[int]:
    return sorted({int(p.key.split("/")[0]) for p in entry.places if p.key.split("/")[0].isdigit()})


def suggestions() -> dict[str, tuple[str, ...]]:
    """Glossary + lexicon suggestions, re-read when either file changes."""
    from ...easy.feedback import suggestions_index

    folder = Path(data_dir())
    gl, lx = folder / "glossary.tsv", datafiles.path_of(folder, "lexicon")
    key = tuple(p.stat().st_mtime_ns if p.exists() else 0 for p in (gl, lx)) + (str(folder),)
    got = _suggest_cache.get(key)
    if got is None:
        lex = [(r.cells[0], r.cells[1]) for r in datafiles.rows(folder, "lexicon") if len(r.cells) > 1] \
            if lx.exists() else []
        got = suggestions_index(gl if gl.exists() else None, lex)
        _suggest_cache.clear()
        _suggest_cache[key] = got
    return got


def feedback_for(entry: Entry, text: str) -> Any:
    from ...easy.feedback import feedback

    readings = Path(data_dir()) / "readings.tsv"
    return feedback(db(), entry.source, entry.source_hash, text, _initiatives_of(entry), suggestions(),
                    readings if readings.exists() else None)


def report() -> dict:
    """``easy report`` for the whole store (no JLPT share: faster), cached per
    store version (it changes with every saved text)."""
    from ...easy import report as easy_report

    version = store_version(db())
    with _report_lock:
        if _report_cache.get("version") != version:
            _report_cache["report"] = easy_report.store_report(db(), with_jlpt=False)
            _report_cache["version"] = version
        return _report_cache["report"]


@bp.get("/easy/")
def easy_home() -> str:
    from ...easy import report as easy_report

    need(users.may_translate(user(), locales.EASY.code))
    rep = report()
    low = easy_report.below_target(rep)
    titles = {n: t for n, t in db().execute(select(Initiative.number, Initiative.title))}
    per = [(n, m["before"]["jreadability"], m["after"]["jreadability"]) for n, m in rep["initiatives"].items()]
    return ws_render("workspace/easy_home.html", low=low, per=per, titles=titles, target=easy_report.JREAD_TARGET,
                     targets=easy_report.targets(rep), overall=rep["overall"]["after"])


@bp.get("/easy/<int:number>/")
def easy_initiative(number: int) -> str:
    need(users.may_translate(user(), locales.EASY.code))
    if number > 10**6:
        abort(404)
    ini = db().scalars(select(Initiative).where(Initiative.number == number)).first()
    if ini is None:
        abort(404)
    segs = list(db().scalars(select(Segment).where(
        Segment.initiative_number == number, Segment.field.in_(PROSE_FIELDS)).order_by(Segment.id)))
    shown = states.resolve_many(db(), locales.EASY.code, [s.source for s in segs])
    rows = []
    seen: set[str] = set()
    for s in segs:
        if s.source_hash in seen:
            continue
        seen.add(s.source_hash)
        t = states.get(db(), locales.EASY.code, s.source)
        rows.append((s, shown[s.source], t.state if t is not None and t.text else "untranslated"))
    from ...easy.feedback import initiative_score

    return ws_render("workspace/easy_initiative.html", ini=ini, rows=rows,
                     score=initiative_score(db(), number), target=4.0)


@bp.post("/ja-easy/entry/<h>/check")
def easy_check(h: str) -> str:
    """The live feedback fragment (fetched by workspace.js while the editor types)."""
    need(users.may_translate(user(), locales.EASY.code))
    e = find_entry(h)
    text = request.form.get("text", "")[:20_000].strip()
    fb = feedback_for(e, text) if text else None
    return render_template("workspace/_feedback.html", feedback=fb, loc=locales.EASY)


def _readings_validator(text: str) -> None:
    import tempfile

    from ...easy import overrides

    with tempfile.NamedTemporaryFile("w", suffix=".tsv", encoding="utf-8", delete=True) as fh:
        fh.write(text)
        fh.flush()
        overrides.load(Path(fh.name))


@bp.post("/easy/reading")
def reading_fix() -> Response:
    """A reading correction from the editor: one row of data/readings.tsv."""
    from ...easy.chars import to_hiragana
    from ...easy.feedback import reset

    need(users.may_edit_source(user()))
    surface = request.form.get("surface", "").strip()[:64]
    reading = to_hiragana(request.form.get("reading", "").strip())[:128]
    reason = request.form.get("reason", "").strip()[:500]
    back = request.form.get("back", "")
    if len(surface) < 2 or not reading:
        flash("A reading correction needs a word of two or more characters and its reading. "
              "(A single kanji depends on its context: ask for a context rule.)")
        return redirect(_back(back))
    folder = Path(data_dir())
    current = datafiles.find_row(folder, "readings", surface)
    try:
        datafiles.set_row(db(), folder, "readings", surface, [surface, reading, reason],
                          expected=current.line if current else None, who=user().username,
                          reason=reason, validate=_readings_validator)
        db().commit()
    except datafiles.DataFileError as exc:
        db().rollback()
        flash(str(exc))
        return redirect(_back(back))
    reset()
    flash(f"Reading of {surface} is now {reading} (data/readings.tsv).")
    return redirect(_back(back))


def _back(target: str) -> str:
    if target.startswith("/workspace/") and "//" not in target and "\\" not in target:
        return target
    return url_for("workspace.easy_home")


@bp.get("/easy/readings")
def readings_queue() -> str:
    from ...easy.models import ReadingDisagreement

    need(users.may_edit_source(user()))
    items = list(db().scalars(select(ReadingDisagreement).where(ReadingDisagreement.status == "open")
                              .order_by(ReadingDisagreement.occurrences.desc(), ReadingDisagreement.surface)))
    return ws_render("workspace/readings.html", items=items)


@bp.post("/easy/readings/<int:item_id>")
def readings_decide(item_id: int) -> Response:
    """Keep the published reading, or publish another (a data/readings.tsv row)."""
    from datetime import UTC, datetime

    from ...easy import overrides
    from ...easy.chars import to_hiragana
    from ...easy.models import ReadingDisagreement

    need(users.may_edit_source(user()))
    item = db().get(ReadingDisagreement, item_id)
    if item is None or item.status != "open":
        abort(404)
    me = user().username
    folder = Path(data_dir())
    choice = request.form.get("choice", "")
    if choice == "keep":
        if len(item.surface) > 1:
            overrides.append_checked(item.surface, item.reading, item.alt, f"{me}, {datetime.now(UTC):%Y-%m-%d}",
                                     folder / "readings_checked.tsv")
        item.status, item.decision = "kept", item.reading
    elif choice in ("alt", "other"):
        reading = to_hiragana((item.alt if choice == "alt" else request.form.get("reading", "")).strip())
        if len(item.surface) < 2 or not reading:
            flash("A single character depends on its context (ask for a context rule), and a reading is needed.")
            return redirect(url_for("workspace.readings_queue"))
        current = datafiles.find_row(folder, "readings", item.surface)
        try:
            datafiles.set_row(db(), folder, "readings", item.surface,
                              [item.surface, reading, f"review: {me}"],
                              expected=current.line if current else None, who=me,
                              reason=f"reading review: {item.reading} → {reading}", validate=_readings_validator)
        except datafiles.DataFileError as exc:
            db().rollback()
            flash(str(exc))
            return redirect(url_for("workspace.readings_queue"))
        item.status, item.decision = "override", reading
    else:
        abort(400)
    item.who, item.updated_at = me, datetime.now(UTC)
    db().commit()
    flash(f"{item.surface}: {item.status} ({item.decision}).")
    return redirect(url_for("workspace.readings_queue"))
