"""Building: the content-hash cache (one changed segment rebuilds exactly the
documents that show it), missing fonts, the static export, furigana widths."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from kintl_pub.catalogs import states
from kintl_pub.render.pdf import build, fonts, ruby
from kintl_pub.store.db import session_factory

from ..web import fixture_data
from .conftest import BASE, new_store

SENTENCE = "外国人市民が生活上の相談を母語でできる窓口を運営します。"  # initiative 3 only


@pytest.fixture
def session(tmp_path: Path) -> Session:
    engine = new_store(tmp_path, fixture_data.build)
    return session_factory(engine)()


def test_one_changed_segment_rebuilds_only_the_documents_that_show_it(session: Session, tmp_path: Path) -> None:
    root = tmp_path / "pdf"
    langs = ["en", "ne", "ja-easy"]
    first = build.build(session, langs, base_url=BASE, root=root)
    assert len(first.built) == 3 * 6 and first.fresh == 0
    again = build.build(session, langs, base_url=BASE, root=root)
    assert again.built == [] and again.fresh == 18  # nothing changed: nothing built

    # a translator fixes the English of one sentence of initiative 3
    states.put_human(session, "en", SENTENCE, "We run an advice office in many languages.", who="t")
    session.flush()
    third = build.build(session, langs, base_url=BASE, root=root)
    assert sorted(third.built) == ["en/booklet.pdf", "en/initiatives/3.pdf"]
    assert third.fresh == 16

    # a sentence shown in every locale (the Japanese fallback): each locale's
    # initiative and booklet, nothing else
    states.put_human(session, "ne", "相談件数は1,200件でした。", "परामर्श १,२०० पटक भयो।", who="t")
    session.flush()
    assert sorted(build.build(session, langs, base_url=BASE, root=root).built) == [
        "ne/booklet.pdf", "ne/initiatives/3.pdf"]


def test_a_stale_file_is_rebuilt_even_if_present(session: Session, tmp_path: Path) -> None:
    root = tmp_path / "pdf"
    build.build(session, ["en"], base_url=BASE, root=root, booklets=False)
    (root / "en/initiatives/2.pdf.sha256").write_text("something else")
    (root / "en/initiatives/4.pdf").unlink()
    assert sorted(build.build(session, ["en"], base_url=BASE, root=root, booklets=False).built) == [
        "en/initiatives/2.pdf", "en/initiatives/4.pdf"]


def test_initiative_on_request_builds_once(session: Session, tmp_path: Path) -> None:
    root = tmp_path / "pdf"
    got = build.initiative_pdf(session, "th", 3, base_url=BASE, root=root)
    assert got is not None
    path, secs = got
    assert path == root / "th/initiatives/3.pdf" and path.read_bytes().startswith(b"%PDF-")
    assert secs > 0
    again = build.initiative_pdf(session, "th", 3, base_url=BASE, root=root)
    assert again == (path, 0.0)  # fresh: served as built
    assert build.initiative_pdf(session, "th", 99, base_url=BASE, root=root) is None
    assert build.booklet_pdf("th", root) is None  # never built on request


def test_static_export_copies_every_document(session: Session, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from kintl_pub import locales

    monkeypatch.setattr(locales, "LOCALES", locales.LOCALES[:3])  # ja, ja-easy, en
    out = tmp_path / "site"
    n = build.export(session, out, base_url=BASE, root=tmp_path / "pdf")
    assert n == 3 * 6
    for code in ("ja", "ja-easy", "en"):
        assert (out / code / "booklet.pdf").exists()
        assert (out / code / "initiatives" / "5.pdf").exists()
    assert not list(out.rglob("*.sha256"))


def test_a_missing_font_is_a_clear_error_naming_its_package(tmp_path: Path) -> None:
    with pytest.raises(fonts.FontMissingError) as err:
        fonts._check((str(tmp_path),))
    message = str(err.value)
    for f in fonts.BY_SCRIPT.values():
        assert f.family in message and f.package in message
    assert str(tmp_path) in message


def test_every_font_is_found_offline_from_explicit_folders() -> None:
    path = fonts.check()
    assert Path(path).name == fonts.RUBY_FILE
    assert fonts.families_for("th")[0] == "Loma" and fonts.families_for("ko")[0] == "NanumGothic"
    assert set(fonts.families_for("en")) == {f.family for f in fonts.BY_SCRIPT.values()}


@pytest.mark.parametrize("base,reading,width", [
    ("事業", "じぎょう", 0.5),  # fits over its base
    ("行", "おこな", 0.5),  # 1.5 em over 1 em: overhangs ¼ em each side
    ("承", "うけたまわ", 0.3),  # condensed to 1.5 em
    ("1日", "ついたち", 0.5),  # a digit is half an em
])
def test_furigana_widths(base: str, reading: str, width: float) -> None:
    assert ruby.char_width(base, reading) == width
    assert ruby.char_width(base, reading) * len(reading) <= ruby.base_width(base) + 2 * ruby.OVERHANG


def test_kana_outlines_are_paths_in_the_em_square() -> None:
    svg = ruby.outline_svg(fonts.check(), "あ")
    assert svg is not None and svg.startswith("<svg") and '<path d="M' in svg
    assert ruby.outline_svg(fonts.check(), "\U000e0100") is None  # no glyph: the template sets text
