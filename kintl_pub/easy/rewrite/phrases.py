"""Token rules for the officialese verb phrases around サ変 nouns.

* ``hakaru_to_suru``: 〜を図る with any other サ変 noun → 〜する
  (連携を図りました → 連携しました; ``replace_verbs`` may then ease the verb);
* ``okonau_to_suru``: 〜を行う after a サ変 noun → 〜をする
  (研修を行いました → 研修をしました).

The head verb's conjugation carries over to the new verb (図り/図っ/図る …).
The ``aim`` rules (a noun said as the verb it stands for) are in :mod:`.aims`.
"""

from __future__ import annotations

from ..tokens import Token, quoted
from .conjugate import CannotConjugate
from .connectives import _has_topic
from .glossary import _CASE_PARTICLE, _VOICED, _form_key, _verb_forms, form_surface

#: verbs that, with a サ変 noun object, only say "do": 〜の推進を図る
AIM_HEADS = frozenset(["図る", "行う", "する"])


def _sahen(t: Token) -> bool:
    return t.pos[:3] == ("名詞", "普通名詞", "サ変可能") and t.source != "override"


#: the same with に: 〜の推進に努める says no more than 〜をすすめる
AIM_HEADS_NI = frozenset(["努める", "つとめる"])


def _head_at(tokens: list[Token], i: int) -> bool:
    """tokens[i] を tokens[i+2] (or に 努める): a head verb of its own
    (図る/行う/する/努める), not a compound."""
    if i + 2 >= len(tokens) or tokens[i + 2].pos1 != "動詞":
        return False
    particle, lemma = tokens[i + 1].surface, tokens[i + 2].lemma
    return (particle == "を" and lemma in AIM_HEADS) or (particle == "に" and lemma in AIM_HEADS_NI)


def _verb(easy: str, head: Token, after: Token | None) -> list[Token] | None:
    """``easy`` (dictionary form) conjugated like ``head``; a following て/た
    becomes で/だ when the new verb needs it (ふせいで)."""
    try:
        prefix, conj_type, forms = _verb_forms(easy)
        key = _form_key(head.conj_form, after)
    except (CannotConjugate, KeyError):
        return None
    if key is None:
        return None
    surface = form_surface(prefix, forms, key, head)
    out = [Token(surface, surface, ("動詞", "一般", "*", "*", conj_type, head.conj_form), easy, "rule:phrase")]
    if key == "te" and forms.get("te_voiced") and after is not None:
        voiced = _VOICED[after.surface]
        out.append(Token(voiced, voiced, after.pos, voiced, "rule:phrase"))
    return out


def _plain_context(out: list[Token]) -> bool:
    """No topic (は) before and not inside brackets."""
    depth = sum(t.surface in "「（(『" for t in out) - sum(t.surface in "」）)』" for t in out)
    return depth <= 0 and not _has_topic(out)


def hakaru_to_suru(tokens: list[Token]) -> list[Token]:
    """連携を図る → 連携する (any other サ変 noun: 図る only says "do")."""
    return _noun_wo_head(tokens, "図る", drop_wo=True)


def okonau_to_suru(tokens: list[Token]) -> list[Token]:
    """研修を行う → 研修をする (行う after a サ変 noun is plain "do")."""
    return _noun_wo_head(tokens, "行う", drop_wo=False)


def _noun_wo_head(tokens: list[Token], lemma: str, *, drop_wo: bool) -> list[Token]:
    out: list[Token] = []
    names = quoted(tokens)
    i, n = 0, len(tokens)
    while i < n:
        t = tokens[i]
        if names[i] or not (_sahen(t) and _head_at(tokens, i) and tokens[i + 2].lemma == lemma):
            out.append(t)
            i += 1
            continue
        head = tokens[i + 2]
        after = tokens[i + 3] if i + 3 < n else None
        verb = _verb("する", head, after)
        prev = out[-1] if out else None
        to_no = prev is not None and prev.surface == "の" and len(out) > 1 and out[-2].surface == "と"
        if drop_wo and prev is not None and not to_no and (
            prev.pos1 in ("名詞", "接頭辞", "接尾辞") or prev.surface in ("の", "及び", "および", "並びに", "や")
            or (prev.surface == "と" and len(out) > 1 and _sahen(out[-2]))  # not 関係機関と連携を図る
            # 人材確保・定着を図る: the second of a ・/、 pair too (「人材確保・定着する」; audit 2)
            or (prev.surface in ("・", "、") and len(out) > 1 and _sahen(out[-2]))
        ):
            # 〜の連携を図る / 意識啓発を図る: a noun phrase, not a verb; 周知及び充実を図る: the
            # second of two nouns (「周知と充実しました」 left the first without its を)
            verb = None
        if drop_wo and to_no and _joined_before(out[:-2]):
            verb = None
        if verb is None:
            out.append(t)
            i += 1
            continue
        if drop_wo and to_no:
            out.pop()  # AとのNを図る → AとNする
        out.append(t)
        if not drop_wo:
            out.append(tokens[i + 1])
        out.extend(verb)
        i += 3 + (len(verb) - 1)
    return out


#: words that join two nouns or activities (A と B, 健全育成及び…との交流; aims too)
_JOINERS = frozenset(["及び", "および", "並びに", "や", "と"])


def _joined_before(out: list[Token]) -> bool:
    """A 及び/や earlier in the noun phrase of 〜とのNを図る (健全育成及び外国人学校と
    公立学校等との交流を図る): the N is the second of two activities; made a verb
    (「…健全育成と…と交流する」) it left the first without one (issue 11 audit 2).
    AとBとの交流 is the exchange between A and B: 「AとBと交流する」 made them
    the partners of someone else.  Read back to the phrase's case particle, 、 or a verb."""
    for t in reversed(out):
        if t.surface in _JOINERS:
            return True
        if t.surface in ("、", "。") or (t.pos1 == "助詞" and t.surface in ("を", "が", "は", "に", "で", "も")) or (
            t.pos1 in ("動詞", "助動詞")
        ):
            return False
    return False


def suru_koto_ga_dekiru(tokens: list[Token]) -> list[Token]:
    """参加することができる → 参加できる; 研修をすることができた → 研修ができた
    (a サ変 noun's own potential form: the same meaning, five characters shorter)."""
    out: list[Token] = []
    i, n = 0, len(tokens)
    while i < n:
        t = tokens[i]
        if (
            i + 3 < n
            and t.lemma == "する"
            and t.pos1 == "動詞"
            and [x.surface for x in tokens[i + 1 : i + 3]] == ["こと", "が"]
            and tokens[i + 3].lemma in ("できる", "出来る")
            and out
        ):
            if _sahen(out[-1]):  # 参加 + する → 参加 + できる
                i += 3
                continue
            if out[-1].surface == "を" and len(out) > 1 and _sahen(out[-2]):  # 研修をする → 研修が
                out[-1] = Token("が", "が", _CASE_PARTICLE, "が", "rule:phrase")
                i += 3
                continue
        out.append(t)
        i += 1
    return out


#: nouns after which 〜に対して means "compared with" (目標値に対して、実績は…)
_AMOUNT_NOUNS = ("数", "値", "件", "人", "率", "額", "年", "目標", "前年", "例年")


def ni_taishite(tokens: list[Token]) -> list[Token]:
    """外国人市民に対し、 → 外国人市民に、 (the person the action is for).
    Not after an amount or a number (〜の数に対して、 = compared with)."""
    out: list[Token] = []
    i, n = 0, len(tokens)
    while i < n:
        t = tokens[i]
        if t.surface == "に" and t.pos1 == "助詞" and out and i + 2 < n and tokens[i + 1].lemma == "対する":
            k = i + 2
            if tokens[k].surface == "て":
                k += 1
            prev = out[-1]
            if k < n and tokens[k].surface == "、" and not (prev.is_number() or prev.surface.endswith(_AMOUNT_NOUNS)):
                out.append(t)
                i = k  # keep the 、
                continue
        out.append(t)
        i += 1
    return out


_COMMA = Token("、", "、", ("補助記号", "読点", "*", "*", "*", "*"), "、", "rule:phrase")
#: nouns that name a cause (〜の影響により / 〜の拡大により)
CAUSE_NOUNS = ("影響", "拡大")


def niyori_to_de(tokens: list[Token]) -> list[Token]:
    """〜により、 / 〜によって、 → 〜で、 (the guidelines' plain "by / because of").

    Only before 、 (an adverbial phrase): without it により may name a
    passive's agent (株式会社Aにより落札された), which で would change.  After
    こと the clause splitter needs the original (ことにより、 → それで、).
    Only the 連用形 (により, によって): 「市民団体による、…学習支援」 is the 連体形
    naming who does the noun after the 、; as 「市民団体で、」 it said where
    (issue 11 audit 2).
    """
    out: list[Token] = []
    i, n = 0, len(tokens)
    while i < n:
        t = tokens[i]
        if t.surface == "に" and t.pos1 == "助詞" and out and (out[-1].is_noun_like() or out[-1].surface == "など") and (
            out[-1].surface != "こと" and not (len(out) > 1 and out[-1].surface == "など" and out[-2].surface == "こと")
        ):
            k = i + 1
            if k < n and tokens[k].lemma in ("因る", "よる", "依る") and tokens[k].pos1 == "動詞" and (
                not tokens[k].conj_form.startswith("連体形")
            ):
                k += 1 + (k + 1 < n and tokens[k + 1].surface == "て")
                if k < n and tokens[k].surface == "、":
                    out.append(Token("で", "で", _CASE_PARTICLE, "で", "rule:phrase"))
                    i = k
                    continue
                if k < n and out[-1].surface.endswith(CAUSE_NOUNS) and tokens[k].pos1 in ("名詞", "接頭辞", "補助記号") and (
                    _plain_context(out)
                ):
                    # 〜の影響により工期を… (a cause written without its 、): the same
                    # adverbial phrase, so the splitter can say it first (…の影響です。そのため、);
                    # not after a topic (道路は、…の影響です reads as what the road is) or in brackets
                    out += [Token("で", "で", _CASE_PARTICLE, "で", "rule:phrase"), _COMMA]
                    i = k
                    continue
        out.append(t)
        i += 1
    return out


def to_naru_ni(tokens: list[Token]) -> list[Token]:
    """中止となりました → 中止になりました: after a noun, 〜となる is the written
    form of 〜になる, which is what residents learn (N5).  Only なる: 〜として
    is the particle "as" (講師として参加), and the sentence rules read 〜とし(た).
    """
    out: list[Token] = []
    for i, t in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (t.surface == "と" and t.pos[:2] == ("助詞", "格助詞") and nxt is not None and nxt.pos1 == "動詞"
                and nxt.lemma in ("なる", "成る") and out and (out[-1].is_noun_like() or out[-1].surface == "など")):
            out.append(Token("に", "に", t.pos, "に", "rule:phrase"))
        else:
            out.append(t)
    return out
