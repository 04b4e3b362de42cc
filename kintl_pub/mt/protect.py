"""Protected terms and post-translation checks.

Neural MT mangles proper nouns (キングスカイフロント → "King Sky Front",
"Kingsky Flont" …) and sometimes drops numbers.  So, before MT, every term
from ``data/terms.tsv`` is replaced by a placeholder the models copy through
(``ZZA``, ``ZZB`` …: pure ASCII capitals, no digits, so the number check is
not fooled), and after MT the placeholder becomes the term's approved
translation for the target locale.  A leading list marker (①, ・, ※ …) is
taken off before MT and put back after, so it cannot be lost.

Afterwards the draft is checked: every number, year (令和3年 = 2021 is
accepted either way), month and ①② marker of the source must still be
there.  What is missing becomes a flag on the draft (``lost-number:2021``,
``lost-marker:②``, ``lost-term:川崎港``) for the reviewer; the draft is still
stored, since a flagged draft is more useful to a translator than none.

Pure Python (Babel for month names): no MT import here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .. import locales

DEFAULT_TERMS = Path(__file__).resolve().parents[2] / "data" / "terms.tsv"
KEEP = "keep"


class TermsFileError(ValueError):
    """data/terms.tsv is malformed (the message names the line)."""


@dataclass(frozen=True)
class Term:
    ja: str
    translations: dict[str, str] = field(default_factory=dict, hash=False, compare=False)

    def target(self, locale: str) -> str:
        """Approved text for ``locale``: its cell, else English, else the term."""
        value = self.translations.get(locale) or self.translations.get("en") or KEEP
        return self.ja if value == KEEP else value


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]
    pattern: re.Pattern[str] | None

    def find(self, text: str) -> list[str]:
        return self.pattern.findall(text) if self.pattern else []

    def get(self, ja: str) -> Term:
        return next(t for t in self.terms if t.ja == ja)


def parse_terms(text: str, *, origin: str = "terms.tsv") -> Glossary:
    """Read the TSV: a header ``ja<TAB>en<TAB>…`` (URL codes), ``#`` comments."""
    header: list[str] | None = None
    terms: dict[str, Term] = {}
    known = {loc.code for loc in locales.MT_TARGETS}
    for lineno, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in raw.split("\t")]
        if header is None:
            header = cells
            if not header or header[0] != "ja":
                raise TermsFileError(f"{origin}:{lineno}: header must start with 'ja'")
            unknown = [c for c in header[1:] if c not in known]
            if unknown:
                raise TermsFileError(
                    f"{origin}:{lineno}: unknown locale column(s) {unknown}; known: {sorted(known)}"
                )
            continue
        if len(cells) > len(header):
            raise TermsFileError(
                f"{origin}:{lineno}: {len(cells)} cells but the header has {len(header)}"
            )
        ja = cells[0]
        if not ja:
            raise TermsFileError(f"{origin}:{lineno}: empty Japanese term")
        if ja in terms:
            raise TermsFileError(f"{origin}:{lineno}: {ja!r} is listed twice")
        terms[ja] = Term(ja, {h: c for h, c in zip(header[1:], cells[1:], strict=False) if c})
    if header is None:
        raise TermsFileError(f"{origin}: no header line")
    ordered = tuple(sorted(terms.values(), key=lambda t: (-len(t.ja), t.ja)))
    # Longest first, so 川崎市国際交流協会 wins over 川崎市 inside it.
    pattern = re.compile("|".join(re.escape(t.ja) for t in ordered)) if ordered else None
    return Glossary(ordered, pattern)


@lru_cache(maxsize=4)
def _load_cached(path: str, mtime_ns: int) -> Glossary:
    return parse_terms(Path(path).read_text(encoding="utf-8"), origin=path)


def load_terms(path: Path | None = None) -> Glossary:
    path = path or DEFAULT_TERMS
    if not path.exists():
        return Glossary((), None)
    return _load_cached(str(path), path.stat().st_mtime_ns)


# --------------------------------------------------------------------------
# Masking
# --------------------------------------------------------------------------

_LEAD_MARKER = re.compile(r"^\s*([①-⑳❶-❿・※■●○◆◇▼▲]|【[^】]{1,30}】)\s*")
_PLACEHOLDER = re.compile(r"(?<![A-Za-z])Z\s?Z\s?([A-Z])(?![A-Za-z])")


def _slot_name(i: int) -> str:
    return "ZZ" + chr(ord("A") + i)


@dataclass(frozen=True)
class Masked:
    source: str
    text: str  # what the model sees
    lead: str  # list marker taken off the front ("" if none)
    slots: tuple[str, ...]  # Japanese term per placeholder letter


def mask(source: str, glossary: Glossary) -> Masked:
    """Take off a leading marker and replace protected terms by placeholders
    (the same term always gets the same placeholder)."""
    lead = ""
    text = source
    m = _LEAD_MARKER.match(text)
    if m and m.end() < len(text):  # never strip a segment down to nothing
        lead, text = m.group(1), text[m.end():]
    slots: list[str] = []

    def _sub(match: re.Match[str]) -> str:
        ja = match.group(0)
        if ja not in slots:
            if len(slots) >= 26:
                return ja  # out of letters: leave the rest to the model
            slots.append(ja)
        return f" {_slot_name(slots.index(ja))} "

    if glossary.pattern is not None:
        text = glossary.pattern.sub(_sub, text)
    # Japanese has no spaces: the ones around placeholders only help the
    # tokenizer see them as words; drop those at the ends.
    return Masked(source, re.sub(r" {2,}", " ", text).strip(), lead, tuple(slots))


_NOTHING_TO_TRANSLATE = re.compile(r"[\W\d_]*")


def needs_model(masked: Masked) -> bool:
    """False when nothing but placeholders, numbers and punctuation is left
    (a segment that *is* a protected term, e.g. a bureau name): its
    approved translation is the draft, the model is not asked."""
    rest = _PLACEHOLDER.sub(" ", masked.text)
    return not _NOTHING_TO_TRANSLATE.fullmatch(rest)


def unmask(output: str, masked: Masked, locale: str, glossary: Glossary) -> tuple[str, list[str]]:
    """Put approved term translations (and the leading marker) back.
    Returns the text and ``lost-term:…`` flags for placeholders the model dropped."""
    seen: set[int] = set()

    def _sub(match: re.Match[str]) -> str:
        i = ord(match.group(1)) - ord("A")
        if i >= len(masked.slots):
            return match.group(0)
        seen.add(i)
        return glossary.get(masked.slots[i]).target(locale)

    text = _PLACEHOLDER.sub(_sub, output)
    if locale in ("zh-hans", "ja", "ja-easy", "th"):
        # scripts without spaces between words: no spaces around inserted terms
        text = re.sub(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])", "", text)
    text = re.sub(r"\s{2,}", " ", text).strip()
    flags = [f"lost-term:{ja}" for i, ja in enumerate(masked.slots) if i not in seen]
    if masked.lead:
        sep = "" if masked.lead.startswith("【") or not text else " "
        text = f"{masked.lead}{sep}{text}" if text else masked.lead
    return text, flags


# --------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------

_ERA_BASE = {"令和": 2018, "平成": 1988, "昭和": 1925}
_ERA = re.compile(r"(令和|平成|昭和)\s*(\d+|元)\s*年")
_MONTH = re.compile(r"(\d{1,2})\s*月")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_CIRCLED = re.compile(r"[①-⑳❶-❿]")


def _norm(text: str) -> str:
    # NFKC turns full-width digits into ASCII but also ① into 1: keep circled
    # numbers as they are, they are checked separately.
    return "".join(c if _CIRCLED.match(c) else unicodedata.normalize("NFKC", c) for c in text)


def _canon(number: str) -> str:
    """1,234 / 1.234 / 1234 are the same number; 1.5 stays 1.5."""
    n = re.sub(r"[,.](?=\d{3}(?!\d))", "", number)
    return n.replace(",", ".")


def _numbers(text: str) -> list[str]:
    return [_canon(n) for n in _NUMBER.findall(text)]


@lru_cache(maxsize=32)
def _month_names(locale: str) -> dict[int, tuple[str, ...]]:
    from babel.dates import get_month_names

    try:
        babel_id = locales.get(locale).babel_locale
    except KeyError:
        babel_id = "en"
    out: dict[int, tuple[str, ...]] = {}
    for width in ("wide", "abbreviated"):
        for ctx in ("format", "stand-alone"):
            for m, name in get_month_names(width, ctx, locale=babel_id).items():
                out.setdefault(m, ())
                out[m] = (*out[m], name.lower().rstrip("."))
    return out


def check(source: str, output: str, locale: str) -> list[str]:
    """Flags for numbers, years, months and ①② markers of ``source``
    missing from ``output``."""
    src, out = _norm(source), _norm(output)
    out_numbers = _numbers(out)
    out_lower = out.lower()
    flags: list[str] = []

    def _take(*alternatives: str) -> bool:
        for alt in alternatives:
            if alt in out_numbers:
                out_numbers.remove(alt)
                return True
        return False

    # Years first: 令和3年 may come out as "2021" or "Reiwa 3".
    for era, n in _ERA.findall(src):
        num = 1 if n == "元" else int(n)
        year = str(_ERA_BASE[era] + num)
        if not _take(year, str(num)):
            flags.append(f"lost-number:{year}")
    rest = _ERA.sub(" ", src)
    # Months: "4月" may come out as "April"/"abril"/"4月".
    for n in _MONTH.findall(rest):
        month = int(n)
        if 1 <= month <= 12 and not _take(str(month)):
            names = _month_names(locale).get(month, ())
            if not any(name and name in out_lower for name in names):
                flags.append(f"lost-number:{month}月")
    rest = _MONTH.sub(" ", rest)
    for n in _numbers(rest):
        if not _take(n):
            flags.append(f"lost-number:{n}")
    for marker in _CIRCLED.findall(src):
        if marker not in out:
            flags.append(f"lost-marker:{marker}")
    return list(dict.fromkeys(flags))
