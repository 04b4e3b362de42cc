"""Workspace response times on the real seed, side by side with a public page.

Imports the seed sheet into a temporary SQLite store with the committed
translations (as ``prepare`` does, without Easy Japanese drafts), adds a
translator and an editor, then times through the Flask test client:
the English queue (all entries, warnings computed), an entry's editor (TM,
neighbours, history), a save, the Easy Japanese editor with live feedback,
the editors' home (``easy report`` of the whole store, cached per store
version) and, for scale, the public initiative page without the response cache.

    .venv-test/bin/python bench/workspace_bench.py [--runs 5]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PW = "bench password 123"


def build(url: str) -> None:
    from sqlalchemy.orm import Session

    from kintl_pub.catalogs.importer import load_repo_catalogs
    from kintl_pub.ingest.load import import_file
    from kintl_pub.prepare import load_label_translations, refresh
    from kintl_pub.project import TRANSLATIONS_DIR
    from kintl_pub.store.db import get_engine, init_db, transaction
    from kintl_pub.store.users import add_user

    engine = init_db(get_engine(url))
    with transaction(engine) as s:
        import_file(s, ROOT / "data" / "seed" / "000_d887f43b9ee9cda1.txt", who="bench", corrections=None)
        refresh(s, index=False)
    with transaction(engine) as s:
        load_repo_catalogs(s, TRANSLATIONS_DIR)
        load_label_translations(s)
    with Session(engine) as s, s.begin():
        add_user(s, "bench-en", PW, locale_spec="en")
        add_user(s, "bench-ed", PW, editor=True)


def timed(fn, runs: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), max(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    from kintl_pub import create_app

    tmp = Path(tempfile.mkdtemp())
    url = f"sqlite:///{tmp / 'bench.sqlite3'}"
    t0 = time.perf_counter()
    build(url)
    print(f"store built in {time.perf_counter() - t0:.1f} s")
    app = create_app({"DATABASE_URL": url, "RATELIMIT_ENABLED": False, "WTF_CSRF_ENABLED": False,
                      "RESPONSE_CACHE": False})

    def client(name: str):  # type: ignore[no-untyped-def]
        c = app.test_client()
        r = c.post("/workspace/login", data={"username": name, "password": PW})
        assert r.status_code == 302, r.status_code
        return c

    en, ed = client("bench-en"), client("bench-ed")
    queue = en.get("/workspace/en/").get_data(as_text=True)
    total = re.search(r"<h2>(\d+) entr", queue)
    # a prose entry of initiative 12 (the public page timed below)
    found = en.get("/workspace/en/?initiative=12&field=results").get_data(as_text=True)
    h = re.search(r'href="/workspace/en/entry/([0-9a-f]{64})', found).group(1)  # type: ignore[union-attr]
    rows: list[tuple[str, float, float]] = []

    def get(c, path):  # type: ignore[no-untyped-def]
        def run() -> None:
            r = c.get(path)
            assert r.status_code == 200, (path, r.status_code)
        return run

    n = iter(range(10**6))

    def save() -> None:
        page = en.get(f"/workspace/en/entry/{h}").get_data(as_text=True)
        v = re.search(r'name="version" value="(\d+)"', page).group(1)  # type: ignore[union-attr]
        r = en.post(f"/workspace/en/entry/{h}", data={"version": v, "text": f"Done as planned ({next(n)}).",
                                                      "action": "save"})
        assert r.status_code == 302

    cases = [
        ("public initiative page (no cache)", get(app.test_client(), "/en/initiatives/12/")),
        ("queue: English, all entries", get(en, "/workspace/en/")),
        ("queue: search + filter", get(en, "/workspace/en/?state=translated&q=%E7%9B%AE%E6%A8%99")),
        ("editor: one entry", get(en, f"/workspace/en/entry/{h}")),
        ("save (load editor + POST)", save),
        ("Easy Japanese editor + feedback", get(ed, f"/workspace/ja-easy/entry/{h}")),
        ("editors' home (easy report, cached)", get(ed, "/workspace/easy/")),
    ]
    t0 = time.perf_counter()
    ed.get("/workspace/easy/")
    print(f"editors' home, first view (easy report of the whole store): {time.perf_counter() - t0:.1f} s")
    for name, fn in cases:
        fn()  # warm
        p50, worst = timed(fn, args.runs)
        rows.append((name, p50, worst))
    base = rows[0][1]
    print(f"queue size: {total.group(1) if total else '?'} entries (English)")
    print(f"{'page':<40} {'p50 ms':>8} {'max ms':>8} {'× public':>9}")
    for name, p50, worst in rows:
        print(f"{name:<40} {p50 * 1000:>8.0f} {worst * 1000:>8.0f} {p50 / base:>9.1f}")


if __name__ == "__main__":
    main()
