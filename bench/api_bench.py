"""API benchmark, in-process (WSGI, no sockets), one run, side by side:
for a few documents, the time to render (response cache off; an initiative
comes from its locale's views built together, web/api/memo.py), to answer
from the response cache, and to answer a revalidation (If-None-Match → 304),
printed as ratios to the render time; plus every locale's full set of
``build-static`` API documents rendered once (what the static export costs).

    .venv-test/bin/python bench/api_bench.py [--db sqlite:///…] [--rounds 20]

Without --db it imports the seed sheet into a temporary store.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SEED = ROOT / "data" / "seed" / "000_d887f43b9ee9cda1.txt"
DOCS = ["/api/v1/initiatives/80?lang=en", "/api/v1/initiatives?lang=en&policy=3",
        "/api/v1/tree?lang=vi", "/api/v1/search?q=%E5%A4%96%E5%9B%BD%E4%BA%BA&lang=en",
        "/api/v1/changes?since=2000-01-01&lang=en"]


def _seed() -> str:
    from kintl_pub.ingest.load import import_file
    from kintl_pub.prepare import refresh
    from kintl_pub.store.db import get_engine, init_db, transaction

    url = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    with transaction(init_db(get_engine(url))) as s:
        import_file(s, SEED, who="bench", corrections=None)
        refresh(s)
    return url


def _ms(fn, rounds: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db")
    ap.add_argument("--rounds", type=int, default=20)
    args = ap.parse_args()
    from kintl_pub import create_app
    from kintl_pub.web import exports

    url = args.db or _seed()
    cfg = {"DATABASE_URL": url, "RATELIMIT_ENABLED": False}
    render = create_app({**cfg, "RESPONSE_CACHE": False}).test_client()
    cached = create_app(cfg).test_client()
    print(f"{'document':<58} {'render ms':>9} {'cache hit':>10} {'304':>8}")
    for doc in DOCS:
        etag = cached.get(doc).headers["ETag"]
        r = _ms(lambda d=doc: render.get(d), args.rounds)
        h = _ms(lambda d=doc: cached.get(d), args.rounds)
        n = _ms(lambda d=doc, e=etag: cached.get(d, headers={"If-None-Match": e}), args.rounds)
        print(f"{doc:<58} {r:>9.1f} {r / h:>9.0f}× {r / n:>7.0f}×")
    app = create_app({**cfg, "RESPONSE_CACHE": False})
    client = app.test_client()
    docs = [d for d in exports.documents(app) if d[1].startswith("api/") or d[1].endswith(".atom")]
    t = time.perf_counter()
    size = sum(len(client.get(req).data) for req, _path in docs)
    print(f"build-static API documents: {len(docs)} files, {size / 1e6:.1f} MB, {time.perf_counter() - t:.1f} s")


if __name__ == "__main__":
    main()
