import socket

import pytest

from tests.conftest import NetworkAccessError


def test_remote_connect_is_refused():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        with pytest.raises(NetworkAccessError):
            s.connect(("93.184.216.34", 80))
    finally:
        s.close()


def test_remote_name_resolution_is_refused():
    with pytest.raises(NetworkAccessError):
        socket.getaddrinfo("pypi.org", 443)


def test_loopback_is_allowed():
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(1)
    cli = socket.socket()
    try:
        cli.connect(srv.getsockname())
    finally:
        cli.close()
        srv.close()
