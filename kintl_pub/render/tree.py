"""The policy tree as a reader sees it: policies → directions → focus areas →
initiatives with their ratings, the programme rows counted per rating at
every level, and the overview charts drawn from those counts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..store.models import Direction, Focus, Initiative, Policy, Program
from .charts import Chart, overview_charts, scale_labels
from .initiative import title_source
from .shown import Gettext, Resolver, Shown, circled, roman


@dataclass
class InitiativeItem:
    number: int
    title: Shown
    achievements: list[int | None]
    contributions: list[str | None]
    # per programme row, like the ratings: the ward and the bureau in charge
    # (the API lists and filters on them; the Japanese is each Shown's source)
    wards: list[Shown | None] = field(default_factory=list)
    bureaus: list[Shown | None] = field(default_factory=list)


@dataclass
class Dist:
    """Counts of programme rows per rating value (None = not rated).  Plain
    dicts, not Counters: ``dataclasses.asdict`` mangles a Counter."""

    achievement: dict[int | None, int] = field(default_factory=dict)
    contribution: dict[str | None, int] = field(default_factory=dict)

    def add(self, p: Program) -> None:
        self.achievement[p.achievement] = self.achievement.get(p.achievement, 0) + 1
        self.contribution[p.contribution] = self.contribution.get(p.contribution, 0) + 1

    @property
    def total(self) -> int:
        return sum(self.achievement.values())


@dataclass
class FocusNode:
    number: int
    anchor: str
    prefix: str
    title: Shown | None
    initiatives: list[InitiativeItem]


@dataclass
class DirectionNode:
    number: int
    anchor: str
    title: Shown | None
    focuses: list[FocusNode]
    dist: Dist


@dataclass
class PolicyNode:
    number: int
    anchor: str
    prefix: str
    title: Shown | None
    directions: list[DirectionNode]
    dist: Dist


@dataclass
class TreePage:
    """The home page of a locale: the tree and its overview charts."""

    policies: list[PolicyNode]
    charts: list[Chart]


def load_tree(session: Session) -> list[Policy]:
    """Every policy with its directions, focuses, initiatives and programmes."""
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


def _focus(res: Resolver, p: Policy, d: Direction, f: Focus, dists: tuple[Dist, Dist]) -> FocusNode:
    items = []
    for i in f.initiatives:
        for prog in i.programs:
            for dist in dists:
                dist.add(prog)
        items.append(InitiativeItem(i.number, res.title(title_source(i)),
                                    [pr.achievement for pr in i.programs],
                                    [pr.contribution for pr in i.programs],
                                    [res.get(pr.ward) for pr in i.programs],
                                    [res.get(pr.bureau) for pr in i.programs]))
    return FocusNode(f.number, f"p{p.number}-d{d.number}-f{f.number}", circled(f.number),
                     res.get(f.title.strip()), items)


def tree_view(session: Session, locale: str, *, fallback: str | None = None) -> list[PolicyNode]:
    policies = load_tree(session)
    res = Resolver(session, locale, fallback)
    inis = [i for f in focuses_of(policies) for i in f.initiatives]
    res.load(heading_sources(policies) + [title_source(i) for i in inis]
             + [v for i in inis for pr in i.programs for v in (pr.ward, pr.bureau) if v])
    out: list[PolicyNode] = []
    for p in policies:
        pdist = Dist()
        dnodes = []
        for d in p.directions:
            ddist = Dist()
            fnodes = [_focus(res, p, d, f, (pdist, ddist)) for f in d.focuses]
            dnodes.append(DirectionNode(d.number, f"p{p.number}-d{d.number}",
                                        res.get(d.title.strip()), fnodes, ddist))
        out.append(PolicyNode(p.number, f"p{p.number}", roman(p.number),
                              res.get(p.title.strip()), dnodes, pdist))
    return out


def tree_page(session: Session, locale: str, _: Gettext, *, fallback: str | None = None) -> TreePage:
    policies = tree_view(session, locale, fallback=fallback)
    return TreePage(policies, overview_charts(policies, scale_labels(session, locale, fallback=fallback), _))


@dataclass
class FocusPage:
    """One focus area under its policy and direction headings (the focus
    embed): the same :class:`FocusNode` the tree shows."""

    policy_prefix: str
    policy_title: Shown | None
    direction_number: int
    direction_title: Shown | None
    focus: FocusNode


def focus_view(session: Session, locale: str, key: tuple[int, int, int], *,
               fallback: str | None = None) -> FocusPage | None:
    """Focus area ``key`` = (policy, direction, focus) numbers; None if there is none."""
    pn, dn, fn = key
    f = session.scalars(
        select(Focus).join(Focus.direction).join(Direction.policy)
        .where(Policy.number == pn, Direction.number == dn, Focus.number == fn)
        .options(selectinload(Focus.initiatives).selectinload(Initiative.programs))
    ).one_or_none()
    if f is None:
        return None
    d = f.direction
    p = d.policy
    res = Resolver(session, locale, fallback)
    res.load([p.title.strip(), d.title.strip(), f.title.strip(), *(title_source(i) for i in f.initiatives)])
    node = _focus(res, p, d, f, (Dist(), Dist()))
    return FocusPage(roman(p.number), res.get(p.title.strip()), d.number, res.get(d.title.strip()), node)


def focus_keys(session: Session) -> list[tuple[int, int, int]]:
    """Every focus area's (policy, direction, focus) numbers, in tree order."""
    rows = session.execute(
        select(Policy.number, Direction.number, Focus.number)
        .join(Focus.direction).join(Direction.policy)
        .order_by(Policy.number, Direction.number, Focus.number)
    )
    return [(int(a), int(b), int(c)) for a, b, c in rows]
