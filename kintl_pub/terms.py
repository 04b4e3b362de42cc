"""The protected terms table ``data/terms.tsv``: proper nouns and their
approved translation per locale.

Machine translation masks them (``mt.protect``) and the quality checks
(``checks``) warn when a translation lost one.  Not the Easy Japanese
glossary (``easy.rewrite.glossary``), which says how to *simplify* words.
A table of facts like ``locales.py``: it imports only ``locales`` and
``project``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
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
class ProtectedTerms:
    terms: tuple[Term, ...]
    pattern: re.Pattern[str] | None  # every term, longest first

    def find(self, text: str) -> list[str]:
        return self.pattern.findall(text) if self.pattern else []

    def get(self, ja: str) -> Term:
        return next(t for t in self.terms if t.ja == ja)


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
