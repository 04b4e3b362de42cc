"""List items written as bare noun phrases become short sentences.

The sheet lists what was planned or done as noun phrases: 「計画の検討・策定」,
「講座の開催」, 「研修への参加の促進」.  In Easy Japanese these read better as
sentences with a plain verb (ガイドライン: 〜を 考えて、決めます。): the last
サ変 noun(s) after の (or after their object in a compound: 情報発信) become the verb (from the glossary's ``aim`` kind: a
transitive plain verb), の becomes を (への に, との と, での で), and the
tense follows the field: done (results) in the past, planned in the present.
Only an object-taking noun is turned (市民の参加 would need が, not を), and
titles, figures and names are left alone.
"""

from __future__ import annotations

from ..tokens import Token
from .aims import VERB_PARTICLES, _object_of
from .conjugate import CannotConjugate
from .glossary import _CASE_PARTICLE, Glossary, _verb_forms
from .restructure import _LEAD_MARKS
from .sentences import polite_ending
from .words import replace_word_tokens

#: の after these particles marks what the verb is done to or with: への → に
_PARTICLE_BEFORE_NO = {"へ": "に", "と": "と", "で": "で", "から": "から", "まで": "まで"}
_COORD = ("・", "、", "と", "及び", "および", "や")


def _verb(easy: str, *, last: bool) -> Token | None:
    """The glossary's plain verb as a token: the sentence's predicate (``last``)
    or its て-form before the next one (考えて、決めます)."""
    try:
        head, conj_type, forms = _verb_forms(easy)
    except (CannotConjugate, KeyError):
        return None
    if last:
        return Token(easy, easy, ("動詞", "一般", "*", "*", conj_type, "連用形-一般"), easy, "rule:item")
    te = head + forms["te"] + ("で" if forms.get("te_voiced") else "て") + "、"
    return Token(te, te, ("動詞", "一般", "*", "*", conj_type, "連用形-一般"), easy, "rule:item")


def noun_phrase_sentence(tokens: list[Token], glossary: Glossary, *, past: bool) -> str | None:
    """「XのN1・N2」 → 「XをV1て、V2ます。」 (past: …ました。); None when the item
    is not such a noun phrase."""
    lead = 0
    while lead < len(tokens) and (tokens[lead].surface in _LEAD_MARKS or tokens[lead].pos1 == "補助記号"
                                  and tokens[lead].surface not in "「（(『"):
        lead += 1
    end = len(tokens)
    depth = 0
    # a closing note in brackets stays after the verb: 〜を します(ニュースレターの発行など)。
    while end > lead and (tokens[end - 1].surface in ")）" or depth):
        s = tokens[end - 1].surface
        depth += s in ")）"
        depth -= s in "(（"
        end -= 1
    core = tokens[lead:end]
    if len(core) < 3 or any(t.pos1 in ("動詞", "助動詞") for t in core[-3:]):
        return None
    nouns: list[str] = []
    i = len(core) - 1
    while i >= 0 and core[i].surface in glossary.aims and core[i].pos1 == "名詞":
        nouns.insert(0, core[i].surface)
        if i >= 2 and core[i - 1].surface in _COORD and core[i - 2].surface in glossary.aims:
            i -= 2
            continue
        i -= 1
        break
    if not nouns or i < 1:
        return None
    # 「…の情報発信」: the compound's first noun is the object (…の情報をつたえます)
    compound = len(nouns) == 1 and core[i].source in ("sudachi", "kana") and _object_of(core[i], nouns[0])
    if not compound and (core[i].surface != "の" or core[i].pos1 != "助詞"):
        return None
    head = core[: i + 1] if compound else core[:i]
    if compound and any((t.pos1 == "助動詞" and t.lemma == "た") or (t.pos1 == "動詞" and t.conj_form.startswith(("連体形", "終止形")))
                        for t in head[-5:-1]):
        return None  # 〜を通じた国内外への情報発信: a clause on the activity itself stays a noun phrase
    if compound and len(head) > 2 and head[-2].surface == "の" and head[-3].surface in VERB_PARTICLES and (
        head[-3].pos1 == "助詞"
    ):
        # 国内外への情報発信 → 国内外に情報をつたえます: への (での, との) qualified the compound
        p = VERB_PARTICLES[head[-3].surface]
        head = [*head[:-3], Token(p, p, _CASE_PARTICLE, p, "rule:item"), head[-1]]
    if any(t.surface in glossary.aims and n < len(head) - 1 and head[n + 1].surface in _COORD
           for n, t in enumerate(head)):
        return None  # 研修生受入れと…の派遣: two things done, one verb would join them wrongly
    particle = "を"
    if not compound and head and head[-1].surface in _PARTICLE_BEFORE_NO and head[-1].pos1 == "助詞":
        particle = _PARTICLE_BEFORE_NO[head[-1].surface]
        head = head[:-1]
    if not head or not (head[-1].is_noun_like() or head[-1].surface == "など") or (
        head[0].surface == "「" and core[-1].surface == "」"
    ):
        return None
    entries = [glossary.aims[n].for_object(head[-1]) for n in nouns]
    if any(e is None for e in entries):
        return None  # an entry outside the contexts where it was reviewed
    verbs = [_verb(e.easy, last=k == len(nouns) - 1) for k, e in enumerate(entries) if e is not None]
    if any(v is None for v in verbs):
        return None
    sentence = [*tokens[:lead], *head, Token(particle, particle, _CASE_PARTICLE, particle, "rule:item"),
                *[v for v in verbs if v is not None], *tokens[end:]]
    return polite_ending(_eased_again(sentence, glossary), default_past=past)


def _eased_again(sentence: list[Token], glossary: Glossary) -> list[Token]:
    """The word rules once more on the new sentence: the item is built after
    them, and the object cut out of a compound (取組|支援 → 取組を手伝う) is now a
    word of its own, eased as everywhere else (とりくみを手伝う).  Words already
    eased are not touched again (see :func:`.words.replace_word_tokens`)."""
    return replace_word_tokens(sentence, glossary)
