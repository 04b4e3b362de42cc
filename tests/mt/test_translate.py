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
    assert es["path"] == "ja→en→es" and es["pivot"] == "en"
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
