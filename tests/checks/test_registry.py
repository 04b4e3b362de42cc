"""The quality checks registry: one test per check, each with a translation
it must pass and one it must flag, plus the registry's own contract."""

from __future__ import annotations

import pytest

from kintl_pub import checks, locales
from kintl_pub.checks import Finding
from kintl_pub.terms import parse_terms


def flags(check_id: str, source: str, target: str, locale: str) -> list[str]:
    return checks.flags(source, target, locale, only=[check_id])


def test_every_check_has_a_stable_id_a_name_and_a_description() -> None:
    ids = [c.id for c in checks.CHECKS]
    assert len(ids) == len(set(ids))
    for c in checks.CHECKS:
        assert c.name and c.description and c.severity == "warning"
        assert checks.get(c.id) is c
    assert set(checks.MT_CHECKS) <= set(ids)
    with pytest.raises(KeyError, match="unknown check"):
        checks.get("nope")
    with pytest.raises(KeyError, match="unknown check"):
        checks.run("a", "b", "en", only=["nope"])


def test_nothing_applies_to_the_source_locale() -> None:
    assert checks.run("令和3年に①を実施", "", locales.SOURCE.code) == []


def test_lost_number_years_months_and_plain_numbers() -> None:
    src = "令和3年度の4月に2,500人が参加"
    assert flags("lost-number", src, "In April FY2021, 2,500 people took part", "en") == []
    assert flags("lost-number", src, "En abril de Reiwa 3, 2.500 personas", "es") == []
    assert flags("lost-number", src, "People took part in spring", "en") == [
        "lost-number:2021", "lost-number:4月", "lost-number:2500"]
    # a year is taken once: "2021" cannot also stand for a plain 2021 in the source
    assert flags("lost-number", "令和3年に2021件", "2021", "en") == ["lost-number:2021"]


def test_lost_marker() -> None:
    assert flags("lost-marker", "①調査 ②報告", "① survey ② report", "en") == []
    assert flags("lost-marker", "①調査 ❷報告", "① survey, report", "en") == ["lost-marker:❷"]


def test_lost_term_uses_the_approved_translation_of_the_locale() -> None:
    terms = parse_terms("ja\ten\tes\n川崎市\tKawasaki City\tCiudad de Kawasaki\n川崎\tKawasaki\t\n")
    src = "川崎市と川崎の交流"
    ok = checks.flags(src, "Exchange of Kawasaki City and Kawasaki", "en", only=["lost-term"], terms=terms)
    assert ok == []
    # "Kawasaki" inside "Kawasaki City" does not count for the other term
    lost = checks.flags(src, "Exchange of Kawasaki City", "en", only=["lost-term"], terms=terms)
    assert lost == ["lost-term:川崎"]
    es = checks.flags(src, "Intercambio de Kawasaki", "es", only=["lost-term"], terms=terms)
    assert es == ["lost-term:川崎市"]  # es has its own text; 川崎 falls back to English
    # the shipped table: only locales it has columns for
    assert not checks.get("lost-term").applies("ja-easy")


def test_easy_japanese_preservation_through_the_registry() -> None:
    src = "令和3年度に2,500人が参加しました。"
    good = "{令和|れいわ}3{年度|ねんど}に 2,500{人|にん}が {参加|さんか}しました。"
    assert flags("lost", src, good, "ja-easy") == []
    assert flags("lost", src, "たくさんの {人|ひと}が きました。", "ja-easy") == [
        "lost:3", "lost:2,500", "lost:令和3年"]
    assert not checks.get("lost").applies("en")
    # and the MT number check leaves ja-easy to it
    assert not checks.get("lost-number").applies("ja-easy")


def test_empty_output() -> None:
    assert flags("empty-output", "事業を実施", "Carried out", "en") == []
    assert flags("empty-output", "事業を実施", "  ", "en") == ["empty-output"]


def test_markup() -> None:
    assert flags("markup", "事業を実施", "Carried out the project", "en") == []
    assert flags("markup", "事業を実施", "Carried out the <b>project</b>", "en") == [
        "markup:<b>", "markup:</b>"]
    # Easy Japanese markup belongs to ja-easy only
    assert flags("markup", "事業を実施", "{事業|じぎょう}", "ja-easy") == []
    assert flags("markup", "事業を実施", "Carried out the {事業|じぎょう}", "en") == ["markup:{事業|じぎょう}"]
    assert flags("markup", "事業を実施", "[project|a plan]", "fil") == ["markup:[project|a plan]"]


def test_length_ratio() -> None:
    src = "外国人市民の相談窓口を開設し多言語で対応しました。"
    assert flags("length-ratio", src, "We opened a consultation desk for foreign residents "
                 "and answered in many languages.", "en") == []
    assert flags("length-ratio", src, "Opened.", "en") == ["length-ratio:0.3"]
    assert flags("length-ratio", src, "开设了外国市民咨询窗口，以多种语言提供服务。", "zh-hans") == []
    assert flags("length-ratio", src, "开" * 120, "zh-hans") == ["length-ratio:4.8"]
    assert flags("length-ratio", "相談窓口", "x", "en") == []  # too short to judge


def test_identical_to_source() -> None:
    assert flags("identical", "相談窓口を開設", "相談窓口を開設", "en") == ["identical"]
    assert flags("identical", "2021-4-1", "2021-4-1", "en") == []  # codes are the same everywhere
    assert flags("identical", "川崎市", "川崎市", "zh-hans") == []  # kanji names often are too
    assert flags("identical", "相談窓口を開設", "相談窓口を開設", "zh-hans") == ["identical"]


def test_wrong_script_uses_the_locale_table() -> None:
    assert flags("wrong-script", "相談", "Consultation desk", "en") == []
    assert flags("wrong-script", "相談", "상담 창구", "ko") == []
    assert flags("wrong-script", "相談", "ห้องให้คำปรึกษา", "th") == []
    assert flags("wrong-script", "相談", "परामर्श केन्द्र", "ne") == []
    assert flags("wrong-script", "相談", "相談窓口です", "en") == ["wrong-script:Latn"]
    assert flags("wrong-script", "相談", "Consultation desk", "ko") == ["wrong-script:Kore"]
    assert flags("wrong-script", "相談", "Tư vấn cho người nước ngoài", "vi") == []  # Vietnamese letters are Latin


def test_findings_are_flags() -> None:
    assert Finding("lost-number", "2021").flag == "lost-number:2021"
    assert Finding("identical").flag == "identical"


def test_japanese_left_except_in_a_quoted_official_name() -> None:
    src = "カワサキハロウィンを開催"
    assert flags("japanese-left", src, 'Held the "Kawasaki Halloween" event', "en") == []
    assert flags("japanese-left", src, "Held the “Kawasaki Halloween” (「カワサキハロウィン」) event", "en") == []
    assert flags("japanese-left", src, "Held the カワサキハロウィン event", "en") == [
        "japanese-left:カワサキハロウィン"]
    assert flags("japanese-left", "事業を実施", "Carried out the 事業", "fil") == ["japanese-left:事業"]
    # ・ as a separator or bullet is not Japanese left behind; • is what English uses
    assert flags("japanese-left", "・藤子・F・不二雄", "• Fujiko・F・Fujio", "en") == []
    # kanji belong to Chinese (and may appear in Korean), kana never do
    assert flags("japanese-left", "川崎市の事業", "川崎市的项目", "zh-hans") == []
    assert flags("japanese-left", "川崎市の事業", "川崎市の项目", "zh-hans") == ["japanese-left:の"]
    assert not checks.get("japanese-left").applies("ja-easy")
    # a single stray kana inside a long English text is found (the script check cannot see it)
    long = "The city held " + "many events " * 10 + "を"
    assert flags("wrong-script", "事業", long, "en") == []
    assert flags("japanese-left", "事業", long, "en") == ["japanese-left:を"]
