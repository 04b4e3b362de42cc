"""Fixtures for the MT tests: real (tiny, random-weight) Argos packages.

The packages are built once per test session (SentencePiece training and
CTranslate2 conversion take a few seconds) and installed per test into a
fresh packages directory through argostranslate's real installer.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

if os.environ.get("CI"):
    import argostranslate  # noqa: F401  (CI installs the mt extra: fail loudly if missing)
pytest.importorskip("argostranslate", reason="needs the mt extra")
pytest.importorskip("ctranslate2", reason="needs the mt extra")

from . import synthetic  # noqa: E402

SEED = Path(__file__).resolve().parents[2] / "data" / "seed" / "000_d887f43b9ee9cda1.txt"

pytestmark = pytest.mark.mt


@dataclass(frozen=True)
class ModelFiles:
    ja_en: Path
    en_es: Path


@pytest.fixture(scope="session")
def model_files(tmp_path_factory: pytest.TempPathFactory) -> ModelFiles:
    out = tmp_path_factory.mktemp("argosmodels")
    ja = synthetic.seed_lines(SEED)
    en = synthetic.ENGLISH_TEXT.splitlines()
    es = synthetic.SPANISH_TEXT.splitlines()
    return ModelFiles(
        ja_en=synthetic.build_package(out, "ja", "en", ja + en, seed=1),
        en_es=synthetic.build_package(out, "en", "es", en + es, seed=2),
    )


@pytest.fixture
def mt_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, db_url: str) -> Path:
    """A fresh instance folder: packages dir, MT cache and database in tmp."""
    inst = tmp_path / "instance"
    monkeypatch.setenv("KINTL_INSTANCE_DIR", str(inst))
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(inst / "argos-packages"))
    monkeypatch.setenv("KINTL_MT_CACHE", str(inst / "mt-cache.sqlite3"))
    monkeypatch.setenv("DATABASE_URL", db_url)
    return inst


@pytest.fixture
def installed(mt_env: Path, model_files: ModelFiles) -> Iterator[ModelFiles]:
    from kintl_pub.mt import packages

    packages.install(model_files.ja_en)
    packages.install(model_files.en_es)
    yield model_files


#: Sources like the seed's: numbers, an era year, a month, markers, protected terms.
SOURCES = (
    "目標どおり達成できました。",
    "①羽田連絡道路につきましては、令和3年度に工期を1年延伸しました。",
    "キングスカイフロントで2021年4月にセミナーを3回開催しました。",
    "川崎市国際交流協会と連携し、多言語で情報を発信しました。",
    "引き続き、外国人市民の生活を支援します。",
)


def add_segments(session, sources: tuple[str, ...] = SOURCES) -> None:  # type: ignore[no-untyped-def]
    """Segments as the importer would leave them (until ingest lands)."""
    from kintl_pub.segment import source_hash
    from kintl_pub.store.models import Segment

    for i, text in enumerate(sources):
        session.add(
            Segment(
                key=f"1/0/results/{i}", initiative_number=1, program_position=0,
                field="results", ordinal=i, kind="p", block=0,
                source=text, source_hash=source_hash(text),
            )
        )
    session.flush()
