"""`easy build` on a small store: drafts, cache, reviewed rewrites survive."""

from __future__ import annotations

from sqlalchemy import select

from kintl_pub import segment
from kintl_pub.catalogs import states
from kintl_pub.easy import markup
from kintl_pub.easy.build import build
from kintl_pub.easy.version import rules_version
from kintl_pub.store.db import transaction
from kintl_pub.store.models import Direction, Focus, Initiative, Policy, Program, Translation

SENT_1 = "令和3年度は日本語教室を開催し、外国人市民の相談に対応しました。"
SENT_2 = "避難所の情報を多言語で発信しました。"


def _seed(session) -> None:  # type: ignore[no-untyped-def]
    p = Policy(number=1, title="多文化共生社会の推進")
    d = Direction(number=1, title="誰もが暮らしやすい地域づくり", policy=p)
    f = Focus(number=1, title="多言語による情報提供", direction=d)
    ini = Initiative(number=1, title="多言語情報の発信", focus=f)
    ini.programs.append(
        Program(position=0, name="多言語化推進事業", ward="中原区", content=SENT_1 + SENT_2,
                plan="- 日本語教室の開催\n- 相談窓口の運営", results="", reason="", future="", bureau="市民文化局")
    )
    session.add_all([p, ini])
    session.flush()
    segment.sync(session)


def _easy(session, source: str) -> Translation:  # type: ignore[no-untyped-def]
    t = states.get(session, "ja-easy", source)
    assert t is not None
    return t


def test_build_writes_cached_and_keeps_reviewed(engine, pipeline) -> None:  # type: ignore[no-untyped-def]
    with transaction(engine) as s:
        _seed(s)
        rep = build(s, progress=False, pipeline=pipeline)
        assert rep.analysed == rep.sources > 5 and rep.written == rep.sources
        t = _easy(s, SENT_1)
        assert t.state == "machine"
        assert t.provenance == {"engine": "kintl-easy", "rules": rules_version()}
        assert markup.validate(t.text) == []
        assert markup.to_plain(t.text) == (
            "2021年度（令和3年度）は日本語教室をひらきました。外国人市民の相談に対応しました。"
        )
        assert "かいさい" not in markup.reading(t.text) and "{日本|にほん}{語|ご}" in t.text
        glossed = _easy(s, SENT_2)
        assert markup.glosses(glossed.text)[0][0] == "避難所"

    # second run, nothing changed: no analysis at all
    with transaction(engine) as s:
        rep2 = build(s, progress=False, pipeline=None)  # would load Sudachi if it needed to
        assert rep2.analysed == 0 and rep2.skipped_cached == rep.sources

    # an editor's rewrite …
    with transaction(engine) as s:
        states.put_human(s, "ja-easy", SENT_1, "{日本語|にほんご}の{教室|きょうしつ}を ひらきました。", who="editor")
    # … survives a rebuild after the rules changed
    with transaction(engine) as s:
        for t in s.scalars(select(Translation).where(Translation.locale == "ja-easy")):
            if t.state == "machine":
                t.provenance = {"engine": "kintl-easy", "rules": "older"}
    with transaction(engine) as s:
        rep3 = build(s, progress=False, pipeline=pipeline)
        assert rep3.skipped_human == 1 and rep3.analysed == rep.sources - 1
        t = _easy(s, SENT_1)
        assert t.state == "translated" and t.text.startswith("{日本語|にほんご}の")
        resolved = states.resolve_many(s, "ja-easy", [SENT_1])[SENT_1]
        assert resolved.state == "reviewed"


def test_cli_easy_and_reading(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from kintl_pub.cli import cli

    r = CliRunner().invoke(cli, ["reading", "麻生区の溝口", "行います"])
    assert r.exit_code == 0, r.output
    assert r.output.splitlines() == ["あさおくのみぞのくち", "おこないます"]
    # a list item is text, not an option (editors check `- …` lines; it needed `--`)
    r = CliRunner().invoke(cli, ["reading", "- 「日本の家」を見ます", "-x"])
    assert r.exit_code == 0, r.output
    assert r.output.splitlines() == ["- 「にほんのいえ」をみます", "-x"]
    r = CliRunner().invoke(cli, ["easy", "- 研修を実施いたしました。"])
    # 研修 is glossed the first time it stands on its own
    assert r.exit_code == 0 and "研修（仕事のための勉強）をおこないました。" in r.output, r.output
    r = CliRunner().invoke(cli, ["easy", "研修を実施いたしました。", "令和3年度の取組"])
    assert r.exit_code == 0, r.output
    assert r.output.splitlines() == ["研修（仕事のための勉強）をおこないました。", "2021年度（令和3年度）のとりくみです。"]
    r = CliRunner().invoke(cli, ["easy", "--help"])
    assert "build" in r.output and "report" in r.output


def test_cli_report_and_review_list(engine, db_url, pipeline, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import json

    from click.testing import CliRunner

    from kintl_pub.cli import cli

    with transaction(engine) as s:
        _seed(s)
        build(s, progress=False, pipeline=pipeline)
    monkeypatch.setenv("DATABASE_URL", db_url)
    r = CliRunner().invoke(cli, ["easy", "report", "--json", "--worst", "2"])
    assert r.exit_code == 0, r.output
    rep = json.loads(r.output)
    assert rep["overall"]["after"]["share_desu_masu"] == 1.0
    assert rep["preservation"]["unflagged_failures"] == 0
    assert len(rep["worst"]) == 2 and rep["worst"][0]["length"] >= rep["worst"][1]["length"]
    r = CliRunner().invoke(cli, ["readings", "review", "--list"])
    assert r.exit_code == 0, r.output


def test_editors_hand_rewrite_loop(engine, db_url, pipeline, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """report names the initiatives under target → export just one → an editor
    rewrites an entry in the .po → import → the rewrite counts and survives a build."""
    import json

    from click.testing import CliRunner

    from kintl_pub.cli import cli
    from tests.catalogs.helpers import edit

    with transaction(engine) as s:
        _seed(s)
        other = Initiative(number=2, title="相談窓口", focus=s.scalars(select(Focus)).one())
        other.programs.append(Program(position=0, name="相談事業", content="窓口で外国人市民の相談を受け付けました。",
                                      plan="", results="", reason="", future="", bureau="市民文化局"))
        s.add(other)
        s.flush()
        segment.sync(s)
        build(s, progress=False, pipeline=pipeline)
    monkeypatch.setenv("DATABASE_URL", db_url)
    runner = CliRunner()

    out = runner.invoke(cli, ["easy", "report"]).output
    assert "targets for the published text" in out and "jReadability ≥ 4.0 per initiative" in out
    before = json.loads(runner.invoke(cli, ["easy", "report", "--json", "-i", "1"]).output)

    r = runner.invoke(cli, ["catalogs", "export", "--lang", "ja-easy", "-i", "1", "--out", str(tmp_path)])
    assert r.exit_code == 0, r.output
    path = tmp_path / "content-ja@easy-initiatives-1.po"
    data = path.read_bytes()
    assert SENT_1.encode() in data and "相談を受け付けました".encode() not in data  # only initiative 1
    bad = runner.invoke(cli, ["catalogs", "export", "--lang", "ja-easy", "-i", "7", "--out", str(tmp_path)])
    assert bad.exit_code != 0 and "no such initiative: 7" in bad.output

    # plain Easy Japanese, a gloss, no ruby typed (EASY-GUIDE): the pipeline reads it
    mine = "2021年度（令和3年度）は、[日本語教室|日本語を勉強するところ]をひらきました。外国の人の相談を聞きました。"
    path.write_bytes(edit(data, SENT_1, msgstr=mine, fuzzy=False))
    r = runner.invoke(cli, ["users", "add", "editor", "--editor", "--password-stdin"], input="a long enough pw\n")
    assert r.exit_code == 0, r.output  # --as names an account allowed for ja-easy
    r = runner.invoke(cli, ["catalogs", "import", str(path), "--lang", "ja-easy", "--as", "editor"])
    assert r.exit_code == 0 and "1 changed" in r.output, r.output
    r = runner.invoke(cli, ["easy", "build", "--quiet"])
    assert r.exit_code == 0 and "1 written by people" in r.output and "readings added to 1" in r.output, r.output
    with transaction(engine) as s:
        t = _easy(s, SENT_1)
        assert (t.state, t.translator, t.text) == ("translated", "editor", mine)  # stored as written
        shown = states.resolve_many(s, "ja-easy", [SENT_1])[SENT_1]
        assert shown.state == "reviewed" and markup.to_plain(shown.text) == mine.replace("|", "（").replace("]", "）").replace("[", "")
        assert "{教|きょう}{室|しつ}" in shown.text and "{聞|き}きました" in shown.text and "/" in shown.text
        assert markup.glosses(shown.text) == [("日本語教室", "日本語を勉強するところ")]
    # a second build does not analyse it again; the export still holds the person's plain text
    r = runner.invoke(cli, ["easy", "build", "--quiet"])
    assert "readings added to 0 (1 unchanged)" in r.output, r.output
    r = runner.invoke(cli, ["catalogs", "export", "--lang", "ja-easy", "-i", "1", "--out", str(tmp_path)])
    from babel.messages.pofile import read_po

    with path.open("rb") as fh:
        assert read_po(fh)[SENT_1].string == mine
    after = json.loads(runner.invoke(cli, ["easy", "report", "--json", "-i", "1"]).output)
    # the editor's shorter sentences are what is measured now
    assert after["overall"]["after"]["mean_len"] < before["overall"]["after"]["mean_len"]
    assert after["overall"]["before"] == before["overall"]["before"]
