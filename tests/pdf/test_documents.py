"""The PDFs themselves: PDF/UA-1 in the offline validator, the text a reader
extracts (title, segments in their script and order, no furigana in it),
catalog language, XMP title, DisplayDocTitle, bookmarks, per-element
language, and every special character printed as written."""

from __future__ import annotations

import re
from pathlib import Path

import page
import pytest
from pypdf import PdfReader

from kintl_pub import locales
from kintl_pub.render.pdf.build import BuildReport, Doc

from ..web import fixture_data
from .conftest import pdftotext
from .specials import NASTY

CODES = [loc.code for loc in locales.LOCALES]
KINDS = {"initiative": 3, "booklet": None}  # initiative 3 has ne/th/ja-easy translations

Built = tuple[Path, BuildReport]


def _path(built: Built, lang: str, number: int | None) -> Path:
    root, _ = built
    return root / Doc(lang, number).rel


def test_every_document_of_every_locale_is_built(built: Built) -> None:
    _root, report = built
    n = len(fixture_data.INITIATIVES)
    assert len(report.built) == len(CODES) * (n + 1) and report.fresh == 0
    assert len(set(report.built)) == len(report.built)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("lang", CODES)
def test_pdf_ua1_no_failed_rule(built: Built, lang: str, kind: str) -> None:
    report = page.validate_pdf(str(_path(built, lang, KINDS[kind])), profile="ua1")
    assert report.is_compliant, [str(f) for f in report.failures]
    assert not report.failures


def _struct_langs(reader: PdfReader) -> dict[str, set[str]]:
    """/Lang values on structure elements → the element types carrying them."""
    found: dict[str, set[str]] = {}
    todo = [reader.trailer["/Root"]["/StructTreeRoot"]]
    while todo:
        node = todo.pop().get_object()
        if not isinstance(node, dict):
            continue
        if "/Lang" in node:
            found.setdefault(str(node["/Lang"]), set()).add(str(node.get("/S")))
        kids = node.get("/K")
        if isinstance(kids, list):
            todo.extend(kids)
        elif kids is not None:
            todo.append(kids)
    return found


def _titles(outline: list) -> list[str]:  # type: ignore[type-arg]
    out: list[str] = []
    for item in outline:
        out += _titles(item) if isinstance(item, list) else [str(item.title)]
    return out


@pytest.mark.parametrize("lang,lang_tag", [("en", "en"), ("ja-easy", "ja"), ("pt-br", "pt-BR"),
                                           ("ne", "ne"), ("th", "th"), ("zh-hans", "zh")])
def test_catalog_language_title_and_bookmarks(built: Built, lang: str, lang_tag: str) -> None:
    reader = PdfReader(_path(built, lang, 3))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == lang_tag
    assert root["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    assert root["/MarkInfo"]["/Marked"].value is True
    title = reader.xmp_metadata.dc_title["x-default"]  # type: ignore[union-attr]
    assert title == reader.metadata.title  # type: ignore[union-attr]
    assert re.search(r"(?<!\d)3(?!\d)", title), title  # "Initiative 3: …" in the reader's language
    assert _titles(reader.outline), "no bookmarks"


def test_booklet_bookmarks_go_policy_direction_focus_initiative(built: Built) -> None:
    reader = PdfReader(_path(built, "en", None))
    outline = reader.outline
    # the overview, then one entry per policy, each nesting its directions …
    policies = [item for item in outline if not isinstance(item, list)]
    assert any("Overview" in str(p.title) for p in policies)
    titles = _titles(outline)
    for source in fixture_data.POLICIES.values():
        title = fixture_data.REVIEWED["en"][source]
        assert any(title in str(p.title) for p in policies), title
    assert any(t.startswith("Initiative 5") for t in titles)
    depth = 0

    def deepest(items: list, d: int) -> None:  # type: ignore[type-arg]
        nonlocal depth
        depth = max(depth, d)
        for it in items:
            if isinstance(it, list):
                deepest(it, d + 1)

    deepest(outline, 1)
    assert depth == 4  # policy → direction → focus area → initiative, not deeper


def test_text_in_another_language_carries_its_own(built: Built) -> None:
    # English page: the untranslated (Japanese) segments are tagged ja
    langs = _struct_langs(PdfReader(_path(built, "en", 1)))
    assert "ja" in langs and "en" not in langs
    # Thai page: the Japanese fallback segments too; the Thai ones inherit th
    assert "ja" in _struct_langs(PdfReader(_path(built, "th", 3)))


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_extracted_text_has_title_and_segments_in_order(built: Built) -> None:
    text = pdftotext(_path(built, "en", 3))
    flat = _flat(text)
    assert "Initiative 3" in text and "Advice service for foreign residents" in text
    about = _flat("We run an office where foreign residents can get advice about daily life in their own language.")
    results = _flat("There were 1,200 consultations.")
    assert about in flat and results in flat
    assert flat.index(about) < flat.index(results)  # reading order: the fields in order
    assert "machine translation" in text.lower()  # the draft is labelled in English


@pytest.mark.parametrize("lang,script", [("ne", r"[\u0900-\u097F]"), ("th", r"[\u0E00-\u0E7F]")])
def test_nepali_and_thai_extract_as_real_characters(built: Built, lang: str, script: str) -> None:
    text = pdftotext(_path(built, lang, 3))
    sentence = fixture_data.REVIEWED[lang]["外国人市民が生活上の相談を母語でできる窓口を運営します。"]
    assert _flat(sentence) in _flat(text)
    assert _flat(fixture_data.REVIEWED[lang]["外国人市民相談の実施"]) in _flat(text)
    assert re.search(script, text)
    assert not re.search(r"[\uE000-\uF8FF]", text)  # no private-use characters


def test_furigana_is_drawn_not_extracted(built: Built) -> None:
    text = pdftotext(_path(built, "ja-easy", 3))
    flat = _flat(text)
    # the base text reads straight through, with its glossed word explained in place
    assert "外国人の相談" in flat
    assert "外国人がじぶんのことばで生活の相談（こまったことをはなして、アドバイスをもらうこと）をできる窓口があります。" in flat
    for reading in ("がいこくじん", "そうだん", "せいかつ", "まどぐち"):
        assert reading not in flat, reading  # no reading between (or beside) the words
    # … and the readings are there for the eye: drawn as artifacts (outlines)
    assert _artifact_fills(_path(built, "ja-easy", 3)) > 10 * _artifact_fills(_path(built, "ja", 3))


def _artifact_fills(path: Path) -> int:
    """Shapes filled inside /Artifact marked content on the first page."""
    from pypdf.generic import ContentStream

    reader = PdfReader(path)
    ops = ContentStream(reader.pages[0].get_contents(), reader).operations
    depth, fills, in_artifact = 0, 0, []
    for operands, op in ops:
        if op in (b"BMC", b"BDC"):
            in_artifact.append(bool(operands) and operands[0] == "/Artifact")
            depth += 1
        elif op == b"EMC" and in_artifact:
            in_artifact.pop()
        elif op in (b"f", b"f*") and any(in_artifact):
            fills += 1
    return fills


def test_machine_draft_and_fallback_are_labelled_in_the_readers_language(built: Built) -> None:
    text = pdftotext(_path(built, "en", 1))
    assert "machine translation" in text
    assert "not yet translated" in text  # the bureau label falls back to Japanese
    assert "Part of this text is not translated yet and is shown in Japanese." in text
    assert "臨海部国際戦略本部" in text  # … in Japanese, as it says


@pytest.mark.parametrize("lang", ["ja", "en", "ja-easy"])
def test_special_characters_are_printed_as_written(special_built, lang: str) -> None:  # type: ignore[no-untyped-def]
    root, _session = special_built
    for doc in (Doc(lang, 1), Doc(lang)):
        flat = _flat(pdftotext(root / doc.rel))
        nasty = _flat(NASTY)
        # every field: titles, path, programme name, ward, bureau, ratings, prose
        for where in ("題名", "方針", "方向", "重点", "事業名", "区", "局", "評価", "貢献",
                      "content", "plan", "results", "reason", "future"):
            assert _flat(f"{where}{NASTY}") in flat, (doc.rel, where)
        assert flat.count(nasty) >= 14, doc.rel


def test_booklet_has_cover_contents_and_overview_tables(built: Built) -> None:
    text = pdftotext(_path(built, "en", None))
    assert text.index("Kawasaki City International Policy Plan") < text.index("Contents")
    assert text.index("Contents") < text.index("Overview in charts") < text.index("Initiative 5")
    for title in ("Achievement by policy", "Achievement by direction", "Contribution by policy",
                  "Contribution by direction"):
        assert f"{title} (number of programs)" in text  # each chart's data table
    assert "Total" in text and "About as planned" in text  # header row, a scale label in the legend
