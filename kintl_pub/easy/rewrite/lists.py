"""Enumerations become lists (one item a line, ``- `` prefix)."""

from __future__ import annotations

import re

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_CIRCLED_SPLIT = re.compile(f"(?=[{_CIRCLED}])")
_NAKAGURO_LIST = re.compile(
    r"(?:^|(?<=[、「（(]))((?:[^、。・「」（）()\s]{1,12}・){2,}[^、。・「」（）()\s]{1,12}?)(等|など)?(の|を|に|が|と|で|は|へ)"
)


def circled_to_list(text: str) -> str:
    """'…は①A②B③C' (two or more ①②…) → intro line + one list item each."""
    if sum(text.count(c) for c in _CIRCLED) < 2:
        return text
    parts = [p.strip() for p in _CIRCLED_SPLIT.split(text) if p.strip()]
    intro = parts[0] if parts[0][0] not in _CIRCLED else ""
    items = [p for p in parts if p[0] in _CIRCLED]
    if any(len(i.strip("、, ")) < 5 for i in items):
        return text  # "②、③…" is a reference to items, not an enumeration
    lines = [f"- {i}" for i in items]
    return (intro + "\n\n" if intro else "") + "\n".join(lines)


def _not_a_noun_item(item: str) -> bool:
    """'ブランディング戦略を企画', '実施するこ': a clause, not a listed thing."""
    return any(p in item for p in ("を", "が", "は")) or "\u3041" <= item[-1] <= "\u309f"


def nakaguro_to_list(sentence: str) -> tuple[str, list[str]]:
    """'A・B・C等を実施します' → ('つぎの ものなどを実施します', [A, B, C]).

    Only for three or more short items followed by a particle, so names like
    キングスカイフロント・HiCity stay inline (two items).
    """
    m = _NAKAGURO_LIST.search(sentence)
    if m is None:
        return sentence, []
    items = m.group(1).split("・")
    if len(items) < 3 or any(len(i) < 2 or _not_a_noun_item(i) for i in items):
        return sentence, []
    label = "つぎのもの" + ("など" if m.group(2) else "") + m.group(3)
    return sentence[: m.start()] + label + sentence[m.end() :], items


_OPEN, _CLOSE = "「『（(【", "」』）)】"
_ITEM_POS = ("名詞", "接頭辞", "接尾辞", "代名詞")
#: particles that close a list (not と: 「A、B、Cと」 may be a quotation or "and D")
_AFTER_LIST = ("を", "が", "に", "で", "は", "も", "へ")
_DATE_END = ("日", "月", "年", "年度", "）", ")")


def _pure_item(tokens: list) -> bool:  # type: ignore[type-arg]
    """A noun phrase item: nouns, の, ・ and anything inside brackets."""
    depth = 0
    for t in tokens:
        s = t.surface
        if s in _OPEN:
            depth += 1
        elif s in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and not (t.pos1 in _ITEM_POS or s in ("の", "・", "ー") or t.is_number()):
            return False
    return depth == 0 and bool(tokens) and (tokens[-1].pos1 in _ITEM_POS or tokens[-1].surface in _CLOSE)


def _item_start(tokens: list, end: int) -> int:  # type: ignore[type-arg]
    """Where the noun phrase ending before ``end`` starts (a bracketed part is
    taken whole)."""
    a = end
    while a > 0:
        t = tokens[a - 1]
        if t.surface in _CLOSE:
            depth, k = 0, a - 1
            while k >= 0:
                depth += (tokens[k].surface in _CLOSE) - (tokens[k].surface in _OPEN)
                if depth == 0:
                    break
                k -= 1
            if k < 0:
                return a
            a = k
        elif t.pos1 in _ITEM_POS or t.surface in ("・", "ー") or t.is_number():
            a -= 1
        else:
            break  # a particle, 、 or の (its modifier may cover every item)
    return a


def comma_list_to_list(tokens: list) -> tuple[list, list[str]]:  # type: ignore[type-arg]
    """'…で、A、B、CなどをDしました' → ('…で、つぎのものなどをDしました', [A, B, C]).

    Three or more noun-phrase items joined by 、 and closed by a particle
    (を が に で は も と へ), as the ・ rule does for short items.  The first
    item stops at the particle or 、 before it; if a の would take the first
    item's modifier (市内の学校、公民館…: whose 市内?) the sentence stays.
    """
    from ..tokens import Token

    n = len(tokens)
    depth_at: list[int] = []
    depth = 0
    for t in tokens:
        depth_at.append(depth)
        depth = max(0, depth + (t.surface in _OPEN) - (t.surface in _CLOSE))
    for c0 in (i for i, t in enumerate(tokens) if t.surface == "、" and depth_at[i] == 0):
        # the first item: back from the 、 to a particle, 、 or the start
        a = _item_start(tokens, c0)
        if a == c0 or (a > 0 and (tokens[a - 1].surface == "の" or tokens[a - 1].pos1 not in ("助詞", "補助記号"))):
            continue  # its modifier (市内の学校、…) or a clause (…するため、) may cover every item
        first = "".join(t.surface for t in tokens[a:c0])
        if tokens[c0 - 1].pos[2:3] == ("副詞可能",) or (any(ch.isdigit() for ch in first) and first.endswith(_DATE_END)):
            continue  # 〜ため、 / 2021年（令和3年）、: not an item
        bounds = [(a, c0)]
        j = c0 + 1
        while True:
            k = j
            while k < n and (depth_at[k] or tokens[k].surface not in ("、", "。", "など", *_AFTER_LIST, *_CLOSE)):
                k += 1
            if k >= n or depth_at[k] or not _pure_item(tokens[j:k]):
                break
            bounds.append((j, k))
            if tokens[k].surface != "、":
                break
            j = k + 1
        if len(bounds) < 3:
            continue
        end = bounds[-1][1]
        nado = end < n and tokens[end].surface == "など"
        after = end + 1 if nado else end
        if after >= n or tokens[after].surface not in _AFTER_LIST or tokens[after].pos1 != "助詞":
            continue
        if after + 1 < n and tokens[after + 1].surface == "の":
            continue  # 「A、B、国内での研修」: the last item goes on
        last = bounds[-1]
        if any(t.surface == "の" and depth_at[x] == 0 for x, t in enumerate(tokens[last[0] : last[1]], last[0])):
            continue  # 「英語、…、タガログ語の6か国語のリーフレット」: the の covers the list
        items = ["".join(t.surface for t in tokens[x:y]) for x, y in bounds]
        if any(len(i) < 2 or len(i) > 40 for i in items):
            continue
        label = "つぎのもの" + ("など" if nado else "")
        pos = ("名詞", "普通名詞", "一般", "*", "*", "*")
        return [*tokens[:a], Token(label, label, pos, label, "rule:list"), *tokens[after:]], items
    return tokens, []
