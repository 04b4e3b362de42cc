"""What the API's documents say, on the imported seed: the same facts as the
pages (initiative 9, the filters, the states of English texts)."""

from __future__ import annotations

from typing import Any

import pytest

from kintl_pub.store.models import STATES, DisplayState

TEXT_KEYS = {"text", "state", "lang", "source"}


def get(api, url: str) -> Any:  # type: ignore[no-untyped-def]
    r = api.get(url)
    assert r.status_code == 200, (url, r.get_data(as_text=True)[:300])
    assert r.mimetype == "application/json"
    return r.get_json()


def texts(doc: Any) -> list[dict]:
    """Every text object in a document."""
    out = []
    if isinstance(doc, dict):
        if set(doc) == TEXT_KEYS:
            return [doc]
        for v in doc.values():
            out += texts(v)
    elif isinstance(doc, list):
        for v in doc:
            out += texts(v)
    return out


@pytest.fixture(scope="module")
def export(seed_url: str) -> dict[int, dict]:
    """The store's own export (``kintl-pub export``): the facts to compare with."""
    from kintl_pub.store.db import get_engine, session_factory
    from kintl_pub.store.export import export_initiatives

    s = session_factory(get_engine(seed_url))()
    try:
        return {d["number"]: d for d in export_initiatives(s)}
    finally:
        s.close()


def test_initiative_9_in_japanese_matches_the_store(api, export) -> None:  # type: ignore[no-untyped-def]
    doc = get(api, "/api/v1/initiatives/9")
    want = export[9]
    assert doc["number"] == 9 and doc["lang"] == "ja"
    assert doc["title"]["text"] == want["title"] and doc["title"]["state"] == "source"
    for key in ("policy", "direction", "focus"):
        assert doc[key]["number"] == want[key]["number"]
        assert doc[key]["title"]["source"] == want[key]["title"]
    assert len(doc["programs"]) == len(want["programs"])
    for got, prog in zip(doc["programs"], want["programs"], strict=True):
        assert got["achievement"] == prog["achievement"] and got["contribution"] == prog["contribution"]
        assert (got["ward"] or {}).get("source") == prog["ward"]
        assert (got["bureau"] or {}).get("source") == prog["bureau"]
        fields = {f["name"]: f for f in got["fields"]}
        assert set(fields) == {"content", "plan", "results", "reason", "future"}
        for name, f in fields.items():
            assert f["source"] == prog[name]
            # every sentence of the field, in order, is one of its texts
            shown = "".join(t["text"] for b in f["blocks"] for run in b for t in run["items"])
            assert all(t["state"] == "source" for b in f["blocks"] for run in b for t in run["items"])
            assert shown.replace("\n", "") in prog[name].replace("\n", "") or len(shown) > 0
    assert doc["prev"] == 8 and doc["next"] == 10
    assert doc["links"] == {"self": "/api/v1/initiatives/9?lang=ja", "html": "/ja/initiatives/9/",
                            "pdf": "/ja/initiatives/9.pdf", "embed": "/embed/ja/initiatives/9/"}


def test_english_texts_say_their_state_and_language(api, export) -> None:  # type: ignore[no-untyped-def]
    # the initiative with the hand-written English (seed_translations)
    n = next(k for k, d in export.items() if d["title"] == "海外帰国・外国人児童生徒相談事業")
    doc = get(api, f"/api/v1/initiatives/{n}?lang=en")
    all_texts = texts(doc)
    assert all_texts and all(set(t) == TEXT_KEYS and t["source"] for t in all_texts)
    by_source = {t["source"]: t for t in all_texts}
    assert doc["title"] == {"text": "Advice for children returning from abroad and foreign children at school",
                    "state": "reviewed", "lang": "en", "source": "海外帰国・外国人児童生徒相談事業"}
    assert by_source["各種研修については、会議の在り方や持ち方の検討を行いながら、引き続き実施していきます。"][
        "state"] == "outdated"
    assert {"reviewed", "outdated", "fallback"} <= {t["state"] for t in all_texts} <= {str(s) for s in DisplayState}
    # a fallback says the language it is really in, never "en"
    fallbacks = [t for t in all_texts if t["state"] == "fallback"]
    assert fallbacks and all(t["lang"] == "ja" and t["text"] == t["source"] for t in fallbacks)
    results = next(f for f in doc["programs"][0]["fields"] if f["name"] == "future")
    assert results["states"] == ["outdated"] and results["fallback_langs"] == ["ja"]
    # Thai: a machine draft, and Easy Japanese before English for what has neither
    th = {t["source"]: t for t in texts(get(api, f"/api/v1/initiatives/{n}?lang=th"))}
    assert th["学校と関係機関が連携し、日本語が不自由な児童生徒等の相談・就学体制づくりを進めます。"]["state"] == "machine"
    easy = th["国際教室担当者研修を5回、日本語指導非常勤講師研修を3回実施しました。"]
    assert easy["state"] == "fallback" and easy["lang"] == "ja-easy"
    assert easy["text"] == "先生のための勉強会を全部で8回しました。"  # plain text, no reading markup
    # the machine English title of initiative 1
    assert get(api, "/api/v1/initiatives/1?lang=en")["title"] == {
        "text": "International Strategic Base Revitalization Promotion Project", "state": "machine",
        "lang": "en", "source": "国際戦略拠点活性化推進事業"}


def test_the_list_filters_narrow_and_agree_with_the_store(api, export) -> None:  # type: ignore[no-untyped-def]
    everything = get(api, "/api/v1/initiatives?limit=200")
    assert everything["total"] == len(export) == len(everything["items"])
    assert [i["number"] for i in everything["items"]] == sorted(export, key=lambda n: (
        export[n]["policy"]["number"], export[n]["direction"]["number"], export[n]["focus"]["number"], n))
    per_policy = [get(api, f"/api/v1/initiatives?policy={p}&limit=200") for p in (1, 2, 3)]
    assert sum(d["total"] for d in per_policy) == len(export)
    for p, d in enumerate(per_policy, 1):
        assert 0 < d["total"] < len(export)
        assert {i["number"] for i in d["items"]} == {n for n, e in export.items() if e["policy"]["number"] == p}
    focus = get(api, "/api/v1/initiatives?policy=3&direction=1&focus=1&limit=200")
    assert 0 < focus["total"] < per_policy[2]["total"]
    assert {i["number"] for i in focus["items"]} == {
        n for n, e in export.items()
        if (e["policy"]["number"], e["direction"]["number"], e["focus"]["number"]) == (3, 1, 1)}
    ward = get(api, "/api/v1/initiatives?ward=幸区&limit=200")
    assert 0 < ward["total"] < len(export)
    assert {i["number"] for i in ward["items"]} == {
        n for n, e in export.items() if any(p["ward"] == "幸区" for p in e["programs"])}
    both = get(api, "/api/v1/initiatives?achievement=4&contribution=A&limit=200&lang=en")
    assert {i["number"] for i in both["items"]} == {
        n for n, e in export.items()
        if any(p["achievement"] == 4 and p["contribution"] == "A" for p in e["programs"])}
    assert 0 < both["total"] < len(export)
    bureau = "教育委員会"
    by_bureau = get(api, f"/api/v1/initiatives?bureau={bureau}&lang=en&limit=200")
    assert by_bureau["total"] == sum(any(p["bureau"] == bureau for p in e["programs"]) for e in export.values())
    # the bureau's English name is shown, its Japanese kept as the source
    names = [p["bureau"] for i in by_bureau["items"] for p in i["programs"] if p["bureau"]]
    assert {"text": "Board of Education", "state": "reviewed", "lang": "en", "source": bureau} in names


def test_paging_by_offset_and_by_page(api) -> None:  # type: ignore[no-untyped-def]
    first = get(api, "/api/v1/initiatives?lang=en")
    assert first["limit"] == 20 and len(first["items"]) == 20 and first["links"]["prev"] is None
    second = get(api, first["links"]["next"])
    assert second["offset"] == 20 and second["links"]["prev"] == "/api/v1/initiatives?lang=en"
    assert get(api, "/api/v1/initiatives?lang=en&page=2")["items"] == second["items"]
    last = get(api, "/api/v1/initiatives?lang=en&offset=100")
    assert len(last["items"]) == first["total"] - 100 and last["links"]["next"] is None
    paged = get(api, "/api/v1/initiatives?lang=en&page=3&limit=50")
    assert paged["links"]["next"] is None and paged["links"]["prev"] == "/api/v1/initiatives?lang=en&limit=50&page=2"
    assert get(api, "/api/v1/initiatives?offset=500")["items"] == []


def test_tree_counts_every_program_row(api, export) -> None:  # type: ignore[no-untyped-def]
    doc = get(api, "/api/v1/tree?lang=en")
    rows = sum(len(e["programs"]) for e in export.values())
    assert sum(p["counts"]["programs"] for p in doc["policies"]) == rows
    fives = sum(p["achievement"] == 5 for e in export.values() for p in e["programs"])
    assert sum(p["counts"]["achievement"]["5"] for p in doc["policies"]) == fives
    listed = [i["number"] for p in doc["policies"] for d in p["directions"] for f in d["focuses"]
              for i in f["initiatives"]]
    assert sorted(listed) == sorted(export)
    assert doc["policies"][0]["title"]["state"] == "reviewed"


def test_locales_coverage_uses_the_catalog_states(api) -> None:  # type: ignore[no-untyped-def]
    doc = get(api, "/api/v1/locales")
    codes = [loc["code"] for loc in doc["locales"]]
    assert codes == ["ja", "ja-easy", "en", "zh-hans", "ko", "vi", "fil", "pt-br", "es", "ne", "th", "id"]
    ja = doc["locales"][0]
    assert ja["source"] and ja["coverage"] is None
    totals = set()
    for loc in doc["locales"][1:]:
        cov = loc["coverage"]
        assert set(cov) == {"total", *(str(s) for s in STATES)}
        assert cov["total"] == sum(cov[str(s)] for s in STATES)
        totals.add(cov["total"])
    assert len(totals) == 1  # every locale counts the same source texts
    en = doc["locales"][2]["coverage"]
    # seed_translations: 13 English texts by a person, 1 outdated, 4 machine drafts of
    # which one is for a sentence the sheet does not have (特別的): not counted
    assert (en["translated"], en["approved"], en["machine"], en["outdated"]) == (13, 0, 3, 1)
    assert en["untranslated"] == en["total"] - 17
    assert doc["locales"][2]["fallback"] == ["ja-easy", "ja"]


def test_search_is_the_search_page_as_json(api) -> None:  # type: ignore[no-untyped-def]
    doc = get(api, "/api/v1/search?q=外国人&lang=en")
    assert doc["total"] > 20 and doc["pages"] == -(-doc["total"] // 20) and len(doc["results"]) == 20
    hit = doc["results"][0]["snippets"][0]
    a, b = hit["marks"][0]
    assert hit["text"][a:b] == "外国人"
    page_html = api.get("/en/search?q=外国人").get_data(as_text=True)
    assert f'href="/en/initiatives/{doc["results"][0]["number"]}/"' in page_html
    nxt = get(api, doc["links"]["next"])
    assert nxt["page"] == 2 and {r["number"] for r in nxt["results"]}.isdisjoint(
        {r["number"] for r in doc["results"]})
    school = get(api, "/api/v1/search?q=school&lang=en")
    assert school["total"] >= 1
    narrowed = get(api, "/api/v1/search?q=外国人&lang=en&policy=3")
    assert 0 < narrowed["total"] < doc["total"]


@pytest.mark.parametrize(("lang", "n"), [("ja-easy", 80), ("en", 80), ("th", 9), ("fil", 1), ("ja", 109)])
def test_a_detail_is_its_page_view_model(seed_app, api, lang: str, n: int) -> None:  # type: ignore[no-untyped-def]
    """The API builds a locale's views together (web/api/memo.py); each is
    the one the initiative's page renders."""
    from kintl_pub.render import api as render
    from kintl_pub.render.initiative import initiative_view
    from kintl_pub.web.api.views import links_for
    from kintl_pub.web.db import db

    with seed_app.test_request_context():
        want = render.initiative(initiative_view(db(), lang, n), lang, links_for(lang))
    assert get(api, f"/api/v1/initiatives/{n}?lang={lang}") == want
    if lang == "ja-easy":
        assert want["glossary"] and all(set(g) == {"term", "explanation"} for g in want["glossary"])
