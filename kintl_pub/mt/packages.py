"""Argos packages: where they live, installing a local file, and routes.

Only argostranslate's own package code installs and discovers packages
(``install_from_path``, ``get_installed_packages``), so a package that works
here works in argostranslate and vice versa.  Nothing here ever asks the
remote package index: a missing model means a human-only locale, never a
download.

Route planning (:func:`plan_routes`) is pure Python over
:class:`PackageInfo`, so ``mt list`` logic is testable without the extra.
"""

from __future__ import annotations

import importlib.util
import json
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import locales
from ..project import instance_dir

INSTALL_HINT = (
    "machine translation needs the optional 'mt' extra, which is not installed.\n"
    "Install it (CPU torch first, so pip never pulls a multi-GB CUDA build):\n"
    "    pip install torch==2.13.0\n"
    "    pip install 'kintl-pub[mt]'"
)

#: The Argos code every pivot goes through (the public Argos index is en-centric).
PIVOT: str = locales.PIVOT.argos or "en"


class MTUnavailable(RuntimeError):
    """The ``mt`` extra (argostranslate, ctranslate2) is not installed."""


class PackageFileError(ValueError):
    """A file given to ``mt install`` is not an Argos package."""


def packages_dir() -> Path:
    """``ARGOS_PACKAGES_DIR`` or ``<instance>/argos-packages``."""
    env = os.environ.get("ARGOS_PACKAGES_DIR")
    return Path(env) if env else instance_dir() / "argos-packages"


def require_mt() -> None:
    """Raise :class:`MTUnavailable` (with the install hint) without the extra."""
    missing = [m for m in ("argostranslate", "ctranslate2", "sentencepiece")
               if importlib.util.find_spec(m) is None]
    if missing:
        raise MTUnavailable(f"{INSTALL_HINT}\n(missing: {', '.join(missing)})")


def argos_package_module() -> Any:
    """``argostranslate.package``, configured for our packages directory.

    argostranslate reads its settings once, at import: set the environment
    first; if it was already imported (another caller, a test), point the
    live settings at the directory too, so the *current* configuration wins.
    """
    require_mt()
    target = packages_dir()
    target.mkdir(parents=True, exist_ok=True)
    os.environ["ARGOS_PACKAGES_DIR"] = str(target)
    os.environ.setdefault("ARGOS_DEVICE_TYPE", "cpu")
    from argostranslate import package, settings

    if Path(settings.package_data_dir) != target:
        settings.package_data_dir = target
        settings.package_dirs = [target]
    return package


# --------------------------------------------------------------------------
# Installed packages
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class PackageInfo:
    from_code: str
    to_code: str
    version: str
    path: Path
    name: str  # the installed directory name, e.g. "translate-ja_en-1_1"

    @property
    def pair(self) -> str:
        return f"{self.from_code}→{self.to_code}"

    def fingerprint(self) -> str:
        """Package + version + model file identity: a cache key component.

        Size and mtime of model.bin (not a hash) keep a no-op run fast; a
        reinstalled or replaced model gets a new mtime and so a new key."""
        model = self.path / "model" / "model.bin"
        try:
            st = model.stat()
            stamp = f"{st.st_size}:{st.st_mtime_ns}"
        except OSError:
            stamp = "missing"
        return f"{self.name}@{self.version}#{stamp}"

    def describe(self) -> dict[str, str]:
        return {"name": self.name, "from": self.from_code, "to": self.to_code,
                "version": self.version}


def installed() -> list[PackageInfo]:
    """Installed translate packages, via argostranslate's own discovery."""
    package = argos_package_module()
    out: list[PackageInfo] = []
    for pkg in package.get_installed_packages():
        if getattr(pkg, "type", "translate") != "translate":
            continue
        out.append(
            PackageInfo(
                from_code=pkg.from_code,
                to_code=pkg.to_code,
                version=str(pkg.package_version),
                path=Path(pkg.package_path),
                name=Path(pkg.package_path).name,
            )
        )
    return sorted(out, key=lambda p: (p.from_code, p.to_code, p.name))


def read_metadata(path: Path) -> dict[str, Any]:
    """Check that ``path`` looks like an .argosmodel and return its metadata.

    Done before argostranslate sees the file, so a bad file changes nothing
    in the packages directory and the error says what is wrong.
    """
    if not path.is_file():
        raise PackageFileError(f"{path}: no such file")
    if not zipfile.is_zipfile(path):
        raise PackageFileError(f"{path}: not an Argos package (not a zip archive)")
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        tops = {n.split("/", 1)[0] for n in names}
        if len(tops) != 1:
            raise PackageFileError(f"{path}: expected one top-level folder, found {sorted(tops)}")
        top = tops.pop()
        for n in names:  # zip-slip: never write outside the packages directory
            if n.startswith("/") or ".." in Path(n).parts:
                raise PackageFileError(f"{path}: unsafe member name {n!r}")
        try:
            meta = json.loads(zf.read(f"{top}/metadata.json").decode("utf-8"))
        except KeyError:
            raise PackageFileError(f"{path}: no {top}/metadata.json") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise PackageFileError(f"{path}: unreadable metadata.json ({exc})") from None
        for key in ("from_code", "to_code", "package_version"):
            if not meta.get(key):
                raise PackageFileError(f"{path}: metadata.json has no {key!r}")
        if not any(n.startswith(f"{top}/model/") for n in names):
            raise PackageFileError(f"{path}: no model/ folder (CTranslate2 model)")
        has_tok = any(n in names for n in (f"{top}/sentencepiece.model", f"{top}/bpe.model"))
        if not has_tok:
            raise PackageFileError(f"{path}: no sentencepiece.model or bpe.model")
        meta["_top"] = top
        meta["_has_sbd"] = any(
            n.startswith((f"{top}/minisbd/", f"{top}/stanza/")) for n in names
        )
    return meta


def install(path: Path) -> PackageInfo:
    """Install a local .argosmodel through ``argostranslate.package.install_from_path``."""
    meta = read_metadata(path)
    package = argos_package_module()
    package.install_from_path(path)
    installed_path = packages_dir() / meta["_top"]
    return PackageInfo(
        from_code=meta["from_code"],
        to_code=meta["to_code"],
        version=str(meta["package_version"]),
        path=installed_path,
        name=installed_path.name,
    )


# --------------------------------------------------------------------------
# Routes: how each target locale is reached from Japanese
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    locale: str  # URL code
    steps: tuple[PackageInfo, ...]  # empty = human-only

    @property
    def human_only(self) -> bool:
        return not self.steps

    @property
    def path(self) -> str:
        if not self.steps:
            return ""
        return "→".join([self.steps[0].from_code, *(s.to_code for s in self.steps)])

    @property
    def kind(self) -> str:
        if not self.steps:
            return "human-only"
        return "direct" if len(self.steps) == 1 else "pivot"


def plan_routes(
    pkgs: list[PackageInfo], targets: tuple[locales.LocaleInfo, ...] = locales.MT_TARGETS
) -> dict[str, Route]:
    """For each MT target: direct ja→X if installed, else ja→en→X, else
    human-only.  If several packages serve one pair, the highest version wins."""
    src = locales.SOURCE.argos
    assert src is not None  # the source language always has an Argos code
    best: dict[tuple[str, str], PackageInfo] = {}
    for p in pkgs:
        key = (p.from_code, p.to_code)
        if key not in best or _version_key(p.version) > _version_key(best[key].version):
            best[key] = p
    routes: dict[str, Route] = {}
    for loc in targets:
        code = loc.argos
        if code is None:
            continue
        direct = best.get((src, code))
        if direct is not None:
            routes[loc.code] = Route(loc.code, (direct,))
            continue
        first, second = best.get((src, PIVOT)), best.get((PIVOT, code))
        if first is not None and second is not None:
            routes[loc.code] = Route(loc.code, (first, second))
        else:
            routes[loc.code] = Route(loc.code, ())
    return routes


def _version_key(v: str) -> tuple[tuple[int, str], ...]:
    return tuple((int(p), "") if p.isdigit() else (-1, p) for p in v.replace("_", ".").split("."))


def missing_for(route: Route, pkgs: list[PackageInfo]) -> str:
    """What package file would give a human-only locale a path (for ``mt list``)."""
    loc = locales.get(route.locale)
    have = {(p.from_code, p.to_code) for p in pkgs}
    need = [f"{locales.SOURCE.argos}→{loc.argos}"]
    pivot_need = [
        pair for pair in ((locales.SOURCE.argos, PIVOT), (PIVOT, loc.argos)) if pair not in have
    ]
    need.append(" + ".join(f"{a}→{b}" for a, b in pivot_need))
    return " or ".join(need)
