"""Web commands: ``serve``."""

from __future__ import annotations

import click


def register(cli: click.Group) -> None:
    @cli.command()
    @click.option("--host", default="127.0.0.1", show_default=True)
    @click.option("--port", default=8000, show_default=True, type=int)
    @click.option("--workers", default=2, show_default=True, type=int)
    @click.option("--dev", is_flag=True, help="Flask's reloading development server.")
    def serve(host: str, port: int, workers: int, dev: bool) -> None:
        """Serve the site (gunicorn; --dev for Flask's server)."""
        if dev:
            from kintl_pub import create_app

            create_app().run(host=host, port=port, debug=True)
            return
        from gunicorn.app.wsgiapp import WSGIApplication

        class _App(WSGIApplication):
            def __init__(self) -> None:
                self.argv = [
                    "gunicorn", "--bind", f"{host}:{port}", "--workers", str(workers),
                    "--access-logfile", "-", "wsgi:app",
                ]
                super().__init__()

            def load_config(self) -> None:
                import sys

                sys.argv = self.argv
                super().load_config()

        click.echo(f"Serving on http://{host}:{port}/  (Ctrl+C stops)")
        _App().run()
