"""File-level guards of a catalog import: a ``.po`` is refused whole, before
anything is stored, with a message naming the entry (msgid and line), when

* it is too big: the file (8 MiB, as an upload) or one msgstr (10,000
  characters; the longest text in the catalogs has about 600);
* it is cut off.  Exported files end with an end marker (an obsolete entry,
  ``#~ msgid "kintl-pub: end of catalog"``) and say so in their header
  comment; Babel and Poedit keep both, so a file that promises the marker
  and does not end with it was cut.  A file without the promise (written by
  ``catalogs update``, or by another tool) is checked by what a cut leaves:
  a string left open (a syntax error on the last line) or a last msgstr
  that stops at a wrapped line's trailing space or an embedded line break —
  which catches most cuts but not all, so exports carry the marker.
  Blank lines after the end (a Babel round trip adds one) are fine;
* an msgid appears twice (Babel silently keeps one of them);
* a msgstr holds a control character (NUL, an ANSI escape, a vertical tab,
  U+2028, a bidi override …) or an escape sequence gettext would turn into
  one (``\\033``, ``\\x1b``): stored text is plain text;
* the locale is not stated once and agreeing: the ``Language`` header, the
  locale the person names (``--lang``, the folder, the workspace's choice)
  and an exported file's name must agree, and the file's finished texts must
  be written in the locale's script (most of them failing the ``wrong-script``
  check means another locale's file with its header changed).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from babel.messages.pofile import unescape

from .. import checks, locales
from ..locales import LocaleInfo
from .export import END_MARKER, END_PROMISE
from .po import CatalogError

#: Largest .po file read (an upload's size limit too).
MAX_FILE_BYTES = 8 * 1024 * 1024
#: Largest msgstr, in characters.
MAX_MSGSTR = 10_000
#: A file is refused when more than this share of its finished texts (and at
#: least MIN_WRONG_SCRIPT of them) are not in the locale's script.
WRONG_SCRIPT_SHARE = 0.5
MIN_WRONG_SCRIPT = 3

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_CONTROL_NAMES = {
    "\x00": "a NUL byte", "\x1b": "an ANSI escape (ESC)", "\x0b": "a vertical tab", "\x0c": "a form feed",
    "\x0d": "a carriage return", "\x85": "a next-line character (NEL)", "\u2028": "a line separator",
    "\u2029": "a paragraph separator",
}
_ESCAPE = re.compile(r"\\(.)")
_ALLOWED_ESCAPES = set('\\"nt')
_EXPORT_NAME = re.compile(r"^content-(?P<id>[A-Za-z]+(?:_[A-Za-z]+)?(?:@easy)?)(?:-[^/]*)?\.po$")


@dataclass
class RawEntry:
    """One entry as written in the file (not as Babel merged it)."""

    msgid: str
    msgid_line: int
    context: str | None = None
    msgstr: str = ""
    msgstr_line: int = 0
    msgstr_raw: list[str] = field(default_factory=list)  # quoted pieces, as written

    def label(self) -> str:
        short = self.msgid if len(self.msgid) <= 40 else self.msgid[:40] + "…"
        return f"line {self.msgstr_line or self.msgid_line} (msgid {short!r})"


@dataclass
class RawFile:
    entries: list[RawEntry]
    promises_end: bool  # the header comment says the file ends with the marker
    ends_with_marker: bool
    last_line: int  # the last line with text


def scan(text: str) -> RawFile:
    """Entries as the lines write them.  The file passed ``po._lint``: every
    line is a comment, a keyword with a quoted string, or a quoted string."""
    entries: list[RawEntry] = []
    current: RawEntry | None = None
    target: str | None = None  # "msgctxt" | "msgid" | "msgstr" | None
    context: str | None = None
    promises = False
    last_line = 0
    lines = text.split("\n")
    for n, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line:
            continue
        last_line = n
        if line.startswith("#"):
            promises = promises or line == END_PROMISE
            target = None
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith('"'):
            piece = line
        elif keyword == "msgctxt":
            context, target, piece = "", "msgctxt", rest.strip()
        elif keyword == "msgid":
            current = RawEntry("", n, context)
            entries.append(current)
            context, target, piece = None, "msgid", rest.strip()
        elif keyword.startswith("msgstr") and current is not None:
            if keyword != "msgstr" and keyword != "msgstr[0]":
                target = None  # later plural forms: Babel's entry keeps form 0
                continue
            current.msgstr_line, target, piece = n, "msgstr", rest.strip()
        else:
            target = None  # msgid_plural
            continue
        if target == "msgctxt":
            context = (context or "") + unescape(piece)
        elif target == "msgid" and current is not None:
            current.msgid += unescape(piece)
        elif target == "msgstr" and current is not None:
            current.msgstr += unescape(piece)
            current.msgstr_raw.append(piece)
    tail = [ln.strip() for ln in lines if ln.strip()][-2:]
    ends = tail == [f'#~ msgid "{END_MARKER}"', '#~ msgstr ""']
    return RawFile([e for e in entries if e.msgid], promises, ends, last_line)


def check_size(data: bytes, name: str) -> None:
    if len(data) > MAX_FILE_BYTES:
        raise CatalogError(
            f"{name}: the file is {len(data) / 1_000_000:.1f} MB, over the limit of "
            f"{MAX_FILE_BYTES / 1_000_000:.1f} MB (a whole catalog is about 1 MB): is it a catalog?"
        )


def check_entries(raw: RawFile, name: str) -> None:
    """Duplicates, control characters, escape sequences, msgstr size."""
    problems: list[str] = []
    seen: dict[tuple[str | None, str], RawEntry] = {}
    for e in raw.entries:
        key = (e.context, e.msgid)
        if (first := seen.get(key)) is not None:
            problems.append(
                f"{e.label()}: the msgid appears twice (first at line {first.msgid_line}); "
                "a catalog has each text once — keep one of them"
            )
        seen.setdefault(key, e)
        if len(e.msgstr) > MAX_MSGSTR:
            problems.append(
                f"{e.label()}: the msgstr has {len(e.msgstr):,} characters, over the limit of "
                f"{MAX_MSGSTR:,} (the longest translation in the catalogs has about 600)"
            )
        for piece in e.msgstr_raw:
            bad = [m.group(1) for m in _ESCAPE.finditer(piece[1:-1]) if m.group(1) not in _ALLOWED_ESCAPES]
            if bad:
                problems.append(
                    f"{e.label()}: the msgstr has the escape sequence '\\{bad[0]}': only \\n, \\t, \\\\ "
                    "and \\\" are allowed (gettext reads others as control characters)"
                )
                break
        if m := _CONTROL.search(e.msgstr):
            ch = m.group()
            what = _CONTROL_NAMES.get(ch, "a control character")
            problems.append(
                f"{e.label()}: the msgstr contains {what} (U+{ord(ch):04X}): a translation is plain "
                "text — remove it"
            )
    if problems:
        _refuse(name, problems)


def check_end(raw: RawFile, name: str) -> None:
    """Refuse a file that was cut off (see the module docstring)."""
    if raw.ends_with_marker:
        return
    last = raw.entries[-1] if raw.entries else None
    at = f" after {last.label()}" if last else ""
    if raw.promises_end:
        raise CatalogError(
            f"{name}: the file is cut off: it ends at line {raw.last_line}{at} without the end "
            f'marker its header promises (#~ msgid "{END_MARKER}"); save or copy the whole file '
            "again (if your editor purged obsolete entries, put those two last lines back)"
        )
    if last is not None and len(last.msgstr_raw) > 1 and last.msgstr[-1:].isspace():
        raise CatalogError(
            f"{name}: the file looks cut off: its last msgstr, {last.label()}, stops at a line "
            "break or a trailing space of a wrapped line; save or copy the whole file again"
        )


def _refuse(name: str, problems: list[str]) -> None:
    shown = "\n  ".join(problems[:10])
    more = f"\n  … and {len(problems) - 10} more" if len(problems) > 10 else ""
    raise CatalogError(f"{name}: {len(problems)} entr{'y' if len(problems) == 1 else 'ies'} refused:\n  {shown}{more}")


def check_file_name(name: str, expected: LocaleInfo) -> None:
    """An exported file's name says its locale (content-ko.po): it must agree."""
    m = _EXPORT_NAME.match(name.replace("\\", "/").rsplit("/", 1)[-1])
    if m is None:
        return
    named = locales.BY_BABEL_ID.get(m["id"])
    if named is not None and named != expected:
        raise CatalogError(
            f"{name}: the file name says {named.babel_id} ({named.english_name}) but the import is "
            f"for {expected.babel_id} ({expected.english_name}): which is it?"
        )


def check_script(texts: Iterable[tuple[str, str]], loc: LocaleInfo, name: str) -> None:
    """Most finished texts not in the locale's script: another locale's file."""
    pairs = list(texts)
    wrong = [msgid for msgid, text in pairs if checks.run(msgid, text, loc.code, only=["wrong-script"])]
    if len(wrong) >= MIN_WRONG_SCRIPT and len(wrong) > WRONG_SCRIPT_SHARE * len(pairs):
        raise CatalogError(
            f"{name}: {len(wrong)} of its {len(pairs)} finished texts are not written in the "
            f"script of {loc.english_name} ({loc.script}), e.g. the one for {wrong[0][:40]!r}: "
            f"this looks like another language's file with its Language header set to {loc.babel_id}"
        )
