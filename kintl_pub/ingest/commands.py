"""Ingest commands: ``import``, ``export``, ``anomalies``."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..segment import SyncReport


def register(cli: click.Group) -> None:
    cli.add_command(import_cmd)
    cli.add_command(undo_import_cmd)
    cli.add_command(export_cmd)
    cli.add_command(anomalies_cmd)


@click.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--if-empty", is_flag=True, help="Do nothing if the store already holds initiatives.")
@click.option("--as", "who", default=None, help="Whom to credit for changed text (default: $KINTL_USER or OS user).")
@click.option(
    "--corrections",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Editor corrections file (default: data/corrections.toml).",
)
@click.option("--allow-removals", is_flag=True,
              help="Import even if the sheet removes or renumbers initiatives or programme rows "
                   "the store has (undo with `undo-import`).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None,
              help="Largest file to read (default 4 MiB, or $KINTL_IMPORT_MAX_BYTES).")
def import_cmd(
    path: Path, if_empty: bool, who: str | None, corrections: Path | None,
    allow_removals: bool, max_bytes: int | None,
) -> None:
    """Import the progress sheet at PATH into the store (one transaction)."""
    from sqlalchemy import func, select

    from ..store.db import init_db, transaction
    from ..store.models import Initiative
    from .limits import SheetLimits
    from .load import import_file

    init_db()
    if if_empty:
        with transaction() as s:
            if s.scalar(select(func.count()).select_from(Initiative)):
                click.echo("Store already holds initiatives; import skipped (--if-empty).")
                return
    with _refused(f"{path}: "):
        limits = SheetLimits.from_env(max_bytes=max_bytes)
        with transaction() as s:
            report = import_file(s, path, who=who, corrections=corrections,
                                 allow_removals=allow_removals, limits=limits)
            seg, outdated = _sync(s)
    click.echo(
        f"Imported {path.name}: {report.initiatives} initiatives, {report.programs} programme rows, "
        f"{report.anomalies} anomalies; "
        + ("no changes." if report.unchanged else
           f"{report.created} rows created, {report.changed_fields} fields changed, {report.removed} removed.")
    )
    _echo_segments(seg, outdated)
    for problem in report.allowed:
        click.echo(f"  allowed (--allow-removals): {problem}")
    if report.undoable:
        click.echo(f"Import run {report.run_id}; to put the store back as it was before it: "
                   f"kintl-pub undo-import {report.run_id}")


@click.command("undo-import")
@click.argument("run", type=int, required=False)
@click.option("--as", "who", default=None, help="Whom to credit (default: $KINTL_USER or OS user).")
def undo_import_cmd(run: int | None, who: str | None) -> None:
    """Put the store's source back as it was before import RUN (default: the
    latest import that changed it).  The undo is itself an import run."""
    from ..store.db import init_db, transaction
    from .load import undo_import

    init_db()
    with _refused(), transaction() as s:
        undone, report = undo_import(s, run, who=who)
        label = f"import run {undone.id} ({undone.source_file}, by {undone.who})"
        seg, outdated = _sync(s)
    click.echo(
        f"Undid {label}: {report.initiatives} initiatives, {report.programs} programme rows; "
        f"{report.created} rows restored, {report.changed_fields} fields changed back, "
        f"{report.removed} removed."
    )
    _echo_segments(seg, outdated)
    click.echo(f"This undo is import run {report.run_id} (kintl-pub undo-import {report.run_id} redoes it).")


@contextmanager
def _refused(prefix: str = "") -> Iterator[None]:
    """A ``SheetError`` (raised before the transaction commits) as one line."""
    from .model import SheetError

    try:
        yield
    except SheetError as exc:
        raise click.ClickException(f"{prefix}{exc} (nothing was changed)") from exc


def _sync(session: Session) -> tuple[SyncReport, int]:
    """Segments follow the stored source; translations of changed places
    become outdated (the search index waits for ``prepare``)."""
    from ..prepare import refresh

    done = refresh(session, index=False)
    return done.segments, done.outdated


def _echo_segments(seg: SyncReport, outdated: int) -> None:
    click.echo(f"Segments: {seg.total} ({seg.added} new, {len(seg.changes)} changed, {seg.removed} removed)"
               + (f"; {outdated} translations marked outdated." if outdated else "."))


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True)
def export_cmd(fmt: str) -> None:
    """Print every initiative in the export schema (JSON array, sorted by number)."""
    from ..store.db import init_db, transaction
    from ..store.export import export_initiatives

    init_db()
    with transaction() as s:
        data = export_initiatives(s)
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


@click.command("anomalies")
@click.option("--initiative", type=int, default=None, help="Only this initiative.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def anomalies_cmd(initiative: int | None, as_json: bool) -> None:
    """List what the importer found that needs a human, and what it decided."""
    from sqlalchemy import select

    from ..store.db import init_db, transaction
    from ..store.models import Anomaly

    init_db()
    with transaction() as s:
        q = select(Anomaly).order_by(Anomaly.line, Anomaly.id)
        if initiative is not None:
            q = q.where(Anomaly.initiative_number == initiative)
        rows = s.scalars(q).all()
        items = [
            {
                "initiative": a.initiative_number, "line": a.line, "kind": a.kind,
                "message": a.message, "decision": a.decision, "corrected": a.corrected,
            }
            for a in rows
        ]
    if as_json:
        json.dump(items, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    if not items:
        click.echo("No anomalies.")
        return
    for it in items:
        ini = "—" if it["initiative"] is None else f"#{it['initiative']}"
        mark = " [corrected]" if it["corrected"] else ""
        click.echo(f"line {it['line']:>4}  {ini:>5}  {it['kind']}{mark}\n"
                   f"      seen:    {it['message']}\n      decided: {it['decision']}")
    click.echo(f"{len(items)} anomalies.")
