"""The policy tree and its overview charts: counts of programme rows per
rating at every level, and the scale labels in the reader's language."""

from __future__ import annotations

import json
from dataclasses import asdict

from kintl_pub.render.tree import tree_page

from .conftest import english


def test_tree_shape_and_counts(session):
    page = tree_page(session, "en", english)
    assert [p.prefix for p in page.policies] == ["Ⅰ", "Ⅱ", "Ⅲ"]
    p2 = page.policies[1]
    assert [d.anchor for d in p2.directions] == ["p2-d1", "p2-d2"]
    assert [f.prefix for f in p2.directions[0].focuses] == ["①", "②"]
    items = p2.directions[0].focuses[0].initiatives
    assert [(i.number, i.achievements, i.contributions) for i in items] == [(2, [2, 4], ["A", "B"])]
    assert dict(p2.dist.achievement) == {2: 1, 3: 2, 4: 1} and p2.dist.total == 4
    assert dict(p2.directions[0].dist.contribution) == {"A": 2, "B": 1}
    assert dict(page.policies[2].dist.achievement) == {None: 1}  # not rated
    assert sum(p.dist.total for p in page.policies) == 6  # every programme row once
    # an initiative without its own title is listed by its programme's name
    assert p2.directions[1].focuses[0].initiatives[0].title.source == "多文化共生啓発事業"


def test_titles_in_the_readers_language(session):
    th = tree_page(session, "th", english).policies
    assert (th[1].title.state, th[1].title.lang) == ("reviewed", "th")
    # no Thai and no Easy Japanese: the next in th's fallback chain, a person's English
    assert (th[0].title.state, th[0].title.lang) == ("fallback", "en")
    # the reader may ask for the Japanese original instead
    th = tree_page(session, "th", english, fallback="ja").policies
    assert (th[0].title.state, th[0].title.lang) == ("fallback", "ja")


def test_chart_counts_and_labels(session):
    charts = {c.id: c for c in tree_page(session, "en", english).charts}
    assert sorted(charts) == ["chart-achievement-direction", "chart-achievement-policy",
                              "chart-contribution-direction", "chart-contribution-policy"]
    ach = charts["chart-achievement-policy"]
    assert ach.title == "Achievement by policy" and ach.group_header == "Policy"
    assert [v.value for v in ach.legend] == ["1", "2", "3", "4", "5", "not rated"]
    assert [(r.label, r.cells, r.total) for r in ach.rows] == [
        ("Policy Ⅰ", [0, 0, 1, 0, 0, 0], 1),
        ("Policy Ⅱ", [0, 1, 2, 1, 0, 0], 4),
        ("Policy Ⅲ", [0, 0, 0, 0, 0, 1], 1),
    ]
    three = ach.legend[2]
    assert (three.cls, three.label.text, three.label.state) == ("v-3", "About as planned", "reviewed")
    assert ach.legend[-1].label is None and ach.legend[-1].cls == "v-none"
    con = charts["chart-contribution-direction"]
    assert [r.label for r in con.rows] == ["Direction Ⅰ-1", "Direction Ⅱ-1", "Direction Ⅱ-2", "Direction Ⅲ-1"]
    assert [sum(r.cells) for r in con.rows] == [1, 3, 1, 1]
    for c in charts.values():
        assert sum(r.total for r in c.rows) == 6
        assert c.svg.startswith(f'<svg class="chart" id="{c.id}-svg" role="img"')


def test_tree_page_is_plain_data(session):
    data = json.loads(json.dumps(asdict(tree_page(session, "en", english))))
    assert data["charts"][0]["rows"][1]["cells"] == [0, 1, 2, 1, 0, 0]
    assert data["policies"][1]["title"]["text"] == "Building a multicultural society"
