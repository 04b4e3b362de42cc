from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from kintl_pub.store.users import UserError, add_user, authenticate, may_edit


def test_password_is_hashed_and_checked(any_engine):
    with Session(any_engine) as s, s.begin():
        u = add_user(s, "ana", "correct horse battery", locale_spec="pt-br es")
        assert "correct horse" not in u.password_hash
        assert u.password_hash.startswith(("scrypt:", "pbkdf2:"))
    with Session(any_engine) as s:
        assert authenticate(s, "ana", "correct horse battery") is not None
        assert authenticate(s, "ana", "wrong password!!") is None
        assert authenticate(s, "nobody", "correct horse battery") is None


def test_per_locale_permissions(any_engine):
    with Session(any_engine) as s, s.begin():
        u = add_user(s, "min", "a long enough pw", locale_spec="ko")
        assert may_edit(u, "ko") and not may_edit(u, "en") and not may_edit(u, "ja-easy")
        e = add_user(s, "ed", "a long enough pw", locale_spec="*", editor=True)
        assert may_edit(e, "th") and may_edit(e, "ja-easy")


@pytest.mark.parametrize(
    ("name", "pw", "locs", "msg"),
    [
        ("x", "a long enough pw", "en", "username"),
        ("bob", "short", "en", "at least 12"),
        ("bob", "a long enough pw", "klingon", "unknown"),
        ("bob", "a long enough pw", "ja", "unknown or non-target"),
    ],
)
def test_bad_accounts_are_refused(any_engine, name, pw, locs, msg):
    with Session(any_engine) as s, pytest.raises(UserError, match=msg):
        add_user(s, name, pw, locale_spec=locs)


def test_duplicate_user_refused(any_engine):
    with Session(any_engine) as s, s.begin():
        add_user(s, "dup", "a long enough pw", locale_spec="en")
    with Session(any_engine) as s, pytest.raises(UserError, match="already exists"):
        add_user(s, "dup", "a long enough pw", locale_spec="en")
