"""Start-up benchmark: what a small command costs before it does anything.

Times ``python -c pass``, ``syndicate --help`` and ``syndicate articles`` on a one-page issue
(median of ``--repeat`` rounds, each command run once a round in a fresh interpreter), and lists
the heavy modules each of them imports. Goals (issue 13): ``--help`` <= 4x ``python -c pass``;
``articles`` on a one-page issue <= 1.5x ``--help``. Usage: ``python bench/startup.py [--repeat 15]``.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import drop_folder, goal

import syndicate

HEAVY = ("scipy", "numpy", "pypinyin", "lxml", "jinja2", "feedgen", "uvicorn", "apscheduler", "sqlalchemy")
CLI = "import sys; from syndicate.cli import main; sys.argv[0] = 'syndicate'; main()"
WHAT_LOADED = (
    "import sys, runpy; sys.argv = ['syndicate', *sys.argv[1:]]\n"
    "try:\n    runpy.run_module('syndicate', run_name='__main__')\n"
    "except SystemExit:\n    pass\n"
    "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})), file=sys.stderr)"
)


def heavy_modules(args: list[str]) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", WHAT_LOADED, *args], capture_output=True, text=True, check=False
    )
    loaded = set(done.stderr.strip().splitlines()[-1].split()) if done.stderr.strip() else set()
    return [m for m in HEAVY if m in loaded]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        issue = drop_folder(Path(tmp), [dt.date(2024, 3, 1)], pages=1, per_page=6) / "2024-03-01"
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "syndicate --help": [sys.executable, "-c", CLI, "--help"],
            "syndicate articles (1 page)": [sys.executable, "-c", CLI, "articles", str(issue), "--json"],
        }
        # Byte code as an installed package has it (pip compiles it), whatever PYTHONDONTWRITEBYTECODE
        # says here: without it every syndicate module is compiled from source at each start.
        compileall.compile_dir(Path(syndicate.__file__).parent, quiet=1)
        # The first run of a command leaves, as an installed package's does, the programs of the
        # patterns it compiled (syndicate.patterncache; not written under PYTHONDONTWRITEBYTECODE):
        # warm-up runs write them, and warm the page cache.
        first_run = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        for cmd in commands.values():
            subprocess.run(cmd, capture_output=True, check=True, env=first_run)
        # Rounds of one run of each command, so that a load on this shared machine that comes and
        # goes weighs on every command alike (the goals are ratios).
        samples: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.repeat):
            for name, cmd in commands.items():
                started = time.perf_counter()
                subprocess.run(cmd, capture_output=True, check=True)
                samples[name].append(time.perf_counter() - started)
        times = {name: statistics.median(seconds) for name, seconds in samples.items()}
        for name, seconds in times.items():
            print(f"{name:<30} {seconds * 1000:7.1f} ms")
        for name, extra in (("--help", ["--help"]), ("articles", ["articles", str(issue), "--json"])):
            print(
                f"heavy modules imported by `syndicate {name}`: {', '.join(heavy_modules(extra)) or 'none'}"
            )
    goal(
        "startup: syndicate --help / python -c pass",
        times["syndicate --help"] / times["python -c pass"],
        "<=",
        4,
    )
    goal(
        "startup: syndicate articles (1 page) / syndicate --help",
        times["syndicate articles (1 page)"] / times["syndicate --help"],
        "<=",
        1.5,
    )


if __name__ == "__main__":
    main()
