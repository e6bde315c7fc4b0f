"""Write benchmark: the publisher's durable writer against the floor of writing the same bytes.

The files are those of one real pass over a 24-page issue (read back from its output tree, in
the order the writer must land them). Timed in one process, each into a fresh output tree,
``--repeat`` times alternating, every run started on a synced file system (the last run's tree
and whatever else was written meanwhile flushed first, outside the timing):

- floor: ``open().write()`` of every file, then one ``os.syncfs``;
- the writer: ``syndicate.publish.write`` as a pass uses it (durable: nothing half-written).

Each figure is its fastest run: ``syncfs`` flushes every process's writes to the shared disk,
and a run that met another's flush says little about the code (medians printed beside).
Goal (issue 13): writer <= 1.5x the floor. Usage: ``python bench/write.py [--repeat 15]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from common import drop_folder, goal, released_after, run_pass, settings_for, syncfs

from syndicate.publish import write

DAY = dt.date(2024, 6, 1)


def pass_files(base: Path) -> list[tuple[str, bytes]]:
    """Every file one pass over a 24-page issue writes, items and pages first, front page last."""
    src = drop_folder(base / "src", [DAY], pages=24, per_page=7)
    run_pass(settings_for(src, base / "out"), released_after(DAY))
    files = [
        (str(p.relative_to(base / "out")), p.read_bytes())
        for root in ("newsml", "public")
        for p in sorted((base / "out" / root).rglob("*"))
        if p.is_file()
    ]

    def rank(rel: str) -> int:  # the pass's own order: items and pages, then feeds, then the front page
        if rel.startswith("newsml/") and not rel.endswith(("catalog.json", "issue.xml")):
            return 0
        if rel.startswith("public/articles/"):
            return 0
        return 2 if rel == "public/index.html" else 1

    return sorted(files, key=lambda f: rank(f[0]))


def floor(root: Path, files: list[tuple[str, bytes]]) -> None:
    for rel, data in files:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
    syncfs(root)


def writer(root: Path, files: list[tuple[str, bytes]]) -> None:
    with write.Writer(root) as out:  # the files land (synced, renamed) when the block ends
        for rel, data in files:
            out.write(rel, data)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-write-") as tmp:
        base = Path(tmp)
        files = pass_files(base)
        size = sum(len(d) for _, d in files)
        print(f"one 24-page pass: {len(files)} files, {size / 1e6:.1f} MB")
        times: dict[str, list[float]] = {"floor": [], "writer": []}
        for n in range(args.repeat):
            for name, fn in (("floor", floor), ("writer", writer)):
                root = base / f"{name}{n}"
                syncfs(base)  # start clean: the last run's removal and others' writes flushed
                started = time.perf_counter()
                fn(root, files)
                times[name].append(time.perf_counter() - started)
                shutil.rmtree(root)
        f, w = min(times["floor"]), min(times["writer"])
        fm, wm = statistics.median(times["floor"]), statistics.median(times["writer"])
        print(
            f"floor (open().write() + one syncfs): {f * 1000:.1f} ms; writer: {w * 1000:.1f} ms"
            f" (fastest of {args.repeat}; medians {fm * 1000:.1f} and {wm * 1000:.1f} ms, {wm / fm:.2f}x)"
        )
    goal("write: 24-page pass, writer / floor (write + one syncfs), fastest runs", w / f, "<=", 1.5)


if __name__ == "__main__":
    main()
