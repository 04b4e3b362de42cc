"""In-process response cache for public pages.

Public pages depend only on the URL, the reader's display preferences
(furigana / 分かち書き) and the store's content.  We key on exactly that, with a
*store version* that changes whenever an import, a translation or a segment
changes, so a translator's fix shows up within ``VERSION_TTL`` seconds and no
explicit invalidation is needed.  Each gunicorn worker has its own bounded
cache (LRU), which keeps memory predictable.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..store.models import ImportRun, Segment, SourceRevision, Translation

VERSION_TTL = 3.0  # seconds between store-version checks
MAX_ENTRIES = 2048
MAX_BYTES = 40 * 1024 * 1024  # per worker; keeps RSS well under 150 MB
MAX_BODY = 2 * 1024 * 1024


def store_version(session: Session) -> str:
    """A token that changes whenever published content can have changed."""
    row = session.execute(
        select(
            select(func.max(Translation.updated_at)).scalar_subquery(),
            select(func.count(Translation.id)).scalar_subquery(),
            select(func.max(Segment.updated_at)).scalar_subquery(),
            select(func.count(Segment.id)).scalar_subquery(),
            select(func.max(ImportRun.id)).scalar_subquery(),
            select(func.max(SourceRevision.id)).scalar_subquery(),
        )
    ).one()
    return "|".join(str(v) for v in row)


@dataclass
class Entry:
    body: bytes
    mimetype: str
    headers: list[tuple[str, str]]


class ResponseCache:
    def __init__(self, max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES) -> None:
        self._data: OrderedDict[tuple, Entry] = OrderedDict()  # type: ignore[type-arg]
        self._lock = threading.Lock()
        self._max = max_entries
        self._max_bytes = max_bytes
        self._bytes = 0
        self._version: str | None = None
        self._checked = 0.0

    def version(self, session_factory) -> str:  # type: ignore[no-untyped-def]
        now = time.monotonic()
        if self._version is None or now - self._checked > VERSION_TTL:
            session = session_factory()
            try:
                v = store_version(session)
            finally:
                session.close()
            with self._lock:
                if v != self._version:
                    self._data.clear()
                    self._bytes = 0
                self._version, self._checked = v, now
        return self._version  # type: ignore[return-value]

    def get(self, key: tuple) -> Entry | None:  # type: ignore[type-arg]
        with self._lock:
            e = self._data.get(key)
            if e is not None:
                self._data.move_to_end(key)
            return e

    def put(self, key: tuple, entry: Entry) -> None:  # type: ignore[type-arg]
        if len(entry.body) > MAX_BODY:
            return
        with self._lock:
            old = self._data.pop(key, None)
            if old is not None:
                self._bytes -= len(old.body)
            self._data[key] = entry
            self._bytes += len(entry.body)
            while self._data and (len(self._data) > self._max or self._bytes > self._max_bytes):
                _k, dropped = self._data.popitem(last=False)
                self._bytes -= len(dropped.body)

    @property
    def size_bytes(self) -> int:
        return self._bytes

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
            self._bytes = 0
            self._version = None
