"""PDF benchmark, in one run on this machine:

    .venv-test/bin/python bench/pdf_bench.py [--db sqlite:///…] [--jobs 2]

Without --db it imports the seed sheet into a temporary store and restores
the people's translations shipped in ``translations/`` (as ``prepare`` does,
without the Easy Japanese analysis: ja-easy shows the team's texts).

It measures, into a fresh folder each time:
* one initiative PDF: the first (cold: fonts, compiler) and the median of
  ten more (what a reader's first request costs) — goal < 0.5 s;
* the booklet in ja, ja-easy, en and ne, one by one;
* all 12 booklets (``--jobs`` Typst processes) — goal < 60 s;
* the rebuild after one English sentence changes: every document of every
  locale is checked, and the files written are counted (goal: 2, the
  initiative and the booklet that show the sentence) — the mtimes of every
  file in the folder are compared too, so nothing else was touched.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy.orm import Session  # noqa: E402

from kintl_pub import locales  # noqa: E402
from kintl_pub.render.pdf import build  # noqa: E402
from kintl_pub.store.db import get_engine, init_db, session_factory, transaction  # noqa: E402

SEED = ROOT / "data" / "seed" / "000_d887f43b9ee9cda1.txt"
BASE = "https://www.example.jp"


def seed_store(folder: Path) -> str:
    from kintl_pub.catalogs.importer import load_repo_catalogs
    from kintl_pub.ingest.load import import_file
    from kintl_pub.prepare import TRANSLATIONS, load_label_translations, refresh

    url = f"sqlite:///{folder / 'bench.sqlite3'}"
    engine = init_db(get_engine(url))
    with transaction(engine) as s:
        import_file(s, SEED, who="bench", corrections=None)
        refresh(s, index=False)
    with transaction(engine) as s:
        load_repo_catalogs(s, TRANSLATIONS)
        load_label_translations(s)
    return url


def timed(fn):  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0


def cpu() -> float:
    """CPU seconds of this process and its finished children (the Typst
    workers): on a machine shared with other jobs the wall time overstates
    what the work costs; both are printed."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def one_initiative(session: Session, folder: Path) -> tuple[float, float]:
    root = folder / "one"
    numbers = [1, 12, 25, 35, 47, 60, 72, 80, 95, 109]
    _, cold = timed(lambda: build.initiative_pdf(session, "ja", 2, base_url=BASE, root=root))
    times = []
    for i, n in enumerate(numbers):
        lang = ("ja", "ja-easy", "en", "ne", "th")[i % 5]
        got, secs = timed(lambda n=n, lang=lang: build.initiative_pdf(session, lang, n, base_url=BASE, root=root))
        assert got is not None and got[1] > 0
        times.append(secs)
    return cold, statistics.median(times)


def english_sentence(session: Session) -> tuple[str, list[str]]:
    """A sentence of initiative 35 shown in English (what a translator fixes),
    and the documents that show it: in English, and in every locale whose
    fallback chain shows that English (fil and ne read English first)."""
    from kintl_pub import locales
    from kintl_pub.render.initiative import initiative_views

    def sources(view):  # type: ignore[no-untyped-def]
        return [shown for prog in view.programs for fv in prog.fields for block in fv.blocks
                for run in block.runs for shown in run.items]

    views = initiative_views(session, "en")
    source = next(s.source for v in views if v.number == 35 for s in sources(v) if s.lang == "en")
    showing: list[str] = []
    for loc in locales.LOCALES:
        docs = [build.Doc(loc.code, v.number).rel for v in initiative_views(session, loc.code)
                if any(s.source == source and s.lang == "en" for s in sources(v))]
        if docs:
            showing += [build.Doc(loc.code).rel, *docs]
    return source, sorted(showing)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", help="SQLAlchemy URL of a prepared store (default: import the seed)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--quick", action="store_true", help="skip the build of every document")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="pdf-bench-") as tmp:
        folder = Path(tmp)
        url = args.db or seed_store(folder)
        session = session_factory(get_engine(url))()
        codes = [loc.code for loc in locales.LOCALES]

        cold, warm = one_initiative(session, folder)
        print(f"one initiative PDF: first {cold:.3f} s (cold), then median {warm:.3f} s "
              f"of 10 (goal < 0.5 s: {'ok' if warm < 0.5 else 'MISSED'}, {warm / 0.5:.2f}× of it)")

        for lang in ("ja", "ja-easy", "en", "ne"):
            rep, secs = timed(lambda lang=lang: build.build(
                session, [lang], base_url=BASE, root=folder / f"b-{lang}", booklets=True))
            pages = build.Doc(lang).rel
            print(f"booklet {lang:8s}: {rep.seconds[pages]:6.2f} s to typeset "
                  f"({secs:.2f} s with its 109 initiative PDFs, {len(rep.built)} files)")

        root = folder / "all"
        c0 = cpu()
        t0 = time.perf_counter()
        docs = [p for lang in codes
                for p in build.locale_documents(session, lang, BASE) if p.doc.number is None]
        prep = time.perf_counter() - t0
        todo = [p for p in docs if not build.is_fresh(root, p)]
        t1 = time.perf_counter()
        for p, pdf, _secs in build._compile_all(todo, args.jobs):
            build._store(root, p, pdf)
        typeset = time.perf_counter() - t1
        total, used = prep + typeset, cpu() - c0
        print(f"all 12 booklets: {total:.1f} s ({prep:.1f} s view models, {typeset:.1f} s Typst "
              f"with {args.jobs} processes; goal < 60 s: {'ok' if total < 60 else 'MISSED'}, "
              f"{total / 60:.2f}× of it); CPU {used:.1f} s, i.e. ≈ {used / args.jobs:.1f} s "
              f"on {args.jobs} idle cores; load average now {os.getloadavg()[0]:.1f}")

        if args.quick:
            return
        # the one-change rebuild over every document of every locale
        full = folder / "full"
        rep, secs = timed(lambda: build.build(session, base_url=BASE, root=full, jobs=args.jobs))
        print(f"every document ({rep.total}): {secs:.1f} s from nothing")
        before = {p: p.stat().st_mtime_ns for p in full.rglob("*") if p.is_file()}
        rep, secs = timed(lambda: build.build(session, base_url=BASE, root=full, jobs=args.jobs))
        print(f"no change: {len(rep.built)} built, {rep.fresh} up to date in {secs:.1f} s")
        from kintl_pub.catalogs import states

        source, expected = english_sentence(session)
        states.put_human(session, "en", source, "A sentence a translator just fixed.", who="bench")
        session.flush()
        rep, secs = timed(lambda: build.build(session, base_url=BASE, root=full, jobs=args.jobs))
        after = {p: p.stat().st_mtime_ns for p in full.rglob("*") if p.is_file()}
        touched = sorted(str(p.relative_to(full)) for p in after if before.get(p) != after[p])
        pdfs = [t for t in touched if t.endswith(".pdf")]
        print(f"one English sentence changed: {len(rep.built)} of {rep.total} documents rebuilt "
              f"in {secs:.1f} s: {', '.join(sorted(rep.built))}; files touched: {len(touched)} "
              f"({len(pdfs)} PDFs + their .sha256) — goal: only those showing it: "
              f"{'ok' if sorted(pdfs) == expected else 'MISSED'} (the documents showing it: {', '.join(expected)})")
        session.rollback()
        session.close()


if __name__ == "__main__":
    main()
