"""One terminology: an official name translated in the label catalogs
(data/labels/*.po) must read exactly as the term base (data/terms.tsv) has it,
in every locale; English is American English."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from kintl_pub import locales
from kintl_pub.terms import load_terms

ROOT = Path(__file__).resolve().parents[2]
LABELS = ROOT / "data" / "labels"


@pytest.mark.parametrize("loc", [loc for loc in locales.TARGETS if loc.code != "ja-easy"],
                         ids=lambda loc: loc.code)
def test_labels_agree_with_the_term_base(loc: locales.LocaleInfo) -> None:
    terms = load_terms(ROOT / "data" / "terms.tsv")
    with (LABELS / f"{loc.babel_id}.po").open("rb") as fh:
        catalog = read_po(fh)
    disagree = []
    for msg in catalog:
        if not msg.id or msg.id not in {t.ja for t in terms.terms}:
            continue
        want = terms.get(msg.id).target(loc.code)
        if msg.string != want:
            disagree.append(f"{msg.id}: label {msg.string!r} vs term {want!r}")
    assert not disagree, "\n".join(disagree)


BRITISH = ("Programme", "programme", "Centre", "centre", "Labour", "labour",
           "Harbour", "harbour", "organis", "Organis", "Colour", "colour", "Favour", "favour",
           "Catalogue", "catalogue", "Licence", "licence", "enrolment", "Neighbour", "neighbour")


def test_english_labels_are_american_english() -> None:
    with (LABELS / "en.po").open("rb") as fh:
        catalog = read_po(fh)
    found = [f"{m.id}: {m.string}" for m in catalog if m.id and any(b in m.string for b in BRITISH)]
    assert not found, "\n".join(found)


def test_ui_strings_are_american_english_and_keep_their_translations() -> None:
    """The UI source strings (msgids) and the English UI are American English;
    renaming "Programme" to "Program" kept every locale's translation."""
    pot = ROOT / "translations" / "messages.pot"
    with pot.open("rb") as fh:
        ids = [m.id if isinstance(m.id, str) else m.id[0] for m in read_po(fh) if m.id]
    assert not [i for i in ids if any(b in i for b in BRITISH)]
    with (ROOT / "translations" / "en" / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        en = read_po(fh)
    assert not [m.string for m in en if m.id and any(b in str(m.string) for b in BRITISH)]
    for loc in locales.LOCALES:
        if loc.code == "ja-easy":
            continue  # Easy Japanese UI strings fall back to Japanese
        with (ROOT / "translations" / loc.babel_id / "LC_MESSAGES" / "messages.po").open("rb") as fh:
            cat = read_po(fh)
        for msgid in ("Program", "About this program", "number of programs"):
            assert cat[msgid] is not None and cat[msgid].string, f"{loc.code}: {msgid}"


def _human_entries(path: Path):  # type: ignore[no-untyped-def]
    with path.open("rb") as fh:
        catalog = read_po(fh)
    return [m for m in catalog if m.id and m.string and not m.fuzzy]


def test_english_translations_carry_no_japanese_except_quoted_names() -> None:
    """The published English (content catalog and labels) passes the
    registry's japanese-left check: Japanese only in a quoted official name."""
    from kintl_pub import checks

    paths = [ROOT / "translations" / "en" / "LC_MESSAGES" / "content.po", LABELS / "en.po"]
    found = [
        f"{p.name}: {m.id[:30]}… → {m.string[:60]}… {checks.flags(m.id, m.string, 'en', only=['japanese-left'])}"
        for p in paths for m in _human_entries(p)
        if checks.flags(m.id, m.string, "en", only=["japanese-left"])
    ]
    assert len(_human_entries(paths[0])) > 1000  # the people's English edition is there
    assert not found, "\n".join(found)


def test_label_loader_takes_official_names_from_the_term_base(session, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A label that is a term is stored as the term base has it, even when
    the shipped label file says otherwise (the term base is the one source)."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    from kintl_pub.catalogs import states
    from kintl_pub.prepare import load_label_translations
    from kintl_pub.segment import sync

    sync(session)
    labels = tmp_path / "labels"
    labels.mkdir()
    cat = Catalog(locale="en", last_translator="label team")
    cat.add("市民文化局", "Citizen Culture Bureau")  # the old, disagreeing label
    cat.add("多言語情報提供事業", "Multilingual information program")  # not a term
    with (labels / "en.po").open("wb") as fh:
        write_po(fh, cat)
    assert load_label_translations(session, labels) == {"en": 2}
    assert states.get(session, "en", "市民文化局").text == "Civic Affairs Bureau"
    assert states.get(session, "en", "多言語情報提供事業").text == "Multilingual information program"
    assert states.get(session, "en", "市民文化局").translator == "label team"
