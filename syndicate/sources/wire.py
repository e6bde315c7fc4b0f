"""Connections that let the HTTP source see a body longer than its ``Content-Length``.

http.client reads a response through a buffered file that reads ahead up to 8 KiB and is thrown
away when the body is complete, so bytes a server sends past the ``Content-Length`` it announced
vanish unseen (a page cut short would be published as the whole page), or, when they arrive a
little later, are read as the next response on the kept-alive connection. Here the response reads
the socket without read-ahead (http.client never asks for more than the body's remaining bytes),
so anything past the body is still in the socket after it, where :func:`bytes_follow` finds it.
Reading headers a byte at a time costs a few hundred system calls per response; a pass makes a
few hundred requests.
"""

from __future__ import annotations

import http.client
import select
import socket
import ssl
from typing import Any

from urllib3 import PoolManager
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool


class _ExactResponse(http.client.HTTPResponse):
    def __init__(self, sock: socket.socket, *args: Any, **kwargs: Any) -> None:
        super().__init__(sock, *args, **kwargs)
        self.fp.close()  # nothing read yet: swap the read-ahead file for one that never reads ahead
        self.fp = sock.makefile("rb", buffering=1)


class _ExactHTTPConnection(HTTPConnection):
    response_class = _ExactResponse


class _ExactHTTPSConnection(HTTPSConnection):
    response_class = _ExactResponse


class _ExactHTTPPool(HTTPConnectionPool):
    ConnectionCls = _ExactHTTPConnection


class _ExactHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _ExactHTTPSConnection


def use_exact_connections(manager: PoolManager) -> PoolManager:
    """Make ``manager``'s pools open connections whose responses never read past their body."""
    manager.pool_classes_by_scheme = {"http": _ExactHTTPPool, "https": _ExactHTTPSPool}
    return manager


def bytes_follow(sock: socket.socket | None) -> bool:
    """Whether data (not an end of stream) is waiting on ``sock`` right now, without waiting."""
    if sock is None or sock.fileno() < 0:
        return False
    pending = isinstance(sock, ssl.SSLSocket) and sock.pending() > 0
    if not pending and not select.select([sock], [], [], 0)[0]:
        return False
    timeout = sock.gettimeout()
    try:
        sock.settimeout(0)
        if isinstance(sock, ssl.SSLSocket):
            return bool(sock.recv(1))  # consumes a byte: the caller closes the connection anyway
        return bool(sock.recv(1, socket.MSG_PEEK))
    except (BlockingIOError, ssl.SSLWantReadError, OSError):
        return False
    finally:
        if sock.fileno() >= 0:
            sock.settimeout(timeout)
