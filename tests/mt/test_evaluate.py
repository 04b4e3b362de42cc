"""``kintl-pub mt eval``: chrF and BLEU of the generated models' drafts
against people's translations, end to end through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sacrebleu
from click.testing import CliRunner
from sqlalchemy import func, select

from kintl_pub import terms
from kintl_pub.catalogs import states
from kintl_pub.cli import cli
from kintl_pub.mt import packages, protect
from kintl_pub.mt.engine import DecodeOptions, Engine
from kintl_pub.segment import source_hash
from kintl_pub.store.db import session_factory
from kintl_pub.store.models import Segment, Translation, TranslationHistory

from .conftest import SOURCES, add_segments

FAST = DecodeOptions(beam_size=1, max_decoding_length=12)
FAST_ARGS = ["--beam-size", "1", "--max-length", "12"]

PEOPLE = {
    "en": {
        SOURCES[0]: "The target was achieved as planned.",
        SOURCES[2]: "The city held 3 seminars at KING SKYFRONT in April 2021.",
        SOURCES[4]: "We will continue to support the daily lives of foreign residents.",
    },
    "es": {
        SOURCES[0]: "Se logró el objetivo previsto.",
        SOURCES[2]: "La ciudad celebró 3 seminarios en KING SKYFRONT en abril de 2021.",
    },
}


@pytest.fixture
def store(engine, installed):  # type: ignore[no-untyped-def]
    s = session_factory(engine)()
    add_segments(s)
    # one text is also a title (a second field)
    s.add(Segment(key="1/title", initiative_number=1, program_position=None, field="title",
                  ordinal=0, kind="label", block=0, source=SOURCES[0], source_hash=source_hash(SOURCES[0])))
    for code, texts in PEOPLE.items():
        for src, text in texts.items():
            states.put_human(s, code, src, text, who=f"{code}-team")
    s.commit()
    yield s
    s.close()


def _drafts(steps, items: dict[str, str], locale: str, source_locale: str | None) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """What the models make of ``items`` (key → input), computed here step by step."""
    g = terms.load_terms()
    eng = Engine(options=FAST)  # the decoding settings the tests give the CLI
    masked = {k: protect.mask(v, g, source_locale=source_locale) for k, v in items.items()}
    texts = {k: m.text for k, m in masked.items()}
    for info in steps:
        out = eng.translate(info, list(texts.values()))
        texts = {k: out[t] for k, t in texts.items()}
    return {k: protect.unmask(texts[k], masked[k], locale, g) for k in items}


def _pkg(a: str, b: str):  # type: ignore[no-untyped-def]
    return next(p for p in packages.installed() if (p.from_code, p.to_code) == (a, b))


def test_mt_eval_end_to_end(store, mt_env: Path) -> None:  # type: ignore[no-untyped-def]
    before = store.scalar(select(func.count()).select_from(TranslationHistory))
    result = CliRunner().invoke(cli, ["mt", "eval", "--lang", "en", "--lang", "es", "--lang", "vi", "--json", *FAST_ARGS])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    got = {(s["locale"], s["kind"], s["field"]): s for s in report["scores"]}
    assert set(got) == {
        ("en", "direct", "all"), ("en", "direct", "results"), ("en", "direct", "title"),
        ("es", "machine-en", "all"), ("es", "machine-en", "results"), ("es", "machine-en", "title"),
        ("es", "human-en", "all"), ("es", "human-en", "results"), ("es", "human-en", "title"),
    }
    assert report["human_only"] == ["vi"]
    # the numbers are sacrebleu's for the drafts the installed models make
    ja_en, en_es = _pkg("ja", "en"), _pkg("en", "es")
    for code, kind, steps, inputs, lang in [
        ("en", "direct", [ja_en], {s: s for s in PEOPLE["en"]}, None),
        ("es", "machine-en", [ja_en, en_es], {s: s for s in PEOPLE["es"]}, None),
        ("es", "human-en", [en_es], {s: PEOPLE["en"][s] for s in PEOPLE["es"]}, "en"),
    ]:
        drafts = _drafts(steps, inputs, code, lang)
        keys = sorted(drafts)
        hyps, refs = [drafts[k] for k in keys], [[PEOPLE[code][k] for k in keys]]
        want = got[(code, kind, "all")]
        assert want["texts"] == len(keys)
        assert want["chrf"] == round(sacrebleu.corpus_chrf(hyps, refs).score, 2)
        assert want["bleu"] == round(sacrebleu.corpus_bleu(hyps, refs).score, 2)
    assert got[("es", "machine-en", "title")]["texts"] == 1
    assert got[("es", "human-en", "all")]["route"] == "en→es"
    # nothing of the evaluation is stored
    assert store.scalar(select(func.count()).select_from(TranslationHistory)) == before
    assert {t.state for t in store.scalars(select(Translation))} == {"translated"}


def test_a_draft_equal_to_the_person_scores_100(store, mt_env: Path) -> None:  # type: ignore[no-untyped-def]
    # the person accepted exactly what the model drafts
    src = SOURCES[3]
    draft = _drafts([_pkg("ja", "en")], {src: src}, "en", None)[src]
    states.put_human(store, "en", src, draft, who="en-team")
    for s in PEOPLE["en"]:
        store.delete(states.get(store, "en", s))
    store.commit()
    result = CliRunner().invoke(cli, ["mt", "eval", "--lang", "en", *FAST_ARGS])
    assert result.exit_code == 0, result.output
    line = next(ln for ln in result.output.splitlines() if ln.startswith("en ") and " all " in ln)
    assert line.split()[-2] == "100.00"  # chrF
    assert "chrF: nrefs:1" in result.output  # the sacrebleu signature is printed


def test_nothing_to_compare(engine, installed, mt_env: Path) -> None:  # type: ignore[no-untyped-def]
    s = session_factory(engine)()
    add_segments(s)
    s.commit()
    result = CliRunner().invoke(cli, ["mt", "eval", "--lang", "es"])
    assert result.exit_code == 0, result.output
    assert "no text translated by people yet" in result.output
    s.close()
    bad = CliRunner().invoke(cli, ["mt", "eval", "--lang", "xx"])
    assert bad.exit_code != 0 and "unknown locale" in bad.output
