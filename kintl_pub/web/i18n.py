"""UI strings of a request: the reader's catalog (``catalogs.ui``, shared
with the PDF builder) for Python code and Jinja.

How catalogs are found, and their fallback chain, is said there.
"""

from __future__ import annotations

from typing import TypeVar

from babel.support import NullTranslations
from flask import Flask, g, has_request_context
from markupsafe import Markup, escape

from ..catalogs.ui import format_message, translations_for

__all__ = ["gettext", "install", "ngettext", "translations_for", "use_locale"]


def current() -> NullTranslations:
    if has_request_context():
        t = g.get("ui_translations")
        if t is not None:
            return t
    return NullTranslations()


def use_locale(code: str) -> None:
    g.ui_translations = translations_for(code)
    g.ui_locale = code


S = TypeVar("S", str, Markup)


def _format(translated: S, original: S, variables: dict[str, object]) -> S:
    return format_message(translated, original, variables)


# Python-side callables (for the extractor: keywords _ / gettext / ngettext).
def gettext(message: str, **variables: object) -> str:
    return _format(current().ugettext(message), message, variables)


_ = gettext


def ngettext(singular: str, plural: str, n: int, **variables: object) -> str:
    variables.setdefault("num", n)
    original = singular if n == 1 else plural
    return _format(current().ungettext(singular, plural, n), original, variables)


# Jinja side: our own callables instead of Jinja's "newstyle" wrapper, which
# marks the catalog string as safe Markup (a "<" in a msgstr would become
# markup) and crashes on a stray "%".  Here the msgstr is escaped first and
# the variables are escaped by Markup's "%".
def _jinja_gettext(message: str, **variables: object) -> Markup:
    return _format(escape(current().ugettext(message)), escape(message), variables)


def _jinja_ngettext(singular: str, plural: str, n: int, **variables: object) -> Markup:
    variables.setdefault("num", n)
    original = singular if n == 1 else plural
    return _format(escape(current().ungettext(singular, plural, n)), escape(original), variables)


def install(app: Flask) -> None:
    app.jinja_env.add_extension("jinja2.ext.i18n")
    # the i18n extension adds this method to the environment at run time
    app.jinja_env.install_gettext_callables(  # type: ignore[attr-defined]
        _jinja_gettext, _jinja_ngettext, newstyle=False
    )
