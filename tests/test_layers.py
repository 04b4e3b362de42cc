"""The house rules a reader relies on to find things, checked on the source:
data flows one way (no batch stage imports ``web``; ``render`` and ``search``
know nothing of Flask; ``web`` reaches no analysis, MT or index building),
and no module grows past ~450 lines."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "kintl_pub"
MAX_LINES = 450


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Absolute names of every module ``path`` imports (also inside functions)."""
    mod = _module(path)
    package = mod if path.name == "__init__.py" else mod.rsplit(".", 1)[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            out.add(base)
            out.update(f"{base}.{a.name}" for a in node.names)  # "from . import search"
    return out


MODULES = sorted(PACKAGE.rglob("*.py"))


def _under(mod: str, *prefixes: str) -> bool:
    return any(mod == p or mod.startswith(p + ".") for p in prefixes)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: _module(p))
def test_layering(path: Path) -> None:
    mod, imports = _module(path), _imports(path)
    if not _under(mod, "kintl_pub.web") and mod not in ("kintl_pub", "kintl_pub.cli"):
        # create_app and the CLI assemble the web layer; no stage reaches up to it
        assert not [i for i in imports if _under(i, "kintl_pub.web")], mod
    if _under(mod, "kintl_pub.render", "kintl_pub.search"):
        assert not [i for i in imports if _under(i, "flask", "werkzeug", "kintl_pub.web")], mod
    if _under(mod, "kintl_pub.web") and mod != "kintl_pub.web.commands":
        # (web.commands runs the batch refresh before serving, in the CLI process)
        bad = [i for i in imports
               if _under(i, "kintl_pub.mt", "kintl_pub.ingest", "kintl_pub.prepare",
                         "kintl_pub.search.index", "kintl_pub.search.commands")
               or (_under(i, "kintl_pub.easy") and i not in ("kintl_pub.easy", "kintl_pub.easy.markup"))]
        assert not bad, (mod, bad)


def test_the_layering_check_sees_imports() -> None:
    """Relative, nested and function-level imports resolve to real names."""
    web = _imports(PACKAGE / "web" / "__init__.py")
    assert {"kintl_pub.web.search", "kintl_pub.web.cache", "flask"} <= web
    assert "kintl_pub.search.index" in _imports(PACKAGE / "prepare.py")
    assert "kintl_pub.search.query" in _imports(PACKAGE / "render" / "search.py")


@pytest.mark.parametrize("path", MODULES, ids=lambda p: _module(p))
def test_modules_stay_small(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(PACKAGE.parent)}: {lines} lines"
