"""``syndicate serve``: the public feeds and the partner pull interface over HTTP (CONTRACT.md 3, 6).

A WSGI app (:class:`App`, built by :func:`make_app`) on waitress (:func:`serve`). It only reads
the output root: ``public/`` for everyone, ``newsml/`` through ``newsml/catalog.json`` for partners
holding a bearer token. Modules: ``app`` (routes), ``files`` (safe paths, cached bodies),
``partners`` (credentials, catalog, embargo, Atom index), ``httputil`` (conditional requests,
gzip), ``server`` (waitress settings and signals).
"""

from __future__ import annotations

from ..config import Settings
from .app import App, Clock, _utcnow
from .server import make_server, serve, server_options

__all__ = ["App", "make_app", "make_server", "serve", "server_options"]


def make_app(settings: Settings, clock: Clock = _utcnow) -> App:
    """The WSGI application for ``settings`` (no socket; tests and other servers can mount it)."""
    return App(settings, clock)
