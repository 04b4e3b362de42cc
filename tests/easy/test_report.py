"""`easy report` for the published text and the rules side by side, and the
editors' views: their own long sentences, per editor, per entry, lost facts,
names, hard words; `catalogs stats` counts the prose people have not written."""

from __future__ import annotations

import json

from click.testing import CliRunner

from kintl_pub import segment
from kintl_pub.catalogs import states
from kintl_pub.cli import cli
from kintl_pub.easy import metrics, report
from kintl_pub.easy.build import build
from kintl_pub.store.db import transaction
from kintl_pub.store.models import Direction, Focus, Initiative, Policy, Program

S1 = "令和3年度は日本語教室を開催し、外国人市民の相談に対応しました。"
S2 = "外国人学校児童等健康・安全事業補助金を交付し、14校の児童生徒の健康診断を支援しました。"
S3 = "避難所の情報を多言語で発信しました。"
# an editor's texts: plain, a gloss for the official name, no ruby
MINE_1 = "2021年度（令和3年度）は、日本語の教室をひらきました。外国の人の相談を聞きました。"
MINE_2 = ("[外国人学校児童等健康・安全事業補助金|外国人学校の子どもの健康のためのお金]を出しました。"
          "14校の子どもが、健康診断を受けました。")
# this one drops a number: a lost fact, reported (a person's text is never refused)
MINE_3 = "ひなんじょのことを、いろいろなことばで知らせました。"


def _seed(s) -> None:  # type: ignore[no-untyped-def]
    p = Policy(number=1, title="多文化共生社会の推進")
    f = Focus(number=1, title="多言語", direction=Direction(number=1, title="地域づくり", policy=p))
    for n, text in ((1, S1), (2, S2 + S3 + "2021年に避難所を10か所ふやしました。")):
        ini = Initiative(number=n, title=f"取組{n}", focus=f)
        ini.programs.append(Program(position=0, name="事業", content=text, plan="", results="", reason="", future="",
                                    bureau="市民文化局"))
        s.add(ini)
    s.flush()
    segment.sync(s)


def test_published_and_rules_side_by_side(engine, db_url, pipeline, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    with transaction(engine) as s:
        _seed(s)
        build(s, progress=False, pipeline=pipeline)
        before = report.store_report(s)
        # before anyone wrote: published = rules
        assert before["overall"]["after"] == before["overall"]["rules"]
        states.put_human(s, "ja-easy", S1, MINE_1, who="easy-a")
        states.put_human(s, "ja-easy", S2, MINE_2, who="easy-b")
        tenth = next(x for x in states_sources(s) if x.startswith("2021年に避難所"))
        states.put_human(s, "ja-easy", tenth, "2021年に、ひなんじょをふやしました。", who="easy-b")
        build(s, progress=False, pipeline=pipeline)
        rep = report.store_report(s)
    o = rep["overall"]
    # the rules' column still measures the rules' rewrite of every entry, people's or not
    assert o["rules"] == before["overall"]["rules"]
    assert o["after"]["mean_len"] < o["rules"]["mean_len"]
    assert rep["people"] == {"entries": 3, "machine_only_entries": 1, "rules_drafts_missing": 0}
    # people's text is checked too: 10 was dropped (a fact), not silently ignored
    assert rep["preservation"]["people_facts_lost"] == 1
    # the official name (18 kanji) is glossed: over 13 kanji only because of the name
    assert o["after"]["over_13_for_a_name"] >= 1
    assert o["after_with_glosses"]["mean_len"] > o["after"]["mean_len"]

    monkeypatch.setenv("DATABASE_URL", db_url)
    out = CliRunner().invoke(cli, ["easy", "report"]).output
    assert "targets for the published text (issue 12)" in out and "targets for the automatic rules (issue 11)" in out
    assert "FAIL  0 facts lost" in out and "1 in people's text" in out
    r = CliRunner().invoke(cli, ["easy", "report", "--json", "--worst", "3", "--who", "people", "--editors",
                                 "--entries", "--under", "--hard-words", "5"])
    assert r.exit_code == 0, r.output
    got = json.loads(r.output)
    # the editors' own sentences, with who wrote them
    assert got["worst"] and all(w["who"] in ("easy-a", "easy-b") for w in got["worst"])
    assert got["worst"][0]["length"] >= got["worst"][-1]["length"]
    assert set(got["editors"]) == {"easy-a", "easy-b", "rules"} and got["editors"]["easy-b"]["facts_lost"] == 1
    lost = [e for e in got["entries"] if "lost:10" in e["problems"]]
    assert [e["who"] for e in lost] == ["easy-b"]
    assert all(e["who"] != "easy-a" for e in got["entries"])  # --who people --under: only failing people's entries
    assert all(set(h) == {"word", "rules", "published"} for h in got["hard_words"])

    r = CliRunner().invoke(cli, ["catalogs", "stats"])
    assert "ja-easy: 1 prose texts hold only the rules' draft" in r.output, r.output


def states_sources(s) -> list[str]:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from kintl_pub.store.models import Segment

    return list(s.scalars(select(Segment.source)))


def test_scorer_leaves_out_circled_markers() -> None:
    # UniDic tags ① 漢語: the same list scored lower with its markers than without
    with_markers = metrics.sentences_of("①日本語の教室をひらきます。②相談を受けます。", kind="p")
    without = metrics.sentences_of("日本語の教室をひらきます。相談を受けます。", kind="p")
    assert "①" not in metrics.scorer_text(with_markers)
    assert metrics.jreadability(metrics.scorer_text(with_markers)) == metrics.jreadability(metrics.scorer_text(without))


def test_names_counted_apart_from_the_kanji_target() -> None:
    s = metrics.sentences_of("「外国につながる児童生徒・保護者のための支援事業一覧」を配りました。", kind="p")[0]
    assert metrics.count_kanji(s.text) > 13 and s.kanji_apart_from_names <= 13
    glossed = metrics.sentences_of("外国人学校児童等健康安全事業補助金を出しました。", kind="p",
                                   names=["外国人学校児童等健康安全事業補助金"])[0]
    assert glossed.kanji_apart_from_names == 1
    m = metrics.measure([s, glossed], with_jlpt=False)
    assert m["share_kanji_le_13"] == 0.0 and m["over_13_for_a_name"] == 2


def test_hard_words_above_n3() -> None:
    found = metrics.hard_words(["施策を推進し、醸成に着手しました。日本語の本を読みます。"])
    assert {"施策", "推進", "醸成", "着手"} <= set(found) and "本" not in found and "読む" not in found
    assert "推進" not in metrics.hard_words(["推進します。"], explained=frozenset({"推進"}))
