"""The API's documents a static host can serve without reading a query
string (``build-static`` writes them; ``web/exports.py``)::

    api/v1/index.json, api/v1/openapi.json, api/v1/locales.json
    api/v1/{lang}/tree.json
    api/v1/{lang}/initiatives.json          (every initiative, one page)
    api/v1/{lang}/initiatives/{n}.json
    {lang}/changes.atom
"""

from __future__ import annotations

from collections.abc import Iterator

from flask import Flask
from sqlalchemy import select

from ... import locales
from ...store.models import Initiative
from .params import MAX_LIMIT


def documents(app: Flask) -> Iterator[tuple[str, str]]:
    """``(request path, file path)`` of every static API document."""
    session = app.extensions["kintl_sessions"]()
    try:
        numbers = list(session.scalars(select(Initiative.number).order_by(Initiative.number)))
    finally:
        session.close()
    yield "/api/v1/", "api/v1/index.json"
    yield "/api/v1/openapi.json", "api/v1/openapi.json"
    yield "/api/v1/locales", "api/v1/locales.json"
    for loc in locales.LOCALES:
        code = loc.code
        yield f"/api/v1/tree?lang={code}", f"api/v1/{code}/tree.json"
        yield f"/api/v1/initiatives?lang={code}&limit={MAX_LIMIT}", f"api/v1/{code}/initiatives.json"
        for n in numbers:
            yield f"/api/v1/initiatives/{n}?lang={code}", f"api/v1/{code}/initiatives/{n}.json"
        yield f"/{code}/changes.atom", f"{code}/changes.atom"
