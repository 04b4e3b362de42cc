"""Changes since a date, as JSON and as the Atom feed: a source correction
and a translation made after the seed, and nothing else, show up; the feed
is Atom (RFC 4287) whose entries link to the initiative pages."""

from __future__ import annotations

import sqlite3
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta
from urllib.parse import quote, urlsplit

import pytest

from tests.web.conftest import _make_app

A = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def changed(seed_url: str, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A copy of the seed store where, after ``before``, an editor corrected
    initiative 9's results and a translator wrote one English text of 12."""
    from kintl_pub.catalogs import states
    from kintl_pub.store.db import get_engine, transaction
    from kintl_pub.store.models import Initiative
    from kintl_pub.store.source import correct

    path = tmp_path_factory.mktemp("changes") / "store.sqlite3"
    # the backup API: the seed store may hold pages in its WAL file still
    src, dst = sqlite3.connect(seed_url.removeprefix("sqlite:///")), sqlite3.connect(path)
    src.backup(dst)
    src.close()
    dst.close()
    url = f"sqlite:///{path}"
    before = datetime.now(UTC)
    with transaction(get_engine(url)) as s:
        nine = s.query(Initiative).filter_by(number=9).one()
        old = nine.programs[0].results
        correct(s, 9, 0, "results", old + "（追記）", expected=old, who="editor", reason="test")
        twelve = s.query(Initiative).filter_by(number=12).one()
        states.put_human(s, "en", twelve.programs[0].name or twelve.title, "A test translation", who="tr")
    app = _make_app(url)
    return app.test_client(), before


def test_changes_since_lists_what_changed_and_nothing_else(changed) -> None:  # type: ignore[no-untyped-def]
    client, before = changed
    since = quote(before.isoformat())
    r = client.get(f"/api/v1/changes?since={since}&lang=en")
    assert r.status_code == 200
    doc = r.get_json()
    got = {c["number"]: c for c in doc["initiatives"]}
    assert set(got) == {9, 12}
    assert got[9]["source_fields"] == ["results"] and got[9]["translations"] == {}
    assert got[12]["source_fields"] == [] and got[12]["translations"] == {"translated": 1}
    assert got[12]["links"]["html"] == "/en/initiatives/12/"
    assert doc["imports"] == [] and doc["since"].endswith("Z")
    assert [c["number"] for c in doc["initiatives"]] == [12, 9]  # newest first
    # in Japanese only the source changed; a date in the future: nothing
    ja = client.get(f"/api/v1/changes?since={since}").get_json()
    assert [c["number"] for c in ja["initiatives"]] == [9]
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).date().isoformat()
    later = client.get(f"/api/v1/changes?since={tomorrow}&lang=en").get_json()
    assert later["initiatives"] == [] and later["imports"] == [] and later["updated"] is None
    # everything since the seed was imported: the import run and every initiative
    everything = client.get("/api/v1/changes?since=2000-01-01&lang=en").get_json()
    assert len(everything["imports"]) == 1 and everything["imports"][0]["initiatives"] == 109
    assert {9, 12} < {c["number"] for c in everything["initiatives"]}


def test_atom_feed_is_atom_and_links_to_the_pages(changed) -> None:  # type: ignore[no-untyped-def]
    client, _before = changed
    r = client.get("/en/changes.atom")
    assert r.status_code == 200 and r.mimetype == "application/atom+xml"
    feed = ET.fromstring(r.data)
    assert feed.tag == f"{A}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    for tag in ("id", "title", "updated", "author"):
        assert feed.find(f"{A}{tag}") is not None, tag
    assert feed.find(f"{A}link[@rel='self']").get("href") == "https://example.test/en/changes.atom"
    datetime.fromisoformat(feed.findtext(f"{A}updated").replace("Z", "+00:00"))
    entries = feed.findall(f"{A}entry")
    changed_at_all = client.get("/api/v1/changes?since=2000-01-01&lang=en").get_json()["initiatives"]
    assert len(entries) == min(50, len(changed_at_all)) > 2
    ids = [e.findtext(f"{A}id") for e in entries]
    assert len(ids) == len(set(ids))
    for e in entries:
        assert e.findtext(f"{A}title") and e.findtext(f"{A}updated")
        link = e.find(f"{A}link[@rel='alternate']").get("href")
        path = urlsplit(link).path
        assert link.startswith("https://example.test/en/initiatives/") and path.endswith("/")
    # the two newest: the translation, then the correction (what the summary says)
    assert ids[:2] == ["https://example.test/en/initiatives/12/", "https://example.test/en/initiatives/9/"]
    assert "1 text in this language was updated." in entries[0].findtext(f"{A}summary")
    assert "The Japanese text changed: Results." in entries[1].findtext(f"{A}summary")
    assert client.get(urlsplit(ids[1]).path).status_code == 200
    # Japanese feed, and no feed for an unknown language
    assert ET.fromstring(client.get("/ja/changes.atom").data).tag == f"{A}feed"
    assert client.get("/xx/changes.atom").status_code == 404


def test_public_pages_link_their_feed(changed) -> None:  # type: ignore[no-untyped-def]
    client, _before = changed
    for url, feed in (("/en/", "/en/changes.atom"), ("/ja-easy/initiatives/9/", "/ja-easy/changes.atom")):
        html = client.get(url).get_data(as_text=True)
        assert f'<link rel="alternate" type="application/atom+xml" href="{feed}"' in html, url


def test_a_detail_follows_the_store(changed) -> None:  # type: ignore[no-untyped-def]
    """A translation written while the app runs shows in the next document
    once the store version is checked again (every ``VERSION_TTL`` seconds)."""
    from kintl_pub.catalogs import states
    from kintl_pub.store.db import get_engine, transaction

    client, _before = changed
    app = client.application
    before = client.get("/api/v1/initiatives/12?lang=ko").get_json()
    source = before["title"]["source"]
    assert before["title"]["state"] != "reviewed"
    with transaction(get_engine(app.config["DATABASE_URL"])) as s:
        states.put_human(s, "ko", source, "시험 번역", who="tr")
    app.extensions["kintl_cache"].clear()  # as if VERSION_TTL had passed
    after = client.get("/api/v1/initiatives/12?lang=ko").get_json()
    assert after["title"] == {"text": "시험 번역", "state": "reviewed", "lang": "ko", "source": source}
