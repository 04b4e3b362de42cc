"""Fixtures for the public site: two stores and a live loopback server.

* ``seed_url``: the real sheet imported with the real importer, plus a few
  hand-written translations in every state (``seed_translations``);
* ``fixture_url``: a small hand-made store (``fixture_data``) with exactly
  known states, for assertions about labels and fallbacks.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from . import fixture_data, seed_translations

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data" / "seed" / "000_d887f43b9ee9cda1.txt"
BROWSER_DIR = ROOT / "tests" / "browser"


def _make_app(url: str, **extra):  # type: ignore[no-untyped-def]
    from kintl_pub import create_app

    return create_app(
        {"DATABASE_URL": url, "TESTING": True, "RATELIMIT_ENABLED": False,
         "PUBLIC_BASE_URL": "https://example.test", **extra}
    )


@pytest.fixture(scope="session")
def seed_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    from kintl_pub.ingest.load import import_file
    from kintl_pub.prepare import refresh
    from kintl_pub.store.db import get_engine, init_db, transaction

    url = f"sqlite:///{tmp_path_factory.mktemp('seed') / 'seed.sqlite3'}"
    engine = init_db(get_engine(url))
    with transaction(engine) as s:
        import_file(s, SEED, who="test", corrections=None)
        seed_translations.add(s)
        refresh(s)
    return url


@pytest.fixture(scope="session")
def fixture_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    from kintl_pub.store.db import get_engine

    url = f"sqlite:///{tmp_path_factory.mktemp('fixture') / 'fixture.sqlite3'}"
    fixture_data.build(get_engine(url))
    return url


@pytest.fixture(scope="session")
def seed_app(seed_url: str):  # type: ignore[no-untyped-def]
    return _make_app(seed_url)


@pytest.fixture(scope="session")
def fixture_app(fixture_url: str):  # type: ignore[no-untyped-def]
    return _make_app(fixture_url, EMBED_ORIGINS=["https://www.city.kawasaki.jp"])


@pytest.fixture
def client(fixture_app):  # type: ignore[no-untyped-def]
    return fixture_app.test_client()


@pytest.fixture
def seed_client(seed_app):  # type: ignore[no-untyped-def]
    return seed_app.test_client()


def serve(app) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """An app on a loopback port, served from a thread (for a fixture to yield from)."""
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_url(seed_app) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The seed site on a loopback port, served from a thread."""
    yield from serve(seed_app)


VNU = BROWSER_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def need_vnu() -> Path:
    """The Nu HTML checker's jar; a test without it fails under CI, else skips."""
    if not VNU.exists():
        import os

        if os.environ.get("CI"):
            pytest.fail("vnu-jar not installed (CI must run the Nu HTML checker)")
        pytest.skip("vnu-jar not installed")
    return VNU


def browser_marks() -> list[pytest.MarkDecorator]:
    """``pytestmark`` of a browser test module: skipped where Chromium or the
    node tools are missing, but never in CI (a skip there would hide a
    broken setup)."""
    import os

    marks = [pytest.mark.browser]
    reason = browser_ready()
    if reason:
        if os.environ.get("CI"):
            raise RuntimeError(f"browser checks cannot run in CI: {reason}")
        marks.append(pytest.mark.skip(reason=reason))
    return marks


def browser_ready() -> str | None:
    """Why the browser tests cannot run here, or None."""
    if not Path("/usr/bin/chromium").exists():
        return "no /usr/bin/chromium"
    if shutil.which("node") is None:
        return "no node"
    if not (BROWSER_DIR / "node_modules" / "playwright-core").exists():
        return "tests/browser: run npm install"
    return None
