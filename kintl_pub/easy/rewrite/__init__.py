"""Rewrite rules: Japanese source text → Easy Japanese plain text.

Each rule is a small named function (see :data:`TEXT_RULES` and the token
rules in :mod:`.sentences`, :mod:`.glossary`, :mod:`.lists`).  The order:

1. text rules (regex): 尊敬語/謙譲語 → plain polite, double negatives,
   和暦 with 西暦, 午前/午後, ranges から/まで;
2. ①②… enumerations → list lines;
3. per sentence (Sudachi tokens, one pass): A・B・C enumerations → list,
   等 → など, glossary words (whole words only: 児童 but not 児童福祉法),
   〜の向上を図る → 〜をよくする, 〜を図る/行う after a サ変 noun → する/をする
   (:mod:`.phrases`), glossary verbs (開催する → ひらく, conjugated), lists of long
   noun phrases (A、B、C / Aや、B / A、Bなど、 → list lines, :mod:`.lists`), a
   purpose, target group, topic clause or apposition said as its own sentence
   (:mod:`.restructure`), words moved to the clause they belong to and lists
   in brackets said apart (:mod:`.reorder`), clause splits
   (:mod:`.connectives`; the same contrast twice in a row varied), polite
   endings (prose only; list items without 。 stay noun phrases);
4. preservation check (:mod:`kintl_pub.easy.preserve`): a rewrite that lost
   a number, date, amount or proper noun is refused.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ...segment import split_sentences
from .. import preserve
from ..readings import Reader
from ..tokens import Token
from . import dates, lists, style
from .aims import aim_phrases, aim_purpose, means_de
from .connectives import ACTIVITIES, vary_repeated_connectives
from .glossary import Glossary, kana_verbs, nado, replace_verbs
from .items import noun_phrase_sentence
from .phrases import (
    hakaru_to_suru,
    ni_taishite,
    niyori_to_de,
    okonau_to_suru,
    suru_koto_ga_dekiru,
    to_naru_ni,
)
from .restructure import note_after
from .sentences import rewrite_sentence
from .words import replace_word_tokens


@dataclass
class Rewrite:
    text: str  # plain Easy Japanese (may hold list lines, see markup docs)
    flags: list[str] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)  # of the analysed sentences
    kept_source: bool = False


TextRule = Callable[[str], str]


def text_rules(glossary: Glossary | None = None) -> tuple[tuple[str, TextRule], ...]:
    return (
        ("no_honorifics", style.no_honorifics),
        ("no_double_negatives", style.no_double_negatives),
        ("era_with_western", dates.era_with_western),
        ("times_with_ampm", dates.times_with_ampm),
        ("ranges_kara_made", dates.ranges_kara_made),
    )


def word_rules(tokens: list[Token], glossary: Glossary) -> list[Token]:
    """The token rules on words and verb phrases, in order."""
    toks = aim_phrases(kana_verbs(nado(tokens), glossary), glossary)
    toks = to_naru_ni(niyori_to_de(ni_taishite(suru_koto_ga_dekiru(okonau_to_suru(hakaru_to_suru(toks))))))
    # after the glossary words, which write 〜に向けて as のために
    toks = aim_purpose(replace_verbs(replace_word_tokens(toks, glossary), glossary), glossary)
    return means_de(toks, glossary, ACTIVITIES)  # after niyori_to_de: 〜の実施により、 is a means too


def _phrase(t: Token) -> bool:
    return t.source == "rule:glossary" and t.pos1 not in ("動詞", "副詞") and len(t.surface) > 1


def reanalysed(tokens: list[Token], reader: Reader) -> list[Token]:
    """Tokens for the sentence rules: a phrase replaced as one token (を踏まえて →
    を考えて) is analysed again, so the clause splitter sees its verb and て."""
    if not any(_phrase(t) for t in tokens):
        return tokens
    out: list[Token] = []
    for t in tokens:
        if _phrase(t):
            # only the replaced phrase: analysing the whole sentence again would
            # lose what earlier rules know (a glossary verb's conjugation type)
            out += particle_verbs(reader.tokens(t.surface))
        else:
            out.append(t)
    return out


def particle_verbs(phrase: list[Token]) -> list[Token]:
    """A replaced phrase of a case particle and a verb (を考えて, from を踏まえて /
    を鑑み) stood for a compound particle ("based on", "in view of"): its verb is
    marked ``rule:particle``, so no clause ends at it whatever its object
    (:func:`.connectives._particle_verb`).  Cut there, 「これまでの実績を踏まえ、
    計画を作りました」 said 「これまでの実績を考えました。」, an act nobody did
    (issue 11 round 3)."""
    if not phrase or phrase[0].pos1 != "助詞" or phrase[0].surface not in ("を", "に"):
        return phrase
    return [replace(t, source="rule:particle", markup=None) if t.pos1 == "動詞" else t for t in phrase]


#: sentences holding a list of long noun phrases (A、B、C / Aや、B / A、Bなど、),
#: tried in order; a sentence gets one list line block at most
_LIST_RULES = (lists.comma_list_to_list, lists.ya_list_to_list, lists.nado_comma_list)


def _is_prose(sentence: str, kind: str) -> bool:
    """Prose = paragraph sentences, and list items written as full sentences."""
    if kind == "label":
        return False
    return kind == "p" or sentence.rstrip().endswith(("。", "！", "？"))


def rewrite(source: str, *, reader: Reader, glossary: Glossary, kind: str = "p", past: bool = False) -> Rewrite:
    """The Easy Japanese of one stored text.  ``past``: the text reports what
    was done (the results field), so a noun-phrase item becomes 〜しました."""
    text = source.strip()
    for _name, rule in text_rules(glossary):
        text = rule(text)
    result = Rewrite("")
    blocks: list[str] = []
    for block in lists.circled_to_list(text).split("\n\n"):
        lines_out: list[str] = []
        for line in block.split("\n"):
            is_item = line.startswith("- ")
            body = line[2:] if is_item else line
            sentences_out: list[str] = []
            extra_items: list[str] = []
            for sent in split_sentences(body) or [body]:
                prose = _is_prose(sent, "li" if is_item else kind)
                items: list[str] = []
                if prose:
                    sent, items = lists.nakaguro_to_list(sent)
                toks = word_rules(reader.tokens(sent), glossary)
                result.tokens += toks
                item = None if kind == "label" else noun_phrase_sentence(toks, glossary, past=past)
                if item is not None:
                    sentences_out.append(note_after(item))  # 講座の開催 → 講座を ひらきます。
                elif prose:
                    toks = reanalysed(toks, reader)
                    for make_list in _LIST_RULES:  # the first that finds a list
                        toks, more = make_list(toks)
                        if more:
                            items += more
                            break
                    sentences_out += rewrite_sentence(toks, field_past=past)
                else:
                    sentences_out.append("".join(t.surface for t in toks))
                if items and not is_item:
                    # the list right after the sentence that announces it (つぎのもの)
                    lines_out += ["".join(vary_repeated_connectives(sentences_out)) + "\n", *[f"- {i}" for i in items]]
                    sentences_out = []
                else:
                    extra_items += items
            if sentences_out or is_item:
                joined = "".join(vary_repeated_connectives(sentences_out))
                lines_out.append(("- " + joined) if is_item else joined)
            if extra_items:
                lines_out = [*lines_out[:-1], lines_out[-1] + "\n", *[f"- {i}" for i in extra_items]]
        blocks.append("\n".join(lines_out))
    result.text = "\n\n".join(b.strip("\n") for b in blocks if b.strip())
    result.text = result.text.replace("\n\n\n", "\n\n")
    missing = preserve.lost(source, result.text, result.tokens)
    if missing:
        result.flags = [f"lost:{m}" for m in missing]
        result.text = source.strip()
        result.kept_source = True
    return result
