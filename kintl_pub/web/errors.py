"""Error pages: in the reader's language (from the URL), with a way back."""

from __future__ import annotations

import unicodedata

from flask import current_app, redirect, request
from werkzeug.exceptions import HTTPException
from werkzeug.routing import RequestRedirect
from werkzeug.wrappers import Response

from .. import locales
from .context import languages, render, use_lang


def canonical(path: str) -> str | None:
    """The NFKC form of a path that only matches a route in that form
    (full-width digits typed in a Japanese input mode: ／en／initiatives／１／),
    else None.  One URL per page: the other form redirects, never serves."""
    folded = unicodedata.normalize("NFKC", path)
    if folded == path or not folded.isascii():
        return None
    adapter = current_app.url_map.bind("localhost")
    try:
        adapter.match(folded, method="GET")
    except RequestRedirect as moved:  # e.g. the trailing slash
        return moved.new_url.split("localhost", 1)[-1]
    except HTTPException:
        return None
    return folded


def not_found(exc: Exception) -> tuple[str, int] | Response:
    from .api.http import is_api, problem_for

    if is_api() and isinstance(exc, HTTPException):
        return problem_for(exc)  # the API answers in JSON (problem+json)
    if request.method in ("GET", "HEAD") and (target := canonical(request.path)):
        query = request.query_string.decode("latin-1")
        return redirect(target + (f"?{query}" if query else ""), code=301)
    code = (request.view_args or {}).get("lang")
    if code not in locales.BY_CODE:
        # /{lang}/… or /embed/{lang}/…
        first = request.path.strip("/").split("/", 1)[0]
        if request.path.startswith("/embed/"):
            first = request.path.split("/")[2]
        code = first if first in locales.BY_CODE else "en"
    use_lang(code)
    return render("public/error.html", alternates=languages()), 404
