"""Which PDFs there are, what each shows, and building only the stale ones.

A document's cache key is the hash of the data its template reads (every
text it shows, with its state and language, the UI strings, the URL) plus
the templates (``engine.templates_hash``): after one segment changes, only
the documents that show it get a new key and are built again — in each
locale where what is shown changed, the initiative and the booklet.

Files live under ``instance/pdf/`` at their URL paths
(``{lang}/initiatives/{n}.pdf``, ``{lang}/booklet.pdf``), each with a
``.sha256`` beside it naming the data it was built from; both are written
atomically, so the web process can serve them while a batch job rebuilds.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from ... import locales
from ...catalogs.ui import gettext_for
from ...project import instance_dir
from ..initiative import InitiativeView, initiative_view, initiative_views
from ..tree import tree_page
from . import data, engine, fonts, ruby

EASY = locales.EASY.code


@dataclass(frozen=True)
class Doc:
    lang: str
    number: int | None = None  # None: the booklet

    @property
    def template(self) -> str:
        return "booklet" if self.number is None else "initiative"

    @property
    def rel(self) -> str:
        """Path under the PDF folder, and the URL path without the leading /."""
        if self.number is None:
            return f"{self.lang}/booklet.pdf"
        return f"{self.lang}/initiatives/{self.number}.pdf"


@dataclass
class Prepared:
    doc: Doc
    data_text: str
    hash: str


@dataclass
class BuildReport:
    built: list[str] = field(default_factory=list)  # rel paths written
    docs: list[str] = field(default_factory=list)  # every document considered
    fresh: int = 0  # documents whose file was already up to date
    seconds: dict[str, float] = field(default_factory=dict)  # per rel path built

    @property
    def total(self) -> int:
        return len(self.built) + self.fresh


def pdf_root() -> Path:
    return instance_dir() / "pdf"


# --------------------------------------------------------------------------
# What a document shows
# --------------------------------------------------------------------------


# font list per Typst language code: every text is set in its own language's face
_FONTS_BY_LANG = {data.typst_lang(loc.code)[0]: fonts.families_for(loc.code) for loc in locales.LOCALES}


def _meta(lang: str, title: str, url: str) -> dict[str, Any]:
    code, region = data.typst_lang(lang)
    easy = lang == EASY
    wide = not locales.BY_CODE[lang].word_spaces or locales.BY_CODE[lang].script == "Deva"
    return {
        "lang": code, "region": region, "title": title, "url": url,
        "fonts": fonts.families_for(lang), "fonts_by_lang": _FONTS_BY_LANG,
        # Easy Japanese: bigger type and room for the furigana between lines
        "size_pt": 12 if easy else 10.5,
        "leading_em": 1.25 if easy else (0.85 if wide else 0.7),
    }


def _prepare(doc: Doc, payload: dict[str, Any]) -> Prepared:
    text = engine.data_json(payload)
    return Prepared(doc, text, engine.content_hash(text))


def _kana(chars: set[str]) -> dict[str, str]:
    return ruby.outlines(fonts.check(), chars) if chars else {}


def _initiative_doc(lang: str, view: InitiativeView, base_url: str,
                    _: Callable[..., str]) -> tuple[Prepared, dict[str, Any], set[str]]:
    tx = data.Texts(lang, _)
    url = f"{base_url}/{lang}/initiatives/{view.number}/"
    ini = data.initiative(tx, view, url)
    title = f"{ini['label']}: {view.title.plain()}"
    payload = {"doc": _meta(lang, title, url), "ui": data.ui(_), "kana": _kana(tx.kana),
               "initiative": ini}
    return _prepare(Doc(lang, view.number), payload), ini, tx.kana


def locale_documents(session: Session, lang: str, base_url: str, *, booklet: bool = True,
                     numbers: Iterable[int] | None = None) -> list[Prepared]:
    """The documents of one locale with their data (one resolution of every
    text for all of them)."""
    _ = gettext_for(lang)
    wanted = None if numbers is None else set(numbers)
    out: list[Prepared] = []
    by_number: dict[int, dict[str, Any]] = {}
    kana: set[str] = set()
    for view in initiative_views(session, lang):
        prepared, ini, used = _initiative_doc(lang, view, base_url, _)
        by_number[view.number], kana = ini, kana | used
        if wanted is None or view.number in wanted:
            out.append(prepared)
    if booklet:
        tx = data.Texts(lang, _)
        page = tree_page(session, lang, _)
        charts = [data.chart(tx, c) for c in page.charts]
        tree = data.tree(tx, page.policies, by_number)
        ui = data.ui(_)
        payload = {"doc": _meta(lang, ui["site"], f"{base_url}/{lang}/"), "ui": ui,
                   "kana": _kana(kana | tx.kana), "charts": charts, "tree": tree}
        out.append(_prepare(Doc(lang), payload))
    return out


# --------------------------------------------------------------------------
# Files
# --------------------------------------------------------------------------


def _hash_file(root: Path, doc: Doc) -> Path:
    return root / (doc.rel + ".sha256")


def is_fresh(root: Path, p: Prepared) -> bool:
    try:
        return (root / p.doc.rel).exists() and _hash_file(root, p.doc).read_text() == p.hash
    except FileNotFoundError:
        return False


def _atomic_write(path: Path, body: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(body)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _store(root: Path, p: Prepared, pdf: bytes) -> None:
    _atomic_write(root / p.doc.rel, pdf)
    _atomic_write(_hash_file(root, p.doc), p.hash.encode())


def _compile(template: str, data_text: str) -> tuple[bytes, float]:
    t0 = time.perf_counter()
    pdf = engine.compile_pdf(template, data_text)
    return pdf, time.perf_counter() - t0


def _compile_all(todo: Sequence[Prepared], jobs: int) -> Iterable[tuple[Prepared, bytes, float]]:
    if jobs <= 1 or len(todo) <= 1:
        for p in todo:
            yield (p, *_compile(p.doc.template, p.data_text))
        return
    # spawn, not fork: Typst's worker threads do not survive a fork
    with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn")) as pool:
        futures = [(p, pool.submit(_compile, p.doc.template, p.data_text)) for p in todo]
        for p, fut in futures:
            yield (p, *fut.result())


def build(session: Session, langs: Iterable[str] | None = None, *, base_url: str,
          root: Path | None = None, booklets: bool = True, jobs: int = 1,
          progress: Callable[[str], None] | None = None) -> BuildReport:
    """Build every stale PDF of ``langs`` (default: every locale)."""
    root = root or pdf_root()
    report = BuildReport()
    for lang in langs or [loc.code for loc in locales.LOCALES]:
        prepared = locale_documents(session, lang, base_url, booklet=booklets)
        todo = [p for p in prepared if not is_fresh(root, p)]
        report.docs += [p.doc.rel for p in prepared]
        report.fresh += len(prepared) - len(todo)
        for p, pdf, secs in _compile_all(todo, jobs):
            _store(root, p, pdf)
            report.built.append(p.doc.rel)
            report.seconds[p.doc.rel] = secs
        if progress:
            progress(f"{lang}: {len(todo)} built, {len(prepared) - len(todo)} up to date")
    return report


def initiative_pdf(session: Session, lang: str, number: int, *, base_url: str,
                   root: Path | None = None) -> tuple[Path, float] | None:
    """The initiative's PDF, built now if missing or stale (the web's first
    request); with the seconds the build took (0 when it was fresh).  None
    when there is no such initiative."""
    root = root or pdf_root()
    view = initiative_view(session, lang, number)
    if view is None:
        return None
    p, _ini, _kana = _initiative_doc(lang, view, base_url, gettext_for(lang))
    secs = 0.0
    if not is_fresh(root, p):
        pdf, secs = _compile(p.doc.template, p.data_text)
        _store(root, p, pdf)
    return root / p.doc.rel, secs


def booklet_pdf(lang: str, root: Path | None = None) -> Path | None:
    """The booklet as last built, or None: it is never built on request."""
    path = (root or pdf_root()) / Doc(lang).rel
    return path if path.exists() else None


def export(session: Session, outdir: Path, *, base_url: str, root: Path | None = None,
           jobs: int = 1) -> int:
    """Every PDF, fresh, copied into a static export at its URL path
    (``build-static`` calls this).  Returns the number of files copied."""
    root = root or pdf_root()
    report = build(session, base_url=base_url, root=root, jobs=jobs)
    for rel in report.docs:
        dest = outdir / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(root / rel, dest)
    return len(report.docs)
