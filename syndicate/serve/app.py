"""The WSGI application: routing, public files, partner pulls. Read-only; never writes under out.

Routes::

    GET|HEAD /                                            public/index.html
    GET|HEAD /<name>                                      public/<name>
    GET|HEAD /partners/<id>/index.atom[?since=RFC3339]    the partner's Atom index (bearer token)
    GET|HEAD /partners/<id>/newsml/<date>/<article>.xml   one NewsML-G2 item (bearer token)
    GET|HEAD /partners/<id>/ninjs/<date>/<article>.json   the same item as ninjs 2.2 (bearer token)
    GET|HEAD /healthz                                     the last pass's time and outcome (200 or 503)
    GET|HEAD /metrics                                     Prometheus text format

Every refusal about *what* is asked (missing, outside the root, another section, under embargo)
is the same ``404``; only a bad or missing credential is ``401``, and a bad ``since`` ``400``.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar
from urllib.parse import parse_qs, quote
from wsgiref.types import StartResponse, WSGIEnvironment
from wsgiref.util import FileWrapper

from ..config import Partner, Settings
from ..publish import ninjs
from . import partners as p
from .files import Entry, FileStore, MustLoad, decode_path, safe_parts
from .gzfiles import CHUNK
from .health import Metrics, healthz
from .httputil import (
    BASE_HEADERS,
    Response,
    accepts_gzip,
    is_not_modified,
    method_not_allowed,
    not_found,
    plain,
    strong_etag,
)
from .partner_index import IndexCache
from .partner_index import Request as IndexRequest
from .redact import Redactor

log = logging.getLogger("syndicate.serve")

Clock = Callable[[], dt.datetime]
_K = TypeVar("_K")
_V = TypeVar("_V")

# Feed readers poll every few minutes; five minutes of freshness keeps CDNs and readers from
# asking more often than a nightly job can change anything, and revalidation is a cheap 304.
PUBLIC_CACHE_CONTROL = "public, max-age=300"
# Partner answers depend on the credential: no shared cache may keep them, the partner may
# revalidate with its ETag.
PARTNER_CACHE_CONTROL = "private, no-cache"
_UNAUTHORIZED_HEADERS = [("WWW-Authenticate", 'Bearer realm="syndicate"')]
_READ_METHODS = ("GET", "HEAD")
_HIDDEN_TOP = frozenset({"partners", "newsml", "state"})
_ROUTE_WORDS = ("index.atom", "newsml", "ninjs")
# Per-request work a polling partner repeats, kept by what decides it (each memo is emptied when
# full, so a flood of distinct requests costs memory up to this bound, then the plain work).
MEMO_SIZE = 4096


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _newsml_type(name: str) -> str:
    return ninjs.MEDIA_TYPE if name.endswith(".json") else p.NEWSITEM_TYPE


def _request_base(environ: WSGIEnvironment) -> str:
    """scheme://host[/prefix] as the client addressed us (the adapter applies trusted proxy headers)."""
    scheme = environ.get("wsgi.url_scheme", "http")
    host = (
        environ.get("HTTP_HOST")
        or f"{environ.get('SERVER_NAME', 'localhost')}:{environ.get('SERVER_PORT', '80')}"
    )
    prefix = environ.get("SCRIPT_NAME", "")
    return f"{scheme}://{host}{quote(prefix) if prefix else ''}"


def file_response(entry: Entry, environ: WSGIEnvironment, cache_control: str, gzip_ok: bool) -> Response:
    """200 or 304 for a file, gzip-encoded when the client takes it and it is worth it.

    This is the hot path of a polling feed reader: one stat (in the store), one header compare.
    """
    headers = [
        ("ETag", entry.etag),
        ("Last-Modified", entry.last_modified),
        ("Cache-Control", cache_control),
        *BASE_HEADERS,
    ]
    use_gzip = False
    if entry.compressible:
        headers.append(("Vary", "Accept-Encoding"))
        use_gzip = gzip_ok and entry.has_gzip
        if use_gzip:
            headers[0] = ("ETag", entry.etag_gz)
    # Only the tag of the representation about to be sent: a client holding the gzip body's tag
    # that now asks without gzip must get the identity body, not a 304 for bytes it never had.
    sent_etag = headers[0][1]
    if is_not_modified(
        environ.get("HTTP_IF_NONE_MATCH"), environ.get("HTTP_IF_MODIFIED_SINCE"), (sent_etag,), entry.mtime
    ):
        return Response("304 Not Modified", headers)
    headers.append(("Content-Type", entry.content_type))
    if use_gzip:
        headers.append(("Content-Encoding", "gzip"))
    if not entry.streamed:
        body = entry.gz if use_gzip and entry.gz is not None else entry.body
        return Response("200 OK", [*headers, ("Content-Length", str(len(body)))], body)
    stream = entry.open(use_gzip)
    if stream is None:  # renamed over between the stat and the open: a moment, ask again
        return plain("503 Service Unavailable", "being replaced, try again", [("Retry-After", "1")])
    size = entry.sibling.size if use_gzip and entry.sibling else entry.size
    return Response("200 OK", [*headers, ("Content-Length", str(size))], stream=stream)


class App:
    """The WSGI callable. ``clock`` returns an aware "now" (injected by tests; UTC by default)."""

    def __init__(self, settings: Settings, clock: Clock = _utcnow) -> None:
        out = Path(settings.out_dir)
        self.settings = settings
        self.clock = clock
        self.public = FileStore(out / "public", forbidden=(out / "newsml", settings.state_dir))
        self.newsml = FileStore(out / "newsml", content_type=_newsml_type, forbidden=(settings.state_dir,))
        self.catalog = p.Catalog(out / "newsml" / "catalog.json", settings.publication)
        self.indexes = IndexCache(settings.publication)
        self.partners: dict[str, Partner] = {partner.id: partner for partner in settings.partners}
        self._index_paths = {pid: f"/partners/{quote(pid)}/index.atom" for pid in self.partners}
        # Tokens a client puts in a path or query string never reach the log.
        self.redactor = Redactor(
            (partner.token_sha256 for partner in settings.partners), known=(*self.partners, *_ROUTE_WORDS)
        )
        self.metrics = Metrics(settings.state_dir)
        # (partner id, Authorization header) that authenticated: a poll repeats both. Only
        # successes are kept, so a wrong token still costs the digest and constant-time compare.
        self._verified: dict[tuple[str, str], Partner] = {}
        # The partner log line's text by everything it shows (the redactor's scan done once).
        self._log_lines: dict[tuple[str, str, str, str, str], str] = {}
        # The index request (since parsed, self URL built) by the partner and what the URL says.
        self._index_requests: dict[tuple[str, str, str], IndexRequest | str] = {}

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        try:
            response = self.handle(environ)
        except Exception:  # one broken request must not take the server down, nor leak a traceback
            target = self.redactor.target(environ.get("PATH_INFO", ""), environ.get("QUERY_STRING", ""))
            log.exception("error answering %s %s", environ.get("REQUEST_METHOD"), target)
            response = plain("500 Internal Server Error", "internal error")
        self.metrics.count(response.status)
        start_response(response.status, response.headers)
        if environ.get("REQUEST_METHOD") == "HEAD":
            if response.stream is not None:
                response.stream.close()
            return []  # headers (Content-Length included) as for GET, no body
        if response.stream is not None:
            return FileWrapper(response.stream, CHUNK)  # closed by the WSGI server when done
        return [response.body]

    def handle(self, environ: WSGIEnvironment) -> Response:
        """Route one request to a response."""
        return self._handle(environ, quick=False)

    def answer_now(self, environ: WSGIEnvironment) -> Response | None:
        """The response if it needs no blocking work, else None (then ``handle`` it in a thread).

        Blocking work is reading a changed catalog and rendering a partner index; everything else
        (public files, a partner's 304 or an index already rendered) is answered at once, so the
        server's event loop keeps partner revalidations at the rate of public files."""
        try:
            return self._handle(environ, quick=True)
        except (_MustBlock, MustLoad):
            return None

    def _handle(self, environ: WSGIEnvironment, quick: bool) -> Response:
        method = environ.get("REQUEST_METHOD", "GET")
        if method not in _READ_METHODS:
            return method_not_allowed()
        path = decode_path(environ.get("PATH_INFO", "") or "/")
        if path is None or not path.startswith("/"):
            return not_found()
        if path.startswith("/partners/"):
            return self.partner(environ, path[len("/partners/") :], quick)
        if path in ("/healthz", "/metrics"):
            if quick:
                raise _MustBlock  # they read the last pass's record: not in the event loop
            if path == "/metrics":
                return self.metrics.response()
            max_age = dt.timedelta(hours=self.settings.health.max_age_hours)
            return healthz(self.settings.state_dir, max_age, self.clock())
        return self.public_file(environ, path[1:], quick)

    # --- public ----------------------------------------------------------------------------------

    def public_file(self, environ: WSGIEnvironment, rel: str, quick: bool = False) -> Response:
        """``public/<rel>``; ``/`` and ``dir/`` mean their index.html."""
        if rel == "" or rel.endswith("/"):
            rel += "index.html"
        parts = safe_parts(rel)
        if parts is None or parts[0] in _HIDDEN_TOP:
            return not_found()
        entry = self.public.get(parts, quick)
        if entry is None:
            return not_found()
        gzip_ok = entry.compressible and _gzip_ok(environ)
        return file_response(entry, environ, PUBLIC_CACHE_CONTROL, gzip_ok)

    # --- partners --------------------------------------------------------------------------------

    def partner(self, environ: WSGIEnvironment, rel: str, quick: bool = False) -> Response:
        """Answer a partner request and log it with the partner id and outcome (never the token)."""
        response, note = self._partner(environ, rel, quick)
        query = environ.get("QUERY_STRING", "")
        key = (rel, query, environ.get("REQUEST_METHOD", ""), response.status, note)
        line = self._log_lines.get(key)
        if line is None:
            line = "partner={} {} /partners/{}{} -> {}{}".format(
                self.redactor.path(rel.split("/", 1)[0]),
                key[2],
                self.redactor.path(rel),
                "?" + self.redactor.query(query) if query else "",
                response.status.split(" ", 1)[0],
                f" ({note})" if note else "",
            )
            _remember(self._log_lines, key, line)
        # the text as the message, no arguments: logging does not %-format it again
        log.log(logging.WARNING if response.status.startswith("401") else logging.INFO, line)
        return response

    def _partner(self, environ: WSGIEnvironment, rel: str, quick: bool) -> tuple[Response, str]:
        parts = safe_parts(rel)
        if parts is None:
            # Path checks come before the credential: a traversal attempt learns nothing either way.
            return not_found(), "refused path"
        authorization = environ.get("HTTP_AUTHORIZATION")
        partner = self._verified.get((parts[0], authorization)) if authorization else None
        if partner is None:
            known = self.partners.get(parts[0])
            if known is None or not p.authenticate(known, authorization):
                if known is None:
                    p.authenticate(None, authorization)  # same work as for a known id: timing tells nothing
                    note = "unknown partner"
                else:
                    note = "no bearer token" if p.bearer_token(authorization) is None else "wrong token"
                return plain("401 Unauthorized", "unauthorized", _UNAUTHORIZED_HEADERS), note
            partner = known
            if authorization:
                _remember(self._verified, (parts[0], authorization), partner)
        rest = parts[1:]
        if rest == ("index.atom",):
            return self.partner_index(environ, partner, quick), ""
        if len(rest) == 3 and rest[0] == "newsml" and rest[2].endswith(".xml"):
            return self.partner_item(environ, partner, rest[1], rest[2][: -len(".xml")], quick), ""
        if len(rest) == 3 and rest[0] == "ninjs" and rest[2].endswith(".json"):
            return self.partner_ninjs(environ, partner, rest[1], rest[2][: -len(".json")], quick), ""
        return not_found(), ""

    def partner_index(self, environ: WSGIEnvironment, partner: Partner, quick: bool = False) -> Response:
        """The partner's Atom index, filtered by ``since`` when given."""
        raw_query, base = environ.get("QUERY_STRING", ""), _request_base(environ)
        key = (partner.id, raw_query, base)
        request = self._index_requests.get(key)
        if request is None:
            request = self._index_request(partner, raw_query, base)
            _remember(self._index_requests, key, request)
        if isinstance(request, str):
            return plain("400 Bad Request", request)
        index = self.indexes.get(self._catalog(quick), request, self.clock())
        headers = [("ETag", index.etag), ("Cache-Control", PARTNER_CACHE_CONTROL), *BASE_HEADERS]
        if is_not_modified(environ.get("HTTP_IF_NONE_MATCH"), None, (index.etag,), None):
            return Response("304 Not Modified", headers)  # known before (and without) rendering
        if quick and not index.rendered:
            raise _MustBlock
        body = index.body()
        headers += [("Content-Type", "application/atom+xml"), ("Content-Length", str(len(body)))]
        return Response("200 OK", headers, body)

    def _index_request(self, partner: Partner, raw_query: str, base: str) -> IndexRequest | str:
        """What the index URL asks for, or why it is a bad request."""
        query = parse_qs(raw_query, keep_blank_values=True) if raw_query else {}
        since: dt.datetime | None = None
        if "since" in query:
            values = query["since"]
            since = p.parse_rfc3339(values[0]) if len(values) == 1 else None
            if since is None:
                return "since must be one RFC 3339 date-time with an offset"
        self_url = base + self._index_paths[partner.id]
        if raw_query:
            self_url += "?" + raw_query
        return IndexRequest(partner, since, base, self_url)

    def partner_item(
        self, environ: WSGIEnvironment, partner: Partner, date: str, article: str, quick: bool = False
    ) -> Response:
        """One NewsML item, if the catalog lists it and the partner may see it now."""
        item = self._catalog(quick).by_key.get((date, article))
        if item is None or not item.visible_to(partner, self.clock()):
            return not_found()
        parts = safe_parts(item.path)
        entry = None if parts is None else self.newsml.get(parts, quick)
        if entry is None:
            return not_found()
        return file_response(entry, environ, PARTNER_CACHE_CONTROL, entry.compressible and _gzip_ok(environ))

    def _catalog(self, quick: bool) -> p.Snapshot:
        """The catalog; when answering ``quick``, only if it needs no (re-)reading."""
        snapshot = self.catalog.current() if quick else self.catalog.snapshot()
        if snapshot is None:
            raise _MustBlock
        return snapshot

    def partner_ninjs(
        self, environ: WSGIEnvironment, partner: Partner, date: str, article: str, quick: bool = False
    ) -> Response:
        """The item as ninjs: the same catalog entry decides (rights, embargo, version); the JSON
        beside the NewsML file, its times in UTC when the partner (or ``?times=utc``) asks."""
        item = self._catalog(quick).by_key.get((date, article))
        if item is None or not item.visible_to(partner, self.clock()):
            return not_found()
        parts = safe_parts(item.path.removesuffix(".xml") + ".json")
        entry = None if parts is None else self.newsml.get(parts, quick)
        if entry is None:
            return not_found()
        times = parse_qs(environ.get("QUERY_STRING", "")).get("times", [partner.times])[-1]
        if times not in ("local", "utc"):
            return plain("400 Bad Request", "times must be local or utc")
        if times == "local":
            return file_response(
                entry, environ, PARTNER_CACHE_CONTROL, entry.compressible and _gzip_ok(environ)
            )
        body = ninjs.in_utc(entry.body)
        etag = strong_etag(body)
        headers = [("ETag", etag), ("Cache-Control", PARTNER_CACHE_CONTROL), *BASE_HEADERS]
        if is_not_modified(environ.get("HTTP_IF_NONE_MATCH"), None, (etag,), None):
            return Response("304 Not Modified", headers)
        headers += [("Content-Type", ninjs.MEDIA_TYPE), ("Content-Length", str(len(body)))]
        return Response("200 OK", headers, body)


class _MustBlock(Exception):
    """``App.answer_now``: this answer needs blocking work (read the catalog, render an index)."""


def _remember(memo: dict[_K, _V], key: _K, value: _V) -> None:
    if len(memo) >= MEMO_SIZE:
        memo.clear()
    memo[key] = value


def _gzip_ok(environ: WSGIEnvironment) -> bool:
    return accepts_gzip(environ.get("HTTP_ACCEPT_ENCODING"))
