"""Editors and admins in the workspace (SQLite and PostgreSQL): Easy
Japanese with live feedback, reading corrections and the disagreement
queue, source corrections (revision, outdated translations, a [[typo]] in
corrections.toml that the next import applies), data-file rows with history
and revert, accounts."""

from __future__ import annotations

import re
import tomllib

from sqlalchemy import select
from sqlalchemy.orm import Session

from kintl_pub.catalogs import states
from kintl_pub.segment import source_hash
from kintl_pub.store.db import get_engine
from kintl_pub.store.models import Program, SourceRevision
from kintl_pub.store.users import audit_log

from .conftest import token
from .test_translating import entry_url, post_entry, stored

REASON = "感染症の影響で来庁者が減少しました。"  # initiative 2, row 2, reason


def test_easy_home_editor_feedback_and_live_check(as_user):
    eddie = as_user("eddie")
    home = eddie.get("/workspace/easy/").get_data(as_text=True)
    assert "the editors' queue" in home and "jReadability" in home
    assert eddie.get("/workspace/").headers["Location"].endswith("/workspace/easy/")  # editors start here
    page = eddie.get("/workspace/easy/2/").get_data(as_text=True)
    assert REASON in page and "jReadability now" in page
    r = post_entry(eddie, "ja-easy", REASON, text="病気が広がったので、区役所に来る人が減りました。", action="check")
    body = r.get_data(as_text=True)
    assert r.status_code == 200 and "Easy Japanese feedback" in body
    assert "Initiative 2:" in body and "with this text" in body
    assert "<rt>びょうき</rt>" in body  # the readings the pipeline will print
    assert stored_text(eddie, REASON) is None  # "check" saves nothing
    # the live endpoint returns the same feedback as a fragment
    page = eddie.get(entry_url("ja-easy", REASON)).get_data(as_text=True)
    frag = eddie.post(f"/workspace/ja-easy/entry/{source_hash(REASON)}/check",
                      data={"csrf_token": token(page), "text": "来庁者が減少しました。"})
    html = frag.get_data(as_text=True)
    assert frag.status_code == 200 and "<html" not in html and "来庁者" in html
    assert "Words not on the JLPT N5–N4 list" in html and "減少" in html
    # a long, kanji-heavy sentence is marked
    long = "国際戦略拠点形成推進事業実施計画策定検討委員会開催状況報告書作成業務委託契約締結" + "。"
    html = eddie.post(f"/workspace/ja-easy/entry/{source_hash(REASON)}/check",
                      data={"csrf_token": token(page), "text": long}).get_data(as_text=True)
    assert 'class="warn">' in html


def stored_text(client, src):  # type: ignore[no-untyped-def]
    page = client.get(entry_url("ja-easy", src)).get_data(as_text=True)
    m = re.search(r'<textarea id="text"[^>]*>([^<]*)</textarea>', page)
    return m.group(1) or None if m else None


def test_easy_save_raises_the_initiative_score(as_user, store):
    eddie, erin = as_user("eddie"), as_user("erin")
    before = _score(eddie, 2)
    post_entry(eddie, "ja-easy", REASON, text="病気が広がりました。それで、区役所に来る人が減りました。",
               action="save")
    assert stored(store, "ja-easy", REASON).translator == "eddie"
    assert _score(eddie, 2) > before
    r = post_entry(erin, "ja-easy", REASON, action="approve")  # a second editor approves
    assert r.status_code == 302 and stored(store, "ja-easy", REASON).state == "approved"


def _score(client, n: int) -> float:  # type: ignore[no-untyped-def]
    page = client.get(f"/workspace/easy/{n}/").get_data(as_text=True)
    return float(re.search(r'id="ini-score">([0-9.\-]+)<', page).group(1))  # type: ignore[union-attr]


def test_reading_correction_goes_to_the_reading_dictionary_with_history(as_user, data_dir, store):
    eddie = as_user("eddie")
    page = eddie.get(entry_url("ja-easy", REASON)).get_data(as_text=True)
    r = eddie.post("/workspace/easy/reading", data={"csrf_token": token(page), "surface": "来庁者",
                                                    "reading": "ライチョウシャ", "reason": "test reading",
                                                    "back": entry_url("ja-easy", REASON)})
    assert r.status_code == 302 and r.headers["Location"].endswith(entry_url("ja-easy", REASON))
    assert "来庁者\tらいちょうしゃ\ttest reading" in (data_dir / "readings.tsv").read_text(encoding="utf-8")
    html = eddie.post(f"/workspace/ja-easy/entry/{source_hash(REASON)}/check",
                      data={"csrf_token": token(page), "text": "来庁者が来ました。"}).get_data(as_text=True)
    assert "<rt>らいちょうしゃ</rt>" in html and "(override)" in html
    hist = eddie.get("/workspace/data/readings/?key=来庁者").get_data(as_text=True)
    assert "test reading" in hist and "Revert this change" in hist
    # a translator may not change readings
    tina = as_user("tina")
    tp = tina.get("/workspace/en/").get_data(as_text=True)
    assert tina.post("/workspace/easy/reading", data={"csrf_token": token(tp), "surface": "来庁者",
                                                      "reading": "x", "reason": "y"}).status_code == 403


def test_source_correction_outdates_translations_and_survives_reimport(as_user, data_dir, store):
    eddie, tina = as_user("eddie"), as_user("tina")
    post_entry(tina, "en", REASON, text="Fewer people came because of the pandemic.", action="save")
    page = eddie.get("/workspace/source/2/").get_data(as_text=True)
    new = "感染症の影響で来庁者が大きく減少しました。"
    form = {"csrf_token": token(page), "field": "reason", "position": "1", "expected": REASON,
            "text": new, "reason": "the city's corrected sheet"}
    r = eddie.post("/workspace/source/2/", data=form)
    assert r.status_code == 302
    t = stored(store, "en", new)
    assert (t.state, t.text, t.previous_source) == ("outdated", "Fewer people came because of the pandemic.",
                                                   REASON)
    with Session(get_engine(store.url)) as s:
        assert s.scalars(select(Program.reason).where(Program.reason == new)).first() == new
        rev = s.scalars(select(SourceRevision).order_by(SourceRevision.id.desc())).first()
        assert (rev.field, rev.old, rev.new, rev.who) == ("reason", REASON, new, "eddie")
    typo = tomllib.loads((data_dir / "corrections.toml").read_text(encoding="utf-8"))["typo"][-1]
    assert typo["initiative"] == 2 and typo["field"] == "reason" and REASON.replace(typo["old"], typo["new"]) == new
    assert typo["old"] in REASON and len(typo["old"]) < len(REASON)  # the smallest unique span
    # the same save again (stale "expected") is refused: a conflict, nothing written
    r = eddie.post("/workspace/source/2/", data=form)
    assert r.status_code == 409
    # revert: one more correction, back to the old text
    page = eddie.get("/workspace/source/2/").get_data(as_text=True)
    rid = re.search(r'name="revert" value="(\d+)"', page).group(1)  # type: ignore[union-attr]
    assert eddie.post("/workspace/source/2/", data={"csrf_token": token(page), "revert": rid}).status_code == 302
    with Session(get_engine(store.url)) as s:
        assert s.scalars(select(Program.reason).where(Program.reason == REASON)).first() == REASON
    assert len(tomllib.loads((data_dir / "corrections.toml").read_text(encoding="utf-8"))["typo"]) >= 2


def test_smallest_typo_is_unique_in_the_initiative():
    import pytest

    from kintl_pub.store.source import SourceError, smallest_typo

    assert smallest_typo("令和3年に開催", "令和4年に開催", []) == ("3", "4")
    old, new = smallest_typo("3回と3回", "3回と4回", [])  # "3" is not unique: grow
    assert "3回と3回".count(old) == 1 and "3回と3回".replace(old, new) == "3回と4回"
    old, new = smallest_typo("講座を3回", "講座を4回", ["別の3回"])  # nor may it be in another row
    assert old not in "別の3回" and "講座を3回".replace(old, new) == "講座を4回"
    with pytest.raises(SourceError):
        smallest_typo("同じ文", "同じ文章", ["同じ文"])


def test_data_file_rows_validated_with_history_and_revert(as_user, data_dir):
    eddie = as_user("eddie")
    page = eddie.get("/workspace/data/glossary/").get_data(as_text=True)
    add = {"csrf_token": token(page), "c0": "周知", "c1": "word", "c2": "しらせること", "c3": "", "reason": "test"}
    r = eddie.post("/workspace/data/glossary/", data=add)
    assert r.status_code in (302, 409)  # 周知 may exist as another kind; (周知, word) is the key
    bad = dict(add, c0="新語", c1="nonsense")  # not a kind the glossary reader knows
    r = eddie.post("/workspace/data/glossary/", data=bad)
    assert r.status_code == 400 and "refused" in r.get_data(as_text=True)
    assert "新語" not in (data_dir / "glossary.tsv").read_text(encoding="utf-8")
    ok = dict(add, c0="新語テスト", c1="word", c2="あたらしいことば")
    assert eddie.post("/workspace/data/glossary/", data=ok).status_code == 302
    text = (data_dir / "glossary.tsv").read_text(encoding="utf-8")
    assert "新語テスト\tword\tあたらしいことば" in text
    page = eddie.get("/workspace/data/glossary/?key=新語テスト%09word").get_data(as_text=True)
    line = re.search(r'name="expected" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]
    edit = dict(ok, csrf_token=token(page), c2="あたらしい ことば", existing="1", expected=line, reason="spacing")
    assert eddie.post("/workspace/data/glossary/", data=edit).status_code == 302
    assert eddie.post("/workspace/data/glossary/", data=edit).status_code == 409  # stale line: conflict
    page = eddie.get("/workspace/data/glossary/?key=新語テスト%09word").get_data(as_text=True)
    rid = re.search(r'name="revert" value="(\d+)"', page).group(1)  # type: ignore[union-attr]  # newest first
    assert eddie.post("/workspace/data/glossary/", data={"csrf_token": token(page), "revert": rid}).status_code == 302
    assert "新語テスト\tword\tあたらしいことば" in (data_dir / "glossary.tsv").read_text(encoding="utf-8")
    # the term base: a row with an unknown column count is refused by its reader
    page = eddie.get("/workspace/data/terms/").get_data(as_text=True)
    assert 'lang="ko"' in page  # cells carry their language


def test_admin_manages_accounts_with_an_audit_trail(as_user, store):
    ada = as_user("ada")
    page = ada.get("/workspace/people/").get_data(as_text=True)
    form = {"csrf_token": token(page), "action": "add", "username": "MARIA", "locales": "pt-br es",
            "password": "a long enough pw", "password2": "a long enough pw"}
    assert ada.post("/workspace/people/", data=form).status_code == 302
    r = ada.post("/workspace/people/", data=dict(form, username="maria"))
    assert r.status_code == 400 and "already exists" in r.get_data(as_text=True)
    r = ada.post("/workspace/people/", data=dict(form, username="..", locales="en"))
    assert r.status_code == 400
    r = ada.post("/workspace/people/", data={"csrf_token": token(page), "action": "roles", "username": "maria",
                                             "locales": "es", "review": "es"})
    assert r.status_code == 302
    r = ada.post("/workspace/people/", data={"csrf_token": token(page), "action": "roles", "username": "ada",
                                             "locales": "", "review": ""})
    assert r.status_code == 400  # not one's own admin role
    with Session(get_engine(store.url)) as s:
        log = [(e.actor, e.action, e.target) for e in audit_log(s)]
    assert ("ada", "add", "MARIA") in log and ("ada", "roles", "MARIA") in log


def test_own_password_change_ends_the_session(as_user, app):
    from .conftest import PW, login

    tina = as_user("tina")
    page = tina.get("/workspace/account").get_data(as_text=True)
    r = tina.post("/workspace/account", data={"csrf_token": token(page), "current": "wrong one!!!!",
                                              "password": "a new long password", "password2": "a new long password"})
    assert r.status_code == 400
    r = tina.post("/workspace/account", data={"csrf_token": token(page), "current": PW,
                                              "password": "a new long password", "password2": "a new long password"})
    assert r.status_code == 302
    assert tina.get("/workspace/en/").status_code == 302  # logged out everywhere
    assert login(app.test_client(), "tina", "a new long password").status_code == 302


def test_ja_easy_markup_and_script_are_safe(as_user, store, app):
    eddie = as_user("eddie")
    post_entry(eddie, "ja-easy", REASON, text="<script>alert(1)</script>{病気|びょうき}で、人が減りました。",
               action="save")
    html = app.test_client().get("/ja-easy/initiatives/2/").get_data(as_text=True)
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    with Session(get_engine(store.url)) as s:
        assert states.get(s, "ja-easy", REASON).text.startswith("<script>")  # stored as written
