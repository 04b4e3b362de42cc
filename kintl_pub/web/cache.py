"""In-process response cache for public pages, as WSGI middleware.

Public pages depend only on the URL, the reader's display preferences
(furigana / 分かち書き; the language untranslated text is shown in) and the
store's content.  We key on exactly that, with a
*store version* that changes whenever an import, a translation or a segment
changes, so a translator's fix shows up within ``VERSION_TTL`` seconds and no
explicit invalidation is needed.  Each gunicorn worker has its own bounded
cache (LRU, capped in bytes), which keeps memory predictable.

It sits *in front of* Flask: a hit costs a dict look-up, not a request
context, rate-limit check and template run, so cached pages are served at
close to static-file speed.  Views opt in with ``context.cached``, which marks
the request in the WSGI environ; only 200 responses of marked GET requests
are stored, without their ``Set-Cookie`` (the language cookie is re-added per
request when the reader's saved choice differs).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http.cookies import SimpleCookie
from typing import Any

from flask import Flask
from sqlalchemy.orm import Session, sessionmaker
from werkzeug.http import parse_etags, unquote_etag

from .. import locales
from ..store.version import store_version
from .context import (
    COOKIE_AGE,
    EASY_COOKIE,
    FALLBACK_COOKIE,
    LANG_COOKIE,
    MARK,
    PREFS_VALUES,
    REMEMBER,
    fallback_choice,
)

VERSION_TTL = 3.0  # seconds between store-version checks
MAX_ENTRIES = 2048
MAX_BYTES = 40 * 1024 * 1024  # per worker; keeps RSS well under 150 MB
MAX_BODY = 2 * 1024 * 1024


@dataclass
class CachedPage:
    body: bytes
    mimetype: str
    headers: list[tuple[str, str]]
    remember_lang: str | None = None  # URL code to keep in the "lang" cookie


class ResponseCache:
    def __init__(self, max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES) -> None:
        self._data: OrderedDict[Key, CachedPage] = OrderedDict()
        self._lock = threading.Lock()
        self._max = max_entries
        self._max_bytes = max_bytes
        self._bytes = 0
        self._version: str | None = None
        self._checked = 0.0

    def version(self, session_factory: sessionmaker[Session]) -> str:
        now = time.monotonic()
        if self._version is None or now - self._checked > VERSION_TTL:
            session = session_factory()
            try:
                v = store_version(session)
            finally:
                session.close()
            with self._lock:
                if v != self._version:
                    self._data.clear()
                    self._bytes = 0
                self._version, self._checked = v, now
            return v
        return self._version

    def get(self, key: Key) -> CachedPage | None:
        with self._lock:
            e = self._data.get(key)
            if e is not None:
                self._data.move_to_end(key)
            return e

    def put(self, key: Key, entry: CachedPage) -> None:
        if len(entry.body) > MAX_BODY:
            return
        with self._lock:
            old = self._data.pop(key, None)
            if old is not None:
                self._bytes -= len(old.body)
            self._data[key] = entry
            self._bytes += len(entry.body)
            while self._data and (len(self._data) > self._max or self._bytes > self._max_bytes):
                _k, dropped = self._data.popitem(last=False)
                self._bytes -= len(dropped.body)

    @property
    def size_bytes(self) -> int:
        return self._bytes

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
            self._bytes = 0
            self._version = None


# --------------------------------------------------------------------------
# WSGI middleware
# --------------------------------------------------------------------------

Key = tuple[str, ...]
StartResponse = Callable[..., Any]


def _cookies(environ: dict[str, Any]) -> dict[str, str]:
    raw = environ.get("HTTP_COOKIE")
    if not raw:
        return {}
    c: SimpleCookie = SimpleCookie()
    try:
        c.load(raw)
    except Exception:  # noqa: BLE001 - a malformed cookie header is just no cookies
        return {}
    return {k: m.value for k, m in c.items()}


def cache_key(environ: dict[str, Any], cookies: dict[str, str]) -> tuple[str, str, str, str]:
    path = environ.get("PATH_INFO", "")
    qs = environ.get("QUERY_STRING", "")
    # only the Easy Japanese pages depend on a cookie (furigana / 分かち書き)
    easy = cookies.get(EASY_COOKIE, "") if "/ja-easy/" in path else ""
    if easy not in PREFS_VALUES:
        easy = ""  # what the page does with an invalid value: the defaults
    # the public pages of a locale with a fallback switch depend on its cookie,
    # as the page reads it (an invalid value: the locale table's chain)
    lang = path.split("/")[1] if path.count("/") >= 2 else ""
    choice = fallback_choice(lang, cookies.get(FALLBACK_COOKIE)) if lang in locales.BY_CODE else None
    return (path, qs, easy, choice or "")


def _not_modified(environ: dict[str, Any], hit: CachedPage) -> bool:
    """Does the request's If-None-Match name the kept response's ETag (weak
    comparison, as Werkzeug's ``make_conditional`` does on a miss)?"""
    inm = environ.get("HTTP_IF_NONE_MATCH")
    etag = next((v for k, v in hit.headers if k.lower() == "etag"), None)
    if not inm or not etag:
        return False
    return parse_etags(inm).contains_weak(unquote_etag(etag)[0])


class CacheMiddleware:
    def __init__(self, app: Flask, wsgi_app: Callable[..., Iterable[bytes]], cache: ResponseCache) -> None:
        self.flask_app = app
        self.wsgi_app = wsgi_app
        self.cache = cache

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        cfg = self.flask_app.config
        if environ.get("REQUEST_METHOD") != "GET" or not cfg.get("RESPONSE_CACHE", True):
            return self.wsgi_app(environ, start_response)
        cookies = _cookies(environ)
        version = self.cache.version(self.flask_app.extensions["kintl_sessions"])
        # without a configured public address, pages print the request's own
        # (embed snippets): one Host must not poison another's cached page
        host = "" if cfg.get("PUBLIC_BASE_URL") else f"{environ.get('wsgi.url_scheme')}://{environ.get('HTTP_HOST', '')}"
        key = (*cache_key(environ, cookies), host, version)
        hit = self.cache.get(key)
        if hit is not None and _not_modified(environ, hit):
            # a conditional request for what the client has (the API's ETags)
            start_response("304 Not Modified", [*(h for h in hit.headers if h[0].lower() != "content-type"),
                                                ("X-Cache", "hit")])
            return []
        if hit is not None:
            headers = [*hit.headers, ("Content-Length", str(len(hit.body))), ("X-Cache", "hit")]
            if hit.remember_lang and cookies.get(LANG_COOKIE) != hit.remember_lang:
                headers.append(("Set-Cookie", self._lang_cookie(hit.remember_lang)))
            start_response("200 OK", headers)
            return [hit.body]

        captured: dict[str, Any] = {}

        def _start(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            captured["status"], captured["headers"] = status, headers
            return start_response(status, headers, exc_info) if exc_info else start_response(status, headers)

        result = self.wsgi_app(environ, _start)
        if not environ.get(MARK) or not captured.get("status", "").startswith("200"):
            return result
        try:
            body = b"".join(result)
        finally:
            close = getattr(result, "close", None)
            if close is not None:
                close()
        keep = [(k, v) for k, v in captured["headers"]
                if k.lower() not in ("set-cookie", "content-length", "x-cache")]
        ctype = next((v for k, v in keep if k.lower() == "content-type"), "text/html")
        self.cache.put(key, CachedPage(body, ctype, keep, environ.get(REMEMBER)))
        return [body]

    def _lang_cookie(self, code: str) -> str:
        secure = "; Secure" if self.flask_app.config.get("SESSION_COOKIE_SECURE") else ""
        return f"{LANG_COOKIE}={code}; Max-Age={COOKIE_AGE}; Path=/; HttpOnly; SameSite=Lax{secure}"
