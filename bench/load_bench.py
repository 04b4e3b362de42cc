"""Load benchmark: 32 keep-alive clients for 60 s against the site as
``kintl-pub serve`` runs it (gunicorn, 2 gthread workers × 4 threads), over
a mix of pages in all 12 locales, searches and oEmbed.  Loopback only and
bounded (time, and requests per client).

    .venv-test/bin/python bench/load_bench.py [--db sqlite:///…] [--seconds 60] [--clients 32]

Without --db it imports the seed into a temporary store and runs
``prepare`` (people's translations, Easy Japanese, search index).  Prints
the requests by kind and status — every answer must be 200, or 429 from the
documented rate limit (``KINTL_RATELIMIT_DEFAULT``, 600 per minute per
address: every client here is 127.0.0.1, so searches and oEmbed hit it; the
cached pages are exempt) — p50/p99 latency per kind, and each worker's RSS
before the load, every 10 s during it and after: the last half of the run
must add less than 5 % (memory levels off).
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from web_bench import SEED, children, free_port, rss_mb, stop_server, wait_for  # noqa: E402

from kintl_pub import locales  # noqa: E402

PY = sys.executable
SEARCH_WORDS = ["外国人", "国際", "多文化", "日本語", "Kawasaki", "support", "교류", "ภาษา", "2021", "川崎"]
MAX_REQUESTS_PER_CLIENT = 100_000


def url_mix(base: str, seed: int = 1) -> list[tuple[str, str]]:
    """(kind, path): every locale's home, accessibility page, a spread of
    initiative and embed pages, searches and oEmbed look-ups."""
    rng = random.Random(seed)
    out: list[tuple[str, str]] = []
    for loc in locales.LOCALES:
        out += [("page", f"/{loc.code}/"), ("page", f"/{loc.code}/accessibility/")]
        for n in rng.sample(range(1, 110), 12):
            out.append(("page", f"/{loc.code}/initiatives/{n}/"))
        for n in rng.sample(range(1, 110), 4):
            out.append(("embed", f"/embed/{loc.code}/initiatives/{n}/"))
        for word in rng.sample(SEARCH_WORDS, 2):
            out.append(("search", f"/{loc.code}/search?q={quote(word)}"))
        n = rng.randrange(1, 110)
        out.append(("oembed", "/oembed?url=" + quote(f"{base}/{loc.code}/initiatives/{n}/", safe="")))
    return out


def _client_proc(args: tuple[int, list[tuple[str, str]], float, int, int]) -> tuple[dict, Counter]:
    """One load process: ``threads`` keep-alive clients, each cycling through
    the mix in its own order.  Returns latencies by kind and status counts."""
    port, mix, seconds, threads, seed = args
    lat: dict[str, list[float]] = {}
    statuses: Counter = Counter()
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(i: int) -> None:
        order = list(mix)
        random.Random(seed * 100 + i).shuffle(order)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine: dict[str, list[float]] = {}
        counts: Counter = Counter()
        for n in range(MAX_REQUESTS_PER_CLIENT):
            if time.monotonic() >= stop:
                break
            kind, path = order[n % len(order)]
            t0 = time.perf_counter()
            try:
                conn.request("GET", path)
                r = conn.getresponse()
                r.read()
                counts[(kind, r.status)] += 1
            except (OSError, http.client.HTTPException) as exc:
                counts[(kind, type(exc).__name__)] += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                continue
            mine.setdefault(kind, []).append(time.perf_counter() - t0)
        conn.close()
        with lock:
            statuses.update(counts)
            for k, v in mine.items():
                lat.setdefault(k, []).extend(v)

    ts = [threading.Thread(target=client, args=(i,)) for i in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return lat, statuses


def _pct(xs: list[float], q: float) -> float:
    return xs[min(len(xs) - 1, int(len(xs) * q))] * 1000 if xs else float("nan")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", help="SQLAlchemy URL of a prepared store (default: the seed, imported and prepared)")
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--procs", type=int, default=4, help="client processes (the clients are split over them)")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="kintl-load-"))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = dict(os.environ, KINTL_INSTANCE_DIR=str(work), PYTHONPATH=str(ROOT), KINTL_PUBLIC_BASE_URL=base)
    env.pop("KINTL_RATELIMIT_DEFAULT", None)  # the documented default limit
    env["DATABASE_URL"] = args.db or f"sqlite:///{work / 'load.sqlite3'}"
    gunicorn = None
    try:
        if not args.db:
            print("importing and preparing the seed …", flush=True)
            subprocess.run([PY, "-m", "kintl_pub", "import", str(SEED)], env=env, check=True, capture_output=True)
            subprocess.run([PY, "-m", "kintl_pub", "prepare"], env=env, check=True, capture_output=True)
        gunicorn = subprocess.Popen(
            [PY, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}", "--workers", "2",
             "--worker-class", "gthread", "--threads", "4", "--keep-alive", "5", "wsgi:app"],
            env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        wait_for(port)
        workers = children(gunicorn.pid)
        mix = url_mix(base)
        rss_series: list[list[float]] = [[rss_mb(p) for p in workers]]
        per = max(1, args.clients // args.procs)
        print(f"load: {per * args.procs} keep-alive clients ({args.procs} processes) x {args.seconds:.0f} s, "
              f"{len(mix)} URLs in {len(locales.LOCALES)} locales; workers {workers}", flush=True)
        with multiprocessing.get_context("fork").Pool(args.procs) as pool:
            job = pool.map_async(_client_proc, [(port, mix, args.seconds, per, k) for k in range(args.procs)])
            while not job.ready():
                job.wait(10)
                rss_series.append([rss_mb(p) for p in workers])
            parts = job.get()
        rss_series.append([rss_mb(p) for p in workers])
        lat: dict[str, list[float]] = {}
        statuses: Counter = Counter()
        for part_lat, part_status in parts:
            statuses.update(part_status)
            for k, v in part_lat.items():
                lat.setdefault(k, []).extend(v)

        total = sum(statuses.values())
        errors = {k: v for k, v in statuses.items() if k[1] not in (200, 429)}
        print(f"\n{'kind':<8} {'requests':>9} {'200':>8} {'429':>7} {'other':>6} {'p50 ms':>8} {'p99 ms':>8}")
        for kind in ("page", "embed", "search", "oembed"):
            xs = sorted(lat.get(kind, []))
            n = sum(v for (k, _s), v in statuses.items() if k == kind)
            other = sum(v for (k, s), v in errors.items() if k == kind)
            print(f"{kind:<8} {n:>9} {statuses[(kind, 200)]:>8} {statuses[(kind, 429)]:>7} {other:>6} "
                  f"{_pct(xs, 0.5):>8.1f} {_pct(xs, 0.99):>8.1f}")
        everything = sorted(x for xs in lat.values() for x in xs)
        print(f"{'all':<8} {total:>9} {'':>8} {'':>7} {sum(errors.values()):>6} "
              f"{_pct(everything, 0.5):>8.1f} {_pct(everything, 0.99):>8.1f}")
        print(f"throughput: {total / args.seconds:.0f} requests/s")
        print("errors other than 429: " + (", ".join(f"{k}: {v}" for k, v in errors.items()) or "0"))
        print("\nworker RSS MB (before, every 10 s, after):")
        levelled = True
        for i, pid in enumerate(workers):
            series = [s[i] for s in rss_series]
            half = series[len(series) // 2]
            growth = (series[-1] - half) / half if half else float("inf")
            levelled &= growth < 0.05
            print(f"  {pid}: " + " ".join(f"{x:.0f}" for x in series) + f"  (last half {growth:+.1%})")
        print(f"RSS levels off: {'yes' if levelled else 'NO'}; "
              f"errors other than 429: {'none' if not errors else 'SOME'}")
        print(f"p50 {statistics.median(everything) * 1000:.1f} ms, p99 {_pct(everything, 0.99):.1f} ms")
    finally:
        stop_server(gunicorn)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
