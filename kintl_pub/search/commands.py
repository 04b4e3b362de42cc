"""Search commands: ``search-index``."""

from __future__ import annotations

import click


def register(cli: click.Group) -> None:
    cli.add_command(search_index)


@click.command("search-index")
def search_index() -> None:
    """(Re)build the full-text search index (run after import / translate)."""
    from ..store.db import get_engine, init_db, transaction
    from .index import build_index

    engine = init_db(get_engine())
    if engine.dialect.name != "sqlite":
        click.echo("PostgreSQL: search uses ILIKE; for speed add pg_trgm GIN indexes "
                   "on segment.source and translation.text.")
        return
    with transaction(engine) as s:
        rows = build_index(s)
    click.echo(f"Search index built: {rows} rows.")
