"""The commands end to end through click, on a real database and folder."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kintl_pub.catalogs import states
from kintl_pub.cli import cli
from kintl_pub.store.db import session_factory

from .conftest import STOCK
from .helpers import PROV, edit


@pytest.fixture
def run(session, db_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", db_url)
    runner = CliRunner()
    from kintl_pub.store.users import add_user

    with session.begin():  # the accounts the imports credit (--as must name one)
        add_user(session, "joao", "a long enough pw", locale_spec="pt-br")
        add_user(session, "dewi", "a long enough pw", locale_spec="id")
        add_user(session, "xu", "a long enough pw", locale_spec="*")

    def _run(*args: str, ok: bool = True):
        res = runner.invoke(cli, list(args), catch_exceptions=False)
        assert (res.exit_code == 0) == ok, res.output
        return res.output

    return _run


def test_update_export_import_compile_stats(run, engine, tdir, tmp_path):
    out = run("catalogs", "update", "--dir", str(tdir))
    assert "12 files written" in out
    assert "0 files written" in run("catalogs", "update", "--dir", str(tdir))
    s = session_factory(engine)()
    states.put_machine(s, "pt-br", STOCK, "Meta atingida.", provenance=PROV)
    s.commit()
    out = run("catalogs", "export", "--lang", "pt_BR", "--out", str(tmp_path / "x"))
    path = tmp_path / "x" / "content-pt_BR.po"
    assert str(path) in out
    data = edit(path.read_bytes(), STOCK, msgstr="A meta foi atingida.", fuzzy=False)
    path.write_bytes(data)
    out = run("catalogs", "import", str(path), "--as", "joao", "--lang", "pt-br", "--dry-run")
    assert "[dry run: nothing was changed]" in out and "1 changed" in out
    assert "(was machine)" in out  # the state before the import, not after (writers' notes)
    assert "      - Meta atingida.\n      + A meta foi atingida.\n" in out
    s.expire_all()
    assert states.get(s, "pt-br", STOCK).state == "machine"
    out = run("catalogs", "import", str(path), "--as", "joao", "--lang", "pt-br")
    assert "1 changed" in out and STOCK[:10] in out
    s.expire_all()
    assert states.get(s, "pt-br", STOCK).translator == "joao"
    out = run("catalogs", "import", str(path), "--as", "joao", "--lang", "ko", ok=False)
    assert "expected" in out and "Nothing was changed" in out
    run("catalogs", "update", "--dir", str(tdir))
    out = run("catalogs", "compile", "--dir", str(tdir))
    assert "Checked 11 catalogs" in out
    out = run("catalogs", "stats")
    row = next(ln for ln in out.splitlines() if ln.startswith("pt-br"))
    assert row.split()[1:5] == ["pt_BR", "26", "25", "0"] and row.split()[5] == "1"
    s.close()


def test_import_refuses_broken_file_clearly(run, tdir, tmp_path):
    run("catalogs", "update", "--dir", str(tdir))
    bad = tmp_path / "bad.po"
    bad.write_bytes((tdir / "en/LC_MESSAGES/content.po").read_bytes().replace(b'msgstr ""', b'msgstr "', 1))
    out = run("catalogs", "import", str(bad), "--as", "xu", "--lang", "en", ok=False)
    assert "syntax error" in out and "Nothing was changed" in out


def test_import_checks_the_folder_a_file_lives_in(run, tdir):
    run("catalogs", "update", "--dir", str(tdir))
    en = (tdir / "en/LC_MESSAGES/content.po").read_bytes()
    (tdir / "ko/LC_MESSAGES/content.po").write_bytes(en)  # an English file in the Korean folder
    out = run("catalogs", "import", str(tdir / "ko/LC_MESSAGES/content.po"), "--as", "xu", ok=False)
    assert "expected" in out


def test_unknown_lang_option(run, tmp_path):
    out = run("catalogs", "export", "--lang", "tl", "--out", str(tmp_path), ok=False)
    assert "not a target locale" in out


def test_update_refuses_to_lose_hand_edits(run, tdir):
    run("catalogs", "update", "--dir", str(tdir))
    path = tdir / "id/LC_MESSAGES/content.po"
    path.write_bytes(edit(path.read_bytes(), STOCK, msgstr="Target tercapai."))
    out = run("catalogs", "update", "--dir", str(tdir), ok=False)
    assert "not imported" in out and "Nothing was changed" in out
    run("catalogs", "import", str(path), "--as", "dewi")
    assert "0 files written" not in run("catalogs", "update", "--dir", str(tdir))
    out = run("catalogs", "stats")
    assert next(ln for ln in out.splitlines() if ln.startswith("id ")).split()[5] == "1"


def test_import_as_must_name_an_enabled_account_allowed_for_the_locale(run, engine, tdir, tmp_path):
    """``--as`` is not free text: the workspace's permission rules apply."""
    run("catalogs", "update", "--dir", str(tdir))
    run("catalogs", "export", "--lang", "pt-br", "--out", str(tmp_path))
    path = tmp_path / "content-pt_BR.po"
    path.write_bytes(edit(path.read_bytes(), STOCK, msgstr="A meta foi atingida.", fuzzy=False))
    out = run("catalogs", "import", str(path), "--lang", "pt-br", "--as", "maria", ok=False)
    assert "no such account" in out and "Nothing was changed" in out
    out = run("catalogs", "import", str(path), "--lang", "pt-br", "--as", "dewi", ok=False)  # id only
    assert "may not translate pt-br" in out and "Nothing was changed" in out
    out = run("catalogs", "import", str(path), "--lang", "pt-br", "--as", "x" * 5000, ok=False)
    assert "no such account" in out
    run("users", "disable", "joao")
    out = run("catalogs", "import", str(path), "--lang", "pt-br", "--as", "joao", ok=False)
    assert "disabled" in out
    s = session_factory(engine)()
    assert states.get(s, "pt-br", STOCK) is None or states.get(s, "pt-br", STOCK).state != "translated"
    run("users", "enable", "joao")
    out = run("catalogs", "import", str(path), "--lang", "pt-br", "--as", "JOAO")  # names compare without case
    assert "1 changed" in out
    s.expire_all()
    assert states.get(s, "pt-br", STOCK).translator == "joao"  # credited as the account is spelled
    s.close()


def test_import_approval_needs_the_reviewer_role(run, engine, tdir, tmp_path):
    run("catalogs", "update", "--dir", str(tdir))
    s = session_factory(engine)()
    states.put_human(s, "pt-br", STOCK, "A meta foi atingida.", who="joao")
    s.commit()
    run("catalogs", "export", "--lang", "pt-br", "--out", str(tmp_path))
    path = tmp_path / "content-pt_BR.po"
    data = path.read_bytes().replace(b"# translated-by: joao", b"# translated-by: joao\n# approved-by: xu")
    path.write_bytes(data)
    out = run("catalogs", "import", str(path), "--lang", "pt-br", "--as", "xu")
    assert "refused" in out and "not a reviewer for pt-br" in out
    run("users", "set-role", "xu", "--review", "pt-br")
    out = run("catalogs", "import", str(path), "--lang", "pt-br", "--as", "xu")
    assert "1 approved" in out
    s.expire_all()
    assert states.get(s, "pt-br", STOCK).state == "approved"
    s.close()
