"""The workspace on a real store: the web tests' hand-made store (every
translation state), on SQLite and on PostgreSQL (a schema of the suite's
throwaway server), with accounts for every role and a copy of data/."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from ..databases import KINDS, pg_schema, pg_url
from ..web import fixture_data

ROOT = Path(__file__).resolve().parents[2]
PW = "correct horse battery"
ACCOUNTS = {
    # name: (translates, reviews, editor, admin)
    "tina": ("en", "", False, False),  # translator, English
    "rita": ("", "en", False, False),  # reviewer, English
    "kim": ("ko", "", False, False),  # translator, Korean only
    "eddie": ("", "", True, False),  # editor (Easy Japanese, source, data)
    "erin": ("", "", True, False),  # a second editor (approves Easy Japanese)
    "ada": ("", "", False, True),  # admin
}


@dataclass
class Store:
    url: str
    kind: str


@pytest.fixture(scope="session")
def password_hash() -> str:
    """The test accounts' hash: scrypt with a small work factor, so a login costs
    milliseconds (the stored hash names its parameters; accounts made by
    ``add_user`` use the default, ~0.3 s)."""
    from werkzeug.security import generate_password_hash

    return generate_password_hash(PW, method="scrypt:1024:8:1")  # cheap to check; production uses the default cost


def _add_accounts(url: str, pw_hash: str) -> None:
    """The accounts (add_user's own rules are tested in tests/store)."""
    from kintl_pub.store.db import get_engine
    from kintl_pub.store.models import User

    with Session(get_engine(url)) as s, s.begin():
        for name, (loc, rev, ed, ad) in ACCOUNTS.items():
            s.add(User(username=name, password_hash=pw_hash, locales=loc, review_locales=rev,
                       is_editor=ed, is_admin=ad, disabled=False))


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory, password_hash: str) -> Path:
    """The fixture store built once; each test gets a copy of the file."""
    from kintl_pub.store.db import get_engine

    path = tmp_path_factory.mktemp("ws-template") / "template.sqlite3"
    url = f"sqlite:///{path}"
    fixture_data.build(get_engine(url))
    _add_accounts(url, password_hash)
    get_engine(url).dispose()
    return path


@pytest.fixture(params=KINDS)
def store(request, tmp_path: Path, password_hash: str) -> Iterator[Store]:
    from kintl_pub.store.db import get_engine

    if request.param == "sqlite":
        path = tmp_path / "ws.sqlite3"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        url = f"sqlite:///{path}"
        yield Store(url, "sqlite")
        get_engine(url).dispose()
        return
    with pg_schema() as schema:
        url = pg_url(schema)
        try:
            fixture_data.build(get_engine(url))
            _add_accounts(url, password_hash)
            yield Store(url, "postgresql")
        finally:
            get_engine(url).dispose()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    d.mkdir()
    for name in ("glossary.tsv", "terms.tsv", "readings.tsv", "readings_checked.tsv", "corrections.toml"):
        shutil.copy(ROOT / "data" / name, d / name)
    return d


@pytest.fixture
def app(store: Store, data_dir: Path, tmp_path: Path, monkeypatch):  # type: ignore[no-untyped-def]
    from kintl_pub import create_app

    monkeypatch.setenv("KINTL_INSTANCE_DIR", str(tmp_path / "instance"))
    return create_app({"DATABASE_URL": store.url, "TESTING": True, "KINTL_DATA_DIR": data_dir,
                       "PUBLIC_BASE_URL": "https://example.test", "RATELIMIT_ENABLED": False})


_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def token(page: str) -> str:
    m = _TOKEN.search(page)
    assert m, "no CSRF token on the page"
    return m.group(1)


def login(client, name: str, password: str = PW):  # type: ignore[no-untyped-def]
    page = client.get("/workspace/login").get_data(as_text=True)
    return client.post("/workspace/login", data={"username": name, "password": password,
                                                 "csrf_token": token(page)})


@pytest.fixture
def as_user(app):  # type: ignore[no-untyped-def]
    """A logged-in test client for one of ACCOUNTS."""

    def _client(name: str):  # type: ignore[no-untyped-def]
        c = app.test_client()
        r = login(c, name)
        assert r.status_code == 302, r.get_data(as_text=True)[:500]
        return c

    return _client
