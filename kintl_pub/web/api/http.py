"""HTTP for the API: JSON documents, errors as ``application/problem+json``
(RFC 9457), CORS for GET from any origin, and ETag / Cache-Control on every
response with conditional requests answered 304.

The response cache (``web/cache.py``) keeps the 200 documents with these
headers and answers ``If-None-Match`` on a hit the same way.
"""

from __future__ import annotations

import json
from typing import Any

from flask import request
from werkzeug.exceptions import HTTPException
from werkzeug.http import HTTP_STATUS_CODES
from werkzeug.wrappers import Response

PREFIX = "/api/"
MIMETYPE = "application/json"
PROBLEM = "application/problem+json"
#: documents change when people translate; a client may reuse one briefly,
#: then revalidates with its ETag (a 304 costs no rendering when cached)
MAX_AGE = 300
CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag",
}
PREFLIGHT = {
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Accept-Language, If-None-Match, If-Modified-Since, Cache-Control",
    "Access-Control-Max-Age": "86400",
}


class BadParameter(Exception):
    """A query parameter the API cannot take: a 400 problem naming it."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name, self.reason = name, reason


def dumps(data: Any) -> str:
    # keys in the order the renderer wrote them; Japanese as characters
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def document(data: Any, mimetype: str = MIMETYPE) -> Response:
    return Response(dumps(data), mimetype=mimetype)


def problem(status: int, detail: str, **extra: Any) -> Response:
    """An RFC 9457 problem: ``about:blank`` with the status phrase as title."""
    body = {"type": "about:blank", "title": HTTP_STATUS_CODES.get(status, "Error"),
            "status": status, "detail": detail, **extra}
    return Response(dumps(body), status=status, mimetype=PROBLEM)


def bad_parameter(exc: BadParameter) -> Response:
    return problem(400, f"Query parameter {exc.name!r}: {exc.reason}",
                   invalid_params=[{"name": exc.name, "reason": exc.reason}])


def is_api() -> bool:
    return request.path.startswith(PREFIX)


def http_error(exc: HTTPException) -> Response | HTTPException:
    """The app's handler for HTTP errors: a problem on API paths; elsewhere
    the error as before (the HTML pages keep their own handlers)."""
    return problem_for(exc) if is_api() else exc


def problem_for(exc: HTTPException) -> Response:
    status = exc.code or 500
    detail = exc.description or HTTP_STATUS_CODES.get(status, "Error")
    if status == 404:
        detail = f"Nothing at {request.path}; the API's operations are listed in /api/v1/openapi.json."
    resp = problem(status, detail)
    for k, v in exc.get_headers():
        if k.lower() != "content-type":  # e.g. Allow on a 405
            resp.headers[k] = v
    return resp


def finish(resp: Response) -> Response:
    """CORS, caching and validators for an API (or feed) response."""
    resp.headers.update(CORS)
    if request.method == "OPTIONS":
        resp.headers.update(PREFLIGHT)
    if resp.status_code in (200, 304):
        resp.cache_control.public = True
        resp.cache_control.max_age = MAX_AGE
    else:
        resp.cache_control.no_cache = True
    if not resp.direct_passthrough and resp.get_etag()[0] is None:
        resp.add_etag()  # a hash of the body: the same document, the same tag
    if resp.status_code == 200:
        resp.make_conditional(request)
    return resp


def after_request(resp: Response) -> Response:
    """``app.after_request``: every response on an API path."""
    return finish(resp) if is_api() else resp
