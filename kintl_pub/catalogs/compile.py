"""``catalogs compile``: validate every catalog, then write the ``.mo`` files.

What it produces and who reads it:

* ``<babel id>/LC_MESSAGES/messages.mo`` for the UI strings (the web
  engineer's ``messages`` domain), when a ``messages.po`` is present;
* ``<babel id>/LC_MESSAGES/content.mo`` with the *reviewed* content only
  (translated + approved: standard gettext skips fuzzy and empty entries) for
  static exports and any plain-gettext consumer.

The renderer does not read ``content.mo``: it asks the store through
``states.resolve_many``, which keeps reviewed, machine, outdated and fallback
text distinguishable (a .mo cannot carry a machine draft's label).

Every file is checked first (syntax, UTF-8, ``Language`` header matching the
folder by the locale table, Babel's checkers); any problem fails the whole run
with a list of them and writes nothing, so a broken catalog never half-ships.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from .. import locales
from .po import _FORMAT_FLAGS, DOMAIN, CatalogError, read_catalog, write_if_changed


class CompileError(CatalogError):
    pass


@dataclass
class CompileReport:
    checked: list[Path] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)  # .mo files whose bytes changed
    entries: dict[Path, int] = field(default_factory=dict)  # compiled (non-fuzzy) per .mo


def _problems(path: Path, folder: str) -> tuple[list[str], Catalog | None]:
    loc = locales.BY_BABEL_ID.get(folder)
    if loc is None:
        return [f"{path}: folder {folder!r} is not a locale of this project"], None
    try:
        po = read_catalog(path.read_bytes(), str(path))
    except CatalogError as exc:
        return [str(exc)], None
    problems: list[str] = []
    if po.locale != loc:
        problems.append(f"{path}: Language header {po.language!r} does not match folder {folder!r}")
    cat = po.catalog
    for msg in cat:
        if path.stem == DOMAIN:
            msg.flags -= _FORMAT_FLAGS  # prose, never a format string
            if msg.context:
                problems.append(f"{path}:{msg.lineno}: content entries must not use msgctxt")
    for msg, errors in cat.check():
        for err in errors:
            problems.append(f"{path}:{msg.lineno}: {err} (msgid {str(msg.id)[:60]!r})")
    return problems, cat


def compile_catalogs(translations_dir: Path) -> CompileReport:
    report = CompileReport()
    problems: list[str] = []
    jobs: list[tuple[Path, Catalog]] = []
    if not translations_dir.is_dir():
        raise CompileError(f"{translations_dir}: no such folder (run `kintl-pub catalogs update`)")
    for lc in sorted(translations_dir.glob("*/LC_MESSAGES")):
        for path in sorted(lc.glob("*.po")):
            report.checked.append(path)
            found, cat = _problems(path, lc.parent.name)
            problems += found
            if cat is not None:
                jobs.append((path.with_suffix(".mo"), cat))
    if problems:
        raise CompileError(
            f"{len(problems)} problem(s); no .mo file was written:\n  " + "\n  ".join(problems)
        )
    for mo_path, cat in jobs:
        buf = io.BytesIO()
        write_mo(buf, cat, use_fuzzy=False)
        if write_if_changed(mo_path, buf.getvalue()):
            report.written.append(mo_path)
        report.entries[mo_path] = sum(1 for m in cat if m.id and m.string and not m.fuzzy)
    return report
