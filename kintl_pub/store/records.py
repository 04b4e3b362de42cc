"""What the workspace records besides the texts themselves: the audit log
(logins and permission changes), the login sessions a logout ends, review
verdicts with their comments, and the history of the data files people edit
(glossary, lexicon, terms, readings).

Tables only, like ``models``; the functions that write them live next to
their users (``users`` for accounts and logins, ``catalogs.review`` for
verdicts, ``datafiles`` for data files).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base, utcnow


class AuditEvent(Base):
    """One login, logout, failed login or change of an account (who did it,
    to whom, what changed).  Never updated, never deleted."""

    __tablename__ = "audit_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(128))  # account name, or "cli:<os user>"
    action: Mapped[str] = mapped_column(String(32))  # see users.AUDIT_ACTIONS
    target: Mapped[str] = mapped_column(String(128), default="")  # the account concerned
    detail: Mapped[str] = mapped_column(Text, default="")  # e.g. "roles: … → …"
    address: Mapped[str] = mapped_column(String(64), default="")  # client address (web)


class LoginSession(Base):
    """A workspace login.  The browser holds a random token; only its hash is
    stored, and the session is valid while this row says so: logging out,
    disabling the account or changing its password ends it on the server, so
    a copied cookie is worthless afterwards."""

    __tablename__ = "login_session"
    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_seen: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    address: Mapped[str] = mapped_column(String(64), default="")


class ReviewVerdict(Base):
    """A reviewer's approval or rejection of one version of a translation,
    with a comment.  A rejection leaves the text as it is (a person's work is
    never thrown away) and puts the entry in the "rejected" queue until its
    translator saves a new version."""

    __tablename__ = "review_verdict"
    id: Mapped[int] = mapped_column(primary_key=True)
    translation_id: Mapped[int] = mapped_column(ForeignKey("translation.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)  # the version judged
    verdict: Mapped[str] = mapped_column(String(16))  # "approved" | "rejected"
    comment: Mapped[str] = mapped_column(Text, default="")
    who: Mapped[str] = mapped_column(String(128))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class DataFileRevision(Base):
    """One change to one row of a human-edited data file (``data/*.tsv``):
    the row before and after (``None`` = absent), so it can be reverted."""

    __tablename__ = "data_file_revision"
    id: Mapped[int] = mapped_column(primary_key=True)
    file: Mapped[str] = mapped_column(String(64), index=True)  # e.g. "glossary"
    key: Mapped[str] = mapped_column(Text)  # the row's first column
    old: Mapped[str | None] = mapped_column(Text, nullable=True)  # the whole line
    new: Mapped[str | None] = mapped_column(Text, nullable=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    who: Mapped[str] = mapped_column(String(128))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
