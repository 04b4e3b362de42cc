"""Installing local .argosmodel files and planning routes (direct / pivot / human-only)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from kintl_pub.cli import cli
from kintl_pub.mt import packages
from kintl_pub.mt.packages import PackageInfo, plan_routes


def _info(f: str, t: str, v: str = "1.0") -> PackageInfo:
    return PackageInfo(f, t, v, Path(f"/x/translate-{f}_{t}-{v}"), f"translate-{f}_{t}-{v}")


def test_install_uses_argos_and_lists_pairs(installed, mt_env: Path) -> None:
    pkgs = packages.installed()
    assert {(p.from_code, p.to_code) for p in pkgs} == {("ja", "en"), ("en", "es")}
    assert all(p.version == "1.0" for p in pkgs)
    pkg_dir = mt_env / "argos-packages"
    assert (pkg_dir / "translate-ja_en-1_0" / "model" / "model.bin").exists()
    assert (pkg_dir / "translate-ja_en-1_0" / "minisbd" / "ja.onnx").exists()
    # argostranslate's own discovery sees the same packages
    from argostranslate import package

    assert {p.to_code for p in package.get_installed_packages()} == {"en", "es"}


def test_mt_list_shows_routes_and_human_only(installed) -> None:
    result = CliRunner().invoke(cli, ["mt", "list"])
    assert result.exit_code == 0, result.output
    lines = {ln.split()[0]: ln for ln in result.output.splitlines() if ln.startswith("  ")}
    assert "direct" in lines["en"] and "ja→en" in lines["en"]
    assert "pivot" in lines["es"] and "ja→en→es" in lines["es"]
    for code in ("vi", "ne"):
        assert "human-only" in lines[code]
        assert f"no en→{code} model" in lines[code]
    assert "human-only" in lines["ko"]


def test_mt_install_cli(mt_env: Path, model_files) -> None:
    result = CliRunner().invoke(cli, ["mt", "install", str(model_files.en_es)])
    assert result.exit_code == 0, result.output
    assert "installed en→es" in result.output


@pytest.mark.parametrize("kind", ["not-zip", "no-metadata", "no-model", "two-folders"])
def test_bad_package_file_changes_nothing(mt_env: Path, tmp_path: Path, kind: str) -> None:
    bad = tmp_path / "bad.argosmodel"
    if kind == "not-zip":
        bad.write_text("hello")
    else:
        with zipfile.ZipFile(bad, "w") as zf:
            meta = {"from_code": "ja", "to_code": "en", "package_version": "1"}
            if kind != "no-metadata":
                zf.writestr("p/metadata.json", json.dumps(meta))
            if kind != "no-model":
                zf.writestr("p/model/model.bin", b"x")
            zf.writestr("p/sentencepiece.model", b"x")
            if kind == "two-folders":
                zf.writestr("q/other.txt", b"x")
    result = CliRunner().invoke(cli, ["mt", "install", str(bad)])
    assert result.exit_code != 0
    assert "Error:" in result.output
    pkg_dir = mt_env / "argos-packages"
    assert not pkg_dir.exists() or not any(pkg_dir.iterdir())


def test_plan_routes_prefers_direct_and_newest() -> None:
    pkgs = [_info("ja", "en"), _info("en", "es"), _info("ja", "ko"), _info("en", "ko"),
            _info("en", "th", "1.0"), _info("en", "th", "1.10"), _info("en", "th", "1.9")]
    routes = plan_routes(pkgs)
    assert routes["en"].kind == "direct"
    assert routes["ko"].kind == "direct" and routes["ko"].path == "ja→ko"
    assert routes["es"].path == "ja→en→es"
    assert routes["th"].steps[1].version == "1.10"
    assert routes["vi"].human_only and routes["ne"].human_only
    assert set(routes) == {"en", "zh-hans", "ko", "vi", "fil", "pt-br", "es", "ne", "th", "id"}


def test_no_pivot_without_ja_en() -> None:
    routes = plan_routes([_info("en", "es")])
    assert routes["es"].human_only


def test_commands_without_extra_say_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    real = importlib.util.find_spec

    def fake(name: str, *a, **k):  # type: ignore[no-untyped-def]
        return None if name == "argostranslate" else real(name, *a, **k)

    monkeypatch.setattr(packages.importlib.util, "find_spec", fake)
    for args in (["translate"], ["mt", "list"], ["mt", "install", "x.argosmodel"]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code != 0
        assert "pip install 'kintl-pub[mt]'" in result.output
        assert "torch==2.13.0" in result.output
