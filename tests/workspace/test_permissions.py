"""Every permission rule of the workspace, checked on the server, and the
attacker's attempts: no login, another locale, another role, no CSRF token,
a session copied before logout, brute-force login.  SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from kintl_pub.catalogs import states
from kintl_pub.segment import source_hash
from kintl_pub.store.db import get_engine
from kintl_pub.store.users import audit_log

from .conftest import PW, login, token
from .test_translating import COURSE, entry_url, post_entry, stored

H = source_hash(COURSE)
PAGES = [
    "/workspace/", "/workspace/en/", f"/workspace/en/entry/{H}", f"/workspace/en/entry/{H}/preview",
    "/workspace/en/files", "/workspace/en/files/download", "/workspace/easy/", "/workspace/easy/4/",
    "/workspace/easy/readings", "/workspace/source/4/", "/workspace/data/", "/workspace/data/glossary/",
    "/workspace/people/", "/workspace/account",
]


def test_no_page_without_login(app):
    c = app.test_client()
    for path in PAGES:
        r = c.get(path)
        assert r.status_code == 302 and "/workspace/login" in r.headers["Location"], path
    # a forged POST is refused before anything happens (no token, no session)
    r = c.post(entry_url("en", COURSE), data={"text": "x", "version": "1", "action": "save"})
    assert r.status_code in (302, 400)


def test_translator_is_limited_to_their_locale_and_role(as_user, store):
    kim = as_user("kim")  # Korean translator
    assert kim.get("/workspace/ko/").status_code == 200
    for path in ("/workspace/en/", f"/workspace/en/entry/{H}", "/workspace/en/files",
                 "/workspace/en/files/download", f"/workspace/en/entry/{H}/preview",
                 "/workspace/easy/", "/workspace/easy/readings", "/workspace/source/4/",
                 "/workspace/data/", "/workspace/data/terms/", "/workspace/people/"):
        assert kim.get(path).status_code == 403, path
    # a POST with a valid token for another locale is refused
    page = kim.get(f"/workspace/ko/entry/{H}").get_data(as_text=True)
    r = kim.post(entry_url("en", COURSE), data={"csrf_token": token(page), "version": "1",
                                                "text": "hacked", "action": "save"})
    assert r.status_code == 403 and stored(store, "en", COURSE) is None
    # and a translator does not approve or reject, even in their own locale
    post_entry(kim, "ko", COURSE, text="강좌를 3회 개최했습니다.", action="save")
    assert post_entry(kim, "ko", COURSE, action="approve").status_code == 403
    assert post_entry(kim, "ko", COURSE, action="reject", comment="no").status_code == 403
    assert stored(store, "ko", COURSE).state == "translated"
    # the source locale and unknown locales are no target
    assert kim.get("/workspace/ja/").status_code == 404
    assert kim.get("/workspace/xx/").status_code == 404


def test_reviewer_translates_and_reviews_only_their_locales(as_user, store):
    rita = as_user("rita")  # reviews English
    assert rita.get("/workspace/en/").status_code == 200
    assert rita.get("/workspace/ko/").status_code == 403
    post_entry(rita, "en", COURSE, text="We held the course 3 times.", action="save")
    r = post_entry(rita, "en", COURSE, action="approve")  # her own text: a second person is needed
    assert r.status_code == 409 and "second person" in r.get_data(as_text=True)
    assert stored(store, "en", COURSE).state == "translated"


def test_editor_and_admin_pages_need_their_roles(as_user):
    tina, eddie, ada = as_user("tina"), as_user("eddie"), as_user("ada")
    for path in ("/workspace/easy/readings", "/workspace/source/4/", "/workspace/data/glossary/"):
        assert tina.get(path).status_code == 403 and eddie.get(path).status_code == 200, path
    assert eddie.get("/workspace/people/").status_code == 403
    assert ada.get("/workspace/people/").status_code == 200
    assert ada.get("/workspace/en/").status_code == 403  # admin manages people, translates nothing
    assert eddie.get("/workspace/ja-easy/").status_code == 200 and eddie.get("/workspace/en/").status_code == 403


def test_missing_or_wrong_csrf_token_changes_nothing(as_user, store):
    tina = as_user("tina")
    for data in ({"version": "1", "text": "x", "action": "save"},
                 {"csrf_token": "forged", "version": "1", "text": "x", "action": "save"}):
        r = tina.post(entry_url("en", COURSE), data=data)
        assert r.status_code == 400 and "CSRF" in r.get_data(as_text=True)
    assert stored(store, "en", COURSE) is None
    r = tina.post("/workspace/logout")
    assert r.status_code == 400  # logout is a form too
    assert tina.get("/workspace/en/").status_code == 200  # still logged in


def test_a_session_copied_before_logout_is_dead_after_it(app, as_user):
    tina = as_user("tina")
    cookie = tina.get_cookie("kintl_ws", path="/workspace/")
    assert cookie is not None and cookie.http_only and cookie.same_site == "Lax"
    page = tina.get("/workspace/en/").get_data(as_text=True)
    assert tina.post("/workspace/logout", data={"csrf_token": token(page)}).status_code == 302
    thief = app.test_client()
    thief.set_cookie("kintl_ws", cookie.value, path="/workspace/")
    r = thief.get("/workspace/en/")
    assert r.status_code == 302 and "/workspace/login" in r.headers["Location"]


def test_disabling_an_account_ends_its_sessions(as_user, store):
    tina, ada = as_user("tina"), as_user("ada")
    page = ada.get("/workspace/people/").get_data(as_text=True)
    r = ada.post("/workspace/people/", data={"csrf_token": token(page), "username": "tina", "action": "disable"})
    assert r.status_code == 302
    assert tina.get("/workspace/en/").status_code == 302  # back to the login page
    assert login(tina, "tina").status_code == 401


def test_brute_force_login_is_rate_limited(store, data_dir, tmp_path, monkeypatch):
    from kintl_pub import create_app

    monkeypatch.setenv("KINTL_INSTANCE_DIR", str(tmp_path / "instance"))
    app = create_app({"DATABASE_URL": store.url, "TESTING": True, "KINTL_DATA_DIR": data_dir,
                      "RATELIMIT_ENABLED": True, "RATELIMIT_STORAGE_URI": "memory://"})
    c = app.test_client()
    codes = [login(c, "tina", f"guess number {i:04d}").status_code for i in range(12)]
    assert codes[:10] == [401] * 10 and codes[10:] == [429, 429]
    assert login(c, "tina", PW).status_code == 429  # even the right password, for now
    with Session(get_engine(store.url)) as s:
        assert sum(e.action == "login-failed" for e in audit_log(s)) == 10


def test_login_redirects_only_inside_the_workspace(app):
    c = app.test_client()
    for nxt, where in (("/workspace/en/", "/workspace/en/"), ("https://evil.example/", "/workspace/"),
                       ("//evil.example/workspace/", "/workspace/"), ("/en/", "/workspace/")):
        page = c.get("/workspace/login").get_data(as_text=True)
        r = c.post("/workspace/login", data={"username": "tina", "password": PW, "next": nxt,
                                             "csrf_token": token(page)})
        assert r.status_code == 302 and r.headers["Location"] == where, nxt
        page = c.get("/workspace/account").get_data(as_text=True)
        c.post("/workspace/logout", data={"csrf_token": token(page)})


def test_workspace_is_never_cached_and_public_pages_stay_cacheable(app, as_user):
    tina = as_user("tina")
    for path in ("/workspace/en/", f"/workspace/en/entry/{H}"):
        r = tina.get(path)
        assert r.headers["Cache-Control"] == "private, no-store" and "X-Cache" not in r.headers
    login_page = app.test_client().get("/workspace/login")
    assert login_page.headers["Cache-Control"] == "private, no-store"
    public = app.test_client()
    first = public.get("/en/initiatives/4/")
    again = public.get("/en/initiatives/4/")
    assert "no-store" not in first.headers.get("Cache-Control", "")
    assert again.headers.get("X-Cache") == "hit"
    assert "kintl_ws" not in first.headers.get("Set-Cookie", "")  # no session cookie on public pages


@pytest.mark.parametrize("who", ["tina", "kim"])
def test_audit_log_records_logins(as_user, store, who):
    as_user(who)
    with Session(get_engine(store.url)) as s:
        assert any(e.action == "login" and e.target == who for e in audit_log(s))


def test_concurrent_writers_cannot_both_win(store):
    """Two sessions that read the same version: the database refuses the
    second write (compare-and-set on the version), on SQLite and PostgreSQL."""
    from sqlalchemy.orm.exc import StaleDataError

    eng = get_engine(store.url)
    with Session(eng) as s, s.begin():
        states.put_human(s, "en", COURSE, "first", who="tina")
    a, b = Session(eng), Session(eng)
    try:
        ta, tb = states.get(a, "en", COURSE), states.get(b, "en", COURSE)
        assert ta.version == tb.version
        states.put_human(a, "en", COURSE, "from a", who="tina", expected_version=ta.version)
        a.commit()
        with pytest.raises((states.ConflictError, StaleDataError)):
            states.put_human(b, "en", COURSE, "from b", who="rita", expected_version=tb.version)
            b.commit()
        b.rollback()
    finally:
        a.close()
        b.close()
    assert stored(store, "en", COURSE).text == "from a"
