"""The databases tests run on: SQLite always, PostgreSQL when the test
command started a server (KINTL_TEST_POSTGRES_URL), one schema per use so
tests stay independent on a shared server."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

PG_URL = os.environ.get("KINTL_TEST_POSTGRES_URL")
KINDS = ("sqlite", "postgresql")


@contextmanager
def empty_engine(kind: str, folder: Path) -> Iterator[Engine]:
    """An engine on a new, empty database of ``kind`` (tables not created)."""
    if kind == "sqlite":
        eng = create_engine(f"sqlite:///{folder / 'db.sqlite3'}")
        try:
            yield eng
        finally:
            eng.dispose()
        return
    if not PG_URL:
        if os.environ.get("CI"):
            pytest.fail("CI must run these tests on PostgreSQL (KINTL_TEST_POSTGRES_URL unset)")
        pytest.skip("no PostgreSQL test server (KINTL_TEST_POSTGRES_URL unset)")
    schema = "t_" + uuid.uuid4().hex[:12]
    admin = create_engine(PG_URL)
    with admin.begin() as c:
        c.execute(text(f'CREATE SCHEMA "{schema}"'))
    eng = create_engine(PG_URL, connect_args={"options": f"-csearch_path={schema}"})
    try:
        yield eng
    finally:
        eng.dispose()
        with admin.begin() as c:
            c.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
