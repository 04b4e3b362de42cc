"""Fallback chains: untranslated text is shown in the language the locale
table chooses (fil → English first, vi → Easy Japanese first), or in the one
the reader picked with the "show untranslated text in" switch (no
JavaScript, a cookie, part of the response cache key); every fallback
carries its lang and names its language."""

from __future__ import annotations

import re

import pytest

from kintl_pub import locales

from .test_pages import T

PEOPLE_EN = "We run an office where foreign residents can get advice about daily life in their own language."
SRC = "外国人市民が生活上の相談を母語でできる窓口を運営します。"


def _seg(html: str, text_start: str) -> str | None:
    m = re.search(r'<span lang="([^"]+)" class="seg seg-fallback">' + re.escape(text_start), html)
    return m.group(1) if m else None


def test_filipino_reads_untranslated_text_in_peoples_english(client):
    html = client.get("/fil/initiatives/3/").get_data(as_text=True)
    assert _seg(html, PEOPLE_EN) == "en"
    assert T("fil", "Part of this text is not translated yet and is shown in English.") in html


def test_vietnamese_reads_easy_japanese_first_and_may_choose_english(client):
    html = client.get("/vi/initiatives/3/").get_data(as_text=True)
    assert PEOPLE_EN not in html
    assert re.search(r'<span lang="ja" class="seg seg-fallback">.*?<ruby>外国人', html)
    # the reader switches: a plain link, a cookie, back to the page
    resp = client.get("/vi/prefs?fallback=en&next=/vi/initiatives/3/")
    assert resp.status_code == 303 and resp.headers["Location"].endswith("/vi/initiatives/3/")
    (cookie,) = resp.headers.getlist("Set-Cookie")
    assert cookie.startswith("fallback=en;") and "HttpOnly" in cookie
    html = client.get("/vi/initiatives/3/").get_data(as_text=True)  # the cookie is sent now
    assert _seg(html, PEOPLE_EN) == "en"
    # the page with and without the cookie are two cache entries, not one
    client.delete_cookie("fallback")
    assert PEOPLE_EN not in client.get("/vi/initiatives/3/").get_data(as_text=True)


def test_the_japanese_original_can_be_chosen(client):
    client.set_cookie("fallback", "ja")
    html = client.get("/fil/initiatives/3/").get_data(as_text=True)
    assert _seg(html, SRC) == "ja"
    assert PEOPLE_EN not in html


def test_an_invalid_choice_changes_nothing(client):
    resp = client.get("/vi/prefs?fallback=th&next=/vi/")
    assert resp.status_code == 303 and "fallback=" not in resp.headers.get("Set-Cookie", "")
    client.set_cookie("fallback", "<script>")
    html = client.get("/fil/initiatives/3/").get_data(as_text=True)
    assert _seg(html, PEOPLE_EN) == "en" and "<script>" not in html


@pytest.mark.parametrize("code", [loc.code for loc in locales.LOCALES])
def test_the_switch_is_on_every_page_of_a_translated_locale(client, code):
    for url in (f"/{code}/", f"/{code}/initiatives/2/", f"/{code}/search?q=相談", f"/{code}/accessibility/"):
        html = client.get(url).get_data(as_text=True)
        nav = re.search(r'<nav class="fallback-options".*?</nav>', html, re.S)
        if not locales.fallback_options(code):
            assert nav is None, url
            continue
        assert nav is not None, url
        assert T(code, "Show untranslated text in:") in nav.group(0)
        for option in locales.fallback_options(code):
            loc = locales.get(option)
            assert f'lang="{loc.html_lang}">{loc.native_name}</' in nav.group(0), (url, option)
        current = locales.fallback_chain(code)[0]
        assert re.search(rf'<span aria-current="true" lang="[^"]+">{locales.get(current).native_name}</span>',
                         nav.group(0)), url


def test_a_fallback_title_names_its_language(client):
    html = client.get("/vi/").get_data(as_text=True)
    tags = re.findall(r'<span class="tag tag-fallback">(.*?)</span></span>', html)
    assert tags
    for tag in tags:
        assert re.search(r'<span lang="(ja|en)">(やさしい にほんご|日本語|English)$', tag), tag
