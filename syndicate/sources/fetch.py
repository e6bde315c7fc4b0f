"""HTTP transport of the e-paper source: retries, deadlines, conditional GET, caps, one origin.

- one ``requests.Session``; urllib3 ``Retry`` on connection errors, 429 and 5xx with exponential
  backoff, honouring ``Retry-After`` but never longer than ``source.max_retry_after``;
- a connect and a read timeout, and a total ``source.deadline`` per request, retries and sleeps
  included (urllib3's read timeout bounds one socket read, not a response that trickles in);
- conditional GET: ``ETag`` and ``Last-Modified`` remembered per URL, with the last body, in
  ``<state_dir>/http-cache.sqlite``, so an unchanged page costs a 304 and still yields its bytes;
- every URL, and every redirect, must stay on the manifest's origin (scheme, host, port):
  redirects are followed here, one by one, never by requests;
- a body is read in pieces and refused as soon as it passes its cap, counted on the wire and
  again once ``Content-Encoding`` is undone (a 1 MB gzip bomb stops at the cap, not at 2 GB);
- a body shorter or longer than its ``Content-Length`` is an error (``wire`` explains how a
  longer one is seen at all).
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import time
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self
from urllib.parse import urljoin, urlsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from ..errors import SourceError
from .wire import bytes_follow, use_exact_connections

if TYPE_CHECKING:
    from urllib3 import PoolManager
    from urllib3.response import BaseHTTPResponse

CACHE_NAME = "http-cache.sqlite"
RETRY_STATUSES = (429, 500, 502, 503, 504)
_CHUNK = 64 * 1024
MAX_REDIRECTS = 5
LIMIT_KEY = "source.max_page_bytes"
_DEFAULT_PORTS = {"http": 80, "https": 443}
_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9._:-]+)""", re.IGNORECASE)


class DeadlineExceeded(Exception):
    """Raised inside the transport when the next retry would end after the request's deadline."""


class _Retry(Retry):
    """urllib3 ``Retry`` with a cap on ``Retry-After`` and an absolute deadline (monotonic clock)."""

    def __init__(self, *args: Any, cap: float = 60.0, deadline_at: float | None = None, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.cap = cap
        self.deadline_at = deadline_at

    def new(self, **kw: Any) -> Self:
        # urllib3 copies a fixed set of fields into each new Retry; carry ours along.
        kw.setdefault("cap", self.cap)
        kw.setdefault("deadline_at", self.deadline_at)
        return super().new(**kw)

    def parse_retry_after(self, retry_after: str) -> float:
        return min(super().parse_retry_after(retry_after), self.cap)

    def sleep(self, response: BaseHTTPResponse | None = None) -> None:
        planned = self.get_backoff_time()
        if self.respect_retry_after_header and response is not None:
            planned = self.get_retry_after(response) or planned
        if self.deadline_at is not None and time.monotonic() + planned > self.deadline_at:
            raise DeadlineExceeded(f"would wait {planned:g} s more before retrying")
        super().sleep(response)


class _DeadlineAdapter(HTTPAdapter):
    """Gives each request a fresh ``_Retry`` whose deadline starts now (one source = one thread)."""

    def __init__(self, retry: _Retry, deadline: float) -> None:
        super().__init__(max_retries=retry)
        self.template = retry
        self.deadline = deadline

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> requests.Response:
        self.max_retries = self.template.new(deadline_at=time.monotonic() + self.deadline)
        return super().send(request, *args, **kwargs)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        use_exact_connections(self.poolmanager)

    def proxy_manager_for(self, proxy: str, **kwargs: Any) -> PoolManager:
        return use_exact_connections(super().proxy_manager_for(proxy, **kwargs))


def make_session(
    retries: int, backoff_factor: float, max_retry_after: float, deadline: float
) -> requests.Session:
    """A session that retries GETs on connection errors, 429 and 5xx, within ``deadline`` seconds."""
    retry = _Retry(
        total=retries,
        connect=retries,
        read=retries,
        status=retries,
        other=0,
        status_forcelist=RETRY_STATUSES,
        allowed_methods=frozenset({"GET", "HEAD"}),
        backoff_factor=backoff_factor,
        respect_retry_after_header=True,
        raise_on_status=False,  # the last 5xx comes back as a response and becomes a SourceError
        cap=max_retry_after,
    )
    session = requests.Session()
    adapter = _DeadlineAdapter(retry, deadline)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers["User-Agent"] = "syndicate/0.1 (nightly e-paper fetch)"
    return session


@dataclass(frozen=True)
class Fetched:
    """A body and how it came: ``status`` is 200, 304 (served from the cache) or 404 (``body`` empty)."""

    url: str
    status: int
    body: bytes
    content_type: str | None

    @property
    def declared_charset(self) -> str | None:
        """The charset the server actually declared, never requests' ISO-8859-1 default."""
        m = _CHARSET.search(self.content_type or "")
        return m.group(1) if m else None


class HttpCache:
    """Validators and last body per URL, in a small SQLite table (one connection per use)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=30)
        conn.execute(
            "CREATE TABLE IF NOT EXISTS http_cache (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT,"
            " content_type TEXT, body BLOB NOT NULL, fetched_at TEXT NOT NULL)"
        )
        return conn

    def get(self, url: str) -> tuple[str | None, str | None, str | None, bytes] | None:
        """``(etag, last_modified, content_type, body)`` remembered for ``url``, if any."""
        with closing(self._connect()) as conn:
            row = conn.execute(
                "SELECT etag, last_modified, content_type, body FROM http_cache WHERE url = ?", (url,)
            ).fetchone()
        return None if row is None else (row[0], row[1], row[2], bytes(row[3]))

    def put(
        self, url: str, etag: str | None, last_modified: str | None, content_type: str | None, body: bytes
    ) -> None:
        with closing(self._connect()) as conn, conn:
            conn.execute(
                "INSERT OR REPLACE INTO http_cache VALUES (?, ?, ?, ?, ?, ?)",
                (url, etag, last_modified, content_type, body, dt.datetime.now(dt.UTC).isoformat()),
            )


@dataclass(frozen=True)
class Origin:
    """Scheme, host and port of a URL: where the manifest is, and so where its pages may be."""

    scheme: str
    host: str
    port: int | None

    @classmethod
    def of(cls, url: str) -> Origin:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        try:
            port = parts.port or _DEFAULT_PORTS.get(scheme)
        except ValueError:
            port = -1  # an unreadable port matches no origin
        return cls(scheme, (parts.hostname or "").lower(), port)

    def admits(self, url: str) -> bool:
        return Origin.of(url) == self and self.scheme in _DEFAULT_PORTS

    def __str__(self) -> str:
        return f"{self.scheme}://{self.host}:{self.port}"


class Fetcher:
    """Conditional GETs through one session, each bounded by a total deadline and a size cap."""

    def __init__(
        self,
        session: requests.Session,
        cache: HttpCache,
        timeouts: tuple[float, float],
        deadline: float,
        max_bytes: int,
    ) -> None:
        self.session = session
        self.cache = cache
        self.connect_timeout, self.read_timeout = timeouts
        self.deadline = deadline
        self.max_bytes = max_bytes

    def get(self, url: str, origin: Origin | None = None, max_bytes: int | None = None) -> Fetched:
        """GET ``url``, following redirects only within ``origin`` (default: the URL's own); raise
        ``SourceError`` naming the URL on a transport failure, a refusal or an unexpected status."""
        cached = self.cache.get(url)
        headers = {}
        if cached is not None:
            etag, last_modified, _, _ = cached
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
        deadline_at = time.monotonic() + self.deadline
        origin = origin or Origin.of(url)
        limit = max_bytes or self.max_bytes
        target = url
        try:
            for _ in range(MAX_REDIRECTS + 1):
                with self.session.get(
                    target,
                    headers=headers,
                    stream=True,
                    allow_redirects=False,
                    timeout=(self.connect_timeout, self.read_timeout),
                ) as resp:
                    if not resp.is_redirect:
                        return self._answer(url, resp, cached, _Budget(deadline_at, limit))
                    target = _redirect(url, resp, self.session.get_redirect_target(resp), origin)
        except DeadlineExceeded as exc:
            raise SourceError(f"{url}: gave up after the {self.deadline:g} s deadline ({exc})") from None
        except (requests.RequestException, urllib3.exceptions.HTTPError) as exc:
            if _timed_out(exc):
                timeouts = f"connect {self.connect_timeout:g} s, read {self.read_timeout:g} s"
                raise SourceError(f"{url}: timed out ({timeouts})") from None
            raise SourceError(f"{url}: cannot fetch: {_reason(exc)}") from None
        raise SourceError(f"{url}: refused: more than {MAX_REDIRECTS} redirects")

    def _answer(
        self,
        url: str,
        resp: requests.Response,
        cached: tuple[str | None, str | None, str | None, bytes] | None,
        budget: _Budget,
    ) -> Fetched:
        if resp.status_code == 304 and cached is not None:
            return Fetched(url, 304, cached[3], cached[2])
        if resp.status_code == 404:
            return Fetched(url, 404, b"", None)
        if resp.status_code != 200:
            raise SourceError(f"{url}: HTTP {resp.status_code} {resp.reason or ''}".rstrip())
        body = _read(url, resp, budget)
        content_type = resp.headers.get("Content-Type")
        etag, last_modified = resp.headers.get("ETag"), resp.headers.get("Last-Modified")
        if etag or last_modified:
            self.cache.put(url, etag, last_modified, content_type, body)
        return Fetched(url, 200, body, content_type)


@dataclass(frozen=True)
class _Budget:
    deadline_at: float  # time.monotonic()
    max_bytes: int


def _redirect(url: str, resp: requests.Response, location: str | None, origin: Origin) -> str:
    target = urljoin(resp.url, location or "")
    if not origin.admits(target):
        raise SourceError(f"{url}: refused: redirected to {target}, which leaves {origin}")
    return target


def _declared_length(url: str, resp: requests.Response, limit: int) -> int | None:
    value = resp.headers.get("Content-Length")
    if value is None:
        return None
    if not value.strip().isascii() or not value.strip().isdigit():
        raise SourceError(f"{url}: refused: unreadable Content-Length {value!r}")
    declared = int(value)
    if declared > limit:
        raise SourceError(f"{url}: refused: Content-Length {declared}, more than {limit} bytes ({LIMIT_KEY})")
    return declared


def _read(url: str, resp: requests.Response, budget: _Budget) -> bytes:
    """The body, in pieces: the deadline checked whenever bytes arrive, the cap on the wire and
    once decoded checked after each piece, and the length checked against ``Content-Length``."""
    declared = _declared_length(url, resp, budget.max_bytes)
    conn = resp.raw.connection  # kept: urllib3 hands it back to the pool when the body ends
    chunks, size = [], 0
    read1 = getattr(resp.raw, "read1", None)  # urllib3 >= 2.3: returns as soon as bytes arrive
    pieces = iter(lambda: read1(_CHUNK, decode_content=True), b"") if read1 else resp.iter_content(1024)
    try:
        for chunk in pieces:
            chunks.append(chunk)
            size += len(chunk)
            if size > budget.max_bytes or resp.raw.tell() > budget.max_bytes:
                raise SourceError(f"{url}: refused: more than {budget.max_bytes} bytes ({LIMIT_KEY})")
            if time.monotonic() > budget.deadline_at:
                raise DeadlineExceeded("the body was still arriving")
    except urllib3.exceptions.ProtocolError as exc:
        short = next((a for a in exc.args if isinstance(a, urllib3.exceptions.IncompleteRead)), None)
        if short is None:
            raise
        raise SourceError(
            f"{url}: the response ended after {short.partial} of the {declared or '?'} bytes"
            " its Content-Length announces"
        ) from None
    if declared is not None and bytes_follow(getattr(conn, "sock", None)):
        if conn is not None:
            conn.close()  # what follows must never be read as the next response
        raise SourceError(f"{url}: the response is longer than its Content-Length ({declared} bytes)")
    return b"".join(chunks)


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """``exc`` and what it wraps: requests wraps urllib3's MaxRetryError, which holds the reason."""
    seen: BaseException | None = exc
    for _ in range(8):  # bounded: a cycle of causes must not hang a pass
        if seen is None:
            return
        yield seen
        reason = getattr(seen, "reason", None)
        if isinstance(reason, BaseException):
            seen = reason
        elif seen.args and isinstance(seen.args[0], BaseException):
            seen = seen.args[0]
        else:
            seen = None


def _timed_out(exc: BaseException) -> bool:
    return any(
        isinstance(e, (TimeoutError, requests.Timeout, urllib3.exceptions.TimeoutError)) for e in _chain(exc)
    )


def _reason(exc: BaseException) -> str:
    """The innermost cause, without urllib3's pool repr."""
    *_, inner = _chain(exc)
    return str(inner)
