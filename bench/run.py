"""`make bench`: every benchmark in one run (figures, not pass/fail)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    for script, args in (("reading.py", []), ("publish.py", []), ("serve.py", [])):
        print(f"\n=== bench/{script} ===", flush=True)
        run = subprocess.run([sys.executable, str(HERE / script), *args])
        if run.returncode:
            print(f"bench/{script} exited {run.returncode}", file=sys.stderr)


if __name__ == "__main__":
    main()
