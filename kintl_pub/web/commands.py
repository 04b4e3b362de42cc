"""Web commands: ``serve``, ``build-static``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click


def register(cli: click.Group) -> None:
    cli.add_command(serve)
    cli.add_command(build_static_cmd)


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", default=2, show_default=True, type=int)
@click.option("--threads", default=4, show_default=True, type=int)
@click.option("--dev", is_flag=True, help="Flask's reloading development server.")
def serve(host: str, port: int, workers: int, threads: int, dev: bool) -> None:
    """Serve the site (gunicorn; --dev for Flask's server)."""
    _refresh()
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


def _refresh() -> None:
    """Before serving or exporting: the batch steps' ``refresh`` (segments,
    outdated marks, a stale search index), never per request."""
    from ..prepare import refresh
    from ..store.db import get_engine, init_db, transaction

    with transaction(init_db(get_engine())) as s:
        done = refresh(s)
    if done.index_rows is not None:
        click.echo(f"Building the search index: {done.index_rows} rows.")


@click.command("build-static")
@click.argument("outdir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--base-url", default=None, help="Public base URL used in embed codes.")
def build_static_cmd(outdir: Path, base_url: str | None) -> None:
    """Write every public page in every locale as static files to OUTDIR."""
    from kintl_pub import create_app

    from .static_export import build_static

    _refresh()
    overrides: dict[str, Any] = {"RESPONSE_CACHE": False, "RATELIMIT_ENABLED": False}
    if base_url:
        overrides["PUBLIC_BASE_URL"] = base_url
    app = create_app(overrides)
    n = build_static(app, outdir)
    click.echo(f"Wrote {n} files to {outdir}")
    from ..render.pdf.build import export

    with app.app_context():
        session = app.extensions["kintl_sessions"]()
        try:
            n_pdf = export(session, outdir, base_url=app.config["PUBLIC_BASE_URL"].rstrip("/"), jobs=2)
        finally:
            session.close()
    click.echo(f"Wrote {n_pdf} PDFs to {outdir}")
