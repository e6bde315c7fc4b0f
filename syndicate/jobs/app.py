"""The Procrastinate app of a group: its tasks, how units are deferred, and the periodic tick."""

from __future__ import annotations

import calendar
import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import procrastinate
import psycopg
from procrastinate import exceptions as pexc
from procrastinate.manager import JobManager

from .. import db
from ..errors import SourceError
from ..group import Group
from .due import due_runs

log = logging.getLogger(__name__)

QUEUE = "passes"
TICK_QUEUE = "ticks"
CLOCK = "due"
# Fetch order (a worker takes the highest priority first): the tick, then the titles' nightly and
# release passes, then backfill months; a ten-year backfill of one title never holds up a morning.
PRIORITY = {"tick": 100, "ingest": 50, "release": 50, "backfill_month": 0}


@dataclass(frozen=True)
class Unit:
    """One job to defer: a task name and its arguments (``title`` always among them)."""

    task: str
    args: dict[str, Any]

    @property
    def title(self) -> str:
        return str(self.args["title"])


def make_app(group: Group) -> procrastinate.App:
    """An app on the group's database with every task registered (opened by the caller)."""
    url = group.store_url
    if not url:
        raise ValueError("a job engine needs store.url")
    app = procrastinate.App(connector=procrastinate.PsycopgConnector(conninfo=url))
    retry = procrastinate.RetryStrategy(
        max_attempts=group.jobs.retries, exponential_wait=group.jobs.retry_wait, retry_exceptions={Exception}
    )

    @app.task(name="ingest", queue=QUEUE, retry=retry)
    def ingest(title: str, day: str) -> str:
        """One date of one title: fetch, read, store, publish."""
        return run_pass(group, title, [dt.date.fromisoformat(day)], need_issue=True)

    @app.task(name="release", queue=QUEUE, retry=retry)
    def release(title: str) -> str:
        """Publish what the embargo held back (no fetching)."""
        return run_pass(group, title, [])

    @app.task(name="backfill_month", queue=QUEUE, retry=retry)
    def backfill_month(title: str, month: str, first: str, last: str) -> str:
        """Every date of one month of one title (``first``..``last``), in one pass."""
        start, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
        days = [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]
        return run_pass(group, title, days)

    @app.task(name="tick", queue=TICK_QUEUE)
    def tick(timestamp: int) -> int:
        """The one periodic task: enqueue what fell due for every title up to this tick."""
        return enqueue_due(app, group, dt.datetime.fromtimestamp(timestamp, dt.UTC))

    app.periodic_registry.register_task(
        task=tick, cron=group.jobs.tick, periodic_id="due", configure_kwargs={"priority": PRIORITY["tick"]}
    )
    return app


def run_pass(group: Group, title: str, days: list[dt.date], need_issue: bool = False) -> str:
    """One pass of ``title`` over ``days`` as every entry point runs it (preflight, the title's
    lock across the cluster, the pass); raises to be retried.

    ``need_issue``: a date whose source failed (and so was not seen) raises ``SourceError``, which
    the retry strategy retries with back-off; a date not published yet (404) is no failure."""
    from .. import pipeline

    report = pipeline.run(group.titles[title], dates=days)
    log.info("%s %s: %s", title, days[0] if len(days) == 1 else f"{len(days)} date(s)", report.summary())
    if need_issue and report.problems and report.issues_seen == 0:
        raise SourceError(f"{title}: " + "; ".join(str(p) for p in report.problems))
    return report.summary()


def job_for(app: procrastinate.App, unit: Unit) -> procrastinate.jobs.Job:
    queue = TICK_QUEUE if unit.task == "tick" else QUEUE
    task = app.tasks[unit.task]
    return task.configure(
        lock=unit.title, queue=queue, priority=PRIORITY[unit.task], task_kwargs=unit.args
    ).job


def defer_units(app: procrastinate.App, conn: psycopg.Connection[Any], units: Iterable[Unit]) -> list[Unit]:
    """Defer each unit on ``conn`` (in its transaction); return those deferred. A unit already
    waiting or running is refused by the database (``syndicate_one_live_unit``) and skipped."""
    manager = JobManager(procrastinate.SyncPsycopgConnector())
    deferred = []
    for unit in units:
        try:
            with conn.transaction():  # a savepoint: a refused unit leaves the transaction usable
                manager.batch_defer_jobs([job_for(app, unit)], connection=conn)
        except (pexc.UniqueViolation, pexc.AlreadyEnqueued):
            log.debug("%s %s: already waiting or running", unit.task, unit.args)
            continue
        deferred.append(unit)
    return deferred


def units_for_days(title: str, days: Iterable[dt.date]) -> list[Unit]:
    return [Unit("ingest", {"title": title, "day": d.isoformat()}) for d in days]


def month_units(title: str, start: dt.date, end: dt.date) -> list[Unit]:
    """``backfill_month`` units covering ``start``..``end``, one per calendar month (clipped)."""
    units = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        first = max(start, dt.date(year, month, 1))
        last = min(end, dt.date(year, month, calendar.monthrange(year, month)[1]))
        args = {"title": title, "month": f"{year:04d}-{month:02d}", "first": str(first), "last": str(last)}
        units.append(Unit("backfill_month", args))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return units


def enqueue_due(app: procrastinate.App, group: Group, until: dt.datetime) -> int:
    """Enqueue every title's passes due since the clock's last tick (at most ``jobs.catch_up`` late)
    up to ``until``, and move the clock; one transaction, so a tick that dies enqueues nothing and
    the next one does it all. Returns how many units were deferred."""
    assert group.store_url is not None
    with db.connect(group.store_url) as conn, conn.transaction():
        row = conn.execute(
            "SELECT until FROM syndicate_clock WHERE name = %s FOR UPDATE", (CLOCK,)
        ).fetchone()
        oldest = until - dt.timedelta(seconds=group.jobs.catch_up)
        if row is None:
            conn.execute("INSERT INTO syndicate_clock VALUES (%s, %s) ON CONFLICT DO NOTHING", (CLOCK, until))
            row = conn.execute(
                "SELECT until FROM syndicate_clock WHERE name = %s FOR UPDATE", (CLOCK,)
            ).fetchone()
            since = until - dt.timedelta(minutes=1)  # a new database: only what is due now
        else:
            since = max(row[0], oldest)
        if since >= until:
            return 0
        deferred = 0
        for settings in group.titles.values():
            for run in due_runs(settings, since, until):
                new = conn.execute(
                    "INSERT INTO syndicate_due_runs VALUES (%s, %s, %s, %s) ON CONFLICT DO NOTHING RETURNING 1",
                    (run.title, run.kind, run.due_at, until),
                ).fetchone()
                if new is None:
                    continue
                units = (
                    units_for_days(run.title, run.days)
                    if run.kind == "nightly"
                    else [Unit("release", {"title": run.title})]
                )
                deferred += len(defer_units(app, conn, units))
        conn.execute("UPDATE syndicate_clock SET until = greatest(until, %s) WHERE name = %s", (until, CLOCK))
    return deferred
