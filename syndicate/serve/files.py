"""Read-only file access under one root, with a stat-checked cache of bodies, entity tags and gzip.

A request path becomes a file only through :func:`safe_parts` (no ``..``, no hidden or temporary
names, no NUL or backslash) and :meth:`FileStore.get` (the resolved real path must lie inside the
root, so a symlink pointing out of it is refused). Cached entries are re-validated with one
``stat`` per request: the publisher replaces files atomically (rename), which changes the inode,
so a new feed is seen on the very next request while a feed reader's 304 costs no read.
"""

from __future__ import annotations

import gzip
import os
import stat
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..publish.formats import media_types
from .httputil import http_date, strong_etag

# Larger files are still served, but read per request rather than kept in memory.
MAX_CACHED_FILE = 16 * 1024 * 1024
# Past this many cached bytes the cache starts over: simpler than LRU, and the working set
# (a few dozen feeds, a front page, recent article pages) is far smaller.
MAX_CACHE_BYTES = 128 * 1024 * 1024
# Below this, gzip saves less than its header costs.
MIN_GZIP_SIZE = 256

_PUBLIC_TYPES: tuple[tuple[str, str], ...] = (
    *media_types(),  # the feed formats' table first: "x.rss.xml" is a feed, not generic XML
    (".opml", "text/x-opml"),
    (".html", "text/html; charset=utf-8"),
    (".htm", "text/html; charset=utf-8"),
    (".xml", "application/xml"),
    (".json", "application/json"),
    (".txt", "text/plain; charset=utf-8"),
    (".css", "text/css; charset=utf-8"),
    (".js", "text/javascript; charset=utf-8"),
    (".svg", "image/svg+xml"),
    (".png", "image/png"),
    (".jpg", "image/jpeg"),
    (".jpeg", "image/jpeg"),
    (".gif", "image/gif"),
    (".webp", "image/webp"),
    (".ico", "image/x-icon"),
)
_COMPRESSIBLE_PREFIXES = ("text/", "application/", "image/svg+xml")
_INCOMPRESSIBLE = ("application/octet-stream",)


def public_content_type(name: str) -> str:
    """The media type for a public file, by its name's suffix."""
    lowered = name.lower()
    for suffix, ctype in _PUBLIC_TYPES:
        if lowered.endswith(suffix):
            return ctype
    return "application/octet-stream"


def is_compressible(content_type: str) -> bool:
    """Text-like types gain from gzip; images and unknown binaries do not."""
    return content_type.startswith(_COMPRESSIBLE_PREFIXES) and content_type not in _INCOMPRESSIBLE


def decode_path(path_info: str) -> str | None:
    """PEP 3333 hands PATH_INFO over as latin-1 text of the raw bytes; read them as UTF-8 (or refuse)."""
    try:
        return path_info.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None


def safe_parts(path: str) -> tuple[str, ...] | None:
    """Split a decoded URL path (after its leading ``/``) into safe segments, or None to refuse it.

    Refused: empty segments (``//``, which would make an absolute path), ``.``/``..`` and anything
    hidden (a leading dot also covers the publisher's in-progress files), ``*.tmp`` and ``*~``,
    NUL, backslashes and other control characters. Percent-encoding was already undone by the
    server, so ``%2e%2e`` arrives here as ``..``.
    """
    parts = tuple(path.split("/"))
    for part in parts:
        if not part or part[0] == "." or part.endswith((".tmp", "~")):
            return None
        if "\\" in part or any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in part):
            return None
    return parts


def _inside(path: str, root: str) -> bool:
    return path.startswith(root + os.sep)


@dataclass(slots=True)
class Entry:
    """One file as last seen: identity (for re-validation), metadata for headers, the body."""

    key: tuple[int, int, int, int]  # (st_dev, st_ino, st_size, st_mtime_ns)
    path: str  # the path as requested (symlinks not resolved), re-stat'ed on every hit
    content_type: str
    body: bytes
    etag: str
    etag_gz: str
    mtime: int  # whole seconds, what Last-Modified can say
    last_modified: str
    compressible: bool
    etags: tuple[str, str] = ("", "")
    _gz: bytes | None = field(default=None, repr=False)

    def gzipped(self) -> bytes:
        """The gzip body, made once per version of the file (mtime=0 keeps it reproducible)."""
        if self._gz is None:
            self._gz = gzip.compress(self.body, compresslevel=6, mtime=0)
        return self._gz


def _key(st: os.stat_result) -> tuple[int, int, int, int]:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


class FileStore:
    """Files under ``root`` by relative path segments; never writes anything.

    ``forbidden`` are folders that must never be served even if reachable from ``root`` (the
    NewsML export and the state folder, should a configuration or a symlink put them inside).
    """

    def __init__(
        self,
        root: Path,
        content_type: Callable[[str], str] = public_content_type,
        forbidden: tuple[Path, ...] = (),
    ) -> None:
        self.root = root
        self._content_type = content_type
        self._forbidden = forbidden
        self._cache: dict[str, Entry] = {}
        self._cached_bytes = 0
        self._lock = threading.Lock()

    def get(self, parts: tuple[str, ...]) -> Entry | None:
        """The current file at ``root/parts`` (already checked by :func:`safe_parts`), or None."""
        candidate = os.path.join(self.root, *parts)
        entry = self._cache.get(candidate)
        if entry is not None:
            try:
                if _key(os.stat(candidate)) == entry.key:
                    return entry
            except OSError:
                pass
        return self._load(candidate)

    def _allowed(self, real: str) -> bool:
        # Resolved on every load rather than once: the root may be a symlink that a deployment swaps.
        root = os.path.realpath(self.root)
        if not _inside(real, root):
            return False
        return not any(real == (f := os.path.realpath(p)) or _inside(real, f) for p in self._forbidden)

    def _load(self, candidate: str) -> Entry | None:
        real = os.path.realpath(candidate)
        if not self._allowed(real):
            return None
        try:
            # O_NOFOLLOW: the resolved path has no symlinks left; refuse one that appeared since.
            fd = os.open(real, os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0))
        except OSError:
            return None
        try:
            # fstat + read on the same descriptor: body and metadata belong to one version even
            # if the publisher renames a new file into place meanwhile.
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                return None
            with os.fdopen(fd, "rb", closefd=False) as fh:
                body = fh.read()
        except OSError:
            return None
        finally:
            os.close(fd)
        ctype = self._content_type(candidate)
        etag = strong_etag(body)
        etag_gz = etag[:-1] + '-gz"'  # a gzip body is another representation: its own strong tag
        mtime = int(st.st_mtime)
        entry = Entry(
            key=_key(st),
            path=candidate,
            content_type=ctype,
            body=body,
            etag=etag,
            etag_gz=etag_gz,
            mtime=mtime,
            last_modified=http_date(mtime),
            compressible=is_compressible(ctype) and len(body) >= MIN_GZIP_SIZE,
            etags=(etag, etag_gz),
        )
        if len(body) <= MAX_CACHED_FILE:
            self._remember(candidate, entry)
        return entry

    def _remember(self, candidate: str, entry: Entry) -> None:
        with self._lock:
            old = self._cache.pop(candidate, None)
            if old is not None:
                self._cached_bytes -= len(old.body)
            if self._cached_bytes + len(entry.body) > MAX_CACHE_BYTES:
                self._cache.clear()
                self._cached_bytes = 0
            self._cache[candidate] = entry
            self._cached_bytes += len(entry.body)
