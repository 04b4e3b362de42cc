"""The foundation end to end through the real CLI: import → export →
anomalies, re-import idempotency, and bad input that changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner


@pytest.fixture
def cli_env(tmp_path: Path, monkeypatch):
    from kintl_pub.store.db import get_engine

    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'cli.sqlite3'}")
    monkeypatch.setenv("KINTL_INSTANCE_DIR", str(tmp_path / "instance"))
    monkeypatch.setenv("KINTL_USER", "cli-test")
    get_engine.cache_clear()
    yield tmp_path
    get_engine.cache_clear()


def run(*args: str, input: str | None = None):
    from kintl_pub.cli import cli

    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def _dump(tmp: Path) -> bytes:
    """The whole database as SQL text: 'changes nothing' means byte-equal."""
    import sqlite3

    con = sqlite3.connect(tmp / "cli.sqlite3")
    try:
        return "\n".join(con.iterdump()).encode()
    finally:
        con.close()


def test_import_export_anomalies(cli_env, seed_path):
    r = run("import", str(seed_path))
    assert r.exit_code == 0, r.output
    assert "109 initiatives" in r.output
    r = run("export", "--format", "json")
    data = json.loads(r.output)
    assert [d["number"] for d in data] == list(range(1, 110))
    first = data[0]
    assert set(first) == {"number", "title", "policy", "direction", "focus", "programs", "anomalies"}
    assert first["policy"] == {"number": 1, "title": first["policy"]["title"]}
    prog = first["programs"][0]
    assert set(prog) == {
        "name", "measure_code", "ward", "content", "plan", "achievement", "results",
        "contribution", "reason", "future", "bureau",
    }
    assert prog["achievement"] in (1, 2, 3, 4, 5)
    assert prog["contribution"] in ("A", "B", "C")
    for d in data:
        for p in d["programs"]:
            for f in ("content", "plan", "results", "reason", "future"):
                assert "<" not in p[f] or "<やさしい日本語>" in p[f], (d["number"], f, p[f][:80])
    r = run("anomalies")
    assert r.exit_code == 0
    assert "anomalies." in r.output


def test_reimport_unchanged_changes_nothing(cli_env, seed_path):
    run("import", str(seed_path))
    before = _dump(cli_env)
    r = run("import", str(seed_path))
    assert "no changes" in r.output
    after = _dump(cli_env)
    # only the import_run log grows
    strip = lambda b: b"\n".join(ln for ln in b.split(b"\n") if b"import_run" not in ln)  # noqa: E731
    assert strip(before) == strip(after)


def test_if_empty_skips_a_populated_store(cli_env, seed_path):
    run("import", str(seed_path))
    r = run("import", "--if-empty", str(seed_path))
    assert "skipped" in r.output


@pytest.mark.parametrize(
    ("payload", "needle"),
    [
        (b"", "empty"),
        ("取組名\t事務事業名\n1\tあ\n".encode("shift_jis"), "Shift_JIS"),
        (b"name,age\nbob,3\n", "not"),
    ],
)
def test_bad_input_fails_clearly_and_changes_nothing(cli_env, seed_path, payload, needle):
    run("import", str(seed_path))
    before = _dump(cli_env)
    bad = cli_env / "bad.txt"
    bad.write_bytes(payload)
    from kintl_pub.cli import cli

    r = CliRunner().invoke(cli, ["import", str(bad)])
    assert r.exit_code != 0
    assert needle.lower() in r.output.lower(), r.output
    assert "nothing was changed" in r.output
    assert _dump(cli_env) == before


def test_truncated_seed_is_refused(cli_env, seed_path):
    raw = seed_path.read_bytes()
    bad = cli_env / "truncated.txt"
    bad.write_bytes(raw[: raw.rfind(b"\n", 0, len(raw) // 2)])
    from kintl_pub.cli import cli

    r = CliRunner().invoke(cli, ["import", str(bad)])
    assert r.exit_code != 0
    assert "nothing was changed" in r.output
    r = run("export")
    assert json.loads(r.output) == []


def test_users_add_reads_password_from_stdin(cli_env):
    r = run("users", "add", "translator1", "--locales", "ko th", "--password-stdin",
            input="a very long password\n")
    assert r.exit_code == 0, r.output
    r = run("users", "list")
    assert "translator1\tko th" in r.output


def test_an_import_that_would_lose_a_cell_is_refused_and_changes_nothing(cli_env, seed_path, monkeypatch):
    """Every import proves it stored every source cell: a parser that drops
    one (here: the 今後の事業の方向性 cell of the row numbered 100, as a
    layout change could make it) is refused with the line and the cell, and the store keeps
    the previous import untouched."""
    from kintl_pub.ingest import rows

    assert run("import", str(seed_path)).exit_code == 0
    before = _dump(cli_env)
    real = rows._read_right

    def drops_future(row, right):  # type: ignore[no-untyped-def]
        real(row, right)
        if row.number == 100:
            row.future = ""

    monkeypatch.setattr(rows, "_read_right", drops_future)
    from kintl_pub.cli import cli

    r = CliRunner().invoke(cli, ["import", str(seed_path)])
    assert r.exit_code != 0
    assert "the parse would lose source text" in r.output
    assert "not found in a stored field" in r.output and "line " in r.output
    assert "nothing was changed" in r.output
    assert _dump(cli_env) == before
