"""Just enough Japanese verb conjugation to turn plain endings polite.

Works from Sudachi's dictionary form and conjugation type (``五段-カ行``,
``下一段-ラ行``, ``サ行変格`` …), so it needs no analyser itself.
"""

from __future__ import annotations

_GODAN_I = {"う": "い", "く": "き", "ぐ": "ぎ", "す": "し", "つ": "ち", "ぬ": "に", "ぶ": "び", "む": "み", "る": "り"}
_GODAN_A = {"う": "わ", "く": "か", "ぐ": "が", "す": "さ", "つ": "た", "ぬ": "な", "ぶ": "ば", "む": "ま", "る": "ら"}
_GODAN_TE = {"う": "って", "つ": "って", "る": "って", "く": "いて", "ぐ": "いで", "す": "して",
             "ぬ": "んで", "ぶ": "んで", "む": "んで"}


#: the passive and causative auxiliaries' conjugation types: they conjugate
#: like an 一段 verb (られ|ます, させ|ます)
VERB_LIKE_AUX = ("助動詞-レル", "助動詞-ラレル", "助動詞-セル", "助動詞-サセル")


class CannotConjugate(ValueError):
    pass


def masu_stem(lemma: str, conj_type: str) -> str:
    """連用形 used before ます: 行う→行い, 進める→進め, 実施する→実施し."""
    if not lemma:
        raise CannotConjugate(lemma)
    if conj_type.startswith("サ行変格") or lemma.endswith("する"):
        if lemma.endswith("する"):
            return lemma[:-2] + "し"
        if lemma.endswith("ずる"):
            return lemma[:-2] + "じ"
    if conj_type.startswith("カ行変格"):
        return lemma[:-1] if lemma.endswith("来る") else lemma[:-2] + "き"
    ichidan = conj_type.startswith(("上一段", "下一段")) or conj_type in VERB_LIKE_AUX
    if ichidan and lemma.endswith("る"):
        return lemma[:-1]
    if conj_type.startswith("五段"):
        last = lemma[-1]
        if last in _GODAN_I:
            return lemma[:-1] + _GODAN_I[last]
    raise CannotConjugate(f"{lemma} ({conj_type})")


def polite(lemma: str, conj_type: str, *, past: bool = False, negative: bool = False) -> str:
    stem = masu_stem(lemma, conj_type)
    if negative:
        return stem + ("ませんでした" if past else "ません")
    return stem + ("ました" if past else "ます")


def polite_te_iru(lemma: str, conj_type: str) -> str:
    """〜ています: the verb's て-form + います (配布して, 流して, 徹底して)."""
    if conj_type.startswith("五段"):
        forms = godan_forms(lemma)
        return forms["te"] + ("でいます" if forms["te_voiced"] else "ています")
    return masu_stem(lemma, conj_type) + "ています"


def godan_forms(lemma: str) -> dict[str, str]:
    """Forms of a 五段 verb: used when a glossary verb replaces 〜する."""
    last, stem = lemma[-1], lemma[:-1]
    te = _GODAN_TE[last]
    if lemma.endswith(("行く", "いく")):
        te = "って"
    return {
        "mizen": stem + _GODAN_A[last],
        "renyo": stem + _GODAN_I[last],
        "shushi": lemma,
        "katei": stem + {"う": "え", "く": "け", "ぐ": "げ", "す": "せ", "つ": "て", "ぬ": "ね",
                         "ぶ": "べ", "む": "め", "る": "れ"}[last],
        "ishi": stem + {"う": "お", "く": "こ", "ぐ": "ご", "す": "そ", "つ": "と", "ぬ": "の",
                        "ぶ": "ぼ", "む": "も", "る": "ろ"}[last],
        "te": stem + te[:-1],  # before て/た; the て/た itself follows in the text
        "te_voiced": te.endswith("で"),  # type: ignore[dict-item]  # a flag among the forms
    }


def ichidan_forms(lemma: str) -> dict[str, str]:
    stem = lemma[:-1]
    return {"mizen": stem, "renyo": stem, "shushi": lemma, "katei": stem + "れ", "ishi": stem + "よ",
            "te": stem, "te_voiced": False}  # type: ignore[dict-item]
