"""Reading dictionary, context rules, ruby alignment, the disagreement queue."""

from __future__ import annotations

from pathlib import Path

import pytest

from kintl_pub.easy import overrides
from kintl_pub.easy.readings import Reader
from kintl_pub.easy.ruby import align


@pytest.mark.parametrize(
    ("word", "reading"),
    [
        ("川崎区", "かわさきく"), ("幸区", "さいわいく"), ("中原区", "なかはらく"),
        ("高津区", "たかつく"), ("宮前区", "みやまえく"), ("多摩区", "たまく"),
        ("麻生区", "あさおく"), ("溝口", "みぞのくち"), ("殿町", "とのまち"),
        ("羽田", "はねだ"), ("多摩川", "たまがわ"), ("等々力", "とどろき"),
    ],
)
def test_place_names_from_the_dictionary(reader: Reader, word: str, reading: str) -> None:
    assert reader.reading(word) == reading


def test_every_override_entry_has_a_reason() -> None:
    entries = overrides.load()
    assert len(entries) >= 30
    for e in entries.values():
        assert e.reason, e.surface
        assert len(e.surface) >= 2, "single-kanji overrides would hit every compound"


def test_reading_keeps_kana_digits_latin(reader: Reader) -> None:
    assert reader.reading("在留カードとSDGsの2021年") == "ざいりゅうカードとSDGsの2021ねん"


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("国際交流等を行います", "こくさいこうりゅうとうをおこないます"),  # 等 after a noun
        ("一日中", "いちにちじゅう"),
        ("1日中", "いちにちじゅう"),
        ("日中", "にっちゅう"),
        ("世界中", "せかいじゅう"),
        ("期間中", "きかんちゅう"),
        ("1人で", "ひとりで"),
        ("2人と3人", "ふたりと3にん"),
        ("4月1日に", "4がつついたちに"),
        ("1日かけて", "いちにちかけて"),
        ("2日間", "ふつかかん"),
        ("20日", "はつか"),
        ("11月16日に", "11がつ16にちに"),  # Sudachi: 16か
        ("5月15日から", "5がつ15にちから"),
        ("15日間", "15にちかん"),
        ("麻生区内の", "あさおくないの"),
        ("成果を得る", "せいかをえる"),
        ("中高一貫教育", "ちゅうこういっかんきょういく"),
    ],
)
def test_context_rules(reader: Reader, text: str, reading: str) -> None:
    assert reader.reading(text) == reading


def test_ruby_alignment_okurigana_outside() -> None:
    assert align("行い", "おこない") == (("行", "おこな"), ("い", None))
    assert align("取り組み", "とりくみ") == (("取", "と"), ("り", None), ("組", "く"), ("み", None))
    assert align("国際交流", "こくさいこうりゅう") == (("国際交流", "こくさいこうりゅう"),)
    assert align("1日", "ついたち") == (("1日", "ついたち"),)
    assert align("カード", "カード") == (("カード", None),)


def test_override_file_roundtrip(tmp_path: Path) -> None:
    p = tmp_path / "readings.tsv"
    p.write_text("# comment\n溝口\tみぞのくち\tplace\n", encoding="utf-8")
    overrides.append("殿町", "トノマチ", "place", p)
    overrides.append("溝口", "みぞのくち", "checked again", p)
    text = p.read_text(encoding="utf-8")
    assert text.startswith("# comment\n")
    got = overrides.load(p)
    assert got["殿町"].reading == "とのまち"
    assert got["溝口"].reason == "checked again"
    p.write_text("bad line without tab\n", encoding="utf-8")
    with pytest.raises(overrides.OverrideError):
        overrides.load(p)


def test_disagreement_is_reported_not_guessed(reader: Reader) -> None:
    # Sudachi reads 脱炭素 だつたんそ, pykakasi だったんもと: a reviewer decides
    toks = [t for t in reader.tokens("脱炭素を進めます") if t.alt]
    assert [(t.surface, t.reading, t.alt) for t in toks] == [("脱炭素", "だつたんそ", "だったんもと")]
    # an override entry is a decision: no longer cross-checked
    assert not [t for t in reader.tokens("羽田に行きます") if t.alt and t.surface == "羽田"]


def test_review_queue_and_resolution(engine, tmp_path: Path, pipeline) -> None:
    from sqlalchemy import select

    from kintl_pub.easy import review
    from kintl_pub.easy.build import _queue
    from kintl_pub.easy.models import ReadingDisagreement
    from kintl_pub.store.db import transaction

    toks = [t for t in pipeline.reader.tokens("脱炭素と脱炭素と羽田空港") if t.alt]
    tsv = tmp_path / "readings.tsv"
    with transaction(engine) as s:
        assert _queue(s, toks, "ctx", "1/0/content/0") == 1
        _queue(s, toks, "ctx", "1/0/content/0")  # seen again: counted, not duplicated
    with transaction(engine) as s:
        items = review.open_items(s)
        assert [(i.surface, i.occurrences) for i in items] == [("脱炭素", 4)]
        review.override(s, items[0], "だつたんそ", who="editor", path=tsv)
    with transaction(engine) as s:
        row = s.scalars(select(ReadingDisagreement)).one()
        assert row.status == "override" and row.decision == "だつたんそ"
        assert review.open_items(s) == []
    assert overrides.load(tsv)["脱炭素"].reading == "だつたんそ"
    # a single kanji cannot become a global override
    one = ReadingDisagreement(surface="港", reading="こう", alt="みなと")
    with pytest.raises(review.ReviewError):
        review.override(None, one, "みなと", who="e", path=tsv)  # type: ignore[arg-type]


def test_override_applies_only_where_a_word_starts(reader: Reader) -> None:
    # 生田 (place, いくた) must not be found inside 先生田中
    assert reader.reading("先生田中さん") == "せんせいたなかさん"
    assert reader.reading("生田緑地") == "いくたりょくち"
    # an entry may end inside a Sudachi word: the rest is analysed again
    assert reader.reading("令和元年度") == "れいわがんねんど"


def test_context_precheck_covers_every_rule_trigger() -> None:
    # apply() returns early when _ALL_TRIGGERS finds nothing: a rule whose
    # trigger it misses would silently never run
    from kintl_pub.easy import context

    for rule in context.RULES:
        for ch in context._TRIGGERS.get(rule, ()):
            assert context._ALL_TRIGGERS.search(ch), (rule.__name__, ch)
    assert context._ALL_TRIGGERS.search("3人") and context._ALL_TRIGGERS.search("月・水・金")


def test_kept_reading_is_recorded_and_not_queued_again(engine, tmp_path: Path, pipeline) -> None:
    from kintl_pub.easy import review
    from kintl_pub.easy.build import _queue
    from kintl_pub.easy.models import ReadingDisagreement
    from kintl_pub.store.db import transaction

    checked_tsv = tmp_path / "readings_checked.tsv"
    toks = [t for t in pipeline.reader.tokens("来館者数と川崎港") if t.alt]
    assert {t.surface for t in toks} >= {"来館者"}
    with transaction(engine) as s:
        _queue(s, toks, "ctx", "1/0/content/0")
        for item in review.open_items(s):
            review.keep(s, item, who="editor", path=checked_tsv)
        assert review.open_items(s) == []
    checked = overrides.load_checked(checked_tsv)
    assert ("来館者", "らいかんしゃ", "らいかんもの") in checked
    singles = sorted({t.surface for t in toks if len(t.surface) == 1})
    assert singles and not any(c[0] in singles for c in checked)  # one character: its context decides
    # a new database (a fresh clone): the recorded word is not asked again, single characters are
    with transaction(engine) as s:
        s.query(ReadingDisagreement).delete()
    with transaction(engine) as s:
        _queue(s, toks, "ctx", "1/0/content/0", checked)
        assert sorted(i.surface for i in review.open_items(s)) == singles
    # the file is rewritten whole and stays loadable; a broken line is a clear error
    checked_tsv.write_text(checked_tsv.read_text(encoding="utf-8") + "壊れた行\n", encoding="utf-8")
    with pytest.raises(overrides.OverrideError, match="readings_checked.tsv"):
        overrides.load_checked(checked_tsv)
