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
