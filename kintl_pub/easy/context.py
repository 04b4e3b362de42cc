"""Context rules: readings the dictionaries get wrong in this kind of text.

Each rule is a small named function over the token list (after the
override dictionary has been applied, so a human entry is never touched).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .tokens import Token

Rule = Callable[[list[Token]], list[Token]]

_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_KANJI_NUM = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}

#: 〜日 read as days of the month (and, for 2–10, 14, 20, 24, as day counts)
DAY_READINGS = {
    1: "ついたち", 2: "ふつか", 3: "みっか", 4: "よっか", 5: "いつか", 6: "むいか",
    7: "なのか", 8: "ようか", 9: "ここのか", 10: "とおか", 14: "じゅうよっか",
    20: "はつか", 24: "にじゅうよっか",
}
PEOPLE_READINGS = {1: "ひとり", 2: "ふたり", 4: "よにん"}


def number_value(tok: Token) -> int | None:
    if not tok.is_number():
        return None
    s = tok.surface.translate(_DIGITS)
    if s.isascii() and s.isdigit():
        return int(s)
    return _KANJI_NUM.get(s)


def _fixed(tok: Token) -> bool:
    return tok.source == "override"


def to_after_noun(tokens: list[Token]) -> list[Token]:
    """等 after a noun in official text reads とう, not など/ら."""
    out = list(tokens)
    for i, t in enumerate(out):
        if t.surface == "等" and i > 0 and out[i - 1].is_noun_like() and not _fixed(t):
            out[i] = t.with_reading("とう", "rule:to_after_noun")
    return out


def whole_day_juu(tokens: list[Token]) -> list[Token]:
    """一日中 / 1日中 / 年中 / 世界中: 中 reads じゅう ("all through"); other 〜中 stay ちゅう.

    Sudachi splits 一日中 into 一/日/中 and reads 中 チュウ.  A bare 日中 is
    にっちゅう (daytime, or Japan–China) and is left alone.
    """
    out = list(tokens)
    for i, t in enumerate(out):
        if t.surface != "中" or i < 1 or _fixed(t):
            continue
        prev = out[i - 1]
        if prev.surface == "日" and i >= 2 and number_value(out[i - 2]) == 1:
            out[i] = t.with_reading("じゅう", "rule:whole_day_juu")
            if not _fixed(prev):
                out[i - 1] = prev.with_reading("にち", "rule:whole_day_juu")
        elif prev.surface in ("年", "世界", "一年", "日本", "町", "家"):
            out[i] = t.with_reading("じゅう", "rule:whole_day_juu")
    return out


def counters(tokens: list[Token]) -> list[Token]:
    """1人 ひとり, 2人 ふたり, 4人 よにん; N日 by context.

    A date (N月N日) reads 1日 ついたち; a span (1日かけて, 1日あたり) reads
    いちにち.  The number and its counter become one token so the reading can
    sit over both (the digits alone never get ruby).
    """
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        n = number_value(t)
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if n is not None and nxt is not None and not _fixed(nxt):
            reading: str | None = None
            if nxt.surface == "人" and n in PEOPLE_READINGS:
                reading = PEOPLE_READINGS[n]
            elif nxt.surface in ("日", "日間"):
                is_date = len(out) >= 2 and out[-1].surface == "月" and out[-2].is_number()
                span = "かん" if nxt.surface == "日間" else ""
                if n == 1 and not is_date:
                    reading = "いちにち" + span
                elif n in DAY_READINGS:
                    reading = DAY_READINGS[n] + span
                else:  # 15日(間): Sudachi reads 日 か (as in 十日), here it is にち
                    out.append(t)
                    out.append(nxt.with_reading("にち" + span, "rule:counters"))
                    i += 2
                    continue
            if reading is not None:
                out.append(
                    Token(t.surface + nxt.surface, reading, nxt.pos, t.surface + nxt.surface,
                          "rule:counters")
                )
                i += 2
                continue
        if t.surface == "1人" and t.reading != "ひとり":
            t = t.with_reading("ひとり", "rule:counters")
        out.append(t)
        i += 1
    return out


def nai_after_place(tokens: list[Token]) -> list[Token]:
    """区内 / 市内 split by a place-name override (麻生区 + 内): 内 reads ない, not うち."""
    out = list(tokens)
    for i, t in enumerate(out):
        if t.surface == "内" and i > 0 and out[i - 1].source == "override" and not _fixed(t):
            out[i] = t.with_reading("ない", "rule:nai_after_place")
    return out


def eru_after_wo(tokens: list[Token]) -> list[Token]:
    """〜を得る reads える (成果を得る); Sudachi's うる fits only 〜し得る."""
    out = list(tokens)
    for i, t in enumerate(out):
        if t.lemma in ("得る",) and t.surface.startswith("得") and i > 0 and out[i - 1].surface in ("を", "が"):
            out[i] = t.with_reading("え" + t.surface[1:], "rule:eru_after_wo")
    return out


#: one-kanji weekday names as written in lists (土、日 / 月・水・金)
WEEKDAYS = {"月": "げつ", "火": "か", "水": "すい", "木": "もく", "金": "きん", "土": "ど", "日": "にち"}
_LIST_MARKS = ("、", "・")


def weekday_list(tokens: list[Token]) -> list[Token]:
    """土、日の開催 / 月・水・金: one-kanji weekday names in a 、/・ list read as
    weekdays (ど、にち), not as nouns (つち、ひ).  Only a run that is clearly a
    week (土 with 日, or 月 with 金) counts: 水・土・空気 stays nouns."""
    out = list(tokens)
    i = 0
    while i < len(out):
        run = [i]
        while run[-1] + 2 < len(out) and out[run[-1] + 1].surface in _LIST_MARKS and out[run[-1] + 2].surface in WEEKDAYS:
            run.append(run[-1] + 2)
        days = {out[j].surface for j in run}
        if out[i].surface in WEEKDAYS and len(run) > 1 and ({"土", "日"} <= days or {"月", "金"} <= days):
            for j in run:
                if not _fixed(out[j]):
                    out[j] = out[j].with_reading(WEEKDAYS[out[j].surface], "rule:weekday_list")
            i = run[-1] + 1
        else:
            i += 1
    return out


RULES: tuple[Rule, ...] = (whole_day_juu, counters, to_after_noun, nai_after_place, eru_after_wo, weekday_list)


#: a rule runs only when its trigger occurs in the text (most sentences have none)
_TRIGGERS: dict[Rule, tuple[str, ...]] = {
    whole_day_juu: ("中",),
    counters: ("人", "日"),
    to_after_noun: ("等",),
    nai_after_place: ("内",),
    eru_after_wo: ("得",),
}
#: counters needs a number right before 人/日 (most 人/日 are in 外国人, 日本 …)
_COUNTER_TRIGGER = re.compile("[0-9０-９一二三四五六七八九十](?:人|日)")
_WEEKDAY_TRIGGER = re.compile("[月火水木金土日][、・][月火水木金土日]")


#: any rule's trigger: a line with none of them skips the rules at once
_ALL_TRIGGERS = re.compile(
    "|".join(
        ["[" + "".join(ch for chars in _TRIGGERS.values() for ch in chars) + "]",
         _COUNTER_TRIGGER.pattern, _WEEKDAY_TRIGGER.pattern]
    )
)


def apply(tokens: list[Token], text: str | None = None) -> list[Token]:
    """All rules whose trigger occurs; ``text`` is the tokens' surfaces joined
    (passed by the reader, which has it already)."""
    if text is None:
        text = "".join(t.surface for t in tokens)
    if _ALL_TRIGGERS.search(text) is None:  # most lines: nothing to check
        return tokens
    for rule in RULES:
        if rule is counters:
            if _COUNTER_TRIGGER.search(text) is None:
                continue
        elif rule is weekday_list:
            if _WEEKDAY_TRIGGER.search(text) is None:
                continue
        else:
            triggers = _TRIGGERS.get(rule)
            if triggers is not None and not any(ch in text for ch in triggers):
                continue
        tokens = rule(tokens)
    return tokens
