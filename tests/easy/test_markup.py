"""The inline markup the web/PDF renderers read (no Sudachi involved)."""

from __future__ import annotations

import subprocess
import sys

from markupsafe import Markup

from kintl_pub.easy import markup as m


def test_ruby_okurigana_outside() -> None:
    html = m.render_html("{行|おこな}います")
    assert html == "<ruby>行<rp>(</rp><rt>おこな</rt><rp>)</rp></ruby>います"
    assert isinstance(html, Markup)


def test_furigana_off_shows_base_only() -> None:
    assert m.render_html("{取|と}り{組|く}み", furigana=False) == "取り組み"


def test_wakachi_breaks() -> None:
    text = "{日本語|にほんご}を/{勉強|べんきょう}します"
    assert m.render_html(text, furigana=False) == "日本語を勉強します"
    assert m.render_html(text, furigana=False, wakachi=True) == "日本語を 勉強します"


def test_script_is_escaped_everywhere() -> None:
    text = "<script>alert(1)</script>{<b>|<i>}[<x>|\"&']"
    html = m.render_html(text)
    assert "<script>" not in html and "<b>" not in html and "<x>" not in html
    assert "&lt;script&gt;" in html
    assert "&lt;b&gt;" in html and "&lt;i&gt;" in html
    assert "&#34;&amp;&#39;" in html
    assert "<script>" not in m.render_blocks(text)


def test_gloss_is_inline_text_with_parentheses() -> None:
    text = "[{避難所|ひなんじょ}|にげる ところ]に{行|い}きます"
    html = m.render_html(text)
    assert html.startswith('<span class="gloss"><span class="gloss-term"><ruby>避難所')
    assert '<span class="gloss-note">（にげる ところ）</span></span>に' in html
    assert m.glosses(text) == [("避難所", "にげる ところ")]
    assert m.to_plain(text) == "避難所（にげる ところ）に行きます"
    assert m.to_plain(text, with_glosses=False) == "避難所に行きます"


def test_to_plain_and_reading() -> None:
    text = "{令和|れいわ}3{年度|ねんど}（2021{年度|ねんど}）に/{行|おこな}いました。"
    assert m.to_plain(text) == "令和3年度（2021年度）に行いました。"
    assert m.reading(text) == "れいわ3ねんど（2021ねんど）におこないました。"


def test_escapes_roundtrip() -> None:
    raw = "https://example.jp/a|b {x} [y] \\z"
    marked = m.escape_literal(raw)
    assert m.to_plain(marked) == raw
    assert m.validate(marked) == []
    assert m.render_html(marked) == str(Markup.escape(raw))
    assert m.ruby("a|b", "x") == "{a\\|b|x}"


def test_malformed_markup_is_shown_not_raised() -> None:
    text = "{行|おこな います [用語|"
    assert m.to_plain(text) == "{行|おこな います [用語|"
    assert m.validate(text)
    assert m.validate("{行|おこな}います") == []


def test_lists_inline_and_block() -> None:
    text = "つぎの ことを します。\n\n- {相談|そうだん}\n- {日本語|にほんご}の{教室|きょうしつ}"
    assert m.is_block(text)
    inline = m.render_html(text, furigana=False)
    assert inline == "つぎの ことを します。<br>・相談<br>・日本語の教室"
    blocks = m.render_blocks(text, furigana=False)
    assert blocks == "<p>つぎの ことを します。</p><ul><li>相談</li><li>日本語の教室</li></ul>"
    assert m.to_plain(text) == "つぎの ことを します。\n\n- 相談\n- 日本語の教室"
    assert not m.is_block("{行|おこな}います")


def test_markup_module_stays_light() -> None:
    # the web process imports this module; it must not drag the analysers in
    code = (
        "import sys, kintl_pub.easy.markup;"
        "bad = [m for m in ('sudachipy', 'pykakasi', 'fugashi', 'jreadability') if m in sys.modules];"
        "print(bad)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_title_gloss_split_and_one_explanation_per_page() -> None:
    from kintl_pub.easy.markup import render_html, split_gloss

    assert split_gloss("[{国|こく}{際|さい}\\|x|{説|せつ}{明|めい}です]") == ("{国|こく}{際|さい}\\|x", "{説|せつ}{明|めい}です")
    assert split_gloss("[{国|こく}|a] と [b|c]") is None and split_gloss("{国|こく}") is None
    seen: set[str] = set()
    first = render_html("[{窓|まど}{口|ぐち}|ばしょ]で", seen=seen)
    again = render_html("[{窓|まど}{口|ぐち}|ばしょ]へ", seen=seen)
    assert "gloss-note" in first and "gloss-note" not in again and "<rt>まど</rt>" in again
    # one <ruby> per word in mono-ruby, a base/<rt> pair per kanji
    assert render_html("{京|けい}{急|きゅう}") == (
        "<ruby>京<rp>(</rp><rt>けい</rt><rp>)</rp>急<rp>(</rp><rt>きゅう</rt><rp>)</rp></ruby>")
