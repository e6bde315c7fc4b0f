"""`make bench`: every benchmark in one run, then every goal with its figure and whether it is met.

Each benchmark prints its figures and one ``GOAL`` line per goal (see ``bench/common.py``); the
table at the end repeats them. Benchmarks are figures, not tests: a missed goal does not fail
the run (a benchmark that crashes does). ``python bench/run.py startup write`` runs a subset.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHES = ("startup", "reading", "reading_en", "write", "partners", "archive", "publish", "serve", "cluster")


def main() -> None:
    chosen = sys.argv[1:] or list(BENCHES)
    goals: list[str] = []
    failed: list[str] = []
    for name in chosen:
        print(f"\n=== bench/{name}.py ===", flush=True)
        proc = subprocess.Popen([sys.executable, str(HERE / f"{name}.py")], stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        for line in proc.stdout:
            print(line, end="", flush=True)
            if line.startswith("GOAL "):
                goals.append(line[len("GOAL ") :].rstrip())
        if proc.wait():
            failed.append(f"bench/{name}.py exited {proc.returncode}")
    print("\n=== goals (issue 13; ratios measured in this run) ===")
    for line in goals:
        print(f"  {line}")
    met = sum(1 for g in goals if g.endswith(" met") or " met;" in g)
    print(f"  {met} of {len(goals)} goals met")
    for line in failed:
        print(line, file=sys.stderr)
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
