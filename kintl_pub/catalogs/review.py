"""What reviewers and translators do to one entry besides writing it:
approve or reject with a comment, read its history, revert to an earlier
text, see what changed in an outdated source.

Every text change goes through :mod:`.states` (``put_human``: conflict
detection, history, a second person for approval); a rejection changes no
text, it records a :class:`~kintl_pub.store.records.ReviewVerdict`.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..store.models import HUMAN_STATES, State, Translation, TranslationHistory
from ..store.records import ReviewVerdict
from . import states


class ReviewError(ValueError):
    """A refused review action (the message says why)."""


def _current(session: Session, locale: str, source: str, expected_version: int) -> Translation:
    t = states.get(session, locale, source)
    if t is None:
        raise ReviewError("there is nothing to review: the entry has no text")
    if t.version != expected_version:
        raise states.ConflictError(
            f"{locale} entry changed since you opened it (version {expected_version} → {t.version})"
        )
    return t


def approve(session: Session, locale: str, source: str, *, who: str, expected_version: int,
            comment: str = "") -> Translation:
    t = _current(session, locale, source, expected_version)
    states.put_human(session, locale, source, t.text, who=who, state=State.APPROVED,
                     expected_version=expected_version)
    session.add(ReviewVerdict(translation_id=t.id, version=t.version, verdict="approved",
                              comment=comment.strip(), who=who, at=datetime.now(UTC)))
    session.flush()
    return t


def reject(session: Session, locale: str, source: str, *, who: str, expected_version: int,
           comment: str) -> ReviewVerdict:
    """The text stays (a person's work is never thrown away); the entry shows
    as rejected, with the comment, until its translator saves a new version."""
    if not comment.strip():
        raise ReviewError("a rejection needs a comment: say what to change")
    t = _current(session, locale, source, expected_version)
    if t.state not in HUMAN_STATES:
        raise ReviewError(f"only a person's translation can be rejected (this entry is {t.state})")
    if t.translator == who and t.state == State.TRANSLATED:
        raise ReviewError("you translated this entry: change the text instead of rejecting it")
    v = ReviewVerdict(translation_id=t.id, version=t.version, verdict="rejected",
                      comment=comment.strip(), who=who, at=datetime.now(UTC))
    session.add(v)
    session.flush()
    return v


def verdicts(session: Session, t: Translation) -> list[ReviewVerdict]:
    return list(session.scalars(
        select(ReviewVerdict).where(ReviewVerdict.translation_id == t.id).order_by(ReviewVerdict.id.desc())
    ))


@dataclass(frozen=True)
class HistoryItem:
    id: int | None  # TranslationHistory id (None: the current text)
    text: str
    state: str
    who: str | None  # for the current text: its translator; else who replaced it
    at: datetime | None
    current: bool = False


def history(session: Session, t: Translation) -> list[HistoryItem]:
    """The current text, then every earlier one, newest first."""
    out = [HistoryItem(None, t.text, t.state, t.reviewer if t.state == State.APPROVED else t.translator,
                       t.updated_at, current=True)] if t.text else []
    for h in session.scalars(
        select(TranslationHistory).where(TranslationHistory.translation_id == t.id)
        .order_by(TranslationHistory.id.desc())
    ):
        out.append(HistoryItem(h.id, h.text, h.state, h.who, h.at))
    return out


def revert(session: Session, locale: str, source: str, history_id: int, *, who: str,
           expected_version: int) -> Translation:
    """Make an earlier text the current one again, as ``who``'s translation
    (a new version; the text it replaces goes to history like any other)."""
    t = _current(session, locale, source, expected_version)
    h = session.get(TranslationHistory, history_id)
    if h is None or h.translation_id != t.id:
        raise ReviewError("no such earlier text of this entry")
    return states.put_human(session, locale, source, h.text, who=who, expected_version=expected_version)


def last_machine(session: Session, t: Translation | None) -> tuple[str, dict | None] | None:
    """The machine draft behind an entry: the current text if it is one, else
    the newest machine text in its history (provenance only for the current)."""
    if t is None:
        return None
    if t.state == State.MACHINE and t.text:
        return t.text, t.provenance
    h = session.scalars(
        select(TranslationHistory).where(TranslationHistory.translation_id == t.id,
                                         TranslationHistory.state == State.MACHINE)
        .order_by(TranslationHistory.id.desc())
    ).first()
    return (h.text, None) if h is not None else None


def char_diff(old: str, new: str) -> list[tuple[str, str]]:
    """(op, text) spans from ``old`` to ``new``: "=" kept, "-" removed, "+" added
    (character level: Japanese has no spaces to split words at)."""
    out: list[tuple[str, str]] = []
    sm = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            out.append(("=", old[i1:i2]))
        else:
            if i2 > i1:
                out.append(("-", old[i1:i2]))
            if j2 > j1:
                out.append(("+", new[j1:j2]))
    return out
