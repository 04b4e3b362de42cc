"""Embeds on another site, in Debian's headless Chromium: a parent page on
another loopback port pastes the real snippets of two initiatives in two
languages and of a focus area; each iframe grows or shrinks to the height of
its content (at 1024 and 320 px), and height messages from a third origin,
from an unmanaged frame of the embeds' own origin and from the parent itself
are ignored.  Plus axe (0 violations) on the focus embed page."""

from __future__ import annotations

import html as htmllib
import json
import os
import re
import subprocess
import threading
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from .conftest import BROWSER_DIR, VNU, _make_app, browser_marks, need_vnu, serve

pytestmark = browser_marks()


class _Pages:
    """A plain static site on a loopback port: no CSP, no kintl-pub."""

    def __init__(self) -> None:
        self.pages: dict[str, str] = {}
        pages = self.pages

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                body = pages.get(self.path)
                self.send_response(200 if body is not None else 404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write((body or "not found").encode())

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.origin = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def sites(seed_url: str) -> Iterator[tuple[str, _Pages, _Pages]]:
    """(the kintl-pub server, the city's parent site, a third site)."""
    parent, third = _Pages(), _Pages()
    # no PUBLIC_BASE_URL: the snippets carry the address the server was reached at
    app = _make_app(seed_url, PUBLIC_BASE_URL="", EMBED_ORIGINS=[parent.origin])
    try:
        yield from ((live, parent, third) for live in serve(app))
    finally:
        parent.close()
        third.close()


def _snippet(url: str, textarea_id: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as resp:  # noqa: S310 - loopback test server
        page = resp.read().decode()
    m = re.search(rf'<textarea id="{textarea_id}"[^>]*>(.*?)</textarea>', page, re.S)
    assert m, url
    return htmllib.unescape(m[1])


PARENT = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>A city page with embeds</title>
<style>body {{ font-family: sans-serif; margin: 0 auto; max-width: 60rem; padding: .5rem; }}
iframe {{ border: 2px solid #6a6a6a; display: block; }}
iframe[src*="/ja/"] {{ box-sizing: border-box; padding: 3px; }}</style></head>
<body><h1>International policy: progress (embedded)</h1>
<h2>Initiative 80 (English)</h2>
{en}
<h2>取組3（日本語）</h2>
{ja}
<h2>Focus area (Korean, language switcher)</h2>
{focus}
<h2>Not managed</h2>
<iframe id="same-origin" src="{live}/embed/en/initiatives/1/" title="unmanaged" width="300" height="90"></iframe>
<iframe id="third" src="{third}/" title="third site" width="300" height="60"></iframe>
</body></html>
"""


def test_snippets_on_another_site_resize_and_ignore_strangers(sites, tmp_path):
    live, parent, third = sites
    en = _snippet(f"{live}/en/initiatives/80/", "embed-code")
    ja = _snippet(f"{live}/ja/initiatives/3/", "embed-code")
    focus = _snippet(f"{live}/ko/", "embed-p2-d1-f1").replace("/focus/2-1-1/", "/focus/2-1-1/?switcher=1")
    assert f'src="{live}/embed/en/initiatives/80/"' in en and f'src="{live}/embed.js?v=' in en
    third.pages["/"] = "<!doctype html><title>third</title><p>another site</p>"
    parent.pages["/"] = PARENT.format(en=en, ja=ja, focus=focus, live=live, third=third.origin)

    shots = Path(os.environ.get("KINTL_EMBED_SHOTS") or tmp_path)
    out = subprocess.run(["node", "embed.mjs", parent.origin + "/", str(shots)], cwd=BROWSER_DIR,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    r = json.loads(out.stdout)
    assert not r.get("error"), r["error"]
    for label in ("wide", "narrow"):  # shown with pytest -s
        print(label, [(f["lang"], f["view"], round(f["doc"], 1)) for f in r[label]])

    def fitted(frames: list[dict]) -> None:
        assert len(frames) == 3
        for f in frames:
            assert f["style"], f  # /embed.js set the height
            assert abs(f["view"] - f["doc"]) <= 2, f  # the iframe is as tall as its document…
            assert f["scrollHeight"] <= f["clientHeight"] + 1, f  # …so nothing scrolls inside

    fitted(r["wide"])
    assert [f["lang"] for f in r["wide"]] == ["en", "ja", "ko"]
    assert all(abs(f["height"] - 600) > 20 for f in r["wide"])  # not the snippet's default height
    # strangers' messages changed nothing
    assert r["thirdOrigin"] == third.origin and r["sameOrigin"] == live
    assert [f["height"] for f in r["afterBogus"]] == [f["height"] for f in r["wide"]]
    # at 320 px the text reflows: taller iframes, still fitted, no sideways scroll
    fitted(r["narrow"])
    assert all(n["height"] > w["height"] for n, w in zip(r["narrow"], r["wide"], strict=True))
    assert r["narrowOverflow"] <= 320
    assert r["control"] == 333  # the same message from the managed frame is obeyed
    assert not r["errors"], r["errors"]  # no CSP refusal, no SRI or CORS failure
    assert (shots / "parent_320.png").stat().st_size > 0 and (shots / "parent_1024.png").stat().st_size > 0


def test_focus_embed_axe_zero_violations(sites):
    live, _parent, _third = sites
    urls = [f"{live}/embed/{c}/focus/2-1-1/" for c in ("ja", "en", "th")]
    urls += [f"{live}/embed/{c}/focus/3-2-1/?switcher=1" for c in ("ja-easy", "ne")]
    env = dict(os.environ, EXTRA_RE=".")
    out = subprocess.run(["node", "check.mjs", "pages", *urls], cwd=BROWSER_DIR, capture_output=True,
                         text=True, timeout=600, env=env)
    assert out.returncode == 0, out.stderr[-2000:]
    results = json.loads(out.stdout)
    assert len(results) == len(urls)
    for r in results:
        assert not r.get("error") and r["status"] == 200, r
        assert not (r["axe"] + r["axeDark"] + r["axe320"]), (r["url"], r["axe"] + r["axeDark"] + r["axe320"])
        assert r["overflow320"]["scrollWidth"] <= r["overflow320"]["innerWidth"], r["url"]
        assert not r["consoleErrors"], (r["url"], r["consoleErrors"])


def test_nu_html_checker_focus_embed_and_snippets(fixture_app, tmp_path):
    need_vnu()
    client = fixture_app.test_client()
    paths = ["/embed/en/focus/2-1-1/", "/embed/ja-easy/focus/2-1-1/?switcher=1", "/th/", "/ja/initiatives/2/"]
    files = []
    for i, path in enumerate(paths):
        f = tmp_path / f"p{i}.html"
        f.write_bytes(client.get(path).get_data())
        files.append(str(f))
    out = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--errors-only", "--exit-zero-always", *files],
                         capture_output=True, text=True, timeout=300)
    errors = [m for m in json.loads(out.stderr or out.stdout)["messages"] if m.get("type") == "error"]
    assert not errors, [(m["url"], m.get("lastLine"), m["message"]) for m in errors[:10]]
