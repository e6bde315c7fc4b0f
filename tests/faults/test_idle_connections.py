"""Issue 10 row 17: idle sockets no longer lock everyone out of ``syndicate serve``.

The real server (uvicorn, on 127.0.0.1) and real sockets. Before: 1,000 connections that never
send a request header fill uvicorn's ``limit_concurrency`` and every new client gets 503 for as
long as they stay open. Now one client address holds at most ``per_client`` connections (the
rest are refused at once), and a connection that has not completed its request header within
``header_timeout`` seconds, silent or trickling a byte at a time, is closed. Other loopback
addresses (127.0.0.2, 127.0.0.3, ...) play other clients.
"""

from __future__ import annotations

import contextlib
import resource
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from syndicate import config
from syndicate.serve import make_server
from syndicate.serve.guard import ConnectionLimits, client_key

LIMITS = ConnectionLimits(header_timeout=1.0, per_client=16)
IDLE = 1000


@pytest.fixture(autouse=True)
def enough_descriptors() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = 3 * IDLE
    if soft < want:
        if hard != resource.RLIM_INFINITY and hard < want:
            pytest.skip(f"needs {want} file descriptors, the hard limit is {hard}")
        resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))


@pytest.fixture
def port(tmp_path: Path) -> Iterator[int]:
    (tmp_path / "public").mkdir()
    (tmp_path / "public" / "index.html").write_text("<!doctype html><title>x</title>\n", encoding="utf-8")
    server = make_server(config.defaults(tmp_path), "127.0.0.1", 0, limits=LIMITS)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield server.effective_port
    finally:
        server.close()
        thread.join(timeout=5)


def connect(port: int, client: str) -> socket.socket:
    return socket.create_connection(("127.0.0.1", port), timeout=5, source_address=(client, 0))


def get_status(port: int, client: str) -> int:
    """One complete request from ``client``: the status code it is answered with."""
    with connect(port, client) as sock:
        sock.sendall(b"GET /index.html HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n")
        head = sock.recv(64)
    return int(head.split()[1])


def closed_by_server(sock: socket.socket, within: float) -> bool:
    """Whether the server ends the connection (EOF or reset) within ``within`` seconds."""
    end = time.monotonic() + within
    while (left := end - time.monotonic()) > 0:
        sock.settimeout(left)
        try:
            if not sock.recv(4096):  # a refusal's 503 comes first, then the end
                return True
        except TimeoutError:
            return False
        except ConnectionResetError:
            return True
    return False


@contextlib.contextmanager
def sockets(port: int, clients: list[str]) -> Iterator[list[socket.socket]]:
    opened = [connect(port, client) for client in clients]
    try:
        yield opened
    finally:
        for sock in opened:
            sock.close()


def test_idle_sockets_from_one_address_do_not_lock_others_out(port: int) -> None:
    with sockets(port, ["127.0.0.2"] * IDLE) as idle:
        assert get_status(port, "127.0.0.3") == 200  # at once, while the 1,000 are still open
        time.sleep(0.3)
        refused = [s for s in idle if closed_by_server(s, 0.01)]
        assert len(refused) >= IDLE - LIMITS.per_client


def test_connections_slow_with_their_header_are_closed(port: int) -> None:
    # Spread over many addresses, below the per-client cap: only the header deadline can help.
    clients = [f"127.0.1.{n % 250 + 1}" for n in range(IDLE)]
    with sockets(port, clients) as idle:
        started = time.monotonic()
        assert all(closed_by_server(s, LIMITS.header_timeout + 5) for s in idle)
        assert time.monotonic() - started < LIMITS.header_timeout + 5
        assert get_status(port, "127.0.0.3") == 200


def test_a_header_trickled_a_byte_at_a_time_is_cut_at_the_deadline(port: int) -> None:
    with connect(port, "127.0.0.4") as sock:
        started = time.monotonic()
        request = b"GET /index.html HTTP/1.1\r\nHost: test\r\nX-Slow: " + b"a" * 200
        for byte in request:
            try:
                sock.sendall(bytes([byte]))
            except (BrokenPipeError, ConnectionResetError):
                break
            if closed_by_server(sock, 0.1):
                break
        assert time.monotonic() - started < LIMITS.header_timeout + 2
    assert get_status(port, "127.0.0.4") == 200  # the same client is served once it asks properly


def test_keep_alive_requests_each_get_their_own_deadline(port: int) -> None:
    with connect(port, "127.0.0.5") as sock:
        for _ in range(3):
            time.sleep(LIMITS.header_timeout * 0.6)  # together longer than one deadline
            sock.sendall(b"GET /index.html HTTP/1.1\r\nHost: test\r\n\r\n")
            assert sock.recv(4096).startswith(b"HTTP/1.1 200")


def test_client_key() -> None:
    assert client_key("192.0.2.7") == "192.0.2.7"
    assert client_key("::ffff:192.0.2.7") == "192.0.2.7"
    assert client_key("2001:db8:1:2:aaaa::1") == client_key("2001:db8:1:2:bbbb::2") == "2001:db8:1:2::/64"
