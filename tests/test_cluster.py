"""The cluster test: 3 titles x 30 days from a local e-paper server, two `syndicate worker`
processes on a real PostgreSQL, objects in moto's S3; one worker is SIGKILLed mid-job.

Checked afterwards: every (title, date) stored once, with no article version beyond the first;
every object written once (bucket versioning on: one version per page and item, and no feed
version that repeats the one before it); every periodic tick deferred and run once, none missing;
the killed worker's job finished by the other one.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import boto3
import psycopg
import pytest
import services
from epaper import EPaper

TITLES = {"westcoast": "Asia/Shanghai", "harbour": "America/New_York", "valley": "Europe/London"}
FIRST, LAST = dt.date(2023, 9, 16), dt.date(2023, 10, 15)  # 30 days: two month units per title
BUCKET = "cluster"

TITLE = """
title = "{name}"
[publication]
name = "{name}"
base_url = "https://{name}.example.org/"
timezone = "{tz}"
release = "00:00"
[source]
type = "http"
url = "{url}"
lookback_days = 0
retries = 1
backoff_factor = 0.1
[output]
dir = "out-{name}"
url = "s3://{bucket}/{name}"
endpoint_url = "{endpoint}"
[schedule]
cron = "* * * * *"
"""
GROUP = """
[store]
url = "{db}"
[jobs]
engine = "procrastinate"
tick = "* * * * * */2"
heartbeat = 0.5
stalled_after = 5.0
retries = 3
retry_wait = 1
"""


def write_config(root: Path, db_url: str, paper: EPaper, endpoint: str) -> Path:
    refs = []
    for name, tz in TITLES.items():
        text = TITLE.format(name=name, tz=tz, url=paper.source_url(name), bucket=BUCKET, endpoint=endpoint)
        (root / f"{name}.toml").write_text(text, encoding="utf-8")
        refs.append(f'[[titles]]\nname = "{name}"\nconfig = "{name}.toml"\n')
    path = root / "group.toml"
    path.write_text("\n".join(refs) + GROUP.format(db=db_url), encoding="utf-8")
    return path


def syndicate(*args: str, env: dict[str, str], log: Path | None = None) -> subprocess.Popen[bytes]:
    out = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115 - the child owns it
    return subprocess.Popen(
        [sys.executable, "-m", "syndicate", *args], stdout=out, stderr=subprocess.STDOUT, env=env
    )


def wait_for(what: str, check: Callable[[], Any], timeout: float) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        got = check()
        if got:
            return got
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")


def query(url: str, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    with psycopg.connect(url, autocommit=True) as conn:
        return conn.execute(sql, args).fetchall()


@pytest.fixture
def workers() -> Iterator[list[subprocess.Popen[bytes]]]:
    started: list[subprocess.Popen[bytes]] = []
    yield started
    for proc in started:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


@pytest.mark.timeout(240)
def test_two_workers_one_killed_every_unit_once(
    tmp_path: Path, pg_url: str, moto_s3: services.MotoServer, workers: list[subprocess.Popen[bytes]]
) -> None:
    env = {**os.environ, **services.S3_ENV}
    s3 = boto3.client("s3", endpoint_url=moto_s3.endpoint)
    s3.create_bucket(Bucket=BUCKET)
    s3.put_bucket_versioning(Bucket=BUCKET, VersioningConfiguration={"Status": "Enabled"})
    with EPaper(list(TITLES), FIRST, LAST, delay=0.03) as paper:
        config = str(write_config(tmp_path, pg_url, paper, moto_s3.endpoint))
        assert (
            subprocess.run(
                [sys.executable, "-m", "syndicate", "db", "upgrade", "--config", config], env=env
            ).returncode
            == 0
        )
        for name in TITLES:
            backfill = [
                "backfill",
                "--config",
                config,
                "--title",
                name,
                "--from",
                str(FIRST),
                "--to",
                str(LAST),
            ]
            assert subprocess.run([sys.executable, "-m", "syndicate", *backfill], env=env).returncode == 0
        started = time.time()
        for name in ("w1", "w2"):
            workers.append(syndicate("worker", "--config", config, env=env, log=tmp_path / f"{name}.log"))

        # SIGKILL w1 in the middle of a month unit: both workers are in one, pages being fetched.
        def both_in_a_unit() -> bool:
            rows = query(
                pg_url,
                "SELECT 1 FROM procrastinate_jobs WHERE status = 'doing' AND task_name = 'backfill_month'",
            )
            return len(rows) == 2

        wait_for("both workers in a month unit", both_in_a_unit, 90)
        time.sleep(1.0)  # well inside the unit: several dates fetched and read
        workers[0].kill()
        workers[0].wait()

        def all_units_done() -> bool:
            rows = query(
                pg_url,
                "SELECT status, count(*) FROM procrastinate_jobs WHERE task_name = 'backfill_month' GROUP BY 1",
            )
            return dict(rows) == {"succeeded": 6}

        wait_for("every month unit to succeed", all_units_done, 150)
        stopped_at = time.time()
        wait_for(
            "the ticks up to now to run",
            lambda: (
                not query(
                    pg_url,
                    "SELECT 1 FROM procrastinate_jobs WHERE task_name = 'tick' AND status <> 'succeeded'"
                    " AND (args->>'timestamp')::bigint <= %s",
                    int(stopped_at),
                )
            ),
            30,
        )
        workers[1].send_signal(signal.SIGTERM)
        assert workers[1].wait(30) == 0
    elapsed = time.time() - started

    # every (title, date) stored once; no article beyond version 1
    issues = query(
        pg_url, "SELECT title, count(*), count(DISTINCT date) FROM syndicate_issues GROUP BY 1 ORDER BY 1"
    )
    assert issues == [(t, 30, 30) for t in sorted(TITLES)]
    versions = query(pg_url, "SELECT max(version), count(*) FROM syndicate_article_versions")[0]
    articles = query(pg_url, "SELECT count(*) FROM syndicate_articles")[0][0]
    assert versions == (1, articles) and articles > 90

    # the killed worker's unit: started twice (w1, then w2 once the reaper handed it back), and
    # finished once; every other unit started once
    starts = query(
        pg_url,
        "SELECT j.id, count(*) FILTER (WHERE e.type = 'started'), count(*) FILTER (WHERE e.type = 'succeeded')"
        " FROM procrastinate_jobs j JOIN procrastinate_events e ON e.job_id = j.id"
        " WHERE j.task_name = 'backfill_month' GROUP BY j.id ORDER BY j.id",
    )
    assert sorted(n for _, n, _ in starts) == [1, 1, 1, 1, 1, 2], starts
    assert all(done == 1 for *_, done in starts), starts
    killed_job = next(j for j, n, _ in starts if n == 2)
    assert f"[{killed_job}]" in (tmp_path / "w2.log").read_text(errors="replace")

    # every periodic tick deferred once, none missing between the first and the last, each run
    ticks = [
        int(t)
        for (t,) in query(
            pg_url, "SELECT args->>'timestamp' FROM procrastinate_jobs WHERE task_name = 'tick' ORDER BY 1"
        )
    ]
    assert len(ticks) == len(set(ticks)) and ticks == list(range(ticks[0], ticks[-1] + 1, 2)), ticks
    due = query(
        pg_url, "SELECT title, kind, count(*) FROM syndicate_due_runs GROUP BY 1, 2 HAVING count(*) > 0"
    )
    assert all(n >= 1 for *_, n in due)

    # every object written once; a feed gets a new version only when its bytes change
    listed = s3.get_paginator("list_object_versions").paginate(Bucket=BUCKET)
    by_key: dict[str, list[tuple[str, dt.datetime]]] = {}
    for page in listed:
        for v in page.get("Versions", []):
            by_key.setdefault(v["Key"], []).append((v["ETag"], v["LastModified"]))
    pages = [k for k in by_key if "/public/articles/" in k]
    once = [k for k in by_key if "/newsml/" in k and k.rsplit("/", 1)[-1].split(".")[0].isdigit()]
    assert len(pages) == articles and len(once) >= articles
    assert all(len(by_key[k]) == 1 for k in pages + once), [k for k in pages + once if len(by_key[k]) > 1]
    for key, got in by_key.items():
        etags = [e for e, _ in sorted(got, key=lambda v: v[1])]
        assert all(a != b for a, b in zip(etags, etags[1:], strict=False)), f"{key}: a version repeats"
    print(
        f"\ncluster: {len(TITLES)} titles x 30 days, {articles} articles, {len(by_key)} keys, {elapsed:.1f} s"
    )
