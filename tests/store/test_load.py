"""Loader: idempotent re-import, revisions on change, one transaction."""

from __future__ import annotations

import copy

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kintl_pub.ingest.load import load_sheet
from kintl_pub.ingest.model import (
    ParsedAnomaly,
    ParsedInitiative,
    ParsedProgram,
    ParsedSheet,
)
from kintl_pub.store.models import Anomaly, Initiative, Program, SourceRevision


def _program(name: str, **kw) -> ParsedProgram:
    base = dict(
        name=name, measure_code="4-4-1", ward=None, content="内容です。", plan="- 計画A\n- 計画B",
        achievement=3, achievement_label="3. ほぼ目標どおり", results="実績です。",
        contribution="A", contribution_label="A. 貢献している", reason="理由です。",
        future="今後です。", bureau="総務企画局", line_start=10, line_end=10,
    )
    base.update(kw)
    return ParsedProgram(**base)


def _sheet() -> ParsedSheet:
    return ParsedSheet(
        source_file="sheet.txt",
        sha256="0" * 64,
        policies={1: "方針一"},
        directions={(1, 1): "方向性一"},
        focuses={(1, 1, 1): "重点一", (1, 1, 2): "重点二"},
        initiatives=[
            ParsedInitiative(1, "取組一", 1, 1, 1, [_program("事業A"), _program("事業B", ward="幸区")]),
            ParsedInitiative(2, None, 1, 1, 2, [_program("事業C", bureau=None)]),
        ],
        anomalies=[ParsedAnomaly(2, 12, "missing-title", "取組名が空", "title left empty")],
    )


def _count(s: Session, model) -> int:
    return s.scalar(select(func.count()).select_from(model))


def test_first_import_creates_everything(any_engine):
    with Session(any_engine) as s, s.begin():
        rep = load_sheet(s, _sheet(), who="tester")
        assert rep.initiatives == 2 and rep.programs == 3
    with Session(any_engine) as s:
        assert _count(s, Initiative) == 2
        assert _count(s, Program) == 3
        assert _count(s, SourceRevision) == 0  # creation is not a revision
        assert _count(s, Anomaly) == 1
        ini = s.scalars(select(Initiative).where(Initiative.number == 1)).one()
        assert [p.name for p in ini.programs] == ["事業A", "事業B"]
        assert ini.focus.direction.policy.title == "方針一"


def test_reimport_unchanged_is_a_no_op(any_engine):
    with Session(any_engine) as s, s.begin():
        load_sheet(s, _sheet(), who="tester")
    with Session(any_engine) as s, s.begin():
        rep = load_sheet(s, _sheet(), who="tester")
        assert rep.unchanged
    with Session(any_engine) as s:
        assert _count(s, SourceRevision) == 0


def test_changed_text_becomes_a_revision(any_engine):
    with Session(any_engine) as s, s.begin():
        load_sheet(s, _sheet(), who="first")
    changed = copy.deepcopy(_sheet())
    changed.initiatives[0].programs[1].results = "新しい実績です。"
    changed.initiatives[1].title = "取組二"
    with Session(any_engine) as s, s.begin():
        rep = load_sheet(s, changed, who="editor")
        assert rep.changed_fields == 2
    with Session(any_engine) as s:
        revs = {(r.entity_key, r.field): r for r in s.scalars(select(SourceRevision))}
        r = revs[("program:1:1", "results")]
        assert (r.old, r.new, r.who) == ("実績です。", "新しい実績です。", "editor")
        assert revs[("initiative:2", "title")].old is None
        assert revs[("initiative:2", "title")].new == "取組二"


def test_removed_programme_row_is_recorded(any_engine):
    with Session(any_engine) as s, s.begin():
        load_sheet(s, _sheet(), who="a")
    smaller = copy.deepcopy(_sheet())
    del smaller.initiatives[0].programs[1]
    with Session(any_engine) as s, s.begin():
        rep = load_sheet(s, smaller, who="b")
        assert rep.removed == 1
    with Session(any_engine) as s:
        assert _count(s, Program) == 2
        rev = s.scalars(select(SourceRevision).where(SourceRevision.field == "*")).one()
        assert rev.entity_key == "program:1:1" and rev.old == "事業B"


def test_failure_mid_import_changes_nothing(any_engine):
    with Session(any_engine) as s, s.begin():
        load_sheet(s, _sheet(), who="a")
    broken = copy.deepcopy(_sheet())
    broken.initiatives[0].programs[0].results = "変更。"
    broken.initiatives[1].focus = 9  # unknown focus → KeyError after some writes
    with pytest.raises(KeyError), Session(any_engine) as s, s.begin():
        load_sheet(s, broken, who="b")
    with Session(any_engine) as s:
        assert _count(s, SourceRevision) == 0
        p = s.scalars(select(Program).where(Program.name == "事業A")).one()
        assert p.results == "実績です。"


def test_a_changing_import_keeps_a_snapshot_that_undo_puts_back(any_engine):
    from kintl_pub.ingest.load import undo_import
    from kintl_pub.store.export import export_initiatives
    from kintl_pub.store.models import SourceSnapshot

    with Session(any_engine) as s, s.begin():
        first = load_sheet(s, _sheet(), who="a")
        assert not first.undoable  # an empty store has nothing to go back to
    with Session(any_engine) as s:
        before = export_initiatives(s)
    smaller = copy.deepcopy(_sheet())
    del smaller.initiatives[1]
    smaller.initiatives[0].programs[0].results = "変更。"
    with Session(any_engine) as s, s.begin():
        rep = load_sheet(s, smaller, who="b")
        assert rep.undoable and rep.removed == 1
    with Session(any_engine) as s, s.begin():
        undone, rep = undo_import(s, who="c")
        assert undone.id == 2 and rep.created == 2 and rep.changed_fields == 1
    with Session(any_engine) as s:
        assert export_initiatives(s) == before
        assert _count(s, SourceSnapshot) == 2  # the undo can be undone too
