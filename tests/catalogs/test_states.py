"""states: the rules every writer goes through."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kintl_pub.catalogs import states
from kintl_pub.store.models import TranslationHistory

from .helpers import PROV

A, B, C = "古い文です。", "新しい文です。", "もっと新しい文です。"


def test_put_machine_stores_draft_and_is_idempotent(session):
    assert states.put_machine(session, "en", A, "Old sentence.", provenance=PROV, flags=["x", "x"])
    t = states.get(session, "en", A)
    assert (t.state, t.provenance, t.flags, t.version) == ("machine", PROV, ["x"], 2)
    assert not states.put_machine(session, "en", A, "Old sentence.", provenance=PROV)
    assert t.version == 2
    with pytest.raises(ValueError):
        states.put_machine(session, "en", A, "  ", provenance=PROV)


def test_put_human_conflict_on_expected_version(session):
    t = states.put_human(session, "en", A, "Old.", who="alice")
    v = t.version
    states.put_human(session, "en", A, "Old one.", who="bob", expected_version=v)
    with pytest.raises(states.ConflictError):
        states.put_human(session, "en", A, "Stale.", who="carol", expected_version=v)
    assert states.get(session, "en", A).text == "Old one."
    with pytest.raises(ValueError):
        states.put_human(session, "en", A, "", who="alice")
    with pytest.raises(ValueError):
        states.put_human(session, "en", A, "x", who="alice", state="machine")


def test_history_keeps_every_replaced_text(session):
    states.put_machine(session, "en", A, "MT.", provenance=PROV)
    states.put_human(session, "en", A, "Human.", who="alice")
    states.put_human(session, "en", A, "Human 2.", who="bob")
    t = states.get(session, "en", A)
    hist = session.scalars(select(TranslationHistory).where(TranslationHistory.translation_id == t.id)
                           .order_by(TranslationHistory.id)).all()
    assert [(h.text, h.state) for h in hist] == [("MT.", "machine"), ("Human.", "translated")]


def test_mark_outdated_keeps_oldest_source_through_a_chain(session):
    states.put_human(session, "en", A, "Old sentence.", who="alice")
    assert states.mark_outdated(session, "en", A, B)
    assert not states.mark_outdated(session, "en", A, B)  # idempotent
    assert states.mark_outdated(session, "en", B, C)
    t = states.get(session, "en", C)
    assert (t.state, t.text, t.previous_source, t.translator) == ("outdated", "Old sentence.", A, "alice")


def test_mark_outdated_never_replaces_a_person(session):
    states.put_machine(session, "en", A, "MT old.", provenance=PROV)
    states.put_human(session, "en", B, "Human new.", who="alice")
    assert not states.mark_outdated(session, "en", A, B)
    assert states.get(session, "en", B).text == "Human new."
    # an outdated human text is not replaced by an outdated machine one either
    states.put_human(session, "ko", A, "사람.", who="kim")
    states.mark_outdated(session, "ko", A, C)
    states.put_machine(session, "ko", B, "기계.", provenance=PROV)
    assert not states.mark_outdated(session, "ko", B, C)
    assert states.get(session, "ko", C).text == "사람."


def test_mark_outdated_prefers_a_fresh_draft_over_an_old_one(session):
    states.put_machine(session, "en", A, "MT old.", provenance=PROV)
    states.put_machine(session, "en", B, "MT new.", provenance=PROV)
    assert not states.mark_outdated(session, "en", A, B)
    assert states.get(session, "en", B).state == "machine"
    # ...but a person's old text beats a machine draft of the new source
    states.put_human(session, "es", A, "Humano.", who="ana")
    states.put_machine(session, "es", B, "Máquina.", provenance=PROV)
    assert states.mark_outdated(session, "es", A, B)
    assert states.get(session, "es", B).text == "Humano."


def test_resolve_many_keeps_states_distinguishable(session):
    states.put_human(session, "en", A, "Reviewed.", who="alice")
    states.put_machine(session, "en", B, "Machine.", provenance=PROV)
    states.put_machine(session, "ja-easy", C, "やさしい ぶん です。", provenance={"engine": "kintl-easy"})
    states.put_human(session, "ko", A, "사람.", who="kim")
    states.mark_outdated(session, "ko", A, B)
    r = states.resolve_many(session, "en", [A, B, C, "ない文。", ""])
    assert (r[A].state, r[B].state, r[C].state, r[C].lang) == ("reviewed", "machine", "fallback", "ja-easy")
    assert r["ない文。"] == states.Shown("ない文。", "ない文。", "fallback", "ja")
    assert "" not in r
    assert states.resolve_many(session, "ko", [B])[B].state == "outdated"
    assert states.resolve_many(session, "ja", [A])[A].state == "source"


def test_ensure_many_creates_missing_rows_once(session):
    assert states.ensure_many(session, "th", [A, B, A, ""]) == 2
    assert states.ensure_many(session, "th", [A, B, C]) == 1
    assert states.get(session, "th", C).state == "untranslated"


def test_restore_human_credits_the_file_and_never_replaces(session):
    assert states.restore_human(session, "vi", A, "Câu cũ.", state="approved", translator="lan",
                                reviewer="minh", version=7)
    t = states.get(session, "vi", A)
    assert (t.state, t.translator, t.reviewer, t.version) == ("approved", "lan", "minh", 7)
    assert not states.restore_human(session, "vi", A, "Khác.", state="translated", translator="x")
    with pytest.raises(ValueError):
        states.restore_human(session, "vi", B, "x", state="machine", translator="x")


def test_resolve_many_follows_the_locales_fallback_chain(session):
    """fil reads untranslated text in a person's English first, vi in Easy
    Japanese first; the reader may choose; a machine English draft or an
    outdated text is never a fallback; the Japanese source ends every chain."""
    states.put_human(session, "en", A, "People's English.", who="en-team-a")
    states.put_machine(session, "en", B, "Machine English.", provenance=PROV)
    for src in (A, B, C):
        states.put_machine(session, "ja-easy", src, f"やさしい {src}", provenance={"engine": "kintl-easy"})
    states.put_human(session, "ja-easy", "古い文。", "ふるい ぶん", who="editor")
    states.mark_outdated(session, "ja-easy", "古い文。", "新しい文。")

    def shown(locale, src, choice=None):
        r = states.resolve_many(session, locale, [src], fallback=choice)[src]
        assert r.state == "fallback"
        return r.lang, r.text

    assert shown("fil", A) == ("en", "People's English.")
    assert shown("fil", B) == ("ja-easy", f"やさしい {B}")  # machine English is skipped
    assert shown("vi", A) == ("ja-easy", f"やさしい {A}")
    assert shown("vi", A, "en") == ("en", "People's English.")  # the reader's choice comes first
    assert shown("fil", A, "ja-easy") == ("ja-easy", f"やさしい {A}")
    assert shown("fil", A, "ja") == ("ja", A)  # the original, if the reader asks for it
    assert shown("vi", A, "th") == ("ja-easy", f"やさしい {A}")  # not an option: the default chain
    assert shown("en", C) == ("ja-easy", f"やさしい {C}")
    assert shown("ko", "新しい文。") == ("ja", "新しい文。")  # outdated Easy Japanese is not used
