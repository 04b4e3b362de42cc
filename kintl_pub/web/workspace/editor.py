"""One entry (a source text in one locale): the editor page and its actions.

Side by side: the Japanese source (and its Easy Japanese with readings),
where it is used with its neighbours, the machine draft with provenance,
translation-memory matches, the term base's approved translations, the
entry's history and review verdicts, and the quality checks of the current
text.  Actions (POST, CSRF-protected): save, save-and-next, approve, reject,
revert, check (Easy Japanese feedback without saving), preview.

A save names the version the person started from: if the entry moved on,
nothing is written and both versions are shown (HTTP 409).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from flask import abort, flash, redirect, request, url_for
from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.wrappers import Response

from ... import checks, locales
from ...catalogs import memory, review, states
from ...catalogs.entries import Entry, place_of
from ...catalogs.po import format_provenance
from ...catalogs.queue import QueueFilter, all_rows, neighbour
from ...store import users
from ...store.models import HUMAN_STATES, Initiative, Segment, State, Translation
from ...terms import load_terms
from ..db import db
from . import bp, need, target_locale, user, ws_render
from .queue import filter_args, read_filter

_HASH = re.compile(r"^[0-9a-f]{64}$")
MAX_TEXT = 20_000


def find_entry(h: str) -> Entry:
    """The catalog entry of one source text (its places in reading order)."""
    if not _HASH.match(h):
        abort(404)
    segs = list(db().scalars(select(Segment).where(Segment.source_hash == h)))
    if not segs:
        abort(404)
    numbers = {s.initiative_number for s in segs}
    titles = {n: (t or "").strip() for n, t in db().execute(
        select(Initiative.number, Initiative.title).where(Initiative.number.in_(numbers)))}
    places = sorted((place_of(s, titles) for s in segs), key=lambda p: p.order)
    return Entry(segs[0].source, h, places)


@dataclass
class Neighbourhood:
    """One place of the text: the segments before and after it in its field."""

    context: str
    key: str
    initiative: int | None
    before: list[tuple[str, str]]  # (source, shown text in the locale)
    after: list[tuple[str, str]]


def neighbourhoods(entry: Entry, locale: str, limit: int = 4) -> list[Neighbourhood]:
    out: list[Neighbourhood] = []
    session = db()
    for place in entry.places[:limit]:
        seg = session.scalars(select(Segment).where(Segment.key == place.key)).first()
        if seg is None or seg.kind == "label":
            out.append(Neighbourhood(place.context, place.key, _ini(place.key), [], []))
            continue
        near = list(session.scalars(select(Segment).where(
            Segment.initiative_number == seg.initiative_number,
            Segment.program_position == seg.program_position if seg.program_position is not None
            else Segment.program_position.is_(None),
            Segment.field == seg.field,
            Segment.ordinal.in_([seg.ordinal - 1, seg.ordinal + 1]),
        ).order_by(Segment.ordinal)))
        shown = states.resolve_many(session, locale, [s.source for s in near])
        pairs = [(s.ordinal, (s.source, shown[s.source].plain() if shown[s.source].lang == locale else ""))
                 for s in near]
        out.append(Neighbourhood(place.context, place.key, seg.initiative_number,
                                 [p for o, p in pairs if o < seg.ordinal],
                                 [p for o, p in pairs if o > seg.ordinal]))
    return out


def _ini(key: str) -> int | None:
    head = key.split("/")[0]
    return int(head) if head.isdigit() else None


def term_hints(source: str, locale: str) -> list[tuple[str, str]]:
    """(Japanese term, approved translation) for the protected terms in the source."""
    if locale not in {loc.code for loc in locales.MT_TARGETS}:
        return []
    terms = load_terms()
    return [(ja, terms.get(ja).target(locale)) for ja in dict.fromkeys(terms.find(source))]


def editor_context(entry: Entry, loc: locales.LocaleInfo, flt: QueueFilter, **extra: object) -> dict:
    session = db()
    me = user()
    rows = all_rows(session, loc.code)  # once, for both neighbours
    t = states.get(session, loc.code, entry.source)
    easy = None
    if loc != locales.EASY:
        easy = states.resolve_many(session, locales.EASY.code, [entry.source])[entry.source]
        easy = easy if easy.lang == locales.EASY.code else None
    text = t.text if t is not None else ""
    if loc == locales.EASY and t is not None and t.state == State.MACHINE:
        from ...easy.feedback import editable

        text = editable(text)  # the rules' draft, without the readings they add
    ctx = dict(
        # a missing row is created at version 1 by the first save (states.ensure)
        loc=loc, entry=entry, t=t, text=text, version=t.version if t is not None else 1,
        state=t.state if (t is not None and t.text) else State.UNTRANSLATED,
        easy=easy, places=neighbourhoods(entry, loc.code),
        machine=review.last_machine(session, t), provenance=format_provenance,
        memory=memory.matches(session, loc.code, entry.source), terms=term_hints(entry.source, loc.code),
        history=review.history(session, t) if t is not None else [],
        verdicts=review.verdicts(session, t) if t is not None else [],
        diff=review.char_diff(t.previous_source, entry.source)
        if (t is not None and t.state == State.OUTDATED and t.previous_source) else None,
        warnings=checks.run(entry.source, text, loc.code) if text else [],
        check_name=lambda cid: checks.get(cid), args=filter_args(flt),
        may_review=users.may_review(me, loc.code),
        can_approve=bool(t is not None and t.state == State.TRANSLATED and t.translator != me.username
                         and users.may_review(me, loc.code)),
        next_h=neighbour(session, loc.code, entry.source_hash, flt, 1, rows),
        prev_h=neighbour(session, loc.code, entry.source_hash, flt, -1, rows),
        feedback=None, conflict=None, error=None,
    )
    if loc == locales.EASY:
        from .easy import feedback_for

        # no text yet: what is hard in the Japanese source
        ctx["feedback"] = feedback_for(entry, text or entry.source)
        ctx["feedback_of_source"] = not text
    ctx.update(extra)
    return ctx


def _entry_url(lang: str, h: str, args: dict[str, Any]) -> str:
    return url_for("workspace.entry", lang=lang, h=h, **args)


@bp.get("/<lang>/entry/<h>")
def entry(lang: str, h: str) -> str:
    loc = target_locale(lang)
    need(users.may_translate(user(), loc.code))
    return ws_render("workspace/editor.html", **editor_context(find_entry(h), loc, read_filter()))


def _form_version() -> int:
    v = request.form.get("version", "")
    if not v.isdigit() or len(v) > 9:
        abort(400)
    return int(v)


@bp.post("/<lang>/entry/<h>")
def entry_post(lang: str, h: str) -> Response | str | tuple[str, int]:
    loc = target_locale(lang)
    me = user()
    need(users.may_translate(me, loc.code))
    e = find_entry(h)
    flt = read_filter()
    action = request.form.get("action", "save")
    text = request.form.get("text", "")[:MAX_TEXT].replace("\r\n", "\n").strip()
    version = _form_version()
    session = db()
    try:
        if action in ("save", "save-next"):
            if not text:
                return _again(e, loc, flt, text, "A translation cannot be empty: skip the entry instead.", 400)
            t = states.get(session, loc.code, e.source)
            if t is not None and t.state in HUMAN_STATES and t.text.strip() == text and t.version == version:
                # nothing changed: an approved text stays approved
                if action == "save-next":
                    return _go_next(loc.code, e, flt, "Nothing changed.")
                flash("Nothing changed.")
                return redirect(_entry_url(loc.code, h, filter_args(flt)))
            states.put_human(session, loc.code, e.source, text, who=me.username, expected_version=version)
            session.commit()
            found = checks.run(e.source, text, loc.code)
            if action == "save-next" and not found:
                return _go_next(loc.code, e, flt, "Saved.")
            flash("Saved, with warnings: see the quality checks." if found else "Saved.")
            return redirect(_entry_url(loc.code, h, filter_args(flt)))
        if action in ("approve", "reject"):
            need(users.may_review(me, loc.code))
            comment = request.form.get("comment", "")[:2000]
            if action == "approve":
                review.approve(session, loc.code, e.source, who=me.username, expected_version=version,
                               comment=comment)
                session.commit()
                return _go_next(loc.code, e, flt, "Approved.")
            review.reject(session, loc.code, e.source, who=me.username, expected_version=version,
                          comment=comment)
            session.commit()
            flash("Rejected: the translator sees your comment.")
            return redirect(_entry_url(loc.code, h, filter_args(flt)))
        if action == "revert":
            hid = request.form.get("history", "")
            if not hid.isdigit():
                abort(400)
            review.revert(session, loc.code, e.source, int(hid), who=me.username, expected_version=version)
            session.commit()
            flash("The earlier text is the current one again.")
            return redirect(_entry_url(loc.code, h, filter_args(flt)))
        if action == "check":
            return ws_render("workspace/editor.html", **editor_context(e, loc, flt, text=text, draft=True,
                             **_draft_checks(e, loc, text)))
        if action == "preview":
            from .preview import preview_page

            return preview_page(loc.code, e, text or None)
    except (states.ConflictError, StaleDataError):
        session.rollback()
        return _conflict(e, loc, flt, text)
    except (states.ApprovalError, review.ReviewError, ValueError) as exc:
        session.rollback()
        return _again(e, loc, flt, text, str(exc), 409 if isinstance(exc, states.ApprovalError) else 400)
    abort(400)


def _draft_checks(e: Entry, loc: locales.LocaleInfo, text: str) -> dict:
    out: dict = {"warnings": checks.run(e.source, text, loc.code) if text else []}
    if loc == locales.EASY and text:
        from .easy import feedback_for

        out["feedback"] = feedback_for(e, text)
    return out


def _go_next(lang: str, e: Entry, flt: QueueFilter, message: str) -> Response:
    flash(message)
    nxt = neighbour(db(), lang, e.source_hash, flt, 1)
    if nxt is None:
        flash("That was the last entry of this list.")
        return redirect(url_for("workspace.queue_page", lang=lang, **filter_args(flt)))
    return redirect(_entry_url(lang, nxt, filter_args(flt)))


def _again(e: Entry, loc: locales.LocaleInfo, flt: QueueFilter, text: str, error: str,
           status: int) -> tuple[str, int]:
    ctx = editor_context(e, loc, flt)
    ctx.update(text=text or ctx["text"], error=error, draft=True)
    return ws_render("workspace/editor.html", **ctx), status


def _conflict(e: Entry, loc: locales.LocaleInfo, flt: QueueFilter, mine: str) -> tuple[str, int]:
    """Someone saved first: show their text and keep ours in the box, with
    the current version, so saving again is a deliberate choice."""
    db().expire_all()
    ctx = editor_context(e, loc, flt)
    theirs: Translation | None = ctx["t"]
    ctx.update(text=mine, draft=True, conflict=theirs,
               error="Someone else saved this entry while you were editing it. Nothing of yours was "
                     "lost or saved: compare the two versions below, then save yours again or keep theirs.")
    return ws_render("workspace/editor.html", **ctx), 409
