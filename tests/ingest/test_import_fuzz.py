"""Fuzz test of the sheet importer: a few hundred seeded mutations of the
real seed (deleted, duplicated and rotated lines, truncations, other
encodings, numbers in other digits, control characters), each imported
through the real CLI into a store that holds the seed.

After every import: the exit code is 0 or 1 and never a crash; a refused
import (1) says why in one message ending "nothing was changed" and leaves
every table byte-for-byte as it was; an accepted import (0) lost no
initiative and no programme row.  Where a mutation's outcome is certain (a
numbered row deleted, another encoding, an Arabic-Indic digit …) the test
also asserts the refusal and what its message names.  The seed of the
random generator is fixed: a failure names its case and reproduces.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from ..conftest import SEED
from ..dbstate import changed_tables, reflect, table_hashes
from .storekit import copy_db, run

CASES = 240
RANDOM_SEED = 20211001
TEXT = SEED.read_text(encoding="utf-8")
LINES = TEXT.split("\n")
ENCODINGS = {
    "utf-16": "UTF-16", "utf-16-le": "UTF-16", "utf-16-be": "UTF-16", "utf-32": "UTF-32",
    "utf-32-le": "UTF-32", "utf-32-be": "UTF-32", "cp932": "Shift_JIS", "euc_jp": "EUC-JP",
}
CONTROLS = ["\v", "\f", "\x85", "\u2028", "\x1b", "\x00", "\x7f", "\u202e"]


def _is_row(line: str) -> bool:
    return line.count("\t") >= 6 and not line.startswith(("取組名", "-"))


def _number(line: str) -> int | None:
    cells = line.split("\t")
    cell = cells[1] if not cells[0].strip() and len(cells) > 1 else cells[0]
    m = re.match(r"\s*([0-9]+)(\s|$)", cell)
    return int(m.group(1)) if m else None


ROWS = [i for i, line in enumerate(LINES) if _is_row(line)]
NUMBERED = [i for i in ROWS if _number(LINES[i]) is not None]
LAST_LEGEND = max(i for i, line in enumerate(LINES) if line.startswith("※"))


@dataclass
class Case:
    name: str
    data: bytes
    # None: any outcome, checked by the invariants; else the needles a
    # refusal must name (all of them)
    refused_with: tuple[str, ...] | None = None


def _join(lines: list[str]) -> bytes:
    return "\n".join(lines).encode("utf-8")


def _delete(rng: random.Random) -> Case:
    i = rng.choice(ROWS) if rng.random() < 0.7 else rng.randrange(len(LINES))
    lines = LINES[:i] + LINES[i + 1:]
    numbered = _is_row(LINES[i]) and _number(LINES[i]) is not None
    expect = ("initiative",) if numbered else () if _is_row(LINES[i]) else None
    return Case(f"delete line {i + 1}", _join(lines), expect)


def _duplicate(rng: random.Random) -> Case:
    i = rng.choice(ROWS) if rng.random() < 0.7 else rng.randrange(len(LINES))
    lines = LINES[: i + 1] + [LINES[i]] + LINES[i + 1:]
    n = _number(LINES[i]) if _is_row(LINES[i]) else None
    expect = (f"line {i + 2}: number {n}", f"printed again (first on line {i + 1}") if n is not None else None
    return Case(f"duplicate line {i + 1}", _join(lines), expect)


def _rotate(rng: random.Random) -> Case:
    i = rng.choice(ROWS)
    cells = LINES[i].split("\t")
    k = rng.randrange(1, len(cells))
    lines = list(LINES)
    lines[i] = "\t".join(cells[k:] + cells[:k])
    return Case(f"rotate line {i + 1} by {k}", _join(lines))


def _truncate(rng: random.Random) -> Case:
    raw = TEXT.encode("utf-8")
    cut = rng.randrange(1, len(raw))
    before_legend = len(_join(LINES[:LAST_LEGEND]))
    return Case(f"truncate at byte {cut}", raw[:cut], ("",) if cut < before_legend else None)


def _encode(rng: random.Random) -> Case:
    codec = rng.choice(sorted(ENCODINGS))
    raw = TEXT.encode(codec, errors="replace")
    if rng.random() < 0.3:
        raw = raw[: rng.randrange(len(raw) // 2, len(raw))]
    return Case(f"encode as {codec}", raw, (ENCODINGS[codec],))


def _renumber(rng: random.Random) -> Case:
    i = rng.choice(NUMBERED)
    n = _number(LINES[i])
    assert n is not None
    kind = rng.choice(["fullwidth", "arabic", "zero", "other", "huge"])
    if kind == "other":
        new = str(rng.choice([k for k in range(1, 110) if k != n]))
    else:
        new = {
            "fullwidth": str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
            "arabic": str(n).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")),
            "zero": "0",
            "huge": "9" * rng.randrange(6, 30),
        }[kind]
    cells = LINES[i].split("\t")
    at = 1 if not cells[0].strip() else 0
    cells[at] = re.sub(r"[0-9]+", new, cells[at], count=1)
    lines = list(LINES)
    lines[i] = "\t".join(cells)
    expect: tuple[str, ...] | None = {
        "fullwidth": None, "arabic": (f"line {i + 1}", "Arabic-Indic digits"),
        "zero": (f"line {i + 1}", "numbered from 1"), "other": ("line ",), "huge": (f"line {i + 1}", "digits"),
    }[kind]
    return Case(f"number {n} on line {i + 1} → {kind} {new[:12]!r}", _join(lines), expect)


def _control(rng: random.Random) -> Case:
    i = rng.choice(ROWS)
    ch = rng.choice(CONTROLS)
    cells = LINES[i].split("\t")
    c = rng.randrange(len(cells))
    at = rng.randrange(len(cells[c]) + 1)
    cells[c] = cells[c][:at] + ch + cells[c][at:]
    lines = list(LINES)
    lines[i] = "\t".join(cells)
    needle = "NUL" if ch == "\x00" else f"line {i + 1}, column {c + 1}"
    return Case(f"U+{ord(ch):04X} in line {i + 1} cell {c + 1}", _join(lines), (needle,))


MUTATIONS: list[Callable[[random.Random], Case]] = [
    _delete, _duplicate, _rotate, _truncate, _encode, _renumber, _control,
]


def _cases() -> list[Case]:
    rng = random.Random(RANDOM_SEED)
    return [MUTATIONS[k % len(MUTATIONS)](rng) for k in range(CASES)]


def _shape(exported: list[dict]) -> dict[int, int]:
    """initiative number → programme rows."""
    return {d["number"]: len(d["programs"]) for d in exported}


def test_mutated_seeds_are_refused_cleanly_or_lose_nothing(seeded_template: Path, tmp_path: Path, monkeypatch) -> None:
    from kintl_pub.store.db import get_engine

    db = tmp_path / "fuzz.sqlite3"
    copy_db(seeded_template, db)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{db}")
    monkeypatch.setenv("KINTL_USER", "fuzz")
    get_engine.cache_clear()
    engine = get_engine()
    meta = reflect(engine)
    pristine = table_hashes(engine, meta)
    shape = _shape(json.loads(run("export").output))
    sheet = tmp_path / SEED.name  # same name: an unchanged sheet changes no provenance
    outcomes = {"refused": 0, "accepted": 0}
    try:
        for case in _cases():
            sheet.write_bytes(case.data)
            r = run("import", str(sheet))
            where = f"case {case.name}: exit {r.exit_code}\n{r.output}"
            assert r.exit_code in (0, 1), where
            assert r.exception is None or isinstance(r.exception, SystemExit), where
            if r.exit_code == 1:
                outcomes["refused"] += 1
                assert r.output.startswith(f"Error: {sheet}: "), where
                assert r.output.rstrip().endswith("(nothing was changed)"), where
                assert changed_tables(pristine, table_hashes(engine, meta)) == [], where
                for needle in case.refused_with or ():
                    assert needle in r.output, where
                continue
            outcomes["accepted"] += 1
            assert case.refused_with is None, f"{where}\n(expected a refusal)"
            after = _shape(json.loads(run("export").output))
            assert set(after) == set(shape), where
            assert all(after[n] >= rows for n, rows in shape.items()), where
            engine.dispose()
            copy_db(seeded_template, db)  # back to the seeded store
    finally:
        engine.dispose()
        get_engine.cache_clear()
    # the mix exercised both paths
    assert outcomes["refused"] > CASES // 2 and outcomes["accepted"] > 5, outcomes


@pytest.mark.parametrize("k", range(len(MUTATIONS)))
def test_every_mutation_kind_is_drawn(k: int) -> None:
    names = {c.name.split()[0] for c in _cases()}
    probe = MUTATIONS[k](random.Random(k)).name.split()[0]
    assert probe in names
