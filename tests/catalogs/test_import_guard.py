"""catalogs import refuses a file whole, naming the entry, when it is cut
off, for another locale, has a duplicate msgid, control characters or
oversized texts; --dry-run shows a diff per entry and changes nothing.
(issue 10: a cut file, an English file headed ``Language: ko``, a duplicate
msgid, NUL/ANSI bytes and a 20 MB msgstr were all stored.)

The cut tests use a real exported file: the seed imported, the repository's
English translations loaded, ``catalogs export`` for a few initiatives."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from sqlalchemy.orm import Session

from kintl_pub import locales
from kintl_pub.catalogs import states
from kintl_pub.catalogs.importer import import_po
from kintl_pub.catalogs.po import CatalogError, read_catalog

from ..conftest import ROOT, SEED
from ..dbstate import changed_tables, table_hashes
from .conftest import STOCK
from .helpers import edit

EN = locales.get("en")


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    """(engine, exported .po bytes): the seed, the repo's English texts, an
    export of initiatives 1, 15 and 79 (single and multi-row, multi-line texts)."""
    from kintl_pub.catalogs.export import export
    from kintl_pub.catalogs.importer import load_repo_catalogs, read_repo_catalogs
    from kintl_pub.ingest.load import load_sheet
    from kintl_pub.ingest.parse import parse_sheet
    from kintl_pub.segment import sync
    from kintl_pub.store.db import get_engine, init_db, transaction

    tmp = tmp_path_factory.mktemp("real")
    engine = get_engine(f"sqlite:///{tmp / 'real.sqlite3'}")
    init_db(engine)
    sheet = parse_sheet(SEED.read_bytes(), SEED.name, ROOT / "data" / "corrections.toml")
    with transaction(engine) as s:
        load_sheet(s, sheet, who="test")
        sync(s)
        en = {"en": read_repo_catalogs(ROOT / "translations")["en"]}
        load_repo_catalogs(s, ROOT / "translations", parsed=en)
        [path] = export(s, tmp / "out", [EN], {1, 15, 79})
    yield engine, path.read_bytes()
    engine.dispose()


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def test_the_export_ends_with_the_marker_its_header_promises(real) -> None:
    _, data = real
    text = data.decode()
    assert "# The last entry (#~) marks the end: a copy without it is cut off." in text
    assert text.endswith('#~ msgid "kintl-pub: end of catalog"\n#~ msgstr ""\n')
    po = read_catalog(data)
    assert "kintl-pub: end of catalog" not in {e.msgid for e in po.entries}


@pytest.mark.parametrize("babel_round_trip", [False, True], ids=["as-exported", "babel-round-trip"])
def test_a_cut_at_every_line_is_refused(real, babel_round_trip: bool) -> None:
    engine, data = real
    if babel_round_trip:  # the writers' route: read_po/write_po (adds a trailing blank line)
        buf = io.BytesIO()
        write_po(buf, read_po(io.BytesIO(data)), width=76)
        data = buf.getvalue()
    lines = _lines(data.rstrip(b"\n"))
    assert len(lines) > 300
    before = table_hashes(engine)
    messages = set()
    with Session(engine) as s:
        for k in range(1, len(lines)):
            for cut in (b"\n".join(lines[:k]) + b"\n", b"\n".join(lines[:k])):
                with pytest.raises(CatalogError) as exc:
                    import_po(s, cut, who="cutter", expected=EN, name="content-en.po")
                messages.add(str(exc.value).split(":", 1)[1][:40])
        report = import_po(s, data, who="cutter", expected=EN, name="content-en.po")
        s.rollback()
    assert report.entries > 30 and report.stored == 0  # the whole file: nothing new
    assert changed_tables(before, table_hashes(engine)) == []
    assert any("cut off" in m for m in messages)


def test_a_cut_inside_a_multibyte_character_is_named(real) -> None:
    engine, data = real
    at = data.index("ネ".encode()) + 1
    with Session(engine) as s, pytest.raises(CatalogError, match="cut off inside a multi-byte character"):
        import_po(s, data[:at], who="x", expected=EN)


def test_a_file_without_the_marker_is_checked_by_what_a_cut_leaves(session, tdir) -> None:
    """Files from `catalogs update` (translations/) carry no marker: a last
    msgstr stopping at a line break or a wrapped line's trailing space is refused."""
    from kintl_pub.catalogs.update import update

    update(session, tdir)
    session.commit()
    path = tdir / "en" / "LC_MESSAGES" / "content.po"
    long_text = "First paragraph.\nSecond paragraph of the text, " + "long enough to wrap " * 4 + "end."
    data = edit(path.read_bytes(), "通訳を派遣します。", msgstr=long_text)
    # move the entry to the end, as the last one in the file
    cat = read_po(io.BytesIO(data))
    msg = cat["通訳を派遣します。"]
    del cat["通訳を派遣します。"]
    cat[msg.id] = msg
    buf = io.BytesIO()
    write_po(buf, cat, width=76)
    lines = buf.getvalue().rstrip(b"\n").split(b"\n")
    start = next(i for i, ln in enumerate(lines) if ln == 'msgid "通訳を派遣します。"'.encode())
    refused = 0
    for k in range(start + 3, len(lines)):  # after `msgstr ""` and a first piece: inside the text
        cut = b"\n".join(lines[:k]) + b"\n"
        try:
            import_po(session, cut, who="x", expected=EN)
        except CatalogError as exc:
            assert "looks cut off" in str(exc)
            refused += 1
        finally:
            session.rollback()
    assert refused == len(lines) - start - 3 == 2  # each of these cuts ends in "\n" or a space


@pytest.mark.parametrize("code", ["ko", "th", "ne", "zh-hans"])
def test_an_english_file_headed_as_another_locale_is_refused(real, code: str) -> None:
    engine, data = real
    loc = locales.get(code)
    relabelled = data.replace(b'"Language: en\\n"', f'"Language: {loc.babel_id}\\n"'.encode())
    before = table_hashes(engine)
    with Session(engine) as s, pytest.raises(CatalogError) as exc:
        import_po(s, relabelled, who="maria", expected=loc, name="upload.po")
    assert f"not written in the script of {loc.english_name}" in str(exc.value)
    assert f"another language's file with its Language header set to {loc.babel_id}" in str(exc.value)
    assert changed_tables(before, table_hashes(engine)) == []


def test_a_file_name_for_another_locale_is_refused(real) -> None:
    engine, data = real
    relabelled = data.replace(b'"Language: en\\n"', b'"Language: ko\\n"')
    with Session(engine) as s, pytest.raises(CatalogError, match="the file name says en .English. but the import is for ko"):
        import_po(s, relabelled, who="x", expected=locales.get("ko"), name="/tmp/content-en-initiatives-1-15-79.po")


def test_a_few_latin_names_in_a_korean_file_are_fine(session, tdir) -> None:
    from kintl_pub.catalogs.update import update

    update(session, tdir)
    ko = locales.get("ko")
    path = tdir / "ko" / "LC_MESSAGES" / "content.po"
    data = edit(path.read_bytes(), "通訳を派遣します。", msgstr="통역사를 파견합니다.")
    data = edit(data, "派遣件数を増やします。", msgstr="파견 건수를 늘립니다.")
    data = edit(data, "臨海部国際戦略本部", msgstr="Coastal Area HQ")  # one Latin-only text of three
    report = import_po(session, data, who="kim", expected=ko)
    assert report.stored == 3
    assert any(f.check == "wrong-script" for _, found in report.warnings for f in found)


def _entry_block(data: bytes, msgid: str) -> bytes:
    text = data.decode()
    at = text.index(f'msgid "{msgid}"')
    start = text.rindex("\n\n", 0, at) + 2
    end = text.index("\n\n", at)
    return text[start:end].encode()


def test_a_duplicate_msgid_is_refused_naming_both_lines(session, tdir) -> None:
    from kintl_pub.catalogs.update import update

    update(session, tdir)
    data = (tdir / "en" / "LC_MESSAGES" / "content.po").read_bytes()
    data = edit(data, "通訳を派遣します。", msgstr="We send interpreters.")
    block = _entry_block(data, "通訳を派遣します。").replace(b"We send interpreters.", b"Other text.")
    doubled = data + b"\n" + block + b"\n"
    first = data[: data.index("通訳を派遣します。".encode())].count(b"\n") + 1
    with pytest.raises(CatalogError) as exc:
        import_po(session, doubled, who="x", expected=EN, name="d.po")
    assert f"the msgid appears twice (first at line {first})" in str(exc.value)
    assert "通訳を派遣します。" in str(exc.value)


@pytest.mark.parametrize(
    ("inject", "needle"),
    [
        ("A\x00B", "a NUL byte (U+0000)"),
        ("\x1b[31mred\x1b[0m", "an ANSI escape (ESC) (U+001B)"),
        ("A\vB", "a vertical tab (U+000B)"),
        ("A\u2028B", "a line separator (U+2028)"),
        ("A\u202eB", "a control character (U+202E)"),
        ("\\033[31mred", "escape sequence '\\0'"),
        ("\\x1b[31mred", "escape sequence '\\x'"),
    ],
)
def test_control_characters_in_a_msgstr_are_refused(session, tdir, inject: str, needle: str) -> None:
    from kintl_pub.catalogs.update import update

    update(session, tdir)
    data = (tdir / "en" / "LC_MESSAGES" / "content.po").read_bytes()
    data = edit(data, "通訳を派遣します。", msgstr="PLACEHOLDER")
    data = data.replace(b"PLACEHOLDER", inject.encode())
    with pytest.raises(CatalogError) as exc:
        import_po(session, data, who="x", expected=EN, name="c.po")
    assert needle in str(exc.value)
    assert "msgid '通訳を派遣します。'" in str(exc.value)


def test_oversized_files_and_texts_are_refused(session, tdir) -> None:
    from kintl_pub.catalogs.update import update

    update(session, tdir)
    data = (tdir / "en" / "LC_MESSAGES" / "content.po").read_bytes()
    huge = edit(data, "通訳を派遣します。", msgstr="PLACEHOLDER").replace(b"PLACEHOLDER", b"x" * 20_000_000)
    with pytest.raises(CatalogError, match="over the limit of 8.4 MB"):
        import_po(session, huge, who="x", expected=EN)
    big = edit(data, "通訳を派遣します。", msgstr="PLACEHOLDER").replace(b"PLACEHOLDER", b"We send interpreters. " * 1000)
    with pytest.raises(CatalogError, match="the msgstr has 22,000 characters, over the limit of 10,000"):
        import_po(session, big, who="x", expected=EN)


def test_dry_run_shows_each_change_and_keeps_nothing(session, tdir) -> None:
    from kintl_pub.catalogs.update import update

    from .helpers import PROV

    update(session, tdir)
    states.put_machine(session, "en", STOCK, "The target was achieved.", provenance=PROV)
    session.commit()
    data = (tdir / "en" / "LC_MESSAGES" / "content.po").read_bytes()
    data = edit(data, STOCK, msgstr="We achieved the target.", fuzzy=False)
    data = edit(data, "通訳を派遣します。", msgstr="We send interpreters.\nTo every ward.")
    report = import_po(session, data, who="carol", expected=EN, dry_run=True)
    session.commit()
    assert report.dry_run
    by_msgid = {o.msgid: o for o in report.outcomes}
    assert by_msgid[STOCK].detail == "was machine"
    assert by_msgid[STOCK].diff() == ["- The target was achieved.", "+ We achieved the target."]
    assert by_msgid["通訳を派遣します。"].detail == "was untranslated"
    assert by_msgid["通訳を派遣します。"].diff() == ["+ We send interpreters.", "+ To every ward."]
    session.expire_all()
    assert states.get(session, "en", STOCK).text == "The target was achieved."
    assert states.get(session, "en", "通訳を派遣します。").state == "untranslated"


def test_a_babel_round_trip_imports_as_unchanged(session, tdir) -> None:
    """read_po/write_po adds a trailing blank line and rewrites the header:
    harmless, the import takes it as it is."""
    from kintl_pub.catalogs.export import export
    from kintl_pub.catalogs.update import update

    update(session, tdir)
    [path] = export(session, tdir.parent / "out", [EN])
    buf = io.BytesIO()
    write_po(buf, read_po(io.BytesIO(path.read_bytes())), width=76)
    assert buf.getvalue().endswith(b'#~ msgstr ""\n\n')
    report = import_po(session, buf.getvalue(), who="x", expected=EN, name=path.name)
    assert report.outcomes == [] and report.stored == 0


def test_cli_needs_the_locale_stated(tdir, tmp_path: Path, session, db_url, monkeypatch) -> None:
    from click.testing import CliRunner

    from kintl_pub.catalogs.export import export
    from kintl_pub.catalogs.update import update
    from kintl_pub.cli import cli

    monkeypatch.setenv("DATABASE_URL", db_url)
    update(session, tdir)
    [path] = export(session, tmp_path / "out", [EN])
    session.commit()
    r = CliRunner().invoke(cli, ["users", "add", "x1", "--locales", "en", "--password-stdin"],
                           input="a long enough pw\n")
    assert r.exit_code == 0, r.output  # --as names an account allowed for en
    r = CliRunner().invoke(cli, ["catalogs", "import", str(path), "--as", "x1"])
    assert r.exit_code == 2 and "--lang" in r.output
    folder = tdir / "ko" / "LC_MESSAGES" / "content.po"
    r = CliRunner().invoke(cli, ["catalogs", "import", str(folder), "--as", "x1", "--lang", "en"])
    assert r.exit_code == 1 and "lies in the ko folder but --lang says en" in r.output
    r = CliRunner().invoke(cli, ["catalogs", "import", str(path), "--as", "x1", "--lang", "en"])
    assert r.exit_code == 0, r.output
    assert ROOT  # (the project root is where data/ lives)

