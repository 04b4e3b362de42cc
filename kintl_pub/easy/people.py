"""Readings and phrase breaks for the Easy Japanese that people wrote.

Editors write plain Easy Japanese (glosses as ``[名前|説明]``, no ruby): the
reading pipeline adds the furigana and phrase breaks here, in the batch step
(``easy build``), and stores the result beside the person's text
(:class:`~kintl_pub.store.models.EasyAnnotation`): the text itself is never
changed, so catalogs and exports show what the person wrote and a round trip
is lossless; the renderers show the annotation while it belongs to the
current text (:func:`kintl_pub.catalogs.states.resolve_many`).

Each annotation is keyed by the text's hash and records the rules version:
unchanged texts are skipped before any analysis, a new rules version or a
changed reading dictionary redoes them.  The preservation check runs on
people's text too; what it finds is stored as flags and reported by
``easy report`` (never refused: the person decides).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..catalogs.states import is_human
from ..locales import EASY
from ..segment import source_hash
from ..store.models import EasyAnnotation, Segment, Translation
from . import markup, preserve

if TYPE_CHECKING:
    from .build import Pipeline


@dataclass
class PeopleReport:
    texts: int = 0  # people's texts for current segments
    annotated: int = 0
    cached: int = 0
    removed: int = 0  # annotations of texts nobody shows any more
    flagged: list[tuple[str, list[str]]] = field(default_factory=list)


def lost_flags(lost: list[tuple[str, str]]) -> list[str]:
    """``lost:2021`` for a fact, ``name:フォーラム`` for a name not repeated."""
    return [("name:" if kind == preserve.NAME else "lost:") + item for kind, item in lost]


def people_texts(session: Session) -> list[Translation]:
    """The ja-easy texts people wrote for the current segments."""
    current = set(session.scalars(select(Segment.source_hash).distinct()))
    return [
        t for t in session.scalars(select(Translation).where(Translation.locale == EASY.code))
        if t.source_hash in current and t.text and is_human(t)
    ]


def annotate(session: Session, version: str, pipeline: Pipeline | None = None,
             *, progress: bool = False) -> PeopleReport:
    """Annotate every person's text whose annotation is missing or older than
    ``version``; remove annotations of texts no longer shown."""
    report = PeopleReport()
    texts = people_texts(session)
    report.texts = len(texts)
    have = {(a.source_hash, a.text_hash): a for a in session.scalars(select(EasyAnnotation))}
    wanted: set[tuple[str, str]] = set()
    todo: list[tuple[Translation, str, EasyAnnotation | None]] = []
    for t in texts:
        key = (t.source_hash, source_hash(t.text))
        wanted.add(key)
        a = have.get(key)
        if a is not None and a.rules == version:
            report.cached += 1
        else:
            todo.append((t, key[1], a))
    for key, a in have.items():
        if key not in wanted:
            session.delete(a)
            report.removed += 1
    if todo:
        from .build import Pipeline

        pipe = pipeline or Pipeline()
        iterable = todo
        if progress:
            from tqdm import tqdm

            iterable = tqdm(todo, desc="easy build (people's text)", unit="text")
        for t, text_hash, a in iterable:
            marked = pipe.annotator.person_text(t.text)
            flags = lost_flags(preserve.lost_by_kind(
                t.source, markup.to_plain(marked, with_glosses=True), pipe.reader.tokens(t.source)))
            if a is None:
                a = EasyAnnotation(source_hash=t.source_hash, text_hash=text_hash, rules=version, markup=marked)
                session.add(a)
            a.rules, a.markup, a.flags = version, marked, flags or None
            a.updated_at = datetime.now(UTC)
            report.annotated += 1
            if flags:
                report.flagged.append((t.source[:40], flags))
    session.flush()
    return report
