"""Easy Japanese inline markup: text + readings + glosses + phrase breaks.

``kintl-pub easy build`` runs the slow analysis (Sudachi, rules) once and
stores its result in this small, human-editable markup, so that the web and
PDF renderers only *parse* a string: this module imports nothing heavier than
``markupsafe`` and never touches Sudachi or pykakasi.

Format (one stored Easy Japanese text)
--------------------------------------

Inline, within a line::

    {base|reading}        ruby: ``base`` shown with ``reading`` (hiragana) above it.
                          Word level, okurigana outside: ``{行|おこな}います``,
                          ``{取|と}り{組|く}み``, ``{国際交流|こくさいこうりゅう}``.
    [term|explanation]    a glossed word: a word that must stay (避難所, 在留カード)
                          followed by a short easy explanation.  Both parts may
                          contain ruby and phrase breaks:
                          ``[{避難所|ひなんじょ}|{地震|じしん}のとき にげる ところ]``.
    /                     a phrase (文節) boundary for 分かち書き.  Invisible by
                          default; a space when the reader asks for 分かち書き.
    \\x                   the character ``x`` literally (for ``\\ { } [ ] | /``).

Lines (only when a rewrite turns one source sentence into several blocks;
same convention as :mod:`kintl_pub.segment`):

* blocks are separated by a blank line;
* a line starting with ``"- "`` is a list item.

Malformed markup (an editor's unclosed ``{``) never raises in the renderer:
the unmatched character is shown literally.  :func:`validate` reports it so
that the editing UI and ``easy build`` can refuse it.

Rendering (``render_html``)
---------------------------

* everything is HTML-escaped (stored text is never HTML);
* ruby is ``<ruby>行<rp>(</rp><rt>おこな</rt><rp>)</rp></ruby>``: ``<rp>`` gives
  browsers without ruby support, text-only readers and copy-paste
  ``行(おこな)``;
* a gloss is
  ``<span class="gloss"><span class="gloss-term">TERM</span><span class="gloss-note">（EXPLANATION）</span></span>``:
  the explanation is ordinary visible text in full-width parentheses right
  after the term, so screen readers read it in place, in reading order, with
  no tooltip, hover or ARIA needed (``title``/``<abbr>`` are not read reliably
  and are unreachable on touch screens);
* ``render_html`` output is always *phrasing content* (safe inside ``<p>``,
  ``<li>``, ``<td>``): extra lines become ``<br>`` and list items get a
  ``・`` bullet.  :func:`render_blocks` gives real ``<p>``/``<ul><li>`` for a
  flow container; :func:`is_block` says whether a text needs it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup, escape

from ..text import LIST_PREFIX

__all__ = [
    "Gloss",
    "Ruby",
    "Break",
    "escape_literal",
    "glosses",
    "is_block",
    "line_nodes",
    "parse",
    "reading",
    "render_blocks",
    "render_html",
    "ruby",
    "to_plain",
    "validate",
]

SPECIAL = "\\{}[]|/"
_ESCAPE_RE = re.compile(r"([\\{}\[\]|/])")


@dataclass(frozen=True)
class Ruby:
    base: str
    reading: str


@dataclass(frozen=True)
class Break:
    """A phrase (文節) boundary."""


@dataclass(frozen=True)
class Gloss:
    term: tuple[Node, ...]
    explanation: tuple[Node, ...]


Node = str | Ruby | Break | Gloss
_BREAK = Break()


# --------------------------------------------------------------------------
# Writing markup (used by ``easy build`` and editors' tools)
# --------------------------------------------------------------------------


def escape_literal(text: str) -> str:
    """Make plain text safe to embed in markup (backslash the specials)."""
    if _ESCAPE_RE.search(text) is None:  # the common case, and 5× faster than sub
        return text
    return _ESCAPE_RE.sub(r"\\\1", text)


def ruby(base: str, reading: str) -> str:
    """Markup for one ruby group (``base``/``reading`` are plain text)."""
    return "{" + escape_literal(base) + "|" + escape_literal(reading) + "}"


# --------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------


class _Parser:
    """Recursive-descent over one line.  Lenient: returns (nodes, errors)."""

    def __init__(self, text: str) -> None:
        self.s = text
        self.i = 0
        self.errors: list[str] = []

    def literal_until(self, stops: str) -> str | None:
        """Plain text up to one of ``stops`` (consumed is not the stop); None at EOF."""
        out: list[str] = []
        s, n = self.s, len(self.s)
        while self.i < n:
            c = s[self.i]
            if c == "\\" and self.i + 1 < n:
                out.append(s[self.i + 1])
                self.i += 2
                continue
            if c in stops:
                return "".join(out)
            if c in "{[":
                return None  # no nesting inside ruby
            out.append(c)
            self.i += 1
        return None

    def ruby_at(self) -> Ruby | None:
        start = self.i
        self.i += 1  # '{'
        base = self.literal_until("|}")
        if base is not None and self.i < len(self.s) and self.s[self.i] == "|":
            self.i += 1
            rd = self.literal_until("}")
            if rd is not None and self.i < len(self.s) and self.s[self.i] == "}":
                self.i += 1
                return Ruby(base, rd)
        self.errors.append(f"unclosed ruby at {start}: {self.s[start:start + 12]!r}")
        self.i = start
        return None

    def gloss_at(self) -> Gloss | None:
        start = self.i
        self.i += 1  # '['
        term, stop = self.nodes("|]", in_gloss=True)
        if stop == "|":
            self.i += 1
            expl, stop2 = self.nodes("]", in_gloss=True)
            if stop2 == "]":
                self.i += 1
                return Gloss(tuple(term), tuple(expl))
        self.errors.append(f"unclosed gloss at {start}: {self.s[start:start + 12]!r}")
        self.i = start
        return None

    def nodes(self, stops: str = "", *, in_gloss: bool = False) -> tuple[list[Node], str | None]:
        out: list[Node] = []
        buf: list[str] = []
        s, n = self.s, len(self.s)

        def flush() -> None:
            if buf:
                out.append("".join(buf))
                buf.clear()

        while self.i < n:
            c = s[self.i]
            if c in stops:
                flush()
                return out, c
            if c == "\\" and self.i + 1 < n:
                buf.append(s[self.i + 1])
                self.i += 2
            elif c == "{":
                r = self.ruby_at()
                if r is None:
                    buf.append(c)
                    self.i += 1
                else:
                    flush()
                    out.append(r)
            elif c == "[" and not in_gloss:
                g = self.gloss_at()
                if g is None:
                    buf.append(c)
                    self.i += 1
                else:
                    flush()
                    out.append(g)
            elif c == "/":
                flush()
                out.append(_BREAK)
                self.i += 1
            else:
                if c in "}]|" and not in_gloss:
                    self.errors.append(f"stray {c!r} at {self.i}")
                buf.append(c)
                self.i += 1
        flush()
        return out, None


@lru_cache(maxsize=8192)
def _parse_line(line: str) -> tuple[tuple[Node, ...], tuple[str, ...]]:
    p = _Parser(line)
    nodes, _ = p.nodes()
    return tuple(nodes), tuple(p.errors)


def parse(line: str) -> tuple[Node, ...]:
    """Nodes of one line of markup (lenient)."""
    return _parse_line(line)[0]


def validate(text: str) -> list[str]:
    """Problems an editor should fix (empty list = well-formed)."""
    errors: list[str] = []
    for n, line in enumerate(text.split("\n"), 1):
        for e in _parse_line(line)[1]:
            errors.append(f"line {n}: {e}")
        for node in _parse_line(line)[0]:
            if isinstance(node, Ruby) and not (node.base and node.reading):
                errors.append(f"line {n}: empty ruby {node!r}")
    return errors


def _lines(text: str) -> list[tuple[str, str]]:
    """(kind, content) per non-empty line: kind "li", "p" or "gap"(blank)."""
    out: list[tuple[str, str]] = []
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            if out and out[-1][0] != "gap":
                out.append(("gap", ""))
            continue
        if line.startswith(LIST_PREFIX):
            out.append(("li", line[len(LIST_PREFIX) :].strip()))
        else:
            out.append(("p", line))
    while out and out[-1][0] == "gap":
        out.pop()
    return out


def line_nodes(text: str) -> list[tuple[str, tuple[Node, ...]]]:
    """``(kind, nodes)`` per non-empty line, kind ``"p"`` or ``"li"``: the
    parse for renderers that lay lines out themselves (the PDF)."""
    return [(kind, parse(content)) for kind, content in _lines(text) if kind != "gap"]


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------


def _html(nodes: tuple[Node, ...], furigana: bool, wakachi: bool) -> str:
    parts: list[str] = []
    for node in nodes:
        if isinstance(node, str):
            parts.append(str(escape(node)))
        elif isinstance(node, Ruby):
            if furigana and node.reading:
                parts.append(
                    f"<ruby>{escape(node.base)}<rp>(</rp><rt>{escape(node.reading)}</rt>"
                    "<rp>)</rp></ruby>"
                )
            else:
                parts.append(str(escape(node.base)))
        elif isinstance(node, Break):
            if wakachi:
                parts.append(" ")
        else:
            parts.append(
                '<span class="gloss"><span class="gloss-term">'
                + _html(node.term, furigana, wakachi)
                + '</span><span class="gloss-note">（'
                + _html(node.explanation, furigana, wakachi)
                + "）</span></span>"
            )
    return "".join(parts)


def _squash_spaces(html: str) -> str:
    # wakachi breaks next to real spaces or at line ends must not double up
    return re.sub(r" {2,}", " ", html).strip(" ")


def render_html(text: str, *, furigana: bool = True, wakachi: bool = False) -> Markup:
    """Phrasing-content HTML for one stored Easy Japanese text (see module doc)."""
    out: list[str] = []
    for kind, content in _lines(text):
        if kind == "gap":
            continue
        html = _squash_spaces(_html(parse(content), furigana, wakachi))
        out.append(("・" + html) if kind == "li" else html)
    # every text piece went through escape() in _html; only our tags are raw
    return Markup("<br>".join(out))  # noqa: S704


def render_blocks(text: str, *, furigana: bool = True, wakachi: bool = False) -> Markup:
    """Flow-content HTML: ``<p>`` per paragraph line, ``<ul><li>`` for list lines."""
    out: list[str] = []
    in_list = False
    for kind, content in _lines(text):
        if kind == "li":
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append("<li>" + _squash_spaces(_html(parse(content), furigana, wakachi)) + "</li>")
            continue
        if in_list:
            out.append("</ul>")
            in_list = False
        if kind == "p":
            out.append("<p>" + _squash_spaces(_html(parse(content), furigana, wakachi)) + "</p>")
    if in_list:
        out.append("</ul>")
    return Markup("".join(out))  # noqa: S704  (pieces escaped in _html)


def is_block(text: str) -> bool:
    """Does this text hold more than one line (a list or several paragraphs)?"""
    return "\n" in text.strip()


def _plain(nodes: tuple[Node, ...], *, with_glosses: bool, use_reading: bool) -> str:
    parts: list[str] = []
    for node in nodes:
        if isinstance(node, str):
            parts.append(node)
        elif isinstance(node, Ruby):
            parts.append(node.reading if use_reading and node.reading else node.base)
        elif isinstance(node, Break):
            continue
        else:
            parts.append(_plain(node.term, with_glosses=with_glosses, use_reading=use_reading))
            if with_glosses:
                parts.append(
                    "（"
                    + _plain(node.explanation, with_glosses=with_glosses, use_reading=use_reading)
                    + "）"
                )
    return "".join(parts)


def to_plain(text: str, *, with_glosses: bool = True) -> str:
    """The text without markup (for search, export and metrics).

    Lines are kept (``"- "`` list prefixes included) so the block structure
    survives; glosses become ``term（explanation）`` unless
    ``with_glosses=False`` (metrics measure the rewritten sentence itself).
    """
    return _plain_text(text, with_glosses=with_glosses, use_reading=False)


def reading(text: str) -> str:
    """The text with every ruby base replaced by its reading (all kana)."""
    return _plain_text(text, with_glosses=True, use_reading=True)


def _plain_text(text: str, *, with_glosses: bool, use_reading: bool) -> str:
    out: list[str] = []
    for kind, content in _lines(text):
        if kind == "gap":
            out.append("")
            continue
        plain = _plain(parse(content), with_glosses=with_glosses, use_reading=use_reading)
        out.append((LIST_PREFIX + plain) if kind == "li" else plain)
    return "\n".join(out)


def glosses(text: str) -> list[tuple[str, str]]:
    """(term, explanation) pairs in reading order, as plain text."""
    found: list[tuple[str, str]] = []
    for kind, content in _lines(text):
        if kind == "gap":
            continue
        for node in parse(content):
            if isinstance(node, Gloss):
                found.append(
                    (
                        _plain(node.term, with_glosses=False, use_reading=False),
                        _plain(node.explanation, with_glosses=False, use_reading=False),
                    )
                )
    return found
