"""UI strings (Babel's ``messages`` domain), one catalog per locale, for
every renderer: the web (``web.i18n`` wraps this for requests and Jinja) and
the PDF builder, which runs outside any request.

We load ``translations/<babel id>/LC_MESSAGES/messages.po`` ourselves instead
of letting gettext/Flask-Babel find a folder: ``gettext.find`` normalises
``ja@easy`` into ``ja_JP.eucJP@easy`` and Babel aliases ``tl``/``pt``/``zh``
(see ``locales.py``).  The ``.po`` file is read (and compiled in memory) once
per process, so a translator's file is live after a restart without a separate
compile step; a ``.mo`` next to it is used when it is newer.

Fallback chain: the locale's catalog → (for ``ja-easy``) the Japanese catalog
→ the English msgid.  Fuzzy entries are never shown.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable
from functools import lru_cache
from typing import TypeVar

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations
from markupsafe import Markup

from .. import locales
from ..project import TRANSLATIONS_DIR

_log = logging.getLogger(__name__)
DOMAIN = "messages"


def _load_one(babel_id: str) -> NullTranslations | None:
    folder = TRANSLATIONS_DIR / babel_id / "LC_MESSAGES"
    po, mo = folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"
    if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as fh:
            return Translations(fp=fh, domain=DOMAIN)
    if not po.exists():
        return None
    with po.open("rb") as fh:
        catalog = read_po(fh, locale=locales.BY_BABEL_ID[babel_id].babel_locale)
    # Babel's write_mo keeps a plural entry whose msgstr[] are all empty
    # (the tuple is truthy) and then falls back to msgid[0] for every n —
    # "109 initiative found" in an untranslated one-plural-form catalog.
    for msg in list(catalog):
        if msg.id and isinstance(msg.string, tuple) and not any(msg.string):
            del catalog[msg.id]
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    buf.seek(0)
    return Translations(fp=buf, domain=DOMAIN)


@lru_cache(maxsize=32)
def translations_for(code: str) -> NullTranslations:
    """The UI catalog for a URL locale code, with its fallbacks chained."""
    loc = locales.BY_CODE.get(code, locales.BY_CODE["en"])
    chain = [loc.babel_id]
    if loc.code == locales.EASY.code:
        chain.append("ja")  # plain Japanese reads better than English here
    primary: NullTranslations | None = None
    for bid in chain:
        t = _load_one(bid)
        if t is None:
            continue
        if primary is None:
            primary = t
        else:
            primary.add_fallback(t)
    return primary or NullTranslations()


# A translator's msgstr must never take a page down: a stray "%" or a
# misspelt placeholder falls back to the English source string (and is logged).
S = TypeVar("S", str, Markup)


def format_message(translated: S, original: S, variables: dict[str, object]) -> S:
    if not variables:
        return translated
    try:
        return translated % variables
    except (KeyError, ValueError, TypeError):
        _log.warning("bad placeholder in translation of %r: %r", str(original), str(translated))
        return original % variables


def gettext_for(code: str) -> Callable[..., str]:
    """A ``_("Policy %(num)s", num="Ⅰ")`` for locale ``code`` outside any
    request (the PDF builder; the web uses ``web.i18n.gettext``)."""
    catalog = translations_for(code)

    def _(message: str, **variables: object) -> str:
        return format_message(catalog.ugettext(message), message, variables)

    return _
