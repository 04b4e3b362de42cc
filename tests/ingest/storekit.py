"""A store with the seed imported, copied per test, and the CLI run in-process."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from click.testing import CliRunner, Result
from sqlalchemy import Engine

T = TypeVar("T")


def run(*args: str) -> Result:
    from kintl_pub.cli import cli

    return CliRunner().invoke(cli, list(args))


def with_db(path: Path, fn: Callable[[], T]) -> T:
    """Run ``fn`` with DATABASE_URL pointing at ``path``."""
    from kintl_pub.store.db import get_engine

    old = os.environ.get("DATABASE_URL")
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    get_engine.cache_clear()
    try:
        return fn()
    finally:
        get_engine().dispose()
        get_engine.cache_clear()
        if old is None:
            os.environ.pop("DATABASE_URL", None)
        else:
            os.environ["DATABASE_URL"] = old


def seed_store(path: Path, seed: Path) -> Path:
    result = with_db(path, lambda: run("import", str(seed)))
    assert result.exit_code == 0, result.output
    return path


def copy_db(src: Path, dst: Path) -> None:
    """SQLite's backup API: a consistent copy, WAL included."""
    a, b = sqlite3.connect(src), sqlite3.connect(dst)
    try:
        a.backup(b)
    finally:
        a.close()
        b.close()


def use_copy(template: Path, db: Path, monkeypatch) -> Iterator[Engine]:  # type: ignore[no-untyped-def]
    from kintl_pub.store.db import get_engine

    copy_db(template, db)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{db}")
    monkeypatch.setenv("KINTL_INSTANCE_DIR", str(db.parent / "instance"))
    monkeypatch.setenv("KINTL_USER", "guard-test")
    get_engine.cache_clear()
    yield get_engine()
    get_engine().dispose()
    get_engine.cache_clear()
