"""The web process must never import the MT stack (torch is huge), the Easy
Japanese analysers (SudachiPy, pykakasi) or the search-index builder: it
only reads what the batch steps made."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from ..web import fixture_data

ROOT = Path(__file__).resolve().parents[2]

PAGES = ("/en/", "/ja-easy/initiatives/3/", "/en/initiatives/1/", "/ko/search?q=相談&area=p2",
         "/embed/ja-easy/initiatives/3/", "/oembed?url=https://example.test/en/initiatives/3/")


def test_app_does_not_import_torch_or_argos(tmp_path: Path) -> None:
    env = dict(os.environ)
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'app.sqlite3'}"
    env["KINTL_INSTANCE_DIR"] = str(tmp_path / "instance")
    code = (
        "import kintl_pub, sys; kintl_pub.create_app(); "
        "import kintl_pub.cli; "
        "bad = [m for m in ('torch', 'argostranslate', 'ctranslate2', 'stanza') if m in sys.modules]; "
        "assert not bad, bad"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr


def test_serving_pages_imports_no_analysis_mt_or_index_builder(tmp_path: Path) -> None:
    from kintl_pub.store.db import get_engine

    url = f"sqlite:///{tmp_path / 'fixture.sqlite3'}"
    fixture_data.build(get_engine(url))  # in this process: the child only serves
    env = dict(os.environ, KINTL_INSTANCE_DIR=str(tmp_path / "instance"))
    code = (
        "import json, sys, kintl_pub\n"
        f"app = kintl_pub.create_app({{'DATABASE_URL': {url!r}, 'PUBLIC_BASE_URL': 'https://example.test'}})\n"
        "c = app.test_client()\n"
        f"pages = {{p: c.get(p) for p in {PAGES!r}}}\n"
        "print(json.dumps({'status': {p: r.status_code for p, r in pages.items()},\n"
        "                  'ruby': '<ruby>' in pages['/ja-easy/initiatives/3/'].get_data(as_text=True),\n"
        "                  'modules': sorted(m for m in sys.modules if m.split('.')[0] in\n"
        "                      ('kintl_pub', 'sudachipy', 'pykakasi', 'torch', 'argostranslate'))}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    seen = json.loads(out.stdout)
    assert set(seen["status"].values()) == {200}, seen["status"]
    assert seen["ruby"]  # the Easy Japanese page was really rendered (furigana)
    modules = set(seen["modules"])
    # what the pages needed was loaded: the check below looks at real names
    assert {"kintl_pub.render.search", "kintl_pub.search.query", "kintl_pub.easy.markup"} <= modules
    bad = sorted(
        m for m in modules
        if m.split(".")[0] in ("sudachipy", "pykakasi", "torch", "argostranslate")
        or m == "kintl_pub.search.index" or m == "kintl_pub.prepare"
        or m.startswith(("kintl_pub.mt", "kintl_pub.ingest"))
        or (m.startswith("kintl_pub.easy.") and m != "kintl_pub.easy.markup")
    )
    assert not bad, bad
