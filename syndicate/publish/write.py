"""Atomic file writes: a temporary file in the target's folder, fsync, then ``os.replace``.

A reader (web server, partner) never sees a half-written file, and a pass that fails midway
leaves every file it had not yet replaced as the previous pass wrote it. Temporary files a
crashed pass left behind are swept from a folder the first time a pass writes into it, and from
the whole output tree at the start of the pass that follows a pass which did not finish
(``in_progress``): a killed pass may have left one in a folder no later pass writes into.

``write_all`` writes a whole plan, in its order, after checking that no two outputs share a path.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Protocol

from ..errors import PublishError

TMP_PREFIX = ".syndicate-tmp-"
# In the state folder while a pass publishes; found at the start of a pass, it means the last one
# did not finish, and the output tree is swept of the temporary files it may have left.
IN_PROGRESS = "publishing"


class Planned(Protocol):
    """An output to write (``plan.Output``)."""

    @property
    def path(self) -> str: ...

    @property
    def data(self) -> bytes: ...


def sweep(folder: Path) -> int:
    """Remove temporary files left in ``folder`` by an interrupted pass; return how many."""
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return 0
    for entry in entries:
        if entry.name.startswith(TMP_PREFIX) and entry.is_file(follow_symlinks=False):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(entry.path)
                removed += 1
    return removed


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


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step (readers see the old or the new file, never a mix)."""
    fd, tmp = tempfile.mkstemp(prefix=TMP_PREFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        # mkstemp creates 0600; the files are meant to be served by a web server.
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


class Writer:
    """Writes the outputs of one pass under ``root``; skips files whose bytes did not change.

    Skipping keeps modification times (and the server's Last-Modified) for unchanged files.
    Two outputs for one path in one pass is a bug, refused like Pelican's writer does.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.written: list[str] = []
        self.unchanged = 0
        self._seen: set[str] = set()
        self._swept: set[Path] = set()

    def write(self, rel: str, data: bytes) -> bool:
        """Write ``data`` to ``root/rel``; return False when the file already held these bytes."""
        if rel in self._seen:
            raise PublishError(f"{self.root / rel}: two outputs for one path in the same pass")
        self._seen.add(rel)
        path = self.root / rel
        if ".." in Path(rel).parts or Path(rel).is_absolute():
            raise PublishError(f"{path}: output path outside {self.root}")
        folder = path.parent
        try:
            if folder not in self._swept:
                folder.mkdir(parents=True, exist_ok=True)
                sweep(folder)
                self._swept.add(folder)
            try:
                if path.read_bytes() == data:
                    self.unchanged += 1
                    return False
            except FileNotFoundError:
                pass
            write_atomic(path, data)
        except OSError as exc:
            raise PublishError(f"{path}: cannot write: {exc.strerror or exc}") from exc
        self.written.append(rel)
        return True


def write_all(root: Path, outputs: Sequence[Planned]) -> Writer:
    """Write every output under ``root`` in the order given; refuse the lot (before writing
    anything) when two outputs name one path. Returns the writer, which counts what changed."""
    seen: set[str] = set()
    for output in outputs:
        if output.path in seen:
            raise PublishError(f"{root / output.path}: two outputs for one path in the same pass")
        seen.add(output.path)
    writer = Writer(root)
    for output in outputs:
        writer.write(output.path, output.data)
    return writer
