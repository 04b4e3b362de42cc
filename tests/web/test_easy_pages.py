"""Easy Japanese pages as a reader sees them, built the way `prepare` builds
them: the editors' plain Easy Japanese (the committed ja@easy catalog) shown
with furigana and phrase breaks, official names with a one-line explanation
under them, the note about unchecked text once per programme (and for
ja-easy: rewritten, not translated), UI strings with furigana; axe and the
Nu checker report nothing on these pages."""

from __future__ import annotations

import json
import os
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from .conftest import BROWSER_DIR, ROOT, SEED, VNU, _make_app, browser_ready, need_vnu, serve

PAGES = ["/ja-easy/initiatives/1/", "/ja-easy/initiatives/79/", "/ja-easy/", "/ja-easy/search?q=%E6%97%A5%E6%9C%AC%E8%AA%9E",
         "/en/initiatives/79/"]
KEEP = (1, 79)
#: an entry the editors wrote, taken back to a machine draft for the note test
MACHINE_SOURCE_PREFIX = "市内の外国人学校に通う児童の安全確保"


@pytest.fixture(scope="module")
def easy_app(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from kintl_pub.catalogs.importer import load_repo_catalogs, read_repo_catalogs
    from kintl_pub.easy.build import build
    from kintl_pub.easy.ui import compile_ui
    from kintl_pub.ingest.load import import_file
    from kintl_pub.prepare import refresh
    from kintl_pub.store.db import get_engine, init_db, transaction
    from kintl_pub.store.models import Initiative, Translation

    tmp = tmp_path_factory.mktemp("easy-site")
    url = f"sqlite:///{tmp / 'easy.sqlite3'}"
    engine = init_db(get_engine(url))
    with transaction(engine) as s:
        import_file(s, SEED, who="test")
        # two initiatives are enough (and keep the build quick): the others go
        for ini in s.scalars(select(Initiative).where(Initiative.number.not_in(KEEP))):
            s.delete(ini)
        s.flush()
        refresh(s, index=False)
        files = read_repo_catalogs(ROOT / "translations")
        load_repo_catalogs(s, ROOT / "translations", parsed={"ja-easy": files["ja-easy"]})
        # one programme of #79 back to the rules' draft: the page must say a computer rewrote it
        for t in s.scalars(select(Translation).where(Translation.locale == "ja-easy")):
            if t.source.startswith(MACHINE_SOURCE_PREFIX):
                s.delete(t)
    with transaction(engine) as s:
        build(s, progress=False)
        refresh(s)  # the search index, with the Easy texts
    ruby = tmp / "ui-ruby.json"
    compile_ui(ROOT / "translations", ruby)
    return _make_app(url, EASY_UI_RUBY=str(ruby))


def _get(app, path: str) -> str:  # type: ignore[no-untyped-def]
    resp = app.test_client().get(path)
    assert resp.status_code == 200, path
    return resp.get_data(as_text=True)


def _section(html: str, start: str) -> str:
    return html[html.index(start):]


def test_peoples_text_has_furigana_and_phrase_breaks(easy_app) -> None:  # type: ignore[no-untyped-def]
    html = _get(easy_app, "/ja-easy/initiatives/79/")
    body = _section(html, 'class="program"')
    # the editor wrote 「川崎市にある、外国人学校に、通う子どもなどが、…」 in plain text
    assert "<ruby>川<rp>(</rp><rt>かわ</rt><rp>)</rp>崎<rp>(</rp><rt>さき</rt>" in body
    # mono-ruby: one reading per kanji, never a group over a whole compound
    assert "<ruby>外<rp>(</rp><rt>がい</rt>" in body and "<rt>がいこくじんがっこう</rt>" not in body
    # phrase breaks are stored: the 分かち書き switch shows them as spaces
    client = easy_app.test_client()
    client.set_cookie("easy", "f1w1")
    spaced = client.get("/ja-easy/initiatives/79/").get_data(as_text=True)
    assert re.search(r"</ruby>に <ruby>", _section(spaced, 'class="program"'))


def test_official_name_with_its_explanation(easy_app) -> None:  # type: ignore[no-untyped-def]
    html = _get(easy_app, "/ja-easy/initiatives/1/")
    h1 = html[html.index("<h1"):html.index("</h1>")]
    # the official name, with readings, is the heading …
    assert "<rt>こく</rt>" in h1 and "title-note" not in h1
    # … and one line of Easy Japanese explains it under it, drafted by the rules
    note = html[html.index("</h1>"):]
    note = note[:note.index("</p>")]
    assert 'class="title-note"' in note and "<ruby>" in note and "tag-machine" in note
    # the browser tab shows the name only, never markup
    title = html[html.index("<title>"):html.index("</title>")]
    assert "<ruby" not in title and "&lt;" not in title and "（" not in title
    # the tree and search results show the explanation after the name
    tree = _get(easy_app, "/ja-easy/")
    assert tree.count('<span class="title-note">') == len(KEEP)


def test_note_once_per_programme_and_rewritten_not_translated(easy_app) -> None:  # type: ignore[no-untyped-def]
    html = _get(easy_app, "/ja-easy/initiatives/79/")
    # the one programme the editors' text was taken from: one note, saying a computer rewrote it
    assert html.count("かきなおしました。") == 1
    assert "ほんやく" not in _section(html, 'class="program"').split("</main>")[0]
    # English page: every field falls back to Easy Japanese; the note is said once per programme
    en = _get(easy_app, "/en/initiatives/79/")
    programmes = en.count('<section class="program"')
    assert en.count("shown in Easy Japanese") == programmes


def test_ui_strings_have_furigana_but_attributes_stay_plain(easy_app) -> None:  # type: ignore[no-untyped-def]
    html = _get(easy_app, "/ja-easy/initiatives/1/")
    header = html[html.index("<header"):html.index("</header>")]
    assert "<ruby>年<rp>(</rp><rt>ねん</rt>" in header  # 2021年度に できた こと
    assert not re.search(r'="[^"]*<ruby', html), "ruby must never reach an attribute"
    heading = _section(html, 'class="program"')
    assert "<h3>この<ruby>仕" in heading  # この仕事の ないよう
    # the reader's "no furigana" switch reaches the UI strings too
    client = easy_app.test_client()
    client.set_cookie("easy", "f0w0")
    bare = client.get("/ja-easy/initiatives/1/").get_data(as_text=True)
    assert "<rt>" not in bare and "<h3>この仕事の ないよう</h3>" in bare
    # without the compiled readings the page still works, in plain text
    from .conftest import _make_app as make

    plain_app = make(easy_app.config["DATABASE_URL"], EASY_UI_RUBY=str(Path(easy_app.config["EASY_UI_RUBY"]).with_name("none.json")))
    assert "<h3>この仕事の ないよう</h3>" in _get(plain_app, "/ja-easy/initiatives/1/")


def test_nu_html_checker_zero_errors_on_easy_pages(easy_app, tmp_path) -> None:  # type: ignore[no-untyped-def]
    need_vnu()
    files = []
    for i, path in enumerate(PAGES):
        f = tmp_path / f"e{i}.html"
        f.write_text(_get(easy_app, path), encoding="utf-8")
        files.append(f)
    out = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--errors-only", "--exit-zero-always",
                          *map(str, files)], capture_output=True, text=True, timeout=600)
    errors = [m for m in json.loads(out.stderr or out.stdout)["messages"] if m.get("type") == "error"]
    assert not errors, [(m["url"][-8:], m.get("lastLine"), m["message"]) for m in errors[:10]]


@pytest.fixture(scope="module")
def easy_live(easy_app) -> Iterator[str]:  # type: ignore[no-untyped-def]
    yield from serve(easy_app)


@pytest.mark.browser
def test_axe_zero_violations_on_easy_pages(easy_live) -> None:  # type: ignore[no-untyped-def]
    reason = browser_ready()
    if reason:
        if os.environ.get("CI"):
            raise RuntimeError(f"browser checks cannot run in CI: {reason}")
        pytest.skip(reason)
    # the long pages (tree, search) are checked in the Nu test above and by test_browser
    env = dict(os.environ, EXTRA_RE="/ja-easy/initiatives/79/")
    pages = [p for p in PAGES if "/initiatives/" in p]
    out = subprocess.run(["node", "check.mjs", "pages", *[easy_live + p for p in pages]], cwd=BROWSER_DIR,
                         capture_output=True, text=True, timeout=900, env=env)
    assert out.returncode == 0, out.stderr[-2000:]
    for r in json.loads(out.stdout):
        assert r["status"] == 200, r["url"]
        for key in ("axe", "axeDark", "axe320"):
            assert not r.get(key), (r["url"], key, r.get(key))
        assert r["overflow320"]["scrollWidth"] <= r["overflow320"]["innerWidth"], (r["url"], r["overflow320"])
