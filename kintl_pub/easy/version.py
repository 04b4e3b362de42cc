"""The rules version: a hash of everything that decides a machine rewrite.

Stored in each draft's provenance; ``easy build`` redoes a segment only when
its source or this version changed.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..project import DATA_DIR

_PKG = Path(__file__).resolve().parent
#: modules whose code shapes the output (not the CLI, metrics or the renderer)
_CODE = ("annotate.py", "chars.py", "context.py", "kanjidic.py", "numerals.py", "preserve.py", "readings.py",
         "ruby.py", "tokens.py")


def rule_files() -> list[Path]:
    files = [_PKG / name for name in _CODE]
    files += sorted((_PKG / "rewrite").glob("*.py"))
    files.append(_PKG.parent / "text.py")  # markers, list prefix and era table the rules use
    files += [DATA_DIR / "glossary.tsv", DATA_DIR / "readings.tsv"]
    return files


def rules_version() -> str:
    h = hashlib.sha256()
    for f in rule_files():
        h.update(f.name.encode())
        h.update(f.read_bytes() if f.exists() else b"-")
    from .kanjidic import edition

    h.update(edition().encode())  # mono-ruby with KANJIDIC, or group ruby without it
    try:
        from importlib.metadata import version

        h.update(version("SudachiDict-core").encode())
    except Exception:  # noqa: S110  (metadata missing in odd installs: hash the files only)
        pass
    return h.hexdigest()[:16]
