"""One pass at a time, across processes: a file lock in the state folder.

A hand-started ``syndicate run``, the scheduler's cron pass, its release-time pass and a backfill
all take this lock, so they never overlap. It is an OS file lock (``filelock.FileLock``), not a
flag in a database: it is released by the kernel when a process dies, and it also holds between
two scheduler processes started by mistake on one job store (APScheduler 3 would run each fire
time once in each of them).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from filelock import FileLock, Timeout

from .errors import LockError

if TYPE_CHECKING:
    from .config import Settings

LOCK_NAME = "pass.lock"
SCHEDULER_LOCK_NAME = "scheduler.lock"


@contextmanager
def pass_lock(state_dir: Path, timeout: float) -> Iterator[Path]:
    """Hold the pass lock while the block runs; wait at most ``timeout`` seconds for it.

    Creates ``state_dir`` when needed and yields the lock file's path. Raises ``LockError`` when
    another pass still holds the lock after ``timeout`` seconds (0 = do not wait).
    """
    with _hold(
        state_dir, LOCK_NAME, timeout, "another pass is running", "raise schedule.lock_timeout"
    ) as path:
        yield path


@contextmanager
def scheduler_lock(state_dir: Path) -> Iterator[Path]:
    """Held by ``syndicate schedule`` while it runs: a second scheduler on the same state is refused."""
    with _hold(state_dir, SCHEDULER_LOCK_NAME, 0, "another scheduler is running", "stop it first") as path:
        yield path


@contextmanager
def _hold(state_dir: Path, name: str, timeout: float, busy: str, hint: str) -> Iterator[Path]:
    try:
        state_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LockError(f"{state_dir}: cannot create the state folder for {name}: {exc.strerror}") from None
    path = state_dir / name
    # thread_local=False: a thread-local lock would make release from another thread silently fail.
    lock = FileLock(path, timeout=timeout, thread_local=False)
    try:
        lock.acquire()
    except Timeout:
        waited = f"after {timeout:g} s " if timeout else ""
        raise LockError(
            f"{busy}: the lock {path} is still held {waited}(wait for it to finish, or {hint})"
        ) from None
    try:
        yield path
    finally:
        lock.release()


@contextmanager
def title_lock(settings: Settings) -> Iterator[None]:
    """The pass lock of ``settings``' title: with a shared store (``store.url``), a PostgreSQL
    advisory lock per title, which holds across every host of a group (a file lock holds on one
    machine only) and is dropped by the server when its holder dies; else the file lock."""
    if settings.store.url is None:
        with pass_lock(settings.state_dir, settings.schedule.lock_timeout):
            yield
        return
    from . import db

    with db.advisory_lock(
        settings.store.url, f"syndicate-title:{settings.title}", settings.schedule.lock_timeout
    ):
        yield
