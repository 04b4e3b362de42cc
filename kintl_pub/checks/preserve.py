"""Checks that a translation kept what its source must not lose: numbers
and dates, ①② markers, protected terms, and (for Easy Japanese) every item
``easy.preserve`` protects.  Their ids are the flags machine drafts have
always carried (``lost-number:2021``, ``lost-marker:②``,
``lost-term:川崎港``, ``lost:…``), so stored data stays valid."""

from __future__ import annotations

import re

from .. import locales
from ..terms import ProtectedTerms, load_terms, lookup
from ..text import NUMBERED_MARKERS
from . import numbers
from .base import Check, Finding, is_easy, plain

_MARKER = re.compile(f"[{NUMBERED_MARKERS}]")


class NumbersCheck(Check):
    id = "lost-number"
    name = "Numbers and dates"
    description = (
        "Every number, year, month, amount and time of the source is in the translation "
        "(令和3年 may be 2021 or Reiwa 3; 4月 April; 3万1,000 31,000; 2割 20%; "
        "18時 6 p.m.; 月1回 once a month)."
    )

    def applies(self, locale: str) -> bool:
        return super().applies(locale) and not is_easy(locale)  # ja-easy: EasyPreserveCheck

    def check(self, source: str, target: str, locale: str) -> list[Finding]:
        # Month names first ("March" is the 3月, so the "3" of 3拠点 stays
        # for the count), then one pool of the translation's numbers, taken
        # in order years → months → other numbers, so a year is not counted
        # again as a plain number.
        text = numbers.normalize(target)
        pending: list[numbers.Expected] = []
        for e in numbers.expected(source):
            if e.month is not None:
                rest = numbers.take_month(e.month, text, locale)
                if rest is not None:
                    text = rest
                    continue
            pending.append(e)
        pool = numbers.found(text, locale)
        details: list[str] = []
        for e in pending:
            alt = next((a for a in e.alternatives if pool[a] > 0), None)
            if alt is None:
                details.append(e.detail)
            else:
                pool[alt] -= 1
        return [self.found(d) for d in dict.fromkeys(details)]


class MarkersCheck(Check):
    id = "lost-marker"
    name = "①② markers"
    description = "Every numbered item marker (①②…, ❶❷…) of the source is in the translation."

    def applies(self, locale: str) -> bool:
        return super().applies(locale) and not is_easy(locale)

    def check(self, source: str, target: str, locale: str) -> list[Finding]:
        missing = [m for m in _MARKER.findall(source) if m not in numbers.normalize(target)]
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
        found = list(dict.fromkeys(m.ja for m in lookup(source, locale, terms)))
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
