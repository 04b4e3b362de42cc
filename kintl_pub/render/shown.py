"""What a reader is shown: every text a page shows is a
:class:`~kintl_pub.catalogs.states.Shown` (text, state, language shown), so
renderers can set ``lang`` on every segment and label its state.

A page collects the sources it needs in a :class:`Resolver` and resolves them
with **one** ``resolve_many`` call.  Also here: a Shown as HTML (Easy Japanese
with or without furigana / 分かち書き), and the sheet's numbering and rating
scales as every renderer labels them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from markupsafe import Markup, escape
from sqlalchemy.orm import Session

from .. import locales
from ..catalogs.states import Shown, resolve_many
from ..store.models import DisplayState
from ..text import circled

__all__ = ["Gettext", "Resolver", "Shown", "circled", "roman", "shown_html"]

#: A UI-string translator (``_("Policy %(num)s", num="Ⅰ")``): the web passes
#: the reader's catalog; other renderers pass theirs.
Gettext = Callable[..., str]

ACHIEVEMENT_VALUES: tuple[int, ...] = (1, 2, 3, 4, 5)
CONTRIBUTION_VALUES: tuple[str, ...] = ("A", "B", "C")
ROMAN = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ"


def roman(number: int) -> str:
    """Ⅰ for policy 1 … the plain number beyond Ⅹ."""
    return ROMAN[number - 1] if 1 <= number <= len(ROMAN) else str(number)


class Resolver:
    """Collect every source a page needs, then resolve them in one query."""

    def __init__(self, session: Session, locale: str, fallback: str | None = None) -> None:
        self.session = session
        self.locale = locale
        self.fallback = fallback  # the reader's choice for untranslated text (locales.fallback_options)
        self._resolved: dict[str, Shown] = {}

    def load(self, sources: Iterable[str]) -> None:
        wanted = [s for s in dict.fromkeys(sources) if s and s not in self._resolved]
        if not wanted:
            return
        self._resolved.update(resolve_many(self.session, self.locale, wanted, fallback=self.fallback))

    def get(self, source: str | None) -> Shown | None:
        """The shown text for ``source``; None when there is no source."""
        if not source:
            return None
        if source not in self._resolved:
            self.load([source])
        return self._resolved.get(source) or Shown(source, source, DisplayState.FALLBACK, locales.SOURCE.code)

    def title(self, source: str) -> Shown:
        """Like :meth:`get`, but an empty title is shown as empty text."""
        return self.get(source) or Shown("", "", DisplayState.SOURCE, self.locale)

    def resolved(self) -> list[Shown]:
        """Every text resolved so far (e.g. for a page's word explanations)."""
        return list(self._resolved.values())


def shown_html(shown: Shown, *, furigana: bool = True, wakachi: bool = False) -> Markup:
    """A shown text as HTML: Easy Japanese with ruby (and spaces if asked),
    everything else escaped."""
    if shown.lang == locales.EASY.code:
        from ..easy.markup import render_html

        return render_html(shown.text, furigana=furigana, wakachi=wakachi)
    return escape(shown.text)
