"""Check the content-label catalogs in data/labels/.

Every locale file must exist, carry the same msgids as the others, and have a
non-empty, non-fuzzy msgstr for each of them; its ``Language`` header must be
its Babel id (the file name).  Run with the test venv:

    .venv-test/bin/python data/labels/check_labels.py [--allow-missing]

``--allow-missing`` only checks the files that exist (useful while the other
locales are still being written).  Exit status 0 = all good, 1 = problems.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.pofile import read_po

HERE = Path(__file__).resolve().parent

#: Babel ids of the label catalogs: every target locale but Easy Japanese
#: (labels are translated from Japanese into these ten languages).
EXPECTED = ("en", "zh_Hans", "ko", "vi", "fil", "pt_BR", "es", "ne", "th", "id")


def _expected() -> tuple[str, ...]:
    """EXPECTED, cross-checked against kintl_pub.locales when importable."""
    try:
        from kintl_pub.locales import LOCALES
    except ImportError:
        return EXPECTED
    table = tuple(loc.babel_id for loc in LOCALES if loc.babel_id not in ("ja", "ja@easy"))
    if set(table) != set(EXPECTED):
        print(f"note: kintl_pub.locales lists {sorted(table)}; checking those")
    return table


def main(argv: list[str]) -> int:
    allow_missing = "--allow-missing" in argv
    problems: list[str] = []
    ids: dict[str, set[str]] = {}
    for babel_id in _expected():
        path = HERE / f"{babel_id}.po"
        if not path.exists():
            if not allow_missing:
                problems.append(f"{path.name}: missing")
            continue
        try:
            with path.open("rb") as f:
                catalog = read_po(f, abort_invalid=True)
        except Exception as exc:  # noqa: BLE001 - report any parse error
            problems.append(f"{path.name}: cannot be read: {exc}")
            continue
        language = dict(catalog.mime_headers).get("Language", "")
        if language != babel_id:
            problems.append(f"{path.name}: Language header is {language!r}, expected {babel_id!r}")
        seen: set[str] = set()
        for message in catalog:
            if not message.id:
                continue
            msgid = message.id if isinstance(message.id, str) else message.id[0]
            seen.add(msgid)
            strings = (
                message.string if isinstance(message.string, (list, tuple)) else [message.string]
            )
            if not all(s and s.strip() for s in strings):
                problems.append(f"{path.name}: empty msgstr for {msgid!r}")
            if message.fuzzy:
                problems.append(f"{path.name}: fuzzy entry {msgid!r}")
        for message in catalog.obsolete.values():
            problems.append(f"{path.name}: obsolete entry {message.id!r}")
        ids[babel_id] = seen

    if ids:
        union = set().union(*ids.values())
        for babel_id, seen in ids.items():
            for msgid in sorted(union - seen):
                problems.append(f"{babel_id}.po: lacks msgid {msgid!r}")

    for line in problems:
        print(line)
    checked = ", ".join(ids) or "none"
    count = len(next(iter(ids.values()))) if ids else 0
    if problems:
        print(f"FAILED: {len(problems)} problem(s); files checked: {checked}")
        return 1
    print(f"OK: {len(ids)} catalogs ({checked}), {count} labels each")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
