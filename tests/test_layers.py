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


def _imports(path: Path, *, top_level: bool = False) -> set[str]:
    """Absolute names of every module ``path`` imports (also inside
    functions; with ``top_level``, only the module's own statements: an
    import inside a function runs when the function does)."""
    mod = _module(path)
    package = mod if path.name == "__init__.py" else mod.rsplit(".", 1)[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    if top_level:
        tree.body = [n for n in tree.body
                     if not isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)]
    out: set[str] = set()
    for node in ast.walk(tree):
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


def _top_level_imports(path: Path) -> set[str]:
    return _imports(path, top_level=True)


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
                         "kintl_pub.search.index", "kintl_pub.search.commands")]
        # Easy Japanese analysis: only the workspace (live feedback for editors),
        # and only inside its view functions, so public pages never load it.
        analysis = [i for i in (_top_level_imports(path) if _under(mod, "kintl_pub.web.workspace") else imports)
                    if _under(i, "kintl_pub.easy") and i != "kintl_pub.easy"
                    and not _under(i, "kintl_pub.easy.markup")]
        assert not bad and not analysis, (mod, bad, analysis)


def test_the_layering_check_sees_imports() -> None:
    """Relative, nested and function-level imports resolve to real names."""
    easy_views = PACKAGE / "web" / "workspace" / "easy.py"
    assert "kintl_pub.easy.feedback" in _imports(easy_views)  # inside a view function
    assert "kintl_pub.easy.feedback" not in _top_level_imports(easy_views)
    web = _imports(PACKAGE / "web" / "__init__.py")
    assert {"kintl_pub.web.search", "kintl_pub.web.cache", "flask"} <= web
    assert "kintl_pub.search.index" in _imports(PACKAGE / "prepare.py")
    assert "kintl_pub.search.query" in _imports(PACKAGE / "render" / "search.py")


@pytest.mark.parametrize("path", MODULES, ids=lambda p: _module(p))
def test_modules_stay_small(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(PACKAGE.parent)}: {lines} lines"
