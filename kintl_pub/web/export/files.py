"""The export folder: write a file only when its bytes changed, remember
what the export owns, remove what it no longer has.

A file whose bytes are unchanged is not touched (its mtime stays), so a
static host's sync (``rsync``, a CDN upload) sees only real changes.  The
manifest (``.kintl-export.json``) lists every file the last run wrote or
kept: a page that no longer exists is removed, and nothing else in the
folder (a host's own files) ever is.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

MANIFEST = ".kintl-export.json"


def safe_rel(rel: str) -> str:
    """A registered file path, checked: relative, inside the folder."""
    parts = Path(rel).parts
    if not rel or rel.startswith("/") or ".." in parts or "\\" in rel:
        raise ValueError(f"export file path outside the folder: {rel!r}")
    return rel


def write_if_changed(outdir: Path, rel: str, body: bytes) -> bool:
    """Write ``body`` to ``outdir/rel`` unless the file already holds exactly
    these bytes; True when written.  Atomic: a host serving the folder while
    it is rebuilt never sees half a file."""
    target = outdir / safe_rel(rel)
    try:
        if target.stat().st_size == len(body) and target.read_bytes() == body:
            return False
    except (FileNotFoundError, NotADirectoryError):
        pass
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(body)
        os.chmod(tmp, 0o644)  # mkstemp's 0600 would hide the file from the web server
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def previous(outdir: Path) -> tuple[set[str], dict[str, str]]:
    """The files the last run owned (none for a new folder), and the ETags
    their views gave them (``exports.etag``)."""
    try:
        data = json.loads((outdir / MANIFEST).read_text(encoding="utf-8"))
        return set(data["files"]), dict(data.get("etags", {}))
    except (FileNotFoundError, ValueError, KeyError, TypeError):
        return set(), {}


def remove_stale(outdir: Path, old: set[str], keep: set[str]) -> list[str]:
    """Remove the files the last run owned that this run did not list, and
    folders left empty by that; returns what was removed."""
    gone = sorted(old - keep)
    for rel in gone:
        path = outdir / safe_rel(rel)
        path.unlink(missing_ok=True)
        for parent in path.parents:
            if parent == outdir or not parent.is_relative_to(outdir):
                break
            try:
                parent.rmdir()
            except OSError:  # not empty
                break
    return gone


def save_manifest(outdir: Path, files: set[str], etags: dict[str, str]) -> None:
    data = {"files": sorted(files), "etags": {k: etags[k] for k in sorted(etags) if k in files}}
    write_if_changed(outdir, MANIFEST, json.dumps(data, indent=0).encode() + b"\n")
