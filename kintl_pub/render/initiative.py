"""One initiative as a reader sees it: title, where it sits in the policy
tree, every programme row with its ratings, labels and prose fields, the
neighbours, and (Easy Japanese) the word explanations.

The HTML page and the embed render :class:`InitiativeView`; the PDF and the
JSON API are to render the same model.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from .. import locales
from ..segment import scale_words
from ..store.models import PROSE_FIELDS, Direction, Focus, Initiative, Program
from .fields import FieldView, build_field, field_sources
from .shown import Resolver, Shown, circled, roman


@dataclass
class ProgramView:
    position: int
    name: Shown | None
    measure_code: str | None
    ward: Shown | None
    bureau: Shown | None
    achievement: int | None
    achievement_label: str | None
    contribution: str | None
    contribution_label: str | None
    fields: list[FieldView]
    achievement_text: Shown | None = None  # the scale label, e.g. ほぼ目標どおり
    contribution_text: Shown | None = None


@dataclass
class Crumb:
    anchor: str
    prefix: str  # e.g. "Ⅰ", "1", "①"
    title: Shown | None


@dataclass
class InitiativeView:
    number: int
    title: Shown
    has_own_title: bool
    policy: Crumb
    direction: Crumb
    focus: Crumb
    programs: list[ProgramView]
    prev_n: int | None
    next_n: int | None
    glossary: list[tuple[str, str]]


def title_source(ini: Initiative) -> str:
    """The Japanese an initiative is called by: its title, else its first
    programme's name (some initiatives have no title of their own)."""
    if ini.title:
        return ini.title.strip()
    for p in ini.programs:
        if p.name:
            return p.name
    return ""


def _label_sources(p: Program) -> list[str]:
    return [v for v in (p.name, p.ward, p.bureau, scale_words(p.achievement_label),
                        scale_words(p.contribution_label)) if v]


def _crumbs(res: Resolver, focus: Focus) -> tuple[Crumb, Crumb, Crumb]:
    d = focus.direction
    p = d.policy
    return (
        Crumb(f"p{p.number}", roman(p.number), res.get(p.title.strip())),
        Crumb(f"p{p.number}-d{d.number}", str(d.number), res.get(d.title.strip())),
        Crumb(f"p{p.number}-d{d.number}-f{focus.number}", circled(focus.number),
              res.get(focus.title.strip())),
    )


def _program(res: Resolver, ini: Initiative, p: Program) -> ProgramView:
    fields = [build_field(res, getattr(p, n), ini.number, p.position, n) for n in PROSE_FIELDS]
    return ProgramView(
        position=p.position, name=res.get(p.name), measure_code=p.measure_code,
        ward=res.get(p.ward), bureau=res.get(p.bureau), achievement=p.achievement,
        achievement_label=p.achievement_label, contribution=p.contribution,
        contribution_label=p.contribution_label, fields=fields,
        achievement_text=res.get(scale_words(p.achievement_label)),
        contribution_text=res.get(scale_words(p.contribution_label)),
    )


def _glossary(res: Resolver) -> list[tuple[str, str]]:
    """Easy Japanese word explanations in the texts shown, once each."""
    from ..easy.markup import glosses

    out: dict[str, str] = {}
    for shown in res.resolved():
        if shown.lang == locales.EASY.code:
            for term, expl in glosses(shown.text):
                out.setdefault(term, expl)
    return sorted(out.items())


def initiative_view(
    session: Session, locale: str, number: int, *, fallback: str | None = None
) -> InitiativeView | None:
    """The initiative ``number`` in ``locale``; untranslated text through the
    locale's fallback chain, the reader's choice ``fallback`` first."""
    ini = session.scalars(
        select(Initiative)
        .where(Initiative.number == number)
        .options(
            selectinload(Initiative.programs),
            selectinload(Initiative.focus).selectinload(Focus.direction).selectinload(Direction.policy),
        )
    ).first()
    if ini is None:
        return None
    numbers = list(session.scalars(select(Initiative.number).order_by(Initiative.number)))
    idx = numbers.index(number)
    res = Resolver(session, locale, fallback)
    f = ini.focus
    sources = [title_source(ini), f.title.strip(), f.direction.title.strip(),
               f.direction.policy.title.strip()]
    for p in ini.programs:
        sources += _label_sources(p)
        for name in PROSE_FIELDS:
            sources += field_sources(getattr(p, name), ini.number, p.position, name)
    res.load(sources)
    programs = [_program(res, ini, p) for p in ini.programs]
    glossary = _glossary(res) if locale == locales.EASY.code else []
    pc, dc, fc = _crumbs(res, f)
    return InitiativeView(
        number=ini.number, title=res.title(title_source(ini)), has_own_title=bool(ini.title),
        policy=pc, direction=dc, focus=fc, programs=programs,
        prev_n=numbers[idx - 1] if idx > 0 else None,
        next_n=numbers[idx + 1] if idx + 1 < len(numbers) else None,
        glossary=glossary,
    )
