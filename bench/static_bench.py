"""Static export benchmark, in one run on this machine:

1. the full ``build-static`` of the seed (every page of 12 locales, the
   search page, sitemap, Pagefind index): time (rendering the HTML apart),
   files and size;
2. a second run with nothing changed (must write 0 files);
3. a rebuild after one English translation changed (only the files that
   show it are written);
4. requests/s of the dynamic site as the README's production setup runs it
   (gunicorn, 2 gthread workers x 4 threads, response cache on) against
   nginx (2 workers) serving the export from a sub-path, over the same mix
   of pages in all 12 locales, measured the same way (wrk when installed,
   else a Python client with threads), printed as a ratio.

    .venv-test/bin/python bench/static_bench.py [--seconds 10] [--connections 32] [--pdfs]

Loopback only.  PDFs are left out unless --pdfs (compiling 1,300 of them is
``pdf build``'s bench, bench/pdf_bench.py).
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from web_bench import SEED, free_port, stop_server, wait_for  # noqa: E402

from kintl_pub import locales  # noqa: E402
from tests.web import nginx  # noqa: E402

PY = sys.executable
BASE = "https://www.city.example.jp/kokusai/"
PREFIX = "/kokusai"


def make_store(work: Path) -> str:
    from kintl_pub.ingest.load import import_file
    from kintl_pub.prepare import refresh
    from kintl_pub.store.db import get_engine, init_db, transaction

    url = f"sqlite:///{work / 'bench.sqlite3'}"
    with transaction(init_db(get_engine(url))) as s:
        import_file(s, SEED, who="bench", corrections=None)
        refresh(s)
    return url


def change_one_title(url: str, number: int) -> str:
    """A translator writes the English title of one initiative."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from kintl_pub.catalogs import states
    from kintl_pub.render.initiative import title_source
    from kintl_pub.store.db import get_engine
    from kintl_pub.store.models import Initiative

    with Session(get_engine(url)) as s:
        ini = s.scalars(select(Initiative).where(Initiative.number == number)).one()
        states.put_human(s, "en", title_source(ini), f"Initiative {number}, title fixed by the bench",
                         who="bench-translator")
        s.commit()
    return "title fixed by the bench"


def url_mix(n: int = 400) -> list[str]:
    rnd = random.Random(16)
    paths = []
    for _ in range(n):
        code = rnd.choice(locales.LOCALES).code
        kind = rnd.random()
        if kind < 0.8:
            paths.append(f"/{code}/initiatives/{rnd.randint(1, 109)}/")
        elif kind < 0.95:
            paths.append(f"/{code}/")
        else:
            paths.append(f"/{code}/accessibility/")
    return paths


WRK_LUA = """
paths = {%s}
i = 0
request = function()
  i = (i %% #paths) + 1
  return wrk.format("GET", paths[i])
end
"""


def wrk_rps(host: str, port: int, paths: list[str], seconds: float, conns: int, work: Path) -> tuple[float, str]:
    script = work / "mix.lua"
    script.write_text(WRK_LUA % ", ".join(f'"{p}"' for p in paths))
    out = subprocess.run(["wrk", "-t2", f"-c{conns}", f"-d{seconds:.0f}s", "-s", str(script),
                          f"http://{host}:{port}/"], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])  # type: ignore[index]
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, f"non-2xx: {bad[1] if bad else 0}"


def python_rps(host: str, port: int, paths: list[str], seconds: float, conns: int) -> tuple[float, str]:
    """Keep-alive clients in threads (when wrk is missing); the same for both servers."""
    counts, bad = [0] * conns, [0] * conns
    end = time.monotonic() + seconds

    def client(k: int) -> None:
        c = http.client.HTTPConnection(host, port, timeout=30)
        i = k
        while time.monotonic() < end:
            c.request("GET", paths[i % len(paths)])
            r = c.getresponse()
            r.read()
            counts[k] += 1
            bad[k] += r.status >= 400
            i += conns
    threads = [threading.Thread(target=client, args=(k,)) for k in range(conns)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(counts) / seconds, f"non-2xx: {sum(bad)}"


def measure(port: int, paths: list[str], args: argparse.Namespace, work: Path) -> tuple[float, str]:
    if shutil.which("wrk"):
        return wrk_rps("127.0.0.1", port, paths, args.seconds, args.connections, work)
    return python_rps("127.0.0.1", port, paths, args.seconds, min(args.connections, 16))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=10.0, help="per server")
    ap.add_argument("--connections", type=int, default=32)
    ap.add_argument("--pdfs", action="store_true", help="export the PDFs too (compiles them)")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="kintl-static-bench-"))
    os.environ["KINTL_INSTANCE_DIR"] = str(work)  # PDFs and caches of this run only
    from kintl_pub.web.export import build_static, export_app

    gunicorn = None
    try:
        url = make_store(work)
        out = work / "site"
        app = export_app(BASE, DATABASE_URL=url, STATIC_EXPORT_PDFS=args.pdfs)
        print(f"machine: {os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f} at start", flush=True)

        full = build_static(app, out, base_url=BASE)
        du = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
        print(f"full export:   {full.render_seconds:5.1f} s for the HTML ({full.files} files), "
              f"{full.seconds:5.1f} s in all with sitemap and Pagefind; "
              f"{full.bytes / 1e6:.1f} MB of pages, {du / 1e6:.1f} MB on disk with the search index")
        again = build_static(app, out, base_url=BASE)
        print(f"nothing changed: {again.seconds:5.1f} s, {len(again.written)} written, "
              f"{again.unchanged} unchanged, search index {'rebuilt' if again.search_files else 'kept'}")
        marker = change_one_title(url, 50)
        one = build_static(app, out, base_url=BASE)
        shows = sum(marker in p.read_text(encoding="utf-8") for p in out.rglob("*.html"))
        print(f"one title changed: {one.seconds:5.1f} s ({one.render_seconds:.1f} s rendering), "
              f"{len(one.written)} written ({shows} pages show the new title), "
              f"{one.unchanged} unchanged, search index {'rebuilt' if one.search_files else 'kept'}")

        paths = url_mix()
        port = free_port()
        env = dict(os.environ, DATABASE_URL=url, PYTHONPATH=str(ROOT), KINTL_PUBLIC_BASE_URL=f"http://127.0.0.1:{port}")
        env.pop("KINTL_RATELIMIT_DEFAULT", None)
        gunicorn = subprocess.Popen(
            [PY, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}", "--workers", "2",
             "--worker-class", "gthread", "--threads", "4", "wsgi:app"],
            env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(port)
        for p in paths:  # fill the response cache: the steady state of a live site
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            c.request("GET", p)
            c.getresponse().read()
        tool = "wrk" if shutil.which("wrk") else "python threads"
        dyn, dyn_note = measure(port, paths, args, work)
        stop_server(gunicorn)
        gunicorn = None
        with nginx.serve(out, PREFIX, workers=2) as site:
            nport = int(site.split(":")[2].split("/")[0])
            stat, stat_note = measure(nport, [PREFIX + p for p in paths], args, work)
        print(f"requests/s ({tool}, {args.connections} connections, {args.seconds:.0f} s each, "
              f"{len(paths)} URLs in 12 locales):")
        print(f"  dynamic (gunicorn 2x4, response cache): {dyn:8.0f}  ({dyn_note})")
        print(f"  static (nginx, 2 workers):              {stat:8.0f}  ({stat_note})")
        print(f"  dynamic / static = {dyn / stat:.3f}x   static / dynamic = {stat / dyn:.1f}x")
    finally:
        stop_server(gunicorn)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
