"""kintl-pub: multilingual, accessible publishing of Kawasaki City's
international-policy progress sheet.

``create_app()`` builds the web process.  It only reads the store: it never
imports the MT engine (torch) or the Easy Japanese analysers.
"""

from __future__ import annotations

from typing import Any

from flask import Flask

from .config import from_env
from .store.db import get_engine, init_db, session_factory

__version__ = "0.1.0"


def create_app(overrides: dict[str, Any] | None = None) -> Flask:
    from .project import PROJECT_ROOT as root

    app = Flask(
        __name__,
        template_folder=str(root / "templates"),
        static_folder=str(root / "static"),
        instance_path=str(root / "instance"),
    )
    app.config.update(from_env())
    if overrides:
        app.config.update(overrides)

    engine = get_engine(app.config["DATABASE_URL"])
    init_db(engine)
    app.extensions["kintl_sessions"] = session_factory(engine)

    from .web import register_web

    register_web(app)
    if app.config.get("TRUSTED_PROXIES"):
        from werkzeug.middleware.proxy_fix import ProxyFix

        n = app.config["TRUSTED_PROXIES"]
        # outermost: the response cache and the rate limit see the reader's address
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n)  # type: ignore[method-assign]
    return app
