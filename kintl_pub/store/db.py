"""Engine and sessions.  SQLite under ``instance/`` by default; any SQLAlchemy
URL (PostgreSQL in production) through ``DATABASE_URL``."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from ..project import instance_dir
from .models import Base


class ConfigurationError(RuntimeError):
    """The configuration asks for something not installed or not valid; the
    message is one line saying what to do (``kintl-pub`` prints it as is)."""


def default_url() -> str:
    return f"sqlite:///{instance_dir() / 'kintl.sqlite3'}"


def database_url() -> str:
    url = os.environ.get("DATABASE_URL") or default_url()
    # Heroku-style URLs name the old driver; SQLAlchemy wants psycopg 3.
    if url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url[len("postgres://") :]
    elif url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def get_engine(url: str | None = None) -> Engine:
    """The engine for ``url`` (default: ``DATABASE_URL`` read now), one per URL
    per process.  The URL is resolved before the cache lookup: caching on
    ``None`` would pin whichever database was configured first."""
    return _engine_for(url or database_url())


@lru_cache(maxsize=8)
def _engine_for(url: str) -> Engine:
    if url.startswith("sqlite:///"):
        Path(url[len("sqlite:///") :]).parent.mkdir(parents=True, exist_ok=True)
    try:
        engine = create_engine(url, future=True, pool_pre_ping=not url.startswith("sqlite"))
    except ModuleNotFoundError as exc:
        if exc.name in ("psycopg", "psycopg2"):
            raise ConfigurationError(
                "DATABASE_URL is a PostgreSQL URL but the PostgreSQL driver (psycopg 3) is not "
                "installed: pip install 'kintl-pub[postgres]'"
            ) from None
        raise
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA busy_timeout=5000")
            cur.close()

    return engine


get_engine.cache_clear = _engine_for.cache_clear  # type: ignore[attr-defined]


def init_db(engine: Engine | None = None) -> Engine:
    from . import records  # noqa: F401 - the workspace's tables, on the same Base
    from .schema import upgrade

    engine = engine or get_engine()
    Base.metadata.create_all(engine)
    upgrade(engine)
    return engine


def session_factory(engine: Engine | None = None) -> sessionmaker[Session]:
    return sessionmaker(bind=engine or get_engine(), expire_on_commit=False, future=True)


@contextmanager
def transaction(engine: Engine | None = None) -> Iterator[Session]:
    """One unit of work: commits on success, rolls back everything on error."""
    session = session_factory(engine)()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
