"""The term base ``data/terms.tsv``: official names and their approved
translation per locale — the one source every reader of terminology uses.

* :func:`lookup` — the terms found in a Japanese text, each with its approved
  translation for a locale.  The API the others call: machine translation
  masks what it finds (``mt.protect``), the ``lost-term`` check
  (``checks``) warns when a translation lost one, ``prepare`` loads label
  translations that are terms from here, and the translators' workspace
  shows the hits as term hints.  Its name and result are stable.
* :func:`load_terms` — the whole table (:class:`ProtectedTerms`).

Not the Easy Japanese glossary (``easy.rewrite.glossary``), which says how
to *simplify* words.  A table of facts like ``locales.py``: it imports only
``locales`` and ``project``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from . import locales
from .project import DATA_DIR

DEFAULT_TERMS = DATA_DIR / "terms.tsv"
#: a cell saying "write the Japanese term as it is"
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
class TermMatch:
    """One term of the term base found in a text (see :func:`lookup`)."""

    ja: str  # the term as the term base (and the text) writes it
    target: str  # its approved translation for the locale asked about
    start: int  # where it is in the text searched
    end: int


@dataclass(frozen=True)
class ProtectedTerms:
    terms: tuple[Term, ...]
    pattern: re.Pattern[str] | None  # every term, longest first

    def find(self, text: str) -> list[str]:
        return self.pattern.findall(text) if self.pattern else []

    def get(self, ja: str) -> Term:
        return self._by_ja[ja]

    def has(self, ja: str) -> bool:
        return ja in self._by_ja

    # cached per table (a frozen dataclass still has a __dict__ for these)
    @cached_property
    def _by_ja(self) -> dict[str, Term]:
        return {t.ja: t for t in self.terms}

    @cached_property
    def _surface_cache(self) -> dict[str, tuple[re.Pattern[str] | None, dict[str, str]]]:
        return {}

    def surface_pattern(self, locale: str) -> tuple[re.Pattern[str] | None, dict[str, str]]:
        """Terms as a translation into ``locale`` writes them: a pattern over
        the approved texts (longest first, whole words in Latin script) and
        approved text → Japanese term.  Machine translation from people's
        English masks these (the English text is the source then)."""
        if locale not in self._surface_cache:
            self._surface_cache[locale] = _surfaces(self.terms, locale)
        return self._surface_cache[locale]


def _surfaces(terms: tuple[Term, ...], locale: str) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    by_text: dict[str, str] = {}
    for t in terms:  # longest Japanese first: a longer name keeps its own text
        by_text.setdefault(t.target(locale), t.ja)
    texts = sorted(by_text, key=lambda x: (-len(x), x))
    if not texts:
        return None, by_text

    def _word(x: str) -> str:
        # "Tama Ward" must not match inside "Tamagawa": whole words where the text has letters at its ends
        head = r"(?<!\w)" if x[:1].isalnum() and x[:1].isascii() else ""
        tail = r"(?!\w)" if x[-1:].isalnum() and x[-1:].isascii() else ""
        return head + re.escape(x) + tail

    return re.compile("|".join(_word(x) for x in texts)), by_text


def parse_terms(text: str, *, origin: str = "terms.tsv") -> ProtectedTerms:
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
    return ProtectedTerms(ordered, pattern)


@lru_cache(maxsize=4)
def _load_cached(path: str, mtime_ns: int) -> ProtectedTerms:
    return parse_terms(Path(path).read_text(encoding="utf-8"), origin=path)


def load_terms(path: Path | None = None) -> ProtectedTerms:
    path = path or DEFAULT_TERMS
    if not path.exists():
        return ProtectedTerms((), None)
    return _load_cached(str(path), path.stat().st_mtime_ns)


def lookup(text: str, locale: str, terms: ProtectedTerms | None = None) -> list[TermMatch]:
    """The terms of the term base in the Japanese ``text``, in order of
    appearance, each with its approved translation for ``locale`` (a URL
    code; a locale without a column gets the English, ``keep`` the
    Japanese).  Where terms overlap the longest wins (川崎市国際交流協会, not
    川崎市 inside it).  ``terms`` defaults to ``data/terms.tsv``.

    The one lookup of the term base: machine translation, the ``lost-term``
    check, the label loader and the workspace's term hints call it."""
    terms = terms if terms is not None else load_terms()
    if terms.pattern is None:
        return []
    return [
        TermMatch(m.group(0), terms.get(m.group(0)).target(locale), m.start(), m.end())
        for m in terms.pattern.finditer(text)
    ]


def approved(ja: str, locale: str, terms: ProtectedTerms | None = None) -> str | None:
    """The approved translation of ``ja`` when the whole text is a term
    (a bureau, a ward, a place name as a label), else None."""
    terms = terms if terms is not None else load_terms()
    return terms.get(ja).target(locale) if terms.has(ja) else None
