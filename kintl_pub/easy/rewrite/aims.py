"""The ``aim`` rules: an officialese サ変 noun said as the verb it stands for.

* ``aim_phrases``: 〜の向上を図る → 〜をよくする, 情報発信を行う → 情報をつたえる
  (the noun is an ``aim`` entry of the glossary: what the phrase really does);
* ``aim_purpose``: 〜の充実のため、 → 〜をよくするため、;
* ``means_de``: 〜の実施で、 → 〜をすることで、.

Split from :mod:`.phrases` (which keeps the plain 図る/行う/できる rules and
the helpers both use) to keep each module small.
"""

from __future__ import annotations

from ..tokens import Token, outside_brackets, quoted
from .glossary import _CASE_PARTICLE, _NOUN, Glossary, coordinated
from .phrases import _JOINERS, AIM_HEADS_NI, _head_at, _sahen, _verb

#: first parts of a compound that say how or when, not what (早期解決, 段階導入)
MANNER_NOUNS = frozenset(
    ["早期", "段階", "全面", "本格", "一斉", "順次", "重点", "集中", "個別", "共同", "一体", "同時", "定期",
     "一部", "全体", "総合", "相互", "広域", "官民", "地域", "一元", "効率"]
)


#: suffixes that end an object noun (認知度向上 = 認知度 + 向上: 認知度をよくする)
_OBJECT_SUFFIXES = frozenset(["度", "性", "力", "率", "感"])


def _wo() -> Token:
    return Token("を", "を", _CASE_PARTICLE, "を", "rule:phrase")


def _put_wo(out: list[Token], no: bool) -> None:
    """The aim noun's object marked with を: XのN → Xを (the の becomes を),
    a compound's first noun (情報|発信) → 情報を."""
    if no:
        out[-1] = _wo()
    else:
        out.append(_wo())


def _object_noun(t: Token) -> bool:
    """The noun before a compound's last part can be its object (情報 in
    情報発信, 認知度 in 認知度向上), not a サ変 noun (継続実施) or an adverbial
    one (早期解決)."""
    if t.surface in _OBJECT_SUFFIXES and (t.pos1 == "接尾辞" or t.pos[2:3] == ("助数詞可能",)):
        return t.source != "override"
    return t.pos[:3] == ("名詞", "普通名詞", "一般") and t.source != "override" and t.surface not in MANNER_NOUNS


def aim_phrases(tokens: list[Token], glossary: Glossary) -> list[Token]:
    """XのN を 図る/行う/する → X を V;  AN を 行う → A を V;  N を 図る → V."""
    aims = glossary.aims
    if not aims:
        return tokens
    out: list[Token] = []
    names = quoted(tokens)
    i = 0
    n = len(tokens)
    while i < n:
        t = tokens[i]
        entry = None if names[i] else aims.get(t.surface)
        if entry is None or not _head_at(tokens, i) or t.source not in ("sudachi", "kana") or coordinated(out):
            out.append(t)
            i += 1
            continue
        head = tokens[i + 2]
        after = tokens[i + 3] if i + 3 < n else None
        prev = out[-1] if out else None
        no = prev is not None and prev.surface == "の" and prev.pos1 == "助詞"
        obj = prev is not None and not no and _object_of(prev, t.surface)
        entry = entry.for_object(out[-2] if no and len(out) > 1 else prev)
        verb = None if entry is None else _verb(entry.easy, head, after)
        if verb is None or not _aim_ok(out, head, no, obj) or (obj and coordinated(out[:-1])):
            out.append(t)
            i += 1
            continue
        if obj and not no:
            _particle_for_verb(out)
        if no or obj:
            _put_wo(out, no)  # XのNを図る → Xを… / 情報発信を → 情報を…
        _place_de(out)
        out.extend(verb)
        i += 3 + (len(verb) - 1)
    return out


#: a particle + の that qualified a compound noun, and the particle it becomes
#: with the verb (Aへの情報発信 → Aに情報をつたえる)
VERB_PARTICLES = {"へ": "に", "で": "で", "と": "と"}


def _particle_for_verb(out: list[Token]) -> None:
    """Aへの/Aでの/Aとの + 情報発信を → Aに/Aで/Aと 情報を…: the particle's の
    made it qualify the compound; with the compound's second noun made the verb
    it goes with the verb.  Kept, 「情報コーナーでの情報をつたえました」 said
    "told the corner's information" (issue 11 audit 2; への was the only one)."""
    if len(out) > 2 and out[-2].surface == "の" and out[-3].surface in VERB_PARTICLES and out[-3].pos1 == "助詞":
        p = VERB_PARTICLES[out[-3].surface]
        out[-3:-1] = [Token(p, p, _CASE_PARTICLE, p, "rule:phrase")]
        return
    for words, p in _ATTRIBUTIVE_PARTICLES:
        k = len(words)
        if len(out) > k + 1 and [t.surface for t in out[-k - 1 : -1]] == list(words) and out[-k - 1].pos1 == "助詞":
            # 情報コーナーにおける情報提供 / 外国人に対する情報提供: the same, written out
            out[-k - 1 : -1] = [Token(p, p, _CASE_PARTICLE, p, "rule:phrase")]
            return


#: compound particles that qualify a noun (における, に対する) and the particle for the verb
_ATTRIBUTIVE_PARTICLES = ((("に", "おけ", "る"), "で"), (("に", "おける"), "で"), (("に", "対する"), "に"))


#: aims that only say "do / hold / promote / strengthen": a サ変 noun before them
#: is their object (利用促進 → 利用をすすめる, 連携強化 → 連携を強くする, 研修実施 → 研修をする)
#: and 支援, 啓発 (学習支援 → 学習を手伝う; 意識啓発 → 意識を高める: the サ変 noun is the object)
_PROMOTES = frozenset(["促進", "推進", "強化", "拡充", "充実", "実施", "開催", "支援", "啓発"])


def _object_of(prev: Token, noun: str) -> bool:
    """Is ``prev`` (the word before ``noun`` in a compound) its object?"""
    return _object_noun(prev) or (
        noun in _PROMOTES and _sahen(prev) and prev.surface not in MANNER_NOUNS and prev.surface != "継続"
    )


#: (in :func:`aim_phrases` and :func:`aim_purpose`) a compound after 「A、」 or
#: 「A・」 (窓口の設置、情報提供を行う; 〜の実施、業務提供に向けて) is the second of two
#: activities like 〜と/や: its verb left the first a bare noun (「窓口の設置、
#: 情報をつたえます」; issue 11 audit 2), see :func:`.glossary.coordinated`.


def _aim_ok(out: list[Token], head: Token, no: bool, obj: bool) -> bool:
    """May the aim noun before ``head`` become the verb?  It needs its object
    (XのN, or the first noun of a compound) — with する/努める always (見直しと
    更新をする, よい発信をする, つづけて実施をする keep the noun) — and not the
    second of two activities, whatever the head (機会の創出と魅力の発信をする,
    活性化と認知度向上を図る, 支援や指導を行う: one verb would join them wrongly;
    :func:`_paired`)."""
    prev = out[-1] if out else None
    if prev is not None and prev.pos1 in ("動詞", "助動詞", "形容詞", "連体詞"):
        return False  # 技術を生かした支援を行う: a clause on the noun keeps it a noun
    if no:
        return len(out) > 1 and (out[-2].is_noun_like() or out[-2].surface == "など") and not _paired(out)
    if prev is not None and prev.pos1 in ("名詞", "接頭辞", "接尾辞") and not obj:
        return False
    if obj and len(out) > 3 and out[-2].lemma == "た" and out[-4].surface in _WITH_SOMEONE:
        return False  # NPOと協力した入居支援を行う: done with a partner is the compound, not 入居
    if obj and (_by_means(out[:-1]) or _manner_before(out[:-1])):
        return False
    if head.lemma in ("する", *AIM_HEADS_NI) and not obj:
        return False
    return not _paired(out)


#: verbs of a means (〜を利用した, 〜を通じた, 〜を生かした)
_MEANS_VERBS = frozenset(["通じる", "通ずる", "使う", "つかう", "生かす", "活かす", "いかす", "用いる"])
_MEANS_NOUNS = frozenset(["利用", "活用", "使用"])


def _by_means(out: list[Token]) -> bool:
    """A 〜を利用した / 〜を通じた clause right before a compound (システムを利用した
    情報発信を行う): it says how the activity is done, so the compound stays whole;
    made a verb, 「システムをつかった情報をつたえる」 said the information used
    the system (issue 11 audit 2)."""
    if len(out) < 2 or out[-1].lemma != "た" or out[-1].pos1 != "助動詞":
        return False
    v = out[-2]
    if v.pos1 == "動詞" and v.lemma in _MEANS_VERBS:
        return True
    return v.lemma == "する" and len(out) > 2 and out[-3].surface in _MEANS_NOUNS


def _manner_before(out: list[Token]) -> bool:
    """〜的な right before a compound (効果的な情報発信, 積極的な情報提供): it says
    how the activity is done; made a verb, 「よい情報をつたえます」 made it the
    information that is good (issue 11 audit 2).  Other な-words (必要な情報提供)
    say what the information is and let the compound turn."""
    return len(out) > 1 and out[-1].surface == "な" and out[-1].pos1 == "助動詞" and out[-2].surface.endswith("的")


#: where the noun phrase before an aim noun ends (its case, the clause before it)
_PHRASE_STOPS = frozenset(["を", "が", "は", "も", "、", "，", "。"])
#: the kana a verb's 連用形 noun ends in (見直し, 取組み, 手伝い)
_RENYOU_KANA = tuple("いきぎしちびみりえけげせてねべめれ")


def _activity(t: Token) -> bool:
    """A noun that names something done: a サ変 noun, 〜化, or a verb's 連用形
    noun (見直し)."""
    return _sahen(t) or t.surface.endswith("化") or (
        t.pos[:3] == ("名詞", "普通名詞", "一般") and len(t.surface) > 1 and t.surface.endswith(_RENYOU_KANA)
        and "\u4e00" <= t.surface[0] <= "\u9fff")


def _phrase_ends(out: list[Token], k: int) -> bool:
    """out[k] closes what comes before the noun phrase: its case particle, a
    clause's 、 (not the 、 of 〜や、) or a verb's 連用形 (〜を行い); a 連体形 verb
    (〜に使用する帳票) is inside the phrase."""
    t = out[k]
    if t.surface in _PHRASE_STOPS:
        return not (t.surface == "、" and out[k - 1].surface in _JOINERS)
    return t.pos1 == "動詞" and t.conj_form.startswith("連用形") and not (k + 1 < len(out) and out[k + 1].pos1 == "助動詞")


def _paired(out: list[Token]) -> bool:
    """The aim noun is the second of two activities joined by と/や in the same
    noun phrase (機会の創出と魅力の発信, 手帳の配布と…帳票の周知, 見直しと適宜更新),
    or right after や/及び with any noun (相談の受付や支援): one verb for the
    last noun alone would leave the first a bare noun before it (「…の配布と
    帳票をしらせました」, 「支援や教えました」: the first activity dropped out of
    the sentence).  The phrase is read back to its case particle or clause end
    (a relative clause inside it, 〜に使用する帳票, stays in; issue 11 audit; was
    a six-token window that missed the long ones); 〜と after a plain noun is a
    partner (関係機関と連携を行う), not a pair.  Further back only a の-phrase's
    activity pairs (XのA と YのN): 多文化共生や国際理解に対する意識の向上, 手続きや
    準備などの不安の解消 join the words of a modifier, not two activities."""
    k = len(out) - 1
    while k > 0 and len(out) - k <= 24:
        t = out[k]
        if t.surface in _JOINERS and t.pos1 in ("助詞", "接続詞"):
            before = out[k - 1]
            if k >= len(out) - 2:  # right before the noun (or an adverb): 支援や|指導, 見直しと|適宜|更新
                if _activity(before) or (t.surface != "と" and before.is_noun_like()):
                    return True
            elif k >= 2 and (out[k - 2].surface == "の" or out[k + 1].surface == "、") and (
                _sahen(before) or before.surface.endswith("化")
            ):
                return True  # 手帳の配布と…帳票の周知 (XのA と YのN), …対応や、…の作成: two activities
        elif _phrase_ends(out, k):
            return False
        k -= 1
    return False


def _place_de(out: list[Token]) -> None:
    """全庁内に現状調査を行う → 全庁内で現状を調べる: with the noun made a verb,
    a place before its object (〜内に, 〜中に) is where it is done (で)."""
    k = len(out) - 2  # out[-1] is the を of the new object
    while k > 0 and out[k].pos1 in ("名詞", "接尾辞", "接頭辞") and len(out) - k < 5:
        k -= 1
    if k > 0 and out[k].surface == "に" and out[k].pos1 == "助詞" and out[k - 1].surface.endswith(("内", "中")):
        out[k] = Token("で", "で", out[k].pos, "で", "rule:phrase")


_RENTAI = Token("", "", ("動詞", "一般", "*", "*", "*", "連体形-一般"), "", "rule:phrase")


def aim_purpose(tokens: list[Token], glossary: Glossary) -> list[Token]:
    """XのNのため(に)、 → XをVため(に)、 (N an ``aim`` noun: 飲食機能の充実のため、 →
    飲食機能をよくするため、), so that the clause splitter can make it a
    sentence of its own (〜をよくしたいです。そのために、).  Only with an object
    (Xの / a compound's first noun): a bare 推進のため stays."""
    aims = glossary.aims
    names = quoted(tokens)
    out: list[Token] = []
    i, n = 0, len(tokens)
    while i < n:
        t = tokens[i]
        entry = aims.get(t.surface)
        tail = _purpose_tail(tokens, i + 1)
        if entry is None or t.source not in ("sudachi", "kana") or tail is None or not out:
            out.append(t)
            i += 1
            continue
        prev = out[-1]
        no = prev.surface == "の" and prev.pos1 == "助詞" and len(out) > 1 and out[-2].is_noun_like()
        entry = None if names[i] else entry.for_object(out[-2] if no else prev)
        verb = None if entry is None else _verb(entry.easy, _RENTAI, None)
        # in 飲食機能充実 / 拡大防止 the first noun is the aim's object, even a サ変 one
        obj = _object_noun(prev) or (_sahen(prev) and prev.surface not in MANNER_NOUNS and prev.surface != "継続")
        if (
            verb is None
            or entry is None
            or entry.easy == "する"  # 〜の実施のため → 〜をしたいです says nothing
            or not (no or obj)
            or coordinated(out[:-1] if no else out)
            or (obj and not no and coordinated(out[:-1]))  # 実施、業務提供: the compound is the second of two
            or _has_case_before(out)
        ):
            out.append(t)
            i += 1
            continue
        _put_wo(out, no)
        out.extend(verb)
        out.append(Token("ため", "ため", _TAME, "ため", "rule:phrase"))
        i = tail  # the 、
    return out


_TAME = ("名詞", "普通名詞", "副詞可能", "*", "*", "*")


def _has_case_before(out: list[Token]) -> bool:
    """A topic, subject or object earlier in the sentence (図書室は、…拡大防止の
    ため、…): the purpose is inside the main clause and cannot be cut out."""
    return any(
        t.pos1 == "助詞" and t.surface in ("は", "を", "が") and t.source != "rule:phrase" for t in outside_brackets(out)
    )


def _purpose_tail(tokens: list[Token], j: int) -> int | None:
    """Index of the 、 when tokens[j:] is の ため (に) 、 — as words or as the
    glossary's one token のために (〜に向けて → のために)."""
    n = len(tokens)
    if j < n and tokens[j].surface in ("のため", "のために"):
        k = j + 1
    elif j + 1 < n and tokens[j].surface == "の" and tokens[j + 1].surface in ("ため", "ために"):
        k = j + 2
        if k < n and tokens[k].surface == "に" and tokens[j + 1].surface == "ため":
            k += 1
    else:
        return None
    return k if k < n and tokens[k].surface == "、" else None


#: activities done *with* someone: 〜との連携で、 means "together with", not a step to cut out
_WITH_SOMEONE = frozenset(["連携", "協力", "協働", "共催", "連絡", "協議", "共同", "提携"])
#: what happens rather than is done (感染拡大で、 is a cause: the splitter makes it そのため、)
_HAPPENS = frozenset(["拡大", "影響", "増加", "減少", "発生", "不足", "低下", "上昇", "変化", "流行", "延期", "中止"])


def means_de(tokens: list[Token], glossary: Glossary, activities: frozenset[str]) -> list[Token]:
    """XのNで、 → XをVことで、 (N an activity noun: 広報活動の実施で、 → 広報活動を
    することで、; 資料コーナーの設置で、 → 資料コーナーをおくことで、), so that the
    clause splitter makes the means a sentence of its own and keeps the link
    (〜をしました。それで、…).  A compound (研修実施で、) gets をすることで; a place
    or a tool (技術展で、 ウェブで、) and an activity with a partner (〜との連携で、)
    are left alone."""
    out: list[Token] = []
    n = len(tokens)
    depth = 0
    for i in range(n):
        t = tokens[i]
        depth += t.surface in "「（(『"
        depth -= t.surface in "」）)』" and depth > 0
        nxt = tokens[i + 1] if i + 1 < n else None
        after = tokens[i + 2] if i + 2 < n else None
        if (
            depth
            or nxt is None
            or after is None
            or nxt.surface != "で"
            or nxt.pos1 != "助詞"
            or after.surface != "、"
            or not _sahen(t)
            or t.source not in ("sudachi", "kana")
            or t.surface in _WITH_SOMEONE
            or t.surface in _HAPPENS
            or not (t.surface in activities or t.surface in glossary.aims)
            or not out
        ):
            out.append(t)
            continue
        prev = out[-1]
        no = prev.surface == "の" and prev.pos1 == "助詞" and len(out) > 1 and out[-2].is_noun_like()
        if no and len(out) > 2 and out[-2].surface == "と" or coordinated(out[:-1] if no else out):
            out.append(t)  # AとのNで / A、Nで: not one object
            continue
        entry = glossary.aims.get(t.surface)
        compound = not no and _object_of(prev, t.surface) and not _paired(out)  # 魅力発信で → 魅力をつたえることで
        verb = None
        if entry is not None and (no or compound):
            entry = entry.for_object(out[-2] if no else prev)
            verb = None if entry is None else _verb(entry.easy, _RENTAI, None)
        if verb is not None:
            _put_wo(out, no)  # XのNで → XをVことで
            out.extend(verb)
        elif no or prev.is_noun_like() or prev.surface == "など":
            out += [t, _wo(),
                    *(_verb("する", _RENTAI, None) or [])]  # 研修実施で / 相談の対応で → …をすることで
        else:
            out.append(t)
            continue
        out.append(Token("こと", "こと", _NOUN, "こと", "rule:phrase"))
    return out
