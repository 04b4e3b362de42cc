"""Protected terms (data/terms.tsv) and their masking through machine translation."""

from __future__ import annotations

import pytest

from kintl_pub import checks, locales, terms
from kintl_pub.mt import protect

MT_CODES = [loc.code for loc in locales.MT_TARGETS]


def test_terms_file_covers_all_mt_locales() -> None:
    g = terms.load_terms()
    assert len(g.terms) >= 40
    header = next(
        ln for ln in terms.DEFAULT_TERMS.read_text(encoding="utf-8").splitlines()
        if ln and not ln.startswith("#")
    ).split("\t")
    assert header == ["ja", *MT_CODES]
    for term in g.terms:
        for code in MT_CODES:
            assert term.translations.get(code), f"{term.ja} has no {code} translation"
    assert g.get("キングスカイフロント").target("en") == "KING SKYFRONT"
    assert g.get("川崎市").target("en") == "Kawasaki City"
    assert g.get("川崎市").target("zh-hans") == "川崎市"  # "keep"


def test_terms_file_errors_name_the_line() -> None:
    with pytest.raises(terms.TermsFileError, match="terms.tsv:2"):
        terms.parse_terms("ja\ten\n川崎市\tKawasaki\textra\n")
    with pytest.raises(terms.TermsFileError, match="unknown locale"):
        terms.parse_terms("ja\txx\n")
    with pytest.raises(terms.TermsFileError, match="twice"):
        terms.parse_terms("ja\ten\nA\ta\nA\tb\n")


def test_mask_longest_first_and_restore() -> None:
    g = terms.load_terms()
    m = protect.mask("①川崎市国際交流協会と川崎市がキングスカイフロントで川崎市の事業を行う。", g)
    assert m.lead == "①"
    assert m.slots == ("川崎市国際交流協会", "川崎市", "キングスカイフロント")
    assert "川崎" not in m.text and "ZZA" in m.text and "ZZB" in m.text
    # a model that copies placeholders through
    out = "The ZZA and ZZB held a project at ZZC with ZZ B."
    text = protect.unmask(out, m, "en", g)
    assert text == ("① The Kawasaki International Association and Kawasaki City held a "
                    "project at KING SKYFRONT with Kawasaki City.")
    assert checks.flags(m.source, text, "en", only=["lost-term"]) == []
    es = protect.unmask(out, m, "es", g)
    assert "Asociación Internacional de Kawasaki" in es and "Ciudad de Kawasaki" in es


def test_lost_placeholder_is_flagged() -> None:
    g = terms.load_terms()
    m = protect.mask("川崎港とキングスカイフロント", g)
    text = protect.unmask("Only ZZB here", m, "en", g)
    assert text == "Only KING SKYFRONT here"
    assert checks.flags(m.source, text, "en", only=checks.MT_CHECKS) == ["lost-term:川崎港"]


def test_no_spaces_around_terms_in_chinese() -> None:
    g = terms.load_terms()
    m = protect.mask("羽田空港の整備", g)
    text = protect.unmask("ZZA 的建设", m, "zh-hans", g)
    assert text == "羽田机场的建设"


@pytest.mark.parametrize(
    ("source", "output", "locale", "flags"),
    [
        ("令和3年度に2,500人が参加", "In FY2021, 2,500 people took part", "en", []),
        ("令和3年度に2,500人が参加", "En Reiwa 3, 2.500 personas", "es", []),
        ("令和3年度に2,500人が参加", "People took part", "en",
         ["lost-number:2021", "lost-number:2500"]),
        ("令和元年に開始", "Started in 2019", "en", []),
        ("4月に開催", "Held in April", "en", []),
        ("4月に開催", "Celebrado en abril", "es", []),
        ("4月に開催", "Held in spring", "en", ["lost-number:4月"]),
        ("１２回実施", "Held 12 times", "en", []),
        ("①と②を実施", "Did ① and more", "en", ["lost-marker:②"]),
        ("2021年に3回", "3 times", "en", ["lost-number:2021"]),
    ],
)
def test_mt_flags_for_numbers_dates_markers(source: str, output: str, locale: str, flags: list[str]) -> None:
    # the flags machine drafts carry: unchanged strings, now from the checks registry
    assert checks.flags(source, output, locale, only=checks.MT_CHECKS) == flags


def test_segments_that_are_only_terms_need_no_model() -> None:
    g = terms.load_terms()
    assert not protect.needs_model(protect.mask("市民文化局", g))
    assert not protect.needs_model(protect.mask("①幸区", g))
    assert not protect.needs_model(protect.mask("2021", g))
    assert protect.needs_model(protect.mask("幸区の事業", g))


def test_people_english_is_masked_by_the_approved_english_terms() -> None:
    g = terms.load_terms()
    src = "• KING SKYFRONT and Kawasaki City worked with the Kawasaki International Association in Tama Ward."
    m = protect.mask(src, g, source_locale="en")
    assert m.lead == "•"
    assert m.slots == ("キングスカイフロント", "川崎市", "川崎市国際交流協会", "多摩区")
    assert "Kawasaki" not in m.text and "KING" not in m.text and "Tama Ward" not in m.text
    out = protect.unmask(m.text.replace("worked with", "trabajaron con"), m, "es", g)
    assert out == ("• KING SKYFRONT and Ciudad de Kawasaki trabajaron con the Asociación "
                   "Internacional de Kawasaki in Distrito de Tama.")
    # whole words only: "Tama Ward" is not inside "Tamagawa Wardens"
    assert protect.mask("Tamagawa Wardens", g, source_locale="en").slots == ()


def test_bullet_is_written_the_target_scripts_way() -> None:
    g = terms.load_terms()
    m = protect.mask("・事業を実施", g)
    assert m.lead == "・"
    assert protect.unmask("Carried out", m, "en", g) == "• Carried out"
    assert protect.unmask("执行了项目", m, "zh-hans", g) == "• 执行了项目"
    assert checks.flags("・事業を実施", "• Carried out", "en") == []
