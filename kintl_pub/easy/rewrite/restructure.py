"""Sentence restructuring around the clause cuts (issue 11): phrases with no
predicate of their own, which no connective rule can cut after, said as short
sentences of their own, every word kept.

- a purpose or target group at the head: 開発途上地域での課題解決のために、… →
  目的は、開発途上地域での課題解決です。そのために、… (:func:`purpose_first`,
  :func:`goal_first`: 〜を目的に、 / 〜を対象に、 → 対象は、…です。);
- a modifier clause on the head's topic: 7月に開催を予定していたフェスティバルは、… →
  フェスティバルは、7月に開催を予定していました。… (:func:`topic_clause_first`);
- what a name is: 交流施設であるふれあい館で、… → ふれあい館は、交流施設です。
  ふれあい館で、… (:func:`appositive`, placed by :func:`place_notes`);
- 〜するとともに without its 、 gets one (:func:`tomoni_comma`), and a long
  closing note follows its sentence (:func:`note_after`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..tokens import Token
from .connectives import _NON_VOLITIONAL, _has_topic, _text

#: the head of the sentence that stays in front (① , ・, a bullet)
_LEAD_MARKS = frozenset("・●○◎■□◆◇▪-－")
#: tokens that may stand between the nouns of a noun phrase
_NP_PARTICLES = ("の", "や", "と", "を", "に", "で", "へ", "から", "まで", "との", "への", "での")
_AND = ("と", "や", "および", "及び", "並びに", "ならびに", "または", "又は")
#: nouns before のために that give a cause, not a purpose (影響のために = "because of")
_CAUSE_HEADS = ("影響", "拡大", "感染", "流行", "災害", "台風", "事故", "コロナ")
#: the last word of a compound act noun (課題解決 is one word, 普通名詞-一般)
_ACTS = ("解決", "実現", "推進", "向上", "充実", "整備", "確保", "達成", "開始", "実施", "促進", "強化", "形成",
         "構築", "育成", "交流", "連携", "発信", "共有", "改善", "活性化", "創出", "支援")
_CONNECTIVE_POS = ("接続詞", "*", "*", "*", "*", "*")


def _lead(tokens: list[Token]) -> tuple[int, int]:
    """(end of a leading list mark or circled number (①, ・), which stays first;
    end of an adverb with its 、 after it (つづけて、), which goes with the rest:
    it tells how the main verb is done, not the purpose)."""
    k = 0
    while k < len(tokens) and (tokens[k].surface in _LEAD_MARKS or "\u2460" <= tokens[k].surface[:1] <= "\u2473"):
        k += 1
    if k + 1 < len(tokens) and tokens[k].pos1 in ("副詞", "接続詞") and tokens[k + 1].surface == "、" and (
        tokens[k].surface not in _JOINING
    ):
        return k, k + 2
    return k, k


#: connectives that tie the sentence to the one before: they stay first
_JOINING = ("また", "さらに", "なお", "一方", "しかし", "そのため", "そのために", "それで")


def _noun_phrase(tokens: list[Token]) -> bool:
    """A noun phrase, modifiers and all (人権教育を土台とした多文化共生教育の充実,
    高齢者、障害者、外国人などの居住の安定): nouns joined by の/や/と, 連体形
    clauses, 、 only between nouns (a list); no topic or subject of its own
    (は/が/も) and no verb in 連用形 (〜により, 〜を通じ: a means of the main clause)."""
    if len(_text(tokens)) < 4:
        return False
    depth = 0
    for n, t in enumerate(tokens):
        s = t.surface
        if s in "「『（(【":
            depth += 1
            continue
        if s in "」』）)】":
            depth = max(0, depth - 1)
            continue
        if depth:
            continue
        if t.pos1 in ("名詞", "接頭辞", "接尾辞", "代名詞", "連体詞", "形状詞") or s in ("・", "ー", "など", "な"):
            continue
        if (t.pos1 == "助詞" and s in _NP_PARTICLES) or (t.pos1 == "接続詞" and s in _AND):
            continue
        if s == "、" and n > 0 and tokens[n - 1].pos1 in ("名詞", "接尾辞"):
            continue  # a list: 高齢者、障害者、…
        nxt = tokens[n + 1] if n + 1 < len(tokens) else None
        after = tokens[n + 2] if n + 2 < len(tokens) else None
        if (t.pos1 == "動詞" and nxt is not None and nxt.surface == "て" and after is not None and after.surface == "の") or (
            s == "て" and nxt is not None and nxt.surface == "の"
        ):
            continue  # 〜についての: a compound particle before a noun
        if t.pos1 in ("動詞", "助動詞", "形容詞") and nxt is not None and (
            t.conj_form.startswith("連体形")
            or (nxt.pos1 == "助動詞" and nxt.lemma == "た")  # 土台とし|た
            or (t.conj_form.startswith("終止形") and nxt.pos1 in ("名詞", "接頭辞"))  # 新しい|プロジェクト
        ):
            continue  # a modifier clause: 〜を土台とした, 〜にある
        return False
    return depth == 0 and (tokens[-1].pos1 in ("名詞", "接尾辞", "代名詞") or tokens[-1].surface in "」』）)")


def _connective(text: str) -> Token:
    return Token(text, text, _CONNECTIVE_POS, text, "rule")


def _first_comma(tokens: list[Token], start: int) -> int | None:
    """The sentence's first 、 from ``start``: only the first clause is moved
    to the front (purpose_first, goal_first)."""
    return next((i for i in range(start, len(tokens)) if tokens[i].surface == "、"), None)


def _purpose_end(tokens: list[Token], start: int) -> tuple[int, int] | None:
    """(start of のために, index of the 、) closing 〜(の)Nのために、 (Sudachi:
    の ため に, or the glossary's one token のために), with N an act (サ変: 解決,
    実現, 充実, 安定)."""
    i = _first_comma(tokens, start)
    if i is not None and i >= 2 and tokens[i - 1].surface == "のために":
        k = i - 1
    elif i is not None and i >= 4 and _text(tokens[i - 3 : i]) == "のために" and tokens[i - 3].surface == "の":
        k = i - 3
    else:
        return None
    noun = tokens[k - 1]
    act = noun.pos[:3] in (("名詞", "普通名詞", "サ変可能"), ("名詞", "普通名詞", "サ変形状詞可能"))
    if not (act or noun.surface.endswith(_ACTS)) or noun.lemma in _NON_VOLITIONAL or noun.surface.endswith(_CAUSE_HEADS):
        return None
    return k, i


def purpose_first(tokens: list[Token]) -> tuple[list[str], list[Token]]:
    """「XのNのために、REST」 → 「目的は、XのNです。」 + 「そのために、REST」.

    Only at the head of a sentence and for a noun phrase X (no topic, no
    means: 〜との連携により課題解決のために、 keeps its means with the main
    clause), not for a cause (影響のために), and not when the rest has a topic
    of its own (…のために、本事業の必要性は増大しています: a state, not an act done
    for the purpose).  The wish form 〜したいです
    (:func:`.phrases.aim_purpose`) needs a verb for N; this works for any act."""
    lead, start = _lead(tokens)
    found = _purpose_end(tokens, start)
    if found is None:
        return [], tokens
    k, i = found
    phrase = tokens[start:k]
    rest = _adverb(tokens, lead, start) + tokens[i + 1 :]
    if not _noun_phrase(phrase) or len(_text(rest)) < 10 or _has_topic(rest):
        return [], tokens
    head = _text(tokens[:lead]) + "目的は、" + _text(phrase) + "です。"
    return [head], [_connective("そのために、"), *rest]


def _adverb(tokens: list[Token], lead: int, start: int) -> list[Token]:
    """The leading adverb (つづけて、) without its 、, for the start of the rest."""
    return tokens[lead : start - 1] if start > lead else []


_GOAL_WORDS = {"目的": "目的は、", "対象": "対象は、"}


def _goal_end(tokens: list[Token], start: int) -> tuple[int, int, str] | None:
    """(where X ends, the 、 after the phrase, its noun) for 〜を目的に(して/として)、
    or 〜を対象に(して/として)、 closing the sentence's first clause."""
    i = _first_comma(tokens, start)
    if i is None:
        return None
    tail = _text(tokens[max(0, i - 6) : i])
    for noun in _GOAL_WORDS:
        for form in ("に", "にして", "として", "とし"):
            if tail.endswith("を" + noun + form):
                k = i
                while k > 0 and tokens[k - 1].surface != noun:
                    k -= 1
                if k >= 2 and tokens[k - 2].surface == "を":
                    return k - 2, i, noun
    return None


def goal_first(tokens: list[Token]) -> tuple[list[str], list[Token]]:
    """「Xを目的に、REST」 → 「目的は、Xです。」 + 「そのために、REST」;
    「Xを対象に(して)、REST」 → 「対象は、Xです。」 + 「REST」 (who it is for,
    then what was done: the ガイドライン's one thing per sentence)."""
    lead, start = _lead(tokens)
    found = _goal_end(tokens, start)
    if found is None:
        return [], tokens
    end, i, noun = found
    phrase = tokens[start:end]
    rest = _adverb(tokens, lead, start) + tokens[i + 1 :]
    if not _noun_phrase(phrase) or len(_text(rest)) < 10 or _has_topic(rest):
        return [], tokens
    head = _text(tokens[:lead]) + _GOAL_WORDS[noun] + _text(phrase) + "です。"
    return [head], ([_connective("そのために、"), *rest] if noun == "目的" else rest)


_COMMA = ("補助記号", "読点", "*", "*", "*", "*")


def tomoni_comma(tokens: list[Token]) -> list[Token]:
    """〜するとともに written without its 、 (資料を提供するとともに外国人市民向け…を
    おきました) gets one, so that the clause splitter's とともに rule (→ また、)
    sees it: only after a verb or auxiliary (a noun + とともに is "together with")."""
    out: list[Token] = []
    n = len(tokens)
    for i, t in enumerate(tokens):
        out.append(t)
        if (t.surface == "に" and 2 <= i < n - 2 and tokens[i - 1].surface == "とも" and tokens[i - 2].surface == "と"
                and i >= 3 and tokens[i - 3].pos1 in ("動詞", "助動詞") and tokens[i + 1].surface != "、"):
            out.append(Token("、", "、", _COMMA, "、", "rule:split"))
    return out


_NAME_POS = ("名詞", "接頭辞", "接尾辞")
#: the brackets a name or a list item is taken whole across (lists too)
_OPEN, _CLOSE = "「『（(【", "」』）)】"


def _name_end(tokens: list[Token], j: int) -> int:
    """The end of a name or noun compound starting at ``j`` (nouns, numbers,
    ・, a bracketed part whole; no の: 「AのB」 might leave A alone)."""
    k = j
    while k < len(tokens):
        t = tokens[k]
        if t.surface in _OPEN:
            depth = 0
            while k < len(tokens):
                depth += (tokens[k].surface in _OPEN) - (tokens[k].surface in _CLOSE)
                k += 1
                if depth == 0:
                    break
            continue
        if t.pos1 in _NAME_POS or t.surface in ("・", "ー"):
            k += 1
            continue
        break
    return k


def _np_start(tokens: list[Token], end: int) -> int:
    """Where the noun phrase ending before ``end`` starts, over の/と/や between
    nouns and bracketed parts (川崎市の特色, 日本人と在日外国人との交流施設)."""
    a = end
    while a > 0:
        t = tokens[a - 1]
        if t.surface in _CLOSE:
            depth = 0
            while a > 0:
                depth += (tokens[a - 1].surface in _CLOSE) - (tokens[a - 1].surface in _OPEN)
                a -= 1
                if depth == 0:
                    break
            continue
        if t.pos1 in _NAME_POS or t.surface in ("・", "ー"):
            a -= 1
            continue
        if t.pos1 == "助詞" and t.surface in ("の", "と", "や") and a >= 2 and (
            tokens[a - 2].pos1 in _NAME_POS or tokens[a - 2].surface in _CLOSE or tokens[a - 2].surface in ("と", "や")
        ):
            a -= 1
            continue
        break
    return a


def appositive(tokens: list[Token]) -> tuple[str, list[Token], Token] | None:
    """「…XであるY(を|に|で|は…)…」 → 「Yは、Xです。」 + the sentence with Y alone
    (日本人と在日外国人との交流施設であるふれあい館で、… → ふれあい館は、日本人と
    在日外国人との交流施設です。ふれあい館で、…): である only says what Y is, so the
    two sentences keep every word.  X is a noun phrase (from the sentence's
    start, a 、 or a case particle), Y a name or noun compound followed by a
    case particle; the note comes first (last when the sentence opens with a
    connective, which ties it to the sentence before)."""
    depth = 0
    lead = _lead(tokens)[0]
    for i, t in enumerate(tokens[:-2]):
        depth += (t.surface in _OPEN) - (t.surface in _CLOSE)
        if depth or not (t.surface == "で" and t.lemma == "だ" and tokens[i + 1].lemma == "ある"):
            continue
        if not tokens[i + 1].conj_form.startswith("連体形"):
            return None  # 〜であり、…であるY: Y may be what both say; the sentence stays whole
        a = max(_np_start(tokens, i), lead)
        b = _name_end(tokens, i + 2)
        if a == i or b == i + 2 or b >= len(tokens):
            return None
        before, after = tokens[a - 1] if a else None, tokens[b]
        if a > lead and before is not None and not (before.surface == "、" or (before.pos1 == "助詞" and before.surface != "の")):
            return None
        act_of = after.surface == "の" and b + 1 < len(tokens) and tokens[b + 1].pos[2:3] == ("サ変可能",)
        if after.pos1 != "助詞" or not (after.surface in ("は", "が", "を", "に", "で", "へ", "も", "と") or act_of):
            # の only before an act (交流の場である子育てサロンの開催): 友好都市である
            # オーストリアのザルツブルク市 — である may be the whole phrase's
            return None
        name, what = _text(tokens[i + 2 : b]), _text(tokens[a:i])
        if len(name) > 30 or len(what) < 3:
            return None
        return f"{name}は、{what}です。", tokens[:a] + tokens[i + 2 :], tokens[i + 2]
    return None


#: a sentence said next to the clause that holds a word (:func:`place_notes`)
Note = tuple[str, Token]


#: nouns a modifier clause does not describe as its doer or object (研修を行った会場は
#: → 「会場は、研修を行いました。」 would be wrong): when, where, how, why
_RELATIONAL = ("時", "とき", "際", "場合", "ところ", "こと", "もの", "ため", "結果", "中", "後", "前", "方法", "理由",
               "場所", "会場", "日", "期間", "時期", "背景", "目的", "経緯", "状況")


def _specific(name: list[Token]) -> bool:
    """A name (固有名詞, 「…」, a katakana word: ポッチャ競技体験, インターナショナル・
    フェスティバル): a clause on it describes it; on a common noun (人, 企業, しごと)
    it may pick out which ones, and said as a sentence it would assert it of all."""
    text = _text(name)
    return (any(t.pos[1:2] == ("固有名詞",) for t in name) or text.startswith("「")
            or re.search("[\u30a1-\u30fa]{3,}", text) is not None)


def topic_clause_first(tokens: list[Token], polite: Callable[[list[Token]], str]) -> tuple[list[str], list[Token]]:
    """「[modifier clause] X は、REST」 at a sentence's head → 「Xは、[clause]。」 +
    「REST」 (7月に開催を予定していたフェスティバルは、…中止となりました →
    フェスティバルは、7月に開催を予定していました。…中止となりました。): the clause
    says what X did or had done to it, the rest keeps X as its topic.  Only when
    the clause starts the sentence (nothing before it could belong to it), ends
    in a verb, and X is a name (:func:`_specific`), not a time, place or manner."""
    lead = _lead(tokens)[0]
    start = lead + 2 if lead + 1 < len(tokens) and tokens[lead + 1].surface == "、" and (
        _text(tokens[lead : lead + 1]) in _JOINING) else lead
    h = next((k for k in range(start, len(tokens) - 1) if tokens[k].surface in ("は", "、")), None)
    if h is None or tokens[h].surface != "は" or tokens[h].pos1 != "助詞" or tokens[h + 1].surface != "、":
        return [], tokens
    x0 = h
    while x0 > start and (tokens[x0 - 1].pos1 in _NAME_POS or tokens[x0 - 1].surface in ("・", "ー")):
        x0 -= 1
    clause, name, rest = tokens[start:x0], tokens[x0:h], tokens[h + 2 :]
    if lead and start == lead and clause and clause[0].is_number():
        return [], tokens  # ③7月…: moving ③ away from 7 reads as the number 37 lost
    if not _specific(name):
        return [], tokens  # 申請した人は、… defines a group: 「人は、申請しました。」 would assert it
    if not clause or not name or _text(name).endswith(_RELATIONAL) or len(_text(clause)) < 8 or len(_text(rest)) < 10:
        return [], tokens
    last = clause[-1]
    if not (last.pos1 in ("動詞", "助動詞") and last.conj_form.startswith("連体形") and last.lemma not in ("だ", "ない")):
        return [], tokens
    if any(t.surface in ("は", "も") and t.pos1 == "助詞" for t in clause) or any(t.pos1 == "補助記号" for t in clause):
        return [], tokens
    said = polite([*tokens[:start], *name, *tokens[h : h + 2], *clause])
    return [said], rest


def hoist(tokens: list[Token], polite: Callable[[list[Token]], str]) -> tuple[list[str], list[Token], list[Note]]:
    """The sentences said first (purpose, target group, the clause on a topic),
    the tokens left, and the notes on a word in them (what a name is)."""
    for rule in (purpose_first, goal_first):
        said, rest = rule(tokens)
        if said:
            return said, rest, []
    said, rest = topic_clause_first(tokens, polite)
    if said:
        return said, rest, []
    found = appositive(tokens)
    if found is not None:
        note, rest, anchor = found
        return [], rest, [(note, anchor)]
    return [], tokens, []


def _opens_with_connective(piece: list[Token]) -> bool:
    """そのため、 また、 … (a cut's pseudo-token or the source's own words)."""
    if piece[0].pos1 == "接続詞":
        return True
    comma = next((k for k, t in enumerate(piece[:4]) if t.surface == "、"), None)
    return comma is not None and _text(piece[:comma]) in (*_JOINING, "このため", "その結果", "そこで", "ただし")


def place_notes(pieces: list[list[Token]], sentences: list[str], notes: list[Note]) -> list[str]:
    """Each note right before the sentence whose clause holds its word; after
    it when that sentence opens with a connective (そのため、…), which ties it to
    the sentence before.  ``sentences[n]`` is said for ``pieces[n]``."""
    before: dict[int, list[str]] = {}
    after: dict[int, list[str]] = {}
    for note, anchor in notes:
        n = next((n for n, piece in enumerate(pieces) if any(t is anchor for t in piece)), len(pieces) - 1)
        (after if _opens_with_connective(pieces[n]) else before).setdefault(n, []).append(note)
    out: list[str] = []
    for n, sentence in enumerate(sentences):
        notes_first = before.get(n, [])
        if notes_first:
            mark = _text(pieces[n][: _lead(pieces[n])[0]])  # ・ / ① stay at the very start
            notes_first[0] = mark + notes_first[0]
            sentence = sentence[len(mark) :]
        out += [*notes_first, sentence, *after.get(n, [])]
    return out


def note_after(sentence: str) -> str:
    """「…つくります(K2セミナー8回、ナノ・マイクロ技術支援講座12回)。」 →
    「…つくります。(K2セミナー8回、ナノ・マイクロ技術支援講座12回)」: a long
    closing note follows the sentence it belongs to instead of lengthening it
    (the ガイドライン: one thing per sentence; the note stays right after it);
    only in a sentence over 40 characters."""
    if not sentence.endswith((")。", "）。")) or sentence.startswith(("(", "（")):
        return sentence
    depth = 0
    for j in range(len(sentence) - 2, -1, -1):
        depth += (sentence[j] in ")）") - (sentence[j] in "(（")
        if depth == 0:
            break
    head, note = sentence[:j], sentence[j:-1]
    if len(sentence) <= 40 or len(note) < 10 or len(head) < 10 or not head.endswith(("ます", "ました", "です", "でした", "ません")):
        return sentence
    return head + "。" + note
