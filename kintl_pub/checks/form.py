"""Checks of a translation's form: not empty, no stray markup, a plausible
length, not a copy of the source, written in the locale's script.  The
translators' workspace shows them as warnings; none refuses a text."""

from __future__ import annotations

import re

from .. import locales
from .base import Check, Finding, is_easy, plain


class EmptyCheck(Check):
    id = "empty-output"  # the flag machine drafts have always carried
    name = "Not empty"
    description = "The translation has text (a source with text is never translated as nothing)."

    def check(self, source: str, target: str, locale: str) -> list[Finding]:
        return [self.found()] if source.strip() and not target.strip() else []


_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
# {漢字|かんじ} ruby and [語|説明] glosses: Easy Japanese markup (easy/markup.py)
_EASY_MARKUP = re.compile(r"\{[^{}|\n]+\|[^{}|\n]+\}|\[[^\[\]|\n]+\|[^\[\]|\n]+\]")


class MarkupCheck(Check):
    id = "markup"
    name = "No markup"
    description = (
        "Stored text is never HTML: the translation has no HTML tag the source does "
        "not have, and Easy Japanese markup ({漢字|かんじ}, [語|説明]) only in ja-easy."
    )

    def check(self, source: str, target: str, locale: str) -> list[Finding]:
        out = [self.found(tag) for tag in dict.fromkeys(_HTML_TAG.findall(target)) if tag not in source]
        if not is_easy(locale):
            out += [self.found(m) for m in dict.fromkeys(_EASY_MARKUP.findall(target))]
        return out


#: Typical length of a translation of Japanese, in characters per source
#: character, by the target's script (Latin and Devanagari words are longer
#: than the kanji they translate).
_EXPECTED_RATIO = {"Latn": 3.0, "Deva": 2.8, "Thai": 2.2, "Kore": 1.2, "Hans": 0.9, "Jpan": 1.0}
#: Source texts shorter than this vary too much to judge (names, 「〇〇」).
_MIN_SOURCE = 12


class LengthCheck(Check):
    id = "length-ratio"
    name = "Suspicious length"
    description = (
        "The translation is not far shorter or far longer than translations into its "
        "script usually are (a dropped sentence, a repeated phrase)."
    )
    factor = 3.5  # allowed distance from the typical ratio, either way

    def applies(self, locale: str) -> bool:
        # Easy Japanese splits and explains on purpose: its length says nothing.
        return super().applies(locale) and not is_easy(locale)

    def check(self, source: str, target: str, locale: str) -> list[Finding]:
        src, out = _letters(source), _letters(target)
        if src < _MIN_SOURCE or not out:
            return []
        expected = _EXPECTED_RATIO.get(_script(locale), 2.0)
        ratio = out / src
        if ratio < expected / self.factor or ratio > expected * self.factor:
            return [self.found(f"{ratio:.1f}")]
        return []


def _letters(text: str) -> int:
    return sum(1 for c in text if not c.isspace())


class IdenticalCheck(Check):
    id = "identical"
    name = "Same as source"
    description = "The translation is not a copy of the Japanese source."

    def applies(self, locale: str) -> bool:
        return super().applies(locale) and not is_easy(locale)  # simple Japanese may stay as it is

    def check(self, source: str, target: str, locale: str) -> list[Finding]:
        if not _JAPANESE.search(source) or target.strip() != source.strip():
            return []  # numbers, codes and Latin names are the same in every language
        if _script(locale) == "Hans" and not _KANA.search(source):
            return []  # a kanji-only name is often written the same in Chinese
        return [self.found()]


# Unicode blocks per ISO 15924 script, as the locale table names them.
_RANGES: dict[str, str] = {
    "Latn": "A-Za-z\u00c0-\u024f\u1e00-\u1eff",
    "Hani": "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff",
    "Kana": "\u3040-\u30ff",
    "Hang": "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af",
    "Deva": "\u0900-\u097f",
    "Thai": "\u0e00-\u0e7f",
}
#: the locale table's script → the blocks its text is written in
_SCRIPT_BLOCKS = {
    "Latn": ("Latn",),
    "Jpan": ("Hani", "Kana"),
    "Hans": ("Hani",),
    "Kore": ("Hang", "Hani"),
    "Deva": ("Deva",),
    "Thai": ("Thai",),
}
_ANY_LETTER = re.compile(f"[{''.join(_RANGES.values())}]")
_JAPANESE = re.compile(f"[{_RANGES['Hani']}{_RANGES['Kana']}]")
_KANA = re.compile(f"[{_RANGES['Kana']}]")


def _script(locale: str) -> str:
    loc = locales.BY_CODE.get(locale)
    return loc.script if loc is not None else "Latn"


class ScriptCheck(Check):
    id = "wrong-script"
    name = "Script of the locale"
    description = (
        "Most letters of the translation are in the script of its locale (the locale "
        "table's script): not Japanese left untranslated, not another language."
    )
    min_share = 0.5
    min_letters = 4

    def check(self, source: str, target: str, locale: str) -> list[Finding]:
        script = _script(locale)
        blocks = _SCRIPT_BLOCKS.get(script)
        if blocks is None:
            return []
        letters = _ANY_LETTER.findall(plain(target, locale))
        if len(letters) < self.min_letters:
            return []
        own = re.compile(f"[{''.join(_RANGES[b] for b in blocks)}]")
        share = sum(1 for c in letters if own.match(c)) / len(letters)
        return [] if share >= self.min_share else [self.found(script)]


#: Japanese writing: kana (without ・, the middle dot a translation may keep
#: as a separator), the iteration mark 々, and kanji.
_KANA_LETTERS = "\u3040-\u30fa\u30fc-\u30ff\u31f0-\u31ff\u3005"
#: Quoted text a translation may leave in Japanese: an official name quoted
#: for the counter (EN-GUIDE: the "Kawasaki Halloween" event (「…」)).
_QUOTED = re.compile(r'"[^"\n]*"|“[^”\n]*”|「[^」\n]*」|『[^』\n]*』')


class JapaneseLeftCheck(Check):
    id = "japanese-left"
    name = "No Japanese left"
    description = (
        "A translation out of Japanese carries no Japanese characters, except in a quoted "
        "official name (“…”, \"…\", 「…」); kanji are fine where the locale's script uses "
        "them (Chinese, Korean), and ・ as a separator is not counted.  A text mostly in "
        "Japanese is the wrong-script check's finding, not this one's."
    )

    def applies(self, locale: str) -> bool:
        return super().applies(locale) and not is_easy(locale)

    def check(self, source: str, target: str, locale: str) -> list[Finding]:
        if ScriptCheck().check(source, target, locale):
            return []  # not a translation with Japanese left in it: one in Japanese
        blocks = _SCRIPT_BLOCKS.get(_script(locale), ())
        chars = _KANA_LETTERS + ("" if "Hani" in blocks else _RANGES["Hani"])
        left = re.findall(f"[{chars}]+", _QUOTED.sub(" ", target))
        return [self.found(run[:12]) for run in dict.fromkeys(left)]
