"""Server-drawn SVG bar charts (no JS, no chart library, CSP-safe).

Each chart is a set of 100 % stacked horizontal bars, one per group (policy or
direction), counting programme rows per rating value.  Colours come from CSS
classes (``.v-…``) so dark mode and print can restyle them; every value is
also printed as text, and the page puts an equivalent data table next to the
chart, so colour is never the only carrier of information.

All text is escaped here: the output is built from escaped pieces only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH = 640
LABEL_H = 28
BAR_H = 34
ROW_GAP = 14
MIN_TEXT_W = 30  # narrower segments carry no number (it's in the table)


@dataclass(frozen=True)
class Row:
    label: str  # short, e.g. "Policy Ⅰ"
    counts: Counter  # type: ignore[type-arg]


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
