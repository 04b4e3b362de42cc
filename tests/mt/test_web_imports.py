"""The web process must never import the MT stack (torch is huge)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_app_does_not_import_torch_or_argos(tmp_path: Path) -> None:
    env = dict(os.environ)
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'app.sqlite3'}"
    env["KINTL_INSTANCE_DIR"] = str(tmp_path / "instance")
    code = (
        "import kintl_pub, sys; kintl_pub.create_app(); "
        "import kintl_pub.cli; "
        "bad = [m for m in ('torch', 'argostranslate', 'ctranslate2', 'stanza') if m in sys.modules]; "
        "assert not bad, bad"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
