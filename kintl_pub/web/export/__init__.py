"""``kintl-pub build-static OUTDIR [--base-url URL]``: the public site as
files any static host or CDN serves, at the same URLs (under a sub-path
too), with a sitemap and a Pagefind search index.

Owns the export folder and nothing else: *what* is exported is registered
by the view modules (``web.exports``: request paths fetched from the app
itself, files a batch step made); this package renders them (``fetch``:
worker processes), writes only changed bytes and removes what is gone
(``files``), adds ``sitemap.xml`` (``sitemap``) and the search bundle
(``pagefind``), and reports (``build``).
"""

from __future__ import annotations

from .build import Summary, build_static, export_app

__all__ = ["Summary", "build_static", "export_app"]
