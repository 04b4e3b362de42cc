"""No input gives a server error: generated paths, query strings, cookies
and headers against every route of the app (enumerated from ``url_map``),
each answered with a status below 500.  Plus the reproductions from issue
10, each a plain test.

Hypothesis runs derandomized (the same examples on every run: CI stays
reproducible) and bounded (a few hundred requests, seconds)."""

from __future__ import annotations

import re
from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kintl_pub import locales

# Values a route argument is tried with: valid ones, near misses and junk.
NUMBERS = ["1", "2", "109", "0", "01", "-1", "999999999999999999999", "1" * 400, "１", "١", "१", "1.5", "1e3", " 1"]
LANGS = [loc.code for loc in locales.LOCALES] + ["EN", "xx", "ja_easy", "zh-Hans", "..", "en%00", ""]
QUERY_NAMES = ["q", "page", "next", "furigana", "wakachi", "fallback", "url", "format", "maxwidth",
               "maxheight", "area", "bureau", "ward", "achievement", "contribution", "lang"]
HEADER_TEXT = st.text(
    alphabet=st.characters(min_codepoint=0x20, max_codepoint=0xFF, blacklist_characters="\x7f"), max_size=60
)

# Query values known to have broken something, and what a query can hold.
TRICKY = ["a\x00b", "/en/\r\nSet-Cookie: x=1", "/en/ x", "９", '"', "'", "*", "NEAR(", "\\", "%", "a" * 3000,
          "https://example.test/en/initiatives/999999999999999999999/",
          "https://example.test/embed/ja-easy/initiatives/１/", "https://example.test/en/initiatives/1/",
          "1" * 30, "-5", "nan", "ja", "f0w1"]
any_text = st.text(max_size=40)  # every Unicode character, control characters included
# Mostly values a route knows (so the request gets past the router), some junk.
valid_lang = st.sampled_from([loc.code for loc in locales.LOCALES])
lang_value = st.one_of(valid_lang, valid_lang, valid_lang, st.sampled_from(LANGS), any_text)
number_value = st.one_of(st.sampled_from(NUMBERS), st.sampled_from(NUMBERS), st.sampled_from(NUMBERS), any_text)
query_value = st.one_of(st.sampled_from(TRICKY), st.sampled_from(TRICKY), st.sampled_from(NUMBERS + LANGS), any_text)


def _rules(app):  # type: ignore[no-untyped-def]
    return sorted(
        (r for r in app.url_map.iter_rules() if "GET" in r.methods and r.endpoint != "static"),
        key=lambda r: r.rule,
    )


@st.composite
def requests(draw, rules):  # type: ignore[no-untyped-def]
    rule = draw(st.sampled_from(rules))
    path = rule.rule
    for name in rule.arguments:
        value = draw(lang_value if name == "lang" else number_value if name == "number" else any_text)
        path = re.sub(rf"<(?:[^:>]+:)?{name}>", lambda _m, v=value: quote(v, safe=""), path, count=1)
    names = draw(st.lists(st.one_of(st.sampled_from(QUERY_NAMES), st.sampled_from(QUERY_NAMES), any_text),
                          max_size=4))
    query = [(n, draw(query_value)) for n in names]
    headers = {
        "Accept-Language": draw(st.one_of(HEADER_TEXT, st.sampled_from(["ja", "en;q=0.5, *", "zh-TW", "q=nan"]))),
        "Cookie": "; ".join(
            f"{k}={quote(draw(HEADER_TEXT), safe='')}" for k in draw(st.lists(
                st.sampled_from(["lang", "easy", "fallback", "session"]), max_size=3))
        ),
    }
    return path, urlencode(query), headers


def _designed(path: str, resp) -> bool:  # type: ignore[no-untyped-def]
    """The two 5xx answers that are protocol, not failure: a booklet not built
    yet (503 with Retry-After, web/pdf.py) and oEmbed asked for a format other
    than JSON (501, as the oEmbed specification prescribes)."""
    if resp.status_code == 503:
        return path.endswith("/booklet.pdf") and "Retry-After" in resp.headers
    return resp.status_code == 501 and path == "/oembed"


def test_oembed_answers_501_only_for_another_format(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/oembed", query_string={"url": "x", "format": "xml"}).status_code == 501
    assert client.get("/oembed", query_string={"url": "x"}).status_code == 404


def test_every_get_route_is_enumerated(fixture_app) -> None:  # type: ignore[no-untyped-def]
    names = {r.endpoint for r in _rules(fixture_app)}
    assert {"public.tree", "public.initiative", "public.search", "public.prefs", "embed.initiative",
            "oembed.oembed"} <= names


@pytest.fixture(scope="module")
def fuzz_client(seed_app):  # type: ignore[no-untyped-def]
    return seed_app.test_client()


def test_generated_requests_never_get_a_server_error(seed_app, fuzz_client) -> None:  # type: ignore[no-untyped-def]
    rules = _rules(seed_app)

    @settings(max_examples=600, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
    @given(requests(rules))
    def check(req) -> None:  # type: ignore[no-untyped-def]
        path, query, headers = req
        resp = fuzz_client.get(path, query_string=query, headers=headers)
        assert resp.status_code < 500 or _designed(path, resp), (path, query, headers, resp.status_code)

    check()


# -- issue 10's reproductions -------------------------------------------------


@pytest.mark.parametrize("path", [
    "/en/initiatives/999999999999999999999/",
    "/embed/en/initiatives/999999999999999999999/",
    "/en/initiatives/" + "9" * 5000 + "/",
    "/en/initiatives/١/",
    "/en/initiatives/01/",
    "/en/initiatives/0/",
])
def test_numbers_beyond_the_store_or_not_ascii_are_404(client, path: str) -> None:  # type: ignore[no-untyped-def]
    assert client.get(path).status_code == 404


def test_oembed_with_a_huge_number_is_404(client) -> None:  # type: ignore[no-untyped-def]
    url = "https://example.test/en/initiatives/999999999999999999999/"
    assert client.get("/oembed", query_string={"url": url}).status_code == 404


def test_full_width_digits_redirect_to_the_canonical_url(client) -> None:  # type: ignore[no-untyped-def]
    resp = client.get("/en/initiatives/%EF%BC%91/")  # "１"
    assert resp.status_code == 301
    assert resp.headers["Location"].endswith("/en/initiatives/1/")
    resp = client.get("/embed/en/initiatives/%EF%BC%91/", query_string={"a": "b"})
    assert resp.status_code == 301 and resp.headers["Location"].endswith("/embed/en/initiatives/1/?a=b")


def test_nul_in_a_search_query_is_a_bad_request(seed_client) -> None:  # type: ignore[no-untyped-def]
    resp = seed_client.get("/en/search?q=a%00b")
    assert resp.status_code == 400


def test_crlf_in_next_cannot_set_a_header(client) -> None:  # type: ignore[no-untyped-def]
    resp = client.get("/en/prefs?next=/en/%0D%0ASet-Cookie%3A%20x%3D1")
    assert resp.status_code == 400
    assert "x=1" not in " ".join(resp.headers.getlist("Set-Cookie"))


@pytest.mark.parametrize("nxt", ["/en/\tx", "/en/ x", "/en/%0Ax"])
def test_next_with_whitespace_falls_back_to_the_home_page(client, nxt: str) -> None:  # type: ignore[no-untyped-def]
    resp = client.get("/en/prefs?furigana=0&next=" + quote(nxt, safe="/%"))
    assert resp.status_code in (303, 400)
    if resp.status_code == 303:
        assert resp.headers["Location"].endswith("/en/")


def test_a_very_long_query_value_is_a_bad_request(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/en/search", query_string={"q": "あ" * 5000}).status_code == 400
