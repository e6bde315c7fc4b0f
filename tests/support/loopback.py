"""A stdlib HTTP server on 127.0.0.1 in a daemon thread, for the tests that need a real one."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@contextmanager
def serving(
    handler: type[BaseHTTPRequestHandler] | None = None, server: ThreadingHTTPServer | None = None
) -> Iterator[tuple[ThreadingHTTPServer, str]]:
    """``server`` (or a new one on a free port answering with ``handler``) serving until the block
    ends: (the server, its base URL ``http://127.0.0.1:<port>``)."""
    if server is None:
        assert handler is not None
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
