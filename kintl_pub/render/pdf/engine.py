"""Typst: one compiler per template, kept warm in the process (fonts loaded
and layouts memoized once), compiling template + JSON data to a tagged
PDF/UA-1 file."""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from importlib.metadata import version
from typing import Any

from ...project import PROJECT_ROOT
from . import fonts

TEMPLATES = PROJECT_ROOT / "templates" / "pdf"
#: Bump when the Python side changes what a document looks like.
RENDERER_VERSION = "1"


@lru_cache(maxsize=1)
def templates_hash() -> str:
    """What the look of every document depends on besides its data: the
    templates, this renderer and the Typst version."""
    h = hashlib.sha256(f"{RENDERER_VERSION}|typst {version('typst')}".encode())
    for path in sorted(TEMPLATES.glob("*.typ")):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def data_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def content_hash(data_text: str) -> str:
    """The cache key of a document: its data and the templates."""
    return hashlib.sha256((templates_hash() + "\0" + data_text).encode()).hexdigest()


@lru_cache(maxsize=4)
def _compiler(template: str) -> Any:
    import typst

    fonts.check()
    return typst.Compiler(input=str(TEMPLATES / f"{template}.typ"), root=str(TEMPLATES),
                          font_paths=fonts.font_dirs(), ignore_system_fonts=True)


def compile_pdf(template: str, data_text: str) -> bytes:
    """``templates/pdf/{template}.typ`` with ``data_text`` (JSON) as a
    PDF/UA-1 document."""
    pdf = _compiler(template).compile(format="pdf", sys_inputs={"data": data_text},
                                      pdf_standards=["ua-1"])
    assert isinstance(pdf, bytes)
    return pdf
