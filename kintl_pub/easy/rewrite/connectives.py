"""Clause-closing connectives: where a long sentence can be cut, and the
connective (そのため、 また、 しかし、 …) the next sentence starts with.

Each rule looks at the words before a 、 and says whether they close a clause
(:func:`connector`); :func:`.sentences.split_clauses` makes the cuts.
"""

from __future__ import annotations

from ..tokens import Token, outside_brackets
from .conjugate import VERB_LIKE_AUX

#: the causative and passive auxiliaries by lemma: Sudachi gives せる/させる the
#: conjugation type 下一段-サ行 (a verb's), not 助動詞-セル, so 発生させた was no
#: verb end and got 「…させたです。」 (issue 11 round 3)
_VERBISH_AUX_LEMMAS = frozenset(["せる", "させる", "れる", "られる"])

#: verbs that, in て-form, are compound particles (に向けて, について …), not clauses
COMPOUND_PARTICLE_VERBS = frozenset(
    ["向ける", "通じる", "つく", "よる", "おく", "対する", "関する", "踏まえる", "伴う", "際する", "基づく", "加える", "含める", "除く", "沿う", "当たる", "応じる", "比べる", "先立つ", "向かう", "限る", "当てる", "通す", "わたる", "渡る", "伴なう", "併せる", "あわせる", "合わせる", "問う", "始める", "際す", "受ける", "通ずる",
     # the same verbs in kana (the glossary writes にもとづき, にともない)
     "もとづく", "ともなう", "つうじる", "たいする", "かんする", "むける", "ふまえる", "かかわる", "関わる", "おうじる",
     # を介して ("through": 通訳を介して対応した was cut to 「通訳を介しました。」), を経て ("after")
     "介する", "経る"]
)


def _particle_verb(t: Token) -> bool:
    """A verb that may be part of a compound particle (に向けて, において); a
    glossary verb (設置し → おき) stood for a サ変 verb of the source and is none;
    the verb of a glossary phrase that replaced one (を踏まえて → を考えて) is one."""
    return (t.lemma in COMPOUND_PARTICLE_VERBS and t.source != "rule:glossary") or t.source == "rule:particle"


def _text(tokens: list[Token]) -> str:
    return "".join(t.surface for t in tokens)


def _is_verbish(t: Token) -> bool:
    """A verb, or an auxiliary that conjugates like one (させ, られ): the end
    of a predicate that takes ます."""
    return t.pos1 == "動詞" or (t.pos1 == "助動詞" and (t.conj_type in VERB_LIKE_AUX or t.lemma in _VERBISH_AUX_LEMMAS))


def nominal_renyou(tokens: list[Token], k: int) -> bool:
    """tokens[k] is a verb's 連用形 used as a noun (連用形名詞): right after the
    case particle の (英国代表チームの事前キャンプの受入れ、市民ボランティアによる運営支援や
    …: 受入れ is a listed act like 支援), not followed by an auxiliary or て (依頼の
    あった: の marks a subject there).  No clause ends at it, and it takes です,
    never ます (the cut made 「…事前キャンプの受入れました。」, issue 11 round 3)."""
    t = tokens[k]
    if t.pos1 != "動詞" or not t.conj_form.startswith("連用形") or k == 0:
        return False
    if tokens[k - 1].surface != "の" or tokens[k - 1].pos1 != "助詞":
        return False
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    return nxt is None or not (nxt.pos1 == "助動詞" or nxt.surface in ("て", "で"))


SPLIT_MIN = 25  # characters; a sentence this short is not cut (:func:`.sentences.split_clauses`)

#: (where the clause's own words end, connective for the next sentence)
Cut = tuple[int, str]


def connector(tokens: list[Token], i: int) -> Cut | None:
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


def _koto_also(tokens: list[Token], i: int) -> Cut | None:
    """〜できたこと、また、…できたことから、: the first of two reasons given as
    こと clauses.  Cut only before the second's ことから (→ そのため、), the first
    kept its こと: 「…獲得できたこと、また、…できました。」 (issue 11 audit 2).
    The こと is dropped, the first reason said as it happened (獲得できました。
    また、…); the また、 stays with the next sentence."""
    if not (i >= 2 and i + 1 < len(tokens) and tokens[i - 1].surface == "こと" and tokens[i + 1].surface == "また"):
        return None
    if not (tokens[i - 2].pos1 == "助動詞" and tokens[i - 2].lemma == "た"):
        return None
    rest = _text(tokens[i + 1 :])
    return (i - 1, "") if any(c in rest for c in ("ことから、", "ことにより、", "ことで、")) else None


def _cause(tokens: list[Token], i: int) -> Cut | None:
    """〜ため(に)、 〜ことから、 〜ことにより、 〜の影響により/で、 → そのため、 / それで、."""
    p = tokens[i - 1]
    if p.surface in ("ため", "ために") and i >= 2 and tokens[i - 2].surface != "の":
        return i - 1, ("そのために、" if _purpose(tokens, i - 2) else "そのため、")
    if _verb_tame_ni(tokens, i):
        return i - 2, ("そのために、" if _purpose(tokens, i - 3) else "そのため、")
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


def _verb_tame_ni(tokens: list[Token], i: int) -> bool:
    """〜するために、 as Sudachi reads it (ため + に, never one word): the same
    clause end as 〜するため、 (issue 11: 47 long sentences kept it whole), but
    not after a topic (マラソン大会は、…大会とするために、…: the topic belongs to
    the main clause, as for 〜できるよう、)."""
    return (i >= 3 and tokens[i - 1].surface == "に" and tokens[i - 2].surface == "ため"
            and _verb_end(tokens[i - 3]) and not _has_topic(tokens[: i - 2]))


#: verbs of judging: 〜と判断し、 / 〜と考え、 (判断する is 決める in the glossary)
_JUDGING = frozenset(["判断", "考える", "かんがえる", "思う", "おもう", "決める", "きめる", "判断する"])


def _judged(tokens: list[Token], i: int) -> Cut | None:
    """〜できないと判断し、Y → "〜できないと考えました。そのため、Y": a judgement
    (a quoted thought: と after a predicate) is why Y was done; cut bare, the
    decision 中止としました stood unconnected to its reason (issue 11 round 3).
    Not 〜と考え after a noun (AとBを考え: と joins nouns there)."""
    k = i - 2 if tokens[i - 1].surface in ("て", "で") else i - 1
    if k < 2 or not tokens[k].conj_form.startswith("連用形"):
        return None
    v = tokens[k]
    if v.lemma == "する" and tokens[k - 1].surface == "判断":
        k -= 1
    elif not (v.pos1 == "動詞" and v.lemma in _JUDGING):
        return None
    quote, pred = tokens[k - 1], tokens[k - 2]
    if quote.surface == "と" and quote.pos1 == "助詞" and pred.pos1 in ("動詞", "助動詞", "形容詞", "形状詞"):
        return i, "そのため、"
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
    → "XのNをします。それで、"; 〜する一方(で)、 → "…します。しかし、".
    Not after a topic, as for :func:`_so_that`: 研修については、…の検討を行いながら、
    引き続き実施していきます — the topic is what the main clause does; cut, 「研修は、
    …をかんがえます。」 made it the one who considers (issue 11 audit)."""
    p = tokens[i - 1]
    k = i - 2 if p.surface == "も" else i - 1
    if k >= 1 and tokens[k].surface in ("つつ", "ながら") and tokens[k].pos[:2] == ("助詞", "接続助詞") and _is_verbish(
        tokens[k - 1]
    ):
        return None if _has_topic(tokens[:k]) else (k, "")
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


def _and_then(tokens: list[Token], i: int) -> Cut | None:
    """More clause ends that add a second act (issue 11): 〜することに加え(て)、 and
    〜すると同時に、 → "…。また、"; 〜したり、 → "…しました。また、"; 〜した上で、
    → "…しました。そのあとで、" (the order kept).  Only after a verb: a noun + に加え
    (英語に加え中国語…) or + と同時に is no clause.  Not in a reason (…したことに加え、
    …できたため。: both acts are the reason) nor before a second たり (〜したり、
    〜したりする必要がある: both are what is needed)."""
    p = tokens[i - 1]
    if "ため" in _text(tokens[-4:]) or any(t.surface == "たり" for t in tokens[i:]) or _inside_koto(tokens, i):
        return None
    k = i - 2 if p.surface == "て" else i - 1
    if k >= 3 and tokens[k].lemma == "加える" and tokens[k - 1].surface == "に" and tokens[k - 2].surface == "こと" and (
        _verb_end(tokens[k - 3]) or tokens[k - 3].lemma == "た"
    ):
        return k - 2, "また、"
    if p.surface == "に" and i >= 4 and tokens[i - 2].surface == "同時" and tokens[i - 3].surface == "と" and (
        _verb_end(tokens[i - 4]) or tokens[i - 4].pos1 == "助動詞"
    ):
        return i - 3, "また、"
    if p.surface == "たり" and i >= 2 and _is_verbish(tokens[i - 2]):
        return i - 1, "また、"
    if p.surface == "で" and i >= 4 and tokens[i - 2].surface == "上" and tokens[i - 3].lemma == "た" and (
        _is_verbish(tokens[i - 4])
    ):
        return i - 3, "そのあとで、"
    return None


def _bare_cut(tokens: list[Token], i: int) -> Cut | None:
    """〜て、/〜で、 and a verb's 連用形 (〜し、): cut with no connective."""
    p = tokens[i - 1]
    if _inside_koto(tokens, i) or _partner_waits(tokens, i):
        return None
    if p.lemma == "ある" and i >= 2 and tokens[i - 2].surface == "で" and tokens[i - 2].lemma == "だ" and (
        not _has_topic(tokens[: i - 2])
    ):
        return None  # 〜であり、 without a topic: like 〜で、 (the copula rule), 「市の担当者です。」 says of whom?
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
    ) and not nominal_renyou(tokens, i - 1):
        return i, ""
    return None


def _partner_waits(tokens: list[Token], i: int) -> bool:
    """A partner with its own 、 (各姉妹・友好都市と、…を生かし、…交流事業を実施): the
    「Nと、」 belongs to the verb at the end, set off by the 、; cut at the clause
    between, 「…友好都市と、…特性などをいかしました。」 made them partners of
    the wrong act (issue 11 audit 2).  Only when no clause ends between the
    と、 and the cut."""
    for k in range(i - 2, 0, -1):
        t = tokens[k]
        if t.surface == "、" and tokens[k - 1].surface == "と" and tokens[k - 1].pos[:2] == ("助詞", "格助詞"):
            return True
        if t.surface in ("、", "。") and k > 0 and _verb_end(tokens[k - 1]):
            return False
    return False


def _inside_koto(tokens: list[Token], i: int) -> bool:
    """The clause before the 、 at ``i`` is the first of two inside a こと clause
    (市内中小企業者は、変化に対応し、海外需要を取り込んでいくことが重要: what is
    important, not what they do; issue 11): the next clause ends in こと + が/は
    before any other 、 (not 〜ことができる)."""
    for j in range(i + 1, len(tokens) - 1):
        if tokens[j].surface in ("、", "。"):
            return False
        if tokens[j].surface in ("ひつよう", "必要") and tokens[j + 1].surface in ("が", "は", "も"):
            return True  # 〜を選定したり、…を強くするひつようがある: both are what is needed
        if tokens[j].surface == "こと" and tokens[j + 1].surface in ("が", "は") and tokens[j + 1].pos1 == "助詞":
            # 〜することができました: ability, each clause still happened (…進み、…ことができた)
            return j + 2 >= len(tokens) or tokens[j + 2].lemma not in ("できる", "出来る")
    return False


_CONNECTOR_RULES = (
    _together,
    _koto_also,
    _cause,
    _judged,
    _means_result_also,
    _copula_reason_contrast,
    _while,
    _so_that,
    _following_besides,
    _and_then,
    _bare_cut,
)


#: the connective a sentence opens with when the sentence before opened with the
#: same one (:func:`vary_repeated_connectives`)
_SECOND_CONNECTIVE = {"しかし、": "それでも、", "そのため、": "それで、", "それで、": "こうして、"}
_SENTENCE_LEAD = "・●○◎■□◆◇▪"


def vary_repeated_connectives(sentences: list[str]) -> list[str]:
    """Two sentences in a row opening with the same contrast or consequence
    connective (the cuts of 〜が、…〜が、 or 〜ことで、…ことで、, or a cut next to the
    source's own しかし、): the second gets a word that says how it follows.
    「A。しかし、B。しかし、C。」 reads as C taking back B, a contradiction of the
    contradiction; what the writer meant is C "even so" → それでも、.  A chain of
    results 「それで、B。それで、C。」 → こうして、 ("in this way": C sums up the
    steps); そのため、 twice → それで、 (as :func:`.sentences.split_clauses` does
    inside a sentence).  Not また、: a second また、 only adds one more item to an
    enumeration, which is what it says; nor そのために、: a chain of purposes (to do
    A we want B; for B we did C) reads right step by step."""
    out: list[str] = []
    prev = ""
    for sentence in sentences:
        lead = len(sentence) - len(sentence.lstrip(_SENTENCE_LEAD))
        body = sentence[lead:]
        opening = next((c for c in _SECOND_CONNECTIVE if body.startswith(c)), "")
        if opening and prev == opening:
            opening = _SECOND_CONNECTIVE[opening]
            sentence = sentence[:lead] + opening + body[len(prev) :]
        out.append(sentence)
        prev = opening  # as said: そのため、 それで、 そのため、 alternate
    return out


#: nouns whose 〜により / 〜で gives a cause (〜の影響により、 → …の影響です。そのため、)
_CAUSE_NOUNS = ("影響", "拡大")
#: things one does (〜の運営を通じ、 → 〜の運営をします。それで、); not 関係, 制度 …
ACTIVITIES = frozenset(["実施", "開催", "運営", "活動", "交流", "研修", "協力", "連携", "参加", "展示", "発信", "提供",
                         "相談", "調査", "訪問", "派遣", "受入", "受け入れ", "講演", "説明", "配布", "指導", "フォローアップ",
                         "創出", "支援", "手伝い", "取組", "とりくみ", "取り組み", "情報発信", "広報", "啓発", "周知", "意見交換"])
#: verbs that happen rather than are done: before ため they give a cause, not a purpose
_NON_VOLITIONAL = frozenset(["ある", "いる", "なる", "できる", "増える", "ふえる", "減る", "へる", "減少", "増加",
                             "見込む", "かかる", "変化", "発生", "不足", "拡大", "低下", "上昇", "異なる", "ちがう", "違う", "生じる", "起きる", "続く", "つづく", "外れる", "はずれる"])


def _purpose(tokens: list[Token], k: int) -> bool:
    """tokens[k] is the verb before ため: a deliberate act in the non-past
    (〜するため、) means "in order to", anything else (〜したため、 〜がふえるため、)
    "because"."""
    v = tokens[k]
    if v.pos1 != "動詞" or not v.conj_form.startswith(("終止形", "連体形")):
        return False
    if _going_on(tokens, k):
        return _volitional(tokens, k - 2)
    return _volitional(tokens, k)


def _volitional(tokens: list[Token], k: int) -> bool:
    v = tokens[k]
    if v.pos1 != "動詞":
        return False
    if v.lemma == "する" and k > 0 and tokens[k - 1].pos1 == "名詞":
        return tokens[k - 1].lemma not in _NON_VOLITIONAL
    return v.pos[1] != "非自立可能" and v.lemma not in _NON_VOLITIONAL


def _going_on(tokens: list[Token], k: int) -> bool:
    """tokens[k] is the auxiliary いく/くる of 〜ていく/〜てくる (魅力を高めていくため、):
    the verb before て says whether it is done, so 〜を高めていくため is a purpose
    (was read as a cause, 「…高めていきます。そのため、」; issue 11 audit) and
    〜がふえていくため still a cause."""
    return (k >= 2 and tokens[k].lemma in ("いく", "行く", "くる", "来る") and tokens[k].pos[1] == "非自立可能"
            and tokens[k - 1].surface in ("て", "で") and tokens[k - 1].pos1 == "助詞")


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
    """A topic は outside brackets (a quoted title's は is none)."""
    return any(t.surface == "は" and t.pos1 == "助詞" for t in outside_brackets(tokens))
