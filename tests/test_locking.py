"""The pass lock holds across processes: a second pass waits a bounded time or is refused."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from syndicate.errors import LockError
from syndicate.locking import pass_lock

HOLDER = """
import sys, time
from pathlib import Path
from syndicate.locking import pass_lock
with pass_lock(Path(sys.argv[1]), 0):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def hold(state_dir: Path, seconds: float) -> subprocess.Popen[str]:
    """Another process holding the lock for ``seconds``; returns once it holds it."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(state_dir), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline() == "held\n"
    return proc


@pytest.fixture
def holder(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    proc = hold(tmp_path / "state", 30)
    yield proc
    proc.kill()
    proc.wait()


def test_creates_state_dir(tmp_path: Path) -> None:
    with pass_lock(tmp_path / "a" / "state", 0) as path:
        assert path == tmp_path / "a" / "state" / "pass.lock" and path.exists()


def test_second_process_is_refused_with_a_clear_message(
    tmp_path: Path, holder: subprocess.Popen[str]
) -> None:
    start = time.monotonic()
    with pytest.raises(LockError) as err, pass_lock(tmp_path / "state", 0.3):
        pass
    assert 0.25 < time.monotonic() - start < 5
    assert "another pass is running" in str(err.value) and str(tmp_path / "state" / "pass.lock") in str(
        err.value
    )


def test_second_process_waits_for_the_first(tmp_path: Path) -> None:
    proc = hold(tmp_path / "state", 0.8)
    start = time.monotonic()
    with pass_lock(tmp_path / "state", 20):
        waited = time.monotonic() - start
    proc.wait()
    assert 0.3 < waited < 10


def test_lock_of_a_killed_pass_is_free(tmp_path: Path) -> None:
    proc = hold(tmp_path / "state", 30)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with pass_lock(tmp_path / "state", 2):
        pass


def test_two_passes_in_one_process_do_not_overlap(tmp_path: Path) -> None:
    # The scheduler's nightly and release jobs run in one process: the lock must not be re-entrant.
    with pass_lock(tmp_path, 0), pytest.raises(LockError), pass_lock(tmp_path, 0.1):
        pass


def test_run_command_refused_while_a_pass_runs(tmp_path: Path, holder: subprocess.Popen[str]) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text(
        f'[output]\ndir = "out"\nstate_dir = "{tmp_path / "state"}"\n[schedule]\nlock_timeout = 0.2\n'
    )
    done = subprocess.run(
        [str(Path(sys.executable).parent / "syndicate"), "run", "--config", str(cfg)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert "syndicate: error: another pass is running" in done.stderr
