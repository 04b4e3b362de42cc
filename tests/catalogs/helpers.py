"""Small helpers shared by the catalog tests (real Babel I/O on disk)."""

from __future__ import annotations

import io
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from kintl_pub import locales
from kintl_pub.catalogs.po import catalog_path

PROV = {"engine": "argostranslate", "package": "translate-ja_en", "version": "1.9", "date": "2026-11-29"}


def po_path(tdir: Path, code: str) -> Path:
    return catalog_path(tdir, locales.get(code))


def load(path: Path) -> Catalog:
    with path.open("rb") as fh:
        return read_po(fh)


def dump(catalog: Catalog) -> bytes:
    buf = io.BytesIO()
    write_po(buf, catalog, width=76)
    return buf.getvalue()


def edit(data: bytes, msgid: str, *, msgstr: str | None = None, fuzzy: bool | None = None,
         add_comment: str | None = None) -> bytes:
    """Edit one entry the way a translator in Poedit would (through Babel)."""
    cat = read_po(io.BytesIO(data))
    msg = cat[msgid]
    assert msg is not None, msgid
    if msgstr is not None:
        msg.string = msgstr
    if fuzzy is True:
        msg.flags.add("fuzzy")
    elif fuzzy is False:
        msg.flags.discard("fuzzy")
    if add_comment:
        msg.user_comments.append(add_comment)
    return dump(cat)
