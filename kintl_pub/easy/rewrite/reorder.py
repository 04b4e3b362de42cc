"""Token passes before the clause cuts (issue 11 round 3): words moved to the
clause they belong to, so that a cut (:func:`.sentences.split_clauses`) keeps
them there, and a list in brackets taken out of its sentence.

- an object before a so-that clause's own subject goes to the main clause
  (:func:`object_after_so_that`);
- a noun cause said first goes before the topic (:func:`cause_before_topic`);
- a list in brackets mid-sentence becomes a note 「Xは、A、B、Cです。」
  (:func:`list_in_brackets`).
"""

from __future__ import annotations

from ..tokens import Token
from .connectives import _CAUSE_NOUNS, SPLIT_MIN, _has_topic, _so_that, _text, connector
from .lists import _pure_item
from .restructure import _np_start


def _case(t: Token, particle: str) -> bool:
    return t.surface == particle and t.pos1 == "助詞"


def object_after_so_that(tokens: list[Token]) -> list[Token]:
    """「Xを Yが Vないように、REST」 → 「Yが Vないように、Xを REST」: an object
    written before the so-that clause's own subject is the main clause's (川崎
    国際環境技術展を新型コロナが広がらないように、オンラインでひらきました: the fair
    is what was held, not what should not spread).  A clause's subject comes
    before its object, so a を ahead of the が is outside the clause; without
    the move the cut (:func:`.connectives._so_that`) said 「技術展を新型コロナが
    広がらないようにしたいです。」 (issue 11 round 3).  Only when X is a bare noun
    phrase and the main clause has no を of its own (日本語を外国人が学べるよう、
    教室をひらく: two を for one verb, so X is the clause's, scrambled)."""
    depth = 0
    start = 0
    for i, t in enumerate(tokens):
        depth += (t.surface in "「（(『【") - (t.surface in "」）)』】" and depth > 0)
        if t.surface != "、" or depth:
            continue
        if _so_that(tokens, i) is None:
            start = i + 1
            continue
        clause = tokens[start:i]
        o = next((k for k, c in enumerate(clause) if _case(c, "を")), None)
        g = next((k for k, c in enumerate(clause) if _case(c, "が")), None)
        if o is None or g is None or o > g or o == 0:
            return tokens
        if any(c.pos1 in ("動詞", "助動詞", "形容詞") or _case(c, "は") for c in clause[:o]):
            return tokens  # X must be a noun phrase: a clause there may be the so-that clause's own
        if clause[g - 1].surface == "こと" or any(c.pos1 == "動詞" for c in clause[o + 1 : g]):
            # 連携をして…変更することができるよう: X has its verb before the が (して), and
            # ことができる's が is no subject; moved, 「…ようにしたいです。そのために、
            # 連携を調整します」 began with a bare して (issue 11 audit 2)
            return tokens
        rest_end = next((k for k in range(i + 1, len(tokens)) if tokens[k].surface in ("、", "。")), len(tokens))
        if any(_case(c, "を") for c in tokens[i + 1 : rest_end]):
            return tokens
        obj = clause[: o + 1]
        return [*tokens[:start], *clause[o + 1 :], tokens[i], *obj, *tokens[i + 1 :]]
    return tokens


def _head_start(tokens: list[Token]) -> int:
    """Where a sentence's own words start: after a list mark (・, ①) and a
    connective or adverb with its 、 (また、, つづけて、), which stay first."""
    k = 0
    while k < len(tokens) and (tokens[k].surface in "・●○◎■□◆◇▪" or "\u2460" <= tokens[k].surface[:1] <= "\u2473"):
        k += 1
    while k + 1 < len(tokens) and tokens[k].pos1 in ("接続詞", "副詞") and tokens[k + 1].surface == "、":
        k += 2
    return k


def cause_before_topic(tokens: list[Token]) -> list[Token]:
    """「Xは、Nの影響により、REST」 → 「Nの影響により、Xは、REST」: a cause said as
    its own sentence (「Nの影響です。そのため、…」, :func:`.connectives._cause`)
    takes everything before it along, and a topic there made 「マラソン…駅伝in川崎
    は、新型コロナの影響です。」 (the race *is* the effect; issue 11 round 3).  The
    topic belongs to the main clause, so the cause goes first.  Only for a
    noun cause (Nの影響/拡大) right after the topic (今年度は|新型コロナの影響)."""
    if len(_text(tokens)) <= SPLIT_MIN:
        return tokens  # not cut (:func:`split_clauses`): the order stays
    depth = 0
    start = _head_start(tokens)
    for i, t in enumerate(tokens):
        depth += (t.surface in "「（(『【") - (t.surface in "」）)』】" and depth > 0)
        if t.surface != "、" or depth or i <= start:
            continue
        found = connector(tokens, i)
        if found is None:
            continue
        end, connective = found
        if connective == "そのため、" and tokens[end - 1].surface.endswith(_CAUSE_NOUNS):
            np0 = _np_start(tokens, end)
            topic = tokens[start:np0]
            if topic and topic[-1].surface in ("、", "は") and _has_topic(topic):
                return [*tokens[:start], *tokens[np0 : i + 1], *tokens[start:np0], *tokens[i + 1 :]]
        start = i + 1
    return tokens


_DATE_UNITS = ("年", "年度", "月", "日")


def list_in_brackets(tokens: list[Token]) -> tuple[list[Token], list[tuple[str, Token]]]:
    """「…5言語(中国語、韓国語、…、タガログ語)の電話に対応しました」 → the sentence
    without the bracket, and the note 「5言語は、中国語、韓国語、…タガログ語です。」
    said next to it (:func:`.restructure.place_notes`): a list in brackets in the
    middle of a sentence only says what the noun before it is made of, and
    lengthened the sentence by its whole length (issue 11 round 3: 83–101
    characters).  Only two or more plain noun items without figures (3日間・372名
    参加 is a record, not a list of what X is), after a noun, not at the end
    (a closing note follows its sentence: :func:`.restructure.note_after`)."""
    depth = 0
    for i, t in enumerate(tokens):
        if t.surface in ("(", "（") and depth == 0 and i > 0 and tokens[i - 1].pos1 in ("名詞", "接尾辞"):
            j, d = i, 0
            while j < len(tokens):
                d += (tokens[j].surface in "(（「『") - (tokens[j].surface in ")）」』")
                if d == 0:
                    break
                j += 1
            inner = tokens[i + 1 : j]
            after = tokens[j + 1] if j + 1 < len(tokens) else None
            if after is not None and after.pos1 != "補助記号":
                found = _bracket_note(tokens, i, inner)
                if found is not None:
                    note, anchor = found
                    rest, notes = list_in_brackets(tokens[j + 1 :])
                    return [*tokens[:i], *rest], [(note, anchor), *notes]
        depth += (t.surface in "(（「『") - (t.surface in ")）」』" and depth > 0)
    return tokens, []


def _bracket_note(tokens: list[Token], i: int, inner: list[Token]) -> tuple[str, Token] | None:
    """(「Xは、A、B、Cです。」, X's first token) for the list ``inner`` in the
    bracket at ``i``; X the noun compound before it (after a date: 12月
    インドネシア自治体 → インドネシア自治体)."""
    items: list[list[Token]] = [[]]
    for t in inner:
        if t.surface in ("、", "・"):
            items.append([])
        elif t.surface != "など" or t is not inner[-1]:
            items[-1].append(t)
    if len(items) < 2 or len(_text(inner)) < 12 or any(
        not _pure_item(item) or any(t.is_number() for t in item) for item in items
    ):
        return None
    x = i
    while x > 0 and (tokens[x - 1].pos1 in ("名詞", "接頭辞", "接尾辞") or tokens[x - 1].surface == "・"):
        x -= 1
    for k in range(i - 1, x, -1):
        if tokens[k].surface in _DATE_UNITS and tokens[k - 1].is_number():
            x = k + 1  # 12月|インドネシア自治体: the date is no part of the name
            break
    if x == i:
        return None
    return f"{_text(tokens[x:i])}は、{_text(inner)}です。", tokens[x]
