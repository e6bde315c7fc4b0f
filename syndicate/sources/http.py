"""The e-paper source: one ``issue.toml`` manifest per date, page files relative to it.

Fetching (``fetch``) is made for a slow, flaky server polled every night, and one that must not
lead the pass elsewhere: retries within a deadline, conditional GETs, every page URL and redirect
on the manifest's scheme, host and port (pages also under the manifest's folder), bodies capped
on the wire and once decompressed (``source.max_page_bytes``), at most ``source.max_pages``
pages per manifest, and a body shorter or longer than its ``Content-Length`` refused. Page bytes
are decoded by ``decode_page``: the charset from ``Content-Type`` only when the server declares
one (requests would assume ISO-8859-1 for any ``text/*``), then BOM, UTF-8, GB18030.

What a pass sees: a 404 manifest means the date is not published yet (skipped, not an error); a
manifest that cannot be fetched or read yields a ``SourceError`` for the date (the next pass
retries it); a page that is missing (404), refused (an HTML error page served as 200, a URL
off the manifest's origin or folder, over a cap, cut short or too long) or undecodable is left out and named in ``Issue.problems``: the issue is published with the pages
present and completed by a later pass when the page arrives.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urljoin, urlsplit

import requests

from .. import fixes as desk_fixes
from ..errors import SourceError
from ..model import Issue, Page
from .decode import decode_page
from .fetch import CACHE_NAME, Fetched, Fetcher, HttpCache, Origin, make_session
from .folder import MAX_MANIFEST_BYTES, manifest_labels, page_label
from .localfile import page_number

if TYPE_CHECKING:
    from ..config import Settings

__all__ = ["HttpSource", "looks_like_html", "polled_dates"]


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
            src.max_page_bytes,
        )
        self.max_pages = src.max_pages

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
        fetched = self.fetcher.get(url, max_bytes=MAX_MANIFEST_BYTES)
        if fetched.status == 404:
            return None
        meta = _parse_manifest(fetched, date)
        pages: list[Page] = []
        fixes, problems = desk_fixes.parse(meta.get("fix"), url)
        unreadable: list[int] = []
        labels = manifest_labels(meta.get("pages"))
        for number, file, name in _listed_pages(meta, url, self.max_pages):
            try:
                page = self._fetch_page(number, page_url(url, number, file), name, Origin.of(url))
                pages.append(dataclasses.replace(page, label=labels.get(number, "")))
            except SourceError as exc:  # 404/5xx, an HTML error page, refused, undecodable: listed, not read
                problems.append(str(exc))
                unreadable.append(number)
        publication = str(meta["publication"]) if meta.get("publication") else None
        return Issue(date, tuple(pages), publication, tuple(problems), tuple(unreadable), fixes)

    def _fetch_page(self, number: int, url: str, name: str | None, origin: Origin) -> Page:
        fetched = self.fetcher.get(url, origin)
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


def page_url(manifest: str, number: int, file: str) -> str:
    """The URL of a listed page, refused unless it is on the manifest's scheme, host and port and
    under the manifest's folder (``..`` refused in any spelling: ``%2e%2e``, ``..%2f``, ``..\\``)."""
    url = urljoin(manifest, file)
    folder = urlsplit(manifest).path.rsplit("/", 1)[0] + "/"
    path = urlsplit(url).path
    segments = unquote(path).replace("\\", "/").split("/")
    if not Origin.of(manifest).admits(url) or not path.startswith(folder) or {".", ".."} & set(segments):
        raise SourceError(
            f"{manifest}: page {number}: file = {file!r} refused: {url} is not under"
            f" {Origin.of(manifest)}{folder} (the manifest's folder)"
        )
    return url


def _listed_pages(meta: Mapping[str, Any], url: str, max_pages: int) -> list[tuple[int, str, str | None]]:
    entries = meta.get("pages")
    if not isinstance(entries, list) or not entries:
        raise SourceError(f"{url}: the manifest lists no [[pages]] (each needs number and file)")
    if len(entries) > max_pages:
        raise SourceError(
            f"{url}: the manifest lists {len(entries)} pages, more than {max_pages} (source.max_pages)"
        )
    listed = []
    for entry in entries:
        try:
            number, file = page_number(entry["number"]), str(entry["file"])
        except (KeyError, TypeError):
            number = None
        if number is None:
            raise SourceError(f"{url}: each [[pages]] needs number (1, 2, ...) and file")
        name = entry.get("name")
        listed.append((number, file, str(name) if name else None))
    return sorted(listed)
