"""A cheap check that a drop-folder issue is as it was last read: names, sizes and times of its files.

A nightly ``run`` sees every issue folder of the drop folder; reading, decoding and hashing them
all to find the one new issue costs ~2 ms a folder, 7 s a night after ten years. So when a folder
is read, its *stamp* (a digest of every file's name, size, modification time and inode, and of
the settings that shape its reading) is recorded in the store with the issue's content hash; on
the next pass a folder whose stamp is unchanged is delivered as ``Unchanged``, nothing read. The
pipeline still compares the recorded content hash with the store's: if the store holds other
content for that date (another folder claimed it), the folder is read in full after all.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path
from typing import Protocol

from ..model import Issue

_KEY = "folder-stamp:"  # + the folder's path: a store setting, "<stamp> <date> <content hash>"
# A file changed this recently might change again within the file system's time granularity
# without its stamp changing (git's "racy" entries): such a folder gets no stamp, it is read.
SETTLED_NS = 2_000_000_000
_NAME = attrgetter("name")  # a listing's sort key (a C call, not a lambda: ~8 a folder, every folder)


class StampBook(Protocol):
    """Where stamps are kept (the article store's settings)."""

    def settings_under(self, prefix: str) -> dict[str, str]: ...

    def set_setting(self, key: str, value: str) -> None: ...


@dataclass(frozen=True)
class Pending:
    """An issue folder to read when the pass takes it (its date known from its name or manifest),
    so that a pass over many new folders holds one issue's pages at a time, not all of them."""

    date: dt.date
    origin: str  # the folder, for messages
    read: Callable[[], Issue]  # the full reading (``SourceError`` when it cannot be read)


@dataclass(frozen=True)
class Unchanged(Pending):
    """An issue folder whose files are as when it was read last, with what that reading gave
    (``read``: the full reading, when the store no longer holds that content)."""

    content_hash: str = ""


def folder_stamp(folder: Path | str, context: str) -> str | None:
    """Digest of every file under ``folder`` (name, size, mtime, inode) and of ``context``; None
    when a file cannot be looked at or has just changed (then the folder is simply read)."""
    settled = time.time_ns() - SETTLED_NS
    lines = [context]
    pending = [(str(folder), "")]
    try:
        while pending:
            where, prefix = pending.pop()
            with os.scandir(where) as listing:
                entries = sorted(listing, key=_NAME)
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    pending.append((entry.path, f"{prefix}{entry.name}/"))
                    continue
                st = entry.stat()  # a symlink's target: its change counts
                if st.st_mtime_ns > settled or st.st_ctime_ns > settled:
                    return None
                lines.append(f"{prefix}{entry.name}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ino}")
    except OSError:
        return None
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def recorded_stamps(book: StampBook) -> dict[str, str]:
    """Every recorded stamp by folder path, read at once: one query a pass, not one a folder
    (a nightly ``run`` looks at every folder of a drop folder growing by one a day)."""
    return {key[len(_KEY) :]: value for key, value in book.settings_under(_KEY).items()}


def recorded(stamps: Mapping[str, str], folder: Path | str, stamp: str) -> tuple[dt.date, str] | None:
    """(date, content hash) recorded for ``folder`` under ``stamp`` (in ``recorded_stamps``), or None."""
    value = stamps.get(os.fspath(folder))
    if value is None:
        return None
    parts = value.split(" ")
    if len(parts) != 3 or parts[0] != stamp:
        return None
    try:
        return dt.date.fromisoformat(parts[1]), parts[2]
    except ValueError:
        return None


def record(book: StampBook, folder: Path | str, stamp: str, issue: Issue) -> None:
    book.set_setting(_KEY + os.fspath(folder), f"{stamp} {issue.date.isoformat()} {issue.content_hash}")
