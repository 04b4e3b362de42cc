"""Dates, times and ranges the way Easy Japanese writes them.

* 和暦 always with 西暦: 令和3年度 → 2021年度（令和3年度）;
* clock times with 午前/午後: 14時30分 → 午後2時30分, 9:00 → 午前9時;
* ranges with から/まで, never 〜: 5月15日～31日 → 5月15日から31日まで.
"""

from __future__ import annotations

import re

from ...text import ERA_NAMES, ERAS

_Z2H = str.maketrans("０１２３４５６７８９：", "0123456789:")

_ERA = re.compile(rf"({ERA_NAMES})(元|[0-9０-９]{{1,2}})(年度|年)(?![（(][0-9]{{4}})")


def era_with_western(text: str) -> str:
    """令和3年度 → 2021年度（令和3年度）; an existing （2021年度） is not repeated."""

    def sub(m: re.Match[str]) -> str:
        era, num, unit = m.group(1), m.group(2), m.group(3)
        n = 1 if num == "元" else int(num.translate(_Z2H))
        year = ERAS[era] + n
        # already followed by the Western year in brackets, or preceded by it
        before = text[max(0, m.start() - 8) : m.start()]
        if re.search(rf"{year}年度?[（(]$", before):
            return m.group(0)
        return f"{year}{unit}（{m.group(0)}）"

    return _ERA.sub(sub, text)


_TIME = re.compile(r"(?<![午前後0-9０-９])(?<!お昼の)([0-9０-９]{1,2})(?:時(?!間|点|期|代|給)(([0-9０-９]{1,2})分)?|[:：]([0-9]{2})(?![0-9]))")


#: 10~18時: the unit is written once, after the end; the start is a time too
_SHARED_UNIT = re.compile(r"(?<![0-9０-９時分])([0-9０-９]{1,2})(\s*[〜～~]\s*[0-9０-９]{1,2}時)")


def times_with_ampm(text: str) -> str:
    """14時 → 午後2時, 9:30 → 午前9時30分, noon 12時 → お昼の12時 (午後12時 would be
    midnight to many readers), 0時/24時 → 午前0時.  In a range written with the
    unit once (10~18時) both ends are times: 午前10時〜午後6時."""

    def sub(m: re.Match[str]) -> str:
        h = int(m.group(1).translate(_Z2H))
        minutes = m.group(3) or m.group(4)
        if h > 24:
            return m.group(0)
        mins = ""
        if minutes:
            mm = int(minutes.translate(_Z2H))
            mins = f"{mm}分" if mm else ""
        if h in (0, 24):
            return f"午前0時{mins}"
        if h < 12:
            return f"午前{h}時{mins}"
        if h == 12:
            return f"お昼の12時{mins}"
        return f"午後{h - 12}時{mins}"

    return _TIME.sub(sub, _SHARED_UNIT.sub(r"\1時\2", text))


_RANGE_END = (
    r"(?:(?:[0-9０-９][0-9０-９,，.]*"
    r"(?:年度|年生|年|か月|ヶ月|月|日|時|分|歳|人|回|件|円|万円|週|時間)*)+"
    r"(?:[（(][月火水木金土日祝・]{1,3}[）)])?"
    rf"(?:（(?:{ERA_NAMES})[^（）]{{1,8}}）)?"  # the 和暦 that era_with_western added
    r"|(?:午前|午後|お昼の)[0-9]{1,2}時(?:[0-9]{1,2}分)?)"
)
_RANGE = re.compile(rf"\s*[〜～~]\s*({_RANGE_END})?(まで)?")


def ranges_kara_made(text: str) -> str:
    """A〜B → AからBまで; an open end A〜 → Aから."""

    def sub(m: re.Match[str]) -> str:
        end = m.group(1)
        if end:
            return f"から{end}まで"
        return "から" + (m.group(2) or "")

    return _RANGE.sub(sub, text)
