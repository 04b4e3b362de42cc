"""Deployment: the README's "PostgreSQL and several workers" recipe run as
written (a throwaway PostgreSQL database, a Redis server on a loopback
port, gunicorn with several workers, the rate limit shared through Redis),
one-line messages for a missing extra, ProxyFix, HSTS, Permissions-Policy."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.error import HTTPError
from urllib.request import urlopen

import pytest

from .conftest import ROOT, SEED

PG_URL = os.environ.get("KINTL_TEST_POSTGRES_URL")
VENV_BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(port: int, proc: subprocess.Popen, what: str, timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise AssertionError(f"{what} exited with {proc.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{what} did not listen on {port} in {timeout} s")


def _readme_recipe() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Deploying with PostgreSQL and several workers", 1)[1]
    return section.split("```sh", 1)[1].split("```", 1)[0]


def _get(url: str) -> int:
    try:
        with urlopen(url, timeout=10) as resp:  # a new connection each time
            return resp.status
    except HTTPError as exc:
        return exc.code


@pytest.fixture
def redis_server():  # type: ignore[no-untyped-def]
    exe = shutil.which("redis-server")
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("CI must run the deployment test: redis-server missing (scripts/test installs it)")
        pytest.skip("no redis-server")
    port = _free_port()
    proc = subprocess.Popen(
        [exe, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(port, proc, "redis-server", 20)
        yield f"redis://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.fixture
def pg_database():  # type: ignore[no-untyped-def]
    """A fresh database on the suite's throwaway server (the recipe's createdb)."""
    if not PG_URL:
        if os.environ.get("CI"):
            pytest.fail("CI must run the deployment test on PostgreSQL (KINTL_TEST_POSTGRES_URL unset)")
        pytest.skip("no PostgreSQL test server (KINTL_TEST_POSTGRES_URL unset)")
    from sqlalchemy import create_engine, text

    name = "deploy_" + uuid.uuid4().hex[:10]
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    # the README's form: postgresql://user@host/db (the app picks psycopg 3)
    url = PG_URL.replace("postgresql+psycopg://", "postgresql://").rsplit("/", 1)[0] + "/" + name
    try:
        yield url
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_the_readme_recipe_runs_with_postgresql_redis_and_four_workers(pg_database, redis_server, tmp_path):
    recipe = _readme_recipe()
    # the recipe is what this test does, step by step
    assert "export KINTL_RATELIMIT_STORAGE=redis://" in recipe
    assert "pip install -e '.[postgres,redis]'" in recipe
    assert "kintl-pub import data/seed/000_d887f43b9ee9cda1.txt" in recipe
    assert "kintl-pub prepare" in recipe
    workers = int(re.search(r"gunicorn --workers (\d+)", recipe).group(1))
    assert workers >= 2
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("KINTL_", "DATABASE_URL"))},
        "DATABASE_URL": pg_database,
        "SECRET_KEY": "deploy-test-" + uuid.uuid4().hex,
        "KINTL_RATELIMIT_STORAGE": redis_server,
        "KINTL_RATELIMIT_DEFAULT": "20 per minute",  # small, to see it shared
        "KINTL_INSTANCE_DIR": str(tmp_path / "instance"),
        "KINTL_USER": "deploy-test",
    }
    kintl = str(VENV_BIN / "kintl-pub")
    # prepare as the recipe runs it, without the 1,320 PDFs (minutes of Typst;
    # tests/pdf builds and checks them): this test is about workers and Redis
    for args in ([kintl, "import", str(SEED.relative_to(ROOT))], [kintl, "prepare", "--skip-pdf"]):
        done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stdout + done.stderr
    port = _free_port()
    server = subprocess.Popen(
        [str(VENV_BIN / "gunicorn"), "--workers", str(workers), "--bind", f"127.0.0.1:{port}", "wsgi:app"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        _wait_for(port, server, "gunicorn")
        base = f"http://127.0.0.1:{port}"
        assert _get(f"{base}/en/") == 200
        assert _get(f"{base}/ja-easy/initiatives/79/") == 200
        # 40 requests on fresh connections, spread over the workers: the limit
        # of 20 per minute holds for all of them together (memory:// would
        # give every worker its own 20)
        codes = [_get(f"{base}/choose-language/") for _ in range(40)]
        assert codes.count(200) == 20 and codes.count(429) == 20, codes
        import redis

        keys = redis.Redis.from_url(redis_server).keys("*")
        assert keys, "the rate limit did not use Redis"
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


# -- one-line messages for a missing extra ------------------------------------


def _kintl_without(module: str, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    code = (f"import sys; sys.modules[{module!r}] = None; from kintl_pub.cli import main; "
            f"sys.argv = ['kintl-pub', *{list(args)!r}]; main()")
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, **env}, timeout=120)


def test_a_postgresql_url_without_the_driver_names_the_extra(tmp_path) -> None:
    done = _kintl_without("psycopg", {"DATABASE_URL": "postgresql://kintl@127.0.0.1:1/kintl",
                                      "KINTL_INSTANCE_DIR": str(tmp_path)}, "export")
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "Error: DATABASE_URL is a PostgreSQL URL but the PostgreSQL driver (psycopg 3) is not "
        "installed: pip install 'kintl-pub[postgres]'"
    ]


def test_a_redis_rate_limit_without_the_client_names_the_extra(tmp_path) -> None:
    """gunicorn's worker shows the app factory's error: its last line says what to install."""
    code = "import sys; sys.modules['redis'] = None; from kintl_pub import create_app; create_app()"
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**os.environ, "KINTL_RATELIMIT_STORAGE": "redis://127.0.0.1:1",
             "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}", "KINTL_INSTANCE_DIR": str(tmp_path)},
    )
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1] == (
        "kintl_pub.store.db.ConfigurationError: KINTL_RATELIMIT_STORAGE is a Redis URL but the "
        "Redis client is not installed: pip install 'kintl-pub[redis]'"
    )


# -- behind a proxy, over HTTPS -----------------------------------------------


def _app(tmp_path, **config):  # type: ignore[no-untyped-def]
    from kintl_pub import create_app

    return create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'h.sqlite3'}", "TESTING": True, **config})


_RATE_PROBE = """
import json, sys
from kintl_pub import create_app
client = create_app({"DATABASE_URL": sys.argv[1], "TESTING": True}).test_client()
a = [client.get("/choose-language/", headers={"X-Forwarded-For": "198.51.100.1"}).status_code for _ in range(4)]
b = client.get("/choose-language/", headers={"X-Forwarded-For": "198.51.100.2"}).status_code
print(json.dumps([a, b]))
"""


def test_trusted_proxies_give_each_reader_their_own_rate_limit(tmp_path) -> None:
    """In a fresh process: the app module's one Limiter keeps the default
    limits of the first app created in a process (the suite makes many)."""
    import json

    for proxies, expect_b in ((1, 200), (0, 429)):
        env = {**os.environ, "KINTL_RATELIMIT_DEFAULT": "3 per minute", "KINTL_TRUSTED_PROXIES": str(proxies),
               "KINTL_INSTANCE_DIR": str(tmp_path)}
        done = subprocess.run([sys.executable, "-c", _RATE_PROBE, f"sqlite:///{tmp_path / f'{proxies}.sqlite3'}"],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        a, b = json.loads(done.stdout.strip().splitlines()[-1])
        assert a == [200, 200, 200, 429]
        assert b == expect_b  # behind a trusted proxy B is another reader; else the same address


def test_trusted_proxies_must_be_a_count(monkeypatch) -> None:
    from kintl_pub.config import from_env
    from kintl_pub.store.db import ConfigurationError

    monkeypatch.setenv("KINTL_TRUSTED_PROXIES", "10.0.0.1")
    with pytest.raises(ConfigurationError, match="give the number of proxies"):
        from_env()


def test_hsts_over_https_and_a_permissions_policy_always(tmp_path) -> None:
    plain = _app(tmp_path / "a").test_client().get("/choose-language/")
    assert "Strict-Transport-Security" not in plain.headers
    policy = plain.headers["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
        assert feature in policy
    secure = _app(tmp_path / "b", SESSION_COOKIE_SECURE=True).test_client().get("/choose-language/")
    assert secure.headers["Strict-Transport-Security"] == "max-age=31536000"
