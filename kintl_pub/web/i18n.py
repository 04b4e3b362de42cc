"""UI strings of a request: the reader's catalog (``catalogs.ui``, shared
with the PDF builder) for Python code and Jinja.

How catalogs are found, and their fallback chain, is said there.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from babel.support import NullTranslations
from flask import Flask, current_app, g, has_request_context
from markupsafe import Markup, escape

from .. import locales
from ..catalogs.ui import format_message, translations_for

__all__ = ["gettext", "install", "ngettext", "ruby", "translations_for", "use_locale"]


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


# Easy Japanese UI strings with furigana.  ``prepare`` stores the readings of
# every ja@easy (and ja) msgstr (easy/ui.py: instance/easy/ui-ruby.json); here
# they are only looked up.  A string keeps its plain form wherever it is used
# (attributes, <title>); ``{{ _('…')|ruby }}`` shows the ruby in page text.
class UiText(Markup):
    """A translated UI string that also carries its Easy Japanese ruby HTML."""

    ruby: Markup


class UiStr(str):
    """The same for the Python-side gettext (e.g. field headings)."""

    ruby: Markup


@lru_cache(maxsize=4)
def _ruby_strings(path: str) -> dict[str, str]:
    try:
        return dict(json.loads(Path(path).read_text(encoding="utf-8")).get("strings", {}))
    except (OSError, ValueError):
        return {}  # not built yet (prepare makes it): the strings show without ruby


def _ruby_path() -> str:
    """Where ``prepare`` stored the readings (app config ``EASY_UI_RUBY``, else the instance folder)."""
    from ..project import instance_dir

    return str(current_app.config.get("EASY_UI_RUBY") or instance_dir() / "easy" / "ui-ruby.json")


def _with_ruby(plain: S, translated: str, variables: dict[str, object]) -> S:
    if not has_request_context() or g.get("ui_locale") != locales.EASY.code:
        return plain
    prefs = g.get("prefs")
    if prefs is not None and not prefs.furigana:
        return plain  # the reader switched furigana off: UI strings too
    marked = _ruby_strings(_ruby_path()).get(translated)
    if marked is None:
        return plain
    from ..easy import markup

    out: UiText | UiStr = UiText(plain) if isinstance(plain, Markup) else UiStr(plain)
    out.ruby = _format(markup.render_html(marked), escape(translated), variables)
    return out  # type: ignore[return-value]


def ruby(value: object) -> object:
    """Jinja ``|ruby``: the string's furigana HTML on Easy Japanese pages, else the string."""
    return getattr(value, "ruby", value)


# Python-side callables (for the extractor: keywords _ / gettext / ngettext).
def gettext(message: str, **variables: object) -> str:
    translated = current().ugettext(message)
    return _with_ruby(_format(translated, message, variables), translated, variables)


_ = gettext


def ngettext(singular: str, plural: str, n: int, **variables: object) -> str:
    variables.setdefault("num", n)
    original = singular if n == 1 else plural
    translated = current().ungettext(singular, plural, n)
    return _with_ruby(_format(translated, original, variables), translated, variables)


# Jinja side: our own callables instead of Jinja's "newstyle" wrapper, which
# marks the catalog string as safe Markup (a "<" in a msgstr would become
# markup) and crashes on a stray "%".  Here the msgstr is escaped first and
# the variables are escaped by Markup's "%".
def _jinja_gettext(message: str, **variables: object) -> Markup:
    translated = current().ugettext(message)
    return _with_ruby(_format(escape(translated), escape(message), variables), translated, variables)


def _jinja_ngettext(singular: str, plural: str, n: int, **variables: object) -> Markup:
    variables.setdefault("num", n)
    original = singular if n == 1 else plural
    translated = current().ungettext(singular, plural, n)
    return _with_ruby(_format(escape(translated), escape(original), variables), translated, variables)


def install(app: Flask) -> None:
    app.jinja_env.filters["ruby"] = ruby
    app.jinja_env.add_extension("jinja2.ext.i18n")
    # the i18n extension adds this method to the environment at run time
    app.jinja_env.install_gettext_callables(  # type: ignore[attr-defined]
        _jinja_gettext, _jinja_ngettext, newstyle=False
    )
