"""Store tables owned by the Easy Japanese stage.

Imported by :mod:`kintl_pub.store` so that ``Base.metadata.create_all`` sees
them.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..store.models import Base, utcnow

#: open = waiting for an editor; override = a reading was written to
#: data/readings.tsv; kept = the published (Sudachi/rule) reading is right.
DISAGREEMENT_STATUSES = ("open", "override", "kept")


class ReadingDisagreement(Base):
    """A word SudachiPy and pykakasi read differently: the review queue."""

    __tablename__ = "easy_reading_disagreement"
    __table_args__ = (UniqueConstraint("surface", "reading", "alt"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    surface: Mapped[str] = mapped_column(String(64))
    reading: Mapped[str] = mapped_column(String(128))  # the reading we publish now
    alt: Mapped[str] = mapped_column(String(128))  # pykakasi's reading
    context: Mapped[str] = mapped_column(Text, default="")  # first sentence seen in
    segment_key: Mapped[str | None] = mapped_column(String(96), nullable=True)
    occurrences: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    decision: Mapped[str | None] = mapped_column(String(128), nullable=True)  # chosen reading
    who: Mapped[str | None] = mapped_column(String(128), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
