"""The export schema (DESIGN.md): one dict per initiative, sorted by number.

Also the base of the public JSON API.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from .models import PROGRAM_EXPORT_FIELDS, Anomaly, Direction, Focus, Initiative


def program_dict(p: Any) -> dict[str, Any]:
    return {f: getattr(p, f) for f in PROGRAM_EXPORT_FIELDS}


def initiative_dict(ini: Initiative, anomalies: list[str]) -> dict[str, Any]:
    f = ini.focus
    d = f.direction
    pol = d.policy
    return {
        "number": ini.number,
        "title": ini.title,
        "policy": {"number": pol.number, "title": pol.title},
        "direction": {"number": d.number, "title": d.title},
        "focus": {"number": f.number, "title": f.title},
        "programs": [program_dict(p) for p in ini.programs],
        "anomalies": anomalies,
    }


def export_initiatives(session: Session) -> list[dict[str, Any]]:
    inis = session.scalars(
        select(Initiative)
        .order_by(Initiative.number)
        .options(
            selectinload(Initiative.programs),
            selectinload(Initiative.focus).selectinload(Focus.direction).selectinload(Direction.policy),
        )
    ).all()
    notes: dict[int, list[str]] = {}
    for a in session.scalars(select(Anomaly).order_by(Anomaly.line, Anomaly.id)):
        if a.initiative_number is not None:
            notes.setdefault(a.initiative_number, []).append(
                f"line {a.line}: {a.kind}: {a.message} → {a.decision}"
            )
    return [initiative_dict(i, notes.get(i.number, [])) for i in inis]
