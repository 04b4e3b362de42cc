"""Translator and editor accounts.  Passwords are hashed (scrypt via
Werkzeug); locales are URL codes a user may edit, or "*" for all."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from .. import locales
from .models import User

USERNAME_RE = re.compile(r"^[A-Za-z0-9_.@-]{2,64}$")
MIN_PASSWORD = 12


class UserError(ValueError):
    pass


def parse_locales(spec: str) -> str:
    spec = spec.strip()
    if spec == "*":
        return "*"
    codes = [c for c in re.split(r"[\s,]+", spec) if c]
    for c in codes:
        if c == "ja" or c not in locales.BY_CODE:
            targets = ", ".join(loc.code for loc in locales.TARGETS)
            raise UserError(f"unknown or non-target locale {c!r}; choose from: {targets} (or *)")
    return " ".join(dict.fromkeys(codes))


def add_user(
    session: Session, username: str, password: str, *, locale_spec: str, editor: bool = False
) -> User:
    if not USERNAME_RE.match(username):
        raise UserError("username: 2–64 characters of letters, digits, _ . @ -")
    if len(password) < MIN_PASSWORD:
        raise UserError(f"password must have at least {MIN_PASSWORD} characters")
    if session.scalars(select(User).where(User.username == username)).first():
        raise UserError(f"user {username!r} already exists")
    user = User(
        username=username,
        password_hash=generate_password_hash(password),
        locales=parse_locales(locale_spec),
        is_editor=editor,
    )
    session.add(user)
    session.flush()
    return user


def authenticate(session: Session, username: str, password: str) -> User | None:
    user = session.scalars(select(User).where(User.username == username)).first()
    # Hash even for unknown users so timing does not reveal who exists.
    digest = user.password_hash if user else generate_password_hash("x")
    ok = check_password_hash(digest, password)
    return user if (user and ok) else None


def may_edit(user: User, locale: str) -> bool:
    if locale == locales.EASY.code and user.is_editor:
        return True
    return user.locales == "*" or locale in user.locales.split()
