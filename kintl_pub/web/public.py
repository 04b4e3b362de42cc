"""Public pages for residents."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, request, url_for
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from .. import locales
from ..store.models import Direction, Focus, Initiative, Policy
from . import db

bp = Blueprint("public", __name__)


@bp.get("/")
def root():
    code = request.cookies.get("lang")
    if code not in locales.BY_CODE:
        code = locales.negotiate(request.headers.get("Accept-Language"), default="ja")
    return redirect(url_for("public.tree", lang=code), code=302)


def _locale_or_404(lang: str) -> locales.LocaleInfo:
    loc = locales.BY_CODE.get(lang)
    if loc is None:
        abort(404)
    return loc


@bp.get("/<lang>/")
def tree(lang: str):
    loc = _locale_or_404(lang)
    policies = (
        db()
        .scalars(
            select(Policy)
            .order_by(Policy.number)
            .options(
                selectinload(Policy.directions)
                .selectinload(Direction.focuses)
                .selectinload(Focus.initiatives)
                .selectinload(Initiative.programs)
            )
        )
        .all()
    )
    return render_template("public/tree.html", loc=loc, policies=policies)


@bp.get("/<lang>/initiatives/<int:number>/")
def initiative(lang: str, number: int):
    loc = _locale_or_404(lang)
    ini = db().scalars(
        select(Initiative)
        .where(Initiative.number == number)
        .options(selectinload(Initiative.programs), selectinload(Initiative.focus))
    ).first()
    if ini is None:
        abort(404)
    numbers = db().scalars(select(Initiative.number).order_by(Initiative.number)).all()
    idx = numbers.index(number)
    prev_n = numbers[idx - 1] if idx > 0 else None
    next_n = numbers[idx + 1] if idx + 1 < len(numbers) else None
    return render_template(
        "public/initiative.html", loc=loc, ini=ini, prev_n=prev_n, next_n=next_n
    )
