"""Reading a public file once per version: its entity tag and CRC in one pass, and whether the
``.gz`` beside it (written by the publisher, see ``publish.precompress``) is its gzip body.

A ``.gz`` is trusted only when its gzip trailer (CRC-32 and length of the uncompressed data,
RFC 1952) matches the file as read now: a sibling left from an earlier version of the file, or
renamed into place a moment before or after it, is never sent for it.
"""

from __future__ import annotations

import hashlib
import os
import stat
import struct
import zlib
from typing import BinaryIO

CHUNK = 256 * 1024
_GZIP_MAGIC = b"\x1f\x8b"


def read_and_hash(fh: BinaryIO, keep: bool) -> tuple[bytes, str, int]:
    """(the bytes if ``keep`` else b"", the entity-tag digest, CRC-32) of ``fh`` read to its end.

    The digest is ``httputil.strong_etag``'s (BLAKE2b, 12 bytes), so a file keeps its tag
    whether it is held in memory or streamed."""
    digest = hashlib.blake2b(digest_size=12)
    crc = 0
    kept = []
    while chunk := fh.read(CHUNK):
        digest.update(chunk)
        crc = zlib.crc32(chunk, crc)
        if keep:
            kept.append(chunk)
    return b"".join(kept), digest.hexdigest(), crc


def valid_sibling(path: str, crc: int, size: int, read: bool) -> tuple[os.stat_result, bytes] | None:
    """The stat of ``path`` and (when ``read``) its bytes, if it is a regular gzip file whose
    trailer says it holds ``size`` bytes with CRC-32 ``crc``; None otherwise."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode) or st.st_size < 18 or fh.read(2) != _GZIP_MAGIC:
            return None
        fh.seek(-8, os.SEEK_END)
        if struct.unpack("<II", fh.read(8)) != (crc, size & 0xFFFFFFFF):
            return None
        if not read:
            return st, b""
        fh.seek(0)
        return st, fh.read()
