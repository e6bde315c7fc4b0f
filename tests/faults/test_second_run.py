"""Row 10: a second ``run`` while one is running waits for the lock or exits clearly; never two
writers. The test holds the pass lock itself and starts ``syndicate run`` as a process with a
short ``schedule.lock_timeout``.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from support.faults import error_lines, sample_issue, snapshot

from syndicate.locking import pass_lock


def configure(tmp_path: Path, lock_timeout: float) -> Path:
    sample_issue(tmp_path / "issues")
    path = tmp_path / "syndicate.toml"
    path.write_text(
        f'[source]\npath = "issues"\n[output]\ndir = "out"\n[schedule]\nlock_timeout = {lock_timeout}\n',
        encoding="utf-8",
    )
    return path


def start(cfg: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "syndicate", "run", "--config", str(cfg)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_second_run_gives_up_clearly_after_the_lock_timeout(tmp_path: Path) -> None:
    cfg = configure(tmp_path, 1)
    with pass_lock(tmp_path / "out" / "state", 0):
        began = time.monotonic()
        proc = start(cfg)
        _, stderr = proc.communicate(timeout=30)
        waited = time.monotonic() - began
    assert proc.returncode == 1, stderr
    lines = error_lines(stderr)
    assert len(lines) == 1 and "another pass is running" in lines[0] and "pass.lock" in lines[0], stderr
    assert 1 <= waited < 20
    assert (
        not (tmp_path / "out" / "public").exists()
        and not (tmp_path / "out" / "state" / "syndicate.sqlite").exists()
    )


def test_a_second_run_waits_and_writes_only_after_the_first(tmp_path: Path) -> None:
    cfg = configure(tmp_path, 30)
    with pass_lock(tmp_path / "out" / "state", 0):
        proc = start(cfg)
        deadline = time.monotonic() + 2.5
        while time.monotonic() < deadline:  # while we hold the lock, it writes nothing
            assert proc.poll() is None
            assert not (tmp_path / "out" / "public").exists()
            assert not (tmp_path / "out" / "state" / "syndicate.sqlite").exists()
            time.sleep(0.1)
    _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 0, stderr
    assert (tmp_path / "out" / "public" / "index.html").exists()


def test_two_runs_started_together_give_the_output_of_one(tmp_path: Path) -> None:
    cfg = configure(tmp_path, 30)
    procs = [start(cfg), start(cfg)]
    results = [p.communicate(timeout=60) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    summaries = sorted(out.splitlines()[0] for out, _ in results)
    assert "1 new" in summaries[0] + summaries[1] and any("0 new, 0 updated" in s for s in summaries)
    assert len(snapshot(tmp_path / "out")) > 0
