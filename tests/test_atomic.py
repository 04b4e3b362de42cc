"""Files people rely on are written atomically: a writer killed half-way
(SIGKILL, no clean-up of any kind) leaves the previous file intact."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kintl_pub.atomic import atomic_write

ROOT = Path(__file__).resolve().parents[1]

# The child writes a large new version in chunks, slowly, announcing when it
# is half-way; the parent kills it there.
CHILD = """
import sys, time
from pathlib import Path
from kintl_pub.atomic import atomic_write

def chunks():
    for i in range(400):
        if i == 200:
            Path(sys.argv[2]).write_text("half")
            time.sleep(30)  # killed here
        yield b"new data " * 1000

atomic_write(Path(sys.argv[1]), chunks())
"""


def test_a_writer_killed_mid_write_leaves_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "glossary.tsv"
    old = "term\tword\teasy\n" * 1000
    atomic_write(target, old)
    flag = tmp_path / "half"
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(target), str(flag)], cwd=ROOT,
                            env=dict(os.environ, PYTHONPATH=str(ROOT)))
    try:
        deadline = time.monotonic() + 60
        while not flag.exists():
            assert proc.poll() is None, "the writer ended before it was half-way"
            assert time.monotonic() < deadline
            time.sleep(0.02)
        strays = list(tmp_path.glob(".glossary.tsv.*.tmp"))
        assert strays and strays[0].stat().st_size > 0  # it really was writing
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    assert target.read_text(encoding="utf-8") == old  # the previous file, whole
    # the next write succeeds and replaces it (stray temp files are harmless)
    atomic_write(target, "new\n")
    assert target.read_text(encoding="utf-8") == "new\n"


def test_atomic_write_keeps_the_mode_and_fails_cleanly(tmp_path: Path) -> None:
    target = tmp_path / "secret"
    atomic_write(target, b"x", mode=0o600)
    assert target.stat().st_mode & 0o777 == 0o600
    atomic_write(target, b"y")
    assert target.stat().st_mode & 0o777 == 0o600 and target.read_bytes() == b"y"

    def broken():
        yield b"partial"
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        atomic_write(target, broken())
    assert target.read_bytes() == b"y"
    assert not list(tmp_path.glob(".secret.*.tmp"))
