"""Protected terms through machine translation: masking and unmasking.

Neural MT mangles proper nouns (キングスカイフロント → "King Sky Front",
"Kingsky Flont" …).  So, before MT, every term from ``data/terms.tsv``
(:mod:`kintl_pub.terms`) is replaced by a placeholder the models copy
through (``ZZA``, ``ZZB`` …: pure ASCII capitals, no digits, so the number
check is not fooled), and after MT the placeholder becomes the term's
approved translation for the target locale.  A leading list marker (①, ・,
※ …) is taken off before MT and put back after, so it cannot be lost (・
becomes • outside Japanese script, as people write it).

When people's English is the source of a draft (the en→X pivot), the terms
are found by their approved English text instead (``source_locale="en"``)
and become the target locale's approved text all the same.

What the draft still lost (a term, a number, a year, a ①② marker) is found
afterwards by the quality checks (:mod:`kintl_pub.checks`), whose flags are
stored on the draft.  Pure Python: no MT import here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import locales
from ..terms import ProtectedTerms, lookup
from ..text import BULLET_MARKERS, NUMBERED_MARKERS, TRANSLATED_BULLET

_LEAD_MARKER = re.compile(
    rf"^\s*([{NUMBERED_MARKERS}{BULLET_MARKERS}{TRANSLATED_BULLET}]|【[^】]{{1,30}}】)\s*"
)
_PLACEHOLDER = re.compile(r"(?<![A-Za-z])Z\s?Z\s?([A-Z])(?![A-Za-z])")
#: placeholders are ZZA … ZZZ
MAX_SLOTS = 26


def _slot_name(i: int) -> str:
    return "ZZ" + chr(ord("A") + i)


@dataclass(frozen=True)
class Masked:
    source: str
    text: str  # what the model sees
    lead: str  # list marker taken off the front ("" if none)
    slots: tuple[str, ...]  # Japanese term per placeholder letter


def mask(source: str, terms: ProtectedTerms, *, source_locale: str | None = None) -> Masked:
    """Take off a leading marker and replace protected terms by placeholders
    (the same term always gets the same placeholder).  ``source_locale``:
    the language of ``source`` when it is not the Japanese (people's English
    for the en→X pivot): its terms are found by their approved text."""
    lead = ""
    text = source
    m = _LEAD_MARKER.match(text)
    if m and m.end() < len(text):  # never strip a segment down to nothing
        lead, text = m.group(1), text[m.end():]
    if source_locale is None or source_locale == locales.SOURCE.code:
        found = [(t.start, t.end, t.ja) for t in lookup(text, locales.SOURCE.code, terms)]
    else:
        pattern, by_text = terms.surface_pattern(source_locale)
        found = [] if pattern is None else [
            (f.start(), f.end(), by_text[f.group(0)]) for f in pattern.finditer(text)
        ]
    slots: list[str] = []
    pieces: list[str] = []
    at = 0
    for start, end, ja in found:
        if ja not in slots:
            if len(slots) >= MAX_SLOTS:
                continue  # out of letters: leave the rest to the model
            slots.append(ja)
        # spaces only where a word touches the placeholder (not before "."):
        # they help the tokenizer see it as a word
        left = " " if start > 0 and not text[start - 1].isspace() else ""
        right = " " if end < len(text) and text[end].isalnum() else ""
        pieces += [text[at:start], f"{left}{_slot_name(slots.index(ja))}{right}"]
        at = end
    text = "".join([*pieces, text[at:]])
    # Japanese has no spaces: the ones around placeholders only help the
    # tokenizer see them as words; drop those at the ends.
    return Masked(source, re.sub(r" {2,}", " ", text).strip(), lead, tuple(slots))


_NOTHING_TO_TRANSLATE = re.compile(r"[\W\d_]*")


def needs_model(masked: Masked) -> bool:
    """False when nothing but placeholders, numbers and punctuation is left
    (a segment that *is* a protected term, e.g. a bureau name): its
    approved translation is the draft, the model is not asked."""
    rest = _PLACEHOLDER.sub(" ", masked.text)
    return not _NOTHING_TO_TRANSLATE.fullmatch(rest)


def unmask(output: str, masked: Masked, locale: str, terms: ProtectedTerms) -> str:
    """Put approved term translations (and the leading marker) back.  A
    placeholder the model dropped leaves its term missing, which the
    ``lost-term`` check reports."""

    def _sub(match: re.Match[str]) -> str:
        i = ord(match.group(1)) - ord("A")
        if i >= len(masked.slots):
            return match.group(0)
        return terms.get(masked.slots[i]).target(locale)

    text = _PLACEHOLDER.sub(_sub, output)
    loc = locales.BY_CODE.get(locale)
    if loc is not None and not loc.word_spaces:
        # no spaces around inserted terms in scripts written without them
        text = re.sub(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])", "", text)
    text = re.sub(r"\s{2,}", " ", text).strip()
    lead = masked.lead
    if lead == "・" and (loc is None or loc.script != locales.SOURCE.script):
        lead = TRANSLATED_BULLET
    if lead:
        sep = "" if lead.startswith("【") or not text else " "
        text = f"{lead}{sep}{text}" if text else lead
    return text
