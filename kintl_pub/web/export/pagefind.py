"""The static site's search: Pagefind (PyPI ``pagefind-bin-extended``, the
build that segments Japanese and Chinese) indexes the exported pages into
``pagefind/``; the exported search page runs its UI in the browser, no
server needed.

Pagefind keeps one index per page language (the ``<html lang>``) and the
pages carry a ``locale`` filter, the locale's own name (``ja`` and
``ja-easy`` share the Japanese index: 日本語 / やさしい にほんご); only the element marked ``data-pagefind-body`` (an initiative's or
the statement's main content) is indexed, so the header, footer and
language list of 1,300 pages do not drown the results.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from ... import locales

#: the search bundle's folder in the export (and its URL path under the base)
BUNDLE = "pagefind"


def executable() -> Path:
    """The Pagefind binary the ``pagefind-bin-extended`` wheel ships."""
    try:
        from pagefind_bin_extended import get_executable  # type: ignore[import-untyped]
    except ImportError as exc:
        raise RuntimeError("pagefind-bin-extended is not installed (pip install -e .)") from exc
    return Path(get_executable())


def index(outdir: Path) -> int:
    """(Re)build ``outdir/pagefind/`` from the exported locale pages; returns
    the number of files in the bundle."""
    bundle = outdir / BUNDLE
    # a fresh folder: Pagefind names its fragments by content hash, and old
    # ones would pile up across runs
    shutil.rmtree(bundle, ignore_errors=True)
    codes = ",".join(loc.code for loc in locales.LOCALES)
    done = subprocess.run(
        [str(executable()), "--site", str(outdir), "--output-subdir", BUNDLE,
         "--glob", f"{{{codes}}}/**/*.html",
         # not what a reader searches for: furigana, the trail, the PDF
         # link, the embed code for web editors
         "--exclude-selectors", "rt, rp, .breadcrumbs, .page-actions, .embed-code", "--silent"],
        capture_output=True, text=True, timeout=600, check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"pagefind failed: {(done.stderr or done.stdout)[-2000:]}")
    return sum(1 for p in bundle.rglob("*") if p.is_file())
