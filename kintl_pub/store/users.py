"""Accounts, roles and the permission rules every writer asks.

Roles (an account has at least one):

* **translator** for locales (``User.locales``, URL codes or ``*``): may save
  translations in those locales;
* **reviewer** for locales (``User.review_locales``): may approve or reject
  (approval still needs a second person: ``catalogs.states``); a reviewer may
  also correct the text, so reviewing a locale includes translating it;
* **editor**: source corrections, readings, glossary, lexicon, terms, and
  Easy Japanese (translate and review ``ja-easy``);
* **admin**: manages accounts (``kintl-pub users`` or the workspace).

The same rules serve the workspace and ``catalogs import --as`` (:func:`require`).
Passwords are hashed with scrypt (Werkzeug); names are case-insensitively
unique and of a safe alphabet.  Every change to an account and every login
is in the audit log (``records.AuditEvent``).
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from .. import locales
from .models import User
from .records import AuditEvent, LoginSession

#: letters, digits and . _ - inside; a letter or digit at both ends; no ".."
USERNAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,62}[A-Za-z0-9]$")
MIN_PASSWORD = 12
MAX_PASSWORD = 1024  # scrypt reads all of it: no megabyte "passwords"
HASH_METHOD = "scrypt"
ALL = "*"

#: what the audit log records
AUDIT_ACTIONS = ("login", "login-failed", "logout", "add", "roles", "disable", "enable", "password")


class UserError(ValueError):
    """A refused account change (the message says why)."""


class PermissionDenied(PermissionError):
    """The account may not do this (the message says why)."""


# --------------------------------------------------------------------------
# Names, passwords, locale lists
# --------------------------------------------------------------------------


def check_name(username: str) -> str:
    name = username.strip()
    if not USERNAME_RE.match(name) or ".." in name:
        raise UserError(
            "username: 2–64 characters of letters a–z, digits and . _ - "
            "(a letter or digit first and last, no '..')"
        )
    return name


def check_password(password: str, username: str = "") -> None:
    if len(password) > MAX_PASSWORD:
        raise UserError(f"password must have at most {MAX_PASSWORD} characters")
    if len(password.strip()) < MIN_PASSWORD:
        raise UserError(f"password must have at least {MIN_PASSWORD} characters (not counting blanks at the ends)")
    if len(set(password)) < 4:
        raise UserError("password must not repeat one or two characters")
    if username and password.strip().lower() == username.lower():
        raise UserError("password must not be the username")


def parse_locales(spec: str) -> str:
    """``"en ko"`` / ``"en,ko"`` / ``"*"`` / ``""`` → the stored form."""
    spec = spec.strip()
    if spec == ALL:
        return ALL
    codes = [c for c in re.split(r"[\s,]+", spec) if c]
    for c in codes:
        if c not in locales.BY_CODE or c == locales.SOURCE.code:
            targets = ", ".join(loc.code for loc in locales.TARGETS)
            raise UserError(f"unknown or non-target locale {c!r}; choose from: {targets} (or *)")
    return " ".join(dict.fromkeys(codes))


def _has(spec: str, locale: str) -> bool:
    return spec == ALL or locale in spec.split()


# --------------------------------------------------------------------------
# Permissions (one set of rules for the workspace and the CLI)
# --------------------------------------------------------------------------


def may_translate(user: User, locale: str) -> bool:
    if user.disabled or locale not in locales.BY_CODE or locale == locales.SOURCE.code:
        return False
    if locale == locales.EASY.code and user.is_editor:
        return True
    return _has(user.locales, locale) or _has(user.review_locales, locale)


def may_review(user: User, locale: str) -> bool:
    if user.disabled or locale not in locales.BY_CODE or locale == locales.SOURCE.code:
        return False
    if locale == locales.EASY.code and user.is_editor:
        return True
    return _has(user.review_locales, locale)


def may_edit_source(user: User) -> bool:
    """Source corrections, readings, glossary, lexicon and terms."""
    return user.is_editor and not user.disabled


def may_admin(user: User) -> bool:
    return user.is_admin and not user.disabled


#: kept for older callers: "may this account save text in this locale?"
may_edit = may_translate


def translate_locales(user: User) -> list[str]:
    """URL codes this account may translate, in table order."""
    return [loc.code for loc in locales.TARGETS if may_translate(user, loc.code)]


def roles(user: User) -> list[str]:
    out = []
    if user.is_admin:
        out.append("admin")
    if user.is_editor:
        out.append("editor")
    if user.locales:
        out.append(f"translator ({user.locales})")
    if user.review_locales:
        out.append(f"reviewer ({user.review_locales})")
    return out


def describe(user: User) -> str:
    return ", ".join(roles(user)) + (" [disabled]" if user.disabled else "")


def find(session: Session, username: str) -> User | None:
    """The account named ``username``, whatever its case."""
    return session.scalars(
        select(User).where(func.lower(User.username) == username.strip().lower())
    ).first()


def require(session: Session, username: str, locale: str, *, review: bool = False) -> User:
    """The enabled account ``username`` allowed to write (``review``: approve)
    in ``locale``; else :class:`PermissionDenied` with the reason."""
    user = find(session, username)
    if user is None:
        raise PermissionDenied(
            f"no account named {username!r}: credit an existing account "
            "(kintl-pub users list; an admin adds one with kintl-pub users add)"
        )
    if user.disabled:
        raise PermissionDenied(f"the account {user.username!r} is disabled")
    allowed = may_review(user, locale) if review else may_translate(user, locale)
    if not allowed:
        mine = ", ".join(translate_locales(user)) or "none"
        what = "review" if review else "translate"
        raise PermissionDenied(f"{user.username!r} may not {what} {locale} (may translate: {mine})")
    return user


# --------------------------------------------------------------------------
# Changing accounts (each change is audited)
# --------------------------------------------------------------------------


def audit(session: Session, actor: str, action: str, target: str = "", detail: str = "",
          address: str = "") -> None:
    session.add(AuditEvent(actor=actor[:128], action=action, target=target[:128],
                           detail=detail, address=address[:64], at=datetime.now(UTC)))


@dataclass(frozen=True)
class RoleSpec:
    """Roles to give; ``None`` = leave as it is (for :func:`set_roles`)."""

    locales: str | None = None
    review: str | None = None
    editor: bool | None = None
    admin: bool | None = None


def _apply_roles(user: User, spec: RoleSpec) -> None:
    if spec.locales is not None:
        user.locales = parse_locales(spec.locales)
    if spec.review is not None:
        user.review_locales = parse_locales(spec.review)
    if spec.editor is not None:
        user.is_editor = spec.editor
    if spec.admin is not None:
        user.is_admin = spec.admin
    if not roles(user):
        raise UserError("an account needs a role: translator or reviewer locales, --editor or --admin")


def add_user(
    session: Session, username: str, password: str, *, locale_spec: str = "", review: str = "",
    editor: bool = False, admin: bool = False, actor: str = "",
) -> User:
    name = check_name(username)
    check_password(password, name)
    if find(session, name) is not None:
        raise UserError(f"user {name!r} already exists (names are compared without case)")
    user = User(username=name, password_hash=generate_password_hash(password, method=HASH_METHOD),
                locales="", review_locales="", is_editor=False, is_admin=False, disabled=False)
    _apply_roles(user, RoleSpec(locale_spec, review, editor, admin))
    session.add(user)
    session.flush()
    audit(session, actor or name, "add", name, describe(user))
    return user


def _get(session: Session, username: str) -> User:
    user = find(session, username)
    if user is None:
        raise UserError(f"no account named {username!r}")
    return user


def set_roles(session: Session, username: str, spec: RoleSpec, *, actor: str) -> User:
    user = _get(session, username)
    before = describe(user)
    _apply_roles(user, spec)
    after = describe(user)
    if after != before:
        audit(session, actor, "roles", user.username, f"{before} → {after}")
    session.flush()
    return user


def set_disabled(session: Session, username: str, disabled: bool, *, actor: str) -> User:
    user = _get(session, username)
    if user.disabled != disabled:
        user.disabled = disabled
        audit(session, actor, "disable" if disabled else "enable", user.username)
        if disabled:
            end_all_logins(session, user)
    session.flush()
    return user


def set_password(session: Session, username: str, password: str, *, actor: str) -> User:
    user = _get(session, username)
    check_password(password, user.username)
    user.password_hash = generate_password_hash(password, method=HASH_METHOD)
    audit(session, actor, "password", user.username)
    end_all_logins(session, user)  # a stolen session does not outlive a new password
    session.flush()
    return user


# --------------------------------------------------------------------------
# Logging in
# --------------------------------------------------------------------------

_DUMMY_HASH: str | None = None


def authenticate(session: Session, username: str, password: str, *, address: str = "") -> User | None:
    """The enabled account if the password is right; every attempt is audited."""
    global _DUMMY_HASH
    user = find(session, username) if USERNAME_RE.match(username.strip() or "-") else None
    if _DUMMY_HASH is None:
        _DUMMY_HASH = generate_password_hash(secrets.token_hex(8), method=HASH_METHOD)
    # Hash even for unknown users so timing does not reveal who exists.
    ok = check_password_hash(user.password_hash if user else _DUMMY_HASH, password[:MAX_PASSWORD])
    if user is not None and ok and not user.disabled:
        audit(session, user.username, "login", user.username, address=address)
        return user
    why = "disabled" if (user is not None and ok) else "wrong name or password"
    audit(session, username.strip()[:64] or "?", "login-failed", username.strip()[:64], why, address)
    return None


def verify_password(user: User, password: str) -> bool:
    """Is ``password`` this account's (no audit entry: not a login)?"""
    return check_password_hash(user.password_hash, password[:MAX_PASSWORD])


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_login(session: Session, user: User, *, address: str = "") -> str:
    """A new login session for ``user``; returns the token the browser keeps."""
    token = secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    session.add(LoginSession(token_hash=_token_hash(token), user_id=user.id, created_at=now,
                             last_seen=now, address=address[:64]))
    session.flush()
    return token


def user_for_token(session: Session, token: str | None, *, lifetime: timedelta,
                   idle: timedelta) -> User | None:
    """The account of a live login session (not ended, not expired, not idle
    too long, account enabled); None otherwise."""
    if not token or len(token) > 128:
        return None
    row = session.scalars(select(LoginSession).where(LoginSession.token_hash == _token_hash(token))).first()
    if row is None or row.ended_at is not None:
        return None
    now = datetime.now(UTC)
    created, seen = _aware(row.created_at), _aware(row.last_seen)
    if now - created > lifetime or now - seen > idle:
        return None
    user = session.get(User, row.user_id)
    if user is None or user.disabled:
        return None
    if now - seen > timedelta(minutes=1):  # one write a minute, not one per request
        row.last_seen = now
    return user


def end_login(session: Session, token: str | None) -> None:
    if token:
        session.execute(update(LoginSession).where(LoginSession.token_hash == _token_hash(token),
                                                   LoginSession.ended_at.is_(None))
                        .values(ended_at=datetime.now(UTC)))


def end_all_logins(session: Session, user: User) -> None:
    session.execute(update(LoginSession).where(LoginSession.user_id == user.id,
                                               LoginSession.ended_at.is_(None))
                    .values(ended_at=datetime.now(UTC)))


def _aware(dt: datetime) -> datetime:
    # SQLite hands back naive datetimes (stored as UTC)
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def audit_log(session: Session, limit: int = 200) -> list[AuditEvent]:
    return list(session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)))
