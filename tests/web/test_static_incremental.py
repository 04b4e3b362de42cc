"""``build-static`` run again: nothing changed → nothing written (mtimes
kept, Pagefind not re-run); one translation changed → only the files that
show it; a document no longer registered → its file removed, and nothing
the export does not own.  On the small hand-made store, PDFs included (the
PDF tests' batch output: fresh, so copied, not compiled)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from kintl_pub.catalogs import states
from kintl_pub.store.db import get_engine
from kintl_pub.web import exports
from kintl_pub.web.export import build_static, export_app

from ..pdf.conftest import BASE, built, fixture_engine  # noqa: F401 - fixtures

SOURCE = "相談件数は1,200件でした。"  # initiative 3's results
NEW = "There were 1,200 consultations (counted again)."


def _mtimes(out: Path) -> dict[str, int]:
    return {p.relative_to(out).as_posix(): p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def setup(fixture_url: str, built, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]  # noqa: F811
    tmp = tmp_path_factory.mktemp("incremental")
    db = tmp / "store.sqlite3"
    # SQLite's backup API: a plain copy could miss pages still in the WAL
    with sqlite3.connect(fixture_url.removeprefix("sqlite:///")) as src, sqlite3.connect(db) as dst:
        src.backup(dst)
    pdfs = tmp / "pdf"
    shutil.copytree(built[0], pdfs)  # this test makes one stale: a copy of its own
    app = export_app(BASE, DATABASE_URL=f"sqlite:///{db}", PDF_DIR=str(pdfs))
    return app, tmp / "site", f"sqlite:///{db}"


def test_second_run_writes_nothing_then_one_change_rewrites_only_what_shows_it(setup) -> None:  # type: ignore[no-untyped-def]
    app, out, url = setup
    first = build_static(app, out, base_url=BASE, jobs=2)
    assert first.written and not first.unchanged and first.search_files
    assert (out / "en" / "initiatives" / "3.pdf").read_bytes().startswith(b"%PDF-")
    assert (out / "th" / "booklet.pdf").is_file() and not list(out.rglob("*.sha256"))
    before = _mtimes(out)

    again = build_static(app, out, base_url=BASE, jobs=2)
    assert again.written == [] and again.removed == []
    assert again.unchanged == first.files and again.search_files is None  # Pagefind not re-run
    pages = len(list(out.glob("*/initiatives/*/index.html")))
    # their views said "unchanged" (ETag) before rendering; the static files too (send_file)
    # (and other registered documents with an ETag: embeds, API)
    assert first.not_rendered == 0 and again.not_rendered >= pages + len(list(out.glob("static/*")))
    assert _mtimes(out) == before

    # a translator fixes one English sentence
    with Session(get_engine(url)) as s:
        states.put_human(s, "en", SOURCE, NEW, who="test-translator")
        s.commit()
    third = build_static(app, out, base_url=BASE, jobs=2)
    html = {rel for rel in third.written if rel.endswith(".html")}
    shows = {p.relative_to(out).as_posix() for p in out.rglob("*.html")
             if NEW in p.read_text(encoding="utf-8")}
    assert "en/initiatives/3/index.html" in shows
    assert html == shows  # exactly the pages that show the new text
    langs = {rel.removeprefix("embed/").split("/")[0] for rel in html}
    pdfs = {rel for rel in third.written if rel.endswith(".pdf")}
    assert pdfs == {f"{lang}/{doc}" for lang in langs for doc in ("initiatives/3.pdf", "booklet.pdf")}
    # the rest (sitemap, assets…) unchanged; other documents that show the text (the API's
    # JSON) may change, never another page or PDF
    others = set(third.written) - html - pdfs
    assert not any(rel.endswith((".html", ".pdf", ".css", ".js", ".xml")) for rel in others), others
    assert third.search_files  # some HTML changed: the index is rebuilt
    # of the initiative pages only those whose content changed were rendered again
    assert again.not_rendered - len(third.written) <= third.not_rendered < again.not_rendered
    after = _mtimes(out)
    changed = {rel for rel in after if after[rel] != before.get(rel) and not rel.startswith("pagefind/")}
    assert changed == set(third.written) | {".kintl-export.json"}  # the manifest: new ETags


def test_a_document_no_longer_registered_is_removed_and_nothing_else(setup) -> None:  # type: ignore[no-untyped-def]
    app, out, _url = setup
    build_static(app, out, base_url=BASE, jobs=1)
    (out / "host-notes.txt").write_text("the web team's own file")

    def extra(_app):  # type: ignore[no-untyped-def]
        yield "/en/accessibility/", "old/section/page.html"

    exports.register(app, extra)
    try:
        added = build_static(app, out, base_url=BASE, jobs=1)
    finally:
        app.extensions[exports.KEY].remove(extra)
    assert added.written == ["old/section/page.html"] and (out / "old/section/page.html").is_file()
    gone = build_static(app, out, base_url=BASE, jobs=1)
    assert gone.removed == ["old/section/page.html"] and gone.written == []
    assert not (out / "old").exists()  # empty folders go too
    assert (out / "host-notes.txt").is_file()  # never the export's: kept


def test_a_path_outside_the_folder_is_refused(setup) -> None:  # type: ignore[no-untyped-def]
    app, out, _url = setup

    def bad(_app):  # type: ignore[no-untyped-def]
        yield "/en/", "../escape.html"

    exports.register(app, bad)
    try:
        with pytest.raises(ValueError, match="outside the folder"):
            build_static(app, out, base_url=BASE, jobs=1)
    finally:
        app.extensions[exports.KEY].remove(bad)
    assert not (out.parent / "escape.html").exists()
