"""What ``build-static`` writes: each view module registers its documents.

A view module that has pages a static host should serve calls
:func:`register` from its ``init_app``/registration with a function that
lists ``(request path, file path)`` pairs: the request path (with query
string if any) is fetched from the app itself, the body written to the file
path (relative to the export folder).  The exporter knows no view module;
a new audience (the API, embeds, PDFs) adds its own documents here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from flask import Flask

#: ``app.extensions`` key of the registered listers
KEY = "kintl_exports"

Lister = Callable[[Flask], Iterable[tuple[str, str]]]


def register(app: Flask, lister: Lister) -> None:
    """Add a lister of ``(request path, file path)`` pairs for the export."""
    app.extensions.setdefault(KEY, []).append(lister)


def documents(app: Flask) -> Iterator[tuple[str, str]]:
    """Every registered document, in registration order."""
    for lister in app.extensions.get(KEY, []):
        yield from lister(app)
