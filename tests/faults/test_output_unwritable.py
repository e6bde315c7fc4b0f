"""Row 2: disk full / permission denied on the output folder (and on the store inside it).

The pass fails with one line on stderr naming the folder (exit 1, no traceback), and every file
the previous pass published is byte for byte as it was; once the disk has room again, the next
pass publishes what the failed one could not. Each fault meets a pass whose first write is a new
file (a new issue) and one whose first write replaces a published file (a corrected page). Tests run as root in CI, and root ignores file
permissions, so the faults are raised in-process by patching the calls that create, replace or
open files under the output folder; the chmod variant runs too when the tests are not root.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from support.faults import DAY, error_lines, run_cli, run_process, sample_issue, snapshot

from syndicate.store import sqlite as store_mod

NEXT = DAY + dt.timedelta(days=1)
OLD, NEW = "文化惠民演出进社区", "文化惠民演出走进社区"


@pytest.fixture(params=["new-issue"])
def published(tmp_path: Path, request: pytest.FixtureRequest) -> tuple[Path, Path, dict[str, bytes]]:
    """A drop folder, an output root holding the pass of its first issue, and then either a second
    issue (new files to write first) or a corrected page (existing files to replace first)."""
    src, out = tmp_path / "src", tmp_path / "out"
    sample_issue(src, DAY)
    assert run_cli(["run", "--source", str(src), "--out", str(out)]).exit_code == 0
    if request.param == "new-issue":
        sample_issue(src, NEXT)
    else:
        page = src / DAY.isoformat() / "page-02.txt"
        page.write_text(page.read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")
    return src, out, snapshot(out)


def completed(out: Path) -> bool:
    """The work of the failed pass, done: the second issue's page, or the corrected article."""
    if (out / "public" / "articles" / NEXT.isoformat()).exists():
        return True
    item = out / "newsml" / DAY.isoformat() / "20231024-0204.xml"
    return NEW in item.read_text(encoding="utf-8")


def failing(real: Callable[..., Any], code: int, under: tuple[Path, ...]) -> Callable[..., Any]:
    """``real``, except that it raises OSError(code) for any path under ``under``."""

    def call(*args: Any, **kwargs: Any) -> Any:
        for arg in args[:2]:
            if isinstance(arg, (str, os.PathLike)) and any(
                str(Path(os.fsdecode(arg)).absolute()).startswith(str(u)) for u in under
            ):
                raise OSError(code, os.strerror(code), os.fsdecode(arg))
        return real(*args, **kwargs)

    return call


def assert_failed_cleanly(stderr: str, exit_code: int, folder: Path) -> None:
    lines = error_lines(stderr)
    assert exit_code == 1, stderr
    assert len(lines) == 1 and lines[0].startswith("syndicate: error: "), stderr
    assert str(folder) in lines[0], lines[0]
    assert "Traceback" not in stderr


FAULTS = [
    ("replace", errno.ENOSPC),  # the commit point of every atomic write
    ("open", errno.ENOSPC),  # the temporary file cannot even be created
    ("open", errno.EACCES),
    ("mkdir", errno.EACCES),  # the new issue's folders (a corrected page needs none: not tried)
    ("mkdir", errno.EROFS),
]
CASES = [
    (arrival, call, code)
    for arrival in ("new-issue", "corrected-page")
    for call, code in FAULTS
    if not (call == "mkdir" and arrival == "corrected-page")
]


@pytest.mark.parametrize(("published", "call", "code"), CASES, indirect=["published"])
def test_unwritable_output_fails_naming_the_folder_and_keeps_the_feeds(
    published: tuple[Path, Path, dict[str, bytes]], monkeypatch: pytest.MonkeyPatch, call: str, code: int
) -> None:
    src, out, before = published
    under = (out / "public", out / "newsml")
    monkeypatch.setattr(os, call, failing(getattr(os, call), code, under))
    result = run_cli(["run", "--source", str(src), "--out", str(out)])
    assert_failed_cleanly(result.stderr, result.exit_code, out)
    assert os.strerror(code) in result.stderr
    monkeypatch.undo()
    assert snapshot(out) == before
    # Room again: the next pass publishes the second issue (the store kept it queued).
    again = run_cli(["run", "--source", str(src), "--out", str(out)])
    assert again.exit_code == 0, again.stderr
    assert completed(out)


def _full_store(real: Callable[..., sqlite3.Connection]) -> Callable[..., sqlite3.Connection]:
    """Connections whose database cannot grow by one page: SQLite's own "database or disk is full"."""

    def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        db = real(*args, **kwargs)
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {max(pages, 1)}")
        return db

    return connect


def _read_only_store(real: Callable[..., sqlite3.Connection]) -> Callable[..., sqlite3.Connection]:
    def connect(path: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        return real(f"file:{path}?mode=ro", *args, uri=True, **kwargs)

    return connect


# SQLite's max_page_count cannot stop a small change that fits the pages it has (or the WAL), so
# the store's faults meet a new issue, which always needs more room.
@pytest.mark.parametrize("published", ["new-issue"], indirect=True)
@pytest.mark.parametrize("fault", [_full_store, _read_only_store], ids=["disk-full", "read-only"])
def test_unwritable_store_fails_naming_it_and_keeps_the_feeds(
    published: tuple[Path, Path, dict[str, bytes]],
    monkeypatch: pytest.MonkeyPatch,
    fault: Callable[[Callable[..., sqlite3.Connection]], Callable[..., sqlite3.Connection]],
) -> None:
    src, out, before = published
    monkeypatch.setattr(store_mod.sqlite3, "connect", fault(sqlite3.connect))
    result = run_cli(["run", "--source", str(src), "--out", str(out)])
    assert_failed_cleanly(result.stderr, result.exit_code, out / "state")
    monkeypatch.undo()
    assert snapshot(out) == before
    again = run_cli(["run", "--source", str(src), "--out", str(out)])
    assert again.exit_code == 0, again.stderr
    assert completed(out)


@pytest.mark.skipif(
    os.geteuid() == 0, reason="root ignores permissions; the patched variants above cover this as root"
)
def test_read_only_output_folders_as_a_process(published: tuple[Path, Path, dict[str, bytes]]) -> None:
    src, out, before = published
    folders = [p for sub in ("public", "newsml") for p in [out / sub, *(out / sub).rglob("*")] if p.is_dir()]
    for folder in folders:
        folder.chmod(0o555)
    try:
        done = run_process(["run", "--source", str(src), "--out", str(out)], pinned=False)
    finally:
        for folder in folders:
            folder.chmod(0o755 | stat.S_IFDIR)
    assert_failed_cleanly(done.stderr, done.returncode, out)
    assert snapshot(out) == before
