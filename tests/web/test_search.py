"""Search: CJK substrings (FTS5 trigram + short-term LIKE), the reader's
language plus the Japanese source, filters, escaping, pagination."""

from __future__ import annotations

import re

from markupsafe import Markup

from kintl_pub.render.search import snippet
from kintl_pub.search.query import terms_of


def _numbers(html: str, lang: str = "en") -> list[int]:
    return [int(n) for n in re.findall(rf'<h3><a href="/{lang}/initiatives/(\d+)/"', html)]


def test_short_cjk_term_uses_like(client):
    html = client.get("/en/search?q=相談").get_data(as_text=True)
    assert _numbers(html) == [3]
    assert "<mark>相談</mark>" in html


def test_long_cjk_term_uses_trigram(client):
    html = client.get("/ja/search?q=通訳タブレット").get_data(as_text=True)
    assert _numbers(html, "ja") == [2]
    assert "<mark>通訳タブレット</mark>" in html


def test_search_in_the_readers_language(client):
    html = client.get("/en/search?q=planning meetings").get_data(as_text=True)
    assert _numbers(html) == [1]
    assert "<mark>planning</mark> <mark>meetings</mark>" in html
    # Nepali text is searchable on the Nepali site only
    assert _numbers(client.get("/ne/search?q=परामर्श").get_data(as_text=True), "ne") == [3]
    assert _numbers(client.get("/en/search?q=परामर्श").get_data(as_text=True)) == []


def test_easy_japanese_text_is_searchable_without_markup(client):
    html = client.get("/ja-easy/search?q=じぶんの").get_data(as_text=True)
    assert _numbers(html, "ja-easy") == [3]
    assert "{" not in html.split('class="results"')[1].split("</section>")[0]


def test_filters(client):
    assert _numbers(client.get("/en/search?ward=川崎区").get_data(as_text=True)) == [2]
    assert _numbers(client.get("/en/search?achievement=4").get_data(as_text=True)) == [2]
    assert _numbers(client.get("/en/search?contribution=C").get_data(as_text=True)) == [4]
    assert _numbers(client.get("/en/search?bureau=市民文化局").get_data(as_text=True)) == [2, 3]
    assert _numbers(client.get("/en/search?area=p2").get_data(as_text=True)) == [2, 3, 4]
    assert _numbers(client.get("/en/search?area=p2-d1-f2").get_data(as_text=True)) == [3]
    # filters combine with words
    assert _numbers(client.get("/en/search?q=相談&area=p2-d1-f2").get_data(as_text=True)) == [3]
    assert _numbers(client.get("/en/search?q=相談&area=p2-d1-f1").get_data(as_text=True)) == []
    # a filter combination nobody matches says so
    html = client.get("/en/search?ward=川崎区&contribution=A").get_data(as_text=True)
    assert 'class="result-list"' not in html and 'id="results-h"' in html


def test_hostile_queries_do_not_break(client):
    for q in ('"', '" OR 1', "*", "NEAR(", "a AND", "%", "_", "\\", "<script>", "x" * 500):
        r = client.get("/en/search", query_string={"q": q})
        assert r.status_code == 200, q
        assert "<script>" not in r.get_data(as_text=True).split("<main")[1]


def highlight(body: str, terms: list[str]) -> Markup:
    return snippet("results", "ja", body, terms).html


def test_highlight_is_built_from_escaped_pieces():
    out = highlight("<b>相談</b> & 相談", ["相談"])
    assert isinstance(out, Markup)
    assert str(out) == "&lt;b&gt;<mark>相談</mark>&lt;/b&gt; &amp; <mark>相談</mark>"
    # the term itself is escaped too
    assert str(highlight("a<b", ["<"])) == "a<mark>&lt;</mark>b"
    long = "あ" * 300 + "相談" + "い" * 300
    assert str(highlight(long, ["相談"])).startswith("…") and str(highlight(long, ["相談"])).endswith("…")
    # the window keeps the match and its marks point into the cut text
    cut = snippet("results", "ja", long, ["相談"])
    assert len(cut.text) == 2 + 140 and [cut.text[a:b] for a, b in cut.marks] == ["相談"]


def test_terms_split_on_full_width_space():
    assert terms_of("外国人\u3000相談  x") == ["外国人", "相談", "x"]


def test_pagination_on_the_seed(seed_client):
    html = seed_client.get("/en/search?q=の").get_data(as_text=True)
    assert len(_numbers(html)) == 20
    m = re.search(r'<h2 id="results-h">\D*(\d+)', html)
    assert m and int(m.group(1)) > 40
    assert 'rel="next" href="/en/search?q=%E3%81%AE&amp;page=2"' in html
    html2 = seed_client.get("/en/search?q=の&page=2").get_data(as_text=True)
    assert '<ol class="result-list" start="21">' in html2
    assert set(_numbers(html2)).isdisjoint(_numbers(html))
    # a page number past the end shows the last page, not an error
    assert seed_client.get("/en/search?q=の&page=999").status_code == 200


def test_seed_search_finds_japanese_source_from_english(seed_client):
    html = seed_client.get("/en/search?q=キングスカイフロント").get_data(as_text=True)
    assert 1 in _numbers(html)
    assert 'lang="ja"><mark>' in html or '<span lang="ja">' in html


def test_index_knows_when_it_is_stale(fixture_url):
    from kintl_pub.catalogs import states
    from kintl_pub.search.index import build_index, is_stale
    from kintl_pub.store.db import get_engine, session_factory, transaction

    engine = get_engine(fixture_url)
    with transaction(engine) as s:
        build_index(s)  # other tests changed translations since the fixture was built
    s = session_factory(engine)()
    try:
        assert not is_stale(s)
        states.put_machine(s, "ko", "姉妹都市交流事業", "자매도시 교류 사업", provenance={"engine": "t"})
        s.commit()
        assert is_stale(s)
    finally:
        s.close()
    with transaction(engine) as s:
        build_index(s)
    s = session_factory(engine)()
    try:
        assert not is_stale(s)
    finally:
        s.close()


def test_cache_is_bounded_in_bytes():
    from kintl_pub.web.cache import CachedPage, ResponseCache

    c = ResponseCache(max_entries=100, max_bytes=1000)
    for i in range(20):
        c.put((i,), CachedPage(b"x" * 300, "text/html", []))
    assert c.size_bytes <= 1000
    assert c.get((19,)) is not None and c.get((0,)) is None
