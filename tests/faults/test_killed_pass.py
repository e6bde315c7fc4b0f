"""Row 1: a publishing pass killed (SIGKILL) at random points, 20 times.

After every kill: each file in ``public/`` and ``newsml/`` parses (XML through the safe parser,
HTML whole, JSON loads), a random sample of them passes the shared validators, and the store opens
and passes SQLite's integrity check. After each round of kills one uninterrupted pass finishes the
work: its output is byte for byte the output of one uninterrupted pass from scratch, with no
temporary file left. Each round starts as a night does: the earlier issues already published by a
pass that finished, the new ones arriving (so kills also land where old output exists). The clock of every pass is pinned (``support.PINNED_RUN``) so that outputs
can be compared; the kill delays come from a seeded RNG, so a failure can be replayed.
"""

from __future__ import annotations

import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from support.faults import (
    LATER,
    PASS_STARTS,
    PINNED_RUN,
    check_parses,
    drop_folder,
    run_process,
    snapshot,
    store_ok,
    temp_files,
    validate,
)

from syndicate import config, pipeline

ISSUES = 80  # a pass of under a second on this machine, after ~0.6 s of start-up
PUBLISHED_BEFORE = 20  # issues already published when a round starts
ROUNDS, KILLS_PER_ROUND = 4, 5
SEED = 20231024


def start(src: Path, out: Path) -> subprocess.Popen[str]:
    """``syndicate run`` with the clock pinned; returns once its pass has started."""
    proc = subprocess.Popen(
        [sys.executable, "-c", PINNED_RUN, "run", "--source", str(src), "--out", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == PASS_STARTS
    return proc


def check_after_kill(out: Path, rng: random.Random) -> None:
    if (out / "state" / "syndicate.sqlite").exists():
        store_ok(out / "state")
    if not out.exists():
        return
    check_parses(out)
    feeds = sorted(p for p in (out / "public").glob("*.xml") if p.name.endswith((".rss.xml", ".atom.xml")))
    items = sorted((out / "newsml").rglob("*.xml"))
    validate("validate-feed", rng.sample(feeds, min(3, len(feeds))))
    validate("validate-newsml", rng.sample(items, min(3, len(items))))


def test_killed_passes_leave_whole_files_and_the_next_pass_finishes_the_work(tmp_path: Path) -> None:
    src = drop_folder(tmp_path / "src", ISSUES)
    earlier = tmp_path / "earlier"
    earlier.mkdir()
    for folder in sorted(src.iterdir())[:PUBLISHED_BEFORE]:
        (earlier / folder.name).symlink_to(folder)
    reference = run_process(["run", "--source", str(src), "--out", str(tmp_path / "ref")])
    assert reference.returncode == 0, reference.stderr
    m = re.search(r"; ([\d.]+) s$", reference.stdout.splitlines()[1])
    assert m is not None, reference.stdout
    work = float(m.group(1))  # the pass itself, without the interpreter's start-up
    expected = snapshot(tmp_path / "ref")
    expected_rows = store_ok(tmp_path / "ref" / "state")
    assert len(expected_rows) == 5 * ISSUES

    rng = random.Random(SEED)
    killed = 0
    for round_ in range(ROUNDS):
        out = tmp_path / f"out{round_}"
        pipeline.run_pass(config.defaults(out, earlier), now=LATER)  # yesterday's night, finished
        window = work  # later passes have less left to do: the window shrinks when a pass ends first
        for _ in range(KILLS_PER_ROUND):
            for _attempt in range(4):
                proc = start(src, out)
                began = time.perf_counter()
                delay = rng.uniform(0, window)
                try:
                    proc.wait(timeout=delay)
                    window = 0.8 * (time.perf_counter() - began)  # it finished first: aim earlier
                except subprocess.TimeoutExpired:
                    proc.send_signal(signal.SIGKILL)
                    proc.wait(timeout=30)
                check_after_kill(out, rng)
                if proc.returncode == -signal.SIGKILL:
                    killed += 1
                    break
        final = run_process(["run", "--source", str(src), "--out", str(out)])
        assert final.returncode == 0, final.stderr
        assert temp_files(out) == []
        got = snapshot(out)
        assert sorted(got) == sorted(expected)
        assert [k for k in expected if got[k] != expected[k]] == []
        assert store_ok(out / "state") == expected_rows
    assert killed == ROUNDS * KILLS_PER_ROUND, f"only {killed} kills landed inside a pass"
    validate(
        "validate-feed",
        sorted(p for p in (out / "public").glob("*.xml") if p.name.endswith((".rss.xml", ".atom.xml"))),
    )
    validate("validate-newsml", sorted((out / "newsml").rglob("*.xml")))
