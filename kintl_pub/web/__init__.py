"""Web layer: one blueprint per audience (public, embed, api, workspace, auth).

Shared request plumbing lives here: a read session per request, CSRF on every
form, rate limits, and security headers.
"""

from __future__ import annotations

from flask import Flask, g, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFProtect

csrf = CSRFProtect()
limiter = Limiter(key_func=get_remote_address)


def db():
    """The request's store session (opened lazily, closed at teardown)."""
    if "db" not in g:
        from flask import current_app

        g.db = current_app.extensions["kintl_sessions"]()
    return g.db


def register_web(app: Flask) -> None:
    from ..segment import parse_blocks
    from . import i18n
    from .cache import CacheMiddleware, ResponseCache

    csrf.init_app(app)
    limiter.init_app(app)
    i18n.install(app)
    app.jinja_env.filters["blocks"] = parse_blocks
    app.jinja_env.filters["shown_html"] = _shown_html
    app.extensions["kintl_cache"] = ResponseCache()
    app.wsgi_app = CacheMiddleware(app, app.wsgi_app, app.extensions["kintl_cache"])  # type: ignore[method-assign]

    @app.teardown_appcontext
    def _close_db(_exc: BaseException | None) -> None:
        session = g.pop("db", None)
        if session is not None:
            session.close()

    @app.after_request
    def _security_headers(resp):  # type: ignore[no-untyped-def]
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
        resp.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        resp.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            "script-src 'self'; object-src 'none'; base-uri 'self'; "
            "form-action 'self'; frame-ancestors 'none'",
        )
        # Embeds set their own frame-ancestors; X-Frame-Options would veto it.
        if request.blueprint != "embed":
            resp.headers.setdefault("X-Frame-Options", "DENY")
        return resp

    from .embed import bp as embed_bp
    from .embed import oembed_bp
    from .public import bp as public_bp
    from .public import not_found

    app.register_blueprint(public_bp)
    app.register_blueprint(embed_bp)
    app.register_blueprint(oembed_bp)
    app.register_error_handler(404, not_found)


def _shown_html(shown):  # type: ignore[no-untyped-def]
    """A resolved text as HTML, honouring the reader's Easy Japanese prefs."""
    prefs = g.get("prefs")
    if prefs is None:
        return shown.html()
    return shown.html(furigana=prefs.furigana, wakachi=prefs.wakachi)
