"""Object storage as a publish target (S3-compatible: AWS S3, Garage, SeaweedFS, Ceph RGW, MinIO).

The same outputs as on disk, as objects under ``output.url`` (``s3://bucket/prefix``):

- headers a CDN and a browser need: ``Content-Type`` per file kind, ``Cache-Control`` per area
  (pages an hour, feeds five minutes, partner files never cached by a shared cache) and
  ``Content-Encoding: gzip`` for text (stored compressed, deterministic bytes);
- the order of the disk writer, whatever order the outputs come in: items and pages first, issue
  packages and catalogs next, feeds, OPML and sitemap after, the front page last; a reader who
  follows a feed entry never meets a missing page;
- a ``.gz`` sibling of a planned file is not written (the object itself is gzip-encoded);
- an unchanged output is not written again (its SHA-256 is kept in the object's metadata), so a
  retried or repeated pass adds no object versions;
- every released partner item is also written once, for good, as ``<item>/<version>.<ext>`` with
  ``If-None-Match: *``: a second writer of the same version gets a real ``412`` from the store;
  the writer then checks that the object holds the same bytes, and refuses the pass if not (two
  different contents for one version is a bug that must not be served).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from ..errors import PublishError
from .formats import media_types
from .write import write_rank  # the disk writer's phases: one order for every target

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

CONTENT_TYPES = (  # (path suffix, Content-Type); the first that matches: the feed formats' table first
    *((suffix, f"{media_type}; charset=utf-8") for suffix, media_type in media_types()),
    ("index.opml", "text/x-opml; charset=utf-8"),
    (".xml", "application/xml; charset=utf-8"),
    (".html", "text/html; charset=utf-8"),
    ("robots.txt", "text/plain; charset=utf-8"),
    (".json", "application/json; charset=utf-8"),
)
FEED_JSON = re.compile(r"^public/[^/]+\.json$")  # JSON Feed beside each RSS/Atom feed
IMMUTABLE = "private, max-age=31536000, immutable"


class Planned(Protocol):
    """One output of a pass's plan: its path under the output root and its bytes."""

    @property
    def path(self) -> str: ...

    @property
    def data(self) -> bytes: ...


@dataclass(frozen=True)
class ObjectTarget:
    """Where ``output.url`` points: a bucket and a key prefix (no leading or trailing slash)."""

    bucket: str
    prefix: str

    @classmethod
    def parse(cls, url: str) -> ObjectTarget:
        bucket, _, prefix = url.removeprefix("s3://").partition("/")
        return cls(bucket, prefix.strip("/"))

    def key(self, path: str) -> str:
        return f"{self.prefix}/{path}" if self.prefix else path


def content_type(path: str) -> str:
    if FEED_JSON.match(path):
        return "application/feed+json; charset=utf-8"
    return next((t for suffix, t in CONTENT_TYPES if path.endswith(suffix)), "application/octet-stream")


def cache_control(path: str) -> str:
    """Partner files stay out of shared caches; pages may be withdrawn, so an hour, not forever."""
    if path.startswith("newsml/"):
        return "private, no-cache"
    if path.startswith(("public/articles/", "public/issues/")):
        return "public, max-age=3600"
    return "public, max-age=300"  # feeds, OPML, sitemap, front page: they change every pass


_VERSION_XML = re.compile(rb"<newsItem\b[^>]*\bversion=\"(\d+)\"")
_EMBARGOED_XML = re.compile(rb"<embargoed>")
_ITEM = re.compile(r"^newsml/\d{4}-\d{2}-\d{2}/(?!issue\.)[^/]+\.(xml|json)$")


def item_version(path: str, data: bytes) -> int | None:
    """The version of a released partner item (NewsML ``newsItem/@version``, ninjs ``version``);
    None for any other output, and for an item under embargo (re-rendered at release)."""
    if not _ITEM.match(path):
        return None
    if path.endswith(".xml"):
        found = _VERSION_XML.search(data)
        return int(found.group(1)) if found and not _EMBARGOED_XML.search(data) else None
    try:
        doc = json.loads(data)
    except ValueError:
        return None
    if not isinstance(doc, dict) or "version" not in doc or doc.get("embargoed"):
        return None
    return int(doc["version"])


class ObjectWriter:
    """Writes a pass's outputs as objects; counts what it wrote, skipped and found already there."""

    def __init__(self, client: S3Client, target: ObjectTarget) -> None:
        self.client = client
        self.target = target
        self.written: list[str] = []
        self.unchanged = 0
        self.already_there = 0  # write-once objects that another writer had written (412)

    def write_all(self, outputs: Iterable[Planned]) -> None:
        """Write every output in the safe order (stable within a rank); refuse the lot, before
        writing anything, when two outputs name one path."""
        planned = list(outputs)
        paths = {o.path for o in planned}
        # A file's .gz sibling (for static servers) is no object of its own: every text object
        # is stored gzip-encoded already and served with Content-Encoding.
        ordered = sorted(
            (o for o in planned if not (o.path.endswith(".gz") and o.path[: -len(".gz")] in paths)),
            key=lambda o: write_rank(o.path),
        )
        seen: set[str] = set()
        for output in ordered:
            if output.path in seen:
                raise PublishError(
                    f"{self.target.key(output.path)}: two outputs for one path in the same pass"
                )
            seen.add(output.path)
        for output in ordered:
            self.write(output.path, output.data)

    def write(self, path: str, data: bytes) -> bool:
        """Put one output unless the object already holds these bytes; False when skipped."""
        digest = hashlib.sha256(data).hexdigest()
        version = item_version(path, data)
        if version is not None:
            stem, ext = path.rsplit(".", 1)
            self._write_once(f"{stem}/{version}.{ext}", data, digest)
        key = self.target.key(path)
        if self._stored_digest(key) == digest:
            self.unchanged += 1
            return False
        self._put(key, path, data, digest, cache_control(path))
        self.written.append(path)
        return True

    def exists(self, path: str) -> bool:
        """Whether the output ``path`` is in the bucket (the front page: is the site there at all)."""
        return self._stored_digest(self.target.key(path)) is not None

    def _write_once(self, path: str, data: bytes, digest: str) -> None:
        key = self.target.key(path)
        try:
            self._put(key, path, data, digest, IMMUTABLE, IfNoneMatch="*")
        except PublishError as exc:
            if not isinstance(exc.__cause__, Exception) or _status(exc.__cause__) != 412:
                raise
            if self._stored_digest(key) != digest:
                raise PublishError(
                    f"s3://{self.target.bucket}/{key}: this version was already written with other content"
                ) from None
            self.already_there += 1
            return
        self.written.append(path)

    def _put(self, key: str, path: str, data: bytes, digest: str, cache: str, **extra: Any) -> None:
        kind = content_type(path)
        options: dict[str, Any] = {"ContentType": kind, "CacheControl": cache, "Metadata": {"sha256": digest}}
        body = data
        if not kind.startswith("application/octet-stream"):
            body = gzip.compress(data, mtime=0)
            options["ContentEncoding"] = "gzip"
        try:
            self.client.put_object(Bucket=self.target.bucket, Key=key, Body=body, **options, **extra)
        except Exception as exc:  # botocore's ClientError and connection errors
            raise PublishError(f"s3://{self.target.bucket}/{key}: cannot write: {exc}") from exc

    def _stored_digest(self, key: str) -> str | None:
        try:
            head = self.client.head_object(Bucket=self.target.bucket, Key=key)
        except Exception as exc:
            if _status(exc) == 404:
                return None
            raise PublishError(f"s3://{self.target.bucket}/{key}: cannot read: {exc}") from exc
        return head.get("Metadata", {}).get("sha256")


def _status(exc: BaseException) -> int | None:
    response = getattr(exc, "response", None)
    if not isinstance(response, dict):
        return None
    status = response.get("ResponseMetadata", {}).get("HTTPStatusCode")
    return int(status) if status is not None else None


def client_for(endpoint_url: str | None) -> S3Client:
    """A boto3 S3 client (credentials from the usual AWS variables, files or instance role)."""
    import boto3
    from botocore.config import Config

    config = Config(retries={"max_attempts": 5, "mode": "standard"}, s3={"addressing_style": "path"})
    return boto3.client("s3", endpoint_url=endpoint_url, config=config)


def writer_for(url: str, endpoint_url: str | None) -> ObjectWriter:
    """A writer for the bucket and prefix of ``output.url``."""
    return ObjectWriter(client_for(endpoint_url), ObjectTarget.parse(url))


def write_outputs(url: str, endpoint_url: str | None, outputs: Sequence[Planned]) -> ObjectWriter:
    """Write a whole plan of outputs to ``url``; returns the writer with its counts."""
    writer = ObjectWriter(client_for(endpoint_url), ObjectTarget.parse(url))
    writer.write_all(outputs)
    return writer
