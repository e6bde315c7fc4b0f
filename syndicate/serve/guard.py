"""Connection limits uvicorn lacks: a deadline on the request header, and a cap per client address.

uvicorn closes a kept-alive connection that stays idle between two requests, but not one that
never completes a request: a client that opens sockets and sends nothing (or a byte now and
then) holds each of them until ``limit_concurrency`` is reached, after which every new client
gets 503. So here, on top of uvicorn's own httptools protocol:

- a connection must complete its request header within ``header_timeout`` seconds, counted
  from its opening and then from the first byte of each further request (a byte now and then
  does not extend it), or it is closed;
- one client address holds at most ``per_client`` connections at once (an IPv6 client counts
  by its /64, which one host usually has to itself); one more is answered 503 and closed at once.
  The trusted proxy is exempt: behind it every client shares its address.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
from collections import Counter
from dataclasses import dataclass
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

log = logging.getLogger("syndicate.serve")

_REFUSED_BODY = b"too many connections from your address\n"
_REFUSED = (
    b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
    b"Content-Length: %d\r\nRetry-After: 10\r\nConnection: close\r\n\r\n%s"
    % (len(_REFUSED_BODY), _REFUSED_BODY)
)


@dataclass(frozen=True)
class ConnectionLimits:
    header_timeout: float = 5.0  # seconds to send a complete request header
    per_client: int = 64  # connections open at once from one address (feed readers use a few)


def client_key(host: str) -> str:
    """What one client is: its IPv4 address, or the /64 of its IPv6 address."""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host  # a Unix socket path or the like: as it is
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


class _Clients:
    """Open connections per client, shared by every connection of one server (one event loop)."""

    def __init__(self, limits: ConnectionLimits, exempt: frozenset[str]) -> None:
        self.limits = limits
        self.exempt = exempt
        self.open: Counter[str] = Counter()
        self.warned: set[str] = set()

    def admit(self, host: str | None) -> tuple[bool, str | None]:
        """(admitted, the key to release later, or None when not counted)."""
        if host is None or host in self.exempt:
            return True, None
        key = client_key(host)
        if self.open[key] >= self.limits.per_client:
            if key not in self.warned:  # once per episode, not once per refused socket
                self.warned.add(key)
                log.warning("refusing connections from %s: %d already open", key, self.open[key])
            return False, None
        self.open[key] += 1
        return True, key

    def release(self, key: str) -> None:
        self.open[key] -= 1
        if self.open[key] <= 0:
            del self.open[key]
            self.warned.discard(key)


def guarded_protocol(limits: ConnectionLimits, exempt: frozenset[str]) -> type[asyncio.Protocol]:
    """uvicorn's httptools protocol with the header deadline and the per-client cap, for one server."""
    clients = _Clients(limits, exempt)

    class GuardedProtocol(HttpToolsProtocol):
        _client_key: str | None = None
        _header_timer: asyncio.TimerHandle | None = None

        def connection_made(self, transport: Any) -> None:
            super().connection_made(transport)
            admitted, self._client_key = clients.admit(self.client[0] if self.client else None)
            if not admitted:
                transport.write(_REFUSED)
                transport.close()
                return
            self._arm()

        def on_message_begin(self) -> None:
            super().on_message_begin()
            if self._header_timer is None:
                self._arm()

        def on_headers_complete(self) -> None:
            self._disarm()
            super().on_headers_complete()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            if self._client_key is not None:
                clients.release(self._client_key)
                self._client_key = None
            super().connection_lost(exc)

        def _arm(self) -> None:
            self._header_timer = self.loop.call_later(limits.header_timeout, self._header_too_slow)

        def _disarm(self) -> None:
            if self._header_timer is not None:
                self._header_timer.cancel()
                self._header_timer = None

        def _header_too_slow(self) -> None:
            self._header_timer = None
            if not self.transport.is_closing():
                self.transport.close()

    return GuardedProtocol
