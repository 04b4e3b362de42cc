"""The web process: reads the store and renders ``render``'s view models.

* ``context``  – the request context: language, prefs, cookies, cache marks,
  template rendering, security headers (one CSP);
* ``db``       – the request's store session;
* ``cache``    – the in-process response cache (WSGI middleware);
* ``i18n``     – UI strings (the ``messages`` catalogs);
* one view module per audience: ``public`` (residents' pages) with
  ``search`` (its search page) and ``pdf`` (its PDF downloads), ``embed``
  (framed pages and oEmbed) and ``errors``; ``auth`` (workspace login,
  ``login_required``) and the ``workspace`` package (translators and
  editors, ``/workspace/``); the ``api`` package (``/api/v1/``: the same
  ``render`` view models as JSON, and the Atom feeds of changes),
  registered in :func:`register_web`;
* ``commands`` – ``serve`` and ``build-static`` (the ``export`` package; what
  it writes each view module registers in ``exports``).

May import ``render``, ``search.query``, ``catalogs``, ``store`` and
``locales``; never MT or the search-index builder, and Easy Japanese
analysis only inside the workspace's view functions (editors' live feedback).
Nothing outside ``web`` imports it except ``create_app`` and the CLI.
"""

from __future__ import annotations

from flask import Flask
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFProtect

csrf = CSRFProtect()
limiter = Limiter(key_func=get_remote_address)


def register_web(app: Flask) -> None:
    from . import db, errors, i18n
    from .cache import CacheMiddleware, ResponseCache
    from .context import InitiativeNumber, check_request, security_headers, shown_filter

    csrf.init_app(app)
    limiter.init_app(app)
    db.init_app(app)
    i18n.install(app)
    app.jinja_env.filters["shown_html"] = shown_filter
    from ..render.shown import adds_only_readings, name_and_note

    app.jinja_env.filters["name_and_note"] = name_and_note  # Easy Japanese: official name + explanation
    app.jinja_env.tests["adds_only_readings"] = adds_only_readings
    app.extensions["kintl_cache"] = ResponseCache()
    app.wsgi_app = CacheMiddleware(app, app.wsgi_app, app.extensions["kintl_cache"])  # type: ignore[method-assign]
    app.after_request(security_headers)
    app.before_request(check_request)  # every parameter checked once, at the edge
    app.url_map.converters["num"] = InitiativeNumber  # before the blueprints' rules

    # One blueprint per audience.  The JSON API (/api/v1/, rendering the same
    # view models as JSON), the translators' workspace and auth (login_required)
    # register here next to them, each calling context.localized where its
    # URLs carry a language.
    from . import embed, pdf, search  # noqa: F401 - add /<lang>/search and the .pdf routes to public
    from .public import bp as public_bp

    app.register_blueprint(public_bp)
    embed.register(app)  # /embed/…, /embed.js, /oembed; its static-export documents
    # the translators' and editors' workspace (/workspace/, behind a login)
    from . import auth
    from .workspace import bp as workspace_bp

    auth.init_app(app)
    app.register_blueprint(auth.bp)
    app.register_blueprint(workspace_bp)
    # the JSON API (/api/v1/) and the Atom feeds: problem+json errors, CORS,
    # ETags; its documents registered for build-static (exports.py)
    from . import api

    api.init_app(app)
    app.register_error_handler(404, errors.not_found)
    # what build-static writes (web.export): each view module's documents
    from . import exports
    from .public import export_documents

    exports.register(app, export_documents)
    exports.register_files(app, pdf.export_files)
