"""Fixtures for the JSON API: the seed store the public-site tests use
(``tests/web/conftest.py``), its app, and a client."""

from __future__ import annotations

import pytest

from tests.web.conftest import _make_app, seed_app, seed_url  # noqa: F401, F811 - shared fixtures


@pytest.fixture(scope="module")
def api(seed_app):  # type: ignore[no-untyped-def]  # noqa: F811
    return seed_app.test_client()


@pytest.fixture(scope="module")
def uncached_api(seed_url: str):  # type: ignore[no-untyped-def]  # noqa: F811
    """The same store without the response cache: every request reaches Flask."""
    return _make_app(seed_url, RESPONSE_CACHE=False).test_client()
