"""The workspace in Debian's headless Chromium (playwright-core), by keyboard:
a translator's save with a warning approved by a reviewer and shown on the
public page; an editor rewriting an initiative's Easy Japanese until it
reaches jReadability 4.0 with live feedback; two sessions on one entry; the
attacker's attempts; axe-core (light, dark, 320 px) and the Nu HTML checker
on every workspace page."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from kintl_pub.segment import source_hash

from ..web.conftest import BROWSER_DIR, VNU, browser_marks, need_vnu
from .conftest import PW, token
from .test_translating import COURSE, OUTDATED, TITLE_MT

pytestmark = browser_marks()
REASON2 = "感染症の影響で来庁者が減少しました。"
# initiative 5's four texts, rewritten in Easy Japanese (short sentences, です/ます)
REWRITES = ["外国の、友だちの町と、なかよくします。", "インターネットで、話をします。",
            "インターネットで、話をしました。", "また、会って、話をしたいです。"]


def _serve(app) -> tuple[str, object, threading.Thread]:  # type: ignore[no-untyped-def]
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return f"http://127.0.0.1:{server.server_port}", server, thread


@pytest.fixture
def live(sqlite_template: Path, tmp_path: Path, monkeypatch) -> Iterator[dict[str, str]]:
    """A fresh copy of the store, served as deployed: the login rate limit on."""
    from kintl_pub import create_app
    from kintl_pub.store.db import get_engine

    db = tmp_path / "live.sqlite3"
    shutil.copy(sqlite_template, db)
    data = tmp_path / "data"
    shutil.copytree(Path(__file__).resolve().parents[2] / "data", data,
                    ignore=shutil.ignore_patterns("seed", "labels", "jlpt"))
    monkeypatch.setenv("KINTL_INSTANCE_DIR", str(tmp_path / "instance"))
    url = f"sqlite:///{db}"
    app = create_app({"DATABASE_URL": url, "KINTL_DATA_DIR": data, "PUBLIC_BASE_URL": "https://example.test",
                      "RATELIMIT_ENABLED": True, "RATELIMIT_STORAGE_URI": "memory://"})
    base, server, thread = _serve(app)
    try:
        yield {"base": base, "url": url, "data": str(data)}
    finally:
        server.shutdown()  # type: ignore[attr-defined]
        thread.join(timeout=10)
        get_engine(url).dispose()


def node(*args: str, env: dict[str, str] | None = None, timeout: int = 600) -> object:
    out = subprocess.run(["node", "workspace.mjs", *args], cwd=BROWSER_DIR, capture_output=True, text=True,
                         timeout=timeout, env=dict(os.environ, **(env or {})))
    if out.returncode != 0:
        raise AssertionError(f"node workspace.mjs {args[0]} failed: {out.stderr[-3000:]}")
    return json.loads(out.stdout)


ENTRY = f"/workspace/en/entry/{source_hash(COURSE)}"


def test_translator_saves_with_a_warning_reviewer_approves_public_page_shows_it(live):
    r = node("walk", live["base"])
    assert r["landed"].endswith("/workspace/en/"), r  # a one-locale translator starts at the queue
    assert "1 entry" in r["queue"]
    assert r["afterSave"] == r["entryUrl"]  # Ctrl+Enter with a warning: saved, stays to show it
    assert "Saved, with warnings" in r["flash"] and "Numbers and dates" in r["warnings"]
    assert r["movedOn"] and r["skipped"]  # without warnings Ctrl+Enter moves on; Ctrl+Shift+↓ skips
    assert r["reviewState"] == "translated"
    assert "Approved" in r["approvedFlash"] and r["finalState"] == "approved"
    assert "We held the course 3 times." in r["public"]


def test_editor_rewrites_easy_japanese_until_the_initiative_reaches_4(live):
    r = node("easy", live["base"], "5", env={"REWRITES": json.dumps(REWRITES, ensure_ascii=False)})
    assert r["landed"].endswith("/workspace/easy/") and r["queueHasIt"], r
    assert r["start"] < 4.0
    assert r["steps"] and all("with this text" in s["live"] for s in r["steps"])  # live feedback each time
    scores = [s["score"] for s in r["steps"]]
    assert scores == sorted(scores) and r["final"] >= 4.0, r


def test_two_sessions_second_save_is_refused_with_both_versions(live):
    r = node("conflict", live["base"], env={"ENTRY": ENTRY})
    assert r["secondStatus"] == 409
    assert r["theirs"].strip() == "Version of tina" and r["mine"] == "Version of rita"
    assert "Nothing of yours was lost" in r["alert"]
    assert r["stored"] == "Version of tina"
    assert r["axe"] == []


def test_the_attackers_attempts_fail(live):
    r = node("attacks", live["base"], live["base"],
             env={"ENTRY": ENTRY, "ENTRY_KO": f"/workspace/ko/entry/{source_hash(COURSE)}"})
    assert "/workspace/login" in r["noLogin"]
    assert r["otherLocale"] == 403
    assert r["noCsrf"] == 400
    assert r["scriptWarning"]
    assert "/workspace/login" in r["stolenAfterLogout"]
    assert r["publicShowsText"] and r["publicScripts"] == 0 and r["dialogs"] == 0
    # at most 10 login attempts a minute from one address (2 were the real logins
    # above): wrong passwords are refused, then every attempt is 429, even the right one
    tries = r["bruteForce"]
    first_429 = tries.index(429)
    assert set(tries[:first_429]) == {401} and first_429 <= 10 and set(tries[first_429:]) == {429}, tries
    assert r["rightPasswordAfter"] == 429


def page_spec() -> list[dict]:
    h = source_hash
    return [
        {"user": None, "urls": ["/workspace/login"]},
        {"user": "tina", "urls": ["/workspace/?stay=1", "/workspace/en/", "/workspace/en/?state=machine&q=%E4%BA%8B",
                                  f"/workspace/en/entry/{h(TITLE_MT)}", f"/workspace/en/entry/{h(OUTDATED)}",
                                  f"/workspace/en/entry/{h(COURSE)}/preview", "/workspace/en/files",
                                  "/workspace/account"]},
        {"user": "rita", "urls": [f"/workspace/en/entry/{h(OUTDATED)}"]},
        {"user": "eddie", "urls": ["/workspace/easy/", "/workspace/easy/2/", f"/workspace/ja-easy/entry/{h(REASON2)}",
                                   "/workspace/easy/readings", "/workspace/source/2/", "/workspace/data/",
                                   "/workspace/data/glossary/?q=%E5%AE%9F%E6%96%BD",
                                   "/workspace/data/terms/?q=%E5%B7%9D%E5%B4%8E",
                                   "/workspace/data/readings/?key=%E9%BA%BB%E7%94%9F"]},
        {"user": "ada", "urls": ["/workspace/people/"]},
    ]


def test_axe_zero_violations_on_every_workspace_page(live, tmp_path):
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps(page_spec()))
    results = node("pages", live["base"], str(spec))
    assert len(results) == sum(len(s["urls"]) for s in page_spec())
    problems = {}
    for r in results:
        assert r["status"] == 200, r
        v = r["axe"] + r["axeDark"] + r["axe320"]
        if v or r["overflow"] > 0 or r["consoleErrors"] or r["firstFocus"] != "#main":
            problems[r["url"]] = (v, r["overflow"], r["consoleErrors"], r["firstFocus"])
    assert not problems, json.dumps(problems, ensure_ascii=False, indent=1)


def _pages_for_nu(app, data: str) -> list[tuple[str, bytes]]:  # type: ignore[no-untyped-def]
    """Every workspace page as its user sees it, plus the pages that only a
    POST shows (errors, a conflict, a dry run, Easy Japanese feedback)."""
    from .conftest import login

    out: list[tuple[str, bytes]] = []
    anon = app.test_client()
    out.append(("login", anon.get("/workspace/login").data))
    page = anon.get("/workspace/login").get_data(as_text=True)
    out.append(("login failed", anon.post("/workspace/login", data={"username": "x1", "password": "y",
                                                                   "csrf_token": token(page)}).data))
    for spec in page_spec()[1:]:
        c = app.test_client()
        assert login(c, spec["user"], PW).status_code == 302
        for url in spec["urls"]:
            r = c.get(url)
            assert r.status_code == 200, url
            out.append((f"{spec['user']} {url}", r.data))
    tina = app.test_client()
    login(tina, "tina", PW)
    page = tina.get(ENTRY).get_data(as_text=True)
    tina.post(ENTRY, data={"csrf_token": token(page), "version": "1", "text": "first", "action": "save"})
    r = tina.post(ENTRY, data={"csrf_token": token(page), "version": "1", "text": "second", "action": "save"})
    out.append(("conflict", r.data))
    dl = tina.get("/workspace/en/files/download?initiative=4").data
    import io

    r = tina.post("/workspace/en/files", data={"csrf_token": token(page), "file": (io.BytesIO(dl), "a.po")},
                  content_type="multipart/form-data")
    out.append(("dry run", r.data))
    eddie = app.test_client()
    login(eddie, "eddie", PW)
    url = f"/workspace/ja-easy/entry/{source_hash(REASON2)}"
    page = eddie.get(url).get_data(as_text=True)
    r = eddie.post(url, data={"csrf_token": token(page), "version": "1", "text": "人が、減りました。", "action": "check"})
    out.append(("easy check", r.data))
    return out


def test_nu_html_checker_zero_errors_on_every_workspace_page(live, tmp_path):
    need_vnu()
    from kintl_pub import create_app

    app = create_app({"DATABASE_URL": live["url"], "TESTING": True, "RATELIMIT_ENABLED": False,
                      "KINTL_DATA_DIR": Path(live["data"])})
    files, names = [], {}
    for i, (name, body) in enumerate(_pages_for_nu(app, live["data"])):
        f = tmp_path / f"w{i:03d}.html"
        f.write_bytes(body)
        files.append(f)
        names[f"file:{f}"] = name
    out = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--errors-only", "--exit-zero-always",
                          *map(str, files)], capture_output=True, text=True, timeout=600)
    messages = json.loads(out.stderr or out.stdout)["messages"]
    errors = [(names.get(m["url"], m["url"]), m.get("lastLine"), m["message"]) for m in messages
              if m.get("type") == "error"]
    assert not errors, errors[:20]
    assert re.search(r"conflict", " ".join(names.values()))
