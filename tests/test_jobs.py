"""The job engine on a real PostgreSQL: schema versions, unit uniqueness, the tick and the reaper.

Two Procrastinate traps are pinned here: periodic tasks are not deferred for ticks missed while
every worker was down (the tick's own clock catches them up), and jobs stay ``doing`` after their
worker's row is pruned (the reaper retries them).
"""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path
from typing import Any

import procrastinate
import psycopg
import pytest
import services
from click.testing import CliRunner
from procrastinate.periodic import PeriodicDeferrer
from test_group_config import write_group

from syndicate import db, group
from syndicate.cli import cli
from syndicate.errors import ConfigError
from syndicate.jobs import app as jobs_app
from syndicate.jobs.due import due_runs
from syndicate.jobs.worker import reap

UTC = dt.UTC


def group_for(tmp_path: Path, url: str, **titles: str) -> group.Group:
    extra = f'[store]\nurl = "{url}"\n[jobs]\nengine = "procrastinate"\n'
    return group.load(write_group(tmp_path, extra, **titles))


@pytest.fixture
def upgraded(pg_url: str) -> str:
    db.upgrade(pg_url)
    return pg_url


def rows(url: str, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    with psycopg.connect(url) as conn:
        return conn.execute(sql, args).fetchall()


def test_db_upgrade_creates_a_versioned_schema_once(tmp_path: Path, pg_url: str) -> None:
    path = write_group(tmp_path, f'[store]\nurl = "{pg_url}"\n')
    with db.connect(pg_url) as conn, pytest.raises(ConfigError, match="run `syndicate db upgrade"):
        db.require_current(conn, pg_url)
    first = CliRunner().invoke(cli, ["db", "upgrade", "--config", str(path)])
    assert first.exit_code == 0 and "3: one live job per unit" in first.output, first.output
    again = CliRunner().invoke(cli, ["db", "upgrade", "--config", str(path)])
    assert again.exit_code == 0 and f"schema is current (version {db.LATEST})" in again.output
    assert [r[0] for r in rows(pg_url, "SELECT version FROM syndicate_schema ORDER BY 1")] == [
        m.version for m in db.MIGRATIONS
    ]
    with db.connect(pg_url) as conn:
        db.require_current(conn, pg_url)


def test_a_worker_refuses_a_database_not_upgraded(tmp_path: Path, pg_url: str) -> None:
    path = write_group(tmp_path, f'[store]\nurl = "{pg_url}"\n[jobs]\nengine = "procrastinate"\n')
    result = CliRunner().invoke(cli, ["worker", "--config", str(path)])
    assert result.exit_code == 1 and "schema version 0" in result.output


def test_due_runs_follow_each_titles_time_zone(tmp_path: Path) -> None:
    loaded = group.load(write_group(tmp_path))
    since, until = dt.datetime(2024, 3, 1, 0, 0, tzinfo=UTC), dt.datetime(2024, 3, 2, 0, 0, tzinfo=UTC)
    west = due_runs(loaded.title("westcoast"), since, until)
    harbour = due_runs(loaded.title("harbour"), since, until)
    # 02:30 in Shanghai is 18:30 UTC the day before; in New York (EST) 07:30 UTC
    assert [(r.kind, r.due_at.strftime("%H:%M")) for r in west] == [
        ("nightly", "18:30"),
        ("release", "22:00"),
    ]
    assert [(r.kind, r.due_at.strftime("%H:%M")) for r in harbour] == [
        ("nightly", "07:30"),
        ("release", "11:00"),
    ]
    nightly = west[0]
    assert nightly.days[-1] == dt.date(2024, 3, 2)  # already the 2nd in Shanghai
    assert len(nightly.days) == 4  # its local date and the three lookback days


def test_a_unit_is_unique_while_waiting_and_while_running(tmp_path: Path, upgraded: str) -> None:
    loaded = group_for(tmp_path, upgraded)
    app = jobs_app.make_app(loaded)
    unit = jobs_app.Unit("ingest", {"title": "westcoast", "day": "2024-03-01"})
    other = jobs_app.Unit("ingest", {"title": "harbour", "day": "2024-03-01"})
    with db.connect(upgraded) as conn, conn.transaction():
        assert jobs_app.defer_units(app, conn, [unit, unit, other]) == [unit, other]
    # running: a queueing lock would let a second one in; the unique index does not
    with psycopg.connect(upgraded, autocommit=True) as conn:
        conn.execute("UPDATE procrastinate_jobs SET status = 'doing' WHERE args->>'title' = 'westcoast'")
    with db.connect(upgraded) as conn, conn.transaction():
        assert jobs_app.defer_units(app, conn, [unit]) == []
    with psycopg.connect(upgraded, autocommit=True) as conn:
        conn.execute("UPDATE procrastinate_jobs SET status = 'succeeded' WHERE args->>'title' = 'westcoast'")
    with db.connect(upgraded) as conn, conn.transaction():
        assert jobs_app.defer_units(app, conn, [unit]) == [unit]  # done: the next pass may come
    locks = rows(upgraded, "SELECT lock FROM procrastinate_jobs WHERE task_name = 'ingest' ORDER BY id")
    assert locks == [("westcoast",), ("harbour",), ("westcoast",)]  # one running unit per title


def test_backfill_enqueues_one_unit_per_month(tmp_path: Path, upgraded: str) -> None:
    path = write_group(tmp_path, f'[store]\nurl = "{upgraded}"\n[jobs]\nengine = "procrastinate"\n')
    args = [
        "backfill",
        "--config",
        str(path),
        "--title",
        "harbour",
        "--from",
        "2023-11-20",
        "--to",
        "2024-02-03",
    ]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0 and "4 month unit(s) enqueued" in result.output, result.output
    got = rows(
        upgraded, "SELECT args->>'month', args->>'first', args->>'last' FROM procrastinate_jobs ORDER BY id"
    )
    assert got == [
        ("2023-11", "2023-11-20", "2023-11-30"),
        ("2023-12", "2023-12-01", "2023-12-31"),
        ("2024-01", "2024-01-01", "2024-01-31"),
        ("2024-02", "2024-02-01", "2024-02-03"),
    ]
    again = CliRunner().invoke(cli, args)
    assert "0 month unit(s) enqueued (4 already waiting or running)" in again.output


def test_a_tick_after_a_restart_enqueues_what_fell_due_while_down(tmp_path: Path, upgraded: str) -> None:
    loaded = group_for(tmp_path, upgraded, westcoast="Asia/Shanghai")
    app = jobs_app.make_app(loaded)
    before = dt.datetime(2024, 3, 1, 18, 0, tzinfo=UTC)  # the last tick before every worker stopped
    assert jobs_app.enqueue_due(app, loaded, before) == 0
    # Workers come back at 19:00 UTC: the 02:30 Shanghai pass (18:30 UTC) fell due while down.
    back = dt.datetime(2024, 3, 1, 19, 0, tzinfo=UTC)
    # Procrastinate's own deferrer, started at 19:00, would not defer the 18:30 run (the trap):
    deferrer = PeriodicDeferrer(procrastinate.periodic.PeriodicRegistry())
    deferrer.registry.register_task(app.tasks["tick"], "30 18 * * *", "t", {})
    assert list(deferrer.get_previous_tasks(at=back.timestamp())) == []
    assert jobs_app.enqueue_due(app, loaded, back) == 4  # 2024-03-02 and its three lookback days
    assert jobs_app.enqueue_due(app, loaded, back) == 0  # the same tick again: nothing twice
    due = rows(upgraded, "SELECT title, kind, due_at FROM syndicate_due_runs")
    assert due == [("westcoast", "nightly", dt.datetime(2024, 3, 1, 18, 30, tzinfo=UTC))]
    days = rows(upgraded, "SELECT args->>'day' FROM procrastinate_jobs WHERE task_name = 'ingest' ORDER BY 1")
    assert [d for (d,) in days] == ["2024-02-28", "2024-02-29", "2024-03-01", "2024-03-02"]


def test_catch_up_is_bounded(tmp_path: Path, upgraded: str) -> None:
    loaded = group_for(tmp_path, upgraded, westcoast="Asia/Shanghai")
    app = jobs_app.make_app(loaded)
    jobs_app.enqueue_due(app, loaded, dt.datetime(2024, 3, 1, 0, 0, tzinfo=UTC))
    # down for ten days: only the passes of the last jobs.catch_up (6 h, from 18:00) are enqueued
    jobs_app.enqueue_due(app, loaded, dt.datetime(2024, 3, 11, 0, 0, tzinfo=UTC))
    due = rows(upgraded, "SELECT kind, due_at FROM syndicate_due_runs ORDER BY due_at")
    assert due == [
        ("nightly", dt.datetime(2024, 3, 10, 18, 30, tzinfo=UTC)),
        ("release", dt.datetime(2024, 3, 10, 22, 0, tzinfo=UTC)),
    ]


async def _stalled_job(app: procrastinate.App) -> tuple[int, int]:
    """A job fetched by a worker that then died: (job id, worker id)."""
    worker_id = await app.job_manager.register_worker()
    await app.tasks["release"].defer_async(title="westcoast")
    job = await app.job_manager.fetch_job(queues=None, worker_id=worker_id)
    assert job is not None and job.id is not None
    return job.id, worker_id


@pytest.mark.parametrize("pruned", [False, True], ids=["silent-worker", "worker-row-pruned"])
def test_the_reaper_hands_back_jobs_of_dead_workers(tmp_path: Path, upgraded: str, pruned: bool) -> None:
    loaded = group_for(tmp_path, upgraded, westcoast="Asia/Shanghai")
    app = jobs_app.make_app(loaded)

    async def scenario() -> tuple[list[int], int]:
        async with app.open_async():
            job_id, worker_id = await _stalled_job(app)
            assert await reap(app, stalled_after=60) == []  # heart-beating a moment ago: alive
            async with app.connector.pool.connection() as conn:  # type: ignore[attr-defined]
                await conn.execute(
                    "UPDATE procrastinate_workers SET last_heartbeat = now() - interval '5 minutes'"
                )
            if pruned:  # what a starting worker does to a silent one: its jobs' worker_id -> NULL
                assert await app.job_manager.prune_stalled_workers(60) == [worker_id]
            return await reap(app, stalled_after=60), job_id

    retried, job_id = asyncio.run(scenario())
    assert retried == [job_id]
    status = rows(upgraded, "SELECT status, attempts FROM procrastinate_jobs WHERE id = %s", job_id)
    assert status == [("todo", 1)]


def test_nightly_passes_go_before_a_long_backfill(tmp_path: Path, upgraded: str) -> None:
    loaded = group_for(tmp_path, upgraded)
    app = jobs_app.make_app(loaded)
    backfill = jobs_app.month_units("westcoast", dt.date(2015, 1, 1), dt.date(2015, 12, 31))
    nightly = jobs_app.units_for_days("harbour", [dt.date(2024, 3, 1)])
    with db.connect(upgraded) as conn, conn.transaction():
        jobs_app.defer_units(app, conn, [*backfill, *nightly])  # the nightly unit deferred last

    async def first_fetched() -> str:
        async with app.open_async():
            worker_id = await app.job_manager.register_worker()
            job = await app.job_manager.fetch_job(queues=None, worker_id=worker_id)
            assert job is not None
            return job.task_name

    assert asyncio.run(first_fetched()) == "ingest"


def test_enqueue_one_date_once(tmp_path: Path, upgraded: str) -> None:
    path = write_group(tmp_path, f'[store]\nurl = "{upgraded}"\n[jobs]\nengine = "procrastinate"\n')
    args = ["enqueue", "--config", str(path), "--title", "harbour", "--date", "2024-03-01"]
    assert "1 unit(s) enqueued" in CliRunner().invoke(cli, args).output
    assert "0 unit(s) enqueued (already waiting or running)" in CliRunner().invoke(cli, args).output
    every = CliRunner().invoke(cli, ["enqueue", "--config", str(path), "--date", "2024-03-01"])
    assert "1 unit(s) enqueued" in every.output  # westcoast's; harbour's is still waiting
    got = rows(upgraded, "SELECT args->>'title', args->>'day', priority FROM procrastinate_jobs ORDER BY id")
    assert got == [("harbour", "2024-03-01", 50), ("westcoast", "2024-03-01", 50)]


def test_a_failed_source_is_retried_a_date_not_published_is_not(tmp_path: Path, upgraded: str) -> None:
    from epaper import EPaper

    from syndicate.errors import SourceError

    with EPaper(["westcoast"], dt.date(2024, 3, 1), dt.date(2024, 3, 1)) as paper:
        path = write_group(tmp_path, f'[store]\nurl = "{upgraded}"\n[jobs]\nengine = "procrastinate"\n')
        down = f"http://127.0.0.1:{services.free_port()}/{{date}}/issue.toml"
        for name, url in (("westcoast", paper.source_url("westcoast")), ("harbour", down)):
            text = (tmp_path / "titles" / f"{name}.toml").read_text().replace('path = "issues"', "")
            text = text.replace("[source]", f'[source]\ntype = "http"\nurl = "{url}"\nretries = 0')
            (tmp_path / "titles" / f"{name}.toml").write_text(text)
        loaded = group.load(path)
        assert "1 issue(s) seen" in jobs_app.run_pass(
            loaded, "westcoast", [dt.date(2024, 3, 1)], need_issue=True
        )
        # not published yet (404): done, nothing to retry
        assert "0 issue(s) seen" in jobs_app.run_pass(
            loaded, "westcoast", [dt.date(2024, 3, 2)], need_issue=True
        )
        with pytest.raises(SourceError, match="harbour: "):  # the e-paper server is down: retried
            jobs_app.run_pass(loaded, "harbour", [dt.date(2024, 3, 1)], need_issue=True)
    strategy = jobs_app.make_app(loaded).tasks["ingest"].retry_strategy
    assert strategy is not None and strategy.max_attempts == 5 and strategy.exponential_wait == 10
    assert rows(upgraded, "SELECT title, count(*) FROM syndicate_issues GROUP BY 1") == [("westcoast", 1)]
