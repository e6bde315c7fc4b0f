"""A cheap check that a drop-folder issue is as it was last read: names, sizes and times of its files.

A nightly ``run`` sees every issue folder of the drop folder; reading, decoding and hashing them
all to find the one new issue costs ~2 ms a folder, 7 s a night after ten years. So when a folder
is read, its *stamp* (a digest of every file's name, size, modification time and inode, and of
the settings that shape its reading) is recorded in the store with the issue's content hash; on
the next pass a folder whose stamp is unchanged is delivered as ``Unchanged``, nothing read. The
pipeline still compares the recorded content hash with the store's: if the store holds other
content for that date (another folder claimed it), the folder is read in full after all.

The record keeps the paths it stamped, so the nightly look lists no issue folder: it stats the
folder, its subfolders and each recorded file (``quick_stamp``). A folder's own modification time
changes whenever an entry is added to it, removed or renamed, a file's whenever it is written;
so the digest comes out the same only if nothing under the folder changed, and a folder that
changed is looked at in full and read. A listing costs three system calls and an object per entry
more than the stats: about half of the look, on every folder of the drop folder every night.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import time
from collections.abc import Callable, Mapping, Sequence
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


def folder_stamp(folder: Path | str, context: str) -> Stamp | None:
    """The full look at ``folder``: the stamp (``Stamp``) of every entry under it, found by
    listing it and each of its subfolders; None when one cannot be looked at or has just changed
    (then the folder is simply read)."""
    settled = time.time_ns() - SETTLED_NS
    lines, names = [context], []
    pending = [(str(folder), "")]
    try:
        while pending:
            where, prefix = pending.pop()
            st = os.stat(where)  # a folder: an entry added, removed or renamed in it sets its mtime
            if st.st_mtime_ns > settled:
                return None
            lines.append(_line(prefix, st))
            names.append(prefix)
            with os.scandir(where) as listing:
                entries = sorted(listing, key=_NAME)
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    pending.append((entry.path, f"{prefix}{entry.name}/"))
                    continue
                st = entry.stat()  # a symlink's target: its change counts
                if st.st_mtime_ns > settled or st.st_ctime_ns > settled:
                    return None
                lines.append(_line(prefix + entry.name, st))
                names.append(prefix + entry.name)
    except OSError:
        return None
    return Stamp(_digest(lines), tuple(names))


def quick_stamp(folder: str, names: Sequence[str], context: str) -> str | None:
    """The digest ``folder_stamp`` would give if ``names`` (its ``Stamp.names``) are still every
    entry of the folder, from one ``stat`` of each and no listing: a folder's own mtime changes
    whenever an entry is added to it, removed or renamed, and each of its files' when written.
    So it equals the recorded digest only if nothing under the folder changed. None when an entry
    cannot be looked at or has just changed."""
    settled = time.time_ns() - SETTLED_NS
    lines = [context]
    try:
        for rel in names:
            st = os.stat(f"{folder}/{rel}" if rel else folder)
            if st.st_mtime_ns > settled or (rel and rel[-1] != "/" and st.st_ctime_ns > settled):
                return None
            lines.append(_line(rel, st))
    except OSError:
        return None
    return _digest(lines)


@dataclass(frozen=True)
class Stamp:
    """What the look at a folder found: ``digest`` of every entry's path (relative to the folder;
    a folder's ends in ``/``, the folder itself is ``""``), size, modification time and inode,
    and ``names``: those paths, in the order looked at (what ``quick_stamp`` looks at again)."""

    digest: str
    names: tuple[str, ...]


def _line(rel: str, st: os.stat_result) -> str:
    return f"{rel}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ino}"


def _digest(lines: list[str]) -> str:
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def recorded_stamps(book: StampBook) -> dict[str, str]:
    """Every recorded stamp by folder path, read at once: one query a pass, not one a folder
    (a nightly ``run`` looks at every folder of a drop folder growing by one a day)."""
    return {key[len(_KEY) :]: value for key, value in book.settings_under(_KEY).items()}


def recorded(stamps: Mapping[str, str], folder: str, context: str) -> tuple[dt.date, str] | None:
    """(date, content hash) recorded for ``folder`` (in ``recorded_stamps``) if its stamp is
    unchanged (``quick_stamp`` of the entries recorded with it), else None. A record from before
    names were kept has none: that folder is read once more and recorded anew."""
    value = stamps.get(folder)
    if value is None:
        return None
    parts = value.split(" ", 3)  # stamp, date, content hash, the entries ("\n" between them)
    if len(parts) != 4 or parts[0] != quick_stamp(folder, parts[3].split("\n"), context):
        return None
    try:
        return dt.date.fromisoformat(parts[1]), parts[2]
    except ValueError:
        return None


def record(book: StampBook, folder: Path | str, stamp: Stamp, issue: Issue) -> None:
    """Record ``stamp`` for ``folder`` with what reading it gave. Its entries' paths are kept one
    a line: a name holding a line break (never a page's) is split, and its folder simply read
    again on every pass."""
    value = f"{stamp.digest} {issue.date.isoformat()} {issue.content_hash} {chr(10).join(stamp.names)}"
    book.set_setting(_KEY + os.fspath(folder), value)
