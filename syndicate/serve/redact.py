"""Request paths and query strings as they may appear in a log: secrets a client put there removed.

A partner that mistakes the URL for the place of its token (``?access_token=…``, or the token as
a path segment) must not leave that token in the server's log, where whoever reads the log could
use it. Two rules, both cheap: a path segment or query value whose SHA-256 is a configured
partner's token digest is replaced by ``[redacted]``, and so is the value of any query parameter
named like a credential, whatever its value. Control characters are escaped as well, so that a
request cannot forge log lines.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from urllib.parse import unquote

REDACTED = "[redacted]"
SECRET_PARAMETERS = frozenset(
    {"token", "access_token", "auth", "authorization", "bearer", "key", "api_key", "apikey", "secret",
     "password", "passwd", "sig", "signature", "id_token", "refresh_token", "client_secret"}
)  # fmt: skip
MAX_LOGGED = 300


def escaped(text: str) -> str:
    """Untrusted text for a log line: control characters escaped, length capped."""
    if len(text) <= MAX_LOGGED and text.isprintable():
        return text  # the usual line: one C scan instead of a look at each character
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)[:MAX_LOGGED]


class Redactor:
    """Knows the partners' token digests; redacts paths and query strings for the log."""

    def __init__(self, token_digests: Iterable[str], known: Iterable[str] = ()) -> None:
        self.digests = frozenset(d.lower() for d in token_digests)
        # Path segments every request names (partner ids, route words): hashed once here, not per
        # request (one that is a token's would still be redacted: it is left out).
        self._known: frozenset[str] = frozenset()
        self._known = frozenset(k for k in known if not self._secret(k))

    def _secret(self, value: str) -> bool:
        if not value or not self.digests or value in self._known:
            return False
        for candidate in {value, unquote(value)}:
            if hashlib.sha256(candidate.encode("utf-8", "surrogateescape")).hexdigest() in self.digests:
                return True
        return False

    def path(self, path: str) -> str:
        """A URL path with any segment that is a partner's token replaced."""
        return escaped("/".join(REDACTED if self._secret(s) else s for s in path.split("/")))

    def query(self, query: str) -> str:
        """A query string with credentials' values (by name, or by being a token) replaced."""
        pairs = []
        for pair in query.split("&"):
            name, eq, value = pair.partition("=")
            if eq and (unquote(name).strip().lower() in SECRET_PARAMETERS or self._secret(value)):
                value = REDACTED
            elif not eq and self._secret(name):
                name = REDACTED
            pairs.append(f"{name}{eq}{value}")
        return escaped("&".join(pairs))

    def target(self, path: str, query: str = "") -> str:
        """``path?query`` for the log."""
        return self.path(path) + ("?" + self.query(query) if query else "")


class AccessLogFilter(logging.Filter):
    """Redacts the request target of uvicorn's access log records (off by default, but a
    deployment's logging configuration may turn it on): ``'%s - "%s %s HTTP/%s" %d'``."""

    def __init__(self, redactor: Redactor) -> None:
        super().__init__()
        self.redactor = redactor

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) == 5 and isinstance(args[2], str):
            path, _, query = args[2].partition("?")
            record.args = (*args[:2], self.redactor.target(path, query), *args[3:])
        return True
