"""The catalogs committed in translations/ stay valid: readable, in the right
folder, one per target locale, and (if present) accepted by GNU msgfmt."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from kintl_pub import locales
from kintl_pub.catalogs.po import DOMAIN, read_catalog

REPO = Path(__file__).resolve().parents[2] / "translations"
COMMITTED = sorted(REPO.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))

pytestmark = pytest.mark.skipif(not COMMITTED, reason="no content catalogs committed yet")


def test_one_catalog_per_target_locale():
    assert sorted(p.parent.parent.name for p in COMMITTED) == sorted(t.babel_id for t in locales.TARGETS)
    assert (REPO / f"{DOMAIN}.pot").exists()


@pytest.mark.parametrize("path", COMMITTED, ids=lambda p: p.parent.parent.name)
def test_committed_catalog_is_valid(path):
    po = read_catalog(path.read_bytes(), str(path))
    assert po.locale is locales.BY_BABEL_ID[path.parent.parent.name]
    template = {e.msgid for e in read_catalog((REPO / f"{DOMAIN}.pot").read_bytes()).entries}
    assert {e.msgid for e in po.entries} == template
    if shutil.which("msgfmt"):
        out = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)],
                             capture_output=True, text=True)
        assert out.returncode == 0, out.stderr
