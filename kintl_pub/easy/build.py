"""``kintl-pub easy build``: Easy Japanese for every stored segment.

Writes through :func:`kintl_pub.catalogs.states.put_machine`, so an editor's
reviewed rewrite (a human state) is never replaced; the texts people wrote get
their readings and phrase breaks beside them (:mod:`.people`).  A segment whose draft
already carries the current rules version is skipped before any analysis:
a second run with nothing changed loads no analyser at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..catalogs import states
from ..locales import EASY
from ..store.models import Segment, State, Translation
from . import overrides, titles
from .models import EasyRulesDraft, ReadingDisagreement
from .people import PeopleReport
from .tokens import Token
from .version import rules_version

ENGINE = "kintl-easy"


@dataclass
class BuildReport:
    segments: int = 0
    sources: int = 0
    analysed: int = 0
    written: int = 0
    skipped_cached: int = 0
    skipped_human: int = 0
    kept_source: int = 0
    disagreements: int = 0
    flagged: list[tuple[str, list[str]]] = field(default_factory=list)
    rules_drafts: int = 0  # the rules' rewrites of entries people wrote (for the report)
    #: people's texts: readings and phrase breaks added (easy.people)
    people: PeopleReport = field(default_factory=PeopleReport)


class Pipeline:
    """Reader + glossary + annotator, created once (Sudachi load ~0.3 s)."""

    def __init__(self) -> None:
        from .annotate import Annotator
        from .readings import Reader, load_kakasi_cache
        from .rewrite.glossary import load

        load_kakasi_cache()  # pykakasi is slow per word: reuse earlier runs' answers
        self.reader = Reader()
        self.glossary = load()
        self.annotator = Annotator(self.reader, self.glossary)

    def run(self, source: str, kind: str = "p", field: str | None = None) -> tuple[str, list[str], list[Token]]:
        """(markup, flags, disagreeing tokens) for one source text (``field``:
        the programme field it stands in; results are told in the past)."""
        from .rewrite import rewrite

        res = rewrite(source, reader=self.reader, glossary=self.glossary, kind=kind, past=field == "results")
        seen: list[Token] = []
        self.reader.on_disagreement = seen.append
        try:
            marked = self.annotator.text(res.text)
        finally:
            self.reader.on_disagreement = None
        flags = list(res.flags)
        if res.kept_source:
            flags.append("kept-source")
        return marked, flags, seen

    def plain(self, source: str, kind: str = "p", field: str | None = None) -> str:
        from .rewrite import rewrite

        return rewrite(source, reader=self.reader, glossary=self.glossary, kind=kind, past=field == "results").text


def _queue(session: Session, tokens: list[Token], context: str, key: str,
           checked: set[tuple[str, str, str]] | None = None) -> int:
    added = 0
    for t in tokens:
        if checked and (t.surface, t.reading, t.alt or "") in checked:
            continue  # an editor confirmed this reading (data/readings_checked.tsv)
        row = session.scalars(
            select(ReadingDisagreement).where(
                ReadingDisagreement.surface == t.surface,
                ReadingDisagreement.reading == t.reading,
                ReadingDisagreement.alt == (t.alt or ""),
            )
        ).first()
        if row is None:
            session.add(
                ReadingDisagreement(surface=t.surface, reading=t.reading, alt=t.alt or "",
                                    context=context, segment_key=key, occurrences=1)
            )
            session.flush()
            added += 1
        else:
            row.occurrences += 1
            row.updated_at = datetime.now(UTC)
    return added


def build(session: Session, *, progress: bool = True, pipeline: Pipeline | None = None) -> BuildReport:
    version = rules_version()
    provenance = {"engine": ENGINE, "rules": version}
    report = BuildReport()
    segments = session.scalars(select(Segment).order_by(Segment.initiative_number, Segment.id)).all()
    report.segments = len(segments)
    by_source: dict[str, Segment] = {}
    for seg in segments:
        by_source.setdefault(seg.source, seg)
    report.sources = len(by_source)
    existing = {
        t.source_hash: t
        for t in session.scalars(select(Translation).where(Translation.locale == EASY.code))
    }
    drafts = {d.source_hash: d for d in session.scalars(select(EasyRulesDraft))}
    todo: list[Segment] = []
    named: list[Segment] = []  # titles and programme names: drafted after the content they explain
    for seg in by_source.values():
        t = existing.get(seg.source_hash)
        if seg.field in titles.TITLE_FIELDS and not (t is not None and states.is_human(t)):
            named.append(seg)
            continue
        if t is not None and states.is_human(t):
            report.skipped_human += 1
            d = drafts.get(seg.source_hash)
            if d is None or d.rules != version:
                todo.append(seg)  # the rules' draft, kept apart for the report
        elif t is not None and t.state == State.MACHINE and (t.provenance or {}).get("rules") == version:
            report.skipped_cached += 1
        else:
            todo.append(seg)
    if todo:
        human = {h for h, t in existing.items() if states.is_human(t)}
        pipeline = _machine_drafts(session, todo, report, provenance, pipeline, progress, human, drafts)
    pipeline = _titles(session, named, report, provenance, pipeline)
    from . import people

    report.people = people.annotate(session, version, pipeline, progress=progress)
    return report


def _titles(session: Session, named: list[Segment], report: BuildReport, provenance: dict,
            pipeline: Pipeline | None) -> Pipeline | None:
    """Official names with a one-line explanation drafted from their programme's
    content (:mod:`.titles`): redone when the rules or the explanation change."""
    for seg in named:
        text = titles.explanation_for(session, seg)
        wanted = {**provenance, "explains": titles.key(text)}
        t = states.get(session, EASY.code, seg.source)
        if t is not None and t.state == State.MACHINE and t.provenance == wanted:
            report.skipped_cached += 1
            continue
        pipeline = pipeline or Pipeline()
        flags: list[str] = []
        if text:
            marked = titles.title_markup(seg.source, text, pipeline.reader)
        else:
            marked, flags, _ = pipeline.run(seg.source, seg.kind, seg.field)
        report.analysed += 1
        if states.put_machine(session, EASY.code, seg.source, marked, provenance=wanted, flags=flags):
            report.written += 1
    return pipeline


def _machine_drafts(session: Session, todo: list[Segment], report: BuildReport, provenance: dict,
                    pipeline: Pipeline | None, progress: bool, human: set[str],
                    drafts: dict[str, EasyRulesDraft]) -> Pipeline:
    """The rules' rewrite of each segment in ``todo``: stored as the machine
    draft, or (a person wrote the entry) as an :class:`EasyRulesDraft`."""
    pipe = pipeline or Pipeline()
    checked = overrides.load_checked()
    iterable = todo
    if progress:
        from tqdm import tqdm

        iterable = tqdm(todo, desc="easy build", unit="seg")
    for seg in iterable:
        marked, flags, disagreeing = pipe.run(seg.source, seg.kind, seg.field)
        if seg.source_hash in human:
            d = drafts.get(seg.source_hash)
            if d is None:
                d = EasyRulesDraft(source_hash=seg.source_hash, rules="", markup="")
                session.add(d)
            d.rules, d.markup, d.flags = provenance["rules"], marked, flags or None
            report.rules_drafts += 1
            continue
        report.analysed += 1
        report.disagreements += _queue(session, disagreeing, seg.source, seg.key, checked)
        if "kept-source" in flags:
            report.kept_source += 1
            report.flagged.append((seg.key, flags))
        if states.put_machine(session, EASY.code, seg.source, marked, provenance=provenance, flags=flags):
            report.written += 1
    session.flush()
    return pipe
