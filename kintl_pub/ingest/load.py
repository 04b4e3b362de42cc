"""Write a parsed sheet into the store, in one transaction.

Re-import is idempotent: rows are matched by their stable identity
(initiative number; programme position within it; tree numbers), unchanged
fields are not touched, and every changed field becomes a SourceRevision
(who, when, old, new) so later stages can tell a source text changed.  An
import that changes a filled store keeps a snapshot of what was there
(:mod:`.undo`), so ``kintl-pub undo-import`` can put it back.

:func:`import_file` is the whole guarded path: read (:mod:`.limits`), parse,
check what the sheet would remove or renumber (:mod:`.guard`), load.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, selectinload

from ..project import DATA_DIR, acting_user
from ..store.models import (
    PROGRAM_COLUMNS,
    Anomaly,
    Direction,
    Focus,
    ImportRun,
    Initiative,
    Policy,
    Program,
    SourceRevision,
    SourceSnapshot,
)
from . import guard, undo
from .limits import SheetLimits, read_sheet_file
from .model import CorrectionError, ParsedInitiative, ParsedProgram, ParsedSheet, RemovalError


@dataclass
class SheetImportReport:
    source_file: str
    initiatives: int = 0
    programs: int = 0
    created: int = 0  # rows created (tree + initiatives + programmes)
    changed_fields: int = 0
    removed: int = 0
    anomalies: int = 0
    revisions: list[tuple[str, str]] = field(default_factory=list)  # (entity_key, field)
    run_id: int | None = None
    undoable: bool = False  # a snapshot of the store before this run was kept
    allowed: list[str] = field(default_factory=list)  # guard problems imported with --allow-removals

    @property
    def unchanged(self) -> bool:
        return self.created == 0 and self.changed_fields == 0 and self.removed == 0


class _Writer:
    def __init__(self, session: Session, who: str, report: SheetImportReport) -> None:
        self.session = session
        self.who = who
        self.report = report
        self.run: ImportRun | None = None

    def set(self, obj: object, attr: str, value: object, *, entity: str, key: str) -> None:
        """Assign only when different, recording a revision for existing rows."""
        old = getattr(obj, attr)
        if old == value:
            return
        setattr(obj, attr, value)
        if getattr(obj, "id", None) is None:
            return  # a new row: creation is not a revision
        self.report.changed_fields += 1
        self.report.revisions.append((key, attr))
        self.session.add(
            SourceRevision(
                entity=entity,
                entity_key=key,
                field=attr,
                old=None if old is None else str(old),
                new=None if value is None else str(value),
                who=self.who,
                import_run_id=self.run.id if self.run else None,
            )
        )


def load_sheet(
    session: Session, sheet: ParsedSheet, *, who: str | None = None, run_name: str | None = None
) -> SheetImportReport:
    """Write ``sheet`` into the store.  The caller owns the transaction.
    ``run_name`` names the run in the log (default: the sheet's file name)."""
    who = acting_user(who)
    report = SheetImportReport(source_file=sheet.source_file)
    before = undo.take(session)  # before anything is written (autoflush)
    w = _Writer(session, who, report)
    run = ImportRun(source_file=run_name or sheet.source_file, sha256=sheet.sha256, who=who)
    session.add(run)
    session.flush()
    w.run = run
    report.run_id = run.id

    focuses = _load_tree(w, sheet)
    existing = {
        i.number: i
        for i in session.scalars(select(Initiative).options(selectinload(Initiative.programs)))
    }
    for pi in sheet.initiatives:
        _load_initiative(w, pi, existing.get(pi.number), focuses, sheet.source_file)
    seen = {pi.number for pi in sheet.initiatives}
    for number, ini in existing.items():
        if number not in seen:
            _remove_initiative(w, number, ini)
    _replace_anomalies(session, sheet)
    report.anomalies = len(sheet.anomalies)
    run.initiatives = report.initiatives
    run.programs = report.programs
    run.changed_fields = report.changed_fields
    if before is not None and not report.unchanged:
        session.add(SourceSnapshot(import_run_id=run.id, data=before))
        report.undoable = True
    session.flush()
    return report


def _load_tree(w: _Writer, sheet: ParsedSheet) -> dict[tuple[int, int, int], Focus]:
    """Policies, directions and focus areas (created or retitled); returns
    the focus areas by (policy, direction, focus) number."""
    session, report = w.session, w.report
    policies = {p.number: p for p in session.scalars(select(Policy))}
    directions = {
        (d.policy.number, d.number): d
        for d in session.scalars(select(Direction).options(selectinload(Direction.policy)))
    }
    focuses = {
        (f.direction.policy.number, f.direction.number, f.number): f
        for f in session.scalars(
            select(Focus).options(selectinload(Focus.direction).selectinload(Direction.policy))
        )
    }

    for pn, title in sorted(sheet.policies.items()):
        pol = policies.get(pn)
        if pol is None:
            pol = policies[pn] = Policy(number=pn, title=title)
            session.add(pol)
            report.created += 1
        w.set(pol, "title", title, entity="policy", key=f"policy:{pn}")
    session.flush()
    for (pn, dn), title in sorted(sheet.directions.items()):
        d = directions.get((pn, dn))
        if d is None:
            d = directions[(pn, dn)] = Direction(policy=policies[pn], number=dn, title=title)
            session.add(d)
            report.created += 1
        w.set(d, "title", title, entity="direction", key=f"direction:{pn}:{dn}")
    session.flush()
    for (pn, dn, fn), title in sorted(sheet.focuses.items()):
        f = focuses.get((pn, dn, fn))
        if f is None:
            f = focuses[(pn, dn, fn)] = Focus(direction=directions[(pn, dn)], number=fn, title=title)
            session.add(f)
            report.created += 1
        w.set(f, "title", title, entity="focus", key=f"focus:{pn}:{dn}:{fn}")
    session.flush()
    return focuses


def _load_initiative(
    w: _Writer,
    pi: ParsedInitiative,
    ini: Initiative | None,
    focuses: dict[tuple[int, int, int], Focus],
    source_file: str,
) -> None:
    focus = focuses[(pi.policy, pi.direction, pi.focus)]
    if ini is None:
        # New rows are built in memory and flushed once at the end: no
        # per-initiative round trip, so import cost stays linear and small.
        ini = Initiative(number=pi.number, title=pi.title, focus=focus)
        ini.programs = [_new_program(pos, pp, source_file) for pos, pp in enumerate(pi.programs)]
        w.session.add(ini)
        w.report.created += 1 + len(pi.programs)
    else:
        key = f"initiative:{pi.number}"
        w.set(ini, "title", pi.title, entity="initiative", key=key)
        if ini.focus_id != focus.id:
            w.set(ini, "focus_id", focus.id, entity="initiative", key=key)
        _load_programs(w, ini, pi.programs, source_file)
    w.report.initiatives += 1
    w.report.programs += len(pi.programs)


def _remove_initiative(w: _Writer, number: int, ini: Initiative) -> None:
    """An initiative the new sheet no longer has: deleted, its title kept as a revision."""
    w.session.add(
        SourceRevision(
            entity="initiative", entity_key=f"initiative:{number}", field="*",
            old=ini.title, new=None, who=w.who, import_run_id=w.run.id if w.run else None,
        )
    )
    w.session.delete(ini)
    w.report.removed += 1


def _replace_anomalies(session: Session, sheet: ParsedSheet) -> None:
    """Anomalies describe the latest import only."""
    session.execute(delete(Anomaly))
    for a in sheet.anomalies:
        session.add(
            Anomaly(
                initiative_number=a.initiative_number, line=a.line, kind=a.kind,
                message=a.message, decision=a.decision, corrected=a.corrected,
            )
        )


def _new_program(pos: int, pp: ParsedProgram, source_file: str) -> Program:
    row = Program(position=pos, source_file=source_file, line_start=pp.line_start, line_end=pp.line_end)
    for col in PROGRAM_COLUMNS:
        setattr(row, col, getattr(pp, col))
    return row


def _load_programs(
    w: _Writer, ini: Initiative, programs: list[ParsedProgram], source_file: str
) -> None:
    by_pos = {p.position: p for p in ini.programs}
    for pos, pp in enumerate(programs):
        row = by_pos.get(pos)
        key = f"program:{ini.number}:{pos}"
        if row is None:
            ini.programs.append(_new_program(pos, pp, source_file))
            w.report.created += 1
            continue
        for col in PROGRAM_COLUMNS:
            w.set(row, col, getattr(pp, col), entity="program", key=key)
        # provenance is not source text: update silently
        row.source_file, row.line_start, row.line_end = source_file, pp.line_start, pp.line_end
    for pos, row in by_pos.items():
        if pos >= len(programs):
            w.session.add(
                SourceRevision(
                    entity="program", entity_key=f"program:{ini.number}:{pos}", field="*",
                    old=row.name, new=None, who=w.who,
                    import_run_id=w.run.id if w.run else None,
                )
            )
            ini.programs.remove(row)
            w.report.removed += 1


def default_corrections() -> Path:
    return DATA_DIR / "corrections.toml"


def import_file(
    session: Session,
    path: Path,
    *,
    who: str | None = None,
    corrections: Path | None = None,
    allow_removals: bool = False,
    limits: SheetLimits | None = None,
) -> SheetImportReport:
    """Read, parse, guard and load ``path``.  Raises ``SheetError`` before
    writing anything if the file is not a usable sheet, or (``RemovalError``)
    if it would remove or renumber what the store has and ``allow_removals``
    is not set."""
    from .parse import parse_sheet

    limits = limits or SheetLimits.from_env()
    raw = read_sheet_file(Path(path), limits)
    if corrections is None:
        c = default_corrections()
        corrections = c if c.exists() else None
    try:
        sheet = parse_sheet(raw, source_file=Path(path).name, corrections=corrections, limits=limits)
    except CorrectionError as exc:
        # A correction that no longer applies usually means the sheet lost the
        # text it fixes (a deleted line, a renumbered row): name that cause first.
        bare = parse_sheet(raw, source_file=Path(path).name, corrections=None, limits=limits)
        lost = guard.check(session, bare)
        # No loss against a store that has initiatives: the correction's target
        # was removed by an earlier, allowed import — it goes with it.
        if not lost and session.scalar(select(func.count()).select_from(Initiative)) == 0:
            raise
        if not allow_removals:
            try:
                guard.refuse_unless_allowed(lost, allow_removals)
            except RemovalError as removal:
                raise RemovalError(f"{removal}\n(and so a source correction no longer applies: {exc})") from exc
        # The removal is allowed (now, or by the earlier import that left the
        # store without it): corrections of initiatives that are gone go with them.
        sheet = parse_sheet(raw, source_file=Path(path).name, corrections=corrections, limits=limits,
                            skip_absent=True)
    problems = guard.check(session, sheet)
    guard.refuse_unless_allowed(problems, allow_removals)
    report = load_sheet(session, sheet, who=who)
    report.allowed = problems
    return report


def undo_import(session: Session, run_id: int | None = None, *, who: str | None = None) -> tuple[ImportRun, SheetImportReport]:
    """Put the store's source back as it was before import run ``run_id``
    (default: the latest run that changed it).  Returns the undone run and
    the report of the undo (itself a run with a snapshot: undoable)."""
    run, snap = undo.find(session, run_id)
    sheet = undo.to_sheet(snap.data, source_file=snap.data["source_file"])
    report = load_sheet(session, sheet, who=who, run_name=f"undo of import run {run.id} ({run.source_file})")
    return run, report
