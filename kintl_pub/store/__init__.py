"""The store: SQLAlchemy models, engine/session helpers and queries."""

from .db import database_url, get_engine, init_db, session_factory, transaction
from .models import (
    Anomaly,
    Base,
    Direction,
    Focus,
    ImportRun,
    Initiative,
    Policy,
    Program,
    Segment,
    SourceRevision,
    Translation,
    TranslationHistory,
    User,
)
from ..easy import models as _easy_models  # noqa: F401  (registers the Easy Japanese tables)

__all__ = [
    "Anomaly",
    "Base",
    "Direction",
    "Focus",
    "ImportRun",
    "Initiative",
    "Policy",
    "Program",
    "Segment",
    "SourceRevision",
    "Translation",
    "TranslationHistory",
    "User",
    "database_url",
    "get_engine",
    "init_db",
    "session_factory",
    "transaction",
]
