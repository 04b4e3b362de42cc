"""Store commands: ``users add|set-role|disable|enable|password|list|audit``.

Every change is credited to the acting user (``cli:<name>``) in the audit
log, like an admin's change in the workspace.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import click

from ..project import acting_user


def register(cli: click.Group) -> None:
    cli.add_command(users)


def _actor() -> str:
    return f"cli:{acting_user()}"


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    return str(click.prompt("Password", hide_input=True, confirmation_prompt=True))


def _change(fn: Callable[[Any], Any]) -> Any:
    """Run ``fn(session)`` in one transaction; a refused change is a clean error."""
    from .db import init_db, transaction
    from .users import UserError

    init_db()
    try:
        with transaction() as s:
            return fn(s)
    except UserError as exc:
        raise click.ClickException(f"{exc}\nNothing was changed.") from exc


_locales_opt = click.option("--locales", "locale_spec", default=None,
                            help='Locales the user may translate, e.g. "en ko" or "*".')
_review_opt = click.option("--review", default=None, help='Locales the user may approve, e.g. "en" or "*".')


@click.group()
def users() -> None:
    """Accounts: translators, reviewers, editors, admins."""


@users.command("add")
@click.argument("username")
@_locales_opt
@_review_opt
@click.option("--editor", is_flag=True, help="Source corrections, Easy Japanese, readings, glossary, terms.")
@click.option("--admin", is_flag=True, help="Manages accounts.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def users_add(username: str, locale_spec: str | None, review: str | None, editor: bool, admin: bool,
              password_stdin: bool) -> None:
    """Create an account (the password is asked for, never given as an argument)."""
    from .users import add_user, describe

    password = _password(password_stdin)
    u = _change(lambda s: add_user(s, username, password, locale_spec=locale_spec or "", review=review or "",
                                   editor=editor, admin=admin, actor=_actor()))
    click.echo(f"Added {u.username}: {describe(u)}.")


@users.command("set-role")
@click.argument("username")
@_locales_opt
@_review_opt
@click.option("--editor/--no-editor", default=None)
@click.option("--admin/--no-admin", default=None)
def users_set_role(username: str, locale_spec: str | None, review: str | None, editor: bool | None,
                   admin: bool | None) -> None:
    """Change an account's roles (options left out stay as they are; "" removes locales)."""
    from .users import RoleSpec, describe, set_roles

    u = _change(lambda s: set_roles(s, username, RoleSpec(locale_spec, review, editor, admin), actor=_actor()))
    click.echo(f"{u.username}: {describe(u)}.")


@users.command("disable")
@click.argument("username")
def users_disable(username: str) -> None:
    """Disable an account: it cannot log in or be credited, its sessions end."""
    from .users import set_disabled

    u = _change(lambda s: set_disabled(s, username, True, actor=_actor()))
    click.echo(f"{u.username} is disabled.")


@users.command("enable")
@click.argument("username")
def users_enable(username: str) -> None:
    """Enable a disabled account again."""
    from .users import set_disabled

    u = _change(lambda s: set_disabled(s, username, False, actor=_actor()))
    click.echo(f"{u.username} is enabled.")


@users.command("password")
@click.argument("username")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def users_password(username: str, password_stdin: bool) -> None:
    """Set a new password (ends the account's open sessions)."""
    from .users import set_password

    password = _password(password_stdin)
    u = _change(lambda s: set_password(s, username, password, actor=_actor()))
    click.echo(f"New password set for {u.username}.")


@users.command("list")
def users_list() -> None:
    """List accounts and what they may do."""
    from sqlalchemy import select

    from .db import init_db, transaction
    from .models import User
    from .users import describe

    init_db()
    with transaction() as s:
        for u in s.scalars(select(User).order_by(User.username)):
            click.echo(f"{u.username}\t{u.locales}\t{describe(u)}")


@users.command("audit")
@click.option("--limit", type=click.IntRange(1, 100_000), default=50, show_default=True)
def users_audit(limit: int) -> None:
    """The audit log: logins and account changes, newest first."""
    from .db import init_db, transaction
    from .users import audit_log

    init_db()
    with transaction() as s:
        for e in audit_log(s, limit):
            click.echo(f"{e.at:%Y-%m-%d %H:%M:%S}\t{e.actor}\t{e.action}\t{e.target}\t{e.detail}\t{e.address}")
