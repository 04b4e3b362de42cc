"""The leaf modules every stage shares: who is acting, where the folders
are, the small text facts."""

from __future__ import annotations

import getpass

import pytest

from kintl_pub import project, text


def test_acting_user_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KINTL_USER", "env-user")
    assert project.acting_user("given") == "given"
    assert project.acting_user() == "env-user"
    monkeypatch.delenv("KINTL_USER")
    monkeypatch.setattr(getpass, "getuser", lambda: "os-user")
    assert project.acting_user() == "os-user"


def test_acting_user_survives_a_container_without_passwd_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_entry() -> str:
        raise KeyError("getpwuid(): uid not found: 12345")

    monkeypatch.delenv("KINTL_USER", raising=False)
    monkeypatch.setattr(getpass, "getuser", no_entry)
    assert project.acting_user() == project.UNKNOWN_USER == "unknown"


def test_folders_are_the_checkout(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert (project.PROJECT_ROOT / "pyproject.toml").is_file()
    assert (project.DATA_DIR / "terms.tsv").is_file()
    assert (project.TRANSLATIONS_DIR / "content.pot").is_file()
    monkeypatch.setenv("KINTL_INSTANCE_DIR", str(tmp_path))
    assert project.instance_dir() == tmp_path


def test_circled_numbers_round_trip() -> None:
    assert [text.circled(n) for n in (1, 2, 20)] == ["①", "②", "⑳"]
    assert text.circled(21) == "21"
    assert all(text.circled_value(text.circled(n)) == n for n in range(1, 21))
    assert set(text.NUMBERED_MARKERS) <= set(text.ITEM_MARKERS)
