"""What every quality check is: one small class (id, name, description,
``check``), in the style of Weblate's ``checks/``, and what it finds."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from .. import locales

WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    """One problem a check found in one translation."""

    check: str  # the check's id, e.g. "lost-number"
    detail: str = ""  # what exactly, e.g. "2021"
    severity: str = WARNING

    @property
    def flag(self) -> str:
        """The flag stored on a draft and written to catalogs
        (``lost-number:2021``; the bare id when there is no detail)."""
        return f"{self.check}:{self.detail}" if self.detail else self.check


class Check:
    """A quality check of a translation against its source.

    Subclasses set ``id`` (stable: it is stored in flags), ``name`` and
    ``description`` (shown to translators) and implement :meth:`check`.
    """

    id: ClassVar[str]
    name: ClassVar[str]
    description: ClassVar[str]
    severity: ClassVar[str] = WARNING

    def applies(self, locale: str) -> bool:
        """Whether the check means anything for ``locale`` (a URL code)."""
        return locale != locales.SOURCE.code

    def check(self, source: str, target: str, locale: str) -> list[Finding]:
        raise NotImplementedError

    def found(self, detail: str = "") -> Finding:
        return Finding(self.id, detail, self.severity)


def is_easy(locale: str) -> bool:
    return locale == locales.EASY.code


def plain(target: str, locale: str) -> str:
    """The text a reader sees: Easy Japanese markup ({漢字|かんじ}, [語|説明],
    ``/``) taken off for ja-easy, other locales as they are."""
    if not is_easy(locale):
        return target
    from ..easy.markup import to_plain  # web-safe: no Sudachi

    return to_plain(target, with_glosses=False)
