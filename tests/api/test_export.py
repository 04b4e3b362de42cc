"""The API's documents for ``build-static`` (``web/exports.py``): every
path unique, every request answering 200 with JSON (Atom for the feeds)."""

from __future__ import annotations

from kintl_pub import locales
from kintl_pub.web import exports


def test_the_lister_names_every_static_document_once(seed_app, api) -> None:  # type: ignore[no-untyped-def]
    docs = [d for d in exports.documents(seed_app) if d[1].startswith("api/") or d[1].endswith(".atom")]
    requests, files = [r for r, _f in docs], [f for _r, f in docs]
    assert len(set(requests)) == len(requests) and len(set(files)) == len(files)
    n = sum(1 for f in files if f.startswith("api/v1/en/initiatives/"))
    assert n == 109
    assert len(docs) == 3 + len(locales.LOCALES) * (3 + n)
    assert ("/api/v1/initiatives/9?lang=en", "api/v1/en/initiatives/9.json") in docs
    assert all(not f.startswith("/") and ".." not in f for f in files)
    # every document of English and the shared ones, and one initiative of
    # every other locale (all 1,300 details take ~35 ms each: most of a minute)
    first = min(int(f.rsplit("/", 1)[1].removesuffix(".json")) for f in files
                if f.startswith("api/v1/en/initiatives/"))
    for req, path in docs:
        if "/initiatives/" in req and "lang=en" not in req and f"/{first}?" not in req:
            continue
        r = api.get(req)
        assert r.status_code == 200, req
        if path.endswith(".atom"):
            assert r.mimetype == "application/atom+xml"
        else:
            assert r.mimetype == "application/json" and r.get_json() is not None, req
    whole = api.get("/api/v1/initiatives?lang=en&limit=200").get_json()
    assert whole["total"] == len(whole["items"]) == n and whole["links"]["next"] is None
