"""The overview charts: their view models and the server-drawn SVG bars
(no JS, no chart library, CSP-safe).

Each chart is a set of 100 % stacked horizontal bars, one per group (policy or
direction), counting programme rows per rating value.  Colours come from CSS
classes (``.v-…``) so dark mode and print can restyle them; every value is
also printed as text, and the page puts an equivalent data table next to the
chart, so colour is never the only carrier of information.

All text is escaped here: the output is built from escaped pieces only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..segment import scale_words
from ..store.models import Program
from .shown import ACHIEVEMENT_VALUES, CONTRIBUTION_VALUES, Gettext, Resolver, Shown

if TYPE_CHECKING:
    from .tree import Dist, PolicyNode

WIDTH = 640
LABEL_H = 28
BAR_H = 34
ROW_GAP = 14
MIN_TEXT_W = 30  # narrower segments carry no number (it's in the table)


@dataclass(frozen=True)
class Row:
    label: str  # short, e.g. "Policy Ⅰ"
    counts: Mapping[Any, int]


def _cls(value: object) -> str:
    return "v-none" if value is None else f"v-{str(value).lower()}"


def stacked_bars(
    chart_id: str,
    title: str,
    rows: Sequence[Row],
    values: Sequence[object],
) -> Markup:
    """``<svg role="img">`` with one stacked bar per row.

    ``values`` gives the stacking order; ``None`` (not rated) is appended
    when any row has unrated rows.
    """
    order = list(values)
    if any(r.counts.get(None) for r in rows):
        order.append(None)
    height = len(rows) * (LABEL_H + BAR_H + ROW_GAP) + 4
    parts: list[str] = [
        f'<svg class="chart" id="{escape(chart_id)}" role="img" '
        f'aria-labelledby="{escape(chart_id)}-t" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" focusable="false">',
        f'<title id="{escape(chart_id)}-t">{escape(title)}</title>',
    ]
    y = 2
    for row in rows:
        total = sum(row.counts.get(v, 0) for v in order)
        parts.append(f'<text class="chart-label" x="0" y="{y + LABEL_H - 6}">{escape(row.label)}</text>')
        y += LABEL_H
        x = 0.0
        for v in order:
            n = row.counts.get(v, 0)
            if not n or not total:
                continue
            w = WIDTH * n / total
            parts.append(
                f'<rect class="seg {_cls(v)}" x="{x:.1f}" y="{y}" width="{w:.1f}" height="{BAR_H}"/>'
            )
            if w >= MIN_TEXT_W:
                parts.append(
                    f'<text class="seg-text" x="{x + w / 2:.1f}" y="{y + BAR_H / 2 + 7}" '
                    f'text-anchor="middle">{n}</text>'
                )
            x += w
        if not total:
            parts.append(f'<rect class="seg v-empty" x="0" y="{y}" width="{WIDTH}" height="{BAR_H}"/>')
        y += BAR_H + ROW_GAP
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704  every text piece above went through escape()


# --------------------------------------------------------------------------
# View models: one chart per rating (achievement, contribution) and level
# (policy, direction), each with its legend and equivalent data table
# --------------------------------------------------------------------------


@dataclass
class LegendItem:
    value: str
    cls: str
    label: Shown | None


@dataclass
class TableRow:
    label: str
    title: Shown | None
    cells: list[int]
    total: int


@dataclass
class Chart:
    id: str
    title: str
    group_header: str
    svg: Markup
    legend: list[LegendItem]
    rows: list[TableRow]


def scale_labels(session: Session, locale: str, *, fallback: str | None = None) -> dict[str, Shown]:
    """``"achievement:3"`` → the resolved scale label used in the sheet."""
    pairs: dict[str, str] = {}
    for a, al, c, cl in session.execute(
        select(Program.achievement, Program.achievement_label, Program.contribution,
               Program.contribution_label).distinct()
    ):
        words = scale_words(al)
        if a is not None and words:
            pairs.setdefault(f"achievement:{a}", words)
        words = scale_words(cl)
        if c and words:
            pairs.setdefault(f"contribution:{c}", words)
    res = Resolver(session, locale, fallback)
    res.load(pairs.values())
    return {k: shown for k, v in pairs.items() if (shown := res.get(v)) is not None}


def _chart_title(metric: str, level: str, _: Gettext) -> str:
    if metric == "achievement":
        return _("Achievement by policy") if level == "policy" else _("Achievement by direction")
    return _("Contribution by policy") if level == "policy" else _("Contribution by direction")


def overview_charts(policies: list[PolicyNode], scale: dict[str, Shown], _: Gettext) -> list[Chart]:
    out = []
    groups: list[tuple[str, Shown | None, Dist]]
    levels = [
        ("policy", [(_("Policy %(num)s", num=p.prefix), p.title, p.dist) for p in policies],
         # TRANSLATORS: column header of a chart table: the policy
         _("Policy")),
        # directions are numbered within their policy: "Direction Ⅱ-1"
        ("direction", [(_("Direction %(num)s", num=f"{p.prefix}-{d.number}"), d.title, d.dist)
                       for p in policies for d in p.directions],
         # TRANSLATORS: column header of a chart table: the direction
         _("Direction")),
    ]
    values: Sequence[object]
    for level, groups, header in levels:
        for metric, values in (("achievement", ACHIEVEMENT_VALUES),
                               ("contribution", CONTRIBUTION_VALUES)):
            counters: list[Mapping[Any, int]] = [getattr(dist, metric) for _l, _t, dist in groups]
            order: list[Any] = list(values)
            if any(c.get(None) for c in counters):
                order.append(None)
            title = _chart_title(metric, level, _)
            cid = f"chart-{metric}-{level}"
            svg = stacked_bars(
                cid + "-svg", title,
                [Row(lbl, c) for (lbl, _t, _d), c in zip(groups, counters, strict=True)], values,
            )
            legend = [
                LegendItem(_("not rated") if v is None else str(v),
                           "v-none" if v is None else f"v-{str(v).lower()}",
                           scale.get(f"{metric}:{v}") if v is not None else None)
                for v in order
            ]
            rows = [
                TableRow(lbl, t, [c.get(v, 0) for v in order], sum(c.get(v, 0) for v in order))
                for (lbl, t, _d), c in zip(groups, counters, strict=True)
            ]
            out.append(Chart(cid, title, header, svg, legend, rows))
    return out
