"""SQLAlchemy 2.0 models: the single source of truth.

The policy tree (policy → direction → focus area → initiative → programme
rows) holds the Japanese source text once.  Everything derived from it
(segments, translations, Easy Japanese) refers to it and never overwrites it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    pass


# --------------------------------------------------------------------------
# Policy tree
# --------------------------------------------------------------------------


class Policy(Base):
    """取組方針 Ⅰ–Ⅲ."""

    __tablename__ = "policy"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    title: Mapped[str] = mapped_column(Text)
    directions: Mapped[list[Direction]] = relationship(
        back_populates="policy", order_by="Direction.number", cascade="all, delete-orphan"
    )


class Direction(Base):
    """取組の方向性 N (numbered within its policy)."""

    __tablename__ = "direction"
    __table_args__ = (UniqueConstraint("policy_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    policy_id: Mapped[int] = mapped_column(ForeignKey("policy.id"))
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    policy: Mapped[Policy] = relationship(back_populates="directions")
    focuses: Mapped[list[Focus]] = relationship(
        back_populates="direction", order_by="Focus.number", cascade="all, delete-orphan"
    )


class Focus(Base):
    """Focus area ①②… (numbered within its direction)."""

    __tablename__ = "focus"
    __table_args__ = (UniqueConstraint("direction_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    direction_id: Mapped[int] = mapped_column(ForeignKey("direction.id"))
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    direction: Mapped[Direction] = relationship(back_populates="focuses")
    initiatives: Mapped[list[Initiative]] = relationship(
        back_populates="focus", order_by="Initiative.number"
    )


class Initiative(Base):
    """取組: numbered 1–109 across the whole sheet."""

    __tablename__ = "initiative"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    title: Mapped[str | None] = mapped_column(Text, nullable=True)
    focus_id: Mapped[int] = mapped_column(ForeignKey("focus.id"), index=True)
    focus: Mapped[Focus] = relationship(back_populates="initiatives")
    programs: Mapped[list[Program]] = relationship(
        back_populates="initiative", order_by="Program.position", cascade="all, delete-orphan"
    )


# The programme field lists, all derived from the one list of columns.
#: Every column the sheet gives a programme row, in sheet order (the importer copies these).
PROGRAM_COLUMNS: tuple[str, ...] = (
    "name",
    "measure_code",
    "ward",
    "content",
    "plan",
    "achievement",
    "achievement_label",
    "results",
    "contribution",
    "contribution_label",
    "reason",
    "future",
    "bureau",
)
#: Scale values (達成度 / 貢献度) and their printed labels: not text.
SCALE_FIELDS: tuple[str, ...] = ("achievement", "achievement_label", "contribution", "contribution_label")
#: The export schema's programme fields (DESIGN.md): the columns without the labels.
PROGRAM_EXPORT_FIELDS: tuple[str, ...] = tuple(c for c in PROGRAM_COLUMNS if not c.endswith("_label"))
#: Programme text fields in sheet order (everything but the scale values).
PROGRAM_TEXT_FIELDS: tuple[str, ...] = tuple(c for c in PROGRAM_COLUMNS if c not in SCALE_FIELDS)
#: Text fields a person wrote (not the 施策番号 / ward codes): OCR slips and typo fixes apply here.
PROGRAM_WRITTEN_FIELDS: tuple[str, ...] = tuple(c for c in PROGRAM_TEXT_FIELDS if c not in ("measure_code", "ward"))
#: Fields whose text is prose worth segmenting and translating.
PROSE_FIELDS: tuple[str, ...] = ("content", "plan", "results", "reason", "future")


class Program(Base):
    """事務事業: one row of the sheet (a merged initiative has several)."""

    __tablename__ = "program"
    __table_args__ = (UniqueConstraint("initiative_id", "position"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(ForeignKey("initiative.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)  # 0-based order within the initiative
    name: Mapped[str | None] = mapped_column(Text, nullable=True)
    measure_code: Mapped[str | None] = mapped_column(String(16), nullable=True)
    ward: Mapped[str | None] = mapped_column(String(16), nullable=True)
    content: Mapped[str] = mapped_column(Text, default="")
    plan: Mapped[str] = mapped_column(Text, default="")
    achievement: Mapped[int | None] = mapped_column(Integer, nullable=True)
    achievement_label: Mapped[str | None] = mapped_column(Text, nullable=True)
    results: Mapped[str] = mapped_column(Text, default="")
    contribution: Mapped[str | None] = mapped_column(String(1), nullable=True)
    contribution_label: Mapped[str | None] = mapped_column(Text, nullable=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    future: Mapped[str] = mapped_column(Text, default="")
    bureau: Mapped[str | None] = mapped_column(Text, nullable=True)
    # provenance
    source_file: Mapped[str] = mapped_column(Text, default="")
    line_start: Mapped[int] = mapped_column(Integer, default=0)
    line_end: Mapped[int] = mapped_column(Integer, default=0)
    initiative: Mapped[Initiative] = relationship(back_populates="programs")


class SourceRevision(Base):
    """Every change to a stored source field: who, when, old, new.

    ``entity`` is the table name, ``entity_key`` a stable key that survives
    re-imports (e.g. ``program:12:0`` = initiative 12, row 0).
    """

    __tablename__ = "source_revision"
    id: Mapped[int] = mapped_column(primary_key=True)
    entity: Mapped[str] = mapped_column(String(32))
    entity_key: Mapped[str] = mapped_column(String(64), index=True)
    field: Mapped[str] = mapped_column(String(32))
    old: Mapped[str | None] = mapped_column(Text, nullable=True)
    new: Mapped[str | None] = mapped_column(Text, nullable=True)
    who: Mapped[str] = mapped_column(String(128))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    import_run_id: Mapped[int | None] = mapped_column(ForeignKey("import_run.id"), nullable=True)


class ImportRun(Base):
    __tablename__ = "import_run"
    id: Mapped[int] = mapped_column(primary_key=True)
    source_file: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    who: Mapped[str] = mapped_column(String(128))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    initiatives: Mapped[int] = mapped_column(Integer, default=0)
    programs: Mapped[int] = mapped_column(Integer, default=0)
    changed_fields: Mapped[int] = mapped_column(Integer, default=0)


class SourceSnapshot(Base):
    """The stored source as it was before an import run changed it (policy
    tree, initiatives, programme rows, anomalies), so that run can be undone
    (``kintl-pub undo-import``).  Taken by every import that changes a
    non-empty store; the export-like JSON of ``ingest.undo``."""

    __tablename__ = "source_snapshot"
    id: Mapped[int] = mapped_column(primary_key=True)
    import_run_id: Mapped[int] = mapped_column(ForeignKey("import_run.id"), unique=True)
    data: Mapped[dict] = mapped_column(JSON)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Anomaly(Base):
    """Something in the sheet a human should look at, and what was decided."""

    __tablename__ = "anomaly"
    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_number: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    line: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(48))
    message: Mapped[str] = mapped_column(Text)
    decision: Mapped[str] = mapped_column(Text)
    corrected: Mapped[bool] = mapped_column(Boolean, default=False)


# --------------------------------------------------------------------------
# Segments and translations
# --------------------------------------------------------------------------


class Segment(Base):
    """One sentence or list item of a stored field, at a stable place.

    The place (``key``) is stable across re-imports; ``source`` is the
    Japanese text, which is also the catalog msgid.  Identical sentences in
    different places share one Translation (keyed by source hash).
    """

    __tablename__ = "segment"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(96), unique=True)  # e.g. "12/0/results/3"
    initiative_number: Mapped[int] = mapped_column(Integer, index=True)
    program_position: Mapped[int | None] = mapped_column(Integer, nullable=True)
    field: Mapped[str] = mapped_column(String(32))
    ordinal: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(8))  # "p" | "li" | "label"
    block: Mapped[int] = mapped_column(Integer, default=0)  # paragraph/list index in field
    source: Mapped[str] = mapped_column(Text)
    source_hash: Mapped[str] = mapped_column(String(64), index=True)
    # the previous source at this place, kept when the text changed so that
    # translations can be marked outdated with a diff
    previous_source: Mapped[str | None] = mapped_column(Text, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class State(StrEnum):
    """The stored state of a translation (``Translation.state``).

    Values are the strings stored in the database and written in catalogs,
    so a member compares equal to its string.
    """

    UNTRANSLATED = "untranslated"
    MACHINE = "machine"  # a draft by MT or by the Easy Japanese rules
    TRANSLATED = "translated"  # a person's text
    APPROVED = "approved"  # a person's text checked by a second person
    OUTDATED = "outdated"  # a human or machine text for an older source


#: Every stored state, in report order.
STATES: tuple[State, ...] = tuple(State)
#: States that hold a person's current text.
HUMAN_STATES: tuple[State, ...] = (State.TRANSLATED, State.APPROVED)


class DisplayState(StrEnum):
    """What the reader is told about a shown text (the renderer's labels):
    derived from :class:`State` by ``catalogs.states.resolve_many``."""

    SOURCE = "source"  # the Japanese original
    REVIEWED = "reviewed"  # a person's translation (translated or approved)
    MACHINE = "machine"  # an unreviewed draft
    OUTDATED = "outdated"  # a translation of an older source
    FALLBACK = "fallback"  # no translation: Easy Japanese or Japanese instead


class Translation(Base):
    """Best text for (locale, source text); catalogs mirror this table.

    Holds what .po files cannot carry: who, when, provenance, the previous
    source for outdated entries, and a version for conflict detection.
    """

    __tablename__ = "translation"
    __table_args__ = (
        UniqueConstraint("locale", "source_hash"),
        Index("ix_translation_locale_state", "locale", "state"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    locale: Mapped[str] = mapped_column(String(16))  # URL code, e.g. "pt-br", "ja-easy"
    source_hash: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(16), default=State.UNTRANSLATED.value)
    # for outdated entries: the source the text was written for
    previous_source: Mapped[str | None] = mapped_column(Text, nullable=True)
    # machine drafts: {"engine": "argostranslate", "package": "ja_en", "version": "1.9", ...}
    provenance: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    flags: Mapped[list | None] = mapped_column(JSON, nullable=True)  # e.g. ["lost-number:2021"]
    translator: Mapped[str | None] = mapped_column(String(128), nullable=True)
    reviewer: Mapped[str | None] = mapped_column(String(128), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Every UPDATE says "WHERE version = <the version read>": two workers that
    # read the same version cannot both write (the second gets StaleDataError,
    # which the workspace reports as a conflict).  states._replace sets it.
    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}


class TranslationHistory(Base):
    """Nothing a person wrote is lost: every replaced text is kept here."""

    __tablename__ = "translation_history"
    id: Mapped[int] = mapped_column(primary_key=True)
    translation_id: Mapped[int] = mapped_column(ForeignKey("translation.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16))
    who: Mapped[str | None] = mapped_column(String(128), nullable=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class TranslationComment(Base):
    """A translator's note on a translation (a ``# …`` comment in a .po file:
    a doubt about the source, a choice made) so that a reviewer sees it: kept
    through ``catalogs import`` and written back on every export.  One per
    entry (the latest); its own table, so a store made before it needs no
    migration."""

    __tablename__ = "translation_comment"
    id: Mapped[int] = mapped_column(primary_key=True)
    translation_id: Mapped[int] = mapped_column(ForeignKey("translation.id"), unique=True)
    text: Mapped[str] = mapped_column(Text)  # lines as the translator wrote them
    who: Mapped[str | None] = mapped_column(String(128), nullable=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


# --------------------------------------------------------------------------
# Easy Japanese review queue
# --------------------------------------------------------------------------

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


class EasyAnnotation(Base):
    """Readings and phrase breaks the Easy Japanese pipeline added to a person's
    plain Easy Japanese (``easy build``): derived data, never edited.

    The person's text stays as written in ``translation.text`` (catalogs and
    exports show it, so a round trip is lossless); the renderers show
    ``markup`` instead while it belongs to that very text (same ``text_hash``).
    ``flags`` holds what the preservation check found missing (``lost:…``).
    """

    __tablename__ = "easy_annotation"
    __table_args__ = (UniqueConstraint("source_hash", "text_hash"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    source_hash: Mapped[str] = mapped_column(String(64), index=True)
    text_hash: Mapped[str] = mapped_column(String(64))  # sha256 of the person's text
    rules: Mapped[str] = mapped_column(String(32))  # the rules version that wrote it
    markup: Mapped[str] = mapped_column(Text)
    flags: Mapped[list | None] = mapped_column(JSON, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class EasyRulesDraft(Base):
    """The automatic rewrite of a source whose ja-easy entry a person wrote.

    ``translation`` holds the person's text there, but ``easy report`` still
    measures the rules on every source (the rules' targets, side by side with
    the published text's), so ``easy build`` keeps their draft here.
    """

    __tablename__ = "easy_rules_draft"
    id: Mapped[int] = mapped_column(primary_key=True)
    source_hash: Mapped[str] = mapped_column(String(64), unique=True)
    rules: Mapped[str] = mapped_column(String(32))
    markup: Mapped[str] = mapped_column(Text)
    flags: Mapped[list | None] = mapped_column(JSON, nullable=True)


# --------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------


class User(Base):
    """An account: roles and per-locale rights (``store.users`` has the rules)."""

    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(256))
    # space-separated URL codes the user may translate, or "*" for all
    locales: Mapped[str] = mapped_column(Text, default="")
    is_editor: Mapped[bool] = mapped_column(Boolean, default=False)  # may edit source / Easy JA
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # added with the workspace (store.schema adds them to older databases)
    review_locales: Mapped[str] = mapped_column(Text, default="")  # may approve; "*" for all
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)  # manages people
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)


# Names are unique without regard to case (MARIA is maria).
Index("ux_user_account_username_ci", func.lower(User.username), unique=True)
