"""Store commands: ``users add`` / ``users list``."""

from __future__ import annotations

import sys

import click


def register(cli: click.Group) -> None:
    cli.add_command(users)


@click.group()
def users() -> None:
    """Translator and editor accounts."""


@users.command("add")
@click.argument("username")
@click.option("--locales", "locale_spec", required=True,
              help='Locales the user may edit, e.g. "en ko" or "*".')
@click.option("--editor", is_flag=True, help="May also edit Easy Japanese and source corrections.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def users_add(username: str, locale_spec: str, editor: bool, password_stdin: bool) -> None:
    """Create an account (the password is asked for, never given as an argument)."""
    from ..store.db import init_db, transaction
    from .users import UserError, add_user

    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    init_db()
    try:
        with transaction() as s:
            u = add_user(s, username, password, locale_spec=locale_spec, editor=editor)
            click.echo(f"Added {u.username} (locales: {u.locales}{', editor' if u.is_editor else ''}).")
    except UserError as exc:
        raise click.ClickException(str(exc)) from exc


@users.command("list")
def users_list() -> None:
    """List accounts and what they may edit."""
    from sqlalchemy import select

    from ..store.db import init_db, transaction
    from ..store.models import User

    init_db()
    with transaction() as s:
        for u in s.scalars(select(User).order_by(User.username)):
            click.echo(f"{u.username}\t{u.locales}\t{'editor' if u.is_editor else ''}")
