"""Render the registered documents with the app itself and write them.

Each document is one GET through Flask's test client (the same views,
templates and headers as the live site), under the export's sub-path
(``SCRIPT_NAME``), so every ``url_for`` link carries it.  Work is split
over forked worker processes: page rendering is pure Python (Jinja, the
view models), so threads would share one GIL; each worker opens its own
database connections (the parent's pool is disowned after the fork).
"""

from __future__ import annotations

import mimetypes
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from flask import Flask

from .files import write_if_changed

#: The registered file path whose request answers 404 on purpose.
NOT_FOUND_FILE = "404.html"
_CHUNK = 160  # documents per task at most


@dataclass(frozen=True)
class Result:
    rel: str
    written: bool
    size: int
    mimetype: str
    error: str | None = None
    status: int = 200
    etag: str | None = None  # the view's validator (exports.etag), for the next run
    rendered: bool = True  # False: the view answered 304 (its content unchanged)


@dataclass(frozen=True)
class _Job:
    outdir: Path
    base_url: str  # scheme://host/prefix/ the test client requests under
    etags: dict[str, str]  # file path → the ETag its view gave last run


_state: dict[str, object] = {}


def _fetch(app: Flask, job: _Job, docs: Sequence[tuple[str, str]]) -> list[Result]:
    client = app.test_client()
    out = []
    for path, rel in docs:
        headers = {}
        old = job.etags.get(rel)
        if old and (job.outdir / rel).is_file():
            headers["If-None-Match"] = f'"{old}"'  # the file as the last run wrote it
        resp = client.get(path, base_url=job.base_url, headers=headers)
        etag = resp.get_etag()[0]
        if resp.status_code == 304 and headers:
            # the view found its content unchanged: not rendered, file kept
            size = (job.outdir / rel).stat().st_size
            out.append(Result(rel, False, size, mimetypes.guess_type(rel)[0] or "", etag=etag,
                              rendered=False))
            continue
        ok = resp.status_code == 200 or (rel == NOT_FOUND_FILE and resp.status_code == 404)
        if not ok:
            out.append(Result(rel, False, 0, "", f"{path}: HTTP {resp.status_code}"))
            continue
        body = resp.get_data()
        written = write_if_changed(job.outdir, rel, body)
        out.append(Result(rel, written, len(body), resp.mimetype or "", status=resp.status_code,
                          etag=etag))
    return out


def _worker_init() -> None:
    app = _state["app"]
    assert isinstance(app, Flask)
    # the forked copy of the parent's connection pool belongs to the parent
    bind = app.extensions["kintl_sessions"].kw.get("bind")
    if bind is not None:
        bind.dispose(close=False)


def _worker(docs: Sequence[tuple[str, str]]) -> list[Result]:
    app, job = _state["app"], _state["job"]
    assert isinstance(app, Flask) and isinstance(job, _Job)
    return _fetch(app, job, docs)


def _chunks(docs: Sequence[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """Tasks for the workers: documents under the same two leading URL
    segments (``/en/initiatives/…``) together, so one worker renders a
    locale's pages and the views it keeps for the run (``exports.memo``:
    all initiative views of a locale) are built once, not in every worker."""
    groups: dict[tuple[str, ...], list[tuple[str, str]]] = {}
    for path, rel in docs:
        groups.setdefault(tuple(path.strip("/").split("/")[:2]), []).append((path, rel))
    out = []
    for group in groups.values():
        out += [group[i:i + _CHUNK] for i in range(0, len(group), _CHUNK)]
    return out


def default_jobs() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


def fetch_all(app: Flask, docs: Sequence[tuple[str, str]], outdir: Path, base_url: str,
              *, etags: dict[str, str] | None = None, jobs: int = 0,
              tick: Callable[[int], None] | None = None) -> Iterator[Result]:
    """Render and write every ``(request path, file path)``; yields a result
    per document (in no particular order) and calls ``tick(n)`` as they
    finish.  ``etags``: the last run's, sent as ``If-None-Match``."""
    parts = urlsplit(base_url)
    job = _Job(outdir, f"{parts.scheme or 'http'}://{parts.netloc or 'localhost'}{parts.path or '/'}",
               etags or {})
    chunks = _chunks(docs)
    jobs = jobs or default_jobs()
    if jobs <= 1 or len(chunks) <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        for chunk in chunks:
            results = _fetch(app, job, chunk)
            if tick:
                tick(len(results))
            yield from results
        return
    _state.update(app=app, job=job)
    # fork: the workers inherit the app as configured (overrides, registered
    # listers) without pickling it
    ctx = multiprocessing.get_context("fork")
    try:
        with ctx.Pool(jobs, initializer=_worker_init) as pool:
            for results in pool.imap_unordered(_worker, chunks):
                if tick:
                    tick(len(results))
                yield from results
    finally:
        _state.clear()
