"""PDF downloads on the ``public`` blueprint: ``/{lang}/initiatives/{n}.pdf``
and ``/{lang}/booklet.pdf`` (``render.pdf`` renders the same view models as
the pages).

``kintl-pub pdf build`` (also run by ``prepare`` and ``build-static``) makes
them.  An initiative whose file is missing or stale is built on its request
(a fraction of a second; the time is logged and sent as ``Server-Timing``);
a booklet never is: until the batch job has made it, the reader gets a page
that says so, with ``Retry-After``, not a request that hangs.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

from flask import Flask, Response, abort, current_app, make_response, send_file

from ..render.pdf import build
from .context import public_base, render
from .db import db
from .public import bp

_log = logging.getLogger(__name__)
RETRY_AFTER = 600  # seconds: about one `kintl-pub pdf build` of every booklet
MAX_AGE = 300


def _root() -> Path:
    return Path(current_app.config.get("PDF_DIR") or build.pdf_root())


def _send(path: Path, name: str) -> Response:
    resp = send_file(path, mimetype="application/pdf", conditional=True, etag=True,
                     max_age=MAX_AGE, download_name=name)
    resp.headers["X-Content-Type-Options"] = "nosniff"
    return resp


@bp.get("/<lang>/initiatives/<num:number>.pdf")
def initiative_pdf(lang: str, number: int) -> Response:
    got = build.initiative_pdf(db(), lang, number, base_url=public_base(), root=_root())
    if got is None:
        abort(404)
    path, secs = got
    resp = _send(path, f"kawasaki-{lang}-initiative-{number}.pdf")
    if secs:
        _log.info("built %s on request in %.3f s", path.name, secs)
    resp.headers["Server-Timing"] = f"pdfbuild;dur={secs * 1000:.0f}"
    return resp


@bp.get("/<lang>/booklet.pdf")
def booklet_pdf(lang: str) -> Response:
    path = build.booklet_pdf(lang, _root())
    if path is None:
        resp = make_response(render("public/pdf_pending.html", retry_minutes=RETRY_AFTER // 60), 503)
        resp.headers["Retry-After"] = str(RETRY_AFTER)
        resp.headers["Cache-Control"] = "no-store"
        return resp
    return _send(path, f"kawasaki-{lang}-booklet.pdf")


def export_files(app: Flask) -> Iterator[tuple[Path, str]]:
    """``build-static``'s PDFs: the ``pdf build`` batch output, brought up to
    date first (only stale documents are compiled; the footers link to
    ``PUBLIC_BASE_URL``).  ``STATIC_EXPORT_PDFS = False`` leaves them out
    (a quick export of the pages alone)."""
    if not app.config.get("STATIC_EXPORT_PDFS", True):
        return
    root = Path(app.config.get("PDF_DIR") or build.pdf_root())
    base = str(app.config.get("PUBLIC_BASE_URL", "")).rstrip("/")
    session = app.extensions["kintl_sessions"]()
    try:
        report = build.build(session, base_url=base, root=root, jobs=2)
    finally:
        session.close()
    for rel in report.docs:
        yield root / rel, rel
