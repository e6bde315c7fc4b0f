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
from typing import BinaryIO

from ..publish.formats import media_types
from .gzfiles import read_and_hash, valid_sibling
from .httputil import http_date

# Larger files are streamed from disk in a worker thread, not kept in memory (nor compressed here).
STREAM_FROM = 1024 * 1024
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
        # (isprintable first: a printable segment has no control character, one C scan for most)
        if "\\" in part or (not part.isprintable() and any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in part)):
            return None
    return parts


def _inside(path: str, root: str) -> bool:
    return path.startswith(root + os.sep)


class MustLoad(Exception):
    """``FileStore.get(quick=True)``: the file must be read first (not in the event loop)."""


@dataclass(frozen=True, slots=True)
class Sibling:
    """A valid ``<file>.gz`` beside a streamed file, as last seen."""

    path: str
    key: tuple[int, int, int, int]
    size: int


@dataclass(slots=True)
class Entry:
    """One file as last seen: identity (for re-validation), metadata for headers, the body (held
    in memory up to ``STREAM_FROM`` bytes, with its gzip body; larger files are streamed from disk,
    gzip-encoded only from the ``.gz`` the publisher wrote beside them)."""

    key: tuple[int, int, int, int]  # (st_dev, st_ino, st_size, st_mtime_ns)
    path: str  # the path as requested (symlinks not resolved), re-stat'ed on every hit
    real: str  # the resolved path, reopened to stream a large file
    content_type: str
    body: bytes  # b"" when streamed
    size: int
    etag: str
    etag_gz: str
    mtime: int  # whole seconds, what Last-Modified can say
    last_modified: str
    compressible: bool
    gz: bytes | None = field(default=None, repr=False)  # in memory: the gzip body
    sibling: Sibling | None = None  # streamed: a valid .gz beside the file

    @property
    def streamed(self) -> bool:
        return self.size > STREAM_FROM

    @property
    def has_gzip(self) -> bool:
        return self.gz is not None or self.sibling is not None

    def open(self, gzip_body: bool) -> BinaryIO | None:
        """A streamed body, opened (non-blocking for a regular file) and checked to be the version
        the headers describe; None when the publisher replaced it since."""
        path, key = (
            (self.sibling.path, self.sibling.key) if gzip_body and self.sibling else (self.real, self.key)
        )
        try:
            fh = open(path, "rb", buffering=0)  # noqa: SIM115 (closed by whoever sends it)
        except OSError:
            return None
        if _key(os.fstat(fh.fileno())) != key:
            fh.close()
            return None
        return fh


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

    def get(self, parts: tuple[str, ...], quick: bool = False) -> Entry | None:
        """The current file at ``root/parts`` (already checked by :func:`safe_parts`), or None.

        ``quick`` (in the event loop): raise ``MustLoad`` rather than read a file that is not
        cached as it is now (reading, hashing and compressing it belong in a worker thread)."""
        candidate = os.path.join(self.root, *parts)
        entry = self._cache.get(candidate)
        try:
            st = os.stat(candidate)
        except OSError:
            return None
        if entry is not None and _key(st) == entry.key:
            return entry
        if quick:
            raise MustLoad
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
                body, digest, crc = read_and_hash(fh, keep=st.st_size <= STREAM_FROM)
        except OSError:
            return None
        finally:
            os.close(fd)
        ctype = self._content_type(candidate)
        etag = '"' + digest + '"'
        mtime = int(st.st_mtime)
        entry = Entry(
            key=_key(st),
            path=candidate,
            real=real,
            content_type=ctype,
            body=body,
            size=st.st_size,
            etag=etag,
            etag_gz=etag[:-1] + '-gz"',  # a gzip body is another representation: its own strong tag
            mtime=mtime,
            last_modified=http_date(mtime),
            compressible=is_compressible(ctype) and st.st_size >= MIN_GZIP_SIZE,
        )
        if entry.compressible:
            self._add_gzip(entry, crc)
        self._remember(candidate, entry)
        return entry

    def _add_gzip(self, entry: Entry, crc: int) -> None:
        """The gzip body: the publisher's ``.gz`` when it is the current file's, else (for a file
        held in memory) compressed here once per version (mtime=0 keeps it reproducible)."""
        real = entry.real + ".gz"
        allowed = self._allowed(os.path.realpath(real))
        found = valid_sibling(real, crc, entry.size, read=not entry.streamed) if allowed else None
        if entry.streamed:
            entry.sibling = None if found is None else Sibling(real, _key(found[0]), found[0].st_size)
        elif found is not None:
            entry.gz = found[1]
        if not entry.streamed and entry.gz is None:
            entry.gz = gzip.compress(entry.body, compresslevel=6, mtime=0)

    def _remember(self, candidate: str, entry: Entry) -> None:
        with self._lock:
            old = self._cache.pop(candidate, None)
            if old is not None:
                self._cached_bytes -= _cost(old)
            if self._cached_bytes + _cost(entry) > MAX_CACHE_BYTES:
                self._cache.clear()
                self._cached_bytes = 0
            self._cache[candidate] = entry
            self._cached_bytes += _cost(entry)


def _cost(entry: Entry) -> int:
    return len(entry.body) + len(entry.gz or b"")
