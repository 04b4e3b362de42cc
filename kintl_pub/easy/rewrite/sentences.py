"""Sentence-level rules on Sudachi tokens: polite endings and clause splits
(where a clause ends: :mod:`.connectives`)."""

from __future__ import annotations

from ..tokens import Token
from .conjugate import CannotConjugate, masu_stem, polite, polite_te_iru
from .connectives import (
    SPLIT_MIN,
    _in_view_of,
    _is_verbish,
    _particle_verb,
    _received,
    _text,
    connector,
    nominal_renyou,
)
from .reorder import cause_before_topic, list_in_brackets, object_after_so_that
from .restructure import (
    goal_first,
    hoist,
    note_after,
    place_notes,
    purpose_first,
    tomoni_comma,
)

_TAIL = set("。．.！？!?」』）)]】 ")

_POLITE_END = ("ます", "です", "ました", "でした", "ません", "ましょう", "ください", "でしょう", "ませんでした")


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



def is_past(tokens: list[Token]) -> bool:
    core = _strip_tail(tokens)[0]
    return any(t.lemma == "た" and t.pos1 == "助動詞" for t in core[-3:])


#: conjunctive particles that close a clause with its own tense (〜したので、)
_CLAUSE_PARTICLES = frozenset(["ので", "から", "が", "けれど", "けれども", "のに"])


def first_clause_past(tokens: list[Token]) -> bool:
    """The first clause of ``tokens`` ends in the past before ので/から/が
    (開通し、|工事が完了しましたので事業を終了します): a 連用形 cut before it
    shares that clause's tense, not the sentence end's (was 「…開通します。
    工事が終わりましたので…」, the opening made future; issue 11 audit)."""
    for j, t in enumerate(tokens):
        node = t.surface == "の" and t.pos[1] == "準体助詞" and j + 1 < len(tokens) and tokens[j + 1].surface == "で"
        if (node or (t.pos[:2] == ("助詞", "接続助詞") and t.surface in _CLAUSE_PARTICLES)) and j > 0:  # ので: の + で
            return tokens[j - 1].lemma == "た" and tokens[j - 1].pos1 == "助動詞"
        if t.surface in ("、", "。"):
            return False
    return False


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


def _own_subject(core: list[Token], idx: int) -> bool:
    """The verb at ``idx`` has a subject of its own (XがVする, no modifier clause
    ending between: 日本語がわからない外国人市民の…を解消する is the writer's act):
    a purpose clause on it says 「Xが…するようにしたいです」, not 「Xが…したいです」,
    which makes X the one who wishes (川崎港がプレゼンスを発揮するため、 → 川崎港が
    プレゼンスを発揮するようにしたいです; issue 11 round 3)."""
    ga = next((k for k in range(idx - 1, -1, -1) if core[k].surface == "が" and core[k].pos1 == "助詞"
               and core[k].pos[1] == "格助詞"), None)
    if ga is None or any(c in _text(core[ga:idx]) for c in "「」（）()、"):
        return False
    return not any(
        t.pos1 in ("動詞", "助動詞", "形容詞") and t.conj_form.startswith(("連体形", "終止形"))
        for t in core[ga + 1 : idx]
    )


def polite_ending(tokens: list[Token], *, default_past: bool = False, follow: bool = False, want: bool = False,
                  ongoing: bool = False) -> str:
    """The sentence with its final predicate in です/ます form.

    体言止め gets です (or します after 〜を + サ変 noun), だ/である become
    です, plain verbs their ます form, ない ません, た ました.
    ``default_past`` is the tense for a 連用形 clause end (after a split);
    with ``follow`` a non-past clause end takes it too (〜するとともに、…した);
    with ``want`` a plain verb becomes 〜たいです (a purpose clause cut before
    そのために、: 〜をしらせるため、… → 〜をしらせたいです。そのために、…);
    with ``ongoing`` a 連用形 end takes 〜ています (:func:`shares_te_iru`), and with
    ``follow`` a plain one too (〜を発信するとともに、…も発信しています was
    「…つたえます。また、…つたえています。」, a plan for what goes on; audit 2).
    """
    core, tail = _strip_tail(tokens)
    if not core or bracketed_note(tokens):
        return _text(tokens)
    text = _text(core)
    if text.endswith(_POLITE_END):
        return text + (tail or "。")
    if core[-1].surface in ("、", "，", ","):
        # an unfinished sentence whose list follows on the next lines (転入手続の際、
        # ・…・…を配布し): 「転入手続の際、です。」 said nothing; it stays as written
        return _text(tokens)
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
    noun_end = nominal_renyou(core, idx)  # 〜の受入れ: a noun, so です (never 受入れました)
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
        if want and pred.pos1 == "動詞" and not past and not neg and not noun_end:
            if (pred.conj_type.startswith("下一段") and pred.source == "sudachi" and any(
                t.surface == "が" and t.pos1 == "助詞" for t in core[:idx]
            )) or _own_subject(core, idx):
                # with a subject of its own, maybe a potential (子どもたちが学べる): 学べたい is
                # no Japanese; 〜ようにしたい fits a plain verb too
                return head + pred.lemma + "ようにしたいです" + tail + end
            return head + masu_stem(pred.lemma, pred.conj_type) + "たいです" + tail + end
        if _is_verbish(pred) and not noun_end:
            # 〜するとともに、…しています: the also-clause shares the aspect too (follow)
            if (ongoing and pred.pos1 == "動詞" and (pred.conj_form.startswith("連用形") or follow) and not past and not neg
                    and pred.lemma not in _STATIVE):  # 意見もあり、 → あります (あっています is no Japanese)
                return head + polite_te_iru(pred.lemma, pred.conj_type) + tail + end
            if (pred.conj_form.startswith("連用形") or follow) and not past and not neg:
                past = default_past
            return head + polite(pred.lemma, pred.conj_type, past=past, negative=neg) + tail + end
        if pred.pos1 == "形容詞":
            if pred.lemma in ("ない", "無い"):
                return head + ("ありませんでした" if past else "ありません") + tail + end
            return text + "です" + tail + end
    except CannotConjugate:
        pass
    if pred.pos[:3] == ("名詞", "普通名詞", "サ変可能") and not past and not neg:
        done = sahen_end(core, idx, past=default_past)
        if done is not None:
            return head + done + tail + end
    return text + "です" + tail + end


def bracketed_note(tokens: list[Token]) -> bool:
    """The whole text is one note in brackets (「(延べ講座参加者数3,011人)」, a
    figure under the sentence before): it is no sentence, and 「(…3,011人です)。」
    put a predicate inside the note (issue 11 audit 2)."""
    if len(tokens) < 3 or tokens[0].surface not in "(（" or tokens[-1].surface not in ")）":
        return False
    depth = 0
    for k, t in enumerate(tokens):
        depth += (t.surface in "(（") - (t.surface in ")）")
        if depth == 0:
            return k == len(tokens) - 1
    return False


#: counters of things made or handed out: 7,000部発行 → 7,000部を発行
_OBJECT_COUNTERS = frozenset(["部", "冊", "枚", "件", "本", "種類"])


def sahen_end(core: list[Token], idx: int, *, past: bool) -> str | None:
    """A sentence ending in a bare サ変 noun (体言止め) said as its verb, or None
    when the noun stays a noun (…の実施です).  After its object (〜を発行),
    after a count (7,000部発行 → 7,000部を発行; 3回発行), after its subject
    (来館者数が減少) and after an adverb (随時更新) the noun is the predicate: 〜です after it is no Japanese
    (「7,000部発行です。」, 「来館者数が減少です。」; issue 11 audit 2).  A change
    with its subject is a state when not past (減少しています)."""
    pred = core[idx]
    prev = core[idx - 1] if idx > 0 else None
    verb = "しました" if past else "します"
    if any(t.surface == "を" for t in core[max(0, idx - 6) : idx]):
        return pred.surface + verb
    if prev is not None and idx > 1 and core[idx - 2].pos[:2] == ("名詞", "数詞") and prev.pos[2:3] == ("助数詞可能",):
        # a count of the object, unless the object is already said (冊子を…5,000部発行)
        wo = prev.surface in _OBJECT_COUNTERS and not any(t.surface == "を" and t.pos1 == "助詞" for t in core[:idx])
        return ("を" if wo else "") + pred.surface + verb
    if prev is not None and prev.surface == "が" and prev.pos1 == "助詞":
        return pred.surface + ("しました" if past else "しています")
    if prev is not None and (prev.pos1 == "副詞" or prev.surface in _HOW_OFTEN):
        return pred.surface + verb  # ホームページは随時更新。 → 随時更新します (not 随時更新です)
    return None


#: nouns that say how often or when, used as adverbs (随時更新, 毎年発行)
_HOW_OFTEN = frozenset(["随時", "毎年", "毎月", "毎週", "毎日", "常時", "順次", "定期"])



#: two cause clauses in a row are joined up to this many characters (issue 11)
CHAIN_MAX = 40
#: a whole-sentence reason (〜の影響により、…行ったため。) this short keeps its cause or
#: means inside: cut, 「…の影響です。そのため、…行ったためです。」 says "because" twice over
#: (そのため + ためです; それで、…できたためです likewise), a result given as its own cause
#: (issue 11 audit); a longer one is still cut, for length
REASON_WHOLE_MAX = 60
MIN_CLAUSE = 6  # characters; shorter pieces stay joined (開通し、 → 開通しました。 is fine; 調べ、 is not)


def split_clauses(tokens: list[Token], *, min_len: int = SPLIT_MIN) -> list[list[Token]]:
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
    last_end = 0
    means = bool(tokens) and tokens[0].source == "rule" and tokens[0].surface == "そのために、"
    for i, t in enumerate(tokens):
        if t.surface in ("「", "（", "(", "『", "【"):
            depth += 1
        elif t.surface in ("」", "）", ")", "』", "】"):
            depth = max(0, depth - 1)
        if t.surface != "、" or depth or i == 0:
            continue
        found = connector(tokens, i)
        if found is None:
            continue
        end, connective = found
        if connective == "そのために、" and (reason or means):
            # 〜できるよう、…したため。: the whole sentence is a reason; a wish cut out of it reads wrong.
            # A purpose inside the means of another (目的は、…連携です。そのために、…座組を構築する
            # ため、…締結しました) stays in its sentence: a second 「…をつくりたいです。そのために、」
            # made the means a wish and stacked そのために twice (issue 11 audit)
            continue
        means = means or connective == "そのために、"
        if reason and connective in ("そのため、", "それで、") and len(_text(prefix + tokens[start:])) <= REASON_WHOLE_MAX:
            continue  # see :data:`REASON_WHOLE_MAX`
        clause = prefix + tokens[start:end]
        rest_len = len(_text(tokens[i + 1 :]))
        if len(_text(clause)) < MIN_CLAUSE or rest_len < MIN_CLAUSE:
            continue
        if connective == "そのため、" and _text(prefix) == "そのため、":
            # two causes in a row (〜の影響により…が制限されたため、…): "そのため、" twice
            # reads as a stutter; the first cause stays inside its result when short
            merged = pieces[-1] + tokens[last_end:end]
            if len(_text(merged)) <= CHAIN_MAX:
                pieces[-1], clause = merged, []
            else:
                connective = "それで、"
        if clause:
            pieces.append(clause)
        prefix = [Token(connective, connective, ("接続詞", "*", "*", "*", "*", "*"), connective, "rule")] if connective else []
        start, last_end = i + 1, end
    if reason and pieces and not prefix:
        return reason_stays_whole(pieces, tokens[last_end:])
    pieces.append(prefix + tokens[start:])
    return pieces


def reason_stays_whole(pieces: list[list[Token]], last: list[Token]) -> list[list[Token]]:
    """In a whole-sentence reason (〜し、…を行ったため。, the sheet's answer to
    "why this rating") the last clause is not cut off by a bare cut (〜し、/〜て、):
    ``last`` (from the cut's 、 to the end) goes back onto the piece before.
    Alone, 「援助をしたためです。」 reads as the reason for the sentence before it
    (「…対応しました。援助をしたためです。」: the help made the cause of the
    response), where the source gives both as the reason; joined, 「…対応し、
    援助をしたためです。」 says so.  Cuts with a connective (しかし、 また、) still
    apply (issue 11 audit)."""
    return [*pieces[:-1], pieces[-1] + last]


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


def rewrite_sentence(tokens: list[Token], *, field_past: bool = False) -> list[str]:
    """Split and make every piece polite.  Returns the new sentences.
    ``field_past``: the text reports what was done; a sentence ending in a bare
    サ変 noun has no tense of its own and takes it (〜を更新し、7,000部発行。 →
    「…新しくしました。7,000部を発行しました。」)."""
    tokens = cause_before_topic(object_after_so_that(tomoni_comma(renyou_comma(tokens))))
    core = _strip_tail(tokens)[0]
    default_past = is_past(tokens) or (field_past and bool(core) and core[-1].pos[:3] == ("名詞", "普通名詞", "サ変可能"))
    tokens, listed = list_in_brackets(tokens)  # 「5言語は、中国語、…です。」 said next to it
    # a purpose, target group or a topic's clause said first (目的は、…です。)
    out, tokens, notes = hoist(tokens, lambda said: polite_ending(said, default_past=default_past))
    notes += listed
    pieces = [p for p in split_clauses(tokens) if p]
    said: list[str] = []
    for n, piece in enumerate(pieces):
        # the piece before an also-clause (とともに → また、) or a bare cut
        # (〜し、/〜て、) shares the sentence's tense; before そのため/しかし
        # it keeps its own (〜するため = purpose, non-past)
        nxt = pieces[n + 1] if n + 1 < len(pieces) else None
        # (〜することで、…できました: the means shares the tense too → それで、)
        follow = nxt is not None and (nxt[0].source != "rule" or nxt[0].surface in ("また、", "それで、", "そのあとで、"))
        want = nxt is not None and nxt[0].source == "rule" and nxt[0].surface == "そのために、"
        # …減少するとともに、…減少したものの、…発信しています: the joined clause's own
        # past counts, not only the sentence end's (was 「…へります。また、…へりました。」)
        past = default_past or (follow and nxt is not None and (is_past(nxt) or first_clause_past(nxt)))
        if follow and nxt is not None and own_tense_next(pieces, n):
            past = is_past(nxt)
        head, piece = purpose_after_cut(piece) if n else ("", piece)
        ongoing = follow and not past and nxt is not None and shares_te_iru(nxt)
        said.append(head + note_after(polite_ending(piece, default_past=past, follow=follow, want=want, ongoing=ongoing)))
    return out + place_notes(pieces, said, notes)


#: verbs of state: no 〜ています (ある, いる are already states)
_STATIVE = frozenset(["ある", "有る", "いる", "居る", "おる"])


def own_tense_next(pieces: list[list[Token]], n: int) -> bool:
    """The piece after pieces[n] ends a clause that keeps its own tense (it is
    cut before そのため、/しかし、: 〜があるため、 → 「…があります。そのため、」), so a
    連用形 cut before it shares that tense, not the sentence end's (川崎区は…居住
    しており、…側面があるため、…図りました was 「…住んでいました。…あります。」:
    the state made past while its own clause is present; issue 11 audit)."""
    after = pieces[n + 2] if n + 2 < len(pieces) else None
    core = _strip_tail(pieces[n + 1])[0] if n + 1 < len(pieces) else []
    # a predicate of its own (not a cause noun: 〜の影響により、 → 「…の影響です。」)
    verb_end = bool(core) and core[-1].pos1 in ("動詞", "助動詞", "形容詞")
    return verb_end and after is not None and after[0].source == "rule" and after[0].surface in ("そのため、", "しかし、")


def shares_te_iru(nxt: list[Token]) -> bool:
    """The next piece ends in 〜ている (…の普及に努めています, …区役所となっています):
    a 連用形 cut before it shares that aspect, 〜ています, not the plain non-past
    「6言語版をつくります。」, which read as a plan for what was already done
    and goes on (issue 11 audit)."""
    core = _strip_tail(nxt)[0]
    k = len(core) - 1
    if k >= 0 and core[k].lemma == "ます":
        k -= 1
    elif k >= 1 and core[k].surface == "て" and core[k - 1].lemma == "いる":
        k -= 1  # 〜ており、 (made 〜ていて、 by :mod:`.style`): the same aspect
    return k >= 1 and core[k].lemma == "いる" and core[k].pos1 == "動詞" and core[k - 1].surface in ("て", "で")


def purpose_after_cut(piece: list[Token]) -> tuple[str, list[Token]]:
    """A purpose at the head of a piece after a bare cut (…手法を整理し、|さらなる
    …の目標達成のために、…にとりくみます) is said first as at a sentence's head
    (:func:`.restructure.purpose_first`: 「目的は、…目標達成です。そのために、…」;
    :func:`.restructure.goal_first`: 〜を対象に、 → 「対象は、…です。」):
    the cut made the piece a sentence of its own, so the same reading holds.
    Not after a connective (そのため、…のために、: the piece is tied to the one
    before)."""
    if not piece or piece[0].source == "rule":
        return "", piece
    for rule in (purpose_first, goal_first):
        said, rest = rule(piece)
        if said:
            return said[0], rest
    return "", piece
