"""``kintl-pub mt eval``: how close the installed models come to people.

For every text a person translated (or approved) in a locale, the installed
route drafts it now — through the same masking, packages, cache and
unmasking as ``translate``, but nothing is stored — and sacrebleu scores the
drafts against the people's text: chrF and BLEU per locale, per draft kind
and per field (title, content, results …).  That tells the city whether a
model is worth installing, on its own sheet, before it publishes a draft.

Draft kinds: ``direct`` (ja→X), ``machine-en`` (ja→en→X) and, where people
wrote the English too, ``human-en`` (en→X from that English: what
``translate`` does for those texts).  Read-only on the store.
"""

from __future__ import annotations

import importlib.util
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import locales
from ..segment import source_hash
from ..store.models import HUMAN_STATES, Segment, Translation
from ..terms import ProtectedTerms, load_terms
from . import packages, protect
from .translate import PIVOT_HUMAN, PIVOT_MACHINE, Job, people_english, through_english, walk_routes

if TYPE_CHECKING:
    from .engine import Engine

#: every field together
ALL = "all"


def bleu_tokenizer(locale: str) -> str:
    """sacrebleu's tokenizer for BLEU in ``locale``: words where the script
    spaces them, Chinese by sacrebleu's own rules, characters for Thai."""
    loc = locales.get(locale)
    if loc.word_spaces:
        return "13a"
    return "zh" if loc.script == "Hans" else "char"


@dataclass
class Score:
    locale: str
    kind: str  # direct | machine-en | human-en
    route: str  # ja→en→es, en→es
    field: str  # ALL or a segment field
    texts: int
    chrf: float
    bleu: float


@dataclass
class EvalReport:
    scores: list[Score] = field(default_factory=list)
    human_only: list[str] = field(default_factory=list)  # locales without a model
    no_reference: list[str] = field(default_factory=list)  # locales nobody translated yet
    signatures: dict[str, str] = field(default_factory=dict)  # metric → sacrebleu signature


def references(session: Session, locale: str) -> dict[str, str]:
    """Current source text → a person's translation in ``locale``."""
    current = set(session.scalars(select(Segment.source).distinct()))
    rows = session.scalars(
        select(Translation).where(Translation.locale == locale, Translation.state.in_(HUMAN_STATES))
    )
    return {t.source: t.text.strip() for t in rows if t.source in current and t.text.strip()}


def fields_of(session: Session, sources: list[str]) -> dict[str, set[str]]:
    """Source → every field it is used in."""
    wanted = {source_hash(s): s for s in sources}
    out: dict[str, set[str]] = defaultdict(set)
    for h, name in session.execute(select(Segment.source_hash, Segment.field)):
        if h in wanted:
            out[wanted[h]].add(name)
    return out


def evaluate(
    session: Session,
    codes: list[str],
    *,
    engine: Engine | None = None,
    terms: ProtectedTerms | None = None,
) -> EvalReport:
    """Draft the people's texts of each locale in ``codes`` and score them."""
    from .engine import Engine, versions

    packages.require_mt()
    if importlib.util.find_spec("sacrebleu") is None:
        raise packages.MTUnavailable(f"{packages.INSTALL_HINT}\n(missing: sacrebleu)")
    targets = [locales.get(c) for c in codes]
    routes = packages.plan_routes(packages.installed(), tuple(targets))
    terms = terms if terms is not None else load_terms()
    report = EvalReport()
    jobs: list[Job] = []
    refs: dict[str, dict[str, str]] = {}
    for loc in targets:
        route = routes.get(loc.code)
        if route is None or route.human_only:
            report.human_only.append(loc.code)
            continue
        refs[loc.code] = references(session, loc.code)
        if not refs[loc.code]:
            report.no_reference.append(loc.code)
            continue
        sources = sorted(refs[loc.code])
        via_en = through_english(route)
        prov = {"kind": PIVOT_MACHINE if via_en else "direct", "route": route.path}
        jobs.append(Job(loc.code, route.steps, {s: protect.mask(s, terms) for s in sources}, prov))
        english = people_english(session, sources) if via_en else {}
        if english:
            second = route.steps[1:]
            jobs.append(Job(
                loc.code, second,
                {s: protect.mask(e.text, terms, source_locale=locales.PIVOT.code) for s, e in english.items()},
                {"kind": PIVOT_HUMAN, "route": "→".join([second[0].from_code, *(p.to_code for p in second)])},
            ))
    if not jobs:
        return report
    eng = engine if engine is not None else Engine()
    report.signatures["argostranslate"] = versions().get("argostranslate", "unknown")
    used = fields_of(session, sorted({s for job in jobs for s in job.masked}))
    for job, raw in zip(jobs, walk_routes(eng, jobs, None), strict=True):
        drafts = {s: protect.unmask(out, job.masked[s], job.locale, terms) for s, out in raw.items()}
        report.scores += _score(job, drafts, refs[job.locale], used, report.signatures)
    return report


def _score(
    job: Job,
    drafts: dict[str, str],
    refs: dict[str, str],
    used: dict[str, set[str]],
    signatures: dict[str, str],
) -> list[Score]:
    from sacrebleu.metrics import BLEU, CHRF

    groups: dict[str, list[str]] = {ALL: sorted(drafts)}
    for s in sorted(drafts):
        for name in sorted(used.get(s, ())):
            groups.setdefault(name, []).append(s)
    out: list[Score] = []
    for name, sources in groups.items():
        hyps = [drafts[s] for s in sources]
        gold = [[refs[s] for s in sources]]
        chrf, bleu = CHRF(), BLEU(tokenize=bleu_tokenizer(job.locale))
        c, b = chrf.corpus_score(hyps, gold), bleu.corpus_score(hyps, gold)
        signatures["chrF"] = str(chrf.get_signature())
        signatures[f"BLEU ({job.locale})"] = str(bleu.get_signature())
        out.append(Score(job.locale, job.provenance["kind"], job.provenance["route"], name,
                         len(sources), round(c.score, 2), round(b.score, 2)))
    return out


def table(report: EvalReport) -> str:
    """The scores as a plain-text table (one line per locale, kind and field)."""
    lines = [f"{'locale':<8} {'draft':<11} {'route':<10} {'field':<12} {'texts':>5} {'chrF':>6} {'BLEU':>6}"]
    for s in report.scores:
        lines.append(f"{s.locale:<8} {s.kind:<11} {s.route:<10} {s.field:<12} {s.texts:>5} "
                     f"{s.chrf:>6.2f} {s.bleu:>6.2f}")
    for code in report.human_only:
        lines.append(f"{code:<8} human-only: no model installed, nothing to evaluate")
    for code in report.no_reference:
        lines.append(f"{code:<8} no text translated by people yet: nothing to compare with")
    return "\n".join(lines)
