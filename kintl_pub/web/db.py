"""The request's store session: opened on first use, closed at teardown
(the Flask tutorial's ``db.py``).  The web process only reads."""

from __future__ import annotations

from flask import Flask, current_app, g
from sqlalchemy.orm import Session


def db() -> Session:
    """The request's store session (opened lazily, closed at teardown)."""
    if "db" not in g:
        g.db = current_app.extensions["kintl_sessions"]()
    session: Session = g.db
    return session


def init_app(app: Flask) -> None:
    @app.teardown_appcontext
    def _close_db(_exc: BaseException | None) -> None:
        session = g.pop("db", None)
        if session is not None:
            session.close()
