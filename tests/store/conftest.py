"""Store tests run on SQLite always, and on PostgreSQL when the test command
started one (KINTL_TEST_POSTGRES_URL)."""

from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine, text

PG_URL = os.environ.get("KINTL_TEST_POSTGRES_URL")


@pytest.fixture(params=["sqlite", "postgresql"])
def any_engine(request, tmp_path):
    from kintl_pub.store.db import init_db

    if request.param == "sqlite":
        eng = create_engine(f"sqlite:///{tmp_path / 's.sqlite3'}")
        init_db(eng)
        yield eng
        eng.dispose()
        return
    if not PG_URL:
        if os.environ.get("CI"):
            pytest.fail("CI must run the store tests on PostgreSQL (KINTL_TEST_POSTGRES_URL unset)")
        pytest.skip("no PostgreSQL test server (KINTL_TEST_POSTGRES_URL unset)")
    # one schema per test keeps tests independent on a shared server
    schema = "t_" + uuid.uuid4().hex[:12]
    admin = create_engine(PG_URL)
    with admin.begin() as c:
        c.execute(text(f'CREATE SCHEMA "{schema}"'))
    eng = create_engine(PG_URL, connect_args={"options": f"-csearch_path={schema}"})
    init_db(eng)
    yield eng
    eng.dispose()
    with admin.begin() as c:
        c.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()
