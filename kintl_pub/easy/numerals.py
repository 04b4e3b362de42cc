"""Readings of numbers written with kanji (一つ, 一歩, 三百, 8千, 3万1,000).

SudachiPy joins numbers into one out-of-vocabulary 数詞 token whose reading
is unreliable (三百 was read as a name, ミツオ; 3万1,000 サンマンイチ,レイレイレイ),
so the reader used to leave them without ruby.  Here they are read by rule:
digits stay digits (they never get ruby), kanji numerals get their reading,
and a counter after a kanji numeral takes the sound change (一歩 いっぽ,
六本 ろっぽん, 一つ ひとつ).
"""

from __future__ import annotations

import re

DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000}
BIG = {"万": 10**4, "億": 10**8, "兆": 10**12}
KANJI_NUMERAL = re.compile("[〇零一二三四五六七八九十百千万億兆]+")
#: a number as Sudachi joins it: digits, commas, points and kanji numerals
MIXED_NUMERAL = re.compile("[0-9０-９,，.．〇零一二三四五六七八九十百千万億兆]+")

_ONES = ("", "いち", "に", "さん", "よん", "ご", "ろく", "なな", "はち", "きゅう")
#: the readings of 百 and 千 after each digit (さんびゃく, はっせん …)
_HUNDREDS = {1: "ひゃく", 3: "さんびゃく", 6: "ろっぴゃく", 8: "はっぴゃく"}
_THOUSANDS = {1: "せん", 3: "さんぜん", 8: "はっせん"}
_BIG_READ = {10**4: "まん", 10**8: "おく", 10**12: "ちょう"}
#: 一つ … 十: native counting
NATIVE = {1: "ひとつ", 2: "ふたつ", 3: "みっつ", 4: "よっつ", 5: "いつつ", 6: "むっつ", 7: "ななつ",
          8: "やっつ", 9: "ここのつ"}


def kanji_value(text: str) -> int | None:
    """三百二十 → 320; None for anything that is not a kanji numeral."""
    if not text or KANJI_NUMERAL.fullmatch(text) is None:
        return None
    if all(c in DIGITS for c in text) and len(text) > 1:  # 二〇二一 (digit by digit)
        return int("".join(str(DIGITS[c]) for c in text))
    total = section = digit = 0
    for c in text:
        if c in DIGITS:
            digit = DIGITS[c]
        elif c in UNITS:
            section += (digit or 1) * UNITS[c]
            digit = 0
        else:
            total += (section + digit or 1) * BIG[c]
            section = digit = 0
    return total + section + digit


def _below_10000(n: int) -> str:
    out = []
    th, n = divmod(n, 1000)
    if th:
        out.append(_THOUSANDS.get(th, _ONES[th] + "せん"))
    hu, n = divmod(n, 100)
    if hu:
        out.append(_HUNDREDS.get(hu, _ONES[hu] + "ひゃく"))
    te, n = divmod(n, 10)
    if te:
        out.append(("" if te == 1 else _ONES[te]) + "じゅう")
    if n:
        out.append(_ONES[n])
    return "".join(out)


def read_value(n: int) -> str:
    """320 → さんびゃくにじゅう (plain reading, no counter)."""
    if n == 0:
        return "ぜろ"
    out = []
    for unit in (10**12, 10**8, 10**4):
        q, n = divmod(n, unit)
        if q:
            out.append(_below_10000(q) + _BIG_READ[unit])
    if n:
        out.append(_below_10000(n))
    return "".join(out)


_SIMPLE = {"十": "じゅう", "百": "ひゃく", "千": "せん", "万": "まん", "億": "おく", "兆": "ちょう",
           "〇": "ぜろ", "零": "ぜろ", **{k: _ONES[v] for k, v in DIGITS.items() if v}}


def reading(surface: str) -> str | None:
    """The reading of a number token, digits kept as written (8千 → 8せん,
    3万1,000 → 3まん1,000, 三百 → さんびゃく); None if it is no number."""
    if MIXED_NUMERAL.fullmatch(surface) is None or KANJI_NUMERAL.search(surface) is None:
        return None
    value = kanji_value(surface)
    if value is not None:
        return read_value(value)
    # digits with kanji units: the digits carry no ruby, so each kanji is read alone
    return "".join(_SIMPLE.get(c, c) for c in surface)


_SOKUON_BEFORE = {"いち": "いっ", "ろく": "ろっ", "はち": "はっ", "じゅう": "じゅっ"}
_H_TO_P = dict(zip("はひふへほ", "ぱぴぷぺぽ", strict=True))


def with_counter(number: str, counter: str) -> str:
    """The reading of a kanji numeral's reading + a counter's, with the sound
    changes of counting (いち + ほ → いっぽ, ろく + かい → ろっかい)."""
    head = counter[:1]
    for end, short in _SOKUON_BEFORE.items():
        if number.endswith(end) and head in "かきくけこさしすせそたちつてとはひふへほ" and head:
            if end == "ろく" and head not in "かきくけこはひふへほ":
                break
            return number[: -len(end)] + short + _H_TO_P.get(head, head) + counter[1:]
    if number.endswith("さん") and head in _H_TO_P and counter in ("ほん", "はい", "ひき"):
        return number + {"ほん": "ぼん", "はい": "ばい", "ひき": "びき"}[counter]
    return number + counter
