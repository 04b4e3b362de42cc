"""UI strings: every string goes through the catalogs, the .pot is current,
every locale has a catalog, and a translator's .po is used (escaped)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from kintl_pub import locales
from kintl_pub.catalogs import ui
from kintl_pub.web import i18n

ROOT = Path(__file__).resolve().parents[2]
POT = ROOT / "translations" / "messages.pot"


def _ids(path: Path) -> set[str]:
    with path.open("rb") as fh:
        return {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(fh) if m.id}


def test_pot_is_up_to_date(tmp_path):
    out = tmp_path / "fresh.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg",
         "-c", "TRANSLATORS:", "-k", "_", "-k", "gettext", "-k", "ngettext:1,2", "-o", str(out), "."],
        cwd=ROOT, check=True, capture_output=True,
    )
    missing = _ids(out) - _ids(POT)
    assert not missing, f"run the extract command in babel.cfg; new strings: {sorted(missing)}"


@pytest.mark.parametrize("loc", locales.LOCALES, ids=lambda loc: loc.code)
def test_every_locale_has_a_catalog_with_every_string(loc):
    po = ROOT / "translations" / loc.babel_id / "LC_MESSAGES" / "messages.po"
    assert po.exists(), po
    assert _ids(POT) <= _ids(po)


def test_translators_strings_are_used_and_escaped(tmp_path, monkeypatch, fixture_app):
    folder = tmp_path / "th" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "messages.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=1; plural=0;\\n"\n\n'
        'msgid "Search"\nmsgstr "ค้นหา"\n\n'
        'msgid "Initiative %(num)s"\nmsgstr "โครงการที่ %(num)s <b>"\n\n'
        'msgid "%(num)d initiative found"\nmsgid_plural "%(num)d initiatives found"\n'
        'msgstr[0] "พบ %(num)d โครงการ"\n\n'
        '#, fuzzy\nmsgid "Filters"\nmsgstr "ตัวกรอง-fuzzy"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(ui, "TRANSLATIONS_DIR", tmp_path)
    i18n.translations_for.cache_clear()
    fixture_app.extensions["kintl_cache"].clear()
    try:
        html = fixture_app.test_client().get("/th/search?q=相談").get_data(as_text=True)
    finally:
        i18n.translations_for.cache_clear()
        fixture_app.extensions["kintl_cache"].clear()
    assert ">ค้นหา</button>" in html
    assert "พบ 1 โครงการ" in html
    assert "โครงการที่ 3 &lt;b&gt;" in html  # a translator's markup is shown, not run
    assert "fuzzy" not in html and ">Filters<" in html  # fuzzy entries are not used


def test_easy_japanese_falls_back_to_japanese_ui(tmp_path, monkeypatch):
    for bid, text in (("ja", "検索"), ("ja@easy", None)):
        folder = tmp_path / bid / "LC_MESSAGES"
        folder.mkdir(parents=True)
        body = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        if text:
            body += f'msgid "Search"\nmsgstr "{text}"\n'
        (folder / "messages.po").write_text(body, encoding="utf-8")
    monkeypatch.setattr(ui, "TRANSLATIONS_DIR", tmp_path)
    i18n.translations_for.cache_clear()
    try:
        assert i18n.translations_for("ja-easy").ugettext("Search") == "検索"
        assert i18n.translations_for("ja-easy").ugettext("Filters") == "Filters"
    finally:
        i18n.translations_for.cache_clear()


def test_a_broken_translation_never_breaks_a_page(tmp_path, monkeypatch, fixture_app):
    folder = tmp_path / "vi" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "messages.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Initiative %(num)s"\nmsgstr "Sáng kiến %(số)s"\n\n'
        'msgid "Accessibility statement"\nmsgstr "Tuyên bố 100% <trợ năng>"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(ui, "TRANSLATIONS_DIR", tmp_path)
    i18n.translations_for.cache_clear()
    fixture_app.extensions["kintl_cache"].clear()
    try:
        r = fixture_app.test_client().get("/vi/initiatives/2/")
    finally:
        i18n.translations_for.cache_clear()
        fixture_app.extensions["kintl_cache"].clear()
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert "Initiative 2" in html  # bad placeholder → English source
    assert "Tuyên bố 100% &lt;trợ năng&gt;" in html  # a literal % and < are fine
