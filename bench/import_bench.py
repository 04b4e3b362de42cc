"""Import cost vs sheet size: the real seed, and synthetic sheets 10× and
100× its size generated here from the seed itself, timed side by side in one
run.  Prints seconds and the per-programme-row cost relative to the seed
(≈1.0 everywhere means linear growth).

    .venv-test/bin/python bench/import_bench.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kintl_pub.text import CIRCLED  # noqa: E402

SEED = ROOT / "data" / "seed" / "000_d887f43b9ee9cda1.txt"
_NUM = re.compile(r"^(\d{1,4})(?=\s|$)")
_HEADING = re.compile(rf"^(【取組方針|取組の方向性|[{CIRCLED}])")


def synthetic(text: str, factor: int) -> str:
    """Repeat every focus area's block of lines ``factor`` times, renumbering
    initiatives sequentially, so hierarchy and messiness stay realistic.

    A block is everything between two headings — table rows *and* the page
    furniture between them (title, column header, dashes) — so rows keep
    their place on their page and ``synthetic(text, 1) == text``.  The
    number may sit in the second cell (an empty cell before it), and a row
    with its own 取組名 but no number keeps the gap the parser infers for it.
    Note the parser reads a number glued to its title only up to three
    digits (``cells.NUMBER_AND_NAME``): at 10× and 100× such initiatives past
    999 are read as titled rows without a number (numbers alone in their cell
    are read up to five digits)."""
    out: list[str] = []
    block: list[str] = []
    counter = 0

    code = re.compile(r"^(\d{1,2}-\d{1,2}(-\d{1,2})?|川崎区|幸区|中原区|高津区|宮前区|多摩区|麻生区)$")

    def is_code(cell: str) -> bool:
        return bool(code.match(cell.strip()))

    def is_row(line: str) -> bool:
        return line.count("\t") >= 9 and not line.startswith(("取組名", "---"))

    def flush() -> None:
        nonlocal counter
        for _ in range(factor):
            mapping: dict[str, str] = {}
            for line in block:
                cells = line.split("\t")
                if not is_row(line):
                    out.append(line)
                    continue
                at = 1 if len(cells) > 1 and not cells[0].strip() and _NUM.match(cells[1].strip()) else 0
                lead = cells[at][: len(cells[at]) - len(cells[at].lstrip())]
                m = _NUM.match(cells[at].lstrip())
                if m:
                    old = m.group(1)
                    if old not in mapping:
                        counter += 1
                        mapping[old] = str(counter)
                    cells[at] = lead + mapping[old] + cells[at][len(lead) + len(old) :]
                elif (
                    len(cells) > 3 and not cells[0].strip() and cells[1].strip()
                    and cells[2].strip() and not is_code(cells[2]) and is_code(cells[3])
                ):
                    # a titled row whose number the PDF lost: keep the gap
                    counter += 1
                out.append("\t".join(cells))
        block.clear()

    for line in text.split("\n"):
        if _HEADING.match(line) or line.startswith("※"):
            flush()
            out.append(line)
        elif is_row(line) or block:
            block.append(line)
        else:
            out.append(line)
    flush()
    return "\n".join(out)


def time_import(raw: bytes, name: str) -> tuple[float, float, int]:
    from kintl_pub.ingest.limits import SheetLimits
    from kintl_pub.ingest.load import load_sheet
    from kintl_pub.ingest.parse import parse_sheet
    from kintl_pub.segment import sync
    from kintl_pub.store.db import get_engine, init_db, transaction

    with tempfile.TemporaryDirectory() as d:
        eng = get_engine(f"sqlite:///{d}/bench.sqlite3")
        init_db(eng)
        t0 = time.perf_counter()
        # the 100x sheet is far over the import limits (rows): they are for real sheets
        sheet = parse_sheet(raw, source_file=name, limits=SheetLimits(max_rows=10**7))
        t1 = time.perf_counter()
        with transaction(eng) as s:
            load_sheet(s, sheet, who="bench")
            sync(s)
        t2 = time.perf_counter()
        eng.dispose()
        get_engine.cache_clear()
    rows = sum(len(i.programs) for i in sheet.initiatives)
    return t1 - t0, t2 - t0, rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    seed = SEED.read_text(encoding="utf-8")
    sizes = {"seed": seed, "10x": synthetic(seed, 10), "100x": synthetic(seed, 100)}
    results: dict[str, tuple[float, float, int]] = {}
    for label, text in sizes.items():
        raw = text.encode("utf-8")
        runs = [time_import(raw, f"{label}.txt") for _ in range(args.repeat)]
        parse_s = statistics.median(r[0] for r in runs)
        total_s = statistics.median(r[1] for r in runs)
        results[label] = (parse_s, total_s, runs[0][2])
    base_parse, base_total, base_rows = results["seed"]
    print(f"{'sheet':6} {'rows':>7} {'parse s':>9} {'import s':>9} {'per-row vs seed (parse/import)':>32}")
    for label, (p, t, rows) in results.items():
        rp = (p / rows) / (base_parse / base_rows)
        rt = (t / rows) / (base_total / base_rows)
        print(f"{label:6} {rows:7d} {p:9.3f} {t:9.3f} {rp:15.2f} / {rt:.2f}")
    print(f"\nseed import (parse+store+segments): {base_total:.3f} s (target well under 1 s)")
    worst = max((results[k][1] / results[k][2]) / (base_total / base_rows) for k in results)
    print(f"growth: worst per-row cost ratio {worst:.2f} (≈1 = linear; >2 would be super-linear)")


if __name__ == "__main__":
    main()
