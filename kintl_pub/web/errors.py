"""Error pages: in the reader's language (from the URL), with a way back."""

from __future__ import annotations

from flask import request

from .. import locales
from .context import languages, render, use_lang


def not_found(_exc: Exception) -> tuple[str, int]:
    code = (request.view_args or {}).get("lang")
    if code not in locales.BY_CODE:
        # /{lang}/… or /embed/{lang}/…
        first = request.path.strip("/").split("/", 1)[0]
        if request.path.startswith("/embed/"):
            first = request.path.split("/")[2]
        code = first if first in locales.BY_CODE else "en"
    use_lang(code)
    return render("public/error.html", alternates=languages()), 404
