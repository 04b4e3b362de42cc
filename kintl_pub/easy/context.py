"""Context rules: readings the dictionaries get wrong in this kind of text.

Each rule is a small named function over the token list (after the
override dictionary has been applied, so a human entry is never touched).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import numerals
from .chars import has_kanji
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


def _at(tokens: list[Token], surface: str) -> list[int]:
    """Where the tokens written ``surface`` are (a rule about one word looks
    only there: a comprehension finds them faster than the rule's own loop)."""
    return [i for i, t in enumerate(tokens) if t.surface == surface]


def to_after_noun(tokens: list[Token]) -> list[Token]:
    """等 after a noun in official text reads とう, not など/ら."""
    out = list(tokens)
    for i in _at(out, "等"):
        t = out[i]
        if i > 0 and out[i - 1].is_noun_like() and not _fixed(t):
            out[i] = t.with_reading("とう", "rule:to_after_noun")
    return out


def whole_day_juu(tokens: list[Token]) -> list[Token]:
    """一日中 / 1日中 / 年中 / 世界中: 中 reads じゅう ("all through"); other 〜中 stay ちゅう.

    Sudachi splits 一日中 into 一/日/中 and reads 中 チュウ.  A bare 日中 is
    にっちゅう (daytime, or Japan–China) and is left alone.
    """
    out = list(tokens)
    for i in _at(out, "中"):
        t = out[i]
        if i < 1 or _fixed(t):
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
        # (the part of speech first: most words are no number, and this loop sees every word)
        n = number_value(t) if len(t.pos) > 1 and t.pos[1] == "数詞" else None
        nxt = tokens[i + 1] if n is not None and i + 1 < len(tokens) else None
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
    for i in _at(out, "内"):
        t = out[i]
        if i > 0 and out[i - 1].source == "override" and not _fixed(t):
            out[i] = t.with_reading("ない", "rule:nai_after_place")
    return out


def eru_after_wo(tokens: list[Token]) -> list[Token]:
    """〜を得る reads える (成果を得る); Sudachi's うる fits only 〜し得る."""
    out = list(tokens)
    for i, t in enumerate(out):
        if t.lemma in ("得る",) and t.surface.startswith("得") and i > 0 and out[i - 1].surface in ("を", "が"):
            out[i] = t.with_reading("え" + t.surface[1:], "rule:eru_after_wo")
    return out


#: one-kanji weekday names as written in lists (土、日 / 月・水・金 / （木・祝）)
WEEKDAYS = {"月": "げつ", "火": "か", "水": "すい", "木": "もく", "金": "きん", "土": "ど", "日": "にち"}
_LIST_MARKS = ("、", "・", "～", "〜", "~", "から")
_HOLIDAY = ("祝", "祝日", "休日", "祝休日")


def _bracketed_days(out: list[Token], run: list[int]) -> bool:
    """（木） / （木・祝日） / （月から金）: only weekdays (and holidays) inside brackets."""
    a, b = run[0] - 1, run[-1] + 1
    return a >= 0 and b < len(out) and out[a].surface in ("（", "(") and out[b].surface in ("）", ")")


def weekday_list(tokens: list[Token]) -> list[Token]:
    """土、日の開催 / 月・水・金 / （木・祝）: one-kanji weekday names read as
    weekdays (ど、にち、もく), not as nouns (つち、ひ、き).  Only a run that is
    clearly a week counts — 土 with 日, 月 with 金, or weekdays alone in
    brackets after a date (（木）, （木・祝日）, （月から金）): 水・土・空気 stays nouns."""
    out = list(tokens)
    i = 0
    while i < len(out):
        run = [i]
        while run[-1] + 2 < len(out) and out[run[-1] + 1].surface in _LIST_MARKS and (
            out[run[-1] + 2].surface in WEEKDAYS or out[run[-1] + 2].surface in _HOLIDAY
        ):
            run.append(run[-1] + 2)
        days = {out[j].surface for j in run}
        week = len(run) > 1 and ({"土", "日"} <= days or {"月", "金"} <= days)
        if out[i].surface in WEEKDAYS and (week or _bracketed_days(out, run)):
            for j in run:
                if out[j].surface in WEEKDAYS and not _fixed(out[j]):
                    out[j] = out[j].with_reading(WEEKDAYS[out[j].surface], "rule:weekday_list")
            i = run[-1] + 1
        else:
            i += 1
    return out


def nihon(tokens: list[Token]) -> list[Token]:
    """日本 is にほん (Sudachi: にっぽん), as in 日本語 and 日本人.  A longer name
    Sudachi knows as one word keeps its own reading (日本銀行 にっぽんぎんこう),
    and the reading dictionary decides the rest (日本民家園)."""
    out = list(tokens)
    for i, t in enumerate(out):
        if t.surface == "日本" and t.reading == "にっぽん" and not _fixed(t):
            out[i] = t.with_reading("にほん", "rule:nihon")
    return out


#: nouns for people: XのNの方 is "the people of X" (かた), not a direction (ほう)
_PEOPLE_ENDINGS = ("人", "者", "民", "員", "客", "生", "児", "親", "族", "性", "国", "世帯", "地域",
                   "子ども", "こども", "子供", "市民", "住民", "家庭", "障害", "障がい", "方々")
_COMPARISON = ("多い", "少ない", "良い", "よい", "いい", "高い", "低い", "大きい", "小さい", "早い", "上", "下")


def kata_person(tokens: list[Token]) -> list[Token]:
    """方 meaning a person reads かた: 外国人の方, 支援が必要な方, 資格を有する方.
    It stays ほう for a side or a comparison (この方が良い, 駅の方へ, Aの方が多い)."""
    out = list(tokens)
    for i, t in enumerate(out):
        if t.surface != "方" or t.reading != "ほう" or _fixed(t) or i == 0:
            continue
        nxt = out[i + 1].surface if i + 1 < len(out) else ""
        after = out[i + 2].lemma if i + 2 < len(out) else ""
        if nxt == "へ" or (nxt == "が" and after in _COMPARISON):
            continue
        prev = out[i - 1]
        person = False
        if prev.surface == "の" and i >= 2:
            person = out[i - 2].surface.endswith(_PEOPLE_ENDINGS) or out[i - 2].surface == "）"
        elif prev.pos1 in ("動詞", "助動詞", "形容詞") and prev.conj_form.startswith(("連体形", "終止形")):
            person = True  # 有する方, 困っている方, 必要な方
        if person:
            out[i] = t.with_reading("かた", "rule:kata_person")
    return out


#: nouns of time before に: 研修時に行った is "did (it) at the training" (おこなう)
_TIME_NOUNS = ("時", "際", "後", "前", "中", "間", "期", "年", "月", "日", "度", "回", "末", "初め", "当日")


def okonau(tokens: list[Token]) -> list[Token]:
    """行っ(て/た) is 行う (おこなって) when something is done, 行く (いって) when
    someone goes: 研修を行って / 例年行っている / 研修時に行った are おこなう,
    学校に行って / 見に行った / 進めて行って stay いく.  Sudachi reads all 行っ いっ."""
    out = list(tokens)
    for i, t in enumerate(out):
        if t.surface != "行っ" or t.reading != "いっ" or _fixed(t) or i == 0:
            continue
        prev = out[i - 1]
        done = False
        if prev.surface in ("を", "も", "など", "では", "でも", "のみ", "だけ", "は") or (prev.surface == "で" and prev.pos1 == "助詞" and prev.pos[1] == "格助詞"):
            done = True
        elif prev.surface == "て" and i >= 2 and out[i - 2].lemma == "する":
            done = True  # 継続して行っています (a サ変 verb's て: carried out), not 進めて行って
        elif prev.pos1 == "副詞" or (prev.pos1 == "形容詞" and prev.conj_form.startswith("連用形")):
            done = True  # よく行っています, 広く行って: how a thing is done
        elif prev.surface == "に":
            # 定期的に / 一緒に (adverbial) or a time: done; a place or a purpose: going
            before = out[i - 2] if i >= 2 else None
            done = prev.pos1 == "助動詞" or (before is not None and before.surface.endswith(_TIME_NOUNS) and before.pos1 == "名詞")
        elif prev.pos1 == "名詞" and prev.pos[1] != "固有名詞":
            done = True  # 例年行っている: an adverbial noun, no destination
        if done:
            out[i] = t.with_reading("おこなっ", "rule:okonau")
    return out


_ONE_KANJI = frozenset(("公", "園", "数", "何", "国", "宿", "振り"))


def one_kanji_words(tokens: list[Token]) -> list[Token]:
    """Single kanji that Sudachi reads in their rare sense when they stand alone:
    公 before の/に (おおやけ, not こう), 園 (えん: それぞれの園で, not その),
    数 not before a counter (かず: 数えた数, not すう), 何 before が/を/も/か
    (なに: 何がある, not なん), 国 alone before a particle (くに), 宿 after a place name (しゅく: 川崎宿), 振り
    (ふり: ルビ振り; ぶり only after a span of time: 5年振り)."""
    out = list(tokens)
    for i, t in enumerate(out):
        if t.surface not in _ONE_KANJI or _fixed(t):
            continue
        nxt = out[i + 1] if i + 1 < len(out) else None
        prev = out[i - 1] if i else None
        s = t.surface
        new: str | None = None
        if s == "公" and nxt is not None and nxt.surface in ("の", "に", "な", "で", "を", "が") and t.pos1 == "名詞":
            new = "おおやけ"
        elif s == "園" and t.reading == "その":
            new = "えん"
        elif s == "数" and t.reading == "すう" and t.pos[:2] == ("名詞", "普通名詞") and not (
            nxt is not None and (nxt.is_number() or "助数詞" in "".join(nxt.pos))
        ) and not (prev is not None and prev.pos1 in ("名詞", "接尾辞", "形状詞", "接頭辞")):
            # 来館者数 / 企業数 (a suffix of the noun before it) stay すう
            new = "かず"
        elif s == "何" and t.reading == "なん" and nxt is not None and nxt.surface in ("が", "を", "も", "か", "へ", "から", "より"):
            new = "なに"
        elif s == "国" and t.reading == "こく" and nxt is not None and nxt.pos1 == "助詞" and not (
            prev is not None and prev.pos1 in ("名詞", "接尾辞", "接頭辞")
        ):
            new = "くに"  # ①国の大型プログラム (a word of its own: the state)
        elif s == "宿" and prev is not None and prev.pos[1:3] == ("固有名詞", "地名"):
            new = "しゅく"
        elif s == "振り":
            new = "ぶり" if prev is not None and (prev.surface in _TIME_NOUNS or prev.surface in ("週間", "時間", "久し", "年間")) else "ふり"
        if new is not None and new != t.reading:
            out[i] = t.with_reading(new, "rule:one_kanji_words")
    return out


def kanji_numbers(tokens: list[Token]) -> list[Token]:
    """一つ ひとつ, 一歩 いっぽ, 十回 じゅっかい: a kanji numeral and the counter
    after it become one word read with the sound change of counting."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        value = numerals.kanji_value(t.surface) if t.is_number() else None
        if value is not None and nxt is not None and not _fixed(nxt) and not _fixed(t):
            reading: str | None = None
            if nxt.surface == "つ" and value in numerals.NATIVE:
                reading = numerals.NATIVE[value]
            elif "助数詞" in "".join(nxt.pos[1:3]) and has_kanji(nxt.surface) and nxt.surface not in ("分",):
                reading = numerals.with_counter(numerals.read_value(value), nxt.reading)
            if reading is not None:
                surface = t.surface + nxt.surface
                out.append(Token(surface, reading, nxt.pos, surface, "rule:kanji_numbers"))
                i += 2
                continue
        out.append(t)
        i += 1
    return out


RULES: tuple[Rule, ...] = (whole_day_juu, counters, kanji_numbers, to_after_noun, nai_after_place, eru_after_wo,
                           weekday_list, nihon, kata_person, okonau, one_kanji_words)


#: a rule runs only when its trigger occurs in the text (most sentences have none)
_TRIGGERS: dict[Rule, re.Pattern[str]] = {
    whole_day_juu: re.compile("中"),
    # counters needs a number right before 人/日 (most 人/日 are in 外国人, 日本 …)
    counters: re.compile("[0-9０-９一二三四五六七八九十](?:人|日)"),
    # a kanji number before a counter (一つ, 一歩): not 一般, 統一 (one word to Sudachi)
    kanji_numbers: re.compile("[一二三四五六七八九十百千]+[つ歩回本杯匹分泊年人件度]"),
    to_after_noun: re.compile("等"),
    nai_after_place: re.compile("内"),
    eru_after_wo: re.compile("得"),
    weekday_list: re.compile("[月火水木金土日](?:[、・～〜~]|から)[月火水木金土日祝休]|[（(][月火水木金土日][）)・～〜~]"),
    nihon: re.compile("日本"),
    kata_person: re.compile("方"),
    okonau: re.compile("行っ"),
    # 国 and 数 as words of their own (after a marker, a symbol or kana), not in 外国 / 人数
    # (the look-behind after the character: the same test, and every
    # alternative of _ALL_TRIGGERS then starts with a character, which lets
    # the regex engine skip ahead to them)
    one_kanji_words: re.compile("[公園数何国](?<![\u4e00-\u9fff].)|[公園数何国](?![\u4e00-\u9fff])|宿|振り"),
}
#: any rule's trigger: a line with none of them skips the rules at once
_ALL_TRIGGERS = re.compile("|".join(p.pattern for p in _TRIGGERS.values()))


#: the words a rule looks at: a rule whose words are not among the tokens is
#: skipped (日本 in 日本語 or 方 in あり方 is one word to Sudachi, nothing to do)
_WORDS: dict[Rule, frozenset[str]] = {
    nihon: frozenset({"日本"}),
    kata_person: frozenset({"方"}),
    okonau: frozenset({"行っ"}),
    one_kanji_words: _ONE_KANJI,
    to_after_noun: frozenset({"等"}),
    nai_after_place: frozenset({"内"}),
    weekday_list: frozenset(WEEKDAYS),
}


#: rules that only change readings (``with_reading``), never which words there
#: are: the set of surfaces stays true after them (counters and kanji_numbers join)
_READINGS_ONLY = frozenset((whole_day_juu, to_after_noun, nai_after_place, eru_after_wo, weekday_list, nihon,
                            kata_person, okonau, one_kanji_words))


def _trigger_test(pattern: re.Pattern[str]) -> Callable[[str], object]:
    """The pattern's search, or ``in`` for a plain word (日本, 方, 等: several times faster)."""
    word = pattern.pattern
    if re.escape(word) == word:
        return lambda text: word in text
    return pattern.search


#: (rule, its words or None, its trigger's test, whether it only changes readings), in order
_PLAN = tuple((rule, _WORDS.get(rule), _trigger_test(_TRIGGERS[rule]), rule in _READINGS_ONLY) for rule in RULES)


def apply(tokens: list[Token], text: str | None = None) -> list[Token]:
    """All rules whose trigger occurs; ``text`` is the tokens' surfaces joined
    (passed by the reader, which has it already)."""
    if text is None:
        text = "".join(t.surface for t in tokens)
    if _ALL_TRIGGERS.search(text) is None:  # most lines: nothing to check
        return tokens
    surfaces: set[str] | None = None
    for rule, words, trigger, readings_only in _PLAN:
        if words is not None:  # the cheaper test first (a set of a line's words)
            if surfaces is None:
                surfaces = {t.surface for t in tokens}
            if surfaces.isdisjoint(words):
                continue
        if not trigger(text):
            continue
        tokens = rule(tokens)
        if not readings_only:
            surfaces = None  # the rule may have joined tokens
    return tokens
