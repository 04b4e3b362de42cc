"""The API's HTTP: CORS for any origin, ETag and Cache-Control on every
response, 304 on If-None-Match (through the response cache and without it),
problem+json for every error, bad parameters a 400 that names them."""

from __future__ import annotations

import pytest

BAD = [
    ("/api/v1/initiatives?lang=xx", "lang"),
    ("/api/v1/initiatives?page=-1", "page"),
    ("/api/v1/initiatives?page=0", "page"),
    ("/api/v1/initiatives?limit=1000", "limit"),
    ("/api/v1/initiatives?offset=abc", "offset"),
    ("/api/v1/initiatives?page=2&offset=20", "page"),
    ("/api/v1/initiatives?achievement=6", "achievement"),
    ("/api/v1/initiatives?contribution=a", "contribution"),
    ("/api/v1/initiatives?direction=1", "direction"),
    ("/api/v1/initiatives?policy=1&focus=2", "focus"),
    ("/api/v1/initiatives?ward=" + "区" * 101, "ward"),
    ("/api/v1/initiatives?langg=en", "langg"),
    ("/api/v1/initiatives?lang=en&lang=ja", "lang"),
    ("/api/v1/initiatives/9?lang=EN", "lang"),
    ("/api/v1/tree?lang=pt", "lang"),
    ("/api/v1/locales?lang=en", "lang"),
    ("/api/v1/search?q=", "q"),
    ("/api/v1/search?q=%E3%80%80%20", "q"),
    ("/api/v1/search?q=" + "a" * 201, "q"),
    ("/api/v1/search?q=school&page=0", "page"),
    ("/api/v1/changes", "since"),
    ("/api/v1/changes?since=garbage", "since"),
    ("/api/v1/changes?since=2026-02-30", "since"),
    ("/api/v1/changes?since=2026-12-01T25:00", "since"),
    ("/api/v1/changes?since=0001-01-01T00:00%2B01:00", "since"),
]


@pytest.mark.parametrize(("url", "name"), BAD)
def test_bad_parameters_are_a_400_problem_naming_them(api, url: str, name: str) -> None:  # type: ignore[no-untyped-def]
    r = api.get(url)
    assert r.status_code == 400, r.get_data(as_text=True)
    assert r.mimetype == "application/problem+json"
    body = r.get_json()
    assert body["status"] == 400 and body["title"] == "Bad Request" and body["type"] == "about:blank"
    assert body["invalid_params"][0]["name"] == name and name in body["detail"]
    assert r.headers["Access-Control-Allow-Origin"] == "*" and r.headers["ETag"]
    assert r.headers["Cache-Control"] == "no-cache"


def test_other_errors_are_problems_too(api) -> None:  # type: ignore[no-untyped-def]
    for url, status in [("/api/v1/initiatives/999", 404), ("/api/v1/nothing", 404),
                        ("/api/v1/initiatives/0", 404), ("/api/v1/initiatives/%EF%BC%99", 404),
                        ("/api/v1/search?q=%00", 400)]:
        r = api.get(url)
        assert (r.status_code, r.mimetype) == (status, "application/problem+json"), url
        assert r.get_json()["status"] == status
    r = api.post("/api/v1/initiatives")
    assert r.status_code == 405 and r.mimetype == "application/problem+json"
    assert set(r.headers["Allow"].replace(" ", "").split(",")) == {"GET", "HEAD", "OPTIONS"}


def test_cors_preflight_and_simple_get(api) -> None:  # type: ignore[no-untyped-def]
    r = api.options("/api/v1/initiatives", headers={
        "Origin": "https://www.city.example.jp", "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "if-none-match"})
    assert r.status_code == 200
    assert r.headers["Access-Control-Allow-Origin"] == "*"
    assert "GET" in r.headers["Access-Control-Allow-Methods"]
    assert "if-none-match" in r.headers["Access-Control-Allow-Headers"].lower()
    r = api.get("/api/v1/tree", headers={"Origin": "https://www.city.example.jp"})
    assert r.headers["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in r.headers["Access-Control-Expose-Headers"]
    assert r.headers.get("Set-Cookie") is None  # nothing per reader: any cache may keep it


@pytest.mark.parametrize("which", ["api", "uncached_api"])
def test_etag_and_304(request, which: str) -> None:  # type: ignore[no-untyped-def]
    client = request.getfixturevalue(which)
    for url in ("/api/v1/initiatives/9?lang=en", "/api/v1/openapi.json", "/en/changes.atom"):
        first = client.get(url)
        assert first.status_code == 200
        etag = first.headers["ETag"]
        assert first.headers["Cache-Control"] == "public, max-age=300"
        again = client.get(url, headers={"If-None-Match": etag})
        assert again.status_code == 304 and again.data == b"" and again.headers["ETag"] == etag
        assert again.headers["Access-Control-Allow-Origin"] == "*"
        other = client.get(url, headers={"If-None-Match": '"something-else"'})
        assert other.status_code == 200 and other.data == first.data
    # another document, another tag
    assert client.get("/api/v1/initiatives/9?lang=ja").headers["ETag"] != client.get(
        "/api/v1/initiatives/9?lang=en").headers["ETag"]


def test_html_pages_keep_their_error_pages(api) -> None:  # type: ignore[no-untyped-def]
    r = api.get("/en/initiatives/999/")
    assert r.status_code == 404 and r.mimetype == "text/html"
    assert "Access-Control-Allow-Origin" not in r.headers
