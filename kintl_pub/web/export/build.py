"""One ``build-static`` run: documents → files, sitemap, search index,
stale files removed, a summary."""

from __future__ import annotations

import hashlib
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flask import Flask

from .. import exports
from ..context import public_base
from . import files, pagefind
from .fetch import fetch_all
from .sitemap import sitemap

SITEMAP = "sitemap.xml"


@dataclass
class Summary:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    not_rendered: int = 0  # unchanged pages whose view said so (ETag) before rendering
    removed: list[str] = field(default_factory=list)
    bytes: int = 0  # of every file the export holds (not the search bundle)
    seconds: float = 0.0
    render_seconds: float = 0.0  # rendering and writing the app's documents
    search_files: int | None = None  # None: the search index was up to date

    @property
    def files(self) -> int:
        return len(self.written) + self.unchanged

    def line(self) -> str:
        search = ("search index up to date" if self.search_files is None
                  else f"search index rebuilt ({self.search_files} files)")
        return (f"{len(self.written)} written, {self.unchanged} unchanged "
                f"({self.not_rendered} not even rendered), "
                f"{len(self.removed)} removed; {self.bytes / 1e6:.1f} MB in {self.files} files; "
                f"{search}; {self.seconds:.1f} s")


def export_app(base_url: str | None = None, **config: Any) -> Flask:
    """The app as the export renders it: no response cache or rate limit,
    static mode (search page for Pagefind, no server-only switches), and
    ``PUBLIC_BASE_URL`` from ``base_url`` (absolute links: embed codes,
    oEmbed, PDF footers)."""
    from kintl_pub import create_app

    overrides: dict[str, Any] = {"RESPONSE_CACHE": False, "RATELIMIT_ENABLED": False,
                                 "STATIC_EXPORT": True, **config}
    if base_url:
        overrides["PUBLIC_BASE_URL"] = base_url.rstrip("/")
    app = create_app(overrides)
    if not app.config.get("PUBLIC_BASE_URL"):
        # no request address to fall back on: the batch steps' default (as
        # `pdf build`), so the PDFs `prepare` made stay fresh
        from ...config import LOCAL_BASE_URL

        app.config["PUBLIC_BASE_URL"] = LOCAL_BASE_URL
    return app


def _documents(app: Flask) -> list[tuple[str, str]]:
    """The registered documents, each file once (two listers naming the
    same file for different requests is a bug: stop)."""
    by_file: dict[str, str] = {}
    for path, rel in exports.documents(app):
        files.safe_rel(rel)
        if by_file.setdefault(rel, path) != path:
            raise ValueError(f"{rel} registered for {by_file[rel]} and {path}")
    return [(path, rel) for rel, path in by_file.items()]


def _bar(total: int, desc: str) -> Any:
    from tqdm import tqdm

    # a bar on a terminal only: quiet in CI and when the output is a file
    quiet = bool(os.environ.get("CI")) or not sys.stderr.isatty()
    return tqdm(total=total, desc=desc, unit="file", disable=quiet, leave=False)


def build_static(app: Flask, outdir: Path, *, base_url: str | None = None,
                 jobs: int = 0) -> Summary:
    """Export every registered document of ``app`` (see :func:`export_app`)
    into ``outdir``, served at ``base_url`` (default: a domain root)."""
    t0 = time.perf_counter()
    outdir.mkdir(parents=True, exist_ok=True)
    outdir = outdir.resolve()
    old, old_etags = files.previous(outdir)
    etags: dict[str, str] = {}
    summary = Summary()
    keep: set[str] = set()
    html_paths: list[str] = []
    html_changed = False

    exports.reset_memo(app)
    request_base = base_url or "http://localhost/"
    exports.memo(app)[exports.FINGERPRINT_KEY] = fingerprint(app, request_base)
    docs = _documents(app)
    bar = _bar(len(docs), "pages")
    try:
        by_rel = dict((rel, path) for path, rel in docs)
        for r in fetch_all(app, docs, outdir, request_base, etags=old_etags, jobs=jobs,
                           tick=bar.update):
            if r.error:
                raise RuntimeError(r.error)
            keep.add(r.rel)
            if r.etag:
                etags[r.rel] = r.etag
            summary.not_rendered += not r.rendered
            summary.bytes += r.size
            if r.written:
                summary.written.append(r.rel)
            else:
                summary.unchanged += 1
            if r.mimetype == "text/html":
                html_changed |= r.written
                if r.status == 200:  # the sitemap's pages (not the not-found page)
                    html_paths.append(by_rel[r.rel])
    finally:
        bar.close()
    summary.render_seconds = time.perf_counter() - t0

    for src, rel in exports.file_documents(app):
        body = Path(src).read_bytes()
        _add(outdir, rel, body, keep, summary)

    with app.test_request_context(base_url=request_base):
        base = public_base() if not base_url else base_url.rstrip("/")
    _add(outdir, SITEMAP, sitemap(html_paths, base), keep, summary)

    summary.removed = files.remove_stale(outdir, old, keep)
    html_changed |= any(rel.endswith(".html") for rel in summary.removed)
    if html_changed or not (outdir / pagefind.BUNDLE).is_dir():
        summary.search_files = pagefind.index(outdir)
    files.save_manifest(outdir, keep, etags)
    summary.seconds = time.perf_counter() - t0
    return summary


def fingerprint(app: Flask, base_url: str) -> str:
    """What every page is made of besides its own content: the templates,
    UI catalogs, static files, the code, the Easy Japanese UI readings and
    the settings that reach a page.  A change to any of them re-renders
    every page (a view's ETag includes it)."""
    from ...project import PROJECT_ROOT
    from ..i18n import _ruby_path

    h = hashlib.sha256(f"{base_url}|{app.config.get('PUBLIC_BASE_URL')}".encode())
    package = Path(__file__).resolve().parents[2]
    folders = [Path(app.template_folder or "templates"), PROJECT_ROOT / "translations",
               Path(app.static_folder or "static"), package]
    if not Path(folders[0]).is_absolute():
        folders[0] = PROJECT_ROOT / folders[0]
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                h.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    with app.app_context():
        ruby = Path(_ruby_path())
    h.update(ruby.read_bytes() if ruby.is_file() else b"-")
    return h.hexdigest()


def _add(outdir: Path, rel: str, body: bytes, keep: set[str], summary: Summary) -> None:
    if rel in keep:
        raise ValueError(f"{rel} registered twice")
    keep.add(rel)
    summary.bytes += len(body)
    if files.write_if_changed(outdir, rel, body):
        summary.written.append(rel)
    else:
        summary.unchanged += 1


