"""Search results as a reader sees them: filters, terms, snippets, paging;
on SQLite through the index, on PostgreSQL without one (same answers)."""

from __future__ import annotations

import json
from dataclasses import asdict

import pytest

from kintl_pub.render import search as render_search
from kintl_pub.render.search import Filters, SearchQuery, search_view

from .conftest import english


def _numbers(session, locale="en", **kw):  # type: ignore[no-untyped-def]
    q = kw.pop("q", "")
    view = search_view(session, locale, SearchQuery(q, Filters(**kw)), english)
    return [r.number for r in view.results]


@pytest.mark.parametrize(("filters", "expected"), [
    ({"area": "p2"}, [2, 3, 4]),
    ({"area": "p2-d1"}, [2, 3]),
    ({"area": "p2-d1-f2"}, [3]),
    ({"area": "p2-d"}, []),  # a prefix of an anchor is not an area
    ({"ward": "川崎区"}, [2]),
    ({"achievement": "3"}, [1, 3, 4]),
    ({"contribution": "C"}, [4]),
    ({"area": "p2", "bureau": "市民文化局"}, [2, 3]),
    # one programme row must match every programme filter
    ({"ward": "川崎区", "achievement": "2"}, []),
    ({"ward": "川崎区", "achievement": "4"}, [2]),
])
def test_filters(session, filters, expected):
    assert _numbers(session, **filters) == expected


def test_no_query_no_filter_shows_only_the_form(session):
    view = search_view(session, "en", SearchQuery(), english)
    assert not view.searched and view.results == [] and view.total == 0
    assert [o.value for o in view.options.area][:3] == ["p1", "p1-d1", "p1-d1-f1"]


def test_terms_in_source_and_readers_language(session):
    assert _numbers(session, q="相談") == [3]
    assert _numbers(session, q="Advice") == [3]  # the reviewed English title
    assert _numbers(session, q="相談 講座") == []  # every term must match
    assert _numbers(session, q="講座", achievement="3") == [4]
    view = search_view(session, "en", SearchQuery("相談"), english)
    (r,) = view.results
    assert r.title.text == "Advice service for foreign residents"
    assert 1 <= len(r.snippets) <= 3
    for sn in r.snippets:
        assert [sn.text[a:b] for a, b in sn.marks] == ["相談"] * len(sn.marks) and sn.marks
        assert "<mark>相談</mark>" in sn.html


def test_paging(session, monkeypatch):
    monkeypatch.setattr(render_search, "PAGE_SIZE", 2)
    view = search_view(session, "en", SearchQuery("。", page=2), english)
    assert (view.total, view.pages, view.page, view.first) == (5, 3, 2, 3)
    assert [r.number for r in view.results] == [3, 4]
    last = search_view(session, "en", SearchQuery("。", page=99), english)
    assert (last.page, [r.number for r in last.results]) == (3, [5])


def test_filter_options_in_the_readers_language(session):
    opts = search_view(session, "en", SearchQuery(), english).options
    p2 = next(o for o in opts.area if o.value == "p2")
    assert (p2.label, p2.lang) == ("Policy Ⅱ: Building a multicultural society", "en")
    f = next(o for o in opts.area if o.value == "p2-d1-f2")
    assert f.label == "—— ② Better advice services for foreign residents"
    assert [(o.value, o.label, o.lang) for o in opts.ward] == [
        ("中原区", "中原区", "ja"), ("川崎区", "Kawasaki Ward", "en")]
    assert opts.bureau[0].label == "Civic Affairs Bureau"  # sorted by what the reader reads
    assert opts.achievement == [1, 2, 3, 4, 5] and opts.contribution == ["A", "B", "C"]


def test_query_from_request_arguments():
    args = {"q": "x" * 300, "page": "abc", "ward": "  川崎区  ", "area": "p" * 200}
    q = SearchQuery.from_args(args.get)
    assert (len(q.q), q.page, q.filters.ward, len(q.filters.area)) == (200, 1, "川崎区", 100)
    assert q.filters.active and not Filters().active
    assert SearchQuery.from_args({"page": "-3"}.get).page == 1


def test_search_view_is_plain_data(session):
    view = search_view(session, "en", SearchQuery("相談", Filters(area="p2")), english)
    data = json.loads(json.dumps(asdict(view)))
    assert data["filters"]["area"] == "p2" and data["results"][0]["number"] == 3
    assert data["results"][0]["snippets"][0]["marks"]
