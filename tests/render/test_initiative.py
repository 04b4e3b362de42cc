"""The initiative view model: which text, in which state and language, a
reader of each locale is shown, field by field."""

from __future__ import annotations

import json
from dataclasses import asdict

import pytest

from kintl_pub.catalogs.states import Shown
from kintl_pub.render import shown
from kintl_pub.render.initiative import initiative_view
from kintl_pub.render.shown import shown_html

from ..web.fixture_data import CONTENT_1, POLICIES


def _fields(view):  # type: ignore[no-untyped-def]
    return {f.name: (f.states, f.fallback_langs) for f in view.programs[0].fields}


def test_japanese_is_the_source_everywhere(session):
    v = initiative_view(session, "ja", 3)
    shown = [v.title, v.policy.title, v.programs[0].name,
             *(t for f in v.programs[0].fields for b in f.blocks for r in b.runs for t in r.items)]
    assert {(s.state, s.lang) for s in shown} == {("source", "ja")}
    assert not any(f.machine or f.fallback_langs for f in v.programs[0].fields)


def test_states_and_languages_per_locale(session):
    en = initiative_view(session, "en", 3)
    assert (en.title.text, en.title.state) == ("Advice service for foreign residents", "reviewed")
    assert en.programs[0].name.state == "machine" and en.programs[0].name.unchecked
    assert _fields(en)["results"] == (["machine"], [])
    assert _fields(en)["plan"] == ([], ["ja"])
    # no Korean at all: Easy Japanese where it exists, else the Japanese source
    ko = initiative_view(session, "ko", 3)
    assert (ko.title.state, ko.title.lang, ko.title.html_lang) == ("fallback", "ja-easy", "ja")
    assert (ko.programs[0].name.state, ko.programs[0].name.lang) == ("fallback", "ja")
    assert _fields(ko)["content"] == ([], ["ja-easy"])
    assert _fields(ko)["plan"] == ([], ["ja"])
    easy = initiative_view(session, "ja-easy", 3)
    assert (easy.title.state, easy.title.lang) == ("reviewed", "ja-easy")
    assert easy.title.plain() == "外国人の相談"


def test_mixed_and_outdated_fields(session):
    v = initiative_view(session, "en", 1)
    f = _fields(v)
    # first sentence machine-translated, second not translated yet
    assert f["content"] == (["machine"], ["ja"])
    assert f["future"] == (["outdated"], [])
    future = next(x for x in v.programs[0].fields if x.name == "future")
    assert future.machine and future.blocks[0].runs[0].items[0].state == "outdated"
    content = next(x for x in v.programs[0].fields if x.name == "content")
    assert content.source_text == CONTENT_1
    # a list field keeps its shape: a paragraph, then a list of two items
    results = next(x for x in v.programs[0].fields if x.name == "results")
    assert [[(r.kind, len(r.items)) for r in b.runs] for b in results.blocks] == [[("p", 1)], [("li", 2)]]
    # an inline enumeration (①②③) is a list whose items carry their markers
    plan = next(x for x in v.programs[0].fields if x.name == "plan")
    run = plan.blocks[0].runs[0]
    assert run.kind == "li" and run.inline and run.items[0].text.startswith("①")


def test_glossary_only_on_easy_japanese_pages(session):
    assert initiative_view(session, "ja-easy", 3).glossary == [
        ("相談", "こまった ことを はなして、 アドバイスを もらう こと")]
    assert initiative_view(session, "ko", 3).glossary == []  # shown in Easy Japanese, but a ko page


def test_tree_position_and_neighbours(session):
    v = initiative_view(session, "en", 3)
    assert (v.policy.anchor, v.policy.prefix) == ("p2", "Ⅱ")
    assert (v.direction.anchor, v.direction.prefix) == ("p2-d1", "1")
    assert (v.focus.anchor, v.focus.prefix) == ("p2-d1-f2", "②")
    assert v.policy.title.source == POLICIES[2] and v.policy.title.state == "reviewed"
    assert (v.prev_n, v.next_n) == (2, 4)
    first, last = initiative_view(session, "en", 1), initiative_view(session, "en", 5)
    assert first.prev_n is None and last.next_n is None
    assert initiative_view(session, "en", 99) is None


def test_an_initiative_without_a_title_is_called_by_its_programme(session):
    v = initiative_view(session, "en", 4)
    assert not v.has_own_title and v.title.source == "多文化共生啓発事業"
    p = v.programs[0]
    assert p.ward.source == "中原区" and p.achievement == 3 and p.contribution == "C"
    assert p.achievement_text.source == "ほぼ目標どおり" and p.achievement_text.text == "About as planned"


def test_a_page_resolves_its_texts_in_one_call(session, monkeypatch):
    lookups = []
    real_resolve = shown.resolve_many
    monkeypatch.setattr(shown, "resolve_many", lambda *a, **k: lookups.append(1) or real_resolve(*a, **k))
    initiative_view(session, "en", 1)
    assert len(lookups) == 1


def test_view_models_are_plain_data(session):
    v = initiative_view(session, "en", 1)
    data = json.loads(json.dumps(asdict(v)))
    assert data["title"] == {"source": "国際戦略拠点活性化推進事業", "state": "machine", "lang": "en",
                             "text": "International Strategic Base Revitalization Promotion Project"}
    future = data["programs"][0]["fields"][4]
    assert (future["name"], future["states"]) == ("future", ["outdated"])


@pytest.mark.parametrize(("furigana", "wakachi"), [(True, False), (False, True)])
def test_shown_html(furigana, wakachi):
    easy = Shown("外国人", "{外国人|がいこくじん}が/くる", "reviewed", "ja-easy")
    html = str(shown_html(easy, furigana=furigana, wakachi=wakachi))
    assert ("<ruby>" in html) is furigana
    assert ("がいこくじん" in html) is furigana
    assert "{" not in html and "|" not in html
    plain = Shown("a", "<b>&", "machine", "en")
    assert str(shown_html(plain)) == "&lt;b&gt;&amp;"
