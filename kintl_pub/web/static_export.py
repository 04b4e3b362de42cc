"""``build-static``: every public page rendered by the app itself into files
any static host (or CDN) can serve at the same URLs.

Directory URLs become ``…/index.html``; the site root is the language list
(a static host cannot read Accept-Language), and ``404.html`` is the
not-found page.  Search needs the server and is not exported.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import click
from flask import Flask
from sqlalchemy import select

from .. import locales
from ..store.models import Initiative
from . import exports


def static_urls(app: Flask) -> list[str]:
    """Every public page, in every locale."""
    session = app.extensions["kintl_sessions"]()
    try:
        numbers = list(session.scalars(select(Initiative.number).order_by(Initiative.number)))
    finally:
        session.close()
    urls = ["/choose-language/", "/locales.css"]
    for loc in locales.LOCALES:
        urls += [f"/{loc.code}/", f"/{loc.code}/accessibility/"]
        urls += [f"/{loc.code}/initiatives/{n}/" for n in numbers]
        urls += [f"/embed/{loc.code}/initiatives/{n}/" for n in numbers]
    return urls


def build_static(app: Flask, outdir: Path) -> int:
    """Render pages with the app's test client into ``outdir``; returns the
    number of files written."""
    outdir.mkdir(parents=True, exist_ok=True)
    written = 0
    client = app.test_client()
    for url in static_urls(app):
        resp = client.get(url)
        if resp.status_code != 200:
            raise click.ClickException(f"{url}: HTTP {resp.status_code}")
        _write(outdir, url, resp.get_data())
        written += 1
    # what the view modules registered (web/exports.py: the API's documents, the feeds)
    for url, path in exports.documents(app):
        resp = client.get(url)
        if resp.status_code != 200:
            raise click.ClickException(f"{url}: HTTP {resp.status_code}")
        _write(outdir, "/" + path, resp.get_data())
        written += 1
    _write(outdir, "/", client.get("/choose-language/").get_data())
    (outdir / "404.html").write_bytes(client.get("/en/initiatives/0/").get_data())
    written += 2
    static_src = Path(app.static_folder or "static")
    if static_src.is_dir():
        shutil.copytree(static_src, outdir / "static", dirs_exist_ok=True)
        written += sum(1 for p in static_src.rglob("*") if p.is_file())
    return written


def _write(outdir: Path, url: str, body: bytes) -> None:
    rel = url.lstrip("/")
    target = outdir / rel / "index.html" if (url.endswith("/") or not rel) else outdir / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(body)
