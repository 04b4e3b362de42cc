"""The generated packages work through argostranslate's own translate path
(install → load → MiniSBD splitting → CTranslate2), offline, pivot included."""

from __future__ import annotations


def test_argostranslate_translate_direct_and_pivot(installed) -> None:
    from kintl_pub.mt.packages import argos_package_module

    argos_package_module()  # points argostranslate at this test's packages dir
    from argostranslate import translate as at

    at.installed_translates.clear()  # argostranslate's process-wide cache of loaded pairs
    at.get_installed_languages.cache_clear()
    pivot = at.get_translation_from_codes("ja", "es")
    assert type(pivot).__name__ == "CompositeTranslation"  # ja→en→es
    out = at.translate("目標どおり達成できました。次の文です。", "ja", "es")
    assert isinstance(out, str) and out
    assert isinstance(at.translate("目標どおり達成できました。", "ja", "en"), str)
