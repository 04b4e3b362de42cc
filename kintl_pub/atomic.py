"""Writing a file so that readers only ever see the old or the new version.

The data goes to a temporary file in the same folder, is flushed and
fsynced, and then renamed over the target (an atomic step on POSIX); the
folder is fsynced too so the rename survives a power cut.  A process killed
half-way leaves the previous file as it was (and at worst a stray
``.<name>.*.tmp`` beside it, which the next write removes).  A leaf module:
every stage that writes a file people rely on uses it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def atomic_write(path: Path, data: bytes | str | Iterable[bytes], *, mode: int | None = None) -> None:
    """Replace ``path`` with ``data`` (bytes, UTF-8 text, or chunks of bytes)."""
    path = Path(path)
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            if isinstance(data, str):
                fh.write(data.encode("utf-8"))
            elif isinstance(data, bytes | bytearray):
                fh.write(data)
            else:
                for chunk in data:
                    fh.write(chunk)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        elif path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    try:
        dfd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dfd)
    except OSError:
        pass  # some file systems cannot fsync a folder; the rename is still atomic
    finally:
        os.close(dfd)


def _remove_leftovers(path: Path) -> None:
    """Temporary files of writers that were killed (older than a minute)."""
    import time

    for stray in path.parent.glob(f".{path.name}.*.tmp"):
        try:
            if time.time() - stray.stat().st_mtime > 60:
                stray.unlink()
        except OSError:
            pass
