"""The JSON API (``/api/v1/``) and the Atom feeds of changes: other
renderers of the pages' view models (``render.api``, ``render.atom``).

* ``views``   – the GET operations (blueprint ``api``);
* ``params``  – their query parameters, checked (400 problem on bad input);
* ``http``    – problem+json errors, CORS, ETag / Cache-Control / 304;
* ``openapi`` – the OpenAPI 3.1 document, written as data;
* ``feed``    – ``/{lang}/changes.atom`` (blueprint ``feed``);
* ``memo``    – a locale's initiative views built together (``build-static``);
* ``export``  – the documents ``build-static`` writes.
"""

from __future__ import annotations

from flask import Flask
from werkzeug.exceptions import HTTPException

from .. import exports


def init_app(app: Flask) -> None:
    from . import export, feed, http, memo, views

    memo.init_app(app)
    app.register_blueprint(views.bp)
    app.register_blueprint(feed.bp)
    app.register_error_handler(HTTPException, http.http_error)
    app.after_request(http.after_request)
    app.context_processor(feed.feed_link)
    exports.register(app, export.documents)
