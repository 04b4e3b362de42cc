"""Embeds without a browser: the focus-area embed, the language switcher,
``/embed.js`` and the integrity hash in the snippets, snippet and oEmbed
addresses from ``PUBLIC_BASE_URL`` or the request, the export lister."""

from __future__ import annotations

import base64
import hashlib
import html as htmllib
import re
from pathlib import Path

import pytest

from kintl_pub import locales
from kintl_pub.web import exports

from .conftest import _make_app

ROOT = Path(__file__).resolve().parents[2]


def _snippet(page: str, textarea_id: str) -> tuple[str, str]:
    """(the textarea's lang, the snippet it holds, unescaped)."""
    m = re.search(rf'<textarea id="{re.escape(textarea_id)}"[^>]*lang="([^"]+)"[^>]*>(.*?)</textarea>', page, re.S)
    assert m, textarea_id
    return m[1], htmllib.unescape(m[2])


def test_focus_embed_lists_the_focus_areas_initiatives_with_ratings_and_links(client):
    r = client.get("/embed/en/focus/2-1-1/")
    assert r.status_code == 200
    page = r.get_data(as_text=True)
    assert 'lang="en"' in page.split(">", 2)[1]  # <html lang>
    # the same list as the tree: its initiatives, ratings, states
    tree = client.get("/en/").get_data(as_text=True)
    tree_items = re.search(r'id="p2-d1-f1".*?<ul class="initiatives">(.*?)</ul>', tree, re.S)
    embed_items = re.search(r'<ul class="initiatives">(.*?)</ul>', page, re.S)
    assert tree_items and embed_items
    norm = re.compile(r'href="[^"]*"| target="_blank" rel="noopener"')
    assert norm.sub("", embed_items[1]) == norm.sub("", tree_items[1])
    assert "Achievement:" in embed_items[1] and "Contribution:" in embed_items[1]
    # links to the full pages, absolute (the frame is on another site), in a new tab
    links = re.findall(r'<a href="([^"]+)"([^>]*)>', embed_items[1])
    assert links and all(h.startswith("https://example.test/en/initiatives/") and 'target="_blank"' in a
                         and 'rel="noopener"' in a for h, a in links)
    assert 'href="https://example.test/en/#p2-d1-f1" target="_blank"' in page  # the full list
    # every text says its language; the focus title carries its state tag as on the tree
    assert re.search(r'<h1>.*?<span lang="[a-zA-Z-]+" class="seg seg-[a-z]+">', page, re.S)


def test_focus_embed_404s_and_frame_ancestors(client):
    for url in ("/embed/en/focus/9-9-9/", "/embed/en/focus/1-1-2/", "/embed/xx/focus/1-1-1/",
                "/embed/en/focus/0-1-1/", "/embed/en/focus/1-1/"):
        assert client.get(url).status_code == 404, url
    r = client.get("/embed/ja/focus/1-1-1/")
    assert "frame-ancestors 'self' https://www.city.kawasaki.jp" in r.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in r.headers["Content-Security-Policy"]
    assert "X-Frame-Options" not in r.headers


@pytest.mark.parametrize("url", ["/embed/ko/focus/2-1-2/", "/embed/ko/initiatives/2/"])
def test_switcher_lists_the_same_embed_in_every_locale(client, url):
    plain = client.get(url).get_data(as_text=True)
    assert "embed-langs" not in plain
    page = client.get(url + "?switcher=1").get_data(as_text=True)
    nav = re.search(r'<nav class="embed-langs"[^>]*>(.*?)</nav>', page, re.S)
    assert nav
    links = re.findall(r'<a href="([^"]+)" hreflang="[^"]+" lang="([^"]+)">', nav[1])
    assert len(links) == len(locales.LOCALES) - 1
    for href, _lang in links:
        assert href.endswith("/?switcher=1") and href.startswith("/embed/")
        assert client.get(href).status_code == 200
    assert {h.split("/")[2] for h, _ in links} == {loc.code for loc in locales.LOCALES} - {"ko"}
    assert re.search(r'<span aria-current="page" lang="ko">', nav[1])


def test_embed_js_is_long_cached_cors_readable_and_matches_the_snippets_integrity(client):
    r = client.get("/embed.js")
    body = r.get_data()
    assert body == (ROOT / "static" / "embed.js").read_bytes()
    assert r.mimetype == "text/javascript"
    assert r.headers["Access-Control-Allow-Origin"] == "*"
    assert r.cache_control.public and r.cache_control.max_age >= 365 * 24 * 3600
    assert len(body) < 4096  # "a few KB", no dependencies
    sri = "sha384-" + base64.b64encode(hashlib.sha384(body).digest()).decode()
    assert client.get("/embed.js", headers={"If-None-Match": r.headers["ETag"]}).status_code == 304

    page = client.get("/en/initiatives/2/").get_data(as_text=True)
    lang, code = _snippet(page, "embed-code")
    assert lang == "en"
    script = re.search(r'<script src="([^"]+)" integrity="([^"]+)" crossorigin="anonymous" async></script>', code)
    assert script and script[2] == sri
    assert script[1].startswith("https://example.test/embed.js?v=")
    assert '<iframe src="https://example.test/embed/en/initiatives/2/"' in code and "data-kintl-embed" in code


def test_snippets_on_tree_and_initiative_pages_are_in_the_pages_language(client):
    page = client.get("/ja/initiatives/2/").get_data(as_text=True)
    lang, code = _snippet(page, "embed-code")
    assert lang == "ja" and 'title="取組2: ' in code
    tree = client.get("/zh-hans/").get_data(as_text=True)
    ids = re.findall(r'<textarea id="(embed-p\d+-d\d+-f\d+)"', tree)
    assert len(ids) == 5  # every focus area of the fixture store
    for tid in ids:
        lang, code = _snippet(tree, tid)
        assert lang == "zh-Hans"
        src = re.search(r'<iframe src="https://example.test(/embed/zh-hans/focus/\d+-\d+-\d+/)"', code)
        assert src and client.get(src[1]).status_code == 200
        assert f'<label for="{tid}">' in tree


def test_unset_public_base_url_means_the_request_address(fixture_url, monkeypatch):
    from kintl_pub import config

    monkeypatch.delenv("KINTL_PUBLIC_BASE_URL", raising=False)
    assert config.public_base_url() == ""
    monkeypatch.setenv("KINTL_PUBLIC_BASE_URL", "https://www.city.example.jp/kokusai/")
    assert config.public_base_url() == "https://www.city.example.jp/kokusai"

    app = _make_app(fixture_url, PUBLIC_BASE_URL="")
    c = app.test_client()
    for _ in range(2):  # the second answer comes from the response cache
        for host in ("http://127.0.0.1:8123", "https://evil.example"):
            page = c.get("/en/initiatives/2/", base_url=host).get_data(as_text=True)
            _lang, code = _snippet(page, "embed-code")
            assert f'<iframe src="{host}/embed/en/initiatives/2/"' in code
            assert f'<script src="{host}/embed.js?v=' in code
            assert f'href="{host}/oembed?url={host}/en/initiatives/2/"' in page
    r = c.get("/oembed", query_string={"url": "http://127.0.0.1:8123/en/initiatives/2/"},
              base_url="http://127.0.0.1:8123")
    assert r.status_code == 200 and 'src="http://127.0.0.1:8123/embed/en/initiatives/2/"' in r.get_json()["html"]


def test_oembed_for_focus_areas_and_a_sub_path_base(client, fixture_url):
    for url in ("https://example.test/en/#p2-d1-f2", "https://example.test/embed/en/focus/2-1-2/"):
        r = client.get("/oembed", query_string={"url": url, "maxwidth": 500})
        assert r.status_code == 200, url
        data = r.get_json()
        assert data["title"].startswith("Focus area ②: ") and data["width"] == 500
        assert 'src="https://example.test/embed/en/focus/2-1-2/"' in data["html"]
        assert "integrity=" in data["html"]
    for url in ("https://example.test/en/#p9-d1-f1", "https://example.test/en/", "https://example.test/en/#x",
                "https://example.test/embed/en/focus/9-9-9/", "https://other.test/en/#p2-d1-f2"):
        assert client.get("/oembed", query_string={"url": url}).status_code == 404, url

    app = _make_app(fixture_url, PUBLIC_BASE_URL="https://www.city.example.jp/kokusai")
    c = app.test_client()
    ok = c.get("/oembed", query_string={"url": "https://www.city.example.jp/kokusai/ja/initiatives/2/"})
    assert ok.status_code == 200
    assert 'src="https://www.city.example.jp/kokusai/embed/ja/initiatives/2/"' in ok.get_json()["html"]
    assert c.get("/oembed", query_string={"url": "https://www.city.example.jp/ja/initiatives/2/"}).status_code == 404


def test_export_lister_lists_every_embed_page_and_the_script(fixture_app):
    from kintl_pub.web.embed import export_documents

    docs = list(export_documents(fixture_app))
    assert set(docs) <= set(exports.documents(fixture_app))  # registered for build-static
    paths = [p for p, _ in docs]
    assert len(paths) == len(set(paths))
    n_locales = len(locales.LOCALES)
    initiatives = [p for p in paths if "/initiatives/" in p]
    focuses = [p for p in paths if "/focus/" in p]
    assert len(focuses) == 5 * n_locales
    assert len(initiatives) % n_locales == 0 and initiatives
    assert ("/embed.js", "embed.js") in docs
    assert ("/embed/th/focus/2-1-2/", "embed/th/focus/2-1-2/index.html") in docs
    client = fixture_app.test_client()
    for path, file in docs:
        assert not file.startswith("/") and (file.endswith("/index.html") or file == "embed.js")
        r = client.get(path)
        assert r.status_code == 200, path


def test_focus_view_is_the_trees_focus_node(fixture_app):
    from kintl_pub.render.tree import focus_keys, focus_view, tree_view

    session = fixture_app.extensions["kintl_sessions"]()
    try:
        for code in ("en", "ja-easy"):
            nodes = {(p.number, d.number, f.number): (p, d, f)
                     for p in tree_view(session, code) for d in p.directions for f in d.focuses}
            assert list(nodes) == focus_keys(session)
            for key, (p, d, f) in nodes.items():
                page = focus_view(session, code, key)
                assert page is not None
                assert page.focus == f and page.policy_title == p.title and page.direction_title == d.title
            assert focus_view(session, code, (1, 1, 9)) is None
    finally:
        session.close()
