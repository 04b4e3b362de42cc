"""Translation states in the store: the rules every writer goes through.

* machine output never overwrites a human's (translated/approved), nor an
  outdated human text (which still holds a person's work);
* a human write is checked against the version the person started from
  (conflict detection) and the replaced text goes to history;
* every text knows its state, so the renderer can label it;
* machine drafts that went through English (``provenance["pivot"]``) are
  outdated when a person's English for the same source changes, so the next
  ``translate`` redrafts them from that English.

Every writer goes through these functions: MT drafts (``mt.translate``),
Easy Japanese drafts (``easy.build``), catalog import and the restore of the
committed catalogs (``catalogs.importer``), and the shipped label
translations (``prepare``).  The states are :class:`~kintl_pub.store.models.State`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import locales
from ..segment import source_hash
from ..store.models import HUMAN_STATES, DisplayState, State, Translation, TranslationHistory

#: the flag an outdated draft carries when its English changed (not its Japanese)
PIVOT_CHANGED = "pivot-changed"


class ConflictError(RuntimeError):
    """Somebody else changed the entry since the writer loaded it."""


class ApprovalError(PermissionError):
    """An approval that is not a second person checking a person's text."""


def _now() -> datetime:
    return datetime.now(UTC)


def get(session: Session, locale: str, source: str) -> Translation | None:
    return session.scalars(
        select(Translation).where(
            Translation.locale == locale, Translation.source_hash == source_hash(source)
        )
    ).first()


def ensure(session: Session, locale: str, source: str) -> Translation:
    """The entry for (locale, source), created untranslated if missing."""
    t = get(session, locale, source)
    if t is None:
        t = Translation(
            locale=locale,
            source=source,
            source_hash=source_hash(source),
            text="",
            state=State.UNTRANSLATED,
            version=1,
            updated_at=_now(),
        )
        session.add(t)
        session.flush()
    return t


def ensure_many(session: Session, locale: str, sources: Iterable[str]) -> int:
    """Create the missing untranslated entries for ``sources`` in one go
    (``ensure`` one by one flushes per row).  Returns how many were created."""
    wanted = {source_hash(s): s for s in sources if s}
    # hashes only: loading ~1,400 full rows per locale just to skip them is slow
    have = set(
        session.scalars(select(Translation.source_hash).where(Translation.locale == locale))
    )
    now = _now()
    missing = [h for h in wanted if h not in have]
    for h in missing:
        session.add(
            Translation(
                locale=locale, source=wanted[h], source_hash=h, text="",
                state=State.UNTRANSLATED, version=1, updated_at=now,
            )
        )
    if missing:
        session.flush()
    return len(missing)


def _keep_history(session: Session, t: Translation, who: str | None) -> None:
    if t.text:
        session.add(
            TranslationHistory(translation_id=t.id, text=t.text, state=t.state, who=who, at=_now())
        )


def _replace(
    session: Session,
    t: Translation,
    *,
    text: str,
    state: str,
    history_who: str | None = None,
    translator: str | None = None,
    reviewer: str | None = None,
    previous_source: str | None = None,
    provenance: dict | None = None,
    flags: list[str] | None = None,
    min_version: int = 0,
) -> None:
    """The one way an entry's text changes: the old text goes to history,
    every field is set (nothing stale survives), the version moves on."""
    _keep_history(session, t, history_who)
    t.text = text
    t.state = state
    t.translator = translator
    t.reviewer = reviewer
    t.previous_source = previous_source
    t.provenance = provenance
    t.flags = flags
    t.version = max(t.version + 1, min_version)
    t.updated_at = _now()


def is_human(t: Translation) -> bool:
    """Does this entry hold text a person wrote (current or outdated)?"""
    if t.state in HUMAN_STATES:
        return True
    return t.state == State.OUTDATED and bool(t.translator)


def put_machine(
    session: Session,
    locale: str,
    source: str,
    text: str,
    *,
    provenance: dict,
    flags: Iterable[str] = (),
) -> bool:
    """Store a machine draft unless a person's text is there.  Returns True if
    the draft was stored."""
    if not text.strip():
        raise ValueError("an empty machine draft cannot be stored")
    t = ensure(session, locale, source)
    if is_human(t):
        return False
    if t.state == State.MACHINE and t.text == text and t.provenance == provenance:
        return False
    _replace(session, t, text=text, state=State.MACHINE, provenance=provenance,
             flags=sorted(set(flags)) or None)
    return True


def put_human(
    session: Session,
    locale: str,
    source: str,
    text: str,
    *,
    who: str,
    state: str = State.TRANSLATED,
    expected_version: int | None = None,
) -> Translation:
    """Store a person's translation (``translated``) or approval (``approved``).

    ``expected_version`` is the version the person loaded; if the entry moved
    on since, :class:`ConflictError` is raised and nothing changes.
    """
    if state not in HUMAN_STATES:
        raise ValueError(f"human state must be one of {tuple(map(str, HUMAN_STATES))}, not {str(state)!r}")
    text = text.strip()
    if not text:
        raise ValueError("an empty translation cannot be stored as human text")
    t = ensure(session, locale, source)
    if expected_version is not None and t.version != expected_version:
        raise ConflictError(
            f"{locale} entry changed since you opened it (version {expected_version} → {t.version})"
        )
    if t.text == text and t.state == state:
        return t
    if state == State.APPROVED:
        _check_approval(t, text, who)
    approving = state == State.APPROVED
    if locale == locales.PIVOT.code and (t.text != text or not is_human(t)):
        outdate_pivot_drafts(session, source)
    _replace(
        session, t, text=text, state=state, history_who=who,
        translator=t.translator if approving else who,  # an approval keeps the translator credited
        reviewer=who if approving else None,
    )
    return t


def _check_approval(t: Translation, text: str, who: str) -> None:
    """Approval means a *second* person checked a person's text as it stands.

    A machine draft or an outdated text must first be saved as ``translated``
    by someone (who then is its translator); an approver who changes the text
    becomes its translator, so the change needs yet another person.
    """
    if t.state not in HUMAN_STATES:
        raise ApprovalError(
            f"only a person's translation can be approved (this entry is {t.state}); "
            "save it as translated first"
        )
    if t.text != text:
        raise ApprovalError(
            "approval cannot change the text: save your change as translated, "
            "then a second person approves it"
        )
    if t.translator == who:
        raise ApprovalError("approval needs a second person: you translated this entry")


def restore_human(
    session: Session,
    locale: str,
    source: str,
    text: str,
    *,
    state: str,
    translator: str | None,
    reviewer: str | None = None,
    previous_source: str | None = None,
    version: int | None = None,
) -> bool:
    """Put back a person's text read from the committed catalogs (fresh clone).

    Unlike :func:`put_human` this credits the people named in the file rather
    than whoever runs the command, so it is only for loading the repository's
    own catalogs.  It never replaces text a person already has in the store.
    Returns True if something was stored.
    """
    if state not in (*HUMAN_STATES, State.OUTDATED):
        raise ValueError(f"cannot restore a {str(state)!r} entry as a person's text")
    text = text.strip()
    if not text:
        return False
    t = ensure(session, locale, source)
    if is_human(t):
        return False
    if locale == locales.PIVOT.code:
        outdate_pivot_drafts(session, source)
    # Take over the file's version when it is ahead, so that the committed
    # catalogs and a fresh clone's store agree (and re-export identically).
    _replace(
        session, t, text=text, state=state,
        translator=translator or "unknown",
        reviewer=reviewer if state == State.APPROVED else None,
        previous_source=previous_source if state == State.OUTDATED else None,
        min_version=version or 0,
    )
    return True


def outdate_pivot_drafts(session: Session, source: str) -> int:
    """A person's English for ``source`` is new or changed: every machine
    draft of ``source`` that was translated through English (a ``pivot`` in
    its provenance, machine or human English) is now *outdated* — kept and
    shown as such until ``translate`` redrafts it from the new English.
    Returns how many drafts were marked."""
    n = 0
    for t in session.scalars(
        select(Translation).where(
            Translation.source_hash == source_hash(source),
            Translation.locale != locales.PIVOT.code,
            Translation.state == State.MACHINE,
        )
    ):
        if not (t.provenance or {}).get("pivot"):
            continue  # a direct ja→X draft does not depend on the English
        t.state = State.OUTDATED
        t.flags = sorted({*(t.flags or []), PIVOT_CHANGED})
        t.version += 1
        t.updated_at = _now()
        n += 1
    return n


def mark_outdated(session: Session, locale: str, old_source: str, new_source: str) -> bool:
    """The source at some place changed from ``old_source`` to ``new_source``:
    carry the old text over to the new msgid as *outdated* (fuzzy), keeping the
    old source for the diff.  Never replaces an entry the new source already
    has in a human state."""
    if old_source == new_source:
        return False
    old = get(session, locale, old_source)
    if old is None or not old.text:
        return False
    new = ensure(session, locale, new_source)
    if is_human(new):
        return False  # a person's text (current or outdated) is never replaced
    if new.text and new.state in (State.MACHINE, State.OUTDATED) and not is_human(old):
        return False  # a draft for the new text beats a draft for the old one
    previous = old.previous_source if old.state == State.OUTDATED and old.previous_source else old_source
    if new.state == State.OUTDATED and new.text == old.text and new.previous_source == previous:
        return False  # already done: safe to re-apply on every update
    # An already outdated text was written for an even older source: keep
    # *that* one (``previous``), so the translator's diff shows everything that changed.
    _replace(session, new, text=old.text, state=State.OUTDATED, previous_source=previous,
             translator=old.translator, provenance=old.provenance)
    return True


@dataclass(frozen=True)
class Shown:
    """One segment or label as the reader sees it in one locale: what
    :func:`resolve_many` returns and every renderer shows."""

    source: str  # the Japanese source (msgid)
    text: str  # the text shown (Easy Japanese markup when lang == "ja-easy")
    state: DisplayState  # a StrEnum: compares equal to "reviewed", "fallback", …
    lang: str  # URL code of the language actually shown (e.g. "ja-easy" for a fallback)

    @property
    def html_lang(self) -> str:
        return locales.BY_CODE[self.lang].html_lang

    @property
    def lang_name(self) -> str:
        """The shown language's own name (a fallback is labelled with it)."""
        return locales.BY_CODE[self.lang].native_name

    @property
    def unchecked(self) -> bool:
        """Should the reader be told, and offered the Japanese original?"""
        return self.state in (DisplayState.MACHINE, DisplayState.OUTDATED, DisplayState.FALLBACK)

    def plain(self) -> str:
        """The text without Easy Japanese reading markup."""
        return plain_text(self.text, self.lang)


def plain_text(text: str, lang: str) -> str:
    """``text`` in language ``lang`` without Easy Japanese reading markup."""
    if lang == locales.EASY.code:
        from ..easy.markup import to_plain

        return to_plain(text)
    return text


def resolve_many(
    session: Session, locale: str, sources: Iterable[str], *, fallback: str | None = None
) -> dict[str, Shown]:
    """Best text per source for ``locale``: reviewed > machine (labelled) >
    the locale's fallback chain (``locales.fallback_chain``: e.g. Easy
    Japanese, then a person's English; ``fallback`` is the reader's choice of
    the first) > Japanese source.  Never blank; a fallback says its language."""
    sources = list(dict.fromkeys(s for s in sources if s))
    if locale == locales.SOURCE.code:
        return {s: Shown(s, s, DisplayState.SOURCE, locale) for s in sources}
    hashes = {source_hash(s): s for s in sources}
    rows = _by_hash(session, locale, hashes)
    full = locales.fallback_chain(locale, fallback)
    chain = full[: full.index(locales.SOURCE.code)]  # the source ends it (or comes first, if chosen)
    chain_rows = {code: _by_hash(session, code, hashes) for code in chain}
    shown_as = {State.MACHINE: DisplayState.MACHINE, State.OUTDATED: DisplayState.OUTDATED}
    out: dict[str, Shown] = {}
    for h, s in hashes.items():
        t = rows.get(h)
        if t is not None and t.text:
            if t.state in HUMAN_STATES:
                out[s] = Shown(s, t.text, DisplayState.REVIEWED, locale)
                continue
            if t.state in shown_as:
                out[s] = Shown(s, t.text, shown_as[State(t.state)], locale)
                continue
        code = next((c for c in chain if _fallback_ok(c, chain_rows[c].get(h))), None)
        if code is not None:
            out[s] = Shown(s, chain_rows[code][h].text, DisplayState.FALLBACK, code)
        else:
            out[s] = Shown(s, s, DisplayState.FALLBACK, locales.SOURCE.code)
    return out


def _fallback_ok(code: str, t: Translation | None) -> bool:
    """May a reader of another locale be shown ``t`` in its stead?  Never an
    outdated text; in a machine-translated locale only a person's text (a
    fallback carries one label, and a machine draft in a third language
    would pass as the real thing); Easy Japanese drafts are the site's own."""
    if t is None or not t.text or t.state == State.OUTDATED:
        return False
    return t.state in HUMAN_STATES or locales.get(code).argos is None


def _by_hash(session: Session, locale: str, hashes: dict[str, str]) -> dict[str, Translation]:
    found: dict[str, Translation] = {}
    keys = list(hashes)
    for i in range(0, len(keys), 500):  # stay under SQLite's variable limit
        chunk = keys[i : i + 500]
        for t in session.scalars(
            select(Translation).where(
                Translation.locale == locale, Translation.source_hash.in_(chunk)
            )
        ):
            found[t.source_hash] = t
    return found
