"""uvicorn wiring: the listening socket, limits, proxy trust, and a foreground run that
SIGINT/SIGTERM end cleanly (uvicorn finishes the requests in flight, then returns)."""

from __future__ import annotations

import importlib.util
import logging
import os
import signal
import socket
from types import FrameType
from typing import Any

import uvicorn

from ..config import Settings
from ..errors import SyndicateError
from .app import App, Clock, _utcnow
from .asgi import AsgiApp
from .guard import ConnectionLimits, guarded_protocol
from .redact import AccessLogFilter

log = logging.getLogger("syndicate.serve")

# Feed readers keep connections open between polls of several feeds.
KEEP_ALIVE_SECONDS = 60
# More connections than this at once get 503: a burst must not exhaust file descriptors. A client
# holds at most ConnectionLimits.per_client of them, and only while it is quick with its headers.
MAX_CONNECTIONS = 1000
# X-Forwarded-Proto/-Host are trusted only from this address (the reverse proxy of
# docs/deploy.md); SYNDICATE_TRUSTED_PROXY changes it ("" trusts nobody).
DEFAULT_TRUSTED_PROXY = "127.0.0.1"
DEFAULT_LIMITS = ConnectionLimits()


def trusted_proxies() -> frozenset[str]:
    """Addresses whose X-Forwarded-Proto/-Host are believed (comma-separated in the environment)."""
    value = os.environ.get("SYNDICATE_TRUSTED_PROXY", DEFAULT_TRUSTED_PROXY)
    return frozenset(a.strip() for a in value.split(",") if a.strip())


def server_options(**overrides: Any) -> dict[str, Any]:
    """The uvicorn settings syndicate runs with (``overrides`` win; tests and bench use them)."""
    options: dict[str, Any] = {
        # httptools (llhttp) and uvloop: the C parser and loop make a 304 cost tens of microseconds.
        "http": "httptools",
        "loop": "uvloop" if importlib.util.find_spec("uvloop") else "asyncio",
        "lifespan": "on",
        "log_config": None,  # keep the application's logging as the CLI set it up
        "access_log": False,
        "server_header": False,
        "timeout_keep_alive": KEEP_ALIVE_SECONDS,
        "limit_concurrency": MAX_CONNECTIONS,
        "backlog": 1024,
        "proxy_headers": False,  # the ASGI adapter applies X-Forwarded-* from trusted_proxies()
    }
    options.update(overrides)
    return options


class Server:
    """A bound, not yet running server; ``run()`` serves until ``close()`` or SIGINT/SIGTERM."""

    def __init__(
        self,
        settings: Settings,
        host: str,
        port: int,
        clock: Clock = _utcnow,
        limits: ConnectionLimits = DEFAULT_LIMITS,
        **overrides: Any,
    ) -> None:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        try:
            self.socket = socket.create_server((host, port), family=family, backlog=1024)
        except OSError as exc:
            raise SyndicateError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
        self.effective_host, self.effective_port = self.socket.getsockname()[:2]
        proxies = trusted_proxies()
        app = AsgiApp(App(settings, clock), proxies)
        self._access_filter = AccessLogFilter(app.app.redactor)
        logging.getLogger("uvicorn.access").addFilter(self._access_filter)
        options = server_options(**overrides)
        if options["http"] == "httptools":  # the same parser, with a header deadline and a per-client cap
            options["http"] = guarded_protocol(limits, proxies)
        config = uvicorn.Config(app, **options)
        self._server = uvicorn.Server(config)

    def run(self) -> None:
        """Serve in this thread until stopped (signals are caught only in the main thread)."""
        try:
            self._server.run(sockets=[self.socket])
        finally:
            self.socket.close()
            logging.getLogger("uvicorn.access").removeFilter(self._access_filter)

    def close(self) -> None:
        """Ask ``run()`` to finish the requests in flight and return."""
        self._server.should_exit = True


def make_server(
    settings: Settings,
    host: str,
    port: int,
    clock: Clock = _utcnow,
    limits: ConnectionLimits = DEFAULT_LIMITS,
    **overrides: Any,
) -> Server:
    """A server bound to host:port (``port=0`` picks a free one: read ``effective_port``)."""
    return Server(settings, host, port, clock, limits, **overrides)


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
    # uvicorn catches SIGINT/SIGTERM while it runs, shuts down cleanly, then raises the signal
    # again for the handler that was there before: make that one a no-op, so a stop exits 0.
    previous = {sig: signal.signal(sig, _ignore) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        server.run()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    log.info("stopped")


def _ignore(signum: int, frame: FrameType | None) -> None:
    log.info("signal %d: stopping", signum)
