"""Fixtures of the ingest tests: a seeded store, copied per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import SEED
from .storekit import seed_store, use_copy


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory) -> Path:
    """A store with the seed imported once; tests get copies."""
    return seed_store(tmp_path_factory.mktemp("template") / "seeded.sqlite3", SEED)


@pytest.fixture
def store(seeded_template: Path, tmp_path: Path, monkeypatch):
    """DATABASE_URL → a fresh copy of the seeded store; yields its engine."""
    yield from use_copy(seeded_template, tmp_path / "store.sqlite3", monkeypatch)
