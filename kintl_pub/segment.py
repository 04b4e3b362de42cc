"""Field text → blocks → segments with stable ids.

Stored text format (written by ingest, read by everyone after it):

* blocks are separated by one blank line (``"\\n\\n"``);
* a paragraph block is one line of text;
* a list block has one item per line, each line starting with ``"- "``.

This is the smallest structure that keeps what the sheet's ``<p>`` and
``<ul><li>`` fragments meant, stays human-editable in a text file, and is
trivially escaped on output (it is never HTML).

A *segment* is one sentence of a paragraph, or one list item.  Its place key
(``"12/0/results/3"``) is stable across re-imports as long as the structure
does not change; its msgid is the Japanese text itself, so identical
sentences anywhere in the sheet are translated once.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .text import ITEM_MARKERS, LIST_PREFIX


@dataclass(frozen=True)
class Block:
    kind: str  # "p" | "ul"
    items: tuple[str, ...]  # one item for "p"


def parse_blocks(text: str | None) -> list[Block]:
    """Read stored text into blocks (inverse of :func:`format_blocks`)."""
    if not text:
        return []
    blocks: list[Block] = []
    for raw in re.split(r"\n\s*\n", text.strip()):
        lines = [ln.strip() for ln in raw.split("\n") if ln.strip()]
        if not lines:
            continue
        if all(ln.startswith(LIST_PREFIX.strip()) for ln in lines) and any(
            ln.startswith(LIST_PREFIX) for ln in lines
        ):
            items = tuple(ln[1:].strip() for ln in lines)
            blocks.append(Block("ul", tuple(i for i in items if i)))
        else:
            blocks.append(Block("p", (" ".join(lines),)))
    return blocks


def format_blocks(blocks: Iterable[Block]) -> str:
    out: list[str] = []
    for b in blocks:
        items = [i.strip() for i in b.items if i and i.strip()]
        if not items:
            continue
        if b.kind == "ul":
            out.append("\n".join(LIST_PREFIX + i for i in items))
        else:
            out.append(" ".join(items))
    return "\n\n".join(out)


_ENDERS = "。！？!?"
_OPEN = "（(「『【［[〔"
_CLOSE = "）)」』】］]〕"
_INLINE_ITEM = re.compile(rf"\s+(?=[{ITEM_MARKERS}])")


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences and inline items.

    Written by hand: the sheet's Japanese needs only 。！？ and its inline
    bullets, and a general splitter (stanza, pysbd) would pull in torch or
    cut inside 「…。」 quotations and （…。） notes.  Nothing is split inside
    brackets; a closing bracket right after an ender stays with its sentence.
    """
    text = paragraph.strip()
    balanced = sum(text.count(c) for c in _OPEN) == sum(text.count(c) for c in _CLOSE)
    # The PDF cut some cells mid-note: with unbalanced brackets, ignore them
    # rather than swallow the rest of the paragraph into one "sentence".
    opens, closes = (_OPEN, _CLOSE) if balanced else ("", "")
    parts: list[str] = []
    depth = 0
    start = 0
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in opens:
            depth += 1
        elif ch in closes:
            depth = max(0, depth - 1)
        if depth == 0 and ch in _ENDERS:
            j = i + 1
            while j < n and text[j] in _CLOSE:
                j += 1
            parts.append(text[start:j])
            start = i = j
            continue
        # " ・item" / " ①item" at bracket depth 0 starts a new item
        if depth == 0 and ch.isspace() and i + 1 < n:
            k = i
            while k < n and text[k].isspace():
                k += 1
            if k < n and text[k] in ITEM_MARKERS and k > start:
                parts.append(text[start:i])
                start = i = k
                continue
        i += 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


@dataclass(frozen=True)
class SegmentSpec:
    key: str
    initiative_number: int
    program_position: int | None
    field: str
    ordinal: int
    kind: str  # "p" | "li" | "label"
    block: int
    source: str

    @property
    def source_hash(self) -> str:
        return source_hash(self.source)


def source_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def field_segments(
    text: str | None, *, initiative: int, position: int | None, field: str
) -> Iterator[SegmentSpec]:
    """Segments of one stored prose field, in reading order."""
    ordinal = 0
    prefix = f"{initiative}/{'' if position is None else position}/{field}"
    for bi, block in enumerate(parse_blocks(text)):
        if block.kind == "ul":
            for item in block.items:
                yield SegmentSpec(
                    f"{prefix}/{ordinal}", initiative, position, field, ordinal, "li", bi, item
                )
                ordinal += 1
        else:
            for sent in split_sentences(block.items[0]):
                kind = "li" if _INLINE_ITEM.match(" " + sent) else "p"
                yield SegmentSpec(
                    f"{prefix}/{ordinal}", initiative, position, field, ordinal, kind, bi, sent
                )
                ordinal += 1


# The sheet writes scale values as "3. ほぼ目標どおり" / "A. 貢献している": the
# code is data, the words are a label translated like any other.
_SCALE_PREFIX = re.compile(r"^\s*[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]\s*[.．。:：、]\s*")


def scale_words(label: str | None) -> str | None:
    """The words of a scale value, without its code ("3. ほぼ目標どおり" → "ほぼ目標どおり")."""
    if not label:
        return None
    return _SCALE_PREFIX.sub("", label).strip() or None


def label_segment(key: str, text: str, *, initiative: int = 0, field: str = "label") -> SegmentSpec:
    """A short label (title, programme name, bureau …) as one segment."""
    return SegmentSpec(key, initiative, None, field, 0, "label", 0, text.strip())


# --------------------------------------------------------------------------
# Store sync: recompute the Segment table from the stored source.
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceChange:
    key: str
    old: str
    new: str


@dataclass
class SyncReport:
    total: int = 0
    added: int = 0
    removed: int = 0
    changed: list[SourceChange] = field(default_factory=list)

    @property
    def changes(self) -> list[SourceChange]:
        return self.changed


def store_segments(session) -> list[SegmentSpec]:
    """Every segment of the stored sheet, labels first, in reading order."""
    from sqlalchemy import select
    from sqlalchemy.orm import selectinload

    from .store.models import PROSE_FIELDS, Direction, Focus, Initiative, Policy

    specs: list[SegmentSpec] = []
    policies = session.scalars(
        select(Policy)
        .order_by(Policy.number)
        .options(selectinload(Policy.directions).selectinload(Direction.focuses))
    ).all()
    for p in policies:
        specs.append(label_segment(f"policy/{p.number}", p.title, field="policy"))
        for d in p.directions:
            specs.append(label_segment(f"direction/{p.number}/{d.number}", d.title, field="direction"))
            for f in d.focuses:
                specs.append(
                    label_segment(f"focus/{p.number}/{d.number}/{f.number}", f.title, field="focus")
                )
    inis = session.scalars(
        select(Initiative).order_by(Initiative.number).options(selectinload(Initiative.programs))
    ).all()
    _ = Focus  # relationship target, imported for mapper configuration
    scales: dict[str, str] = {}
    for ini in inis:
        for prog in ini.programs:
            a, c = scale_words(prog.achievement_label), scale_words(prog.contribution_label)
            if prog.achievement is not None and a:
                scales.setdefault(f"scale/achievement/{prog.achievement}", a)
            if prog.contribution and c:
                scales.setdefault(f"scale/contribution/{prog.contribution}", c)
    specs.extend(label_segment(k, v, field="scale") for k, v in sorted(scales.items()))
    for ini in inis:
        n = ini.number
        if ini.title:
            specs.append(label_segment(f"{n}/title", ini.title, initiative=n, field="title"))
        for prog in ini.programs:
            for fld in ("name", "ward", "bureau"):
                val = getattr(prog, fld)
                if val:
                    specs.append(
                        SegmentSpec(f"{n}/{prog.position}/{fld}", n, prog.position, fld, 0, "label", 0, val)
                    )
            for fld in PROSE_FIELDS:
                specs.extend(
                    field_segments(getattr(prog, fld), initiative=n, position=prog.position, field=fld)
                )
    return [s for s in specs if s.source]


def sync(session) -> SyncReport:
    """Make the Segment table match the stored source.  Places whose text
    changed keep the old text in ``previous_source`` and are reported, so the
    catalogs stage can mark their translations outdated."""
    from datetime import UTC, datetime

    from sqlalchemy import insert, select

    from .store.models import Segment

    specs = store_segments(session)
    existing = {s.key: s for s in session.scalars(select(Segment))}
    report = SyncReport(total=len(specs))
    now = datetime.now(UTC)
    seen: set[str] = set()
    new_rows: list[dict] = []
    for spec in specs:
        seen.add(spec.key)
        row = existing.get(spec.key)
        if row is None:
            new_rows.append(
                {
                    "key": spec.key, "initiative_number": spec.initiative_number,
                    "program_position": spec.program_position, "field": spec.field,
                    "ordinal": spec.ordinal, "kind": spec.kind, "block": spec.block,
                    "source": spec.source, "source_hash": spec.source_hash, "updated_at": now,
                }
            )
            report.added += 1
            continue
        if row.source != spec.source:
            report.changes.append(SourceChange(spec.key, row.source, spec.source))
            row.previous_source = row.source
            row.source = spec.source
            row.source_hash = spec.source_hash
            row.updated_at = now
        row.kind, row.block, row.ordinal = spec.kind, spec.block, spec.ordinal
    for key, row in existing.items():
        if key not in seen:
            session.delete(row)
            report.removed += 1
    session.flush()
    if new_rows:
        # one executemany instead of an ORM object per segment
        session.execute(insert(Segment), new_rows)
    return report
