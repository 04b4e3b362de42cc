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
from dataclasses import dataclass

LIST_PREFIX = "- "


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


# A sentence ends at 。！？!? (and a closing bracket right after it).
_SENT_END = re.compile(r"(?<=[。！？!?])(?![」』）)\]」])|(?<=[。！？!?][」』）)\]])")
# Inline enumerations in the sheet: " ・item", " ①item", " ※note", " 【heading】".
_INLINE_ITEM = re.compile(r"\s+(?=[・①-⑳❶-❿※【■●○◆◇▼▲])")


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences and inline items.

    Written by hand: the sheet's Japanese needs only 。！？ and its inline
    bullets, and a full sentence splitter (e.g. stanza/pysbd) would pull in
    torch or mis-handle 「…。」 quotations.
    """
    parts: list[str] = []
    for chunk in _INLINE_ITEM.split(paragraph.strip()):
        for sent in _SENT_END.split(chunk):
            s = sent.strip()
            if s:
                parts.append(s)
    return parts


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


def label_segment(key: str, text: str, *, initiative: int = 0, field: str = "label") -> SegmentSpec:
    """A short label (title, programme name, bureau …) as one segment."""
    return SegmentSpec(key, initiative, None, field, 0, "label", 0, text.strip())
