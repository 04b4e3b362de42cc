"""Sentence-level rules on Sudachi tokens: polite endings and clause splits."""

from __future__ import annotations

from ..tokens import Token, outside_brackets
from .conjugate import CannotConjugate, masu_stem, polite

_VERBISH_AUX = ("助動詞-レル", "助動詞-ラレル", "助動詞-セル", "助動詞-サセル")
_TAIL = set("。．.！？!?」』）)]】 ")
#: verbs that, in て-form, are compound particles (に向けて, について …), not clauses
COMPOUND_PARTICLE_VERBS = frozenset(
    ["向ける", "通じる", "つく", "よる", "おく", "対する", "関する", "踏まえる", "伴う", "際する", "基づく", "加える", "含める", "除く", "沿う", "当たる", "応じる", "比べる", "先立つ", "向かう", "限る", "当てる", "通す", "わたる", "渡る", "伴なう", "併せる", "あわせる", "合わせる", "問う", "始める", "際す", "受ける", "通ずる",
     # the same verbs in kana (the glossary writes にもとづき, にともない)
     "もとづく", "ともなう", "つうじる", "たいする", "かんする", "むける", "ふまえる", "かかわる", "関わる", "おうじる"]
)


def _particle_verb(t: Token) -> bool:
    """A verb that may be part of a compound particle (に向けて, において); a
    glossary verb (設置し → おき) stood for a サ変 verb of the source and is none."""
    return t.lemma in COMPOUND_PARTICLE_VERBS and t.source != "rule:glossary"


_POLITE_END = ("ます", "です", "ました", "でした", "ません", "ましょう", "ください", "でしょう", "ませんでした")


def _text(tokens: list[Token]) -> str:
    return "".join(t.surface for t in tokens)


def _strip_trailing_note(core: str) -> str:
    """'…しました(2021年（令和3年）開始)' → '…しました' (nested brackets too)."""
    while core and core[-1] in ")）":
        depth = 0
        for j in range(len(core) - 1, -1, -1):
            if core[j] in ")）":
                depth += 1
            elif core[j] in "(（":
                depth -= 1
                if depth == 0:
                    break
        else:
            return core
        if j == 0:
            return core[1:-1].rstrip("。．.！？!? ")  # a note on its own: judge its inside
        core = core[:j].rstrip("。．.！？!? 」』")
    return core


def is_polite(sentence: str) -> bool:
    """Does a sentence end in です/ます (after its closing punctuation and any
    trailing "(…)" note)?"""
    core = _strip_trailing_note(sentence.rstrip("。．.！？!? \n"))
    return core.endswith(_POLITE_END)


def _is_verbish(t: Token) -> bool:
    return t.pos1 == "動詞" or (t.pos1 == "助動詞" and t.conj_type in _VERBISH_AUX)


def is_past(tokens: list[Token]) -> bool:
    core = _strip_tail(tokens)[0]
    return any(t.lemma == "た" and t.pos1 == "助動詞" for t in core[-3:])


def _strip_tail(tokens: list[Token]) -> tuple[list[Token], str]:
    """(core, tail): the tail is closing punctuation plus any trailing
    parenthetical "(…)", which the polite ending must go before."""
    i = len(tokens)
    while i > 0:
        s = tokens[i - 1].surface
        if s in _TAIL or tokens[i - 1].pos1 == "空白":
            if s in (")", "）"):
                depth, j = 0, i - 1
                while j >= 0:
                    if tokens[j].surface in (")", "）"):
                        depth += 1
                    elif tokens[j].surface in ("(", "（"):
                        depth -= 1
                        if depth == 0:
                            break
                    j -= 1
                if j > 0:
                    i = j
                    continue
            i -= 1
            continue
        break
    return tokens[:i], _text(tokens[i:])


def polite_ending(tokens: list[Token], *, default_past: bool = False, follow: bool = False, want: bool = False) -> str:
    """The sentence with its final predicate in です/ます form.

    体言止め gets です (or します after 〜を + サ変 noun), だ/である become
    です, plain verbs their ます form, ない ません, た ました.
    ``default_past`` is the tense for a 連用形 clause end (after a split);
    with ``follow`` a non-past clause end takes it too (〜するとともに、…した);
    with ``want`` a plain verb becomes 〜たいです (a purpose clause cut before
    そのために、: 〜をしらせるため、… → 〜をしらせたいです。そのために、…).
    """
    core, tail = _strip_tail(tokens)
    if not core:
        return _text(tokens)
    text = _text(core)
    if text.endswith(_POLITE_END):
        return text + (tail or "。")
    end = "" if any(c in tail for c in "。．.！？!?") else "。"
    past = neg = False
    idx = len(core) - 1
    if core[idx].lemma == "た" and core[idx].pos1 == "助動詞":
        past, idx = True, idx - 1
    if idx >= 0 and core[idx].lemma == "ない" and core[idx].pos1 == "助動詞":
        neg, idx = True, idx - 1
    if idx < 0:
        return text + "です" + tail + end
    pred = core[idx]
    head = _text(core[:idx])
    if core[-1].surface == "を" and core[-1].pos1 == "助詞":  # 〜の運営を|通じ、 → 〜の運営をします
        return text + ("しました" if default_past else "します") + tail + end
    if want and text.endswith(("よう", "ように")):
        return text + ("したいです" if text.endswith("に") else "にしたいです") + tail + end
    try:
        # 〜て (clause cut at a て-form): the verb before it
        if pred.surface in ("て", "で") and pred.pos[:2] == ("助詞", "接続助詞") and idx > 0:
            v = core[idx - 1]
            if _is_verbish(v):
                return _text(core[: idx - 1]) + polite(v.lemma, v.conj_type, past=default_past) + tail + end
        # だ / である / であった
        if pred.lemma == "ある" and idx > 0 and core[idx - 1].lemma == "だ":
            return _text(core[: idx - 1]) + ("でした" if past else "です") + tail + end
        if pred.lemma == "だ" and pred.pos1 == "助動詞":
            if neg:  # ではない
                return head + "ではありません" + ("でした" if past else "") + tail + end
            return head + ("でした" if past else "です") + tail + end
        if want and pred.pos1 == "動詞" and not past and not neg:
            return head + masu_stem(pred.lemma, pred.conj_type) + "たいです" + tail + end
        if _is_verbish(pred):
            if (pred.conj_form.startswith("連用形") or follow) and not past and not neg:
                past = default_past
            return head + polite(pred.lemma, pred.conj_type, past=past, negative=neg) + tail + end
        if pred.pos1 == "形容詞":
            if pred.lemma in ("ない", "無い"):
                return head + ("ありませんでした" if past else "ありません") + tail + end
            return text + "です" + tail + end
    except CannotConjugate:
        pass
    if pred.pos[:3] == ("名詞", "普通名詞", "サ変可能") and not past and not neg and any(
        t.surface == "を" for t in core[max(0, idx - 6) : idx]
    ):
        return text + ("しました" if default_past else "します") + tail + end
    return text + "です" + tail + end


#: (where the clause's own words end, connective for the next sentence)
Cut = tuple[int, str]


def _connector(tokens: list[Token], i: int) -> Cut | None:
    """If the 、 at ``i`` closes a clause: (index where the clause's own words
    end, connective for the next sentence).  The rules are tried in order;
    the first that recognises the clause ending decides."""
    for rule in _CONNECTOR_RULES:
        cut = rule(tokens, i)
        if cut is not None:
            return cut
    return None


# Each rule looks at the words before the 、 at ``i`` (``tokens[i - 1]`` is
# the last one) and returns a Cut, or None when it does not apply.


def _together(tokens: list[Token], i: int) -> Cut | None:
    """〜するとともに、 / 〜と共に、 → "…。また、" — only after a clause: after a
    noun (温室効果ガス削減の取組(緩和策)とともに、…を推進し) it means "together
    with", and a cut would leave the noun without its verb (issue 11)."""
    joined = _text(tokens[max(0, i - 4) : i])
    if joined.endswith(("とともに", "と共に")):
        k = i - 1
        while k > 0 and _text(tokens[k:i]) not in ("とともに", "と共に"):
            k -= 1
        if _text(tokens[k:i]) in ("とともに", "と共に") and k > 0 and _verb_end(tokens[k - 1]) or (
            k > 0 and tokens[k - 1].pos1 == "助動詞"
        ):
            return k, "また、"
    return None


def _cause(tokens: list[Token], i: int) -> Cut | None:
    """〜ため(に)、 〜ことから、 〜ことにより、 〜の影響により/で、 → そのため、 / それで、."""
    p = tokens[i - 1]
    if p.surface in ("ため", "ために") and i >= 2 and tokens[i - 2].surface != "の":
        return i - 1, ("そのために、" if _purpose(tokens, i - 2) else "そのため、")
    if p.surface == "から" and i >= 2 and tokens[i - 2].surface == "こと":
        return i - 2, "そのため、"
    if _text(tokens[max(0, i - 6) : i]).endswith(("ことにより", "ことによって", "ことなどにより", "ことなどによって")):
        k = i - 1
        while k > 0 and tokens[k].surface != "こと":
            k -= 1
        return k, "それで、"
    # 〜の影響により、 / 〜の影響で、 (the sheet's most common cause): "…の影響です。そのため、"
    if p.surface in ("により", "によって", "で") and i >= 2 and tokens[i - 2].surface.endswith(_CAUSE_NOUNS):
        return i - 1, "そのため、"
    joined = _text(tokens[max(0, i - 4) : i])
    if joined.endswith(("により", "によって")) and i >= 3 and tokens[i - 3].surface.endswith(_CAUSE_NOUNS) and (
        tokens[i - 2].surface == "に"
    ):
        return i - 2, "そのため、"
    return None


def _means_result_also(tokens: list[Token], i: int) -> Cut | None:
    """〜ことで、 → それで、; 〜結果、/〜ところ、 → その結果、; 〜など、 → また、."""
    p = tokens[i - 1]
    if p.surface == "ことで" or (p.surface == "で" and i >= 2 and tokens[i - 2].surface == "こと"):
        return (i - 1 if p.surface == "ことで" else i - 2), "それで、"
    if p.surface in ("結果", "ところ") and i >= 2 and tokens[i - 2].pos1 in ("助動詞", "動詞"):
        return i - 1, "その結果、"
    if p.surface == "など" and i >= 2 and tokens[i - 2].pos1 in ("動詞", "助動詞"):
        return i - 1, "また、"
    return None


def _copula_reason_contrast(tokens: list[Token], i: int) -> Cut | None:
    """AはBで、C (copula); 〜ので、/〜から、 → そのため、; 〜が、/〜ものの、 → しかし、."""
    p = tokens[i - 1]
    if p.surface == "で" and p.pos1 == "助動詞" and p.lemma == "だ" and _has_topic(tokens[:i]):
        return i, ""  # AはBで、C (copula; without a topic で、 is more often "at/by")
    if p.surface == "ので" or (p.surface == "から" and p.pos[:2] == ("助詞", "接続助詞")):
        return i - 1, "そのため、"
    if p.surface in ("が", "けれども", "ものの") and p.pos[:2] == ("助詞", "接続助詞"):
        return i - 1, "しかし、"
    # 〜たものの、 as Sudachi often reads it: もの + の
    if p.surface == "の" and i >= 3 and tokens[i - 2].surface == "もの" and tokens[i - 3].lemma == "た":
        return i - 2, "しかし、"
    return None


def _while(tokens: list[Token], i: int) -> Cut | None:
    """〜しつつ(も)、 / 〜しながら、 "while": two things done → "…します。…" (no
    connective, like 〜し、: また、 after every one piled up); XのNを通じ(て)、
    → "XのNをします。それで、"; 〜する一方(で)、 → "…します。しかし、"."""
    p = tokens[i - 1]
    k = i - 2 if p.surface == "も" else i - 1
    if k >= 1 and tokens[k].surface in ("つつ", "ながら") and tokens[k].pos[:2] == ("助詞", "接続助詞") and _is_verbish(
        tokens[k - 1]
    ):
        return k, ""
    # XのNを通じ(て)、 (N an activity): the means first
    k = i - 2 if p.surface == "て" else i - 1
    if k >= 2 and tokens[k].lemma in ("通じる", "通ずる") and tokens[k - 1].surface == "を":
        obj = tokens[k - 2] if tokens[k - 2].surface != "など" or k < 3 else tokens[k - 3]
        if obj.surface in ACTIVITIES:
            return k, "それで、"
    k = i - 2 if p.surface == "で" else i - 1
    if k >= 1 and tokens[k].surface == "一方" and tokens[k - 1].pos1 in ("動詞", "助動詞"):
        return k, "しかし、"
    return None


def _so_that(tokens: list[Token], i: int) -> Cut | None:
    """〜できるよう(に)、 "so that": "〜できるようにしたいです。そのために、" (not after
    a topic: 図書室は、…できるよう、… keeps its topic for the main clause)."""
    p = tokens[i - 1]
    if p.surface in ("よう", "ように") and i >= 2 and _verb_end(tokens[i - 2]) and not _has_topic(tokens[: i - 1]):
        return i, "そのために、"
    if p.surface == "に" and i >= 3 and tokens[i - 2].surface == "よう" and _verb_end(tokens[i - 3]) and (
        not _has_topic(tokens[: i - 2])
    ):
        return i, "そのために、"
    return None


def _following_besides(tokens: list[Token], i: int) -> Cut | None:
    """〜したことにともない、 → そのため、 (a cause); 〜した他/ほか、 → また、."""
    p = tokens[i - 1]
    if p.lemma in ("伴う", "ともなう") and i >= 3 and tokens[i - 2].surface == "に" and tokens[i - 3].surface == "こと":
        return i - 3, "そのため、"
    if p.surface in ("他", "外") and i >= 2 and tokens[i - 2].pos1 in ("動詞", "助動詞"):
        return i - 1, "また、"  # 〜した他、 (the kanji spelling of ほか)
    if p.surface == "ほか" and i >= 2 and tokens[i - 2].pos1 in ("動詞", "助動詞"):
        return i - 1, "また、"
    return None


def _bare_cut(tokens: list[Token], i: int) -> Cut | None:
    """〜て、/〜で、 and a verb's 連用形 (〜し、): cut with no connective."""
    p = tokens[i - 1]
    if p.surface in ("て", "で") and p.pos[:2] == ("助詞", "接続助詞") and i >= 2:
        v = tokens[i - 2]
        if v.lemma == "する" and i >= 3 and tokens[i - 3].surface == "と":
            return None  # 〜として、 is a particle ("as"), not a clause
        if _is_verbish(v) and (not _particle_verb(v) or _received(tokens, i - 2)) and not (
            _in_view_of(tokens, i - 2)
        ):
            return i, ""
        return None
    if _is_verbish(p) and p.conj_form.startswith("連用形") and (not _particle_verb(p) or _received(tokens, i - 1)) and (
        not _in_view_of(tokens, i - 1)
    ):
        return i, ""
    return None


_CONNECTOR_RULES = (
    _together,
    _cause,
    _means_result_also,
    _copula_reason_contrast,
    _while,
    _so_that,
    _following_besides,
    _bare_cut,
)


_CAUSE_NOUNS = ("影響", "拡大")
#: things one does (〜の運営を通じ、 → 〜の運営をします。それで、); not 関係, 制度 …
ACTIVITIES = frozenset(["実施", "開催", "運営", "活動", "交流", "研修", "協力", "連携", "参加", "展示", "発信", "提供",
                         "相談", "調査", "訪問", "派遣", "受入", "受け入れ", "講演", "説明", "配布", "指導", "フォローアップ",
                         "創出", "支援", "手伝い", "取組", "とりくみ", "取り組み", "情報発信", "広報", "啓発", "周知", "意見交換"])
#: verbs that happen rather than are done: before ため they give a cause, not a purpose
_NON_VOLITIONAL = frozenset(["ある", "いる", "なる", "できる", "増える", "ふえる", "減る", "へる", "減少", "増加",
                             "見込む", "かかる", "変化", "発生", "不足", "拡大", "低下", "上昇", "異なる", "ちがう", "違う", "生じる", "起きる", "続く", "つづく"])


def _purpose(tokens: list[Token], k: int) -> bool:
    """tokens[k] is the verb before ため: a deliberate act in the non-past
    (〜するため、) means "in order to", anything else (〜したため、 〜がふえるため、)
    "because"."""
    v = tokens[k]
    if v.pos1 != "動詞" or not v.conj_form.startswith(("終止形", "連体形")):
        return False
    if v.lemma == "する" and k > 0 and tokens[k - 1].pos1 == "名詞":
        return tokens[k - 1].lemma not in _NON_VOLITIONAL
    return v.pos[1] != "非自立可能" and v.lemma not in _NON_VOLITIONAL


#: 〜を受け(て)、 is a real verb after these (採択を受け、 "was selected"), not
#: "in response to" (影響を受け、 / 要請を受けて、)
_RECEIVED = frozenset(["採択", "認定", "指定", "表彰", "交付", "承認", "認証", "登録", "受賞", "研修", "講習", "相談"])


#: 〜の状況を考えて、… ("in view of", from 〜を鑑み): the cause stays with its result
_CIRCUMSTANCES = ("状況", "影響", "動向", "状態", "実情", "現状", "事情", "情勢", "結果", "意見", "声", "ニーズ")


def _in_view_of(tokens: list[Token], k: int) -> bool:
    """tokens[k] is 考え in 〜の状況を考えて、: a basis for what follows, not a
    step of its own (issue 11: 「新型コロナの状況を鑑みました。」 stood alone)."""
    if tokens[k].lemma not in ("考える", "かんがえる") or k < 2 or tokens[k - 1].surface != "を":
        return False
    obj = tokens[k - 3] if tokens[k - 2].surface == "など" and k >= 3 else tokens[k - 2]  # 動向などを考え
    return obj.surface.endswith(_CIRCUMSTANCES)


def _received(tokens: list[Token], k: int) -> bool:
    return tokens[k].lemma == "受ける" and k >= 2 and tokens[k - 1].surface == "を" and tokens[k - 2].surface in _RECEIVED


def _verb_end(t: Token) -> bool:
    """A predicate's end before よう: a verb, or ない (困らないよう)."""
    return _is_verbish(t) or (t.pos1 == "助動詞" and t.lemma == "ない")


def _has_topic(tokens: list[Token]) -> bool:
    return any(t.surface == "は" and t.pos1 == "助詞" for t in outside_brackets(tokens))


MIN_CLAUSE = 6  # characters; shorter pieces stay joined (開通し、 → 開通しました。 is fine; 調べ、 is not)


def split_clauses(tokens: list[Token], *, min_len: int = 25) -> list[list[Token]]:
    """Cut a long sentence after clause-closing 、 (て-form, 連用中止 〜し、,
    ため, ことから, とともに, が …).  Each piece after the first starts with
    its connective (そのため、 また、 しかし、) as a pseudo-token."""
    if len(_text(tokens)) <= min_len:
        return [tokens]
    pieces: list[list[Token]] = []
    start = 0
    depth = 0
    core = _strip_tail(tokens)[0]
    reason = bool(core) and (core[-1].surface in ("ため", "から") or _text(core[-3:]).endswith(("ためです", "からです")))
    prefix: list[Token] = []
    for i, t in enumerate(tokens):
        if t.surface in ("「", "（", "(", "『", "【"):
            depth += 1
        elif t.surface in ("」", "）", ")", "』", "】"):
            depth = max(0, depth - 1)
        if t.surface != "、" or depth or i == 0:
            continue
        found = _connector(tokens, i)
        if found is None:
            continue
        end, connective = found
        if connective == "そのために、" and reason:
            continue  # 〜できるよう、…したため。: the whole sentence is a reason; a wish cut out of it reads wrong
        clause = prefix + tokens[start:end]
        rest_len = len(_text(tokens[i + 1 :]))
        if len(_text(clause)) < MIN_CLAUSE or rest_len < MIN_CLAUSE:
            continue
        pieces.append(clause)
        prefix = [Token(connective, connective, ("接続詞", "*", "*", "*", "*", "*"), connective, "rule")] if connective else []
        start = i + 1
    pieces.append(prefix + tokens[start:])
    return pieces


def renyou_comma(tokens: list[Token]) -> list[Token]:
    """A verb's 連用形 written without its 、 before the next clause (好立地を生かし
    ライフサイエンス分野の…, 会議をひらき課題の…) gets one, so that :func:`split_clauses`
    sees the clause end: a verb of the source (or its glossary replacement) after
    を/に/で with a noun right after it; not a compound particle (により, に対し,
    を通じ), nor 〜を考え after a circumstance (a basis for what follows)."""
    out: list[Token] = []
    depth = 0
    for i, t in enumerate(tokens):
        depth += t.surface in "「（(『"
        depth -= t.surface in "」）)』" and depth > 0
        out.append(t)
        if (depth == 0 and 0 < i < len(tokens) - 1 and t.pos1 == "動詞" and t.conj_form == "連用形-一般"
                and t.source in ("sudachi", "rule:glossary") and t.pos[1] != "非自立可能"
                and tokens[i - 1].surface in ("を", "に", "で") and tokens[i - 1].pos1 == "助詞"
                and tokens[i + 1].pos1 in ("名詞", "接頭辞", "代名詞", "連体詞")
                and (not _particle_verb(t) or _received(tokens, i)) and not _in_view_of(tokens, i)):
            out.append(Token("、", "、", ("補助記号", "読点", "*", "*", "*", "*"), "、", "rule:split"))
    return out


def rewrite_sentence(tokens: list[Token]) -> list[str]:
    """Split and make every piece polite.  Returns the new sentences."""
    tokens = renyou_comma(tokens)
    default_past = is_past(tokens)
    out: list[str] = []
    pieces = split_clauses(tokens)
    for n, piece in enumerate(pieces):
        if not piece:
            continue
        # the piece before an also-clause (とともに → また、) or a bare cut
        # (〜し、/〜て、) shares the sentence's tense; before そのため/しかし
        # it keeps its own (〜するため = purpose, non-past)
        nxt = pieces[n + 1] if n + 1 < len(pieces) else None
        # (〜することで、…できました: the means shares the tense too → それで、)
        follow = nxt is not None and (nxt[0].source != "rule" or nxt[0].surface in ("また、", "それで、"))
        want = nxt is not None and nxt[0].source == "rule" and nxt[0].surface == "そのために、"
        out.append(polite_ending(piece, default_past=default_past, follow=follow, want=want))
    return out
