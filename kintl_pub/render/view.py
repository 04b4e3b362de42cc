"""View models: the stored Japanese source plus the catalogs, resolved for one
locale into what a reader sees.

Every text a page shows is a :class:`Shown`: the text, its state
(source / reviewed / machine / outdated / fallback) and the language actually
shown, so templates can set ``lang`` on every segment and label its state.
All look-ups for a page go through **one** ``resolve_many`` call.

Used by the HTML pages and the embed; the PDF renderer can reuse it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from markupsafe import Markup, escape
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from .. import locales
from ..catalogs.states import resolve_many
from ..segment import field_segments, parse_blocks, scale_words
from ..store.models import PROSE_FIELDS, Direction, Focus, Initiative, Policy, Program

ACHIEVEMENT_VALUES: tuple[int, ...] = (1, 2, 3, 4, 5)
CONTRIBUTION_VALUES: tuple[str, ...] = ("A", "B", "C")
ROMAN = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


@dataclass(frozen=True)
class Shown:
    """One segment or label as the reader sees it."""

    source: str  # the Japanese source (msgid)
    text: str  # the text shown (Easy Japanese markup when lang == "ja-easy")
    state: str  # source | reviewed | machine | outdated | fallback
    lang: str  # URL code of the language shown

    @property
    def html_lang(self) -> str:
        return locales.BY_CODE[self.lang].html_lang

    @property
    def unchecked(self) -> bool:
        """Should the reader be told, and offered the Japanese original?"""
        return self.state in ("machine", "outdated", "fallback")

    def html(self, *, furigana: bool = True, wakachi: bool = False) -> Markup:
        if self.lang == "ja-easy":
            from ..easy.markup import render_html

            return render_html(self.text, furigana=furigana, wakachi=wakachi)
        return escape(self.text)

    def plain(self) -> str:
        if self.lang == "ja-easy":
            from ..easy.markup import to_plain

            return to_plain(self.text)
        return self.text


class Resolver:
    """Collect every source a page needs, then resolve them in one query."""

    def __init__(self, session: Session, locale: str) -> None:
        self.session = session
        self.locale = locale
        self._resolved: dict[str, Shown] = {}

    def load(self, sources: Iterable[str]) -> None:
        wanted = [s for s in dict.fromkeys(sources) if s and s not in self._resolved]
        if not wanted:
            return
        for src, r in resolve_many(self.session, self.locale, wanted).items():
            self._resolved[src] = Shown(src, r.text, r.state, r.lang)

    def get(self, source: str | None) -> Shown | None:
        if not source:
            return None
        if source not in self._resolved:
            self.load([source])
        return self._resolved.get(source) or Shown(source, source, "fallback", "ja")


# --------------------------------------------------------------------------
# Prose fields
# --------------------------------------------------------------------------


@dataclass
class Run:
    kind: str  # "p" (sentences) | "li" (list / inline enumeration items)
    items: list[Shown]
    # items of an inline enumeration ("①…", "・…") carry their own markers
    inline: bool = False


@dataclass
class BlockView:
    runs: list[Run]


@dataclass
class FieldView:
    name: str  # content | plan | results | reason | future
    blocks: list[BlockView]
    source_text: str  # the stored Japanese (for "show the original")
    states: set[str] = field(default_factory=set)
    langs: set[str] = field(default_factory=set)

    @property
    def empty(self) -> bool:
        return not self.blocks

    @property
    def machine(self) -> bool:
        return bool(self.states & {"machine", "outdated"})

    @property
    def fallback_langs(self) -> list[str]:
        return sorted(self.langs)

    @property
    def source_blocks(self):  # type: ignore[no-untyped-def]
        return parse_blocks(self.source_text)


def _field_sources(text: str | None, ini: int, pos: int, name: str) -> list:  # type: ignore[type-arg]
    return list(field_segments(text, initiative=ini, position=pos, field=name))


def build_field(res: Resolver, text: str | None, ini: int, pos: int, name: str) -> FieldView:
    specs = _field_sources(text, ini, pos, name)
    blocks: dict[int, BlockView] = {}
    kinds = {i: b.kind for i, b in enumerate(parse_blocks(text))}
    fv = FieldView(name=name, blocks=[], source_text=text or "")
    for spec in specs:
        shown = res.get(spec.source)
        assert shown is not None
        if shown.state in ("machine", "outdated"):
            fv.states.add(shown.state)
        if shown.state == "fallback":
            fv.langs.add(shown.lang)
        bv = blocks.setdefault(spec.block, BlockView(runs=[]))
        is_ul = kinds.get(spec.block) == "ul"
        run_kind = "li" if (is_ul or spec.kind == "li") else "p"
        if bv.runs and bv.runs[-1].kind == run_kind:
            bv.runs[-1].items.append(shown)
        else:
            bv.runs.append(Run(run_kind, [shown], inline=run_kind == "li" and not is_ul))
    fv.blocks = [blocks[k] for k in sorted(blocks)]
    return fv


def field_sources(text: str | None, ini: int, pos: int, name: str) -> list[str]:
    return [s.source for s in _field_sources(text, ini, pos, name)]


# --------------------------------------------------------------------------
# Programme rows and initiatives
# --------------------------------------------------------------------------


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
    title: Shown


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


def _label_sources_for_program(p: Program) -> list[str]:
    return [v for v in (p.name, p.ward, p.bureau, scale_words(p.achievement_label),
                        scale_words(p.contribution_label)) if v]


def scale_labels(session: Session, locale: str) -> dict[str, Shown]:
    """``"achievement:3"`` → the resolved scale label used in the sheet."""
    pairs: dict[str, str] = {}
    for a, al, c, cl in session.execute(
        select(Program.achievement, Program.achievement_label, Program.contribution,
               Program.contribution_label).distinct()
    ):
        if a is not None and scale_words(al):
            pairs.setdefault(f"achievement:{a}", scale_words(al))  # type: ignore[arg-type]
        if c and scale_words(cl):
            pairs.setdefault(f"contribution:{c}", scale_words(cl))  # type: ignore[arg-type]
    res = Resolver(session, locale)
    res.load(pairs.values())
    return {k: res.get(v) for k, v in pairs.items()}  # type: ignore[misc]


def focuses_of(policies: Iterable[Policy]) -> list[Focus]:
    return [f for p in policies for d in p.directions for f in d.focuses]


def heading_sources(policies: Iterable[Policy]) -> list[str]:
    """Policy, direction and focus titles in tree order: what every page
    showing the tree (or its filters) resolves."""
    out: list[str] = []
    for p in policies:
        out.append(p.title.strip())
        for d in p.directions:
            out.append(d.title.strip())
            out.extend(f.title.strip() for f in d.focuses)
    return out


def _ini_title_source(ini: Initiative) -> str:
    if ini.title:
        return ini.title.strip()
    for p in ini.programs:
        if p.name:
            return p.name
    return ""


def _tree_crumbs(res: Resolver, focus: Focus) -> tuple[Crumb, Crumb, Crumb]:
    d = focus.direction
    p = d.policy
    return (
        Crumb(f"p{p.number}", ROMAN[p.number - 1] if p.number <= len(ROMAN) else str(p.number),
              res.get(p.title.strip())),  # type: ignore[arg-type]
        Crumb(f"p{p.number}-d{d.number}", str(d.number), res.get(d.title.strip())),  # type: ignore[arg-type]
        Crumb(
            f"p{p.number}-d{d.number}-f{focus.number}",
            CIRCLED[focus.number - 1] if focus.number <= len(CIRCLED) else str(focus.number),
            res.get(focus.title.strip()),  # type: ignore[arg-type]
        ),
    )


def initiative_view(session: Session, locale: str, number: int) -> InitiativeView | None:
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
    res = Resolver(session, locale)
    f = ini.focus
    sources = [_ini_title_source(ini), f.title.strip(), f.direction.title.strip(),
               f.direction.policy.title.strip()]
    for p in ini.programs:
        sources += _label_sources_for_program(p)
        for name in PROSE_FIELDS:
            sources += field_sources(getattr(p, name), ini.number, p.position, name)
    res.load(sources)
    programs = []
    glossary: dict[str, str] = {}
    for p in ini.programs:
        fields = [build_field(res, getattr(p, n), ini.number, p.position, n) for n in PROSE_FIELDS]
        programs.append(
            ProgramView(
                position=p.position, name=res.get(p.name), measure_code=p.measure_code,
                ward=res.get(p.ward), bureau=res.get(p.bureau), achievement=p.achievement,
                achievement_label=p.achievement_label, contribution=p.contribution,
                contribution_label=p.contribution_label, fields=fields,
                achievement_text=res.get(scale_words(p.achievement_label)),
                contribution_text=res.get(scale_words(p.contribution_label)),
            )
        )
    if locale == "ja-easy":
        from ..easy.markup import glosses

        for shown in res._resolved.values():
            if shown.lang == "ja-easy":
                for term, expl in glosses(shown.text):
                    glossary.setdefault(term, expl)
    pc, dc, fc = _tree_crumbs(res, f)
    title = res.get(_ini_title_source(ini)) or Shown("", "", "source", locale)
    return InitiativeView(
        number=ini.number, title=title, has_own_title=bool(ini.title), policy=pc, direction=dc,
        focus=fc, programs=programs,
        prev_n=numbers[idx - 1] if idx > 0 else None,
        next_n=numbers[idx + 1] if idx + 1 < len(numbers) else None,
        glossary=sorted(glossary.items()),
    )


# --------------------------------------------------------------------------
# The policy tree and its statistics
# --------------------------------------------------------------------------


@dataclass
class InitiativeItem:
    number: int
    title: Shown
    achievements: list[int | None]
    contributions: list[str | None]


@dataclass
class Dist:
    """Counts of programme rows per rating value (plus unrated)."""

    achievement: Counter = field(default_factory=Counter)  # type: ignore[type-arg]
    contribution: Counter = field(default_factory=Counter)  # type: ignore[type-arg]

    def add(self, p: Program) -> None:
        self.achievement[p.achievement] += 1  # None = not rated
        self.contribution[p.contribution] += 1

    @property
    def total(self) -> int:
        return sum(self.achievement.values())


@dataclass
class FocusNode:
    number: int
    anchor: str
    prefix: str
    title: Shown
    initiatives: list[InitiativeItem]


@dataclass
class DirectionNode:
    number: int
    anchor: str
    title: Shown
    focuses: list[FocusNode]
    dist: Dist


@dataclass
class PolicyNode:
    number: int
    anchor: str
    prefix: str
    title: Shown
    directions: list[DirectionNode]
    dist: Dist


def load_tree(session: Session) -> list[Policy]:
    return list(
        session.scalars(
            select(Policy)
            .order_by(Policy.number)
            .options(
                selectinload(Policy.directions)
                .selectinload(Direction.focuses)
                .selectinload(Focus.initiatives)
                .selectinload(Initiative.programs)
            )
        )
    )


def tree_view(session: Session, locale: str) -> list[PolicyNode]:
    policies = load_tree(session)
    res = Resolver(session, locale)
    res.load(heading_sources(policies)
             + [_ini_title_source(i) for f in focuses_of(policies) for i in f.initiatives])
    out: list[PolicyNode] = []
    for p in policies:
        pdist = Dist()
        dnodes = []
        for d in p.directions:
            ddist = Dist()
            fnodes = []
            for f in d.focuses:
                items = []
                for i in f.initiatives:
                    for prog in i.programs:
                        pdist.add(prog)
                        ddist.add(prog)
                    items.append(
                        InitiativeItem(
                            i.number, res.get(_ini_title_source(i)) or Shown("", "", "source", locale),
                            [pr.achievement for pr in i.programs],
                            [pr.contribution for pr in i.programs],
                        )
                    )
                fnodes.append(
                    FocusNode(f.number, f"p{p.number}-d{d.number}-f{f.number}",
                              CIRCLED[f.number - 1] if f.number <= len(CIRCLED) else str(f.number),
                              res.get(f.title.strip()), items)  # type: ignore[arg-type]
                )
            dnodes.append(DirectionNode(d.number, f"p{p.number}-d{d.number}",
                                        res.get(d.title.strip()), fnodes, ddist))  # type: ignore[arg-type]
        out.append(PolicyNode(p.number, f"p{p.number}",
                              ROMAN[p.number - 1] if p.number <= len(ROMAN) else str(p.number),
                              res.get(p.title.strip()), dnodes, pdist))  # type: ignore[arg-type]
    return out
