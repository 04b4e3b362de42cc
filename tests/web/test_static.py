"""``kintl-pub build-static``: every public page of every locale as files."""

from __future__ import annotations

import re

from kintl_pub import locales
from kintl_pub.web.static_export import build_static


def test_build_static_writes_every_page(seed_url, tmp_path):
    from kintl_pub import create_app

    app = create_app({"DATABASE_URL": seed_url, "RESPONSE_CACHE": False, "RATELIMIT_ENABLED": False})
    out = tmp_path / "site"
    n = build_static(app, out)
    assert n > 12 * 2 * 109
    assert (out / "index.html").exists() and (out / "404.html").exists()
    assert (out / "static" / "site.css").exists() and (out / "locales.css").exists()
    for loc in locales.LOCALES:
        for rel in ("index.html", "accessibility/index.html", "initiatives/1/index.html",
                    "initiatives/109/index.html"):
            assert (out / loc.code / rel).exists(), (loc.code, rel)
        assert (out / "embed" / loc.code / "initiatives" / "55" / "index.html").exists()
    # every internal link points at an exported file (except search, the display and
    # fallback switches (/prefs), PDF, oEmbed: server only)
    html = (out / "en" / "initiatives" / "2" / "index.html").read_text(encoding="utf-8")
    for href in set(re.findall(r'href="(/[^"#?]*)', html)):
        if "/search" in href or href.endswith("/prefs") or href.endswith(".pdf") or href.startswith("/oembed"):
            continue
        target = out / href.lstrip("/")
        assert target.exists() or (target / "index.html").exists(), href
