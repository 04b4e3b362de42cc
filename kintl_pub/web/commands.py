"""Web commands: ``serve``, ``build-static``."""

from __future__ import annotations

from pathlib import Path

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
@click.option("--base-url", default=None,
              help="Where OUTDIR will be served, e.g. https://www.city.example.jp/kokusai/ "
                   "(links, sitemap, embed codes, PDF footers); default: a domain root.")
@click.option("--jobs", default=0, type=int, help="Worker processes rendering pages (default: one per CPU).")
def build_static_cmd(outdir: Path, base_url: str | None, jobs: int) -> None:
    """Write every public page, PDF and document of every locale as static
    files to OUTDIR, with sitemap.xml and a Pagefind search index; a second
    run writes only what changed."""
    from .export import build_static, export_app

    if base_url and not base_url.startswith(("https://", "http://")):
        raise click.BadParameter("an absolute http(s) URL, e.g. https://www.city.example.jp/kokusai/",
                                 param_hint="--base-url")
    _refresh()
    app = export_app(base_url)
    if not base_url:
        click.echo(f"No --base-url: links for a domain root; embed codes, sitemap and PDFs "
                   f"point at {app.config['PUBLIC_BASE_URL']} (KINTL_PUBLIC_BASE_URL).", err=True)
    try:
        summary = build_static(app, outdir, base_url=base_url, jobs=jobs)
    except (RuntimeError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{outdir}: {summary.line()}")
