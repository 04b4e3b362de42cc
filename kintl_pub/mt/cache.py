"""Persistent MT cache: (model fingerprint, input text) → output text.

The fingerprint names the package, its version, its model file and the
decoding settings, so a new model or a different beam never reuses old
output.  It lives next to the database in the instance folder (a plain
SQLite file: the batch step runs on one machine, and the web process never
reads it), and it is what makes the English pivot cheap: ja→en output is
computed once and reused for every en→X target, in this run and later ones.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from ..project import instance_dir


def default_path() -> Path:
    env = os.environ.get("KINTL_MT_CACHE")
    return Path(env) if env else instance_dir() / "mt-cache.sqlite3"


def _key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class TranslationCache:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path)
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS mt_cache ("
            " model TEXT NOT NULL, input_hash TEXT NOT NULL, input TEXT NOT NULL,"
            " output TEXT NOT NULL, PRIMARY KEY (model, input_hash))"
        )
        self._db.commit()
        self.hits = 0
        self.misses = 0

    def get_many(self, model: str, texts: Iterable[str]) -> dict[str, str]:
        texts = list(dict.fromkeys(texts))
        found: dict[str, str] = {}
        for i in range(0, len(texts), 500):  # SQLite variable limit
            chunk = {_key(t): t for t in texts[i : i + 500]}
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT input_hash, output FROM mt_cache WHERE model = ? AND input_hash IN ({marks})",  # noqa: S608 - placeholders only
                [model, *chunk],
            )
            for h, out in rows:
                found[chunk[h]] = out
        self.hits += len(found)
        self.misses += len(texts) - len(found)
        return found

    def put_many(self, model: str, pairs: dict[str, str]) -> None:
        self._db.executemany(
            "INSERT OR REPLACE INTO mt_cache (model, input_hash, input, output) VALUES (?, ?, ?, ?)",
            [(model, _key(src), src, out) for src, out in pairs.items()],
        )
        self._db.commit()

    def close(self) -> None:
        self._db.close()
