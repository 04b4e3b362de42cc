"""Enumerations become lists (one item a line, ``- `` prefix)."""

from __future__ import annotations

import re

from ...text import CIRCLED as _CIRCLED
from ...text import LIST_PREFIX
from ..tokens import Token
from .connectives import _text
from .restructure import _CLOSE, _OPEN, _lead, _noun_phrase

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
    lines = [LIST_PREFIX + i for i in items]
    return (intro + "\n\n" if intro else "") + "\n".join(lines)


def _not_a_noun_item(item: str) -> bool:
    """'ブランディング戦略を企画', '実施するこ': a clause, not a listed thing."""
    # の/と inside: a nested phrase (姉妹・友好都市との代表団・研修訪問団等の派遣・受入), or a
    # modifier that covers every item (日本の文化・歴史・伝統)
    return any(p in item for p in ("を", "が", "は", "の", "と")) or "\u3041" <= item[-1] <= "\u309f"


#: the head nouns of an event or programme: after the last of A・B・C it covers them all
_EVENT_HEADS = ("講座", "教室", "事業", "研修", "会議", "講演会", "セミナー", "プログラム", "教育", "学習", "計画")


def _shared_head(items: list[str]) -> bool:
    """「平和・人権・男女平等推進学習講座」 is one course on three topics: the last
    item's head (講座) covers the others, which do not have it.  As a list it
    said 「平和」, 「人権」 were things on their own (issue 11 audit 2)."""
    head = next((h for h in _EVENT_HEADS if items[-1].endswith(h) and len(items[-1]) > len(h)), None)
    return head is not None and not any(i.endswith(head) for i in items[:-1])


def nakaguro_to_list(sentence: str) -> tuple[str, list[str]]:
    """'A・B・C等を実施します' → ('つぎの ものなどを実施します', [A, B, C]).

    Only for three or more short items followed by a particle, so names like
    キングスカイフロント・HiCity stay inline (two items).
    """
    m = _NAKAGURO_LIST.search(sentence)
    if m is None:
        return sentence, []
    items = m.group(1).split("・")
    if len(items) < 3 or any(len(i) < 2 or _not_a_noun_item(i) for i in items) or _shared_head(items):
        return sentence, []
    label = "つぎのもの" + ("など" if m.group(2) else "") + m.group(3)
    return sentence[: m.start()] + label + sentence[m.end() :], items


_ITEM_POS = ("名詞", "接頭辞", "接尾辞", "代名詞")
#: particles that close a list (not と: 「A、B、Cと」 may be a quotation or "and D")
_AFTER_LIST = ("を", "が", "に", "で", "は", "も", "へ")
_DATE_END = ("日", "月", "年", "年度", "）", ")")


def _top_level(tokens: list) -> list[int]:
    """Per token: the bracket depth before it (0: outside 「…」（…）【…】).
    Not tokens.outside_brackets: the lists also count 【】 and need the index."""
    depth, out = 0, []
    for t in tokens:
        out.append(depth)
        depth = max(0, depth + (t.surface in _OPEN) - (t.surface in _CLOSE))
    return out


def _pure_item(tokens: list) -> bool:
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


def _item_start(tokens: list, end: int) -> int:
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


def _with_modifier(tokens: list, a: int) -> int:
    """The first item's start taken back over its の-modifiers (多言語音声ガイドの広報)."""
    while a > 1 and tokens[a - 1].surface == "の" and tokens[a - 1].pos1 == "助詞":
        b = _item_start(tokens, a - 1)
        if b == a - 1:
            break
        a = b
    return a


_TOPIC = ("は", "が", "も")


_FORMAL_NOUNS = ("ため", "ほか", "こと", "よう", "もの", "ところ", "結果", "際", "場合")


def _loose_item(tokens: list) -> bool:
    """A middle item that is a noun phrase with a modifier clause
    (ツイッターをつかった英語での発信): a plain noun phrase after a の or a
    verb's 連体形, with no subject or topic of its own (else it is a clause,
    not a thing) and not ending in a formal noun (…するため, …するほか)."""
    if not tokens or len(_text(tokens)) > 40:
        return False
    h = _item_start(tokens, len(tokens))
    head, pre = tokens[h:], tokens[:h]
    if not head or not pre or not _pure_item(head) or head[-1].surface in _FORMAL_NOUNS:
        return False
    last = pre[-1]
    if not ((last.surface == "の" and last.pos1 == "助詞") or (
        last.pos1 in ("動詞", "助動詞") and last.conj_form.startswith("連体形")
    )):
        return False
    depth = 0
    for t in pre:
        if t.surface in _OPEN:
            depth += 1
        elif t.surface in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and (t.surface in ("、", "。") or (t.pos1 == "助詞" and t.surface in _TOPIC)):
            return False
    return depth == 0


def _item_before(tokens: list, c: int) -> bool:
    """Is the phrase before the 、 at ``c`` a list item (not 〜ため、 nor a date)?"""
    prev = tokens[_item_start(tokens, c) : c]
    text = _text(prev)
    return _pure_item(prev) and prev[-1].pos[2:3] != ("副詞可能",) and not (
        any(ch.isdigit() for ch in text) and text.endswith(_DATE_END)
    )


def _niyori(tokens: list, a: int) -> bool:
    """A list right after 〜により (連携により相談業務、情報提供、…): に + the verb より
    is a compound particle, the items its object's start."""
    return a > 1 and tokens[a - 1].lemma == "よる" and tokens[a - 2].surface == "に"


def comma_list_to_list(tokens: list) -> tuple[list, list[str]]:
    """'…で、A、B、CなどをDしました' → ('…で、つぎのものなどをDしました', [A, B, C]).

    Three or more noun-phrase items joined by 、 and closed by a particle
    (を が に で は も と へ), as the ・ rule does for short items.  The first
    item stops at the particle or 、 before it; if a の would take the first
    item's modifier (市内の学校、公民館…: whose 市内?) the sentence stays.
    """

    n = len(tokens)
    depth_at = _top_level(tokens)
    commas = [i for i, t in enumerate(tokens) if t.surface in ("、", "。") and depth_at[i] == 0]
    for c0 in (i for i in commas if tokens[i].surface == "、"):
        # the first item: back from the 、 to a particle, 、 or the start
        a = _item_start(tokens, c0)
        parallel = False  # the first item took its own の-modifier (Aの広報、Bの配布、…)
        if a > 0 and tokens[a - 1].surface == "の" and a < c0:
            a, parallel = _with_modifier(tokens, a), True
        if a == c0 or (a > 0 and (tokens[a - 1].surface == "の" or tokens[a - 1].pos1 not in ("助詞", "補助記号"))
                       and not _niyori(tokens, a)):
            continue  # its modifier (市内の学校、…) or a clause (…するため、) may cover every item
        if a > 1 and tokens[a - 1].surface == "、" and _item_before(tokens, a - 1):
            continue  # the list began one item earlier (連携により相談業務、…) and was refused there
        first = _text(tokens[a:c0])
        if tokens[c0 - 1].pos[2:3] == ("副詞可能",) or (any(ch.isdigit() for ch in first) and first.endswith(_DATE_END)):
            continue  # 〜ため、 / 2021年（令和3年）、: not an item
        bounds = [(a, c0)]
        j = c0 + 1
        while True:
            nxt = next((c for c in commas if c >= j), n)
            if nxt < n and tokens[nxt].surface == "、" and _loose_item(tokens[j:nxt]):
                bounds.append((j, nxt))  # a middle item with its own modifier (…をつかった英語での発信、)
                j = nxt + 1
                continue
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
        has_no = [any(t.surface == "の" and depth_at[x] == 0 for x, t in enumerate(tokens[y:z], y)) for y, z in bounds]
        if parallel and not all(has_no[1:]):
            continue  # 市内の学校、公民館、図書館: whose 市内? only parallel items show it is the first's own
        end = bounds[-1][1]
        nado = end < n and tokens[end].surface == "など"
        after = end + 1 if nado else end
        # 「A、B、CなどのN」: など closes the list, so の may follow (not after a bare C:
        # 「A、B、Cの6か国語」 — the の may cover C alone or every item)
        closers = (*_AFTER_LIST, "の") if nado else _AFTER_LIST
        if after >= n or tokens[after].surface not in closers or tokens[after].pos1 != "助詞":
            continue
        if tokens[after].source == "rule:phrase" or (
            tokens[after].surface == "に" and after + 1 < n and tokens[after + 1].pos1 == "動詞"
        ):
            continue  # a particle a rewrite made (〜をよくする), or による/に対する: the list may go on
        if after + 1 < n and tokens[after + 1].surface == "の":
            continue  # 「A、B、国内での研修」: the last item goes on
        if has_no[-1] and not any(has_no[:-1]):
            continue  # 「英語、…、タガログ語の6か国語のリーフレット」: the の covers the list
        items = [_text(tokens[x:y]) for x, y in bounds]
        if any(len(i) < 2 or len(i) > 40 for i in items):
            continue
        label = "つぎのもの" + ("など" if nado else "")
        pos = ("名詞", "普通名詞", "一般", "*", "*", "*")
        return [*tokens[:a], Token(label, label, pos, label, "rule:list"), *tokens[after:]], items
    return tokens, []


#: a particle before the first item that belongs to the main clause (ホームページで外国人向けの…や、)
_CASE = ("は", "が", "を", "に", "で", "へ", "も", "から", "と")
#: what may follow a や、 list: its object marker, or など + を / により / の
_YA_CLOSE = ("を",)
_YA_AFTER_NADO = ("を", "の", "に", "で")


def _modifies(rest: list) -> bool:
    """The words after the list's particle hold a modifier clause (…の完成を|契機とした
    …協定締結、…): the を was inside that clause, so the list is not the object
    of the main verb; or a 、 (the sentence goes on)."""
    for k, t in enumerate(rest[:-1]):
        nxt = rest[k + 1]
        if t.surface == "、" or (t.pos1 in ("動詞", "助動詞") and t.conj_form.startswith("連体形") and t.lemma != "だ"
                                 and nxt.pos1 in ("名詞", "接頭辞")):
            return True
    return False


def ya_list_to_list(tokens: list) -> tuple[list, list[str]]:
    """'AのXや、BのYなどを…' → ('つぎのものなどを…', [AのX, BのY]): two or more long
    noun phrases joined by や、 (the 、 marks items too long to read as one
    phrase; issue 11: 外国人転入者に対する外国語版冊子の配布や、外国人向け資料
    コーナーの設置などにより…).  Each item is a noun phrase with its own
    modifiers (no topic, no 、 inside), the first starts at the sentence's
    start, a 、 or a case particle of the main clause, and the list is closed by
    を or by など + を/の/に/で."""

    depth = _top_level(tokens)
    n = len(tokens)
    seps = [k for k in range(n - 1) if not depth[k] and tokens[k].surface == "や" and tokens[k + 1].surface == "、"]
    if not seps:
        return tokens, []
    k0 = seps[0]
    lo = _lead(tokens)[1]
    a = max((c + 1 for c in range(lo, k0) if not depth[c] and tokens[c].surface == "、"), default=lo)
    if a > lo and (tokens[a - 2].pos1 in ("名詞", "接尾辞", "代名詞") or tokens[a - 2].surface in _CLOSE):
        return tokens, []  # 「A、B、Cと協力した…や、」: the 、 before is a list of its own
    if not _noun_phrase(tokens[a:k0]):
        # the first item starts after a place or topic of the main clause (ホームページで|…):
        # a bare noun and its particle, nothing the first item's modifiers could hold
        c = next((c for c in range(a, k0) if tokens[c].pos1 != "名詞"), k0)
        if c >= k0 or tokens[c].surface not in _CASE or tokens[c].pos1 != "助詞" or not _noun_phrase(tokens[c + 1 : k0]):
            return tokens, []
        a = c + 1
    # the list's end: the first を (or など + particle) after the last や、 with no
    # modifier clause after it (a を inside one, 国際理解をすすめるイベント, is not it)
    end = next((c for c in range(seps[-1] + 2, n - 1) if not depth[c] and tokens[c].pos1 == "助詞" and (
        tokens[c].surface in _YA_CLOSE or (tokens[c].surface in _YA_AFTER_NADO and tokens[c - 1].surface == "など"))
        and not _modifies(tokens[c + 1 :])), None)
    if end is None or tokens[end].source.startswith("rule"):
        return tokens, []  # a を a rewrite made (生活ガイドの作成を行う → 生活ガイドをつくる): its verb is the last item's
    nado = tokens[end - 1].surface == "など"
    after, end = end, end - 1 if nado else end
    cuts = [k for k in seps if k < end]
    bounds = [(a, cuts[0]), *[(x + 2, y) for x, y in zip(cuts, [*cuts[1:], end], strict=True)]]
    if not all(_noun_phrase(tokens[x:y]) and not any(tokens[c].surface == "、" and not depth[c] for c in range(x, y))
               for x, y in bounds):
        return tokens, []
    items = [_text(tokens[x:y]) for x, y in bounds]
    if any(len(i) < 6 or len(i) > 45 for i in items):
        return tokens, []
    label = "つぎのもの" + ("など" if nado else "")
    pos = ("名詞", "普通名詞", "一般", "*", "*", "*")
    return [*tokens[:a], Token(label, label, pos, label, "rule:list"), *tokens[after:]], items


def nado_comma_list(tokens: list) -> tuple[list, list[str]]:
    """'…、A、Bなど、Nを…' → ('…、つぎのものなど、Nを…', [A, B]): examples of N
    listed before it (しかし、川崎港利用者へのフォローアップ、未利用者に対する誘致活動
    など、川崎港利用の拡大のためのとりくみをすすめました).  Two or more noun phrases
    of six or more characters joined by 、 (or や、), closed by など、; the list
    starts at the sentence's start (after a mark or connective) or after a 、
    that ends a clause (a verb or particle before it, not a noun or や: that 、
    would be one more item's)."""

    depth = _top_level(tokens)
    n = len(tokens)
    end = next((c for c in range(n - 1) if not depth[c] and tokens[c].surface == "など" and tokens[c + 1].surface == "、"), None)
    if end is None:
        return tokens, []
    lead, head = _lead(tokens)
    commas = [c for c in range(head, end) if not depth[c] and tokens[c].surface == "、"]
    bounds: list[tuple[int, int]] = []
    y = end
    for c in [*reversed(commas), head - 1]:
        x = c + 1
        item = tokens[x : y - 1] if tokens[y - 1].surface == "や" else tokens[x:y]
        if not _noun_phrase(item) or item[-1].surface in _FORMAL_NOUNS or item[-1].pos[2:3] == ("副詞可能",):
            break
        bounds.insert(0, (x, x + len(item)))
        y = c
    if len(bounds) < 2:
        return tokens, []
    a = bounds[0][0]
    if a > head and (tokens[a - 2].pos1 in ("名詞", "接尾辞", "代名詞") or tokens[a - 2].surface in (*_CLOSE, "や", "と")):
        return tokens, []  # the 、 before the first item follows a noun: the list may begin earlier
    items = [_text(tokens[x:y]) for x, y in bounds]
    if any(len(i) < 6 or len(i) > 45 for i in items):
        return tokens, []
    label = "つぎのものなど"
    pos = ("名詞", "普通名詞", "一般", "*", "*", "*")
    return [*tokens[:a], Token(label, label, pos, label, "rule:list"), *tokens[end + 1 :]], items
