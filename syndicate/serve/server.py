"""waitress wiring: limits, proxy trust, and a foreground run that SIGINT/SIGTERM end cleanly."""

from __future__ import annotations

import logging
import os
import signal
import threading
from types import FrameType
from typing import Any

import waitress.server
from waitress.channel import HTTPChannel
from waitress.task import WSGITask

from ..config import Settings
from ..errors import SyndicateError
from .app import App, Clock, _utcnow

log = logging.getLogger("syndicate.serve")

# Requests are bodiless GETs with a few headers; anything bigger is an attack or a mistake, and
# waitress answers it 431/413 on its own without involving the app.
MAX_HEADER_BYTES = 32 * 1024
MAX_BODY_BYTES = 16 * 1024
# Answers come from memory in microseconds; the GIL makes more threads slower, not faster
# (measured with bench/serve.py: 1 thread 7.0k, 2: 8.9k, 4: 10.0k, 8: 8.4k 304s per second).
THREADS = 4
# Waitress trusts X-Forwarded-* only from this address (the reverse proxy of docs/deploy.md) and
# strips them from anyone else; SYNDICATE_TRUSTED_PROXY changes it ("" trusts nobody).
DEFAULT_TRUSTED_PROXY = "127.0.0.1"
TRUSTED_PROXY_HEADERS = "x-forwarded-for x-forwarded-host x-forwarded-proto x-forwarded-port"


def server_options(**overrides: Any) -> dict[str, Any]:
    """The waitress adjustments syndicate runs with (``overrides`` win; tests and bench use them)."""
    options: dict[str, Any] = {
        "threads": THREADS,
        "ident": "syndicate",
        "max_request_header_size": MAX_HEADER_BYTES,
        "max_request_body_size": MAX_BODY_BYTES,
        "channel_timeout": 60,
        "connection_limit": 1000,
        "backlog": 1024,
        "asyncore_use_poll": True,  # select() fails past 1024 descriptors
        "expose_tracebacks": False,
    }
    trusted = os.environ.get("SYNDICATE_TRUSTED_PROXY", DEFAULT_TRUSTED_PROXY).strip()
    if trusted:
        options.update(
            trusted_proxy=trusted,
            trusted_proxy_headers=TRUSTED_PROXY_HEADERS,
            clear_untrusted_proxy_headers=True,
            log_untrusted_proxy_headers=False,
        )
    options.update(overrides)
    return options


class _KeepAliveTask(WSGITask):  # type: ignore[misc]
    """waitress 3.0 closes every HTTP/1.1 connection whose answer carries no Content-Length, and
    it strips Content-Length from 304s: every feed reader's cheap revalidation would cost a new
    TCP (and TLS) connection. A 304 or 204 never has a body, its end is the blank line after the
    headers (RFC 9112 section 6.3), so the connection can stay open unless the client said close.
    """

    def set_close_on_finish(self) -> None:
        keep = (
            not self.has_body
            and self.version == "1.1"
            and self.request.headers.get("CONNECTION", "").lower() != "close"
        )
        if not keep:
            super().set_close_on_finish()


class _Channel(HTTPChannel):  # type: ignore[misc]
    task_class = _KeepAliveTask


def make_server(settings: Settings, host: str, port: int, clock: Clock = _utcnow, **overrides: Any) -> Any:
    """A bound, not yet running waitress server for ``settings`` (``port=0`` picks a free one;
    read it back from ``server.effective_port``)."""
    app = App(settings, clock)
    # With answers this short every thread is often busy for a moment; waitress warns about each
    # queued task ("Task queue depth is N"), which under load would flood the log with noise.
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
    try:
        server = waitress.server.create_server(app, host=host, port=port, **server_options(**overrides))
    except OSError as exc:
        raise SyndicateError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    # A host name with several addresses gives a MultiSocketServer whose listeners sit in its map.
    listeners = getattr(server, "map", {server: server}).values()
    for listener in listeners:
        if getattr(listener, "channel_class", None) is HTTPChannel:
            listener.channel_class = _Channel
    return server


class _Stop(SystemExit):
    """Raised by the SIGTERM handler; waitress's loop ends on SystemExit as on KeyboardInterrupt."""


def serve(settings: Settings, host: str, port: int) -> None:
    """Serve ``settings.out_dir`` on host:port in the foreground until SIGINT or SIGTERM."""
    out = settings.out_dir
    if not (out / "public").is_dir():
        log.warning("%s does not exist yet: answering 404 until the publisher writes it", out / "public")
    server = make_server(settings, host, port)
    log.info(
        "serving %s (public) and %s (partners: %d) on http://%s:%s/",
        out / "public",
        out / "newsml",
        len(settings.partners),
        server.effective_host,
        server.effective_port,
    )

    def stop(signum: int, frame: FrameType | None) -> None:
        raise _Stop(0)

    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, stop)
    try:
        server.run()  # returns after KeyboardInterrupt/SystemExit, workers already shut down
    finally:
        server.close()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    log.info("stopped")
