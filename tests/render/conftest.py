"""The render tests read the small hand-made store of the web tests
(``tests/web/fixture_data``: every translation state, exactly known), built
on SQLite with its search index, and on PostgreSQL (search without an index)
when the test command started one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from kintl_pub.store.db import session_factory

from ..databases import KINDS, empty_engine
from ..web import fixture_data


@pytest.fixture(scope="module", params=KINDS)
def engine(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    with empty_engine(request.param, tmp_path_factory.mktemp("render")) as eng:
        fixture_data.build(eng)
        yield eng


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    s = session_factory(engine)()
    try:
        yield s
    finally:
        s.rollback()
        s.close()


def english(message: str, **variables: object) -> str:
    """The UI strings as written (what an English catalog gives)."""
    return message % variables if variables else message
