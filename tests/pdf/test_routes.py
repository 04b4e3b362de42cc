"""The PDF URLs: an initiative built on its first request and then served as
built; a booklet never built on request (a clear page with Retry-After);
the page's "Download as PDF" link points at the route."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from kintl_pub.render.pdf import build

from .conftest import BASE


@pytest.fixture
def app(fixture_engine: Engine, tmp_path: Path):  # type: ignore[no-untyped-def]
    from kintl_pub import create_app

    url = fixture_engine.url.render_as_string(hide_password=False)
    return create_app({"DATABASE_URL": url, "TESTING": True, "RATELIMIT_ENABLED": False,
                       "PUBLIC_BASE_URL": BASE, "PDF_DIR": str(tmp_path / "pdf")})


def test_initiative_pdf_is_built_on_first_request_then_served(app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    client = app.test_client()
    first = client.get("/en/initiatives/3.pdf")
    assert first.status_code == 200 and first.mimetype == "application/pdf"
    assert first.data.startswith(b"%PDF-")
    built_ms = int(first.headers["Server-Timing"].split("dur=")[1])
    assert built_ms > 0
    assert (tmp_path / "pdf/en/initiatives/3.pdf").exists()
    second = client.get("/en/initiatives/3.pdf")
    assert second.data == first.data and second.headers["Server-Timing"] == "pdfbuild;dur=0"
    assert second.headers["ETag"] and "inline" in second.headers["Content-Disposition"]
    assert client.get("/en/initiatives/999.pdf").status_code == 404
    assert client.get("/xx/initiatives/3.pdf").status_code == 404


def test_booklet_is_never_built_on_request(app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    client = app.test_client()
    resp = client.get("/ja/booklet.pdf")
    assert resp.status_code == 503
    assert int(resp.headers["Retry-After"]) > 0 and resp.mimetype == "text/html"
    assert "booklet" in resp.get_data(as_text=True).lower()
    assert not (tmp_path / "pdf/ja/booklet.pdf").exists()
    # once the batch step has made it, it is served
    session = app.extensions["kintl_sessions"]()
    try:
        build.build(session, ["ja"], base_url=BASE, root=tmp_path / "pdf")
    finally:
        session.close()
    resp = client.get("/ja/booklet.pdf")
    assert resp.status_code == 200 and resp.data.startswith(b"%PDF-")


def test_page_links_to_its_pdf(app) -> None:  # type: ignore[no-untyped-def]
    html = app.test_client().get("/ko/initiatives/2/").get_data(as_text=True)
    assert 'href="/ko/initiatives/2.pdf"' in html
