"""Easy Japanese titles: the official name, kept as it is with its readings
(people need it at the counter), and a one-line explanation in Easy Japanese.

Stored as one gloss over the whole name, ``[{国|こく}{際|さい}…|…explanation…]``,
the same markup an editor writes for an official name (``[名前|説明]``), so the
explanation is an ordinary catalog entry a person can rewrite.  The rules
draft it from the programme's own content: the first sentence of the Easy
text shown for it (a person's, where one wrote it, else the rules' rewrite).
The renderers show the name as the heading and the explanation under it
(:func:`kintl_pub.easy.markup.split_gloss`).
"""

from __future__ import annotations

import hashlib
import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..catalogs import states
from ..locales import EASY
from ..segment import field_segments
from ..store.models import Program, Segment
from . import markup
from .annotate import tokens_markup
from .metrics import sentences_of
from .readings import Reader

#: label fields that name a thing a reader looks up (initiative titles, programme names)
TITLE_FIELDS = ("title", "name")
#: an explanation is one line: a longer first sentence is cut after a clause
MAX_EXPLANATION = 50
_LEAD = re.compile(r"^(?:[①-⑳❶-❿・\-]\s*)+")


def _program_content(session: Session, seg: Segment) -> str:
    pos = seg.program_position if seg.program_position is not None else 0
    prog = session.scalars(
        select(Program).join(Program.initiative).where(Program.position == pos).where(
            Program.initiative.has(number=seg.initiative_number))
    ).first()
    return (prog.content or "") if prog is not None else ""


def explanation(easy_text: str) -> str | None:
    """The first sentence of an Easy Japanese text (markup or plain), as one line."""
    plain = markup.to_plain(easy_text, with_glosses=False)
    for s in sentences_of(plain, kind="p"):
        line = _LEAD.sub("", s.text).strip()
        if len(line) < 6:
            continue
        if len(line) > MAX_EXPLANATION:
            cut = line.rfind("、", 0, MAX_EXPLANATION)
            if cut < 10:
                continue  # no clause to end at: the next sentence may do
            line = line[:cut] + "…"
        return line
    return None


def _shown_easy(session: Session, source: str) -> str | None:
    """The Easy text readers see for ``source`` (a person's, else the rules' draft)."""
    t = states.get(session, EASY.code, source)
    if t is not None and t.text and (states.is_human(t) or t.state == "machine"):
        return t.text
    return None


def explanation_for(session: Session, seg: Segment) -> str | None:
    """The one-line explanation the rules draft for a title or name segment:
    from its programme's content as readers see it in Easy Japanese (no
    analysis here: ``easy build`` has made that text already)."""
    content = _program_content(session, seg)
    firsts = list(field_segments(content, initiative=seg.initiative_number,
                                 position=seg.program_position or 0, field="content"))
    easy = _shown_easy(session, firsts[0].source) if firsts else None
    return explanation(easy) if easy else None


def key(text: str | None) -> str:
    """What a title draft depends on besides the rules: its explanation."""
    return hashlib.sha256((text or "").encode()).hexdigest()[:12]


def title_markup(name: str, text: str, reader: Reader) -> str:
    """``[name|explanation]`` with readings and phrase breaks on both."""
    return "[" + tokens_markup(reader.tokens(name)) + "|" + tokens_markup(reader.tokens(text)) + "]"
