"""Group throughput: a 5-title x 1-year backfill (small issues) with 1 and with 2 `syndicate worker`
processes, against the engine's own no-op job rate on the same machine and database.

    .venv/bin/python bench/cluster.py [--titles 5] [--days 365]

Figures, not a test. Each run: a fresh database, ``syndicate backfill`` enqueues (title, month)
units, workers take them; the time is from the first job's start to the last job's end, read
from Procrastinate's own event table. Outputs go to local folders (the object-storage writer is
measured by the cluster test), on tmpfs when the machine has one. Rounds alternate 1 and 2
workers and the best of each counts; the machine's load average is printed, as other work
shares it, and so are the workers' own CPU seconds (what the work costs, whatever the wait).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import services  # noqa: E402
from common import goal  # noqa: E402
from epaper import EPaper  # noqa: E402

TITLE = """
title = "{name}"
[publication]
name = "{name}"
base_url = "https://{name}.example.org/"
timezone = "Asia/Shanghai"
[source]
type = "http"
url = "{url}"
[output]
dir = "out-{name}"
"""
GROUP = '[store]\nurl = "{db}"\n[jobs]\nengine = "procrastinate"\nheartbeat = 2.0\n'

NOOP_WORKER = textwrap.dedent(
    """
    import sys, procrastinate
    app = procrastinate.App(connector=procrastinate.PsycopgConnector(conninfo=sys.argv[1]))
    @app.task(name="noop", queue="passes")
    def noop(n: int) -> None:
        pass
    with app.open():
        if sys.argv[2] == "defer":
            for start in range(0, int(sys.argv[3]), 500):
                app.configure_task("noop").batch_defer(*({"n": i} for i in range(start, min(start + 500, int(sys.argv[3])))))
        else:
            app.run_worker(wait=False, concurrency=1, install_signal_handlers=False)
    """
)


def span(url: str, task: str) -> tuple[float, int]:
    """Seconds from the first start to the last end of ``task``'s jobs, and how many succeeded."""
    with psycopg.connect(url) as conn:
        row = conn.execute(
            "SELECT extract(epoch FROM max(e.at) FILTER (WHERE e.type = 'succeeded')"
            " - min(e.at) FILTER (WHERE e.type = 'started')),"
            " count(*) FILTER (WHERE e.type = 'succeeded')"
            " FROM procrastinate_events e JOIN procrastinate_jobs j ON j.id = e.job_id WHERE j.task_name = %s",
            (task,),
        ).fetchone()
    assert row is not None
    return float(row[0]), int(row[1])


def noop_rate(cluster: services.PostgresCluster, jobs: int) -> float:
    url = cluster.new_database()
    subprocess.run(
        [sys.executable, "-m", "syndicate", "db", "upgrade", "--config", write_group(url, 0)], check=True
    )
    subprocess.run([sys.executable, "-c", NOOP_WORKER, url, "defer", str(jobs)], check=True)
    subprocess.run([sys.executable, "-c", NOOP_WORKER, url, "work"], check=True)
    seconds, done = span(url, "noop")
    assert done == jobs, (done, jobs)
    return done / seconds


_folders: list[Path] = []


def write_group(url: str, titles: int, paper: EPaper | None = None) -> str:
    # Outputs on tmpfs when there is one: a group publishes to object storage, and what this
    # measures is the engine's scaling, not the shared disk's syncfs (other work flushes it too).
    shm = Path("/dev/shm")
    root = Path(tempfile.mkdtemp(prefix="syndicate-bench-group-", dir=shm if shm.is_dir() else None))
    _folders.append(root)
    refs = []
    for n in range(max(titles, 1)):
        name = f"title{n}"
        source = paper.source_url(name) if paper else "http://127.0.0.1:9/{date}/issue.toml"
        (root / f"{name}.toml").write_text(TITLE.format(name=name, url=source), encoding="utf-8")
        refs.append(f'[[titles]]\nname = "{name}"\nconfig = "{name}.toml"\n')
    (root / "group.toml").write_text("\n".join(refs) + GROUP.format(db=url), encoding="utf-8")
    return str(root / "group.toml")


def children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def backfill(
    cluster: services.PostgresCluster, titles: int, days: int, workers: int
) -> tuple[float, int, int, float]:
    first = dt.date(2023, 1, 1)
    last = first + dt.timedelta(days=days - 1)
    url = cluster.new_database()
    names = [f"title{n}" for n in range(titles)]
    with EPaper(names, first, last) as paper:
        config = write_group(url, titles, paper)
        run = [sys.executable, "-m", "syndicate"]
        subprocess.run([*run, "db", "upgrade", "--config", config], check=True, capture_output=True)
        for name in names:
            args = ["backfill", "--config", config, "--title", name, "--from", str(first), "--to", str(last)]
            subprocess.run([*run, *args], check=True, capture_output=True)
        with psycopg.connect(url) as conn:
            units = conn.execute("SELECT count(*) FROM procrastinate_jobs").fetchone()[0]  # type: ignore[index]
        cpu_before = children_cpu()
        procs = [
            subprocess.Popen(
                [*run, "worker", "--config", config], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            for _ in range(workers)
        ]
        try:
            while True:
                with psycopg.connect(url) as conn:
                    left = conn.execute(
                        "SELECT count(*) FROM procrastinate_jobs WHERE task_name = 'backfill_month'"
                        " AND status IN ('todo', 'doing')"
                    ).fetchone()[0]  # type: ignore[index]
                    failed = conn.execute(
                        "SELECT count(*) FROM procrastinate_jobs WHERE status = 'failed'"
                    ).fetchone()[0]  # type: ignore[index]
                if failed:
                    raise SystemExit(f"{failed} job(s) failed")
                if not left:
                    break
                time.sleep(0.5)
        finally:
            for proc in procs:
                proc.send_signal(signal.SIGTERM)
            for proc in procs:
                proc.wait(60)
        cpu = children_cpu() - cpu_before  # the workers' own CPU seconds (not PostgreSQL's)
    seconds, done = span(url, "backfill_month")
    assert done == units
    with psycopg.connect(url) as conn:
        stored = conn.execute("SELECT count(*) FROM syndicate_issues").fetchone()[0]  # type: ignore[index]
    return seconds, units, int(stored), cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--titles", type=int, default=5)
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--noop-jobs", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    with services.postgres() as cluster:
        if cluster is None:
            print("PostgreSQL is not installed: skipped (apt-get install postgresql)")
            return
        print(f"load average before: {os.getloadavg()[0]:.2f} (1 min) on {os.cpu_count()} cores", flush=True)
        rate = noop_rate(cluster, args.noop_jobs)
        print(f"engine no-op jobs, 1 worker: {rate:.0f} jobs/s", flush=True)
        best: dict[int, float] = {}
        for round_ in range(args.rounds):  # alternate 1 and 2 workers; the best of each counts
            for workers in (1, 2):
                seconds, units, stored, cpu = backfill(cluster, args.titles, args.days, workers)
                best[workers] = min(best.get(workers, seconds), seconds)
                print(
                    f"round {round_ + 1}: {args.titles} titles x {args.days} days, {workers} worker(s):"
                    f" {seconds:.1f} s, {units} month units ({units / seconds:.2f} units/s), {stored} issues"
                    f" ({stored / seconds:.1f} dates/s), workers' CPU {cpu:.1f} s;"
                    f" no-op rate / unit rate = {rate / (units / seconds):.0f}x; load average {os.getloadavg()[0]:.2f}",
                    flush=True,
                )
        detail = f"best of {args.rounds}: {best[1]:.1f} s vs {best[2]:.1f} s; the machine is shared, see load"
        goal("group backfill, 2 workers vs 1 (2 cores)", best[1] / best[2], ">=", 1.6, detail=detail)


if __name__ == "__main__":
    main()
