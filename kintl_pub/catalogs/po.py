"""Content catalogs on disk: store → Babel ``Catalog`` → ``.po``, and back.

How a store state shows in a ``.po`` entry (what translators and Poedit see):

============  ======  =====================================================
state         fuzzy   comments
============  ======  =====================================================
untranslated  no      msgstr is empty
machine       yes     ``#. machine: engine=… package=… version=… date=…``
translated    no      ``# translated-by: NAME``
approved      no      ``# translated-by: NAME`` and ``# approved-by: NAME``
outdated      yes     ``#| msgid "<old source>"`` (the text was written for it),
                      or ``#. english changed:`` (a draft from older English)
============  ======  =====================================================

Every entry also carries ``#. kintl-state: S`` and ``#. kintl-version: N`` (the
store version it was exported at, used for conflict detection on import).
A translator's own ``# …`` notes are stored on import and written back
(``comments``), before the ``translated-by`` line.

Babel traps handled here rather than relied upon: ``read_po`` turns ``#|``
previous-msgid lines into translator comments (python-babel/babel#206), so we
parse them back ourselves; we never use msgctxt (fuzzy matching ignores it,
#1330, and ``update --check`` never passes with it, #1307); and we never let
``Locale.parse`` pick a folder or read a ``Language:`` header: the locale table
does (``tl``→``fil_PH``, ``pt``→``pt_PT``, ``ja@easy``→``ja`` …).
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError, denormalize, normalize, read_po, write_po
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import locales
from ..locales import LocaleInfo
from ..store.models import HUMAN_STATES, Segment, State, Translation
from . import comments
from .entries import Entry, context_comments
from .states import PIVOT_CHANGED

DOMAIN = "content"
PROJECT = "kintl-pub-content"
VERSION = "FY2021"
# Babel writes its EMAIL@ADDRESS placeholder for an empty value.
BUGS_ADDRESS = "kintl-pub maintainers (see README)"
# ...and "FULL NAME <EMAIL@ADDRESS>" for an empty Last-Translator.
NO_TRANSLATOR = "none yet"

MARK_STATE = "kintl-state:"
MARK_VERSION = "kintl-version:"
MARK_MACHINE = "machine:"
MARK_CHECK = "check:"
MARK_OUTDATED = "source changed:"
MARK_PIVOT_CHANGED = "english changed:"
MARK_TRANSLATED_BY = "translated-by:"
MARK_APPROVED_BY = "approved-by:"

#: Used when the store has no dates yet (an empty store): stable, not "now".
EPOCH = datetime(2021, 4, 1, tzinfo=UTC)

# Babel adds these from the msgid's look ("50%d", "{x}"); content is prose,
# never a format string, and the flags would make the checkers cry wolf.
_FORMAT_FLAGS = frozenset({"python-format", "python-brace-format"})


class CatalogError(ValueError):
    """A .po file that cannot be used; the message says why."""


def catalog_path(translations_dir: Path, loc: LocaleInfo) -> Path:
    return translations_dir / loc.babel_id / "LC_MESSAGES" / f"{DOMAIN}.po"


def template_path(translations_dir: Path) -> Path:
    return translations_dir / f"{DOMAIN}.pot"


# --------------------------------------------------------------------------
# store → Catalog
# --------------------------------------------------------------------------


def _utc(dt: datetime | None) -> datetime | None:
    if dt is None:
        return None
    # SQLite hands back naive datetimes; everything we store is UTC.
    dt = dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt.astimezone(UTC)
    return dt.replace(second=0, microsecond=0)


def _source_date(session: Session) -> datetime:
    return _utc(session.scalar(select(func.max(Segment.updated_at)))) or EPOCH


def locale_rows(session: Session, loc: LocaleInfo) -> dict[str, Translation]:
    return {
        t.source_hash: t
        for t in session.scalars(select(Translation).where(Translation.locale == loc.code))
    }


def format_provenance(provenance: dict | None) -> str:
    """``engine=argostranslate package=… version=… date=…`` (known keys first)."""
    if not provenance:
        return "unknown"
    first = [k for k in ("engine", "package", "version", "date") if k in provenance]
    keys = first + sorted(k for k in provenance if k not in first)
    parts = []
    for k in keys:
        v = provenance[k]
        if isinstance(v, dict | list):
            v = json.dumps(v, ensure_ascii=False, sort_keys=True)
        parts.append(f"{k}={v}")
    return " ".join(parts)


def message_for(
    entry: Entry, t: Translation | None, *, note: str | None = None, extra: list[str] | None = None
) -> Message:
    """The catalog entry for one source text in one locale (``note``: the
    translator's comment; ``extra``: more ``#.`` lines, e.g. the neighbours)."""
    state = t.state if t is not None else State.UNTRANSLATED
    text = (t.text if t is not None else "") or ""
    auto = [*context_comments(entry), *(extra or [])]
    user: list[str] = note.splitlines() if note else []
    flags: set[str] = set()
    previous: str | None = None
    if state == State.MACHINE:
        flags.add("fuzzy")
        auto.append(f"{MARK_MACHINE} {format_provenance(t.provenance if t else None)}")
    elif state == State.OUTDATED:
        flags.add("fuzzy")
        previous = t.previous_source if t is not None else None
        if previous or t is None or PIVOT_CHANGED not in (t.flags or []):
            auto.append(f"{MARK_OUTDATED} the translation below was written for the previous text (#|)")
        else:  # the Japanese is the same: the English the draft came from changed
            auto.append(f"{MARK_PIVOT_CHANGED} drafted from an earlier English text; "
                        "`kintl-pub translate` redrafts it")
        if t is not None and not t.translator and t.provenance:
            auto.append(f"{MARK_MACHINE} {format_provenance(t.provenance)}")
    if t is not None and t.flags and state in (State.MACHINE, State.OUTDATED):
        auto.append(f"{MARK_CHECK} {', '.join(t.flags)}")
    if state in (*HUMAN_STATES, State.OUTDATED) and t is not None and t.translator:
        user.append(f"{MARK_TRANSLATED_BY} {t.translator}")
    if state == State.APPROVED and t is not None and t.reviewer:
        user.append(f"{MARK_APPROVED_BY} {t.reviewer}")
    auto.append(f"{MARK_STATE} {state}")
    auto.append(f"{MARK_VERSION} {t.version if t is not None else 0}")
    msg = Message(
        entry.source,
        text if state != State.UNTRANSLATED else "",
        # a label's location has no line number: Babel writes the path alone
        locations=[p.location for p in entry.places],  # type: ignore[misc]
        flags=flags,
        auto_comments=auto,
        user_comments=user,
        previous_id=previous or (),
    )
    msg.flags -= _FORMAT_FLAGS
    return msg


def header_comment(title: str) -> str:
    # Babel re-wraps header lines at 76 columns and substitutes some
    # upper-case placeholder words: keep lines short, avoid those words.
    return (
        "# Kawasaki City International Policy Promotion Plan,\n"
        f"# progress sheet FY2021: {title}.\n"
        "# Written from the kintl-pub store (catalogs update or export).\n"
        "# Translate in Poedit, then: kintl-pub catalogs import FILE --as NAME\n"
        "# fuzzy + 'machine:' = machine draft to check;\n"
        "# fuzzy + '#| msgid' = the Japanese changed since it was translated;\n"
        "# 'approved-by:' = checked by a second person."
    )


def build_catalog(
    session: Session,
    loc: LocaleInfo,
    entries: Iterable[Entry],
    *,
    extra: dict[str, list[str]] | None = None,
) -> Catalog:
    """The full catalog of ``loc`` as the store holds it now (read-only);
    ``extra``: source hash → more ``#.`` lines for that entry."""
    rows = locale_rows(session, loc)
    notes = comments.for_locale(session, loc.code)
    entries = list(entries)
    used = [rows.get(e.source_hash) for e in entries]
    dates = [_utc(t.updated_at) for t in used if t is not None]
    created = _source_date(session)
    revised = max([created, *[d for d in dates if d]])
    humans = [t for t in used if t is not None and t.translator and t.state != State.MACHINE]
    humans.sort(key=lambda t: (_utc(t.updated_at) or EPOCH, t.id))
    last = humans[-1] if humans else None
    last_translator = (last.reviewer if last and last.state == State.APPROVED else None) or (
        last.translator if last else ""
    )
    cat = Catalog(
        locale=loc.babel_id,
        domain=DOMAIN,
        header_comment=header_comment(f"{loc.english_name} ({loc.babel_id})"),
        project=PROJECT,
        version=VERSION,
        msgid_bugs_address=BUGS_ADDRESS,
        creation_date=created,
        revision_date=revised,
        last_translator=last_translator or NO_TRANSLATOR,
        language_team=f"kintl-pub {loc.english_name}",
        charset="utf-8",
        fuzzy=False,
    )
    for entry, t in zip(entries, used, strict=True):
        note = notes.get(t.id) if t is not None else None
        cat[entry.source] = message_for(entry, t, note=note, extra=(extra or {}).get(entry.source_hash))
    return cat


def build_template(session: Session, entries: Iterable[Entry]) -> Catalog:
    created = _source_date(session)
    cat = Catalog(
        locale=None,
        domain=DOMAIN,
        header_comment=header_comment("template"),
        project=PROJECT,
        version=VERSION,
        msgid_bugs_address=BUGS_ADDRESS,
        creation_date=created,
        revision_date=created,
        last_translator=NO_TRANSLATOR,
        language_team="kintl-pub translators",
        charset="utf-8",
        fuzzy=False,
    )
    for entry in entries:
        msg = Message(
            entry.source,
            "",
            locations=[p.location for p in entry.places],  # type: ignore[misc]
            auto_comments=context_comments(entry),
        )
        msg.flags -= _FORMAT_FLAGS
        cat[entry.source] = msg
    return cat


def render(catalog: Catalog) -> bytes:
    """The catalog as .po bytes, with correct ``#| msgid`` lines.

    Babel's writer runs the previous msgid through its *comment* wrapper,
    which re-wraps at spaces inside the quoted string and can split a string
    across lines without quotes (invalid PO).  So Babel writes everything
    else and we insert the previous msgid ourselves, quoted line by line
    with Babel's own ``normalize``, right before the entry's ``msgid``.
    """
    buf = io.BytesIO()
    write_po(buf, catalog, width=76, include_previous=False, ignore_obsolete=True)
    text = buf.getvalue().decode("utf-8")
    messages = list(catalog)  # write_po keeps catalog order (no sorting asked)
    chunks = text.rstrip("\n").split("\n\n")
    if len(chunks) != len(messages):  # our assumption about write_po broke
        raise RuntimeError(f"cannot align {len(chunks)} .po chunks with {len(messages)} messages")
    for i, msg in enumerate(messages):
        if msg.id and msg.previous_id:
            lines = chunks[i].split("\n")
            at = next(n for n, ln in enumerate(lines) if ln.startswith("msgid "))
            chunks[i] = "\n".join([*lines[:at], *_previous_lines(msg.previous_id[0]), *lines[at:]])
    return ("\n\n".join(chunks) + "\n").encode("utf-8")


def _previous_lines(previous: str) -> list[str]:
    quoted = normalize(previous, width=76).split("\n")
    return [f"#| msgid {quoted[0]}", *(f"#| {q}" for q in quoted[1:])]


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write only when the bytes differ (no touch, no git noise); atomic."""
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    return True


# --------------------------------------------------------------------------
# .po → entries
# --------------------------------------------------------------------------


@dataclass
class PoEntry:
    msgid: str
    msgstr: str
    fuzzy: bool
    lineno: int | None
    version: int | None = None  # kintl-version at export
    translated_by: str | None = None
    approved_by: str | None = None
    previous: str | None = None  # the "#| msgid" (outdated entries)
    notes: str = ""  # the translator's own "# …" comments
    plural: bool = False
    context: str | None = None


@dataclass
class PoFile:
    path: str
    catalog: Catalog
    language: str  # the Language header as written
    locale: LocaleInfo | None
    entries: list[PoEntry] = field(default_factory=list)


def match_language(value: str | None) -> LocaleInfo | None:
    """A ``Language:`` header → our locale, by the table only.

    Accepts the Babel id or the URL code, any case, ``-`` or ``_``; never
    guesses an alias (``pt`` is not ``pt_BR``, ``zh_CN`` is not ``zh_Hans``).
    """
    if not value:
        return None
    norm = value.strip().replace("-", "_").lower()
    for loc in locales.LOCALES:
        if norm in (loc.babel_id.lower(), loc.code.replace("-", "_").lower()):
            return loc
    return None


def _previous_from_comments(comments: list[str]) -> tuple[str | None, list[str]]:
    """Recover ``#| msgid`` lines that Babel's read_po files under translator
    comments (python-babel/babel#206)."""
    prev_lines: list[str] = []
    rest: list[str] = []
    collecting = False
    for c in comments:
        if c.startswith("|"):
            body = c[1:].strip()
            if body.startswith("msgid "):
                collecting = True
                prev_lines = [body[len("msgid ") :].strip()]
                continue
            if collecting and body.startswith('"'):
                prev_lines.append(body)
                continue
            collecting = False  # e.g. "#| msgctxt" or "#| msgid_plural": not ours
            continue
        collecting = False
        rest.append(c)
    if not prev_lines:
        return None, rest
    try:
        return denormalize("\n".join(prev_lines)), rest
    except Exception:  # a mangled "#|" line is a comment, not a reason to refuse
        return None, rest


def _marker(comments: Iterable[str], mark: str) -> str | None:
    for c in comments:
        if c.startswith(mark):
            return c[len(mark) :].strip() or None
    return None


_PO_STRING = r'"(?:[^"\\]|\\.)*"'
_PO_LINE = re.compile(
    rf"^(?:#.*|(?:#~\s*)?(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+{_PO_STRING}"
    rf"|(?:#~\s*)?{_PO_STRING})\s*$"
)


def _lint(text: str, name: str) -> None:
    """Line-level PO syntax, stricter than Babel's lenient parser (which
    accepts e.g. an unterminated string and silently keeps going).  Lines
    break at LF only: a U+2028 inside a quoted string is text, not a break."""
    if "msgid" not in text:
        raise CatalogError(f"{name}: not a .po file (no msgid)")
    lines = text.split("\n")
    last = max((n for n, line in enumerate(lines, 1) if line.strip()), default=0)
    for n, line in enumerate(lines, 1):
        stripped = line.strip()
        if stripped and not _PO_LINE.match(stripped):
            if n == last:
                raise CatalogError(
                    f"{name}:{n}: the file is cut off: its last line is incomplete "
                    f"({stripped[-40:]!r}); save or copy the whole file again"
                )
            raise CatalogError(f"{name}:{n}: syntax error: {stripped[:60]!r}")


def read_catalog(data: bytes, name: str = "<po>") -> PoFile:
    """Parse and sanity-check one content .po; raise :class:`CatalogError`."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.end == len(data) and exc.reason == "unexpected end of data":
            raise CatalogError(
                f"{name}: the file is cut off inside a multi-byte character (byte {exc.start} of "
                f"{len(data)}); save or copy the whole file again"
            ) from None
        raise CatalogError(
            f"{name}: not UTF-8 (byte {exc.start}); save it as UTF-8 and try again"
        ) from None
    head = data[:4000].decode("utf-8", "replace").lower()
    if "charset=" in head and "charset=utf-8" not in head and "charset=charset" not in head:
        raise CatalogError(f"{name}: the Content-Type header must say charset=UTF-8")
    _lint(data.decode("utf-8"), name)
    try:
        cat = read_po(io.BytesIO(data), abort_invalid=True, charset="utf-8")
    except PoFileError as exc:
        raise CatalogError(f"{name}: syntax error: {exc}") from None
    except (ValueError, TypeError, IndexError, UnicodeError) as exc:
        raise CatalogError(f"{name}: cannot be read as a .po file: {exc}") from None
    language = cat.locale_identifier or ""
    po = PoFile(name, cat, language, match_language(language))
    for msg in cat:
        if not msg.id:
            continue  # the header
        user = list(msg.user_comments)
        previous, user = _previous_from_comments(user)
        version = _marker(msg.auto_comments, MARK_VERSION)
        ids, strings = msg.id, msg.string
        plural = isinstance(ids, tuple | list)
        po.entries.append(
            PoEntry(
                msgid=ids[0] if isinstance(ids, tuple | list) else ids,
                msgstr=(strings[0] if isinstance(strings, tuple | list) else strings) or "",
                fuzzy=msg.fuzzy,
                lineno=msg.lineno,
                version=int(version) if version and version.isdigit() else None,
                translated_by=_marker(user, MARK_TRANSLATED_BY),
                approved_by=_marker(user, MARK_APPROVED_BY),
                previous=previous or (msg.previous_id[0] if msg.previous_id else None),
                notes=comments.notes(user),
                plural=plural,
                context=msg.context,
            )
        )
    return po
