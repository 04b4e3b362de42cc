"""Accounts, roles and permission rules, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest
from click.testing import CliRunner
from sqlalchemy import inspect, text
from sqlalchemy.orm import Session

from kintl_pub.store.users import (
    PermissionDenied,
    RoleSpec,
    UserError,
    add_user,
    audit_log,
    authenticate,
    end_login,
    may_admin,
    may_edit_source,
    may_review,
    may_translate,
    require,
    set_disabled,
    set_password,
    set_roles,
    start_login,
    user_for_token,
)

PW = "a long enough pw"
HOUR, DAY = timedelta(hours=1), timedelta(days=1)


def test_password_is_hashed_with_scrypt_and_checked(any_engine):
    with Session(any_engine) as s, s.begin():
        u = add_user(s, "ana", "correct horse battery", locale_spec="pt-br es")
        assert "correct horse" not in u.password_hash
        assert u.password_hash.startswith("scrypt:")
    with Session(any_engine) as s, s.begin():
        assert authenticate(s, "ana", "correct horse battery") is not None
        assert authenticate(s, "ANA", "correct horse battery") is not None  # names without case
        assert authenticate(s, "ana", "wrong password!!") is None
        assert authenticate(s, "nobody", "correct horse battery") is None
        assert authenticate(s, "../etc", "correct horse battery") is None
    with Session(any_engine) as s:
        actions = [(e.action, e.target) for e in audit_log(s)]
        assert actions[:4] == [("login-failed", "../etc"), ("login-failed", "nobody"),
                               ("login-failed", "ana"), ("login", "ana")]


def test_roles_and_per_locale_permissions(any_engine):
    with Session(any_engine) as s, s.begin():
        t = add_user(s, "min", PW, locale_spec="ko")
        assert may_translate(t, "ko") and not may_translate(t, "en") and not may_translate(t, "ja-easy")
        assert not may_review(t, "ko") and not may_edit_source(t) and not may_admin(t)
        r = add_user(s, "rev", PW, review="ko en")
        assert may_review(r, "ko") and may_translate(r, "en") and not may_review(r, "th")
        e = add_user(s, "ed", PW, editor=True)
        assert may_translate(e, "ja-easy") and may_review(e, "ja-easy") and may_edit_source(e)
        assert not may_translate(e, "en")
        a = add_user(s, "boss", PW, admin=True)
        assert may_admin(a) and not may_translate(a, "en")
        star = add_user(s, "all", PW, locale_spec="*")
        assert may_translate(star, "th") and not may_translate(star, "ja")  # never the source


@pytest.mark.parametrize(
    ("name", "pw", "spec", "msg"),
    [
        ("x", PW, RoleSpec("en"), "username"),
        ("..", PW, RoleSpec("en"), "username"),
        ("a..b", PW, RoleSpec("en"), "username"),
        ("../etc", PW, RoleSpec("en"), "username"),
        ("x" * 65, PW, RoleSpec("en"), "username"),
        ("maría", PW, RoleSpec("en"), "username"),
        ("bob", "short", RoleSpec("en"), "at least 12"),
        ("bob", " " * 12, RoleSpec("en"), "at least 12"),
        ("bob", "  ab  " + " " * 10, RoleSpec("en"), "at least 12"),
        ("bob", "aaaaaaaaaaaaaa", RoleSpec("en"), "repeat"),
        ("ana-maria-01", "ANA-maria-01", RoleSpec("en"), "username"),
        ("bob", PW, RoleSpec("klingon"), "unknown"),
        ("bob", PW, RoleSpec("ja"), "unknown or non-target"),
        ("bob", PW, RoleSpec(""), "needs a role"),
        ("bob", PW, RoleSpec(None, "xx"), "unknown"),
    ],
)
def test_bad_accounts_are_refused(any_engine, name, pw, spec, msg):
    with Session(any_engine) as s, pytest.raises(UserError, match=msg):
        add_user(s, name, pw, locale_spec=spec.locales or "", review=spec.review or "")


def test_names_are_unique_without_case(any_engine):
    with Session(any_engine) as s, s.begin():
        add_user(s, "maria", PW, locale_spec="en")
    with Session(any_engine) as s, pytest.raises(UserError, match="already exists"):
        add_user(s, "MARIA", PW, locale_spec="en")
    # and the database itself refuses it (two workers racing past the check)
    from kintl_pub.store.models import User

    with Session(any_engine) as s, pytest.raises(Exception, match="(?i)unique|duplicate"):
        s.add(User(username="Maria", password_hash="x", locales="en"))
        s.flush()


def test_require_is_the_rule_for_import_as(any_engine):
    with Session(any_engine) as s, s.begin():
        add_user(s, "maria", PW, locale_spec="pt-br es")
        add_user(s, "ed", PW, editor=True)
    with Session(any_engine) as s, s.begin():
        assert require(s, "Maria", "es").username == "maria"
        with pytest.raises(PermissionDenied, match="no account"):
            require(s, "nobody", "en")
        with pytest.raises(PermissionDenied, match="may not translate en"):
            require(s, "maria", "en")
        with pytest.raises(PermissionDenied, match="may not review es"):
            require(s, "maria", "es", review=True)
        assert require(s, "ed", "ja-easy", review=True)
        set_disabled(s, "maria", True, actor="boss")
        with pytest.raises(PermissionDenied, match="disabled"):
            require(s, "maria", "es")


def test_role_changes_disable_and_password_are_audited_and_end_sessions(any_engine):
    with Session(any_engine) as s, s.begin():
        u = add_user(s, "ana", PW, locale_spec="en", actor="boss")
        tok1 = start_login(s, u)
        tok2 = start_login(s, u)
        assert user_for_token(s, tok1, lifetime=DAY, idle=HOUR) is u
        end_login(s, tok1)  # logout: that cookie is dead, the other session lives
        assert user_for_token(s, tok1, lifetime=DAY, idle=HOUR) is None
        assert user_for_token(s, tok2, lifetime=DAY, idle=HOUR) is u
        set_roles(s, "ana", RoleSpec(review="en"), actor="boss")
        set_password(s, "ana", "another long password", actor="boss")
        assert user_for_token(s, tok2, lifetime=DAY, idle=HOUR) is None
        tok3 = start_login(s, u)
        set_disabled(s, "ana", True, actor="boss")
        assert user_for_token(s, tok3, lifetime=DAY, idle=HOUR) is None
        assert authenticate(s, "ana", "another long password") is None  # disabled
        assert user_for_token(s, "forged", lifetime=DAY, idle=HOUR) is None
    with Session(any_engine) as s:
        log = [(e.actor, e.action, e.detail) for e in reversed(audit_log(s))]
        assert log[0] == ("boss", "add", "translator (en)")
        assert ("boss", "roles", "translator (en) → translator (en), reviewer (en)") in log
        assert ("boss", "password", "") in log and ("boss", "disable", "") in log
        assert log[-1] == ("ana", "login-failed", "disabled")


def test_expired_and_idle_sessions_are_refused(any_engine):
    with Session(any_engine) as s, s.begin():
        u = add_user(s, "ana", PW, locale_spec="en")
        tok = start_login(s, u)
        assert user_for_token(s, tok, lifetime=timedelta(0), idle=HOUR) is None
        assert user_for_token(s, tok, lifetime=DAY, idle=timedelta(0)) is None


def test_an_older_database_gets_the_new_columns(tmp_path):
    """A store made before the workspace (no role columns) is upgraded in place."""
    from sqlalchemy import create_engine

    from kintl_pub.store.db import init_db

    eng = create_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    with eng.begin() as c:
        c.execute(text("CREATE TABLE user_account (id INTEGER PRIMARY KEY, username VARCHAR(64) UNIQUE, "
                       "password_hash VARCHAR(256), locales TEXT, is_editor BOOLEAN, created_at DATETIME)"))
        c.execute(text("INSERT INTO user_account (username, password_hash, locales, is_editor) "
                       "VALUES ('old', 'x', 'en', 0)"))
    init_db(eng)
    cols = {c["name"] for c in inspect(eng).get_columns("user_account")}
    assert {"review_locales", "is_admin", "disabled"} <= cols
    with Session(eng) as s:
        with pytest.raises(UserError, match="already exists"):
            add_user(s, "OLD", PW, locale_spec="en")
        u = require(s, "old", "en")
        assert not u.disabled and u.review_locales == ""
    init_db(eng)  # idempotent
    eng.dispose()


def test_users_cli(tmp_path, monkeypatch):
    from kintl_pub.cli import cli
    from kintl_pub.store.db import get_engine

    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'u.sqlite3'}")
    monkeypatch.setenv("KINTL_USER", "root")
    get_engine.cache_clear()

    def run(*args: str, input: str | None = None, ok: bool = True) -> str:
        r = CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)
        assert (r.exit_code == 0) == ok, r.output
        return r.output

    assert "needs a role" in run("users", "add", "maria", "--password-stdin", input=PW + "\n", ok=False)
    assert "at least 12" in run("users", "add", "maria", "--locales", "es", "--password-stdin",
                                input=" " * 12 + "\n", ok=False)
    run("users", "add", "maria", "--locales", "pt-br es", "--password-stdin", input=PW + "\n")
    assert "already exists" in run("users", "add", "MARIA", "--locales", "es", "--password-stdin",
                                   input=PW + "\n", ok=False)
    assert "username" in run("users", "add", "..", "--locales", "es", "--password-stdin",
                             input=PW + "\n", ok=False)
    out = run("users", "set-role", "maria", "--review", "es", "--editor")
    assert "editor, translator (pt-br es), reviewer (es)" in out
    assert "needs a role" in run("users", "set-role", "maria", "--locales", "", "--review", "",
                                 "--no-editor", ok=False)
    run("users", "disable", "maria")
    assert "[disabled]" in run("users", "list")
    run("users", "enable", "maria")
    run("users", "password", "maria", "--password-stdin", input="a different long pw\n")
    audit = run("users", "audit")
    assert audit.count("cli:root") == 5 and "\tpassword\tmaria" in audit
    get_engine.cache_clear()
