"""Reading the numbers of a Japanese source and of its translation, for the
``lost-number`` check (:class:`~kintl_pub.checks.preserve.NumbersCheck`).

What the source says, and what a faithful translation may write for it:

=====================  ==============================================
source                 accepted in the translation
=====================  ==============================================
令和3年 / 令和元年      2021 / 2019, or the era's own number (Reiwa 3)
4月                     the month's name in the locale (April), or 4
127千 / 3万1,000 / 1億  127,000 / 31,000 / 100,000,000, "127 thousand",
                        "1.2 million", or 万/千/亿 written again (zh)
2割                     20 (20%), or 2 ("2 in 10")
10~18時 / 午後6時       18 or 6 ("6 p.m."), 18:00; 6 or 18
月1回 / 年2回 / 3つ     the digit, or a number word (once, twice, three,
                        third; num2words per locale)
=====================  ==============================================

Month names are looked for before digits, so in 「3月…3拠点」 the
translation's "March" stands for the month and its "3" for the count.

Written here rather than taken from a library: no library reads Japanese
number units and eras *against* a translation; Babel gives month names,
num2words the number words.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .. import locales
from ..text import ERA_NAMES, ERAS, NUMBERED_MARKERS

_MARKER = re.compile(f"[{NUMBERED_MARKERS}]")
_ERA = re.compile(rf"({ERA_NAMES})\s*(\d+|元)\s*年")
_MONTH = re.compile(r"(?<![\d.])(\d{1,2})\s*月")
_DIGITS = r"\d+(?:[.,]\d+)*"
#: 3万1,000 / 127千 / 1億2,000万 / 1.5万: groups of a number and a unit, largest unit first
_UNIT_VALUE = {"億": 10**8, "亿": 10**8, "万": 10**4, "千": 10**3}
_UNITS = re.compile(rf"(?:{_DIGITS}\s*[億亿万千])+(?:{_DIGITS}(?![\d.,]))?")
_UNIT_PART = re.compile(rf"({_DIGITS})\s*([億亿万千])")
#: 2割 (20%); 割合/割引 are words, only a digit before 割 makes a number
_WARI = re.compile(r"(\d+)\s*割(?:\s*(\d)\s*分)?")
#: hours: 10~18時, 18時, 午後6時
_HOUR_RANGE = re.compile(r"(\d{1,2})\s*[~〜～\-－ー]\s*(\d{1,2})\s*時")
_HOUR = re.compile(r"(午前|午後)?\s*(\d{1,2})\s*時(?!間|点|期|代)")
_NUMBER = re.compile(_DIGITS)
#: "127 thousand", "1.2 million" in a translation
_SCALE_WORDS = {"thousand": 10**3, "million": 10**6, "billion": 10**9}
_SCALED = re.compile(rf"({_DIGITS})\s+(thousand|million|billion)\b", re.IGNORECASE)
#: English multiplicatives num2words does not have (月1回 → "once a month")
_MULTIPLICATIVES = {"en": {"once": 1, "twice": 2, "thrice": 3}}
#: num2words language per locale (Babel id); a locale missing here has no number words
_NUM2WORDS = {"en": "en", "es": "es", "pt_BR": "pt_BR", "id": "id", "vi": "vi"}
#: number words count up to this (larger numbers are written in digits)
MAX_WORD = 20


def normalize(text: str) -> str:
    """NFKC (full-width digits → ASCII) but keep circled numbers as they are:
    NFKC would turn ① into 1, and markers are checked separately."""
    return "".join(c if _MARKER.match(c) else unicodedata.normalize("NFKC", c) for c in text)


def canon(number: str) -> str:
    """1,234 / 1.234 / 1234 are the same number; 1.5 stays 1.5."""
    n = re.sub(r"[,.](?=\d{3}(?!\d))", "", number)
    return n.replace(",", ".")


def _value(number: str) -> float:
    return float(canon(number))


def _fmt(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def _units_value(match: str) -> str:
    total = 0.0
    for digits, unit in _UNIT_PART.findall(match):
        total += _value(digits) * _UNIT_VALUE[unit]
    rest = _UNIT_PART.sub(" ", match).strip()
    if rest:
        total += _value(rest)
    return _fmt(total)


@dataclass
class Expected:
    """One number of the source and the ways a translation may write it."""

    detail: str  # how a finding names it (2021, 4月, 31000)
    alternatives: tuple[str, ...]  # canonical numbers, any of which will do
    month: int | None = None  # a month: its name in the locale will do too


def expected(source: str) -> list[Expected]:
    """Every number the source says, in the order it is checked: years,
    months, then the other numbers (units, 割, hours, plain digits)."""
    src = normalize(source)
    out: list[Expected] = []
    for era, n in _ERA.findall(src):
        num = 1 if n == "元" else int(n)
        year = str(ERAS[era] + num)
        out.append(Expected(year, (year, str(num))))
    rest = _ERA.sub(" ", src)
    for n in _MONTH.findall(rest):
        month = int(n)
        if 1 <= month <= 12:
            out.append(Expected(f"{month}月", (str(month),), month=month))
    rest = _MONTH.sub(" ", rest)
    plain: list[Expected] = []
    for m in _UNITS.finditer(rest):
        value = _units_value(m.group(0))
        plain.append(Expected(value, (value,)))
    rest = _UNITS.sub(" ", rest)
    for tenths, hundredths in _WARI.findall(rest):
        percent = int(tenths) * 10 + (int(hundredths) if hundredths else 0)
        plain.append(Expected(str(percent), (str(percent), tenths)))
    rest = _WARI.sub(" ", rest)
    for a, b in _HOUR_RANGE.findall(rest):
        plain += [_hour(int(a), None), _hour(int(b), None)]
    rest = _HOUR_RANGE.sub(" ", rest)
    for half, h in _HOUR.findall(rest):
        plain.append(_hour(int(h), half or None))
    rest = _HOUR.sub(" ", rest)
    plain += [Expected(n, (n,)) for n in map(canon, _NUMBER.findall(rest))]
    return out + plain


def _hour(h: int, half: str | None) -> Expected:
    """18時 may be "6 p.m." or "18:00"; 午後6時 "6 p.m." or "18:00"."""
    alts = [str(h)]
    if half == "午後" and h < 12:
        alts.append(str(h + 12))
    elif 13 <= h <= 24:
        alts.append(str(h - 12))
    return Expected(str(h), tuple(alts))


def found(target: str, locale: str) -> Counter[str]:
    """The numbers a translation says, as canonical strings (a multiset):
    digits, scaled numbers (127 thousand, 3万1000), and number words."""
    out = normalize(target)
    pool: Counter[str] = Counter()
    for digits, word in _SCALED.findall(out):
        pool[_fmt(_value(digits) * _SCALE_WORDS[word.lower()])] += 1
    out = _SCALED.sub(" ", out)
    for m in _UNITS.finditer(out):
        pool[_units_value(m.group(0))] += 1
    out = _UNITS.sub(" ", out)
    pool.update(canon(n) for n in _NUMBER.findall(out))
    words = number_words(locale)
    if words:
        for w in re.findall(r"\w+", out.lower()):
            if w in words:
                pool[str(words[w])] += 1
    return pool


def take_month(month: int, text: str, locale: str) -> str | None:
    """``text`` without the first name of ``month`` in ``locale`` (so it counts
    once), or None when the month is not named."""
    for name in month_names(locale).get(month, ()):
        flags = re.IGNORECASE if name == name.lower() else 0  # "May" the month, not "may"
        m = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, flags)
        if m:
            return text[: m.start()] + " " + text[m.end():]
    return None


@lru_cache(maxsize=32)
def month_names(locale: str) -> dict[int, tuple[str, ...]]:
    """Month number → its names in the locale (wide first, then abbreviated)."""
    from babel.dates import get_month_names

    babel_id = _babel_id(locale)
    out: dict[int, tuple[str, ...]] = {}
    for width in ("wide", "abbreviated"):
        for ctx in ("format", "stand-alone"):
            for m, name in get_month_names(width, ctx, locale=babel_id).items():
                name = name.rstrip(".")
                if name and name not in out.get(m, ()):
                    out[m] = (*out.get(m, ()), name)
    return out


@lru_cache(maxsize=32)
def number_words(locale: str) -> dict[str, int]:
    """Cardinal and ordinal words for 1…MAX_WORD in the locale (one → 1,
    third → 3, once → 1), lower case; empty when num2words has no such
    language (then only digits count)."""
    lang = _NUM2WORDS.get(_babel_id(locale))
    words: dict[str, int] = dict(_MULTIPLICATIVES.get(lang or "", {}))
    if lang is None:
        return words
    from num2words import num2words

    for n in range(1, MAX_WORD + 1):
        for kind in ("cardinal", "ordinal"):
            word = num2words(n, lang=lang, to=kind).lower()
            if " " not in word and "-" not in word:  # one token: matched as a word
                words.setdefault(word, n)
    return words


def _babel_id(locale: str) -> str:
    try:
        return locales.get(locale).babel_locale
    except KeyError:
        return "en"
