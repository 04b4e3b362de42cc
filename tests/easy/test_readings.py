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
    assert align("国際交流", "こくさいこうりゅう") == (("国", "こく"), ("際", "さい"), ("交", "こう"), ("流", "りゅう"))
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

    assert set(context._TRIGGERS) == set(context.RULES)
    for text in ("3人", "月・水・金", "（木・祝）", "一つ", "日本", "外国の方", "行っ", "公の", "ルビ振り", "等", "得る"):
        assert context._ALL_TRIGGERS.search(text), text


# the rules' real sentences: each context rule fires in one of them
_RULE_SENTENCES = (
    "日本中から人が来ます。", "一日中、外国人の方の相談を受けました。", "3人で、1日かけて、4月1日に行きます。",
    "ルールを一つずつ説明しました。", "挑戦するための「新たな一歩」を後押しする事業を実施します。",
    "施設等の整備を行います。", "麻生区内の学校です。", "成果を得ることができました。",
    "中国・瀋陽市との交流コンサート(9月23日(木・祝))を実施しました。", "土、日の開催です。", "日本と外国の文化を知ることができます。",
    "国民健康保険に加入する外国人の方に対する制度周知ができました。", "研修時に行ったアンケート結果を踏まえた研修を実施します。",
    "公立保育園には様々な国籍の児童が入所しているが、それぞれの園で文化を尊重しながら対応しました。",
    "どこに何があるかわかるようにしました。", "①国の大型プログラムに採択されました。",
    "・市民ミュージアムから川崎宿ジオラマを運搬し、仮展示を行った。", "5年振りに開催しました。", "参加企業数が増えました。",
)


def test_reading_only_rules_keep_the_words(reader: Reader) -> None:
    # apply() keeps a line's set of words across these rules (it tests the next
    # rule's words against it): they may change readings, never the words
    from kintl_pub.easy import context

    changed = set()
    for sentence in _RULE_SENTENCES:
        toks = reader._with_overrides(sentence, checked=True)
        for rule in context._READINGS_ONLY:
            out = rule(toks)
            assert [t.surface for t in out] == [t.surface for t in toks], (rule.__name__, sentence)
            changed |= {rule for a, b in zip(out, toks, strict=True) if a is not b}
    assert changed == set(context._READINGS_ONLY)  # every one of them did change a reading
    assert context.counters not in context._READINGS_ONLY and context.kanji_numbers not in context._READINGS_ONLY


def test_trigger_tests_are_the_triggers() -> None:
    # apply() tests a plain-word trigger with ``in`` and one_kanji_words' with
    # the look-behind after its character: the same answers as the patterns
    import re

    from kintl_pub.easy import context

    before = re.compile("(?<![\u4e00-\u9fff])[公園数何国]|[公園数何国](?![\u4e00-\u9fff])|宿|振り")
    texts = [*_RULE_SENTENCES, "国", "外国人", "国の", "①国", "公園", "人数", "数字", "何", "", "宿", "振"]
    texts += [a + b + c for a in ("", "外", "の", "①") for b in "公園数何国" for c in ("", "人", "が")]
    for text in texts:
        assert bool(context._TRIGGERS[context.one_kanji_words].search(text)) == bool(before.search(text)), text
        for rule, _words, test, _ in context._PLAN:
            assert bool(test(text)) == bool(context._TRIGGERS[rule].search(text)), (rule.__name__, text)


# Wrong readings found in the Easy Japanese catalog and by the first editors
# (issue 11, /work/edition/notes/easy-team-*.md), each in its real sentence.
@pytest.mark.parametrize(
    ("sentence", "word", "reading"),
    [
        # 日本 is にほん, as 日本語 is にほんご
        ("日本と外国の文化を知ることができます。", "日本", "にほん"),
        ("昔の日本の家を見せるところです。", "日本", "にほん"),
        ("日本中から人が来ます。", "日本中", "にほんじゅう"),
        # … but a name that says otherwise keeps its own reading
        ("日本銀行の調査です。", "日本銀行", "にっぽんぎんこう"),
        ("独立行政法人日本貿易振興機構(ジェトロ)との連携により相談業務を行います。", "日本貿易振興機構", "にほんぼうえきしんこうきこう"),
        # kanji numbers and counters
        ("ルールを一つずつ説明しました。", "一つ", "ひとつ"),
        ("挑戦するための「新たな一歩」を後押しする事業を実施します。", "一歩", "いっぽ"),
        ("フォロワーが8千人増の3万1,000人となりました。", "8千人", "8せんにん"),
        ("フォロワーが8千人増の3万1,000人となりました。", "3万1,000人", "3まん1,000にん"),
        # single kanji in their everyday sense
        ("「公の施設」利用許可に関するガイドラインの適正な運用", "公", "おおやけ"),
        ("公立保育園には様々な国籍の児童が入所しているが、それぞれの園で文化を尊重しながら対応しました。", "園", "えん"),
        ("来るたびに数えた数）3,011人", "数", "かず"),
        ("来館者数81,944人", "来館者数", "らいかんしゃすう"),
        ("どこに何があるかわかるようにしました。", "何", "なに"),
        ("①国の大型プログラムに採択されました。", "国", "くに"),
        # names: 宿 of a post town
        ("東海道川崎宿の歴史文化の発信等の拠点として施設の機能充実を図ります。", "宿", "しゅく"),
        ("・市民ミュージアムから川崎宿ジオラマを運搬し、仮展示を行った。", "宿", "しゅく"),
        # weekdays in brackets after a date
        ("中国・瀋陽市との交流コンサート(9月23日(木・祝))を実施しました。", "木", "もく"),
        ("開館時間は10時から17時(土)です。", "土", "ど"),
        # 方 for a person, 行う for a thing done
        ("国民健康保険に加入する外国人の方に対する制度周知ができました。", "方", "かた"),
        ("介護福祉士の国家資格を有する方を対象とする新たな在留資格です。", "方", "かた"),
        ("また、例年行っている「川崎ジュニア文化賞」大賞受賞者の交流も行いました。", "行っ", "おこなっ"),
        ("研修時に行ったアンケート結果を踏まえた研修を実施します。", "行っ", "おこなっ"),
        ("交流の場を提供をよく行っています。", "行っ", "おこなっ"),
        ("就学の勧奨を継続して行っています。", "行っ", "おこなっ"),
        # Sudachi's mis-splits
        ("・新任係長研修(eラーニング) 「係長職に求められる人権意識」", "係長職", "かかりちょうしょく"),
        ("10言語で作成した申請書見本と就学援助制度についてのお知らせ", "申請書見本", "しんせいしょみほん"),
        ("必要に応じて資料にルビ振りを行うなど、円滑な情報提供の実現を目指します。", "振り", "ふり"),
        ("・消防指令体制整備事業", "指令", "しれい"),
    ],
)
def test_readings_in_their_sentence(reader: Reader, sentence: str, word: str, reading: str) -> None:
    assert _reading_of(reader, sentence, word) == reading


def _reading_of(reader: Reader, sentence: str, word: str) -> str:
    """The reading of ``word`` in ``sentence`` (it may span tokens: 見本 after 申請書)."""
    toks = reader.tokens(sentence)
    whole = [t.reading for t in toks if t.surface == word]
    if whole:
        return whole[-1]
    text = "".join(t.surface for t in toks)
    start, pos, parts = text.index(word), 0, []
    for t in toks:
        if start <= pos < start + len(word):
            parts.append(t.reading)
        pos += len(t.surface)
    return "".join(parts)


@pytest.mark.parametrize(
    ("sentence", "word", "reading"),
    [
        ("学校に行って話を聞きました。", "行っ", "いっ"),
        ("現地を見に行ったことがあります。", "行っ", "いっ"),
        ("この方が良いと考えます。", "方", "ほう"),
        ("5年振りに開催しました。", "振り", "ぶり"),
        ("水・木・草を植えます。", "木", "き"),
        ("参加企業数が増えました。", "数", "すう"),
    ],
)
def test_context_rules_keep_the_other_sense(reader: Reader, sentence: str, word: str, reading: str) -> None:
    assert _reading_of(reader, sentence, word) == reading


def test_phrase_break_kind_from_part_of_speech_alone(reader: Reader) -> None:
    # annotate._bk takes a word's kind from its part of speech alone when no
    # surface bit counts (most words): the same memo row and id as the kind
    # spelled out (symbols, Latin letters and a split-off prefix keep theirs)
    from kintl_pub.easy import annotate

    sentences = [*_RULE_SENTENCES, "NPO法人の「かわさき」ABCとLGBT、同幹事会の同性的マイノリティ等。", "3月の1人暮らし"]
    kinds = set()
    for sentence in sentences:
        for t in reader.tokens(sentence):
            s, pos = t.surface, t.pos
            left = s if (pos and pos[0] == "補助記号") or s[-1:].isascii() or t.source == "rule:prefix" else ""
            right = s[:1] if s[:1].isascii() else ""
            t.bk = None
            row, rid = annotate._bk(t)
            spelled_row, spelled_id = annotate._kind(pos, left, right)
            assert row is spelled_row and rid == spelled_id, s
            kinds.add((left != "", right != ""))
    assert kinds == {(False, False), (True, False), (False, True), (True, True)}
