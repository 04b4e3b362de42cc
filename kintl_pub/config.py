"""Configuration from environment variables, with safe defaults."""

from __future__ import annotations

import importlib.util
import os
import secrets
from pathlib import Path

from .project import instance_dir
from .store.db import ConfigurationError, database_url


def _secret_key(inst: Path) -> str:
    """SECRET_KEY from the environment, else a random key kept in instance/.

    Never a constant in the repo; the file is shared by all workers of one
    deployment so sessions and CSRF tokens stay valid across them.
    """
    env = os.environ.get("SECRET_KEY")
    if env:
        return env
    inst.mkdir(parents=True, exist_ok=True)
    path = inst / "secret_key"
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
        os.replace(tmp, path)
    return path.read_text().strip()


def _rate_limit_storage() -> str:
    """``KINTL_RATELIMIT_STORAGE``; a Redis URL needs the Redis client (the
    ``redis`` extra), said in one line rather than as Flask-Limiter's trace."""
    uri = os.environ.get("KINTL_RATELIMIT_STORAGE", "memory://")
    if uri.startswith(("redis://", "rediss://", "redis+")) and importlib.util.find_spec("redis") is None:
        raise ConfigurationError(
            "KINTL_RATELIMIT_STORAGE is a Redis URL but the Redis client is not installed: "
            "pip install 'kintl-pub[redis]'"
        )
    return uri


def _trusted_proxies() -> int:
    """How many reverse proxies stand in front of the app (``KINTL_TRUSTED_PROXIES``):
    their X-Forwarded-For/-Proto are believed (Werkzeug's ProxyFix), so the
    rate limit sees each reader's address, not the proxy's.  0: none."""
    raw = os.environ.get("KINTL_TRUSTED_PROXIES", "0").strip() or "0"
    if not raw.isdigit() or not raw.isascii() or int(raw) > 10:
        raise ConfigurationError(f"KINTL_TRUSTED_PROXIES={raw!r}: give the number of proxies (0–10)")
    return int(raw)


#: Where ``kintl-pub serve`` listens by default: the address a batch step
#: (``pdf build``) writes when ``KINTL_PUBLIC_BASE_URL`` is unset.
LOCAL_BASE_URL = "http://127.0.0.1:8000"


def public_base_url() -> str:
    """The site's public address (absolute links in embed snippets, oEmbed
    answers, static exports and the PDFs' footers), without a trailing
    slash; "" when ``KINTL_PUBLIC_BASE_URL`` is unset: the web pages then use
    the address each request came to (``context.public_base``)."""
    return os.environ.get("KINTL_PUBLIC_BASE_URL", "").strip().rstrip("/")


def from_env() -> dict:
    inst = instance_dir()
    return {
        "SECRET_KEY": _secret_key(inst),
        "DATABASE_URL": database_url(),
        # Origins allowed to frame /embed/ pages, space-separated.
        "EMBED_ORIGINS": os.environ.get("KINTL_EMBED_ORIGINS", "").split(),
        # Public base URL of embed snippets, oEmbed answers and static
        # exports; "" = the request's (build-static --base-url sets it).
        "PUBLIC_BASE_URL": public_base_url(),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": os.environ.get("KINTL_SECURE_COOKIES", "0") == "1",
        "RATELIMIT_STORAGE_URI": _rate_limit_storage(),
        "TRUSTED_PROXIES": _trusted_proxies(),
        "RATELIMIT_DEFAULT": os.environ.get("KINTL_RATELIMIT_DEFAULT", "600 per minute"),
        "MAX_CONTENT_LENGTH": 8 * 1024 * 1024,
    }
