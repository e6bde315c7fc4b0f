"""Archive-scale benchmark: does a pass cost the same on day 1 and in year 20?

1. A backfill of ``--days`` dates (one pass per date, as ``syndicate backfill`` does, all on the
   same day as a real backfill runs): per-pass time of the last dates against the first ten.
2. Then the nightly ``run`` over the whole drop folder with one new issue in it, against the same
   run on an empty store whose drop folder holds only that issue (median of three new issues).
3. Peak memory (max RSS) of one ``syndicate run`` process over ``--days`` issues against one over 30.

Goals (issue 13): 1 and 2 <= 1.2x; 3 <= 1.5x. Pass times are CPU seconds of the pass (printed
with wall-clock ones): its syncs wait on whatever else the shared machine writes, which is noise
here, not a cost of the archive. Usage:
``python bench/archive.py [--days 365] [--pages 8] [--per-page 6] [--only memory]``
(``--only``: one part, ``backfill`` (1 and 2) or ``memory`` (3)).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import dates, drop_folder, goal, released_after, run_pass, settings_for

CLI = "import sys; from syndicate.cli import main; sys.argv[0] = 'syndicate'; main()"


def backfill(src: Path, out: Path, days: list[dt.date]) -> tuple[list[float], list[float]]:
    """One pass per date, the clock a minute later for each (a backfill runs on one night).
    Returns each pass's CPU seconds and wall-clock seconds."""
    settings = settings_for(src, out)
    now = released_after(days[-1])
    cpu, wall = [], []
    for n, day in enumerate(days):
        started, started_cpu = time.perf_counter(), time.process_time()
        report = run_pass(settings, now + dt.timedelta(minutes=n), [day])
        cpu.append(time.process_time() - started_cpu)
        wall.append(time.perf_counter() - started)
        if report.problems:
            raise SystemExit(f"backfill {day}: {report.problems[:3]}")
    return cpu, wall


def nightly(src: Path, out: Path, now: dt.datetime) -> float:
    """CPU seconds of one nightly run (the machine's other load and its syncs left out)."""
    started = time.process_time()
    report = run_pass(settings_for(src, out), now)
    took = time.process_time() - started
    if report.issues_new != 1:
        raise SystemExit(f"nightly run at {now}: {report.summary()} {[str(p) for p in report.problems]}")
    return took


def peak_rss_mb(src: Path, out: Path) -> float:
    """Max RSS of one ``syndicate run`` process over the drop folder ``src``."""
    proc = subprocess.Popen(
        [sys.executable, "-c", CLI, "run", "--source", str(src), "--out", str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"syndicate run over {src} failed: {proc.stderr.read().decode()[-500:]}")  # type: ignore[union-attr]
    return usage.ru_maxrss / 1024


def subset(src: Path, dest: Path, n: int) -> Path:
    """A drop folder of the first ``n`` issues of ``src`` (copies: the source refuses symlinks out)."""
    dest.mkdir()
    for folder in sorted(src.iterdir())[:n]:
        shutil.copytree(folder, dest / folder.name)
    return dest


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--days", type=int, default=365)
    ap.add_argument("--pages", type=int, default=8)
    ap.add_argument("--per-page", type=int, default=6)
    ap.add_argument("--only", choices=("backfill", "memory"), help="run one part of the benchmark")
    args = ap.parse_args()
    if args.only != "memory":
        backfill_part(args)
    if args.only != "backfill":
        memory_part(args)


def backfill_part(args: argparse.Namespace) -> None:
    """Parts 1 and 2: the backfill's pass times, then the nightly run after it."""
    with tempfile.TemporaryDirectory(prefix="bench-archive-") as tmp:
        base = Path(tmp)
        archive_days, new_days = dates(args.days), dates(3, dates(args.days + 1)[-1])
        src = drop_folder(base / "src", archive_days, args.pages, args.per_page)
        extra = drop_folder(base / "new", new_days, args.pages, args.per_page, seed=14)
        print(f"{args.days} issues of {args.pages} pages, {args.pages * args.per_page} articles each")

        per_pass, wall = backfill(src, base / "out", archive_days)
        first, last = statistics.median(per_pass[:10]), statistics.median(per_pass[-65:])
        print(
            f"backfill: {sum(wall):.1f} s; median pass CPU, dates 1-10: {first:.3f} s, last 65: {last:.3f} s"
            f" (wall clock: {statistics.median(wall[:10]):.3f} s, {statistics.median(wall[-65:]):.3f} s)"
        )

        grown, empty = [], []
        for k, day in enumerate(new_days):
            shutil.move(str(extra / day.isoformat()), src / day.isoformat())
            grown.append(nightly(src, base / "out", released_after(day)))
            alone = subset(src, base / f"alone{k}", 0)
            shutil.copytree(src / day.isoformat(), alone / day.isoformat())
            empty.append(nightly(alone, base / f"empty{k}", released_after(day)))
        print(
            f"nightly run, one new issue: {statistics.median(grown):.3f} s CPU after the backfill,"
            f" {statistics.median(empty):.3f} s on an empty store"
        )

    goal(f"archive: backfill pass, dates {args.days - 64}-{args.days} / dates 1-10", last / first, "<=", 1.2)
    goal(
        f"archive: nightly run, one new issue, after {args.days} dates / empty store",
        statistics.median(grown) / statistics.median(empty),
        "<=",
        1.2,
    )


def memory_part(args: argparse.Namespace) -> None:
    """Part 3: peak memory of one run over every issue against one over the first 30."""
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as tmp:
        base = Path(tmp)
        src = drop_folder(base / "src", dates(args.days), args.pages, args.per_page)
        small = peak_rss_mb(subset(src, base / "src30", 30), base / "mem30")
        big = peak_rss_mb(src, base / "mem-all")
        print(f"peak RSS of one run: {small:.0f} MB over 30 issues, {big:.0f} MB over {len(os.listdir(src))}")
    goal(f"memory: peak RSS of one run, {args.days} issues / 30 issues", big / small, "<=", 1.5)


if __name__ == "__main__":
    main()
