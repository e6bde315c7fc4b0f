"""The e-paper source: one ``issue.toml`` manifest per date, page files relative to it.

Fetching is made for a slow, flaky server that is polled every night:

- one ``requests.Session``; urllib3 ``Retry`` on connection errors, 429 and 5xx with exponential
  backoff, honouring ``Retry-After`` but never longer than ``source.max_retry_after`` (a server
  may ask for hours);
- a connect and a read timeout, and a total ``source.deadline`` per request, retries and sleeps
  included (urllib3's read timeout bounds one socket read, not a response that trickles in);
- conditional GET: ``ETag`` and ``Last-Modified`` remembered per URL, with the last body, in
  ``<state_dir>/http-cache.sqlite``, so an unchanged page costs a 304 and still yields its bytes;
- page bytes decoded by ``decode_page``: the charset from ``Content-Type`` only when the server
  declares one (requests would assume ISO-8859-1 for any ``text/*``), then BOM, UTF-8, GB18030.

What a pass sees: a 404 manifest means the date is not published yet (skipped, not an error); a
manifest that cannot be fetched or read yields a ``SourceError`` for the date (the next pass
retries it); a page that is missing (404), refused (an HTML error page served as 200) or
undecodable is left out and named in ``Issue.problems``: the issue is published with the pages
present and completed by a later pass when the page arrives.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import sqlite3
import time
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self
from urllib.parse import urljoin

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from ..errors import SourceError
from ..model import Issue, Page
from .decode import decode_page
from .folder import page_label

if TYPE_CHECKING:
    from urllib3.response import BaseHTTPResponse

    from ..config import Settings

CACHE_NAME = "http-cache.sqlite"
RETRY_STATUSES = (429, 500, 502, 503, 504)
_CHUNK = 64 * 1024
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


class Fetcher:
    """Conditional GETs through one session, each bounded by a total deadline."""

    def __init__(
        self, session: requests.Session, cache: HttpCache, timeouts: tuple[float, float], deadline: float
    ) -> None:
        self.session = session
        self.cache = cache
        self.connect_timeout, self.read_timeout = timeouts
        self.deadline = deadline

    def get(self, url: str) -> Fetched:
        """GET ``url``; raise ``SourceError`` naming it on a transport failure or an unexpected status."""
        cached = self.cache.get(url)
        headers = {}
        if cached is not None:
            etag, last_modified, _, _ = cached
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
        deadline_at = time.monotonic() + self.deadline
        try:
            with self.session.get(
                url, headers=headers, stream=True, timeout=(self.connect_timeout, self.read_timeout)
            ) as resp:
                if resp.status_code == 304 and cached is not None:
                    return Fetched(url, 304, cached[3], cached[2])
                if resp.status_code == 404:
                    return Fetched(url, 404, b"", None)
                if resp.status_code != 200:
                    raise SourceError(f"{url}: HTTP {resp.status_code} {resp.reason or ''}".rstrip())
                body = self._read(resp, deadline_at)
                content_type = resp.headers.get("Content-Type")
                etag, last_modified = resp.headers.get("ETag"), resp.headers.get("Last-Modified")
        except DeadlineExceeded as exc:
            raise SourceError(f"{url}: gave up after the {self.deadline:g} s deadline ({exc})") from None
        except (requests.RequestException, urllib3.exceptions.HTTPError) as exc:
            if _timed_out(exc):
                timeouts = f"connect {self.connect_timeout:g} s, read {self.read_timeout:g} s"
                raise SourceError(f"{url}: timed out ({timeouts})") from None
            raise SourceError(f"{url}: cannot fetch: {_reason(exc)}") from None
        if etag or last_modified:
            self.cache.put(url, etag, last_modified, content_type, body)
        return Fetched(url, 200, body, content_type)

    def _read(self, resp: requests.Response, deadline_at: float) -> bytes:
        """The body, checking the deadline whenever bytes arrive (not only when a big chunk fills)."""
        chunks = []
        read1 = getattr(resp.raw, "read1", None)  # urllib3 >= 2.3: returns as soon as bytes arrive
        pieces = iter(lambda: read1(_CHUNK, decode_content=True), b"") if read1 else resp.iter_content(1024)
        for chunk in pieces:
            chunks.append(chunk)
            if time.monotonic() > deadline_at:
                raise DeadlineExceeded("the body was still arriving")
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


def looks_like_html(fetched: Fetched) -> bool:
    """An error page served with 200 instead of the text: by content type or by its first bytes."""
    ctype = (fetched.content_type or "").split(";")[0].strip().lower()
    if ctype in ("text/html", "application/xhtml+xml"):
        return True
    head = fetched.body[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head


def polled_dates(today: dt.date, lookback_days: int) -> list[dt.date]:
    """``lookback_days`` days before ``today``, then ``today``: oldest first."""
    return [today - dt.timedelta(days=n) for n in range(lookback_days, -1, -1)]


class HttpSource:
    """Issues from an e-paper server: ``source.url`` with ``{date}`` names each date's manifest."""

    def __init__(
        self,
        settings: Settings,
        *,
        session: requests.Session | None = None,
        clock: Callable[[], dt.datetime] | None = None,
    ) -> None:
        src = settings.source
        if not src.url:
            raise SourceError("source.url is required for the http source")
        self.url_template = src.url
        self.lookback_days = src.lookback_days
        self.tz = settings.publication.tz
        self.sections: Mapping[int, str] = settings.sections
        self.clock = clock or (lambda: dt.datetime.now(dt.UTC))
        session = session or make_session(src.retries, src.backoff_factor, src.max_retry_after, src.deadline)
        self.fetcher = Fetcher(
            session,
            HttpCache(settings.state_dir / CACHE_NAME),
            (src.connect_timeout, src.read_timeout),
            src.deadline,
        )

    def issues(self, dates: Iterable[dt.date] | None = None) -> Iterator[Issue | SourceError]:
        """The issue of each date (default: today in the publication's zone and the lookback days)."""
        if dates is None:
            dates = polled_dates(self.clock().astimezone(self.tz).date(), self.lookback_days)
        for date in dates:
            try:
                issue = self.fetch_issue(date)
            except SourceError as exc:
                yield exc
                continue
            if issue is not None:
                yield issue

    def manifest_url(self, date: dt.date) -> str:
        return self.url_template.replace("{date}", date.isoformat())

    def fetch_issue(self, date: dt.date) -> Issue | None:
        """One date's issue; ``None`` when its manifest is 404 (not published yet)."""
        url = self.manifest_url(date)
        fetched = self.fetcher.get(url)
        if fetched.status == 404:
            return None
        meta = _parse_manifest(fetched, date)
        pages: list[Page] = []
        problems: list[str] = []
        unreadable: list[int] = []
        for number, file, name in _listed_pages(meta, url):
            try:
                pages.append(self._fetch_page(number, urljoin(url, file), name))
            except SourceError as exc:  # 404/5xx, an HTML error page, undecodable: listed, not read
                problems.append(str(exc))
                unreadable.append(number)
        publication = str(meta["publication"]) if meta.get("publication") else None
        return Issue(date, tuple(pages), publication, tuple(problems), tuple(unreadable))

    def _fetch_page(self, number: int, url: str, name: str | None) -> Page:
        fetched = self.fetcher.get(url)
        if fetched.status == 404:
            raise SourceError(f"{url}: page {number} is listed in the manifest but not there yet (404)")
        if looks_like_html(fetched):
            raise SourceError(f"{url}: page {number} is an HTML page, not the page text (an error page?)")
        decoded = decode_page(fetched.body, url, declared=fetched.declared_charset)
        section = name or self.sections.get(number) or page_label(number)
        digest = hashlib.sha256(fetched.body).hexdigest()
        return Page(number, section, decoded.text, url, decoded.encoding, digest)


def _parse_manifest(fetched: Fetched, date: dt.date) -> dict[str, Any]:
    url = fetched.url
    if looks_like_html(fetched):
        raise SourceError(f"{url}: the manifest is an HTML page, not issue.toml (an error page?)")
    try:
        meta = tomllib.loads(fetched.body.decode(fetched.declared_charset or "utf-8-sig"))
    except (UnicodeDecodeError, LookupError):
        raise SourceError(f"{url}: the manifest is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise SourceError(f"{url}: the manifest is not valid TOML: {exc}") from None
    stated = meta.get("date")
    if stated is not None and str(stated) != date.isoformat():
        raise SourceError(f"{url}: the manifest is dated {stated}, expected {date.isoformat()}")
    return meta


def _listed_pages(meta: Mapping[str, Any], url: str) -> list[tuple[int, str, str | None]]:
    entries = meta.get("pages")
    if not isinstance(entries, list) or not entries:
        raise SourceError(f"{url}: the manifest lists no [[pages]] (each needs number and file)")
    listed = []
    for entry in entries:
        try:
            number, file = int(entry["number"]), str(entry["file"])
        except (KeyError, TypeError, ValueError):
            raise SourceError(f"{url}: each [[pages]] needs number and file") from None
        name = entry.get("name")
        listed.append((number, file, str(name) if name else None))
    return sorted(listed)
