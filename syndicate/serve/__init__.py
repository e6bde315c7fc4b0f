"""``syndicate serve``: the public feeds and the partner pull interface over HTTP (CONTRACT.md 3, 6).

:class:`App` decides every answer from a PEP 3333 environ (:func:`make_app`); ``asgi`` puts it on
uvicorn with httptools and uvloop (:func:`serve`). It only reads
the output root: ``public/`` for everyone, ``newsml/`` through ``newsml/catalog.json`` for partners
holding a bearer token. Modules: ``app`` (routes), ``files`` (safe paths, cached bodies),
``partners`` (credentials, catalog, embargo, Atom index), ``httputil`` (conditional requests,
gzip), ``asgi`` (the ASGI adapter), ``server`` (uvicorn settings, the socket, signals).
"""

from __future__ import annotations

from ..config import Settings
from .app import App, Clock, _utcnow
from .server import make_server, serve, server_options

__all__ = ["App", "make_app", "make_server", "serve", "server_options"]


def make_app(settings: Settings, clock: Clock = _utcnow) -> App:
    """The application for ``settings`` (no socket): a WSGI callable; ``AsgiApp(app)`` for ASGI."""
    return App(settings, clock)
