"""Bring an older database up to the current models.

``create_all`` makes missing tables but never touches existing ones, so a
column or index added later is added here (idempotent, run by ``init_db``).
Written by hand rather than with Alembic: the additions are few and only ever
additive, and a deployment then needs no migration step of its own.
"""

from __future__ import annotations

from sqlalchemy import Engine, inspect, text
from sqlalchemy.schema import CreateIndex

from .models import Base

#: table → column → SQL type and default, for columns added after a release
ADDED_COLUMNS: dict[str, dict[str, str]] = {
    "user_account": {
        "review_locales": "TEXT NOT NULL DEFAULT ''",
        "is_admin": "BOOLEAN NOT NULL DEFAULT false",
        "disabled": "BOOLEAN NOT NULL DEFAULT false",
    },
}


def upgrade(engine: Engine) -> list[str]:
    """Add missing columns (returned) and indexes."""
    done: list[str] = []
    insp = inspect(engine)
    tables = set(insp.get_table_names())
    with engine.begin() as conn:
        for table, columns in ADDED_COLUMNS.items():
            if table not in tables:
                continue
            have = {c["name"] for c in insp.get_columns(table)}
            for name, ddl in columns.items():
                if name not in have:
                    conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {name} {ddl}"))
                    done.append(f"{table}.{name}")
        for model_table in Base.metadata.sorted_tables:
            if model_table.name not in tables:
                continue  # create_all made it, with its indexes
            for idx in model_table.indexes:
                # IF NOT EXISTS: the inspector cannot see expression indexes (lower(name))
                conn.execute(CreateIndex(idx, if_not_exists=True))
    return done
