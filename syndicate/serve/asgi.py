"""The ASGI face of :class:`App`: uvicorn speaks HTTP, ``App.handle`` decides every answer.

``App.handle`` takes a PEP 3333 environ; this module builds one from the ASGI scope, so routing,
authentication and file logic stay in one place and are tested once. Public files are answered
in the event loop (a stat and a dictionary lookup: microseconds), and so are partner requests
that need no blocking work (``App.answer_now``); one that must read a changed catalog or render an
Atom index runs in a worker thread, so a slow one never holds up a feed reader's 304.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any, BinaryIO
from urllib.parse import unquote_to_bytes

from .app import App
from .gzfiles import CHUNK
from .httputil import Response, plain

log = logging.getLogger("syndicate.serve")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

MAX_HEADER_BYTES = 32 * 1024
_FORWARDED = (
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_FORWARDED_PORT",
)


def environ_from_scope(scope: Scope, trusted_proxies: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The PEP 3333 environ ``App.handle`` reads: method, path, query, headers, scheme, host.

    ``X-Forwarded-Proto``/``-Host`` are believed only from a trusted proxy's address (the reverse
    proxy of docs/deploy.md); from anyone else they are dropped.
    """
    raw_path = scope.get("raw_path") or scope["path"].encode("utf-8")
    path, _, _ = raw_path.partition(b"?")
    server = scope.get("server") or ("localhost", 80)
    environ: dict[str, Any] = {
        "REQUEST_METHOD": scope["method"],
        # WSGI hands the percent-decoded path over as latin-1 text of its bytes.
        "PATH_INFO": unquote_to_bytes(path).decode("latin-1"),
        "QUERY_STRING": scope.get("query_string", b"").decode("latin-1"),
        "SCRIPT_NAME": scope.get("root_path", ""),
        "SERVER_NAME": str(server[0]),
        "SERVER_PORT": str(server[1]),
        "wsgi.url_scheme": scope.get("scheme", "http"),
    }
    for name, value in scope.get("headers", ()):
        key = "HTTP_" + name.decode("latin-1").upper().replace("-", "_")
        text = value.decode("latin-1")
        environ[key] = f"{environ[key]},{text}" if key in environ else text
    client = scope.get("client")
    forwarded = {k: environ.pop(k) for k in _FORWARDED if k in environ}
    if client and client[0] in trusted_proxies:
        if "HTTP_X_FORWARDED_PROTO" in forwarded:
            environ["wsgi.url_scheme"] = forwarded["HTTP_X_FORWARDED_PROTO"].split(",")[0].strip()
        if "HTTP_X_FORWARDED_HOST" in forwarded:
            environ["HTTP_HOST"] = forwarded["HTTP_X_FORWARDED_HOST"].split(",")[0].strip()
    return environ


class AsgiApp:
    """ASGI 3 callable around ``app``."""

    def __init__(self, app: App, trusted_proxies: frozenset[str] = frozenset()) -> None:
        self.app = app
        self.trusted_proxies = trusted_proxies

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await _lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        if sum(len(k) + len(v) + 4 for k, v in scope.get("headers", ())) > MAX_HEADER_BYTES:
            # Requests are bodiless GETs with a few headers: anything bigger is an attack or a mistake.
            await _send(
                send, plain("431 Request Header Fields Too Large", "request headers too large"), False
            )
            return
        environ = environ_from_scope(scope, self.trusted_proxies)
        try:
            response = self.app.answer_now(environ)
            if response is None:  # a catalog to read or an index to render: not in the event loop
                response = await asyncio.to_thread(self.app.handle, environ)
        except Exception:  # one broken request must not take the server down, nor leak a traceback
            target = self.app.redactor.target(environ["PATH_INFO"], environ["QUERY_STRING"])
            log.exception("error answering %s %s", scope.get("method"), target)
            response = plain("500 Internal Server Error", "internal error")
        self.app.metrics.count(response.status)  # GET /metrics: requests by status
        await _send(send, response, head=scope["method"] == "HEAD", receive=receive)


async def _send(send: Send, response: Response, head: bool, receive: Receive | None = None) -> None:
    status = int(response.status.split(" ", 1)[0])
    headers = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in response.headers]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    if response.stream is None:
        await send({"type": "http.response.body", "body": b"" if head else response.body})
        return
    with response.stream as stream:
        if not head:
            await _stream(send, stream, receive)
        await send({"type": "http.response.body", "body": b""})


async def _stream(send: Send, stream: BinaryIO, receive: Receive | None) -> None:
    """A large file in pieces, each read in a worker thread (the event loop never waits on the
    disk); paced by the client (uvicorn's ``send`` waits while its buffer is full), and stopped
    when the client goes away (uvicorn would otherwise drop the rest silently)."""
    gone = asyncio.Event()

    async def watch() -> None:
        while receive is not None and (await receive())["type"] != "http.disconnect":
            pass
        gone.set()

    watcher = asyncio.create_task(watch()) if receive is not None else None
    try:
        while not gone.is_set() and (chunk := await asyncio.to_thread(stream.read, CHUNK)):
            await send({"type": "http.response.body", "body": chunk, "more_body": True})
    finally:
        if watcher is not None:
            watcher.cancel()


async def _lifespan(receive: Receive, send: Send) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return
