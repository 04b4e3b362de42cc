"""The whole database as one hash per table: "a refused import changes
nothing" means every table hashes the same before and after."""

from __future__ import annotations

import hashlib

from sqlalchemy import Engine, MetaData, select, text


def table_hashes(engine: Engine, meta: MetaData | None = None) -> dict[str, str]:
    """Table name → sha256 of all its rows (every column), in primary-key order.

    Every table the database has, not only the models': a search index or a
    table another stage added counts too.  ``meta``: the reflected tables,
    when a caller hashes the same database many times."""
    if meta is None:
        meta = reflect(engine)
    out: dict[str, str] = {}
    with engine.connect() as conn:
        for name, table in sorted(meta.tables.items()):
            order = list(table.primary_key.columns) or list(table.columns)
            digest = hashlib.sha256()
            for row in conn.execute(select(table).order_by(*order)):
                digest.update(repr(tuple(row)).encode())
                digest.update(b"\n")
            out[name] = digest.hexdigest()
        if engine.dialect.name == "sqlite":  # virtual tables (FTS) are not reflected
            for (name,) in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'")):
                if name not in out:
                    rows = conn.execute(text(f'SELECT * FROM "{name}"')).all()
                    out[name] = hashlib.sha256(repr(sorted(map(repr, rows))).encode()).hexdigest()
    return out


def reflect(engine: Engine) -> MetaData:
    meta = MetaData()
    meta.reflect(engine)
    return meta


def changed_tables(before: dict[str, str], after: dict[str, str]) -> list[str]:
    return sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
