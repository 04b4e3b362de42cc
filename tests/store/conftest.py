"""Store tests run on SQLite always, and on PostgreSQL when the test command
started one (KINTL_TEST_POSTGRES_URL)."""

from __future__ import annotations

import pytest

from ..databases import KINDS, empty_engine


@pytest.fixture(params=KINDS)
def any_engine(request, tmp_path):
    from kintl_pub.store.db import init_db

    with empty_engine(request.param, tmp_path) as eng:
        init_db(eng)
        yield eng
