"""The PDF tests build what they check once per session: every document of
the hand-made store (``tests/web/fixture_data``: every translation state,
Nepali, Thai and Easy Japanese with furigana) in every locale, and a store
whose every field is full of Typst's special characters."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session

from kintl_pub.render.pdf import build
from kintl_pub.store.db import session_factory

from ..web import fixture_data
from . import specials

BASE = "https://example.test"


def pdftotext(path: Path) -> str:
    """The text a reader copies out of the PDF (poppler, reading order)."""
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext missing: install poppler-utils (scripts/test does)")
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                         capture_output=True, text=True)
    return out.stdout


def new_store(folder: Path, fill) -> Engine:  # type: ignore[no-untyped-def]
    engine = create_engine(f"sqlite:///{folder / 'db.sqlite3'}")
    fill(engine)
    return engine


@pytest.fixture(scope="session")
def fixture_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    engine = new_store(tmp_path_factory.mktemp("pdf-store"), fixture_data.build)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def built(fixture_engine: Engine, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, build.BuildReport]:
    """Every document of every locale, built once."""
    root = tmp_path_factory.mktemp("pdf")
    session = session_factory(fixture_engine)()
    try:
        report = build.build(session, base_url=BASE, root=root)
    finally:
        session.close()
    return root, report


@pytest.fixture(scope="session")
def special_built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Session]:
    folder = tmp_path_factory.mktemp("pdf-specials")
    engine = new_store(folder, specials.build)
    root = folder / "pdf"
    session = session_factory(engine)()
    build.build(session, ["ja", "en", "ja-easy"], base_url=BASE, root=root)
    return root, session
