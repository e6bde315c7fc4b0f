"""Durable, batched writes of a pass's outputs: every temporary file, one sync, then the renames.

A reader (web server, partner) never sees a half-written file, and a pass that fails or is killed
midway leaves every file it had not yet replaced as the previous pass wrote it. A ``Writer``:

1. ``write``: the output to a temporary file beside its target (unchanged bytes are skipped,
   keeping modification times and the server's Last-Modified); the target is not touched yet;
2. ``commit``: one ``syncfs`` of the file system makes every temporary file durable (an fsync of
   each where the system has none): one flush per pass instead of one per file;
3. then renames them into place phase by phase (``write_rank``: items and article pages, issue
   packages and the catalog, feeds and OPML, the front page), fsyncing each folder a phase renamed
   into before the next phase starts: after a crash, no feed is on disk linking to a page that
   is not. A pass that fails before ``commit`` removes its temporary files.

Temporary files a crashed pass left behind are swept from a folder the first time a pass writes
into it, and from the whole output tree at the start of the pass that follows a pass which did not
finish (``in_progress``): a killed pass may have left some in folders no later pass writes into.

``write_all`` writes a whole plan as it is rendered (one output at a time; only paths are kept),
refusing it before any rename when two outputs share a path.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import itertools
import os
import secrets
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Protocol

from ..errors import PublishError
from .precompress import stale_siblings

TMP_PREFIX = ".syndicate-tmp-"
# In the state folder while a pass publishes; found at the start of a pass, it means the last one
# did not finish, and the output tree is swept of the temporary files it may have left.
IN_PROGRESS = "publishing"
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
_TOKEN = secrets.token_hex(4)  # with the process id and a count, a temporary file's name
_COUNT = itertools.count()


class Planned(Protocol):
    """An output to write (``plan.Output``)."""

    @property
    def path(self) -> str: ...

    @property
    def data(self) -> bytes: ...


def write_rank(path: str) -> int:
    """The rename phase of an output: 0 items and pages, 1 issue packages and catalogs, 2 feeds,
    OPML and sitemap, 3 the front page (what a later phase links to lands first)."""
    if path == "public/index.html":
        return 3
    if path.startswith("newsml/"):
        return 1 if path.endswith(("/issue.xml", "catalog.json")) else 0
    if path.startswith(("public/articles/", "public/issues/")):
        return 0
    return 2


def sweep(folder: Path) -> int:
    """Remove temporary files left in ``folder`` by an interrupted pass; return how many."""
    return len(_swept(folder)[1])


def _swept(folder: str | Path) -> tuple[set[str], list[str]]:
    """``sweep`` ``folder``: the names left in it, and the temporary files removed."""
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return set(), []
    names, removed = set(), []
    for entry in entries:
        if entry.name.startswith(TMP_PREFIX) and entry.is_file(follow_symlinks=False):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(entry.path)
                removed.append(entry.name)
                continue
        names.add(entry.name)
    return names, removed


def sweep_tree(root: Path) -> int:
    """``sweep`` every folder under ``root``; return how many temporary files were removed."""
    removed = 0
    for folder, _dirs, _files in os.walk(root):
        removed += sweep(Path(folder))
    return removed


@contextlib.contextmanager
def in_progress(marker: Path, *roots: Path) -> Iterator[int]:
    """Mark a publishing pass as running with the file ``marker`` (removed when the block ends
    without an exception). If the marker is already there, the previous pass was killed or failed
    while writing: sweep every folder under ``roots`` first. Yields how many files were swept."""
    try:
        swept = sum(sweep_tree(root) for root in roots) if marker.exists() else 0
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.touch()
    except OSError as exc:
        where = exc.filename or marker.parent
        raise PublishError(f"{where}: cannot prepare the output: {exc.strerror or exc}") from exc
    yield swept
    marker.unlink(missing_ok=True)


def write_temp(folder: str | Path, data: bytes) -> Path:
    """``data`` in a new temporary file in ``folder`` (not yet synced); returns its path.

    Named by this process and a count (``mkstemp``'s random names cost more than the write of a
    small file); a name already taken, as by a crashed process of the same id, is passed over."""
    for _ in range(100):
        tmp = os.path.join(folder, f"{TMP_PREFIX}{os.getpid()}-{_TOKEN}-{next(_COUNT)}")
        try:
            fd = os.open(tmp, _CREATE, 0o600)
            break
        except FileExistsError:
            continue
    else:
        raise FileExistsError(f"{folder}: no free temporary file name")
    try:
        # created 0600 (whatever the umask, as mkstemp): the files are meant to be served
        os.fchmod(fd, 0o644)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    except BaseException:
        os.close(fd)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    os.close(fd)
    return Path(tmp)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace one file with ``data`` in one step, durably (for a file written on its own)."""
    tmp = write_temp(path.parent, data)
    try:
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def sync_all(root: Path, files: Sequence[str | Path]) -> None:
    """Make ``files`` (all on the file system of ``root``) durable: one ``syncfs`` on Linux, else
    an fsync of each. ``syncfs`` flushes the whole file system, which costs about what one fsync
    does, where an fsync per file costs a journal commit each."""
    syncfs = getattr(_libc(), "syncfs", None)
    if syncfs is not None:
        fd = os.open(root, os.O_RDONLY)
        try:
            if syncfs(fd) == 0:
                return
        finally:
            os.close(fd)
    for path in files:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def fsync_folder(folder: str | Path) -> None:
    """Make the renames into ``folder`` durable (the file's bytes are, its name is not until then)."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@functools.cache
def _libc() -> ctypes.CDLL | None:
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None


# A staged output: (its path under the root, the name of its temporary file beside the target).
# Two strings, not paths: a pass over a year of issues stages some 50,000 files.
_Staged = tuple[str, str]


class Writer:
    """Writes the outputs of one pass under ``root``; skips files whose bytes did not change.

    Use as a context manager: ``write`` each output, and the block's end commits them all (or,
    when the block raises, removes the temporary files: every target keeps its previous bytes).
    Two outputs for one path in one pass is a bug, refused like Pelican's writer does.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self._base = os.fspath(root)
        self.written: list[str] = []
        self.unchanged = 0
        self._seen: set[str] = set()
        self._staged: dict[int, list[_Staged]] = {}  # by rename phase
        self._listed: dict[str, set[str]] = {}  # folder (relative) -> the names in it when first written to

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        try:
            if kind is None:
                self.commit()
        finally:
            self.discard()

    def write(self, rel: str, data: bytes) -> bool:
        """Stage ``data`` for ``root/rel``; return False when the file already holds these bytes.
        (Paths are strings here: a pass writes hundreds of files, a ``Path`` made for each of them
        cost more than the write of a small one.)"""
        if rel in self._seen:
            raise PublishError(f"{self.root / rel}: two outputs for one path in the same pass")
        self._seen.add(rel)
        if rel.startswith("/") or ".." in rel.split("/"):
            raise PublishError(f"{self.root / rel}: output path outside {self.root}")
        parent, _, name = rel.rpartition("/")
        folder = self._folder(parent)
        try:
            listed = self._listed.get(parent)
            if listed is None:
                os.makedirs(folder, exist_ok=True)
                listed = self._listed[parent] = _swept(folder)[0]
            if name in listed and _holds(f"{folder}/{name}", data):  # a name not listed is a new file
                self.unchanged += 1
                return False
            self._staged.setdefault(write_rank(rel), []).append((rel, write_temp(folder, data).name))
        except OSError as exc:
            raise PublishError(f"{self.root / rel}: cannot write: {exc.strerror or exc}") from exc
        return True

    def commit(self) -> None:
        """Sync every staged file, then rename them phase by phase, fsyncing the folders of each."""
        try:
            sync_all(self.root, [self._tmp(s) for phase in self._staged.values() for s in phase])
        except OSError as exc:
            raise PublishError(f"{self.root}: cannot sync the output: {exc.strerror or exc}") from exc
        for phase in sorted(self._staged):
            folders: dict[str, None] = {}
            for item in self._staged[phase]:  # in the order staged: an issue's pages after its articles
                self._rename(item)
                folders[self._folder(item[0].rpartition("/")[0])] = None
            del self._staged[phase]  # what a failure must remove is what is left staged
            for folder in folders:
                try:
                    fsync_folder(folder)
                except OSError as exc:
                    raise PublishError(f"{folder}: cannot sync the folder: {exc.strerror or exc}") from exc

    def discard(self) -> None:
        """Remove the temporary files not renamed (after a failure)."""
        for phase in self._staged.values():
            for staged in phase:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(self._tmp(staged))
        self._staged = {}

    def _folder(self, parent: str) -> str:
        """The folder ``parent`` (relative to the root, "" for the root itself)."""
        return f"{self._base}/{parent}" if parent else self._base

    def _tmp(self, staged: _Staged) -> str:
        rel, name = staged
        return f"{self._folder(rel.rpartition('/')[0])}/{name}"

    def _rename(self, staged: _Staged) -> None:
        try:
            os.replace(self._tmp(staged), f"{self._base}/{staged[0]}")
        except OSError as exc:
            raise PublishError(f"{self.root / staged[0]}: cannot write: {exc.strerror or exc}") from exc
        self.written.append(staged[0])


def _holds(path: str, data: bytes) -> bool:
    """Whether ``path`` holds exactly ``data`` (its size is checked before its bytes are read)."""
    try:
        if os.stat(path).st_size != len(data):
            return False
        with open(path, "rb") as f:
            return f.read() == data
    except FileNotFoundError:
        return False


def write_all(root: Path, outputs: Iterable[Planned]) -> Writer:
    """Write every output under ``root`` as it comes (only its path is kept once its temporary
    file is written), all landing at the end (see the module docstring); refuse the lot, before
    anything is renamed into place, when two outputs name one path. Returns the writer, which
    counts what changed."""
    paths: list[str] = []
    with Writer(root) as writer:
        for output in outputs:
            writer.write(output.path, output.data)  # a second output for a path raises: nothing lands
            paths.append(output.path)
        for rel in stale_siblings(paths):  # a file that shrank keeps no old .gz
            with contextlib.suppress(FileNotFoundError):
                os.unlink(root / rel)
    return writer
