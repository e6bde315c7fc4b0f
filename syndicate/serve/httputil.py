"""Small HTTP pieces for the WSGI app: responses, HTTP dates, conditional requests, gzip negotiation.

Nothing here touches the disk or the clock; the app and the stores pass in what they know.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
from dataclasses import dataclass, field
from typing import BinaryIO

_TEXT_PLAIN = "text/plain; charset=utf-8"

# Sent on every answer: the files are ours, never to be sniffed as something else.
BASE_HEADERS: tuple[tuple[str, str], ...] = (("X-Content-Type-Options", "nosniff"),)


@dataclass(frozen=True, slots=True)
class Response:
    """What a handler answers; the app turns it into ``start_response`` + body."""

    status: str
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""
    stream: BinaryIO | None = None  # instead of ``body``: an open file, sent in pieces, then closed


def plain(status: str, message: str, headers: list[tuple[str, str]] | None = None) -> Response:
    """A short ``text/plain`` answer (errors, refusals); never cached by intermediaries."""
    body = (message + "\n").encode("utf-8")
    hdrs = [
        ("Content-Type", _TEXT_PLAIN),
        ("Content-Length", str(len(body))),
        ("Cache-Control", "no-store"),
        *BASE_HEADERS,
    ]
    if headers:
        hdrs.extend(headers)
    return Response(status, hdrs, body)


NOT_FOUND = "404 Not Found"


def not_found() -> Response:
    """The one 404: the same words whether the file is missing, forbidden, embargoed or out of reach."""
    return plain(NOT_FOUND, "not found")


def method_not_allowed() -> Response:
    """405 for anything but GET and HEAD: the server is read-only."""
    return plain("405 Method Not Allowed", "method not allowed", [("Allow", "GET, HEAD")])


def http_date(timestamp: float) -> str:
    """An IMF-fixdate (RFC 9110 section 5.6.7), e.g. ``Tue, 24 Oct 2023 02:30:00 GMT``."""
    return email.utils.formatdate(timestamp, usegmt=True)


def parse_http_date(value: str) -> float | None:
    """Seconds since the epoch for an HTTP date, or None when it cannot be read (then it is ignored)."""
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if parsed.tzinfo is None:  # RFC 9110: HTTP dates are always GMT
        return parsed.replace(tzinfo=dt.UTC).timestamp()
    return parsed.timestamp()


def strong_etag(data: bytes) -> str:
    """A quoted entity tag derived from the content, so that a republished identical file keeps it."""
    return '"' + hashlib.blake2b(data, digest_size=12).hexdigest() + '"'


def etag_matches(if_none_match: str, etags: tuple[str, ...]) -> bool:
    """Weak comparison (RFC 9110 section 13.1.2) of an If-None-Match list against our tags."""
    if if_none_match.strip() == "*":
        return True
    for raw in if_none_match.split(","):
        tag = raw.strip()
        if tag.startswith("W/"):
            tag = tag[2:]
        if tag in etags:
            return True
    return False


def is_not_modified(
    if_none_match: str | None, if_modified_since: str | None, etags: tuple[str, ...], mtime: int | None
) -> bool:
    """Whether a GET/HEAD may be answered 304.

    If-None-Match wins when present; If-Modified-Since is only looked at without it (RFC 9110 13.2.2),
    compared at whole seconds because that is all an HTTP date carries.
    """
    if if_none_match is not None:
        return etag_matches(if_none_match, etags)
    if if_modified_since and mtime is not None:
        since = parse_http_date(if_modified_since)
        return since is not None and mtime <= since
    return False


def accepts_gzip(accept_encoding: str | None) -> bool:
    """True when the client accepts gzip: listed (or ``*``) with a non-zero q, and not refused by ``gzip;q=0``."""
    if not accept_encoding:
        return False
    lowered = accept_encoding.lower()
    if "gzip" not in lowered and "*" not in lowered:  # the common "no" case without parsing
        return False
    gzip_q: float | None = None
    star_q: float | None = None
    for item in lowered.split(","):
        name, _, params = item.strip().partition(";")
        q = 1.0
        params = params.strip()
        if params.startswith("q="):
            try:
                q = float(params[2:])
            except ValueError:
                q = 0.0
        name = name.strip()
        if name in ("gzip", "x-gzip"):
            gzip_q = q
        elif name == "*":
            star_q = q
    if gzip_q is not None:
        return gzip_q > 0
    return star_q is not None and star_q > 0
