"""One initiative as a reader sees it: title, where it sits in the policy
tree, every programme row with its ratings, labels and prose fields, the
neighbours, and (Easy Japanese) the word explanations.

The HTML page and the embed render :class:`InitiativeView`; the PDF and the
JSON API are to render the same model.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

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


def _glossary(texts: Iterable[Shown | None]) -> list[tuple[str, str]]:
    """Easy Japanese word explanations in the texts shown, once each."""
    from ..easy.markup import glosses

    out: dict[str, str] = {}
    for shown in texts:
        if shown is not None and shown.lang == locales.EASY.code:
            for term, expl in glosses(shown.text):
                out.setdefault(term, expl)
    return sorted(out.items())


def _sources(ini: Initiative) -> list[str]:
    """Every source text one initiative page shows."""
    f = ini.focus
    out = [title_source(ini), f.title.strip(), f.direction.title.strip(),
           f.direction.policy.title.strip()]
    for p in ini.programs:
        out += _label_sources(p)
        for name in PROSE_FIELDS:
            out += field_sources(getattr(p, name), ini.number, p.position, name)
    return out


def _view(res: Resolver, ini: Initiative, numbers: list[int]) -> InitiativeView:
    """The page of ``ini`` from texts ``res`` has resolved (see :func:`_sources`)."""
    idx = numbers.index(ini.number)
    programs = [_program(res, ini, p) for p in ini.programs]
    pc, dc, fc = _crumbs(res, ini.focus)
    glossary: list[tuple[str, str]] = []
    if res.locale == locales.EASY.code:
        # this page's texts only: a resolver shared by many pages holds more
        glossary = _glossary(res.get(s) for s in _sources(ini))
    return InitiativeView(
        number=ini.number, title=res.title(title_source(ini)), has_own_title=bool(ini.title),
        policy=pc, direction=dc, focus=fc, programs=programs,
        prev_n=numbers[idx - 1] if idx > 0 else None,
        next_n=numbers[idx + 1] if idx + 1 < len(numbers) else None,
        glossary=glossary,
    )


def _with_tree() -> tuple[Any, ...]:
    return (
        selectinload(Initiative.programs),
        selectinload(Initiative.focus).selectinload(Focus.direction).selectinload(Direction.policy),
    )


def initiative_view(
    session: Session, locale: str, number: int, *, fallback: str | None = None
) -> InitiativeView | None:
    """The initiative ``number`` in ``locale``; untranslated text through the
    locale's fallback chain, the reader's choice ``fallback`` first."""
    ini = session.scalars(
        select(Initiative).where(Initiative.number == number).options(*_with_tree())
    ).first()
    if ini is None:
        return None
    numbers = list(session.scalars(select(Initiative.number).order_by(Initiative.number)))
    res = Resolver(session, locale, fallback)
    res.load(_sources(ini))
    return _view(res, ini, numbers)


def initiative_views(
    session: Session, locale: str, *, fallback: str | None = None
) -> list[InitiativeView]:
    """Every initiative page of ``locale`` in number order, with one
    resolution for all their texts (the PDF booklet; a static export)."""
    inis = list(session.scalars(select(Initiative).order_by(Initiative.number).options(*_with_tree())))
    numbers = [i.number for i in inis]
    res = Resolver(session, locale, fallback)
    res.load(s for ini in inis for s in _sources(ini))
    return [_view(res, ini, numbers) for ini in inis]
