"""Checks that a translation kept what its source must not lose: numbers
and dates, ①② markers, protected terms, and (for Easy Japanese) every item
``easy.preserve`` protects.  Their ids are the flags machine drafts have
always carried (``lost-number:2021``, ``lost-marker:②``,
``lost-term:川崎港``, ``lost:…``), so stored data stays valid."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .. import locales
from ..terms import ProtectedTerms, load_terms
from ..text import ERA_NAMES, ERAS, NUMBERED_MARKERS
from .base import Check, Finding, is_easy, plain

_ERA = re.compile(rf"({ERA_NAMES})\s*(\d+|元)\s*年")
_MONTH = re.compile(r"(\d{1,2})\s*月")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_MARKER = re.compile(f"[{NUMBERED_MARKERS}]")


def _norm(text: str) -> str:
    # NFKC turns full-width digits into ASCII but also ① into 1: keep circled
    # numbers as they are, they are checked separately.
    return "".join(c if _MARKER.match(c) else unicodedata.normalize("NFKC", c) for c in text)


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


class NumbersCheck(Check):
    id = "lost-number"
    name = "Numbers and dates"
    description = (
        "Every number, year and month of the source is in the translation "
        "(令和3年 may be written 2021 or Reiwa 3; 4月 may be April)."
    )

    def applies(self, locale: str) -> bool:
        return super().applies(locale) and not is_easy(locale)  # ja-easy: EasyPreserveCheck

    def check(self, source: str, target: str, locale: str) -> list[Finding]:
        # One pool of the target's numbers, taken in order years → months →
        # other numbers, so a year is not counted again as a plain number.
        src, out = _norm(source), _norm(target)
        out_numbers = _numbers(out)
        out_lower = out.lower()
        details: list[str] = []

        def _take(*alternatives: str) -> bool:
            for alt in alternatives:
                if alt in out_numbers:
                    out_numbers.remove(alt)
                    return True
            return False

        # Years first: 令和3年 may come out as "2021" or "Reiwa 3".
        for era, n in _ERA.findall(src):
            num = 1 if n == "元" else int(n)
            year = str(ERAS[era] + num)
            if not _take(year, str(num)):
                details.append(year)
        rest = _ERA.sub(" ", src)
        # Months: "4月" may come out as "April"/"abril"/"4月".
        for n in _MONTH.findall(rest):
            month = int(n)
            if 1 <= month <= 12 and not _take(str(month)):
                names = _month_names(locale).get(month, ())
                if not any(name and name in out_lower for name in names):
                    details.append(f"{month}月")
        rest = _MONTH.sub(" ", rest)
        for n in _numbers(rest):
            if not _take(n):
                details.append(n)
        return [self.found(d) for d in dict.fromkeys(details)]


class MarkersCheck(Check):
    id = "lost-marker"
    name = "①② markers"
    description = "Every numbered item marker (①②…, ❶❷…) of the source is in the translation."

    def applies(self, locale: str) -> bool:
        return super().applies(locale) and not is_easy(locale)

    def check(self, source: str, target: str, locale: str) -> list[Finding]:
        missing = [m for m in _MARKER.findall(_norm(source)) if m not in _norm(target)]
        return [self.found(m) for m in dict.fromkeys(missing)]


class TermsCheck(Check):
    id = "lost-term"
    name = "Protected terms"
    description = (
        "Every protected proper noun of the source (data/terms.tsv) appears in "
        "the translation with its approved translation for the locale."
    )

    def __init__(self, terms: ProtectedTerms | None = None) -> None:
        self._terms = terms

    @property
    def terms(self) -> ProtectedTerms:
        return self._terms if self._terms is not None else load_terms()

    def applies(self, locale: str) -> bool:
        return locale in {loc.code for loc in locales.MT_TARGETS}  # the table's columns

    def check(self, source: str, target: str, locale: str) -> list[Finding]:
        terms = self.terms
        found = list(dict.fromkeys(terms.find(source)))
        # Longest approved text first, each occurrence used once: "Kawasaki"
        # is not found inside the "Kawasaki City" of another term.
        rest = target
        missing: set[str] = set()
        for ja in sorted(found, key=lambda j: -len(terms.get(j).target(locale))):
            approved = terms.get(ja).target(locale)
            if approved in rest:
                rest = rest.replace(approved, "\0", 1)
            else:
                missing.add(ja)
        return [self.found(ja) for ja in found if ja in missing]


class EasyPreserveCheck(Check):
    id = "lost"
    name = "Easy Japanese keeps every item"
    description = (
        "An Easy Japanese rewrite keeps every number, date, amount and Latin-script "
        "name of its source (the rule ``easy build`` enforces on its own drafts)."
    )

    def applies(self, locale: str) -> bool:
        return is_easy(locale)

    def check(self, source: str, target: str, locale: str) -> list[Finding]:
        from ..easy import preserve  # pure Python, no Sudachi (tokens are optional)

        return [self.found(item) for item in preserve.lost(source, plain(target, locale))]
