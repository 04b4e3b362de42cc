"""The store: SQLAlchemy models (the one source of truth, the translation
states, the programme field lists), engine/session helpers, the export
schema, accounts, the audit log and the data-file history.  May import:
``locales``, ``project``, ``atomic``.  Every later
stage imports it; it imports none of them."""

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
    SourceSnapshot,
    Translation,
    TranslationComment,
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
    "SourceSnapshot",
    "Translation",
    "TranslationComment",
    "TranslationHistory",
    "User",
    "database_url",
    "get_engine",
    "init_db",
    "session_factory",
    "transaction",
]
