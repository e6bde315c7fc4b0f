"""Reading files of a drop folder as an untrusted input: what a manifest names, or what lies there.

A page is read only when it is a regular file whose real path (symlinks resolved) lies inside
the drop folder, and only up to a size cap. The file is opened non-blocking, so that a FIFO
answers at once (and is refused by its type) instead of holding the pass and its lock; the type
is checked on the open descriptor and the read stops one byte past the cap, so that
``/dev/zero`` or a runaway file cannot fill memory.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from .. import lazyre
from ..errors import SourceError

# ASCII digits only: ``\d`` and ``int()`` also take Arabic-Indic, full-width and other digits,
# so that ``page-١.txt`` would be read as page 1.
ASCII_NUMBER = lazyre.compile(r"[0-9]{1,4}", re.ASCII)

# Defaults of source.max_page_bytes and source.max_pages (config.Source).
DEFAULT_MAX_PAGE_BYTES = 16 * 1024 * 1024
DEFAULT_MAX_PAGES = 500


@dataclass(frozen=True)
class ReadLimits:
    """Caps on what one issue may make a pass read (source.max_page_bytes, source.max_pages)."""

    max_page_bytes: int = DEFAULT_MAX_PAGE_BYTES
    max_pages: int = DEFAULT_MAX_PAGES


DEFAULT_LIMITS = ReadLimits()

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def page_number(value: Any) -> int | None:
    """A manifest's page ``number``: a TOML integer >= 1 or a string of ASCII digits; else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 1 else None
    if isinstance(value, str) and ASCII_NUMBER.fullmatch(value) and int(value) >= 1:
        return int(value)
    return None


def listed_file(folder: Path, value: Any, where: str) -> Path:
    """The path a manifest's ``file`` names, refused unless it is a relative name inside ``folder``."""
    name = str(value)
    pure = PurePosixPath(name)
    if not name or pure.is_absolute() or ".." in pure.parts or "\x00" in name:
        raise SourceError(
            f"{where}: file = {name!r} refused: a page file must be named inside the issue folder"
        )
    return folder / pure


def _inside(real: str, root: str) -> bool:
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def is_inside(path: Path, root: Path) -> bool:
    """Whether ``path``, symlinks resolved, lies inside ``root`` (itself resolved)."""
    return _inside(os.path.realpath(path), os.path.realpath(root))


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def read_capped(
    path: Path, root: Path, limit: int, what: str = "page", limit_key: str = "source.max_page_bytes"
) -> bytes:
    """The bytes of ``path``; ``SourceError`` naming it when it leaves ``root``, is not a regular
    file, cannot be read or holds more than ``limit`` bytes (the setting ``limit_key``)."""
    too_big = f"more than {limit} bytes ({limit_key})"
    real = os.path.realpath(path)
    if not is_inside(path, root):
        raise SourceError(f"{path}: {what} refused: it leads outside the drop folder {root} (to {real})")
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(real, flags)
    except OSError as exc:
        raise SourceError(f"{path}: cannot read {what}: {exc.strerror}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise SourceError(f"{path}: {what} refused: {_kind(st.st_mode)}, not a regular file")
        if st.st_size > limit:
            raise SourceError(f"{path}: {what} refused: {st.st_size} bytes, {too_big}")
        with os.fdopen(os.dup(fd), "rb") as fh:
            data = fh.read(limit + 1)  # the file may have grown since fstat
    except OSError as exc:
        raise SourceError(f"{path}: cannot read {what}: {exc.strerror}") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise SourceError(f"{path}: {what} refused: {too_big}")
    return data
