"""catalogs update: every catalog, every segment, states ↔ flags, determinism."""

from __future__ import annotations

import subprocess
import sys

import pytest
from babel.messages.catalog import Catalog
from sqlalchemy import func, select

from kintl_pub import locales
from kintl_pub.catalogs import states
from kintl_pub.catalogs.po import read_catalog
from kintl_pub.catalogs.update import outdate, pending_changes, update
from kintl_pub.segment import sync
from kintl_pub.store.models import Program, Segment, Translation

from .conftest import STOCK
from .helpers import PROV, load, po_path


def test_update_creates_all_catalogs_with_every_segment(session, tdir):
    r = update(session, tdir)
    session.commit()
    sources = set(session.scalars(select(Segment.source)))
    assert r.entries == len(sources)
    assert len(r.written) == 12  # 11 catalogs + template
    assert (tdir / "content.pot").exists()
    for loc in locales.TARGETS:
        cat = load(po_path(tdir, loc.code))
        ids = {m.id for m in cat if m.id}
        assert ids == sources, loc.code
        assert str(cat.locale_identifier) == loc.babel_id
    # one Translation row per (target locale, distinct source)
    n = session.scalar(select(func.count()).select_from(Translation))
    assert n == len(sources) * len(locales.TARGETS)
    assert not (tdir / "ja").exists()  # the source language has no content catalog


def test_locale_folders_exactly_as_in_the_table(session, tdir):
    update(session, tdir)
    folders = sorted(p.name for p in tdir.iterdir() if p.is_dir())
    assert folders == sorted(["en", "zh_Hans", "ko", "vi", "fil", "pt_BR", "es", "ne", "th", "id", "ja@easy"])
    # Babel's aliases must not have leaked into folder names or headers
    for trap in ("tl", "fil_PH", "pt", "pt_PT", "zh_CN", "ja"):
        assert not (tdir / trap).exists()
    headers = {p.parent.parent.name: read_catalog(p.read_bytes()).language
               for p in tdir.glob("*/LC_MESSAGES/content.po")}
    assert headers == {f: f for f in folders}
    easy = read_catalog((tdir / "ja@easy/LC_MESSAGES/content.po").read_bytes())
    assert easy.locale == locales.EASY
    assert "nplurals=1" in easy.catalog.plural_forms  # Japanese plural rules, from Babel


def test_identical_sentences_share_one_entry_with_all_places(session, tdir):
    update(session, tdir)
    cat = load(po_path(tdir, "en"))
    msg = cat[STOCK]
    places = {loc for loc, _line in msg.locations}
    assert places == {
        "initiative/1/program/0/results", "initiative/1/program/0/reason",
        "initiative/2/program/0/results", "initiative/2/program/0/reason",
    }
    assert ("initiative/1/program/0/results", 2) in msg.locations  # 2nd sentence of the field
    assert sum(1 for m in cat if m.id == STOCK) == 1
    # translator context: initiative number and title, field name in English
    comments = "\n".join(msg.auto_comments)
    assert "Initiative 1" in comments and "国際戦略拠点活性化推進事業" in comments
    assert "Results (取組内容の実績等)" in comments
    label = cat["市民文化局"]
    assert {loc for loc, _ in label.locations} == {
        "initiative/2/program/0/bureau", "initiative/2/program/1/bureau"}


def test_entries_follow_reading_order(session, tdir):
    update(session, tdir)
    ids = [m.id for m in load(po_path(tdir, "ko")) if m.id]
    assert ids[0] == "先端技術や産業集積を生かした国際展開"  # policy I first
    assert ids.index("国の特区制度を活用します。") < ids.index("地区の基盤整備を進めます。")
    assert ids.index("地区の基盤整備を進めます。") < ids.index("通訳を派遣します。")


def _entry(tdir, code, msgid):
    po = read_catalog(po_path(tdir, code).read_bytes())
    return next(e for e in po.entries if e.msgid == msgid), po


def test_states_map_to_flags_and_comments(session, tdir):
    update(session, tdir)
    states.put_machine(session, "en", STOCK, "The target was achieved.", provenance=PROV,
                       flags=["lost-number:4"])
    states.put_human(session, "en", "通訳を派遣します。", "We send interpreters.", who="alice")
    states.put_human(session, "en", "需要に応えました。", "We met the demand.", who="alice")
    states.put_human(session, "en", "需要に応えました。", "We met the demand.", who="bob", state="approved")
    session.commit()
    update(session, tdir)
    cat = load(po_path(tdir, "en"))

    machine = cat[STOCK]
    assert machine.fuzzy and machine.string == "The target was achieved."
    prov = " ".join(machine.auto_comments)
    for part in ("machine:", "engine=argostranslate", "package=translate-ja_en", "version=1.9",
                 "date=2026-11-29", "lost-number:4", "kintl-state: machine"):
        assert part in prov

    translated = cat["通訳を派遣します。"]
    assert not translated.fuzzy and translated.string == "We send interpreters."
    assert "translated-by: alice" in translated.user_comments
    assert not any(c.startswith("approved-by") for c in translated.user_comments)

    approved = cat["需要に応えました。"]
    assert not approved.fuzzy
    assert "approved-by: bob" in approved.user_comments
    assert "translated-by: alice" in approved.user_comments

    untranslated = cat["派遣件数を増やします。"]
    assert not untranslated.fuzzy and untranslated.string == ""
    # versions travel with every entry for conflict detection
    e, _ = _entry(tdir, "en", "需要に応えました。")
    t = states.get(session, "en", "需要に応えました。")
    assert e.version == t.version and e.translated_by == "alice" and e.approved_by == "bob"


def test_content_mo_has_reviewed_text_only(session, tdir):
    from babel.messages.mofile import read_mo

    from kintl_pub.catalogs.compile import compile_catalogs

    update(session, tdir)
    states.put_machine(session, "en", STOCK, "Draft.", provenance=PROV)
    states.put_human(session, "en", "通訳を派遣します。", "We send interpreters.", who="alice")
    update(session, tdir)
    compile_catalogs(tdir)
    with (tdir / "en/LC_MESSAGES/content.mo").open("rb") as fh:
        mo = read_mo(fh)
    assert {m.id for m in mo if m.id} == {"通訳を派遣します。"}


def _change_source(session, new_results: str) -> None:
    prog = session.scalars(select(Program).where(Program.name == "通訳派遣事業")).one()
    prog.results = new_results
    session.flush()


def test_source_change_makes_translations_outdated_with_previous_msgid(session, tdir):
    old = "派遣件数は50%増えました。"
    new = "派遣件数は60%増えました。"
    update(session, tdir)
    states.put_human(session, "en", old, "Dispatches rose by 50%.", who="alice")
    states.put_machine(session, "ko", old, "파견 건수가 50% 증가했습니다.", provenance=PROV)
    session.commit()
    _change_source(session, new)
    r = update(session, tdir)
    session.commit()
    assert r.outdated == 2

    t = states.get(session, "en", new)
    assert (t.state, t.text, t.previous_source, t.translator) == (
        "outdated", "Dispatches rose by 50%.", old, "alice")
    assert states.get(session, "en", old).text == "Dispatches rose by 50%."  # nothing lost

    e, po = _entry(tdir, "en", new)
    assert e.fuzzy and e.msgstr == "Dispatches rose by 50%." and e.previous == old
    assert e.translated_by == "alice"
    assert old not in {x.msgid for x in po.entries}  # no longer used anywhere
    text = po_path(tdir, "en").read_text("utf-8")
    assert f'#| msgid "{old}"' in text
    # ...and the renderer never shows it as current
    shown = states.resolve_many(session, "en", [new])[new]
    assert shown.state == "outdated"
    e_ko, _ = _entry(tdir, "ko", new)
    assert e_ko.fuzzy and e_ko.previous == old


def test_long_previous_msgid_with_spaces_stays_valid_po(session, tdir):
    """Babel's writer re-wraps ``#|`` lines at spaces inside the quoted string;
    ours must stay parseable by GNU gettext and round-trip exactly."""
    old = "①国の大型プログラムに採択を受け、取組を開始しました。 ②ネットワーク協議会の事務局として、年4回の部会やセミナーを開催するとともに、交流促進のイベントを開催しました。 ③海外との交流を進めました。"
    # a single list item, so the whole text is one segment (with spaces)
    update(session, tdir)
    _change_source(session, "- " + old)
    update(session, tdir)
    states.put_human(session, "en", old, "Several things happened.", who="alice")
    session.commit()
    new = old.replace("年4回", "年5回")
    _change_source(session, "- " + new)
    update(session, tdir)
    e, _ = _entry(tdir, "en", new)
    assert e.previous == old
    msgfmt = _msgfmt()
    if msgfmt:
        out = subprocess.run([msgfmt, "--check-format", "-o", "/dev/null", str(po_path(tdir, "en"))],
                             capture_output=True, text=True)
        assert out.returncode == 0, out.stderr


def _msgfmt():
    import shutil

    return shutil.which("msgfmt")


def test_update_twice_writes_identical_files(session, tdir):
    update(session, tdir)
    states.put_machine(session, "en", STOCK, "Draft.", provenance=PROV)
    states.put_human(session, "fil", "通訳を派遣します。", "Nagpapadala kami ng interpreter.", who="alice")
    session.commit()
    update(session, tdir)
    session.commit()
    before = {p: p.read_bytes() for p in tdir.rglob("*.po*")}
    mtimes = {p: p.stat().st_mtime_ns for p in before}
    r = update(session, tdir)
    session.commit()
    assert r.written == [] and r.created == 0 and r.outdated == 0
    assert {p: p.read_bytes() for p in tdir.rglob("*.po*")} == before
    assert {p: p.stat().st_mtime_ns for p in before} == mtimes  # not even touched


def test_update_output_depends_on_the_store_only(engine, tmp_path):
    """Header dates come from the store, not the clock."""
    from kintl_pub.store.db import session_factory

    from .conftest import build_tree

    s = session_factory(engine)()
    build_tree(s)
    update(s, tmp_path / "a")
    s.commit()
    created = {p.relative_to(tmp_path / "a"): p.read_bytes() for p in (tmp_path / "a").rglob("*.po*")}
    update(s, tmp_path / "b")
    again = {p.relative_to(tmp_path / "b"): p.read_bytes() for p in (tmp_path / "b").rglob("*.po*")}
    assert created == again
    header = read_catalog(created[next(iter(k for k in created if k.name == "content.po"))])
    assert "YEAR" not in str(header.catalog.revision_date)


def test_outdate_function_for_the_import_command(session):
    sync(session)
    states.put_human(session, "es", "通訳を派遣します。", "Enviamos intérpretes.", who="ana")
    prog = session.scalars(select(Program).where(Program.name == "通訳派遣事業")).one()
    prog.content = "通訳を無料で派遣します。"
    session.flush()
    sync(session)
    changes = pending_changes(session)
    assert [(c.old, c.new) for c in changes] == [("通訳を派遣します。", "通訳を無料で派遣します。")]
    assert outdate(session, changes) == 1  # only es had text
    assert states.get(session, "es", "通訳を無料で派遣します。").state == "outdated"
    assert outdate(session, changes) == 0  # idempotent: update re-applies it every run


def test_sync_report_lists_changes(session):
    sync(session)
    prog = session.scalars(select(Program).where(Program.name == "通訳派遣事業")).one()
    prog.content = "通訳を無料で派遣します。"
    session.flush()
    assert [c.new for c in sync(session).changes] == ["通訳を無料で派遣します。"]


def test_pot_template_has_no_translations(session, tdir):
    update(session, tdir)
    states.put_human(session, "en", STOCK, "Achieved.", who="alice")
    update(session, tdir)
    pot = load(tdir / "content.pot")
    assert isinstance(pot, Catalog) and not pot.locale_identifier
    assert all(not m.string for m in pot if m.id)
    assert pot[STOCK].locations


@pytest.mark.parametrize("code", ["fil", "pt-br", "zh-hans", "ja-easy"])
def test_babel_can_load_each_trap_locale_catalog(session, tdir, code):
    """The headers must not send Babel down its alias paths."""
    update(session, tdir)
    po = read_catalog(po_path(tdir, code).read_bytes())
    assert po.locale is locales.get(code)
    assert po.catalog.num_plurals >= 1
    assert sys.version_info >= (3, 11)


def test_update_never_drops_people_from_the_committed_files(session, tdir, engine, tmp_path):
    """A fresh clone (empty store) running update must not wipe the human
    translations the committed catalogs hold: they are restored first."""
    from kintl_pub.store.db import get_engine, init_db, session_factory

    from .conftest import build_tree

    update(session, tdir)
    states.put_human(session, "th", STOCK, "บรรลุเป้าหมาย", who="somchai")
    states.put_machine(session, "th", "通訳を派遣します。", "ส่งล่าม", provenance=PROV)
    update(session, tdir)
    session.commit()
    committed = po_path(tdir, "th").read_bytes()

    fresh_engine = get_engine(f"sqlite:///{tmp_path / 'clone.sqlite3'}")
    init_db(fresh_engine)
    fresh = session_factory(fresh_engine)()
    build_tree(fresh)
    r = update(fresh, tdir)
    fresh.commit()
    assert r.restored == 1
    t = states.get(fresh, "th", STOCK)
    assert (t.text, t.state, t.translator) == ("บรรลุเป้าหมาย", "translated", "somchai")
    after = read_catalog(po_path(tdir, "th").read_bytes())
    entry = next(e for e in after.entries if e.msgid == STOCK)
    assert (entry.msgstr, entry.translated_by, entry.fuzzy) == ("บรรลุเป้าหมาย", "somchai", False)
    assert committed != po_path(tdir, "th").read_bytes()  # (the machine draft was not restored)
    fresh.close()


def test_hand_edits_in_the_files_stop_update(session, tdir):
    from kintl_pub.catalogs.importer import import_po
    from kintl_pub.catalogs.update import UnimportedEdits

    from .helpers import edit

    update(session, tdir)
    states.put_human(session, "vi", STOCK, "Đã đạt mục tiêu.", who="lan")
    update(session, tdir)
    session.commit()
    path = po_path(tdir, "vi")
    # someone edits the committed file directly (e.g. in a pull request)
    edited = edit(path.read_bytes(), STOCK, msgstr="Đã hoàn thành mục tiêu.")
    edited = edit(edited, "通訳を派遣します。", msgstr="Chúng tôi cử phiên dịch viên.")
    path.write_bytes(edited)
    with pytest.raises(UnimportedEdits) as exc:
        update(session, tdir)
    assert STOCK[:10] in str(exc.value) and "catalogs import" in str(exc.value)
    session.rollback()
    assert path.read_bytes() == edited  # nothing overwritten
    # the store moving on (a workspace edit) is not a hand edit of the file
    report = import_po(session, edited, who="minh", expected=locales.get("vi"))
    assert report.stored == 2
    states.put_human(session, "vi", STOCK, "Mục tiêu đã đạt được.", who="lan")
    update(session, tdir)
    entry = next(e for e in read_catalog(path.read_bytes()).entries if e.msgid == STOCK)
    assert entry.msgstr == "Mục tiêu đã đạt được."
    # and a deliberate discard is possible
    path.write_bytes(edit(path.read_bytes(), STOCK, msgstr="Bỏ đi."))
    update(session, tdir, discard_file_edits=True)
    assert "Bỏ đi." not in path.read_text("utf-8")
