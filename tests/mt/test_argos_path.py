"""The generated packages work through argostranslate's own translate path
(install → load → MiniSBD splitting → CTranslate2), offline, pivot included."""

from __future__ import annotations

SOURCE = "目標どおり達成できました。次の文です。"


def test_argostranslate_translate_direct_and_pivot(installed) -> None:
    from kintl_pub.mt.packages import argos_package_module

    argos_package_module()  # points argostranslate at this test's packages dir
    from argostranslate import translate as at

    at.installed_translates.clear()  # argostranslate's process-wide cache of loaded pairs
    at.get_installed_languages.cache_clear()

    # each package alone
    english = at.translate(SOURCE, "ja", "en")
    spanish_of_english = at.translate(english, "en", "es")
    assert english.strip() and spanish_of_english.strip()
    assert spanish_of_english != english  # the second model changes the text
    other = at.translate("The target was achieved as planned.", "en", "es")
    assert other != spanish_of_english  # ... and not into a constant

    # ja→es has no package: argostranslate composes ja→en and en→es
    pivot = at.get_translation_from_codes("ja", "es")
    assert type(pivot).__name__ == "CompositeTranslation"
    assert (pivot.t1.from_lang.code, pivot.t1.to_lang.code) == ("ja", "en")
    assert (pivot.t2.from_lang.code, pivot.t2.to_lang.code) == ("en", "es")
    seen: list[str] = []
    second = pivot.t2.hypotheses

    def spy(text: str, num_hypotheses: int = 4):  # type: ignore[no-untyped-def]
        seen.append(text)
        return second(text, num_hypotheses)

    pivot.t2.hypotheses = spy  # type: ignore[method-assign]
    out = pivot.translate(SOURCE)
    # the intermediate is exactly what ja→en alone produces, and the result
    # exactly what en→es produces from it: the text went through both packages
    assert seen == [english]
    assert out == spanish_of_english
    assert at.translate(SOURCE, "ja", "es") == spanish_of_english
