"""Furigana for the PDF: drawn, not typeset, so the extracted text is the
base text only.

Typst has no ruby and no way to give a span an /ActualText, so a reading set
as text would come out of pdftotext, copy-paste and search between the words
(``事業を`` → ``じぎょう 事業を``).  Instead each kana of a reading is drawn
from the outline of its glyph in BIZ UD Gothic (fontTools → a small SVG,
once per kana) and placed above its base as an artifact: readers see ruby,
assistive technology and text extraction get the base text, which carries
the document's language.

Widths are reckoned here, not measured in Typst: BIZ UD Gothic is
monospaced (full-width kanji and kana, half-width Latin and digits), and a
reading is set at half size, so a kana of it is ½ em wide.  A reading wider
than its base plus ¼ em on each side is condensed to that, so neighbouring
readings never collide and the base text keeps its natural spacing.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any

RUBY_SCALE = 0.5  # reading size / base size
OVERHANG = 0.25  # em a reading may reach past its base on each side


def base_width(base: str) -> float:
    """Width of ``base`` in em in a monospaced CJK face."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in base)


def char_width(base: str, reading: str) -> float:
    """Width in em of one character of ``reading`` above ``base``."""
    if not reading:
        return RUBY_SCALE
    room = base_width(base) + 2 * OVERHANG
    return round(min(RUBY_SCALE, room / len(reading)), 3)


@lru_cache(maxsize=2)
def _font(path: str) -> Any:
    from fontTools.ttLib import TTFont

    return TTFont(path, lazy=True)


@lru_cache(maxsize=1024)
def outline_svg(path: str, char: str) -> str | None:
    """One character of the face at ``path`` as an SVG path (its em square);
    None when the face has no glyph for it."""
    from fontTools.pens.svgPathPen import SVGPathPen
    from fontTools.pens.transformPen import TransformPen

    font = _font(path)
    name = font.getBestCmap().get(ord(char))
    if name is None:
        return None
    glyphs = font.getGlyphSet()
    ascent, descent = font["hhea"].ascent, font["hhea"].descent
    pen = SVGPathPen(glyphs)
    glyphs[name].draw(TransformPen(pen, (1, 0, 0, -1, 0, ascent)))  # y grows downwards in SVG
    width = glyphs[name].width
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {ascent - descent}">'
            f'<path d="{pen.getCommands()}"/></svg>')


def outlines(path: str, chars: set[str]) -> dict[str, str]:
    """SVG per character of every reading a document shows."""
    out = {}
    for c in sorted(chars):
        svg = outline_svg(path, c)
        if svg is not None:
            out[c] = svg
    return out
