"""``kintl-pub translate``: draft every untranslated segment.

For each target locale with a route (``packages.plan_routes``), the
segments that need a draft are those whose Translation row is missing,
``untranslated``, or ``outdated`` *machine* text.  Translated, approved and
outdated human entries are never touched (``states.put_machine`` enforces it
too).  Work is grouped per package, so ja→en runs once over the union of
what every pivot target needs, and is cached (``cache.py``): re-running with
nothing changed finds nothing to draft and never loads a model.

People's English first: where a route goes through English (ja→en→X) and a
person wrote (or approved) the English of a segment, the draft for X is
translated from that English (en→X), not from a machine ja→en draft.  The
provenance says which (``pivot: human-en`` with the English entry's
version, or ``pivot: machine-en``), and a change of that English marks the
drafts outdated (``catalogs.states``), so the next run redrafts them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import checks, locales
from ..catalogs import states
from ..segment import source_hash
from ..store.models import HUMAN_STATES, Segment, State, Translation
from ..terms import DEFAULT_TERMS, ProtectedTerms, load_terms
from . import packages, protect
from .packages import PackageInfo, Route

if TYPE_CHECKING:  # the engine imports the MT stack: only at run time, in run()
    from .engine import Engine

ProgressFactory = Callable[[str, int], Callable[[int], None]]


@dataclass
class LocaleReport:
    locale: str
    route: str  # "ja→en→es", "" for human-only
    needed: int = 0
    drafted: int = 0
    flagged: int = 0
    via_people: int = 0  # drafted from people's English (en→X)
    protected_human: int = 0  # put_machine refused: a person's text is there


@dataclass
class Report:
    locales: list[LocaleReport] = field(default_factory=list)
    segments: int = 0
    model_calls: int = 0
    sentences_translated: int = 0
    cache_hits: int = 0

    @property
    def drafted(self) -> int:
        return sum(r.drafted for r in self.locales)


def select_targets(codes: list[str] | None) -> list[locales.LocaleInfo]:
    """Target locales by URL code (all MT targets if none given)."""
    if not codes:
        return list(locales.MT_TARGETS)
    out: list[locales.LocaleInfo] = []
    for code in codes:
        loc = locales.get(code)  # KeyError names the known codes
        if loc not in locales.MT_TARGETS:
            raise KeyError(f"{code!r} is not a machine translation target")
        if loc not in out:
            out.append(loc)
    return out


def segment_sources(session: Session) -> list[str]:
    """Distinct segment sources in a stable order (first place they appear)."""
    rows = session.execute(select(Segment.source).order_by(Segment.id)).scalars()
    return list(dict.fromkeys(s for s in rows if s))


def needing_draft(session: Session, locale: str, sources: list[str]) -> list[str]:
    """Sources whose entry in ``locale`` is missing, untranslated or outdated machine text."""
    by_hash = {source_hash(s): s for s in sources}
    existing: dict[str, tuple[str, str | None]] = {}
    keys = list(by_hash)
    for i in range(0, len(keys), 500):
        # only the columns the decision needs: loading whole rows (JSON
        # provenance) made a no-op re-run noticeably slower
        for h, state, translator in session.execute(
            select(Translation.source_hash, Translation.state, Translation.translator).where(
                Translation.locale == locale, Translation.source_hash.in_(keys[i : i + 500])
            )
        ):
            existing[h] = (state, translator)
    out: list[str] = []
    for h, s in by_hash.items():
        row = existing.get(h)
        # missing, untranslated, or outdated *machine* text (no translator:
        # the same rule as states.is_human)
        if row is None or row[0] == State.UNTRANSLATED or (row[0] == State.OUTDATED and not row[1]):
            out.append(s)
    return out


#: provenance ``pivot``: which English a draft through English started from
PIVOT_MACHINE = "machine-en"
PIVOT_HUMAN = "human-en"


@dataclass
class Job:
    """Sources of one locale that take the same packages from the same input."""

    locale: str
    steps: tuple[PackageInfo, ...]
    masked: dict[str, protect.Masked]  # Japanese source → masked model input
    provenance: dict
    english: dict[str, Translation] = field(default_factory=dict)  # for human-en drafts


def provenance(steps: tuple[PackageInfo, ...], versions: dict[str, str], options_key: str,
               *, pivot: str | None = None) -> dict:
    prov = {
        "engine": "argostranslate",
        "package": "+".join(s.name for s in steps),
        "version": "+".join(s.version for s in steps),
        "packages": [s.describe() for s in steps],
        "path": "→".join([steps[0].from_code, *(s.to_code for s in steps)]),
        "argostranslate": versions.get("argostranslate"),
        "ctranslate2": versions.get("ctranslate2"),
        "decoding": options_key,
        "date": datetime.now(UTC).date().isoformat(),
    }
    if pivot:  # only drafts through English say so (catalog comments stay short)
        prov["pivot"] = pivot
    return prov


def people_english(session: Session, sources: list[str]) -> dict[str, Translation]:
    """Source → its English entry, where a person wrote or approved it."""
    by_hash = {source_hash(s): s for s in sources}
    keys = list(by_hash)
    out: dict[str, Translation] = {}
    for i in range(0, len(keys), 500):
        for t in session.scalars(select(Translation).where(
            Translation.locale == locales.PIVOT.code,
            Translation.source_hash.in_(keys[i : i + 500]),
            Translation.state.in_(HUMAN_STATES),
        )):
            if t.text.strip():
                out[by_hash[t.source_hash]] = t
    return out


def through_english(route: Route) -> bool:
    return len(route.steps) > 1 and route.steps[0].to_code == packages.PIVOT


def run(
    session: Session,
    codes: list[str] | None = None,
    *,
    engine: Engine | None = None,
    terms: ProtectedTerms | None = None,
    progress: ProgressFactory | None = None,
) -> Report:
    """Draft every segment that needs one, for the given (or all) MT locales."""
    from .engine import Engine, versions  # runtime import: the batch stack

    packages.require_mt()
    targets = select_targets(codes)
    routes = packages.plan_routes(packages.installed(), tuple(targets))
    terms = terms if terms is not None else load_terms()
    sources = segment_sources(session)
    report = Report(segments=len(sources))
    needs = _needs(session, report, targets, routes, sources)
    if not needs:
        return report  # nothing to do: no model is loaded, no call is made

    eng = engine if engine is not None else Engine()
    stack, key = versions(), eng.options.key()
    english = people_english(session, sorted({
        s for code, todo in needs.items() if through_english(routes[code]) for s in todo
    }))
    jobs: list[Job] = []
    for code, todo in needs.items():
        route = routes[code]
        human = [s for s in todo if s in english] if through_english(route) else []
        rest = [s for s in todo if s not in set(human)]
        if rest:
            pivot = PIVOT_MACHINE if through_english(route) else None
            jobs.append(Job(code, route.steps, {s: protect.mask(s, terms) for s in rest},
                            provenance(route.steps, stack, key, pivot=pivot)))
        if human:
            jobs.append(Job(
                code, route.steps[1:],
                {s: protect.mask(english[s].text, terms, source_locale=locales.PIVOT.code) for s in human},
                provenance(route.steps[1:], stack, key, pivot=PIVOT_HUMAN),
                {s: english[s] for s in human},
            ))
    raw = walk_routes(eng, jobs, progress)
    by_locale = {lr.locale: lr for lr in report.locales}
    for job, out in zip(jobs, raw, strict=True):
        _store(session, by_locale[job.locale], job, out, terms)
    session.flush()
    report.model_calls = eng.stats.calls
    report.sentences_translated = eng.stats.sentences
    report.cache_hits = eng.cache.hits
    return report


def _needs(
    session: Session,
    report: Report,
    targets: list[locales.LocaleInfo],
    routes: dict[str, Route],
    sources: list[str],
) -> dict[str, list[str]]:
    """Per routed locale, the sources that need a draft (every target gets
    its line in ``report``, human-only ones too)."""
    needs: dict[str, list[str]] = {}
    for loc in targets:
        route = routes[loc.code]
        lr = LocaleReport(loc.code, route.path)
        report.locales.append(lr)
        todo = needing_draft(session, loc.code, sources)
        lr.needed = len(todo)
        if todo and not route.human_only:
            needs[loc.code] = todo
    return needs


def walk_routes(
    eng: Engine, jobs: list[Job], progress: ProgressFactory | None
) -> list[dict[str, str]]:
    """Per job, source → raw (still masked) model output.

    Walks the jobs' steps together; at each step, groups by package so one
    package translates the union of what all jobs need (the ja→en pivot runs
    once for every target).  A segment that is only protected terms (or
    numbers) skips the model: its placeholders are its draft."""
    current = [
        {s: m.text for s, m in job.masked.items() if protect.needs_model(m)} for job in jobs
    ]
    depth = max((len(job.steps) for job in jobs), default=0)
    for step in range(depth):
        by_pkg: dict[str, tuple[PackageInfo, list[str]]] = {}
        for job, texts in zip(jobs, current, strict=True):
            if step < len(job.steps):
                info = job.steps[step]
                by_pkg.setdefault(str(info.path), (info, []))[1].extend(texts.values())
        for info, batch in by_pkg.values():
            unique = list(dict.fromkeys(t for t in batch if t))
            tick = progress(info.pair, len(unique)) if progress else None
            out = eng.translate(info, unique, progress=tick)
            for i, job in enumerate(jobs):
                if step < len(job.steps) and job.steps[step].path == info.path:
                    current[i] = {s: out.get(t, "") for s, t in current[i].items()}
    return [
        {s: cur.get(s, m.text) for s, m in job.masked.items()}
        for job, cur in zip(jobs, current, strict=True)
    ]


def _store(
    session: Session,
    lr: LocaleReport,
    job: Job,
    raw: dict[str, str],
    terms: ProtectedTerms,
) -> None:
    """Unmask, check and store one job's drafts (flags from the checks registry)."""
    # say where a term-only draft really came from: the terms file, not a model
    prov_terms = {"engine": "terms", "package": DEFAULT_TERMS.name, "date": job.provenance["date"]}
    for src, out in raw.items():
        masked = job.masked[src]
        text = protect.unmask(out, masked, lr.locale, terms)
        flags = checks.flags(src, text, lr.locale, only=checks.MT_CHECKS, terms=terms)
        prov = job.provenance if protect.needs_model(masked) else prov_terms
        if src in job.english:  # which English it was: its entry's version
            prov = {**prov, "english_version": job.english[src].version}
        stored = states.put_machine(session, lr.locale, src, text, provenance=prov, flags=flags)
        if stored:
            lr.drafted += 1
            lr.flagged += bool(flags)
            lr.via_people += src in job.english
        else:
            lr.protected_human += 1
