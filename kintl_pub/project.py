"""Where the project's files are, and who is acting.

The one home for the checkout's folders (``data/``, ``translations/``,
``instance/``) and for the name batch commands credit.  A leaf module: it
imports nothing from kintl_pub, so every stage may ask it.
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
#: Human-editable data files (corrections, readings, glossary, terms, labels).
DATA_DIR = PROJECT_ROOT / "data"
#: ``<babel id>/LC_MESSAGES/{messages,content}.po``
TRANSLATIONS_DIR = PROJECT_ROOT / "translations"

#: Credited when neither $KINTL_USER nor the OS names anybody.
UNKNOWN_USER = "unknown"


def instance_dir() -> Path:
    """Where the SQLite file, secret key, caches and Argos packages live."""
    return Path(os.environ.get("KINTL_INSTANCE_DIR", PROJECT_ROOT / "instance"))


def acting_user(explicit: str | None = None) -> str:
    """Whom a batch step credits: ``explicit`` (``--as NAME``), else
    $KINTL_USER, else the OS user, else ``unknown``.

    ``getpass.getuser`` raises in a container whose uid has no passwd entry
    (and no LOGNAME/USER variable): that must not stop an import.
    """
    if explicit:
        return explicit
    who = os.environ.get("KINTL_USER")
    if who:
        return who
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry in some containers
        return UNKNOWN_USER
