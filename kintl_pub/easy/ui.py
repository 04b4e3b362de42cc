"""Furigana for the Easy Japanese UI strings (the ``messages`` catalog of
``ja@easy``, and the Japanese catalog it falls back to).

A batch step (run by ``prepare``, or ``kintl-pub easy ui``): the reading
pipeline annotates every translated string once and the result is stored as
``instance/easy/ui-ruby.json`` — msgstr → markup — so the web process only
looks strings up (:func:`kintl_pub.web.i18n.ruby`), never analyses them.
Redone when a catalog or the rules change (their hashes are in the file).
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

from babel.messages.pofile import read_po

from ..project import TRANSLATIONS_DIR, instance_dir
from .chars import has_kanji
from .version import rules_version

if TYPE_CHECKING:
    from .annotate import Annotator
    from .build import Pipeline

#: catalogs whose strings a ja-easy page may show (ja@easy, then its fallback)
CATALOGS = ("ja@easy", "ja")
_PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%[sd%]")


def ruby_path() -> Path:
    return instance_dir() / "easy" / "ui-ruby.json"


def _strings(translations_dir: Path) -> tuple[list[str], str]:
    """Every non-fuzzy msgstr with kanji, and a hash of the catalogs read."""
    found: list[str] = []
    h = hashlib.sha256()
    for babel_id in CATALOGS:
        po = translations_dir / babel_id / "LC_MESSAGES" / "messages.po"
        if not po.exists():
            continue
        data = po.read_bytes()
        h.update(data)
        with po.open("rb") as fh:
            for m in read_po(fh):
                if not m.id or m.fuzzy:
                    continue
                strings = m.string if isinstance(m.string, (tuple, list)) else (m.string,)
                found += [str(s) for s in strings if s and has_kanji(str(s))]
    return list(dict.fromkeys(found)), h.hexdigest()[:16]


def _annotate(text: str, annotator: Annotator) -> str:
    """Markup for one UI string; %(num)s placeholders stay as they are."""
    out: list[str] = []
    pos = 0
    for m in _PLACEHOLDER.finditer(text):
        out.append(annotator.person_line(text[pos : m.start()]) if m.start() > pos else "")
        out.append(m.group(0))
        pos = m.end()
    out.append(annotator.person_line(text[pos:]) if pos < len(text) else "")
    # UI strings are short and written with their own spaces: readings only,
    # no phrase breaks (Sudachi would split ないよう into ない/よう)
    return _BREAK.sub("", "".join(out))


_BREAK = re.compile(r"(?<!\\)/")


def compile_ui(translations_dir: Path = TRANSLATIONS_DIR, out: Path | None = None, *,
               pipeline: Pipeline | None = None) -> tuple[int, bool]:
    """Write the UI strings' readings; returns (strings, written?).  Nothing is
    analysed when the catalogs and the rules are unchanged."""
    out = out or ruby_path()
    strings, catalogs_hash = _strings(translations_dir)
    stamp = {"catalogs": catalogs_hash, "rules": rules_version(),
             "code": hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]}
    if out.exists():
        try:
            old = json.loads(out.read_text(encoding="utf-8"))
            if old.get("stamp") == stamp:
                return len(old.get("strings", {})), False
        except (ValueError, OSError):
            pass  # unreadable: write it again
    if pipeline is None:
        from .build import Pipeline

        pipeline = Pipeline()
    marked = {s: _annotate(s, pipeline.annotator) for s in strings}
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    tmp.write_text(json.dumps({"stamp": stamp, "strings": marked}, ensure_ascii=False, indent=0), encoding="utf-8")
    tmp.replace(out)
    return len(marked), True
