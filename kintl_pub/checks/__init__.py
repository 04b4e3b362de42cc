"""Quality checks of translations, in one registry (Weblate's ``checks/``).

Each check is one small class with an ``id`` (stable: stored in flags),
a ``name``, a ``description`` and ``check(source, target, locale)``
returning :class:`Finding`\\ s.  Machine translation stores the findings of
:data:`MT_CHECKS` as flags on its drafts; ``catalogs import`` reports every
applicable check's findings as warnings; the translators' workspace will
show the same.  A warning never refuses a text.

May import: ``locales``, ``text``, ``terms``; ``easy.preserve`` and
``easy.markup`` (pure Python) for the ja-easy locale.  Never ``web``.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..terms import ProtectedTerms
from .base import Check, Finding
from .form import (
    EmptyCheck,
    IdenticalCheck,
    JapaneseLeftCheck,
    LengthCheck,
    MarkupCheck,
    ScriptCheck,
)
from .preserve import EasyPreserveCheck, MarkersCheck, NumbersCheck, TermsCheck

#: Every check, in report order.
CHECKS: tuple[Check, ...] = (
    TermsCheck(),
    NumbersCheck(),
    MarkersCheck(),
    EasyPreserveCheck(),
    EmptyCheck(),
    MarkupCheck(),
    LengthCheck(),
    IdenticalCheck(),
    ScriptCheck(),
    JapaneseLeftCheck(),
)
BY_ID: dict[str, Check] = {c.id: c for c in CHECKS}

#: The checks whose findings machine drafts carry as flags (their flags
#: predate the registry; the others are warnings for people).
MT_CHECKS: tuple[str, ...] = ("lost-term", "lost-number", "lost-marker", "empty-output")


def get(check_id: str) -> Check:
    try:
        return BY_ID[check_id]
    except KeyError:
        raise KeyError(f"unknown check {check_id!r}; known: {', '.join(BY_ID)}") from None


def run(
    source: str,
    target: str,
    locale: str,
    *,
    only: Iterable[str] | None = None,
    terms: ProtectedTerms | None = None,
) -> list[Finding]:
    """Findings of every check that applies to ``locale`` (or of the checks
    named in ``only``, in registry order).  ``terms`` replaces the protected
    terms file for the ``lost-term`` check."""
    wanted = set(only) if only is not None else None
    if wanted is not None and (unknown := wanted - set(BY_ID)):
        raise KeyError(f"unknown check(s) {sorted(unknown)}; known: {', '.join(BY_ID)}")
    found: list[Finding] = []
    for check in CHECKS:
        if wanted is not None and check.id not in wanted:
            continue
        if not check.applies(locale):
            continue
        if terms is not None and isinstance(check, TermsCheck):
            check = TermsCheck(terms)
        found += check.check(source, target, locale)
    return found


def flags(
    source: str,
    target: str,
    locale: str,
    *,
    only: Iterable[str] | None = None,
    terms: ProtectedTerms | None = None,
) -> list[str]:
    """The findings as flag strings (``lost-number:2021``)."""
    return [f.flag for f in run(source, target, locale, only=only, terms=terms)]


__all__ = ["CHECKS", "MT_CHECKS", "BY_ID", "Check", "Finding", "get", "run", "flags"]
