"""CORS in a real browser: a page on another origin (another loopback port)
reads the API with fetch(), revalidates with its ETag after a preflight, and
reads a problem; the HTML pages stay closed to it."""

from __future__ import annotations

import json
import subprocess

from flask import Flask

from tests.web.conftest import BROWSER_DIR, browser_marks, serve

pytestmark = browser_marks()


def test_another_origin_reads_the_api(seed_app) -> None:  # type: ignore[no-untyped-def]
    parent = Flask("city")  # the city's page: no CSP of ours, another port
    parent.add_url_rule("/", "page", lambda: "<!doctype html><title>city</title><p>city")
    api_run, parent_run = serve(seed_app), serve(parent)
    api_url, parent_url = next(api_run), next(parent_run)
    try:
        out = subprocess.run(["node", "api-cors.mjs", parent_url + "/", api_url], cwd=BROWSER_DIR,
                             capture_output=True, text=True, timeout=120)
    finally:
        for run in (api_run, parent_run):
            run.close()
    assert out.returncode == 0, out.stderr[-2000:]
    got = json.loads(out.stdout)
    assert got["status"] == 200 and got["etag"]
    assert got["title"]["source"] == "川崎駅周辺の国際化に対応したまちづくり"
    assert got["revalidated"] == 304
    assert got["problem"] == [400, "application/problem+json", "lang"]
    assert got["html"] == "blocked"
