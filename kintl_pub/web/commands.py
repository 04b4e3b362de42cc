"""Web commands: ``serve``, ``search-index``, ``build-static``."""

from __future__ import annotations

import shutil
from pathlib import Path

import click
from flask import Flask


def register(cli: click.Group) -> None:
    cli.add_command(serve)
    cli.add_command(search_index)
    cli.add_command(build_static_cmd)


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", default=2, show_default=True, type=int)
@click.option("--threads", default=4, show_default=True, type=int)
@click.option("--dev", is_flag=True, help="Flask's reloading development server.")
def serve(host: str, port: int, workers: int, threads: int, dev: bool) -> None:
    """Serve the site (gunicorn; --dev for Flask's server)."""
    _ensure_index()
    if dev:
        from kintl_pub import create_app

        create_app().run(host=host, port=port, debug=True)
        return
    from gunicorn.app.wsgiapp import WSGIApplication

    class _App(WSGIApplication):
        def __init__(self) -> None:
            self.argv = [
                # gthread: keep-alive for phones on slow links; the app is
                # thread-safe (request-scoped sessions, locked response cache)
                "gunicorn", "--bind", f"{host}:{port}", "--workers", str(workers),
                "--worker-class", "gthread", "--threads", str(threads),
                "--access-logfile", "-", "wsgi:app",
            ]
            super().__init__()

        def load_config(self) -> None:
            import sys

            sys.argv = self.argv
            super().load_config()

    click.echo(f"Serving on http://{host}:{port}/  (Ctrl+C stops)")
    _App().run()


def _ensure_index() -> None:
    """(Re)build the search index before serving if it is missing or older
    than the store (never per request)."""
    from ..store.db import get_engine, init_db, session_factory
    from .search import build_index, is_stale

    engine = init_db(get_engine())
    session = session_factory(engine)()
    try:
        missing = engine.dialect.name == "sqlite" and is_stale(session)
    finally:
        session.close()
    if missing:
        click.echo(f"Building the search index: {build_index(engine)} rows.")


@click.command("search-index")
def search_index() -> None:
    """(Re)build the full-text search index (run after import / translate)."""
    from ..store.db import get_engine, init_db
    from .search import build_index

    engine = init_db(get_engine())
    if engine.dialect.name != "sqlite":
        click.echo("PostgreSQL: search uses ILIKE; for speed add pg_trgm GIN indexes "
                   "on segment.source and translation.text.")
        return
    click.echo(f"Search index built: {build_index(engine)} rows.")


@click.command("build-static")
@click.argument("outdir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--base-url", default=None, help="Public base URL used in embed codes.")
def build_static_cmd(outdir: Path, base_url: str | None) -> None:
    """Write every public page in every locale as static files to OUTDIR."""
    from kintl_pub import create_app

    _ensure_index()
    overrides: dict = {"RESPONSE_CACHE": False, "RATELIMIT_ENABLED": False}
    if base_url:
        overrides["PUBLIC_BASE_URL"] = base_url
    n = build_static(create_app(overrides), outdir)
    click.echo(f"Wrote {n} files to {outdir}")


def static_urls(app: Flask) -> list[str]:
    """Every public page (search needs the server and is not exported)."""
    from sqlalchemy import select

    from .. import locales
    from ..store.models import Initiative

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
    """Render pages with the app's test client into ``outdir``.

    Directory URLs become ``…/index.html``, so any static host (or CDN) that
    serves directory indexes serves the same URLs as the app.  The site root
    is the language list (a static host cannot read Accept-Language), and
    ``404.html`` is the not-found page.
    """
    outdir.mkdir(parents=True, exist_ok=True)
    written = 0
    client = app.test_client()
    for url in static_urls(app):
        resp = client.get(url)
        if resp.status_code != 200:
            raise click.ClickException(f"{url}: HTTP {resp.status_code}")
        _write(outdir, url, resp.get_data())
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
