"""The API on PostgreSQL says what it says on SQLite: the same seed, the same
documents (search takes the no-index path there)."""

from __future__ import annotations

import pytest

from tests.databases import pg_schema, pg_url
from tests.web.conftest import SEED, _make_app

pytestmark = pytest.mark.postgres

SAME = ["/api/v1/initiatives/80?lang=en", "/api/v1/initiatives/9?lang=ja-easy",
        "/api/v1/initiatives?lang=th&policy=3&limit=200", "/api/v1/tree?lang=ne", "/api/v1/locales"]


@pytest.fixture(scope="module")
def pg_api():  # type: ignore[no-untyped-def]
    from kintl_pub.ingest.load import import_file
    from kintl_pub.prepare import refresh
    from kintl_pub.store.db import get_engine, init_db, transaction
    from tests.web import seed_translations

    with pg_schema() as schema:
        url = pg_url(schema)
        engine = init_db(get_engine(url))
        with transaction(engine) as s:
            import_file(s, SEED, who="test", corrections=None)
            seed_translations.add(s)
            refresh(s)
        yield _make_app(url).test_client()
        engine.dispose()


@pytest.mark.parametrize("url", SAME)
def test_same_documents_as_on_sqlite(pg_api, api, url: str) -> None:  # type: ignore[no-untyped-def]
    got, want = pg_api.get(url), api.get(url)
    assert got.status_code == want.status_code == 200
    assert got.get_json() == want.get_json()


def test_changes_and_search_on_postgres(pg_api, api) -> None:  # type: ignore[no-untyped-def]
    def numbers(client, url: str, key: str) -> set[int]:  # type: ignore[no-untyped-def]
        r = client.get(url)
        assert r.status_code == 200, r.get_data(as_text=True)
        return {c["number"] for c in r.get_json()[key]}

    changes = "/api/v1/changes?since=2000-01-01T00:00:00Z&lang=en"
    assert numbers(pg_api, changes, "initiatives") == numbers(api, changes, "initiatives")
    found = numbers(pg_api, "/api/v1/search?q=school&lang=en", "results")
    assert found and found == numbers(api, "/api/v1/search?q=school&lang=en", "results")
