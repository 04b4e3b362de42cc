"""Logging in to the workspace (blueprint ``auth``), ``login_required`` and
the role checks every workspace view uses (the Flask tutorial's ``auth.py``).

* Passwords are checked by ``store.users`` (scrypt); a failed attempt is
  audited and the login form is rate-limited per address and per name
  (Flask-Limiter), so guessing is slow.
* The session cookie holds a random token whose hash is a row of
  ``login_session``: logging out ends that row, so a copied cookie is
  worthless afterwards; disabling an account or changing its password ends
  all of its sessions.  The cookie lives under ``/workspace/`` only (public
  pages never see it and stay cacheable), is HttpOnly, SameSite=Lax and
  Secure behind HTTPS (``KINTL_SECURE_COOKIES=1``).
* Every form carries a CSRF token (Flask-WTF's ``CSRFProtect``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from functools import wraps
from typing import Any, TypeVar
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    Flask,
    abort,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from werkzeug.wrappers import Response

from ..store import users
from ..store.models import User
from . import limiter
from .db import db

bp = Blueprint("auth", __name__, url_prefix="/workspace")

F = TypeVar("F", bound=Callable[..., Any])
SESSION_KEY = "ws"  # the session entry holding the login token
LIFETIME = timedelta(hours=12)
IDLE = timedelta(hours=2)


def init_app(app: Flask) -> None:
    """Session cookie settings: the workspace is the only user of the session
    (secure, HttpOnly and SameSite come from ``config.from_env``)."""
    app.config.update(
        SESSION_COOKIE_NAME="kintl_ws",
        SESSION_COOKIE_PATH="/workspace/",
        PERMANENT_SESSION_LIFETIME=LIFETIME,
        WTF_CSRF_TIME_LIMIT=int(LIFETIME.total_seconds()),
    )


def address() -> str:
    return (request.remote_addr or "")[:64]


def current_user() -> User | None:
    """The logged-in account of this request (looked up once)."""
    if "ws_user" not in g:
        g.ws_user = users.user_for_token(db(), session.get(SESSION_KEY), lifetime=LIFETIME, idle=IDLE)
        if g.ws_user is not None:
            db().commit()  # last_seen
    user: User | None = g.ws_user
    return user


def login_required(view: F) -> F:
    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if current_user() is None:
            return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
        return view(*args, **kwargs)

    return wrapped  # type: ignore[return-value]


def require(allowed: bool) -> None:
    """Stop the request with 403 unless ``allowed`` (checked on the server for
    every action: hidden buttons are no protection)."""
    if not allowed:
        abort(403)


def _safe_next(target: str | None) -> str:
    """Only a path inside the workspace: never an open redirect."""
    default = url_for("workspace.home")
    if not target:
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path.startswith("/workspace/") or "\\" in target:
        return default
    if any(ord(c) < 32 for c in target):
        return default
    return target


def _username_key() -> str:
    return "user:" + (request.form.get("username", "") or "").strip().lower()[:64]


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit("10 per minute; 60 per hour", methods=["POST"])
@limiter.limit("10 per 15 minutes", methods=["POST"], key_func=_username_key)
def login() -> Response | str | tuple[str, int]:
    if request.method == "GET" and current_user() is not None:
        return redirect(_safe_next(request.args.get("next")))
    error = None
    if request.method == "POST":
        name = request.form.get("username", "")[:64]
        password = request.form.get("password", "")
        user = users.authenticate(db(), name, password, address=address())
        if user is None:
            db().commit()  # the failed attempt is audited
            error = "Wrong name or password, or the account is disabled."
        else:
            token = users.start_login(db(), user, address=address())
            db().commit()
            session.clear()  # a new session id: no fixation
            session[SESSION_KEY] = token
            session.permanent = True
            return redirect(_safe_next(request.form.get("next")))
    status = 401 if error else 200
    page = render_template("workspace/login.html", error=error, next=request.args.get("next", ""),
                           user=None)
    return page, status


@bp.post("/logout")
def logout() -> Response:
    users.end_login(db(), session.get(SESSION_KEY))
    user = current_user()
    if user is not None:
        users.audit(db(), user.username, "logout", user.username, address=address())
    db().commit()
    session.clear()
    flash("You are logged out.")
    return redirect(url_for("auth.login"))


def no_store(resp: Response) -> Response:
    """Workspace pages are private and never kept by any cache."""
    resp.headers["Cache-Control"] = "private, no-store"
    resp.headers["Pragma"] = "no-cache"
    resp.vary.add("Cookie")
    return resp


bp.after_request(no_store)
