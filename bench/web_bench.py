"""Web benchmark: the dynamic site (gunicorn, 2 workers) against the static
export of the same pages (a plain static server), in one run, loopback only.

    .venv-test/bin/python bench/web_bench.py [--db sqlite:///…] [--seconds 5]

Without --db it imports the seed sheet into a temporary store.  For each of
an initiative page, the policy tree and a search it measures requests/second
and p50/p99 latency with a bounded number of concurrent keep-alive clients,
after a warm-up (so the dynamic numbers are for cached pages), and prints
dynamic/static ratios (target ≥ 0.5), the gunicorn workers' RSS (target
≤ 150 MB) and whether importing the app pulled in torch.
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "seed" / "000_d887f43b9ee9cda1.txt"
PY = sys.executable

PAGES = {
    "initiative": "/en/initiatives/80/",
    "tree": "/en/",
    "search": "/en/search?q=" + quote("外国人"),
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port: int, path: str = "/en/", timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            c.request("GET", path)
            if c.getresponse().status < 500:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"server on {port} did not come up")


def _load_proc(args: tuple[int, str, float, int]) -> tuple[list[float], int, float]:
    """One load process: ``threads`` keep-alive clients on one URL."""
    port, path, seconds, threads = args
    lat: list[list[float]] = [[] for _ in range(threads)]
    errors = [0] * threads
    stop = time.monotonic() + seconds

    def worker(i: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        n = 0
        while time.monotonic() < stop and n < 200_000:  # bounded loop
            n += 1
            t0 = time.perf_counter()
            try:
                conn.request("GET", path)
                r = conn.getresponse()
                r.read()
                if r.status != 200:
                    errors[i] += 1
            except (OSError, http.client.HTTPException):
                errors[i] += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                continue
            lat[i].append(time.perf_counter() - t0)
        conn.close()

    ts = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    t0 = time.perf_counter()
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return [x for xs in lat for x in xs], sum(errors), time.perf_counter() - t0


def load(port: int, path: str, seconds: float, clients: int, procs: int = 2) -> dict:
    """``clients`` keep-alive connections (spread over ``procs`` processes, so
    the client's GIL is not the bottleneck) hammer one URL for ``seconds``."""
    per = max(1, clients // procs)
    with multiprocessing.get_context("fork").Pool(procs) as pool:
        parts = pool.map(_load_proc, [(port, path, seconds, per)] * procs)
    all_lat = sorted(x for lat, _e, _t in parts for x in lat)
    errors = sum(e for _l, e, _t in parts)
    elapsed = max(t for _l, _e, t in parts)
    if not all_lat:
        return {"rps": 0.0, "p50": float("nan"), "p99": float("nan"), "errors": errors}
    return {
        "rps": len(all_lat) / elapsed,
        "p50": statistics.median(all_lat) * 1000,
        "p99": all_lat[min(len(all_lat) - 1, int(len(all_lat) * 0.99))] * 1000,
        "errors": errors,
    }


# A plain static file server in its own process: HTTP/1.1 keep-alive and
# TCP_NODELAY (without it, small responses wait for delayed ACKs: 40 ms).
STATIC_SERVER = r"""
import socket, sys
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
class H(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def setup(self):
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    def log_message(self, *a):
        pass
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), partial(H, directory=sys.argv[2])).serve_forever()
"""


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def children(pid: int) -> list[int]:
    try:
        out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True)
        return [int(x) for x in out.stdout.split()]
    except OSError:
        return []


def stop_server(proc: subprocess.Popen | None) -> None:
    """SIGTERM (gunicorn's graceful stop), then kill after 10 s."""
    if proc is None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", help="SQLAlchemy URL of an imported store (default: import the seed)")
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--clients", type=int, default=8)
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="kintl-bench-"))
    env = dict(os.environ, KINTL_INSTANCE_DIR=str(work), KINTL_RATELIMIT_DEFAULT="1000000 per minute",
               PYTHONPATH=str(ROOT))
    db = args.db or f"sqlite:///{work / 'bench.sqlite3'}"
    env["DATABASE_URL"] = db
    gunicorn = None
    static = None
    try:
        if not args.db:
            subprocess.run([PY, "-m", "kintl_pub", "import", str(SEED)], env=env, check=True,
                           capture_output=True)
        subprocess.run([PY, "-m", "kintl_pub", "search-index"], env=env, check=True, capture_output=True)

        # torch must not come with the app
        probe = subprocess.run(
            [PY, "-c", "import sys, wsgi; print(int('torch' in sys.modules))"],
            env=env, cwd=ROOT, capture_output=True, text=True, check=True,
        )
        torch_loaded = probe.stdout.strip() == "1"

        # static export, plus the search result page (a static host cannot search:
        # we compare against the same HTML served as a file)
        out = work / "static"
        t0 = time.perf_counter()
        subprocess.run([PY, "-m", "kintl_pub", "build-static", str(out)], env=env, check=True,
                       capture_output=True)
        export_s = time.perf_counter() - t0
        search_html = subprocess.run(
            [PY, "-c", "import sys, wsgi; sys.stdout.buffer.write(wsgi.app.test_client().get(sys.argv[1]).data)",
             PAGES["search"]], env=env, cwd=ROOT, capture_output=True, check=True,
        ).stdout
        (out / "en" / "search-result.html").write_bytes(search_html)
        static_paths = {"initiative": PAGES["initiative"], "tree": PAGES["tree"],
                        "search": "/en/search-result.html"}

        dport, sport = free_port(), free_port()
        gunicorn = subprocess.Popen(
            # the production setting of ``kintl-pub serve``: 2 workers, 4 threads
            # each (gthread keeps connections alive, like the static server)
            [PY, "-m", "gunicorn", "--bind", f"127.0.0.1:{dport}", "--workers", "2",
             "--worker-class", "gthread", "--threads", "4", "--keep-alive", "5", "wsgi:app"],
            env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        static = subprocess.Popen([PY, "-c", STATIC_SERVER, str(sport), str(out)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(dport)
        wait_for(sport)

        print(f"static export: {export_s:.1f} s; load: {args.clients} keep-alive clients x "
              f"{args.seconds:.0f} s per URL (2 client processes)\n")
        print(f"{'page':<11} {'server':<8} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>6}")
        ratios = {}
        for name, path in PAGES.items():
            load(dport, path, 1.0, args.clients)  # warm up both workers' caches
            d = load(dport, path, args.seconds, args.clients)
            load(sport, static_paths[name], 0.5, args.clients)
            s = load(sport, static_paths[name], args.seconds, args.clients)
            for label, r in (("dynamic", d), ("static", s)):
                print(f"{name:<11} {label:<8} {r['rps']:>8.0f} {r['p50']:>8.2f} {r['p99']:>8.2f} {r['errors']:>6}")
            ratios[name] = d["rps"] / s["rps"] if s["rps"] else float("nan")
        print()
        for name, r in ratios.items():
            print(f"ratio dynamic/static {name:<11} {r:5.2f}  {'OK' if r >= 0.5 else 'BELOW 0.5'}")
        workers = children(gunicorn.pid)
        rss = [rss_mb(p) for p in workers]
        print(f"gunicorn worker RSS MB: {', '.join(f'{x:.0f}' for x in rss)}  "
              f"{'OK' if rss and max(rss) <= 150 else 'OVER 150'}")
        print(f"importing the app imports torch: {'YES (bad)' if torch_loaded else 'no'}")
    finally:
        stop_server(gunicorn)
        if static is not None:
            static.terminate()
            static.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
