"""nginx serving a folder under a sub-path, on a free loopback port: the
static export's host in its tests (``test_static_site``) and bench
(``bench/static_bench.py``).  Debian's nginx, started with a minimal
config of its own in a temporary folder and stopped after."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CANDIDATES = ("/usr/sbin/nginx", "/usr/bin/nginx")
MIME_TYPES = Path("/etc/nginx/mime.types")

CONF = """\
{user}worker_processes {workers};
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include {mime};
    default_type application/octet-stream;
    types {{ application/wasm wasm; }}
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    sendfile on;
    keepalive_requests 100000;
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        absolute_redirect off;
        location {prefix}/ {{
            alias {site}/;
            index index.html;
            error_page 404 {prefix}/404.html;
        }}
    }}
}}
"""


def binary() -> str | None:
    found = shutil.which("nginx")
    return found or next((c for c in CANDIDATES if os.access(c, os.X_OK)), None)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(site: Path, prefix: str = "/kokusai", *, workers: int = 1) -> Iterator[str]:
    """``site`` at ``http://127.0.0.1:PORT{prefix}/``; yields that URL."""
    exe = binary()
    if exe is None:
        raise RuntimeError("nginx is not installed (Debian package nginx; scripts/test installs it)")
    tmp = Path(tempfile.mkdtemp(prefix="kintl-nginx-"))
    port = free_port()
    # as root nginx would drop its workers to "nobody", who cannot read a
    # private temporary folder
    user = "user root;\n" if os.geteuid() == 0 else ""
    conf = tmp / "nginx.conf"
    conf.write_text(CONF.format(user=user, workers=workers, tmp=tmp, mime=MIME_TYPES, port=port,
                                prefix=prefix.rstrip("/"), site=site.resolve()))
    proc = subprocess.Popen([exe, "-c", str(conf), "-p", str(tmp), "-g", "daemon off;"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 15
        while True:
            if proc.poll() is not None:
                err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
                raise RuntimeError(f"nginx stopped: {err[-1000:]}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("nginx did not start in 15 s") from None
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}{prefix.rstrip('/')}/"
    finally:
        proc.terminate()  # SIGTERM: nginx's fast shutdown
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stderr:
            proc.stderr.close()
        shutil.rmtree(tmp, ignore_errors=True)
