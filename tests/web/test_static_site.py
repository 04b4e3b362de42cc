"""``kintl-pub build-static`` served by nginx from a sub-path: the export's
files and sitemap, a crawl of every internal link through nginx, the site's
axe checks on a sample of pages per locale, and Pagefind search in headless
Chromium (外国人 in Japanese, "school" in English, the locale filter)."""

from __future__ import annotations

import json
import os
import subprocess
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from urllib.parse import quote, urljoin, urlsplit

import pytest

from kintl_pub import locales
from kintl_pub.render.pdf.build import Doc
from kintl_pub.web.context import Alternate
from kintl_pub.web.export import build_static, export_app

from . import nginx
from .conftest import BROWSER_DIR, browser_ready

BASE = "https://www.city.example.jp/kokusai/"
PREFIX = "/kokusai"


@pytest.fixture(scope="module")
def export(seed_url: str, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("static") / "site"
    # PDFs are the `pdf build` batch output, copied as they are (see
    # test_static_incremental); compiling 1,300 of them here would take minutes
    app = export_app(BASE, DATABASE_URL=seed_url, STATIC_EXPORT_PDFS=False)
    summary = build_static(app, out, base_url=BASE)
    return out, summary


@pytest.fixture(scope="module")
def site(export) -> Iterator[str]:  # type: ignore[no-untyped-def]
    if nginx.binary() is None:
        if os.environ.get("CI"):
            raise RuntimeError("nginx missing in CI (scripts/test installs it)")
        pytest.skip("nginx is not installed")
    with nginx.serve(export[0], PREFIX) as url:
        yield url


def test_every_page_of_every_locale_and_a_summary(export) -> None:  # type: ignore[no-untyped-def]
    out, summary = export
    assert summary.files == len(summary.written) > 12 * 111 and not summary.removed
    assert summary.search_files and summary.bytes > 10_000_000
    for rel in ("index.html", "choose-language/index.html", "404.html", "locales.css",
                "static/site.css", "static/static-search.js", "sitemap.xml",
                "pagefind/pagefind-ui.js", "pagefind/pagefind-entry.json"):
        assert (out / rel).is_file(), rel
    for loc in locales.LOCALES:
        for rel in ("index.html", "accessibility/index.html", "search/index.html",
                    "initiatives/1/index.html", "initiatives/109/index.html"):
            assert (out / loc.code / rel).is_file(), (loc.code, rel)
    page = (out / "ja-easy" / "initiatives" / "80" / "index.html").read_text(encoding="utf-8")
    # served from /kokusai/: every link carries the prefix; the embed code is absolute
    assert 'href="/kokusai/static/site.css"' in page and 'href="/kokusai/ja-easy/"' in page
    assert "https://www.city.example.jp/kokusai/embed/ja-easy/initiatives/80/" in page
    assert "/kokusai/kokusai/" not in page
    # no server: no display switches, no oEmbed endpoint; Pagefind indexes the main content
    assert "/prefs" not in page and "/oembed" not in page
    assert ('<main id="main" tabindex="-1" data-pagefind-body data-pagefind-filter="locale:やさしい にほんご">'
            in page)
    en = (out / "en" / "initiatives" / "80" / "index.html").read_text(encoding="utf-8")
    assert "/prefs" not in en  # the fallback switch needs a cookie
    tree = (out / "en" / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" not in tree  # the list of all initiatives is not a search hit


def test_the_static_search_page_uses_pagefind_without_inline_script(export) -> None:  # type: ignore[no-untyped-def]
    out, _ = export
    page = (out / "th" / "search" / "index.html").read_text(encoding="utf-8")
    assert '<script src="/kokusai/pagefind/pagefind-ui.js" defer></script>' in page
    assert '<script src="/kokusai/static/static-search.js" defer></script>' in page
    assert page.count("<script") == 2  # both files: the CSP allows no inline script
    assert 'data-bundle="/kokusai/pagefind/"' in page and 'data-locale="ไทย"' in page
    assert "<noscript>" in page and 'name="q"' not in page  # no form sent to a server
    csp = page.split('http-equiv="Content-Security-Policy" content="')[1].split('"')[0]
    assert "script-src &#39;self&#39; &#39;wasm-unsafe-eval&#39;" in csp and "frame-ancestors" not in csp


def test_the_dynamic_search_page_is_unchanged(seed_client) -> None:  # type: ignore[no-untyped-def]
    page = seed_client.get("/en/search?q=school").get_data(as_text=True)
    assert 'name="q"' in page and "pagefind" not in page and "Content-Security-Policy" not in page


def test_sitemap_lists_every_page_with_its_12_alternates(export) -> None:  # type: ignore[no-untyped-def]
    out, _ = export
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = ET.parse(out / "sitemap.xml").getroot().findall("s:url", ns)
    assert len(urls) == 12 * (109 + 2)  # tree, statement, initiatives
    locs = {u.findtext("s:loc", namespaces=ns) for u in urls}
    assert f"{BASE}ja-easy/initiatives/80/" in locs and not any("/search" in u for u in locs)
    want = {Alternate(loc, "").hreflang for loc in locales.LOCALES} | {"x-default"}
    assert {"ja", "ja-x-easy", "zh-Hans", "pt-BR"} <= want and len(want) == 13
    for u in urls:
        links = {a.get("hreflang"): a.get("href") for a in u.findall("x:link", ns)}
        assert set(links) == want and links["x-default"] == BASE
        assert u.findtext("s:loc", namespaces=ns) in links.values()
        for key, href in links.items():
            rel = urlsplit(href).path.removeprefix(PREFIX + "/")
            assert key == "x-default" or (out / rel / "index.html").is_file(), href


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and ((name == "href" and tag in ("a", "link", "area"))
                          or (name == "src" and tag in ("script", "img", "iframe", "source"))):
                self.links.append(value)


def _get(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as resp:  # follows nginx's folder redirects
            return resp.status, resp.headers.get_content_type(), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, "", b""


def test_no_broken_internal_link_through_nginx(site: str) -> None:
    """Crawl from the site root through nginx: every internal href/src of
    every page answers 200 (a link that leaves /kokusai/ counts as broken)."""
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(site))
    seen: dict[str, list[str]] = {site: ["(start)"]}
    todo: list[str] = [site]
    broken: dict[str, tuple[int, list[str]]] = {}
    pdfs: set[str] = set()
    with ThreadPoolExecutor(max_workers=8) as pool:
        while todo:
            batch, todo = todo, []
            for url, (status, ctype, body) in zip(batch, pool.map(_get, batch), strict=True):
                if status != 200 or not url.startswith(site):
                    broken[url] = (status, seen[url][:3])
                    continue
                if ctype != "text/html":
                    continue
                parser = _Links()
                parser.feed(body.decode("utf-8"))
                for link in parser.links:
                    target = urljoin(url, link).split("#")[0]
                    if not target.startswith(origin):
                        continue  # another site
                    target = target.split("?")[0]  # a static host ignores the query
                    if target.endswith(".pdf"):
                        pdfs.add(target)  # the `pdf build` output, left out of this export
                        continue
                    if target not in seen:
                        seen[target] = []
                        todo.append(target)
                    seen[target].append(url)
    assert not broken, json.dumps(broken, indent=1)[:3000]
    # the root, then per locale: tree, statement, 109 initiatives, search
    assert len([u for u in seen if u.endswith("/")]) == 1 + 12 * 111
    assert sum(u.endswith("/search") for u in seen) == 12
    # every PDF link names a document `pdf build` makes, at its URL path
    want = {site + Doc(loc.code, n).rel for loc in locales.LOCALES for n in [*range(1, 110), None]}
    assert pdfs == want


def _node(script: str, *args: str, env: dict[str, str] | None = None) -> object:
    out = subprocess.run(["node", script, *args], cwd=BROWSER_DIR, capture_output=True, text=True,
                         timeout=900, env={**os.environ, **(env or {})})
    if out.returncode != 0:
        raise AssertionError(f"node {script} failed: {out.stderr[-2000:]}")
    return json.loads(out.stdout)


def _browser() -> None:
    reason = browser_ready()
    if reason:
        if os.environ.get("CI"):
            raise RuntimeError(f"browser checks cannot run in CI: {reason}")
        pytest.skip(reason)


@pytest.mark.browser
def test_axe_on_a_sample_of_pages_per_locale_through_nginx(site: str) -> None:
    _browser()
    paths = ["", "choose-language/", "no/such/page/"]
    for loc in locales.LOCALES:
        paths += [f"{loc.code}/initiatives/80/", f"{loc.code}/search/"]
    paths += ["en/", "ja-easy/", "th/accessibility/"]
    urls = [site + p for p in paths]
    chunks = [urls[i::2] for i in range(2)]  # two browsers in parallel
    env = {"EXTRA_RE": r"/(en|ja-easy|ne|th)/|choose-language"}
    with ThreadPoolExecutor(max_workers=2) as ex:
        parts = list(ex.map(lambda chunk: _node("check.mjs", "pages", *chunk, env=env), chunks))
    results = [r for part in parts for r in part]  # type: ignore[attr-defined]
    assert len(results) == len(urls)
    problems = {}
    for r in results:
        assert not r.get("error"), r
        assert r["status"] == (404 if "no/such" in r["url"] else 200), r["url"]
        v = r["axe"] + r["axeDark"] + r["axe320"]
        errors = list(r["consoleErrors"])
        own = [e for e in errors if "status of 404" in e]
        if "no/such" in r["url"] and own:  # the not-found page's own status (once)
            errors.remove(own[0])
        if v or errors:
            problems[r["url"]] = ([(x["id"], [n["target"] for n in x["nodes"]][:3]) for x in v], errors)
        assert r["overflow320"]["scrollWidth"] <= r["overflow320"]["innerWidth"], r["url"]
    assert not problems, json.dumps(problems, ensure_ascii=False, indent=1)


@pytest.mark.browser
def test_pagefind_finds_japanese_and_english_with_the_locale_filter(site: str) -> None:
    _browser()
    q_ja = quote("外国人")
    got = _node("static_search.mjs", f"{site}ja/search/?q={q_ja}", f"{site}en/search/?q=school",
                f"{site}ja-easy/search/?q={q_ja}")
    ja, en, easy = got["searches"]  # type: ignore[index]
    for r in (ja, en, easy):
        assert not r.get("error") and not r["consoleErrors"], r
    # ja and ja-easy share Pagefind's Japanese index: the locale filter keeps them apart
    assert ja["filters"] == ["日本語"] and easy["filters"] == ["やさしい にほんご"]
    assert ja["links"] and all(u.startswith(f"{PREFIX}/ja/initiatives/") for u in ja["links"]), ja
    assert easy["links"] and all(u.startswith(f"{PREFIX}/ja-easy/") for u in easy["links"]), easy
    assert en["links"] and all(u.startswith(f"{PREFIX}/en/") for u in en["links"]), en
    # the page whose reviewed English says "school"
    assert f"{PREFIX}/en/initiatives/80/" in en["links"]
    assert "JavaScript" in got["noscript"]  # type: ignore[index]
