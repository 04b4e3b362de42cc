"""catalogs import / export: round trip, refusals, human text protection,
conflicts, approval."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kintl_pub import locales
from kintl_pub.catalogs import states
from kintl_pub.catalogs.export import export
from kintl_pub.catalogs.importer import import_po, load_repo_catalogs
from kintl_pub.catalogs.po import CatalogError
from kintl_pub.catalogs.update import update
from kintl_pub.store.models import Translation, TranslationHistory

from .conftest import STOCK
from .helpers import PROV, edit, po_path

EN = locales.get("en")


def snapshot(session) -> list[tuple]:
    session.expire_all()
    rows = session.scalars(select(Translation).order_by(Translation.id))
    hist = session.scalars(select(TranslationHistory).order_by(TranslationHistory.id))
    return [(t.locale, t.source, t.text, t.state, t.translator, t.reviewer, t.version) for t in rows] + [
        (h.translation_id, h.text, h.state, h.who) for h in hist]


@pytest.fixture
def prepared(session, tdir):
    """Store with a machine draft, a translation, an approval; en exported."""
    update(session, tdir)
    states.put_machine(session, "en", STOCK, "The target was achieved.", provenance=PROV)
    states.put_human(session, "en", "通訳を派遣します。", "We send interpreters.", who="alice")
    states.put_human(session, "en", "需要に応えました。", "We met the demand.", who="alice")
    states.put_human(session, "en", "需要に応えました。", "We met the demand.", who="bob", state="approved")
    session.commit()
    [path] = export(session, tdir.parent / "out", [EN])
    return path


def test_export_is_a_valid_catalog_for_poedit(prepared):
    import shutil
    import subprocess

    text = prepared.read_text("utf-8")
    for header in ('"Language: en\\n"', '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"',
                   '"Content-Type: text/plain; charset=utf-8\\n"', '"MIME-Version: 1.0\\n"'):
        assert header in text
    if shutil.which("msgfmt"):
        out = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(prepared)],
                             capture_output=True, text=True)
        assert out.returncode == 0, out.stderr


def test_round_trip_without_edits_changes_nothing(session, prepared):
    before = snapshot(session)
    report = import_po(session, prepared.read_bytes(), who="carol", name="en.po", expected=EN)
    session.commit()
    assert report.outcomes == [] and report.stored == 0
    assert snapshot(session) == before


def test_round_trip_with_edits_changes_exactly_those(session, prepared, tdir):
    data = edit(prepared.read_bytes(), "通訳を派遣します。", msgstr="We dispatch interpreters.")
    data = edit(data, "派遣件数を増やします。", msgstr="We will dispatch more often.")
    report = import_po(session, data, who="carol", name="en.po", expected=EN)
    session.commit()
    assert sorted((o.kind, o.msgid) for o in report.outcomes) == [
        ("changed", "派遣件数を増やします。"), ("changed", "通訳を派遣します。")]
    t = states.get(session, "en", "通訳を派遣します。")
    assert (t.text, t.state, t.translator) == ("We dispatch interpreters.", "translated", "carol")
    # the replaced text is kept
    hist = session.scalars(select(TranslationHistory).where(TranslationHistory.translation_id == t.id))
    assert "We send interpreters." in [h.text for h in hist]
    # other entries untouched
    assert states.get(session, "en", STOCK).state == "machine"
    assert states.get(session, "en", "需要に応えました。").state == "approved"
    # and the catalog written afterwards carries the edits back (lossless)
    update(session, tdir)
    again = import_po(session, po_path(tdir, "en").read_bytes(), who="carol", expected=EN)
    assert again.outcomes == []


def test_accepting_a_machine_draft_makes_it_translated(session, prepared):
    data = edit(prepared.read_bytes(), STOCK, fuzzy=False)  # Poedit: "needs work" off
    report = import_po(session, data, who="carol", expected=EN)
    assert [(o.kind, o.msgid) for o in report.outcomes] == [("accepted", STOCK)]
    t = states.get(session, "en", STOCK)
    assert (t.state, t.text, t.translator, t.provenance) == (
        "translated", "The target was achieved.", "carol", None)


def test_fuzzy_human_draft_is_reported_not_stored(session, prepared):
    before = snapshot(session)
    data = edit(prepared.read_bytes(), STOCK, msgstr="Achieved as planned (draft).")  # still fuzzy
    data = edit(data, "派遣件数を増やします。", msgstr="More dispatches?", fuzzy=True)
    report = import_po(session, data, who="carol", expected=EN)
    assert sorted(o.kind for o in report.outcomes) == ["needs-work", "needs-work"]
    assert snapshot(session) == before


def test_machine_never_overwrites_human(session, prepared):
    # the store
    assert not states.put_machine(session, "en", "通訳を派遣します。", "MT text", provenance=PROV)
    assert states.get(session, "en", "通訳を派遣します。").text == "We send interpreters."
    # an outdated human text is a person's work too
    t = states.get(session, "en", "通訳を派遣します。")
    t.state, t.previous_source = "outdated", "old"
    assert not states.put_machine(session, "en", "通訳を派遣します。", "MT text", provenance=PROV)
    session.rollback()
    # a catalog whose entry still holds a machine draft (exported before a
    # person translated it) does not overwrite the person's text
    old_file = prepared.read_bytes()
    states.put_human(session, "en", STOCK, "Achieved as planned.", who="alice")
    session.commit()
    before = snapshot(session)
    report = import_po(session, old_file, who="carol", expected=EN)
    assert report.stored == 0 and snapshot(session) == before
    # even when someone un-fuzzies the stale machine draft
    report = import_po(session, edit(old_file, STOCK, fuzzy=False), who="carol", expected=EN)
    assert [o.kind for o in report.outcomes] == ["conflict"]
    assert states.get(session, "en", STOCK).text == "Achieved as planned."


def test_conflict_when_entry_changed_since_export(session, prepared):
    # after the export, alice's text is corrected by dave in the workspace
    states.put_human(session, "en", "通訳を派遣します。", "We send out interpreters.", who="dave")
    session.commit()
    data = edit(prepared.read_bytes(), "通訳を派遣します。", msgstr="Interpreters are sent.")
    data = edit(data, "派遣件数を増やします。", msgstr="We will dispatch more often.")
    report = import_po(session, data, who="carol", expected=EN)
    session.commit()
    kinds = {o.msgid: o.kind for o in report.outcomes}
    assert kinds == {"通訳を派遣します。": "conflict", "派遣件数を増やします。": "changed"}
    conflict = next(o for o in report.outcomes if o.kind == "conflict")
    assert "dave" in conflict.detail
    assert states.get(session, "en", "通訳を派遣します。").text == "We send out interpreters."


def test_machine_redraft_since_export_is_no_conflict(session, prepared):
    states.put_machine(session, "en", STOCK, "Goal achieved.", provenance={**PROV, "version": "2.0"})
    data = edit(prepared.read_bytes(), STOCK, msgstr="It went as planned.", fuzzy=False)
    report = import_po(session, data, who="carol", expected=EN)
    assert [o.kind for o in report.outcomes] == ["changed"]
    assert states.get(session, "en", STOCK).state == "translated"


def test_approval_needs_a_second_person(session, prepared):
    # via the store
    with pytest.raises(states.ApprovalError):
        states.put_human(session, "en", "通訳を派遣します。", "We send interpreters.", who="alice",
                         state="approved")
    with pytest.raises(states.ApprovalError):  # a machine draft is not a person's text
        states.put_human(session, "en", STOCK, "The target was achieved.", who="bob", state="approved")
    with pytest.raises(states.ApprovalError):  # approving while changing the text
        states.put_human(session, "en", "通訳を派遣します。", "Other.", who="bob", state="approved")
    t = states.put_human(session, "en", "通訳を派遣します。", "We send interpreters.", who="bob",
                         state="approved")
    assert (t.state, t.translator, t.reviewer) == ("approved", "alice", "bob")
    session.rollback()
    # via a catalog: "# approved-by: NAME" on an unchanged translated entry
    data = edit(prepared.read_bytes(), "通訳を派遣します。", add_comment="approved-by: alice")
    report = import_po(session, data, who="alice", expected=EN)
    assert [o.kind for o in report.outcomes] == ["refused"]
    assert states.get(session, "en", "通訳を派遣します。").state == "translated"
    data = edit(prepared.read_bytes(), "通訳を派遣します。", add_comment="approved-by: erin")
    report = import_po(session, data, who="erin", expected=EN)
    assert [o.kind for o in report.outcomes] == ["approved"]
    t = states.get(session, "en", "通訳を派遣します。")
    assert (t.state, t.translator, t.reviewer) == ("approved", "alice", "erin")
    # editing an approved text makes it translated again, by the editor
    states.put_human(session, "en", "通訳を派遣します。", "We send interpreters out.", who="frank")
    t = states.get(session, "en", "通訳を派遣します。")
    assert (t.state, t.translator, t.reviewer) == ("translated", "frank", None)


def test_empty_msgstr_never_deletes(session, prepared):
    before = snapshot(session)
    data = edit(prepared.read_bytes(), "通訳を派遣します。", msgstr="")
    report = import_po(session, data, who="carol", expected=EN)
    assert report.outcomes == [] and snapshot(session) == before


BROKEN = {
    "syntax": lambda d: d.replace(b'msgstr "We send interpreters."', b'msgstr "We send interpreters.'),
    "latin-1": lambda d: d.decode("utf-8").replace("We send interpreters.", "Nós enviamos intérpretes.")
    .encode("utf-8").replace("é".encode(), b"\xe9"),
    "charset": lambda d: d.replace(b"charset=utf-8", b"charset=iso-8859-1"),
    "no-language": lambda d: d.replace(b'"Language: en\\n"\n', b""),
    "unknown-language": lambda d: d.replace(b'"Language: en\\n"', b'"Language: xx\\n"'),
    "source-language": lambda d: d.replace(b'"Language: en\\n"', b'"Language: ja\\n"'),
    "babel-alias-pt": lambda d: d.replace(b'"Language: en\\n"', b'"Language: pt\\n"'),
    "babel-alias-tl": lambda d: d.replace(b'"Language: en\\n"', b'"Language: tl\\n"'),
    "not-po": lambda d: b"\x89PNG\r\n\x1a\n\x00\x00binary",
}


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_broken_files_are_refused_and_change_nothing(session, prepared, kind):
    data = edit(prepared.read_bytes(), "通訳を派遣します。", msgstr="We send interpreters.")
    data = edit(data, "派遣件数を増やします。", msgstr="We will dispatch more often.")
    bad = BROKEN[kind](data)
    before = snapshot(session)
    with pytest.raises(CatalogError) as exc:
        import_po(session, bad, who="carol", name="bad.po", expected=EN)
    assert "bad.po" in str(exc.value)
    session.rollback()
    assert snapshot(session) == before


def test_unknown_msgids_only_is_refused(session, prepared):
    from babel.messages.catalog import Catalog

    from .helpers import dump

    cat = Catalog(locale="en", fuzzy=False)
    cat.add("この文はシートにありません。", "This sentence is not in the sheet.")
    with pytest.raises(CatalogError, match="none of its 1 msgids"):
        import_po(session, dump(cat), who="carol", expected=EN)


def test_unknown_msgids_are_skipped_and_reported(session, prepared):
    from kintl_pub.catalogs.po import read_catalog

    from .helpers import dump

    cat = read_catalog(edit(prepared.read_bytes(), "通訳を派遣します。", msgstr="X.")).catalog
    cat.add("この文はシートにありません。", "Not in the sheet.")
    report = import_po(session, dump(cat), who="carol", expected=EN)
    assert sorted(o.kind for o in report.outcomes) == ["changed", "unknown"]


def test_wrong_language_for_expected_locale_is_refused(session, prepared):
    with pytest.raises(CatalogError, match="expected"):
        import_po(session, prepared.read_bytes(), who="carol", expected=locales.get("ko"))


def test_import_needs_a_person(session, prepared):
    with pytest.raises(CatalogError):
        import_po(session, prepared.read_bytes(), who=" ", expected=EN)


def test_outdated_entry_confirmed_or_rewritten(session, tdir):
    from .test_update import _change_source

    old, new = "派遣件数は50%増えました。", "派遣件数は60%増えました。"
    update(session, tdir)
    states.put_human(session, "en", old, "Dispatches rose by 50%.", who="alice")
    states.put_human(session, "ko", old, "파견이 50% 늘었습니다.", who="kim")
    _change_source(session, new)
    update(session, tdir)
    session.commit()
    en = edit(po_path(tdir, "en").read_bytes(), new, msgstr="Dispatches rose by 60%.", fuzzy=False)
    assert [o.kind for o in import_po(session, en, who="alice", expected=EN).outcomes] == ["changed"]
    ko = edit(po_path(tdir, "ko").read_bytes(), new, msgstr="파견이 60% 늘었습니다.")  # still fuzzy
    assert [o.kind for o in import_po(session, ko, who="kim", expected=locales.get("ko")).outcomes] == ["needs-work"]
    assert states.get(session, "ko", new).state == "outdated"


def test_load_repo_catalogs_restores_people_into_a_fresh_store(session, tdir, engine, tmp_path):
    """Committed catalogs → a fresh clone's empty store shows human text,
    credited to the people named in the file; machine drafts stay out."""
    from kintl_pub.store.db import get_engine, init_db, session_factory

    from .conftest import build_tree
    from .test_update import _change_source

    update(session, tdir)
    states.put_machine(session, "en", STOCK, "Draft.", provenance=PROV)
    states.put_human(session, "en", "通訳を派遣します。", "We send interpreters.", who="alice")
    states.put_human(session, "en", "通訳を派遣します。", "We send interpreters.", who="bob", state="approved")
    states.put_human(session, "pt-br", "需要に応えました。", "Atendemos à demanda.", who="joão")
    states.put_human(session, "fil", "派遣件数は50%増えました。", "Tumaas ng 50%.", who="maria")
    _change_source(session, "派遣件数は60%増えました。")
    update(session, tdir)
    session.commit()
    committed = {p: p.read_bytes() for p in tdir.rglob("*.po*")}

    fresh_engine = get_engine(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    init_db(fresh_engine)
    fresh = session_factory(fresh_engine)()
    build_tree(fresh)
    _change_source(fresh, "派遣件数は60%増えました。")
    restored = load_repo_catalogs(fresh, tdir)  # before any segment sync: nothing to do
    assert restored == {}
    update(fresh, tmp_path / "scratch")
    restored = load_repo_catalogs(fresh, tdir)
    fresh.commit()
    assert restored["en"] == 1 and restored["pt-br"] == 1 and restored["fil"] == 1
    t = states.get(fresh, "en", "通訳を派遣します。")
    assert (t.state, t.translator, t.reviewer) == ("approved", "alice", "bob")
    assert states.get(fresh, "en", STOCK).state == "untranslated"  # machine drafts are not restored
    assert states.get(fresh, "pt-br", "需要に応えました。").translator == "joão"
    f = states.get(fresh, "fil", "派遣件数は60%増えました。")
    assert (f.state, f.text, f.previous_source, f.translator) == (
        "outdated", "Tumaas ng 50%.", "派遣件数は50%増えました。", "maria")
    # running it again restores nothing more and never replaces a person's text
    assert sum(load_repo_catalogs(fresh, tdir).values()) == 0
    # the fresh store writes the committed human entries back identically
    # (text, state, people, version), so the first update is not a rewrite
    update(fresh, tmp_path / "again")
    fresh.commit()
    from kintl_pub.catalogs.po import read_catalog

    def human(data: bytes) -> set[tuple]:
        return {(e.msgid, e.msgstr, e.fuzzy, e.previous, e.translated_by, e.approved_by, e.version)
                for e in read_catalog(data).entries if e.translated_by}

    for code in ("en", "pt-br", "fil"):
        rel = po_path(tdir, code).relative_to(tdir)
        assert human((tmp_path / "again" / rel).read_bytes()) == human(committed[po_path(tdir, code)])
        assert human(committed[po_path(tdir, code)])
    fresh.close()


def test_machine_draft_with_stray_whitespace_round_trips_unchanged(session, prepared, tdir):
    states.put_machine(session, "en", "通訳を派遣します。", "We send interpreters. \n", provenance=PROV)
    states.put_machine(session, "en", "派遣件数を増やします。", " More dispatches.", provenance=PROV)
    [path] = export(session, tdir.parent / "out2", [EN])
    before = snapshot(session)
    report = import_po(session, path.read_bytes(), who="carol", expected=EN)
    assert report.outcomes == [] and snapshot(session) == before
    update(session, tdir)  # no "hand edit" either


def test_quality_warnings_are_reported_but_never_refuse(session, prepared):
    """The checks registry runs on every stored entry: a lost number, leftover
    markup and untranslated Japanese are warned about, and stored all the same."""
    data = edit(prepared.read_bytes(), "セミナーを年4回開催しました。", msgstr="We held <b>seminars</b>.")
    data = edit(data, "通訳を派遣します。", msgstr="通訳を派遣します。")
    data = edit(data, "派遣件数を増やします。", msgstr="We will dispatch more often.")
    report = import_po(session, data, who="carol", name="en.po", expected=EN)
    session.commit()
    assert report.stored == 3
    warned = {msgid: [f.flag for f in found] for msgid, found in report.warnings}
    assert warned == {
        "セミナーを年4回開催しました。": ["lost-number:4", "markup:<b>", "markup:</b>"],
        "通訳を派遣します。": ["identical", "wrong-script:Latn"],
    }
    assert "2 with warnings" in report.summary()
    # warnings only: every entry was stored as the translator wrote it
    assert states.get(session, "en", "セミナーを年4回開催しました。").text == "We held <b>seminars</b>."
    assert states.get(session, "en", "通訳を派遣します。").state == "translated"
