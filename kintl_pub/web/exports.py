"""What ``build-static`` writes: each view module registers its documents.

A view module that has pages a static host should serve calls
:func:`register` from its ``init_app``/registration with a function that
lists ``(request path, file path)`` pairs: the request path (with query
string if any) is fetched from the app itself, the body written to the file
path (relative to the export folder).  The exporter knows no view module;
a new audience (the API, embeds, PDFs) adds its own documents here.

Request paths are the app's own (``url_for`` in a plain request context,
no sub-path): the exporter renders them under the export's base URL.
Documents a batch step already made (the PDFs) are registered with
:func:`register_files` as ``(source file, file path)`` pairs and copied.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from flask import Flask

#: ``app.extensions`` key of the registered listers
KEY = "kintl_exports"

#: ``app.extensions`` key of the registered file listers
FILES_KEY = "kintl_export_files"

Lister = Callable[[Flask], Iterable[tuple[str, str]]]
FileLister = Callable[[Flask], Iterable[tuple[Path, str]]]


def register(app: Flask, lister: Lister) -> None:
    """Add a lister of ``(request path, file path)`` pairs for the export."""
    app.extensions.setdefault(KEY, []).append(lister)


def documents(app: Flask) -> Iterator[tuple[str, str]]:
    """Every registered document, in registration order."""
    for lister in app.extensions.get(KEY, []):
        yield from lister(app)


def register_files(app: Flask, lister: FileLister) -> None:
    """Add a lister of ``(source file, file path)`` pairs: files a batch step
    made, copied into the export as they are."""
    app.extensions.setdefault(FILES_KEY, []).append(lister)


def file_documents(app: Flask) -> Iterator[tuple[Path, str]]:
    """Every registered batch-made file, in registration order."""
    for lister in app.extensions.get(FILES_KEY, []):
        yield from lister(app)


#: ``app.extensions`` key of the per-run memo
MEMO_KEY = "kintl_export_memo"


def memo(app: Flask) -> dict[object, object]:
    """A dict that lives for one export run (emptied when a run starts): a
    view may keep what every page of the run shares (e.g. all view models
    of a locale, resolved at once) instead of querying per page."""
    return app.extensions.setdefault(MEMO_KEY, {})


def reset_memo(app: Flask) -> None:
    app.extensions[MEMO_KEY] = {}


def etag(app: Flask, *inputs: object) -> str | None:
    """A view's validator for its document in this export run: the hash of
    what it shows (``inputs``, e.g. its view model) and of everything else a
    page is made from (templates, UI catalogs, code, settings: the run's
    fingerprint).  The exporter sends the last run's as ``If-None-Match``;
    a view that finds it unchanged answers 304 and is not rendered.  None
    outside an export run."""
    base = memo(app).get(FINGERPRINT_KEY)
    if base is None:
        return None
    h = hashlib.sha256(str(base).encode())
    for part in inputs:
        h.update(b"\0" + repr(part).encode())
    return h.hexdigest()[:32]


#: memo key of the run's fingerprint (set by the exporter)
FINGERPRINT_KEY = "fingerprint"
