"""A one-initiative store whose every field, label and translation carries
the characters Typst markup and the Easy Japanese markup treat specially."""

from __future__ import annotations

from sqlalchemy import Engine

from kintl_pub.catalogs import states
from kintl_pub.easy.markup import escape_literal
from kintl_pub.prepare import refresh
from kintl_pub.segment import field_segments
from kintl_pub.store.db import init_db, transaction
from kintl_pub.store.models import PROSE_FIELDS, Direction, Focus, Initiative, Policy, Program

#: what would be code, maths, emphasis, a label, a reference, an escape or
#: the end of a content block if it reached Typst as markup
NASTY = '#x $y$ *b* _i_ <l> @r \\ ] [ ` = - + / ~ " {z}'


def text(where: str) -> str:
    return f"{where}{NASTY}。"


def build(engine: Engine) -> None:
    init_db(engine)
    with transaction(engine) as s:
        pol = Policy(number=1, title=text("方針"))
        d = Direction(policy=pol, number=1, title=text("方向"))
        f = Focus(direction=d, number=1, title=text("重点"))
        ini = Initiative(number=1, title=text("題名"), focus=f)
        ini.programs.append(Program(
            position=0, name=text("事業名"), measure_code="1-1-1", ward=text("区"),
            bureau=text("局"), achievement=3, achievement_label="3. " + text("評価"),
            contribution="A", contribution_label="A. " + text("貢献"),
            **{n: text(n) for n in PROSE_FIELDS},
        ))
        s.add(pol)
        s.add(ini)
        s.flush()
        refresh(s)
        for source in sources(ini):
            states.put_human(s, "en", source, f"EN {source}", who="test")
            states.put_human(s, "ja-easy", source, "{題|だい}" + escape_literal(source), who="test")


def sources(ini: Initiative) -> list[str]:
    out = [ini.title, ini.focus.title, ini.focus.direction.title, ini.focus.direction.policy.title]
    for p in ini.programs:
        out += [p.name, p.ward, p.bureau, text("評価"), text("貢献")]
        for n in PROSE_FIELDS:
            out += [seg.source for seg in field_segments(getattr(p, n), initiative=1,
                                                         position=p.position, field=n)]
    return [s for s in out if s]
