"""Web layer: one blueprint per audience (public, embed, api, workspace, auth).

Shared request plumbing lives here: a read session per request, CSRF on every
form, rate limits, and security headers.
"""

from __future__ import annotations

from flask import Flask, g
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

    csrf.init_app(app)
    limiter.init_app(app)
    app.jinja_env.filters["blocks"] = parse_blocks

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
        resp.headers.setdefault("X-Frame-Options", "DENY")
        return resp

    from .public import bp as public_bp

    app.register_blueprint(public_bp)
