"""``catalogs check``: the quality checks on a translator's .po file before
it is imported — the same registry ``catalogs import`` warns with
(``kintl_pub.checks``), with an exit status a script can stop on."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .. import checks
from ..locales import LocaleInfo
from .importer import check_locale
from .po import read_catalog

#: the finding for an entry with no text (only with ``empty=True``)
EMPTY = "untranslated"


@dataclass
class FileFindings:
    path: str
    locale: LocaleInfo
    entries: int
    findings: list[tuple[str, list[str]]]  # (msgid, flags)


def check_po(
    data: bytes,
    name: str,
    *,
    expected: LocaleInfo | None = None,
    empty: bool = False,
    only: Iterable[str] | None = None,
) -> FileFindings:
    """Every entry's findings (flags); entries without text are skipped, or
    reported as ``untranslated`` with ``empty``.  Raises ``CatalogError``
    for a file ``catalogs import`` would refuse."""
    po = read_catalog(data, name)
    loc = check_locale(po.language, po.locale, name, expected)
    only = list(only) if only else None
    out: list[tuple[str, list[str]]] = []
    for e in po.entries:
        if e.plural:
            continue
        if not e.msgstr.strip():
            if empty:
                out.append((e.msgid, [EMPTY]))
            continue
        flags = checks.flags(e.msgid, e.msgstr.strip(), loc.code, only=only)
        if flags:
            out.append((e.msgid, flags))
    return FileFindings(name, loc, len(po.entries), out)
