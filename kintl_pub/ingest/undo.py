"""Undo an import: the store's source as it was before a run, put back.

Every import that changes a non-empty store first keeps a snapshot of the
stored source (:class:`~kintl_pub.store.models.SourceSnapshot`): the policy
tree, every initiative with its programme rows (all columns and their
provenance) and the anomalies.  ``kintl-pub undo-import [RUN]`` loads that
snapshot back through the same loader as a sheet (so every field it changes
back is a revision again, removed rows come back, rows the run added go, and
the undo is itself a run that can be undone).  Only the latest run that
changed the store can be undone: undo later ones first.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..store.models import (
    PROGRAM_COLUMNS,
    Anomaly,
    Direction,
    Focus,
    ImportRun,
    Initiative,
    Policy,
    SourceSnapshot,
)
from .model import ParsedAnomaly, ParsedInitiative, ParsedProgram, ParsedSheet, SheetError


class UndoError(SheetError):
    """Nothing to undo, or not the latest run."""


def take(session: Session) -> dict[str, Any] | None:
    """The stored source as plain JSON data, or None for an empty store."""
    initiatives = session.scalars(
        select(Initiative)
        .options(selectinload(Initiative.programs), selectinload(Initiative.focus)
                 .selectinload(Focus.direction).selectinload(Direction.policy))
        .order_by(Initiative.number)
    ).all()
    if not initiatives:
        return None
    last = session.scalars(select(ImportRun).order_by(ImportRun.id.desc())).first()
    return {
        "source_file": last.source_file if last else "",
        "sha256": last.sha256 if last else "0" * 64,
        "policies": [[p.number, p.title] for p in session.scalars(select(Policy))],
        "directions": [
            [d.policy.number, d.number, d.title]
            for d in session.scalars(select(Direction).options(selectinload(Direction.policy)))
        ],
        "focuses": [
            [f.direction.policy.number, f.direction.number, f.number, f.title]
            for f in session.scalars(
                select(Focus).options(selectinload(Focus.direction).selectinload(Direction.policy))
            )
        ],
        "initiatives": [
            {
                "number": i.number,
                "title": i.title,
                "focus": [i.focus.direction.policy.number, i.focus.direction.number, i.focus.number],
                "programs": [
                    {**{c: getattr(p, c) for c in PROGRAM_COLUMNS},
                     "line_start": p.line_start, "line_end": p.line_end}
                    for p in i.programs
                ],
            }
            for i in initiatives
        ],
        "anomalies": [
            [a.initiative_number, a.line, a.kind, a.message, a.decision, a.corrected]
            for a in session.scalars(select(Anomaly).order_by(Anomaly.id))
        ],
    }


def to_sheet(data: dict[str, Any], source_file: str) -> ParsedSheet:
    """A snapshot as a parsed sheet, for the loader."""
    sheet = ParsedSheet(source_file=source_file, sha256=data["sha256"])
    sheet.policies = {p: t for p, t in data["policies"]}
    sheet.directions = {(p, d): t for p, d, t in data["directions"]}
    sheet.focuses = {(p, d, f): t for p, d, f, t in data["focuses"]}
    for item in data["initiatives"]:
        p, d, f = item["focus"]
        ini = ParsedInitiative(item["number"], item["title"], p, d, f)
        ini.programs = [ParsedProgram(**row) for row in item["programs"]]
        sheet.initiatives.append(ini)
    sheet.anomalies = [ParsedAnomaly(*a) for a in data["anomalies"]]
    return sheet


def find(session: Session, run_id: int | None) -> tuple[ImportRun, SourceSnapshot]:
    """The run to undo (default: the latest that changed the store) and its
    snapshot; ``UndoError`` if it cannot be undone."""
    snaps = select(SourceSnapshot).order_by(SourceSnapshot.import_run_id.desc())
    latest = session.scalars(snaps).first()
    if latest is None:
        raise UndoError("no import has changed a filled store yet: there is nothing to undo")
    snap: SourceSnapshot | None = latest
    if run_id is not None:
        snap = session.scalars(select(SourceSnapshot).where(SourceSnapshot.import_run_id == run_id)).first()
        if snap is None:
            run = session.get(ImportRun, run_id)
            raise UndoError(
                f"import run {run_id} does not exist" if run is None else
                f"import run {run_id} ({run.source_file}) changed nothing or filled an empty store: "
                "there is no earlier state to go back to"
            )
        if snap.import_run_id != latest.import_run_id:
            later = session.get(ImportRun, latest.import_run_id)
            assert later is not None
            raise UndoError(
                f"import run {latest.import_run_id} ({later.source_file}) changed the store after "
                f"run {run_id}: undo it first (kintl-pub undo-import {latest.import_run_id})"
            )
    assert snap is not None
    run = session.get(ImportRun, snap.import_run_id)
    assert run is not None
    return run, snap
