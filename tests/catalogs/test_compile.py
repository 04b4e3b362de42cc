"""catalogs compile: validate everything, write .mo only when all is well."""

from __future__ import annotations

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import read_mo

from kintl_pub.catalogs import states
from kintl_pub.catalogs.compile import CompileError, compile_catalogs
from kintl_pub.catalogs.update import update

from .helpers import dump


def _messages_po(tdir, folder: str, language: str, string: str = "Zoeken") -> None:
    cat = Catalog(locale=language, fuzzy=False)
    cat.add("Search", string)
    cat.add("%(n)s results", "%(n)s resultados")
    path = tdir / folder / "LC_MESSAGES" / "messages.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(dump(cat))


def test_compiles_content_and_ui_catalogs(session, tdir):
    update(session, tdir)
    states.put_human(session, "es", "通訳を派遣します。", "Enviamos intérpretes.", who="ana")
    update(session, tdir)
    _messages_po(tdir, "es", "es", "Buscar")
    _messages_po(tdir, "ja", "ja", "検索")
    r = compile_catalogs(tdir)
    assert len(r.checked) == 13
    with (tdir / "es/LC_MESSAGES/messages.mo").open("rb") as fh:
        assert read_mo(fh).get("Search").string == "Buscar"
    with (tdir / "es/LC_MESSAGES/content.mo").open("rb") as fh:
        assert [m.id for m in read_mo(fh) if m.id] == ["通訳を派遣します。"]
    assert compile_catalogs(tdir).written == []  # unchanged: nothing rewritten


def test_content_with_percent_signs_is_not_a_format_string(session, tdir):
    update(session, tdir)
    states.put_human(session, "en", "派遣件数は50%増えました。", "Dispatches rose by half.", who="a")
    update(session, tdir)
    compile_catalogs(tdir)  # no python-format complaints about "50%増"


@pytest.mark.parametrize("problem", ["format", "language", "folder", "syntax"])
def test_errors_fail_clearly_and_write_nothing(session, tdir, problem):
    update(session, tdir)
    if problem == "format":
        _messages_po(tdir, "es", "es")
        path = tdir / "es/LC_MESSAGES/messages.po"
        path.write_bytes(path.read_bytes().replace(b'"%(n)s resultados"', b'"%(m)d resultados"'))
    elif problem == "language":
        _messages_po(tdir, "ko", "es")
    elif problem == "folder":
        _messages_po(tdir, "pt", "pt")  # Babel's alias, not our folder
    else:
        path = tdir / "th/LC_MESSAGES/content.po"
        path.write_bytes(path.read_bytes() + b'\nmsgid "broken\n')
    with pytest.raises(CompileError) as exc:
        compile_catalogs(tdir)
    assert "no .mo file was written" in str(exc.value)
    assert not list(tdir.rglob("*.mo"))
