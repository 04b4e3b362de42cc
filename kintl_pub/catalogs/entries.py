"""What goes into a content catalog: one entry per distinct Japanese source.

The Segment table lists every *place* (``"12/0/results/3"``); a catalog entry
is a *source text*, so identical sentences anywhere in the sheet share one
entry that lists all its places as ``#:`` locations.  Entries are ordered by
their first place in reading order (policy tree labels, then initiatives by
number, programme rows, fields in sheet order, sentences), which keeps the
files stable and lets a translator work through the sheet top to bottom.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..store.models import PROGRAM_TEXT_FIELDS, Initiative, Segment

#: Field names shown to translators: English, then the sheet's own heading.
FIELD_LABELS: dict[str, str] = {
    "policy": "Policy (取組方針)",
    "direction": "Direction (取組の方向性)",
    "focus": "Focus area (①②…)",
    "title": "Initiative name (取組名)",
    "name": "Program name (事務事業名)",
    "measure_code": "Measure code (施策番号)",
    "ward": "Ward (区)",
    "content": "Content (取組の内容)",
    "plan": "FY2021 plan (令和3年度の取組内容)",
    "results": "Results (取組内容の実績等)",
    "reason": "Reason for the evaluation (評価の理由)",
    "future": "Future direction (今後の事業の方向性)",
    "bureau": "Responsible bureau (担当局)",
}

#: How many places get a context comment; the rest are only ``#:`` locations
#: (a stock phrase can occur a hundred times).
MAX_CONTEXTS = 3

_TREE_FIELDS = ("policy", "direction", "focus")


@dataclass(frozen=True)
class Place:
    """One use of a source text, in catalog terms."""

    key: str  # the Segment key
    order: tuple[int, ...]  # reading order
    location: tuple[str, int | None]  # ``#:`` (path, sentence number)
    context: str  # a line for the translator


@dataclass
class Entry:
    source: str
    source_hash: str
    places: list[Place] = field(default_factory=list)

    @property
    def order(self) -> tuple[int, ...]:
        return self.places[0].order


def _field_index(name: str) -> int:
    return PROGRAM_TEXT_FIELDS.index(name) if name in PROGRAM_TEXT_FIELDS else len(PROGRAM_TEXT_FIELDS)


def _numbers(path: str) -> list[int]:
    return [int(p) for p in path.split("/") if p.isdigit()]


def place_of(seg: Segment, titles: dict[int, str]) -> Place:
    """Location, order and context line of one segment."""
    label = FIELD_LABELS.get(seg.field, seg.field)
    if seg.field in _TREE_FIELDS:
        # keys: policy/P, direction/P/D, focus/P/D/F
        nums = _numbers(seg.key)
        parts = [f"{name}/{n}" for name, n in zip(_TREE_FIELDS, nums, strict=False)]
        path = "/".join(parts)
        return Place(seg.key, (0, *nums), (path, None), f"{label}: {path}")
    n = seg.initiative_number
    title = titles.get(n)
    head = f"Initiative {n}" + (f" 「{title}」" if title else "")
    if seg.program_position is None:
        path = f"initiative/{n}/{seg.field}"
        order = (1, n, -1, _field_index(seg.field), seg.ordinal)
        context = f"{head}: {label}"
    else:
        pos = seg.program_position
        path = f"initiative/{n}/program/{pos}/{seg.field}"
        order = (1, n, pos, _field_index(seg.field), seg.ordinal)
        context = f"{head} row {pos + 1}: {label}"
    # prose fields: which sentence/item (1-based), as the location's "line"
    line = seg.ordinal + 1 if seg.kind != "label" else None
    if line is not None:
        context += f" #{line}"
    return Place(seg.key, order, (path, line), context)


def collect(session: Session) -> list[Entry]:
    """Every distinct source text in the store, in reading order."""
    titles = {
        num: (title or "").strip()
        for num, title in session.execute(select(Initiative.number, Initiative.title))
    }
    by_hash: dict[str, Entry] = {}
    for seg in session.scalars(select(Segment)):
        entry = by_hash.get(seg.source_hash)
        if entry is None:
            entry = by_hash[seg.source_hash] = Entry(seg.source, seg.source_hash)
        entry.places.append(place_of(seg, titles))
    entries = list(by_hash.values())
    for e in entries:
        e.places.sort(key=lambda p: p.order)
    entries.sort(key=lambda e: (e.order, e.source))
    return entries


def current_sources(session: Session) -> set[str]:
    """Source texts in use somewhere: the entries a catalog may change."""
    return set(session.scalars(select(Segment.source).distinct()))


def context_comments(entry: Entry) -> list[str]:
    """``#.`` lines naming where the text is used (a few, then a count)."""
    lines = list(dict.fromkeys(p.context for p in entry.places))
    if len(lines) > MAX_CONTEXTS:
        rest = len(lines) - MAX_CONTEXTS
        lines = [*lines[:MAX_CONTEXTS], f"… and {rest} more place{'s' if rest > 1 else ''} (see locations)"]
    return lines
