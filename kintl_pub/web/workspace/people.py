"""Accounts in the workspace: admins add people, change their roles, disable
them and set passwords (the rules of ``store.users``, audited); everyone
changes their own password."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, request, url_for
from sqlalchemy import select
from werkzeug.wrappers import Response

from ...store import users
from ...store.models import User
from ..db import db
from . import bp, need, user, ws_render


def _people_page(error: str | None = None, status: int = 200) -> tuple[str, int]:
    accounts = list(db().scalars(select(User).order_by(User.username)))
    return ws_render("workspace/people.html", accounts=accounts, audit=users.audit_log(db(), 100),
                     error=error), status


@bp.get("/people/")
def people() -> tuple[str, int]:
    need(users.may_admin(user()))
    return _people_page()


def _spec(form: Any) -> users.RoleSpec:
    return users.RoleSpec(form.get("locales", "")[:200], form.get("review", "")[:200],
                          form.get("editor") == "1", form.get("admin") == "1")


@bp.post("/people/")
def people_save() -> Response | tuple[str, int]:
    me = user()
    need(users.may_admin(me))
    f = request.form
    action = f.get("action", "")
    name = f.get("username", "")[:64]
    try:
        if action == "add":
            if f.get("password", "") != f.get("password2", ""):
                raise users.UserError("the two passwords differ")
            spec = _spec(f)
            users.add_user(db(), name, f.get("password", ""), locale_spec=spec.locales or "",
                           review=spec.review or "", editor=bool(spec.editor), admin=bool(spec.admin),
                           actor=me.username)
        elif action == "roles":
            if name.lower() == me.username.lower() and f.get("admin") != "1":
                raise users.UserError("you cannot take away your own admin role (ask another admin)")
            users.set_roles(db(), name, _spec(f), actor=me.username)
        elif action in ("disable", "enable"):
            if name.lower() == me.username.lower():
                raise users.UserError("you cannot disable yourself")
            users.set_disabled(db(), name, action == "disable", actor=me.username)
        elif action == "password":
            users.set_password(db(), name, f.get("password", ""), actor=me.username)
        else:
            raise users.UserError("unknown action")
        db().commit()
    except users.UserError as exc:
        db().rollback()
        return _people_page(f"{exc} Nothing was changed.", 400)
    flash(f"{name}: saved.")
    return redirect(url_for("workspace.people"))


@bp.route("/account", methods=["GET", "POST"])
def account() -> Response | str | tuple[str, int]:
    me = user()
    if request.method == "POST":
        f = request.form
        error = None
        if not users.verify_password(me, f.get("current", "")):
            error = "Your current password is not right."
        elif f.get("password", "") != f.get("password2", ""):
            error = "The two new passwords differ."
        else:
            try:
                users.set_password(db(), me.username, f.get("password", ""), actor=me.username)
            except users.UserError as exc:
                error = str(exc)
        if error:
            db().rollback()
            return ws_render("workspace/account.html", error=error), 400
        db().commit()
        flash("Your password is changed; log in again.")
        return redirect(url_for("auth.login"))
    return ws_render("workspace/account.html", error=None)
