"""The human-reviewed glossary ``data/glossary.tsv`` (see its header)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from ...project import DATA_DIR
from ..tokens import Token, quoted
from .conjugate import CannotConjugate, godan_forms, ichidan_forms

GLOSSARY_TSV = DATA_DIR / "glossary.tsv"
KINDS = ("verb", "word", "gloss", "aim")
#: the context ``object=none``: a verb entry only where the noun has no を object
NO_OBJECT = ("none",)


class GlossaryError(ValueError):
    pass


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    kind: str
    easy: str
    note: str = ""
    #: context column ``object=A|B``: an ``aim`` entry applies only when its
    #: object (the noun before の / を) ends with one of these (確保: 機会を用意する
    #: is right, 人材を用意する is not); empty = everywhere the kind allows
    objects: tuple[str, ...] = ()
    #: what ``objects`` constrain: "object" (the noun before を / の) or, for a
    #: verb entry, "subject" (the noun before が: 陽性者が発生する → 陽性者が出る)
    role: str = "object"
    #: the other lines for the same term and kind, each reviewed for its own
    #: objects (情報を提供する → 情報をつたえる, 資料を提供する → 資料をわたす)
    alternatives: tuple[GlossaryEntry, ...] = ()

    def fits(self, obj: Token | None) -> bool:
        """May the entry replace the noun whose object is ``obj``?"""
        if not self.objects:
            return True
        if self.objects == NO_OBJECT:
            return obj is None  # an intransitive easy verb: 3拠点を連携した is no 3拠点を協力した
        return obj is not None and obj.surface.endswith(self.objects)

    def for_object(self, obj: Token | None, subject: Token | None = None) -> GlossaryEntry | None:
        """The line for this term and kind that fits ``obj`` (or ``subject``,
        for a line about the subject): the lines with a context first (the
        narrower review), then the one without."""
        lines = sorted((self, *self.alternatives), key=lambda e: not e.objects)
        return next((e for e in lines if e.fits(subject if e.role == "subject" else obj)), None)

    @property
    def anywhere(self) -> bool:
        """A ``word`` entry whose note starts with ``anywhere``: replaced inside
        compounds too (a long fixed name, the same thing wherever it stands)."""
        return self.note.startswith("anywhere")

    @property
    def before_noun(self) -> bool:
        """A ``word`` line whose note starts with ``before a noun``: the form
        for the term as the first part of a compound (多言語マップ →
        いろいろな言葉のマップ); the line without it is for the word alone."""
        return self.note.startswith("before a noun")

    @property
    def kana_verb(self) -> bool:
        """A ``word`` entry whose note starts with ``kana verb``: a verb (term in
        dictionary form) written in kana, in every conjugated form (目指す → めざす)."""
        return self.kind == "word" and self.note.startswith("kana verb")


@dataclass(frozen=True)
class Glossary:
    verbs: dict[str, GlossaryEntry]
    words: dict[str, GlossaryEntry]
    glosses: dict[str, GlossaryEntry]
    aims: dict[str, GlossaryEntry] = field(default_factory=dict)

    def word_pattern(self) -> re.Pattern[str] | None:
        return _alternation(tuple(t for t, e in self.words.items() if not e.kana_verb))

    def gloss_pattern(self) -> re.Pattern[str] | None:
        return _alternation(tuple(self.glosses))


@lru_cache(maxsize=64)
def _alternation(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    if not terms:
        return None
    return re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)))


def load(path: Path = GLOSSARY_TSV) -> Glossary:
    verbs: dict[str, GlossaryEntry] = {}
    words: dict[str, GlossaryEntry] = {}
    glosses: dict[str, GlossaryEntry] = {}
    aims: dict[str, GlossaryEntry] = {}
    if path.exists():
        for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not raw.strip() or raw.lstrip().startswith("#"):
                continue
            cols = raw.split("\t")
            if len(cols) < 3 or cols[1].strip() not in KINDS or not cols[0].strip() or not cols[2].strip():
                raise GlossaryError(f"{path}:{n}: need 'term<TAB>verb|word|gloss|aim<TAB>easy form', got {raw!r}")
            context = (cols[4] if len(cols) > 4 else "").strip()
            role = context.partition("=")[0]
            if context and (role not in ("object", "subject") or (role == "subject" and cols[1].strip() != "verb")):
                raise GlossaryError(f"{path}:{n}: context must be 'object=A|B|…' (or subject=… for a verb), got {context!r}")
            objects = tuple(o for o in context.partition("=")[2].split("|") if o)
            e = GlossaryEntry(cols[0].strip(), cols[1].strip(), cols[2].strip(), (cols[3] if len(cols) > 3 else "").strip(),
                              objects, role or "object")
            same_kind = {"verb": verbs, "word": words, "gloss": glosses, "aim": aims}[e.kind]
            first = same_kind.get(e.term)
            # a second line for a term and kind is another context (提供 of 情報 / of 資料)
            same_kind[e.term] = e if first is None else replace(first, alternatives=(*first.alternatives, e))
    return Glossary(verbs, words, glosses, aims)


def replace_words(text: str, glossary: Glossary) -> str:
    """Plain replacements on a string (no compound check: for short phrases)."""
    pat = glossary.word_pattern()
    if pat is None:
        return text
    return pat.sub(lambda m: glossary.words[m.group(0)].easy, text)


_HIRAGANA = re.compile(r"[ぁ-ゖー]+")
#: a lemma's kana ending (取り組|む, 目指|す)
_KANA_ENDING = re.compile(r"[ぁ-ゖ]+$")


def kana_verbs(tokens: list[Token], glossary: Glossary) -> list[Token]:
    """目指し|ます → めざし|ます: a verb whose kanji are above the level
    (a ``kana verb`` entry) is written in kana, whatever its form.  Only the
    spelling changes: the token keeps its part of speech and conjugation, so
    the rules after it (polite endings, the clause splitter) see the same verb."""
    names = quoted(tokens)
    out: list[Token] = []
    for t, name in zip(tokens, names, strict=True):
        entry = glossary.words.get(t.lemma) if t.pos1 == "動詞" and not name else None
        spelled = _kana_form(t, entry.easy) if entry is not None and entry.kana_verb else None
        out.append(t if spelled is None else Token(spelled, spelled, t.pos, entry.easy, "rule:glossary"))  # type: ignore[union-attr]
    return out


def _kana_form(t: Token, kana: str) -> str | None:
    """The surface of ``t`` with its kanji stem spelled as in ``kana`` (the
    lemma's kana ending and the kana verb's must agree: 取り組む/とりくむ)."""
    stem = _KANA_ENDING.sub("", t.lemma)
    ending = t.lemma[len(stem):]
    if not ending or not kana.endswith(ending) or not _HIRAGANA.fullmatch(kana) or not t.surface.startswith(stem):
        return None
    return kana[: len(kana) - len(ending)] + t.surface[len(stem):]


_ADVERB = ("副詞", "*", "*", "*", "*", "*")


def nado(tokens: list[Token]) -> list[Token]:
    """等 after a noun → など (Easy Japanese writes the native word)."""
    out: list[Token] = []
    nado_tok = Token("など", "など", ("助詞", "副助詞", "*", "*", "*", "*"), "など", "rule:nado")
    names = quoted(tokens)
    for i, t in enumerate(tokens):
        if t.source == "override" or names[i]:
            out.append(t)
        elif t.surface == "等" and i + 1 < len(tokens) and tokens[i + 1].pos1 in ("名詞", "接尾辞"):
            out.append(t)  # inside a name: 差別防止対策等審査会 (read とう, see context.py)
        elif t.surface == "等" and out and out[-1].is_noun_like():
            out.append(nado_tok)
        elif len(t.surface) > 1 and t.surface.endswith("等") and t.pos1 == "名詞" and t.pos[2] != "形状詞可能":
            # Sudachi knows some "X等" as one word (国等, misread as a name): split it;
            # not 平等, 均等 (words of their own: 男女平等 was 男女平など; issue 11 audit 2)
            base = t.surface[:-1]
            out.append(Token(base, base, ("名詞", "普通名詞", "一般", "*", "*", "*"), base, "rule:nado"))
            out.append(nado_tok)
        else:
            out.append(t)
    return out


def _verb_forms(easy: str) -> tuple[str, str, dict[str, str]]:
    """(fixed prefix, conjugation type, forms) of a glossary verb.

    用意する → ("用意", サ行変格, forms of する); 一段 verbs are recognised by
    their ending (the glossary's are all ordinary ones).
    """
    if easy.endswith("する"):
        return easy[:-2], "サ行変格", {"mizen": "し", "renyo": "し", "shushi": "する", "katei": "すれ",
                                     "ishi": "しよ", "te": "し", "sa": "さ", "te_voiced": ""}
    if easy.endswith(_ICHIDAN_ENDINGS) and easy not in ("しる", "きる", "へる", "かえる"):
        f = ichidan_forms(easy)
        return "", "下一段-*", {**f, "sa": f["mizen"] + "ら", "te_voiced": ""}
    f = godan_forms(easy)
    return "", "五段-*", {**f, "sa": f["mizen"], "te_voiced": "1" if f["te_voiced"] else ""}


_ICHIDAN_ENDINGS = ("める", "べる", "ける", "せる", "れる", "える", "げる", "てる", "ねる", "じる", "きる", "出る", "でる")
_VOICED = {"て": "で", "た": "だ", "たり": "だり", "ても": "でも"}


def _form_key(conj_form: str, after: Token | None) -> str | None:
    if conj_form.startswith("連用形"):
        return "te" if after is not None and after.surface in _VOICED else "renyo"
    if conj_form.startswith(("終止形", "連体形")):
        return "shushi"
    if conj_form == "未然形-サ":
        return "sa"
    if conj_form.startswith("未然形") and after is not None and after.lemma in ("れる", "せる"):
        # a passive or causative after it (充実を図られる): する needs さ (よくされる, not よくしれる)
        return "sa"
    if conj_form.startswith("未然形"):
        return "mizen"
    if conj_form.startswith("仮定形"):
        return "katei"
    if conj_form.startswith("意志推量形"):
        return "ishi"
    return None


def form_surface(head: str, forms: dict[str, str], key: str, replaced: Token) -> str:
    """The new verb in the form ``key``.  The analyser's 意志推量形 token holds
    its う (しよう), the forms table only the stem (しよ, つかお): without it
    「活用しようとする」 became 「つかおとする」 (issue 11 audit 2)."""
    volitional = key == "ishi" and replaced.surface.endswith("う")
    return head + forms[key] + ("う" if volitional else "")


def chains_on(after: Token | None, then: Token | None) -> bool:
    """A verb's 連用形 followed straight by the next verb (配布し|周知する,
    調査し|まとめる: 連用中止 with nothing between).  With both verbs in kana
    nothing shows where the first ends (くばりしらせる), and the clause splitter
    cannot cut there (the second verb has no words of its own), so it is
    written as て (くばってしらせる, as one says it).  With words between
    (掲載し各学校に配布する) the splitter makes two sentences instead."""
    if after is None:
        return False
    if after.pos1 == "動詞":
        return after.pos[1:2] != ("非自立可能",)  # not 〜し始める, 〜しすぎる
    return _sahen_noun(after) and then is not None and then.lemma == "する" and then.pos1 == "動詞"


def _sahen_noun(t: Token) -> bool:
    return t.pos[:3] == ("名詞", "普通名詞", "サ変可能")


_TE = ("助詞", "接続助詞", "*", "*", "*", "*")


def te_form(head: str, forms: dict[str, str], conj_type: str, lemma: str, source: str) -> list[Token]:
    """The easy verb's て-form as tokens (くばっ|て), as the analyser would
    give them, so the later rules see an ordinary 〜て."""
    te = "で" if forms.get("te_voiced") else "て"
    stem = head + forms["te"]
    return [Token(stem, stem, ("動詞", "一般", "*", "*", conj_type, "連用形-一般"), lemma, source),
            Token(te, te, _TE, "て", source)]


def coordinated(out: list[Token]) -> bool:
    """The next noun ends a coordination (助言、指導を行う / 発信・周知する):
    turning only the last noun into a verb would strand the others."""
    return len(out) > 1 and out[-1].surface in ("、", "・") and out[-2].is_noun_like()


#: easy verbs whose goal takes に, not へ (施策へ貢献した → 施策に役立った)
_TAKES_NI = frozenset(["役立つ"])


def _counted(out: list[Token]) -> bool:
    """A number and its counter before the verb (2回実施した, 4件開催した): how
    often, not the first part of a compound noun."""
    return len(out) > 1 and out[-2].is_number() and (out[-1].pos1 == "接尾辞" or "助数詞" in out[-1].pos[2])


def _wo_object(out: list[Token]) -> Token | None:
    """The noun marked by the を just before a verb (情報 in 情報を提供する)."""
    if len(out) > 1 and out[-1].surface == "を" and out[-1].pos1 == "助詞" and out[-2].is_noun_like():
        return out[-2]
    return None


def _ga_subject(out: list[Token]) -> Token | None:
    """The noun marked by the が just before a verb (陽性者 in 陽性者が発生する)."""
    if len(out) > 1 and out[-1].surface == "が" and out[-1].pos1 == "助詞" and out[-2].is_noun_like():
        return out[-2]
    return None


def potential(easy: str) -> str | None:
    """The potential form of a glossary verb, for 〜できる (実施できました →
    おこなえました): the native verb in place of a kango noun, as for 〜する.
    A 五段 verb only (おこなえる, ひらける, くばれる): an 一段 verb's 〜られる is
    also its passive (つたえられました: "was told"), so it takes 〜ことができる
    (:func:`_koto_ga`).  None for 〜する forms (よくする → よくできる reads "can
    do well") and 役立つ (役立てる is another verb)."""
    if easy.endswith("する") or easy in _TAKES_NI or easy in _POTENTIAL_CLASH:
        return None
    try:
        _, conj_type, forms = _verb_forms(easy)
    except (CannotConjugate, KeyError):
        return None
    return forms["katei"] + "る" if conj_type.startswith("五段") else None


#: 五段 verbs whose potential is another word: ひらける (開ける, "open up":
#: ひらけた子育てサロン), しれる (知れる, "become known"); they take 〜ことができる
_POTENTIAL_CLASH = frozenset(["ひらく", "しる"])


#: the part of speech of a common noun a rule puts in (こと; aims too)
_NOUN = ("名詞", "普通名詞", "一般", "*", "*", "*")
#: the part of speech of a case particle a rule puts in (が, を, で, に; phrases, aims, items)
_CASE_PARTICLE = ("助詞", "格助詞", "*", "*", "*", "*")


def _koto_ga(easy: str) -> list[Token] | None:
    """つたえる + こと + が, before the source's できる (情報を提供できました →
    情報をつたえることができました): an 一段 glossary verb's potential without
    the passive's ambiguity.  None for 〜する forms and 役立つ (see :func:`potential`)."""
    if easy.endswith("する") or easy in _TAKES_NI:
        return None
    try:
        _, conj_type, _forms = _verb_forms(easy)
    except (CannotConjugate, KeyError):
        return None
    if conj_type.startswith("五段") and easy not in _POTENTIAL_CLASH:
        return None
    return [Token(easy, easy, ("動詞", "一般", "*", "*", conj_type, "連体形-一般"), easy, "rule:glossary"),
            Token("こと", "こと", _NOUN, "こと", "rule:glossary"), Token("が", "が", _CASE_PARTICLE, "が", "rule:glossary")]


def replace_verbs(tokens: list[Token], glossary: Glossary) -> list[Token]:
    """開催 + し + まし + た → ひらき + まし + た (token level, so later rules
    still see a verb with its lemma and conjugation type); 開催 + でき + ず →
    ひらけ + ず (:func:`potential`)."""
    out: list[Token] = []
    names = quoted(tokens)
    i = 0
    while i < len(tokens):
        t = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        entry = None if names[i] else glossary.verbs.get(t.surface)
        if entry is not None:
            entry = entry.for_object(_wo_object(out), _ga_subject(out))
        # only a word of its own (を開催する), not part of a compound (情報提供する)
        # 継続実施する: "keep doing" — つづけて + the verb (継続 says how, it is no object)
        keep = bool(out) and out[-1].surface == "継続" and out[-1].source == "sudachi" and entry is not None
        compound = (bool(out) and out[-1].pos1 in ("名詞", "接頭辞") and out[-1].source != "override"
                    and not _counted(out) and not keep) or coordinated(out)
        # a noun after への/との/での (…への貢献しました, a slip in the source) cannot become a
        # verb; after a plain の it may (外国人の利用する施設: の marks who uses)
        compound = compound or (len(out) > 1 and out[-1].surface == "の" and out[-1].pos1 == "助詞"
                                and out[-2].surface in ("へ", "と", "で") and out[-2].pos1 == "助詞")
        can = nxt is not None and nxt.pos1 == "動詞" and nxt.lemma in ("できる", "出来る")
        lemma = None if entry is None else potential(entry.easy) if can else entry.easy
        koto = None if entry is None or not can or lemma is not None or compound else _koto_ga(entry.easy)
        if koto is not None and entry is not None:
            if "を" in entry.easy and out and out[-1].surface == "を":
                out[-1] = Token("に", "に", out[-1].pos, "に", "rule:glossary")  # 配慮できる → に気をつけることができる
            out += koto  # the できる stays, in its own form
            i += 1
            continue
        if lemma is None or compound or nxt is None or not (can or (nxt.lemma == "する" and nxt.pos1 == "動詞")):
            out.append(t)
            i += 1
            continue
        after = tokens[i + 2] if i + 2 < len(tokens) else None
        try:
            head, conj_type, forms = _verb_forms(lemma)
            key = _form_key(nxt.conj_form, after)
        except (CannotConjugate, KeyError):
            key = None
        if key is None:
            out.append(t)
            i += 1
            continue
        surface = form_surface(head, forms, key, nxt)
        if keep:
            out[-1] = Token("つづけて", "つづけて", _ADVERB, "つづけて", "rule:glossary")
        if lemma in _TAKES_NI and out and out[-1].surface == "へ" and out[-1].pos1 == "助詞":
            out[-1] = Token("に", "に", out[-1].pos, "に", "rule:glossary")  # 施策へ貢献 → 施策に役立つ
        if "を" in lemma and out and out[-1].surface == "を":
            # 〜を配慮する → 〜に気をつける: the new verb has its own を
            out[-1] = Token("に", "に", out[-1].pos, "に", "rule:glossary")
        if key == "renyo" and chains_on(after, tokens[i + 3] if i + 3 < len(tokens) else None):
            out += te_form(head, forms, conj_type, lemma, "rule:glossary")  # 配布し周知する → くばってしらせる
            i += 2
            continue
        out.append(Token(surface, surface, ("動詞", "一般", "*", "*", conj_type, nxt.conj_form), lemma, "rule:glossary"))
        i += 2
        if key == "te" and forms.get("te_voiced") and after is not None:
            voiced = _VOICED[after.surface]
            out.append(Token(voiced, voiced, after.pos, voiced, "rule:glossary"))
            i += 1
    return out
