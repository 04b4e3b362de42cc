"""``kintl-pub translate``: states, provenance, pivot, caching, human text kept."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from kintl_pub.catalogs import states
from kintl_pub.cli import cli
from kintl_pub.mt import translate
from kintl_pub.mt.engine import DecodeOptions, Engine
from kintl_pub.store.db import session_factory
from kintl_pub.store.models import Translation

from .conftest import SOURCES, add_segments

FAST = DecodeOptions(beam_size=2, max_decoding_length=12)


@pytest.fixture
def session(engine, installed):  # type: ignore[no-untyped-def]
    s = session_factory(engine)()
    add_segments(s)
    s.commit()
    yield s
    s.close()


def _engine() -> Engine:
    return Engine(options=FAST)


def _rows(session, locale: str) -> dict[str, Translation]:  # type: ignore[no-untyped-def]
    return {t.source: t for t in session.scalars(select(Translation).where(Translation.locale == locale))}


def test_drafts_every_segment_with_provenance(session) -> None:  # type: ignore[no-untyped-def]
    eng = _engine()
    report = translate.run(session, ["en", "es"], engine=eng)
    session.commit()
    for code in ("en", "es"):
        rows = _rows(session, code)
        assert set(rows) == set(SOURCES)
        assert {t.state for t in rows.values()} == {"machine"}
        assert all(t.text for t in rows.values())
    es = next(iter(_rows(session, "es").values())).provenance
    assert es["engine"] == "argostranslate"
    assert es["path"] == "ja→en→es" and es["pivot"] == "machine-en"
    assert [(p["from"], p["to"], p["version"]) for p in es["packages"]] == [
        ("ja", "en", "1.0"), ("en", "es", "1.0")]
    assert es["package"] == "translate-ja_en-1_0+translate-en_es-1_0"
    import ctranslate2

    assert es["ctranslate2"] == ctranslate2.__version__
    assert es["date"] == datetime.now(UTC).date().isoformat()
    en = next(iter(_rows(session, "en").values())).provenance
    assert en["path"] == "ja→en" and "pivot" not in en
    by_code = {lr.locale: lr for lr in report.locales}
    assert by_code["en"].drafted == by_code["es"].drafted == len(SOURCES)


def test_pivot_reuses_ja_en_across_targets(session) -> None:  # type: ignore[no-untyped-def]
    eng = _engine()
    translate.run(session, ["en", "es"], engine=eng)
    # one ja→en pass over the union (not one per target), then one en→es pass
    assert eng.stats.per_package == {"translate-ja_en-1_0": 1, "translate-en_es-1_0": 1}
    # every source once through ja→en; en→es sees each distinct English text once
    assert eng.stats.sentences_per_package["translate-ja_en-1_0"] == len(SOURCES)
    assert eng.stats.sentences_per_package["translate-en_es-1_0"] <= len(SOURCES)


def test_pivot_uses_cached_ja_en_from_an_earlier_run(session) -> None:  # type: ignore[no-untyped-def]
    translate.run(session, ["en"], engine=_engine())
    eng = _engine()
    translate.run(session, ["es"], engine=eng)
    assert eng.stats.per_package == {"translate-en_es-1_0": 1}


def test_second_run_calls_the_model_zero_times(session) -> None:  # type: ignore[no-untyped-def]
    translate.run(session, None, engine=_engine())
    session.commit()
    eng = _engine()
    report = translate.run(session, None, engine=eng)
    assert eng.stats.calls == 0 and report.model_calls == 0
    assert report.drafted == 0


def test_cache_answers_when_drafts_are_missing(session) -> None:  # type: ignore[no-untyped-def]
    translate.run(session, ["es"], engine=_engine())
    before = {s: t.text for s, t in _rows(session, "es").items()}
    for t in _rows(session, "es").values():
        session.delete(t)
    session.flush()
    eng = _engine()
    report = translate.run(session, ["es"], engine=eng)
    assert eng.stats.calls == 0
    assert report.cache_hits > len(SOURCES)  # ja→en for all, then en→es (distinct outputs)
    assert {s: t.text for s, t in _rows(session, "es").items()} == before


def test_new_decoding_settings_do_not_reuse_cache(session) -> None:  # type: ignore[no-untyped-def]
    translate.run(session, ["en"], engine=_engine())
    for t in _rows(session, "en").values():
        session.delete(t)
    session.flush()
    eng = Engine(options=DecodeOptions(beam_size=1, max_decoding_length=12))
    translate.run(session, ["en"], engine=eng)
    assert eng.stats.calls == 1


def test_human_text_is_never_overwritten(session) -> None:  # type: ignore[no-untyped-def]
    s0, s1, s2, s3 = SOURCES[:4]
    states.put_human(session, "es", s0, "Se logró el objetivo.", who="ana")
    states.put_human(session, "es", s1, "Texto de Ana.", who="ana")
    states.put_human(session, "es", s1, "Texto de Ana.", who="ben", state="approved")
    # an outdated human text (source changed) still holds a person's work
    states.put_human(session, "es", "古い文。", "Frase antigua.", who="ana")
    states.mark_outdated(session, "es", "古い文。", s2)
    # an outdated *machine* text gets a fresh draft
    states.put_machine(session, "es", "前の文。", "vieja", provenance={"engine": "x"})
    states.mark_outdated(session, "es", "前の文。", s3)
    session.flush()
    report = translate.run(session, ["es"], engine=_engine())
    rows = _rows(session, "es")
    assert (rows[s0].state, rows[s0].text) == ("translated", "Se logró el objetivo.")
    assert (rows[s1].state, rows[s1].text) == ("approved", "Texto de Ana.")
    assert (rows[s2].state, rows[s2].text) == ("outdated", "Frase antigua.")
    assert rows[s3].state == "machine" and rows[s3].provenance["engine"] == "argostranslate"
    assert rows[SOURCES[4]].state == "machine"
    es = next(lr for lr in report.locales if lr.locale == "es")
    assert es.needed == 2 and es.drafted == 2


def test_lost_numbers_are_flagged(session) -> None:  # type: ignore[no-untyped-def]
    translate.run(session, ["en"], engine=_engine())
    row = _rows(session, "en")[SOURCES[2]]  # キングスカイフロントで2021年4月に…3回
    flags = row.flags or []
    if "2021" not in row.text:
        assert "lost-number:2021" in flags
    if "3" not in row.text:
        assert "lost-number:3" in flags
    # the leading ① is re-attached, so it is never lost
    assert _rows(session, "en")[SOURCES[1]].text.startswith("①")


def test_human_only_locales_are_reported_not_drafted(session) -> None:  # type: ignore[no-untyped-def]
    eng = _engine()
    report = translate.run(session, ["vi", "ne"], engine=eng)
    assert eng.stats.calls == 0
    assert [(lr.locale, lr.route, lr.needed, lr.drafted) for lr in report.locales] == [
        ("vi", "", len(SOURCES), 0), ("ne", "", len(SOURCES), 0)]
    assert _rows(session, "vi") == {}


def test_unknown_locale_is_refused() -> None:
    with pytest.raises(KeyError):
        translate.select_targets(["xx"])
    with pytest.raises(KeyError, match="not a machine translation target"):
        translate.select_targets(["ja-easy"])


def test_cli_translate(session, mt_env: Path) -> None:  # type: ignore[no-untyped-def]
    runner = CliRunner()
    args = ["translate", "--lang", "es", "--max-length", "12", "--beam-size", "1", "--no-progress"]
    first = runner.invoke(cli, args[:-1])  # with the tqdm progress bar
    assert first.exit_code == 0, first.output
    assert "drafted 5" in first.output and "ja→en→es" in first.output
    second = runner.invoke(cli, args)
    assert second.exit_code == 0, second.output
    assert "drafted 0" in second.output and ", 0 model calls" in second.output
    bad = runner.invoke(cli, ["translate", "--lang", "xx"])
    assert bad.exit_code != 0 and "unknown locale" in bad.output


def test_term_only_segments_get_the_approved_translation(engine, installed) -> None:  # type: ignore[no-untyped-def]
    s = session_factory(engine)()
    add_segments(s, ("市民文化局", "キングスカイフロント"))
    eng = _engine()
    translate.run(s, ["en", "es"], engine=eng)
    assert eng.stats.calls == 0
    assert _rows(s, "en")["市民文化局"].text == "Civic Affairs Bureau"
    assert _rows(s, "es")["市民文化局"].text == "Oficina de Asuntos Cívicos"
    assert _rows(s, "es")["キングスカイフロント"].state == "machine"
    assert _rows(s, "es")["キングスカイフロント"].provenance["engine"] == "terms"
    s.close()


PEOPLE_EN = "We will continue to support the daily lives of foreign residents."


def _en_es(eng: Engine):  # type: ignore[no-untyped-def]
    from kintl_pub.mt import packages

    return next(p for p in packages.installed() if (p.from_code, p.to_code) == ("en", "es"))


def test_drafts_pivot_from_peoples_english(session) -> None:  # type: ignore[no-untyped-def]
    from kintl_pub import terms
    from kintl_pub.mt import protect

    src = SOURCES[4]
    en = states.put_human(session, "en", src, PEOPLE_EN, who="en-team-a")
    eng = _engine()
    report = translate.run(session, ["es"], engine=eng)
    rows = _rows(session, "es")
    # the ja→en model never saw the text a person translated; en→es did, from the person's English
    assert eng.stats.sentences_per_package["translate-ja_en-1_0"] == len(SOURCES) - 1
    prov = rows[src].provenance
    assert prov["pivot"] == "human-en" and prov["path"] == "en→es"
    assert prov["package"] == "translate-en_es-1_0" and prov["english_version"] == en.version
    # the draft is exactly the en→es model's output for the person's English
    masked = protect.mask(PEOPLE_EN, terms.load_terms(), source_locale="en")
    alone = Engine(options=FAST).translate(_en_es(eng), [masked.text])[masked.text]
    assert rows[src].text == protect.unmask(alone, masked, "es", terms.load_terms())
    assert {rows[s].provenance["pivot"] for s in SOURCES[1:4]} == {"machine-en"}
    es = next(lr for lr in report.locales if lr.locale == "es")
    assert es.via_people == 1 and es.drafted == len(SOURCES)


def test_a_change_of_peoples_english_outdates_the_drafts_made_from_it(session) -> None:  # type: ignore[no-untyped-def]
    src = SOURCES[4]
    translate.run(session, ["en", "es"], engine=_engine())
    assert _rows(session, "es")[src].provenance["pivot"] == "machine-en"
    # a person writes the English: the draft from the machine English is outdated
    states.put_human(session, "en", src, PEOPLE_EN, who="en-team-a")
    es = _rows(session, "es")[src]
    assert es.state == "outdated" and "pivot-changed" in es.flags
    assert _rows(session, "es")[SOURCES[3]].state == "machine"  # other texts untouched
    translate.run(session, ["es"], engine=_engine())
    es = _rows(session, "es")[src]
    assert es.state == "machine" and es.provenance["pivot"] == "human-en"
    first = es.provenance["english_version"]
    # a second person approves the English as it is: nothing to redraft
    states.put_human(session, "en", src, PEOPLE_EN, who="en-team-b", state="approved")
    assert _rows(session, "es")[src].state == "machine"
    # the English is corrected: outdated again, redrafted from the new English
    states.put_human(session, "en", src, PEOPLE_EN.replace("daily ", ""), who="en-team-b")
    assert _rows(session, "es")[src].state == "outdated"
    report = translate.run(session, ["es"], engine=_engine())
    es = _rows(session, "es")[src]
    assert es.state == "machine" and es.provenance["english_version"] > first
    assert next(lr for lr in report.locales if lr.locale == "es").drafted == 1


def test_a_persons_spanish_is_not_outdated_by_the_english(session) -> None:  # type: ignore[no-untyped-def]
    src = SOURCES[4]
    translate.run(session, ["es"], engine=_engine())
    states.put_human(session, "es", src, "Seguiremos apoyando a los residentes extranjeros.", who="ana")
    states.put_human(session, "en", src, PEOPLE_EN, who="en-team-a")
    assert _rows(session, "es")[src].state == "translated"


def test_outdated_pivot_draft_in_the_catalog_says_the_english_changed(session) -> None:  # type: ignore[no-untyped-def]
    from kintl_pub.catalogs.entries import collect
    from kintl_pub.catalogs.po import build_catalog
    from kintl_pub.locales import get

    translate.run(session, ["es"], engine=_engine())
    states.put_human(session, "en", SOURCES[4], PEOPLE_EN, who="en-team-a")
    msg = build_catalog(session, get("es"), collect(session))[SOURCES[4]]
    assert msg.fuzzy and not msg.previous_id
    assert any(c.startswith("english changed:") for c in msg.auto_comments)
    assert not any(c.startswith("source changed:") for c in msg.auto_comments)
