"""The public pages with Flask's test client: routing, languages, states,
Easy Japanese, security headers, caching."""

from __future__ import annotations

import re

import pytest

from kintl_pub import locales

ALL = [loc.code for loc in locales.LOCALES]


def T(code: str, message: str) -> str:
    """A UI string as the locale's catalog renders it (translators change them)."""
    from markupsafe import escape

    from kintl_pub.web.i18n import translations_for

    return str(escape(translations_for(code).ugettext(message)))


# --------------------------------------------------------------------------
# "/" and languages
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "target"),
    [
        ("ne,en;q=0.5", "/ne/"),
        ("th-TH", "/th/"),
        ("tl", "/fil/"),
        ("pt", "/pt-br/"),
        ("zh-CN,zh;q=0.9", "/zh-hans/"),
        ("ja-JP", "/ja/"),
        ("de;q=1, vi;q=0.3", "/vi/"),
    ],
)
def test_root_redirects_by_accept_language(client, header, target):
    r = client.get("/", headers={"Accept-Language": header})
    assert r.status_code == 302
    assert r.headers["Location"].endswith(target)
    assert "Accept-Language" in r.headers.get("Vary", "")


def test_root_without_match_lists_every_language(client):
    r = client.get("/", headers={"Accept-Language": "de-DE"})
    assert r.status_code == 200  # never a dead end: a list, not an error
    html = r.get_data(as_text=True)
    for loc in locales.LOCALES:
        assert f'href="/{loc.code}/"' in html
        assert f'lang="{loc.html_lang}">{loc.native_name}</a>' in html


def test_saved_choice_wins_over_accept_language(client):
    client.get("/th/")  # visiting a language remembers it
    r = client.get("/", headers={"Accept-Language": "en"})
    assert r.headers["Location"].endswith("/th/")


def test_language_cookie_is_set(client):
    r = client.get("/ko/")
    assert "lang=ko" in r.headers.get("Set-Cookie", "")


@pytest.mark.parametrize("code", ALL)
def test_every_locale_has_every_page(client, code):
    loc = locales.BY_CODE[code]
    for url in (f"/{code}/", f"/{code}/initiatives/2/", f"/{code}/search?q=相談",
                f"/{code}/accessibility/", f"/embed/{code}/initiatives/2/"):
        r = client.get(url)
        assert r.status_code == 200, url
        html = r.get_data(as_text=True)
        assert f'<html lang="{loc.html_lang}"' in html, url
        assert r.headers["Content-Language"] == loc.html_lang


def test_initiative_links_to_every_language_with_hreflang(client):
    html = client.get("/en/initiatives/3/").get_data(as_text=True)
    for loc in locales.LOCALES:
        if loc.code == "en":
            assert 'aria-current="page" lang="en">English</span>' in html
            continue
        assert re.search(
            rf'<a href="/{re.escape(loc.code)}/initiatives/3/" hreflang="[^"]+" lang="{loc.html_lang}">'
            rf"{re.escape(loc.native_name)}</a>", html
        ), loc.code
        assert '<link rel="alternate" hreflang=' in html
    assert 'hreflang="ja-x-easy"' in html


def test_unknown_language_and_initiative_are_404_with_a_way_back(client):
    for url in ("/xx/", "/en/initiatives/999/", "/embed/xx/initiatives/1/"):
        r = client.get(url)
        assert r.status_code == 404
        assert 'href="/en/"' in r.get_data(as_text=True)


# --------------------------------------------------------------------------
# Content states: what the reader is told
# --------------------------------------------------------------------------


def test_machine_translation_is_labelled_with_original_one_click_away(client):
    html = client.get("/en/initiatives/1/").get_data(as_text=True)
    assert T("en", "Machine translation, not yet checked.") in html
    assert '<span lang="en" class="seg seg-machine">Using the national special zone system' in html
    # the Japanese original in a <details> (works without JS)
    m = re.search(r"<details><summary>[^<]+</summary>\s*<div lang=\"ja\"", html)
    assert m
    assert "国の特区制度などを活用して土地利用の誘導" in html[m.start():]
    assert f'<span class="tag tag-machine">{T("en", "machine translation")}</span>' in html  # the title


def test_outdated_and_fallbacks_are_noted(client):
    html = client.get("/en/initiatives/1/").get_data(as_text=True)
    assert 'class="seg seg-outdated">We will continue the work.' in html
    assert T("en", "Part of this translation was made for an older version of the Japanese text.") in html
    assert '<span lang="ja" class="seg seg-fallback">特にキングスカイフロントについては' in html
    assert T("en", "Part of this text is not translated yet and is shown in Japanese.") in html


def test_easy_japanese_fallback_in_other_languages(client):
    html = client.get("/ne/initiatives/3/").get_data(as_text=True)
    # a reviewed Nepali title
    assert '<span lang="ne" class="seg seg-reviewed">विदेशी नागरिकहरूका लागि परामर्श सेवा</span>' in html
    # a sentence with only an Easy Japanese version is shown in Easy Japanese, with ruby
    html_vi = client.get("/vi/initiatives/3/").get_data(as_text=True)
    assert re.search(r'<span lang="ja" class="seg seg-fallback">.*<ruby>外国人<rp>\(</rp><rt>がいこくじん</rt>', html_vi)
    assert T("vi", "Part of this text is not translated yet and is shown in Easy Japanese.") in html_vi


def test_never_blank_and_every_segment_has_lang(client):
    for code in ALL:
        html = client.get(f"/{code}/initiatives/2/").get_data(as_text=True)
        segs = re.findall(r'<span (lang="[^"]*")? ?class="seg seg-(\w+)">(.*?)</span>', html)
        assert segs, code
        for lang_attr, _state, inner in segs:
            assert lang_attr, code
            assert inner.strip(), code


def test_japanese_source_is_plain_source(client):
    html = client.get("/ja/initiatives/1/").get_data(as_text=True)
    assert "seg-machine" not in html and "seg-fallback" not in html
    assert '<span lang="ja" class="seg seg-source">国の特区制度' in html


# --------------------------------------------------------------------------
# Easy Japanese
# --------------------------------------------------------------------------


def test_easy_japanese_ruby_glossary_and_switches(client):
    html = client.get("/ja-easy/initiatives/3/").get_data(as_text=True)
    assert "<ruby>外国人<rp>(</rp><rt>がいこくじん</rt><rp>)</rp></ruby>" in html
    assert '<span class="gloss-term">' in html
    assert "Word explanations" in html or 'id="glossary-h"' in html
    assert "こまった" in html
    # switches are plain links (no JS)
    assert 'href="/ja-easy/prefs?furigana=0&amp;next=/ja-easy/initiatives/3/"' in html
    # no furigana
    r = client.get("/ja-easy/prefs?furigana=0&next=/ja-easy/initiatives/3/")
    assert r.status_code == 303 and r.headers["Location"].endswith("/ja-easy/initiatives/3/")
    html2 = client.get("/ja-easy/initiatives/3/").get_data(as_text=True)
    assert "<rt>" not in html2 and "外国人が" in html2
    assert 'class="no-furigana"' in html2
    # 分かち書き
    client.get("/ja-easy/prefs?wakachi=1&furigana=1&next=/ja-easy/")
    html3 = client.get("/ja-easy/initiatives/3/").get_data(as_text=True)
    assert "</ruby>が じぶんの ことばで" in html3


def test_prefs_refuses_open_redirect(client):
    for nxt in ("//evil.example/", "https://evil.example/", "/\\evil", "/en/"):
        r = client.get("/ja-easy/prefs", query_string={"furigana": "0", "next": nxt})
        assert r.headers["Location"].endswith("/ja-easy/"), nxt


# --------------------------------------------------------------------------
# Tree and charts
# --------------------------------------------------------------------------


def test_tree_has_ratings_charts_and_tables(seed_client):
    html = seed_client.get("/en/").get_data(as_text=True)
    assert html.count('href="/en/initiatives/') >= 109
    assert html.count('<svg class="chart"') == 4
    assert html.count('role="img"') == 4
    assert html.count("<table>") == 4
    assert T("en", "Achievement by policy") in html and T("en", "Contribution by direction") in html
    # table numbers add up to the programme rows of the sheet
    totals = re.findall(r'<figure class="chart-figure" aria-labelledby="chart-achievement-policy-cap">.*?</figure>', html, re.S)
    cells = re.findall(r"<td>(\d+)</td></tr>", totals[0])
    assert sum(int(c) for c in cells) == 150


def test_all_109_initiatives_render_in_three_locales(seed_client):
    for code in ("ja", "en", "ja-easy"):
        for n in range(1, 110):
            r = seed_client.get(f"/{code}/initiatives/{n}/")
            assert r.status_code == 200, (code, n)


def test_prev_next_and_breadcrumbs(seed_client):
    html = seed_client.get("/en/initiatives/2/").get_data(as_text=True)
    assert 'rel="prev" href="/en/initiatives/1/"' in html
    assert 'rel="next" href="/en/initiatives/3/"' in html
    assert 'href="/en/#p1-d1-f1"' in html
    assert 'href="/en/initiatives/2.pdf"' in html
    assert "https://example.test/embed/en/initiatives/2/" in html
    assert "&lt;iframe" in html  # the embed code is shown, escaped


# --------------------------------------------------------------------------
# Security
# --------------------------------------------------------------------------


def test_strict_csp_and_no_inline_code(client):
    for url in ("/en/", "/ja-easy/initiatives/3/", "/en/search?q=x", "/embed/en/initiatives/1/"):
        r = client.get(url)
        csp = r.headers["Content-Security-Policy"]
        assert "unsafe-inline" not in csp and "script-src 'self'" in csp
        html = r.get_data(as_text=True)
        # embeds load one served script (their height for /embed.js); nothing inline
        scripts = re.findall(r"<script[^>]*>(.*?)</script>", html, re.S)
        assert len(scripts) == (1 if "/embed/" in url else 0) and not any(s.strip() for s in scripts)
        assert "<style" not in html
        assert not re.search(r"\sstyle=", html)
        assert not re.search(r"\son[a-z]+=", html)


def test_embed_may_be_framed_by_configured_origins_only(client):
    r = client.get("/embed/en/initiatives/1/")
    assert "frame-ancestors 'self' https://www.city.kawasaki.jp" in r.headers["Content-Security-Policy"]
    assert "X-Frame-Options" not in r.headers
    r2 = client.get("/en/initiatives/1/")
    assert r2.headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in r2.headers["Content-Security-Policy"]


def test_content_is_escaped(fixture_app):
    from kintl_pub.catalogs import states

    session = fixture_app.extensions["kintl_sessions"]()
    try:
        states.put_machine(session, "es", "姉妹都市交流事業", "<script>alert(1)</script> Intercambio",
                           provenance={"engine": "test"})
        session.commit()
    finally:
        session.close()
    fixture_app.extensions["kintl_cache"].clear()
    html = fixture_app.test_client().get("/es/initiatives/5/").get_data(as_text=True)
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Intercambio" in html


# --------------------------------------------------------------------------
# Cache
# --------------------------------------------------------------------------


def test_cache_serves_hits_and_sees_new_translations(fixture_app, monkeypatch):
    from kintl_pub.catalogs import states
    from kintl_pub.web import cache as cachemod

    c = fixture_app.test_client()
    c.get("/id/initiatives/4/")
    r = c.get("/id/initiatives/4/")
    assert r.headers.get("X-Cache") == "hit"
    session = fixture_app.extensions["kintl_sessions"]()
    try:
        states.put_human(session, "id", "多文化共生啓発事業", "Program kesadaran multikultural", who="t")
        session.commit()
    finally:
        session.close()
    monkeypatch.setattr(cachemod, "VERSION_TTL", 0.0)
    r = c.get("/id/initiatives/4/")
    assert r.headers.get("X-Cache") != "hit"
    assert "Program kesadaran multikultural" in r.get_data(as_text=True)


def test_web_process_does_not_import_torch(fixture_url):
    import subprocess
    import sys

    code = (
        "import sys; from kintl_pub import create_app; "
        f"app = create_app({{'DATABASE_URL': {fixture_url!r}}}); "
        "c = app.test_client(); c.get('/en/'); c.get('/ja-easy/initiatives/3/'); c.get('/en/search?q=x'); "
        "bad = [m for m in ('torch', 'argostranslate', 'sudachipy', 'pykakasi') if m in sys.modules]; "
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_oembed(client):
    html = client.get("/en/initiatives/3/").get_data(as_text=True)
    assert 'type="application/json+oembed" href="https://example.test/oembed?url=https' in html
    r = client.get("/oembed", query_string={"url": "https://example.test/en/initiatives/3/"})
    assert r.status_code == 200
    data = r.get_json()
    assert data["type"] == "rich" and data["version"] == "1.0"
    assert 'src="https://example.test/embed/en/initiatives/3/"' in data["html"]
    assert client.get("/oembed", query_string={"url": "https://evil.test/en/initiatives/3/"}).status_code == 404
    assert client.get("/oembed", query_string={"url": "https://example.test/en/initiatives/999/"}).status_code == 404
