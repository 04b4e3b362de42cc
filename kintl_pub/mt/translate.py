"""``kintl-pub translate``: draft every untranslated segment.

For each target locale with a route (``packages.plan_routes``), the
segments that need a draft are those whose Translation row is missing,
``untranslated``, or ``outdated`` *machine* text.  Translated, approved and
outdated human entries are never touched (``states.put_machine`` enforces it
too).  Work is grouped per package, so ja→en runs once over the union of
what every pivot target needs, and is cached (``cache.py``): re-running with
nothing changed finds nothing to draft and never loads a model.
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
from ..store.models import Segment, State, Translation
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


def provenance(route: Route, versions: dict[str, str], options_key: str) -> dict:
    steps = route.steps
    prov = {
        "engine": "argostranslate",
        "package": "+".join(s.name for s in steps),
        "version": "+".join(s.version for s in steps),
        "packages": [s.describe() for s in steps],
        "path": route.path,
        "argostranslate": versions.get("argostranslate"),
        "ctranslate2": versions.get("ctranslate2"),
        "decoding": options_key,
        "date": datetime.now(UTC).date().isoformat(),
    }
    if len(steps) > 1:  # only pivot drafts say so (catalog comments stay short)
        prov["pivot"] = packages.PIVOT
    return prov


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
    masked = {s: protect.mask(s, terms) for todo in needs.values() for s in todo}
    # Segments that are only a protected term (or numbers) skip the model.
    verbatim = {s for s, m in masked.items() if not protect.needs_model(m)}
    drafts = _walk_routes(eng, routes, needs, masked, verbatim, progress)

    stack = versions()
    for lr in report.locales:
        if lr.locale in drafts:
            prov = provenance(routes[lr.locale], stack, eng.options.key())
            _store(session, lr, drafts[lr.locale], masked, verbatim, prov, terms)
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


def _walk_routes(
    eng: Engine,
    routes: dict[str, Route],
    needs: dict[str, list[str]],
    masked: dict[str, protect.Masked],
    verbatim: set[str],
    progress: ProgressFactory | None,
) -> dict[str, dict[str, str]]:
    """Locale → source → raw (still masked) model output.

    Walks the routes step by step; at each step, groups by package so one
    package translates the union of what all its locales need (the pivot)."""
    current: dict[str, dict[str, str]] = {
        code: {s: masked[s].text for s in todo} for code, todo in needs.items()
    }
    depth = max(len(routes[c].steps) for c in needs)
    for step in range(depth):
        by_pkg: dict[str, tuple[PackageInfo, list[str]]] = {}
        for code, texts in current.items():
            steps = routes[code].steps
            if step >= len(steps):
                continue
            info = steps[step]
            entry = by_pkg.setdefault(str(info.path), (info, []))
            entry[1].extend(t for s, t in texts.items() if s not in verbatim)
        for info, batch in by_pkg.values():
            unique = list(dict.fromkeys(t for t in batch if t))
            tick = progress(info.pair, len(unique)) if progress else None
            out = eng.translate(info, unique, progress=tick)
            for code, cur in current.items():
                steps = routes[code].steps
                if step < len(steps) and steps[step].path == info.path:
                    current[code] = {
                        s: t if s in verbatim else out.get(t, "") for s, t in cur.items()
                    }
    return current


def _store(
    session: Session,
    lr: LocaleReport,
    raw: dict[str, str],
    masked: dict[str, protect.Masked],
    verbatim: set[str],
    prov: dict,
    terms: ProtectedTerms,
) -> None:
    """Unmask, check and store one locale's drafts (flags from the checks registry)."""
    # say where a term-only draft really came from: the terms file, not a model
    prov_terms = {"engine": "terms", "package": DEFAULT_TERMS.name, "date": prov["date"]}
    for src, out in raw.items():
        text = protect.unmask(out, masked[src], lr.locale, terms)
        flags = checks.flags(src, text, lr.locale, only=checks.MT_CHECKS, terms=terms)
        stored = states.put_machine(
            session, lr.locale, src, text,
            provenance=prov_terms if src in verbatim else prov, flags=flags,
        )
        if stored:
            lr.drafted += 1
            lr.flagged += bool(flags)
        else:
            lr.protected_human += 1
