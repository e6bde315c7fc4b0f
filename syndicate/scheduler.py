"""APScheduler wiring only: *when* passes run. What a pass does is ``pipeline.run``.

Two persistent jobs in a SQLAlchemy job store (``<state_dir>/jobs.sqlite``), both in the
publication's time zone, never the machine's:

- ``nightly-pass`` at ``schedule.cron``: ingest and publish;
- ``release-pass`` daily at ``publication.release``: publish what the embargo held back.

APScheduler 3 traps, each pinned by a test in ``tests/test_scheduler.py``:

- ``add_job(..., replace_existing=True)`` at every start recomputes the next run time and silently
  drops a run missed while the machine was off: start paused, add a job only when it is missing
  (``ensure_jobs``), then resume;
- the default ``misfire_grace_time`` (1 s) skips a missed night: it comes from configuration
  (default 6 h), with ``coalesce`` so that several missed runs make one;
- the next fire time is saved *before* a job runs, so a pass killed midway is not retried by the
  scheduler: the pass itself resumes (it skips stored, unchanged issues);
- that saved next run time also means a pass killed midway (``kill -9``, a power cut) or a release
  time passed while the scheduler was down beyond the grace leaves nothing due until the next fire
  time, up to a day later: at start-up the scheduler runs the pass it owes at once
  (``catch_up``, from ``passlog``), unless APScheduler is about to run a missed job itself;
- two scheduler processes on one job store run each fire time twice: a second ``run_forever`` on
  the same state folder is refused (``locking.scheduler_lock``), and every pass takes the
  cross-process pass lock, so a hand-started ``syndicate run`` never overlaps a scheduled pass.

``run_forever`` uses a ``BackgroundScheduler`` and keeps the main thread for signals, rather than a
``BlockingScheduler``: the latter's ``start()`` blocks, so it cannot be started paused, have its
jobs ensured, then be resumed; and shutting it down from inside a signal handler would interrupt
its own loop. Here SIGINT/SIGTERM only set an event; the main thread then calls
``shutdown(wait=True)``, which lets the current pass finish.
"""

from __future__ import annotations

import datetime as dt
import logging
import signal
import threading
from collections.abc import Callable
from types import FrameType
from typing import Any

from apscheduler.events import EVENT_JOB_MISSED, JobExecutionEvent
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import STATE_STOPPED
from apscheduler.triggers.cron import CronTrigger

from . import locking, passlog, pipeline
from .config import Settings
from .errors import LockError, SyndicateError
from .report import PassReport

log = logging.getLogger(__name__)

JOBS_DB = "jobs.sqlite"
PASS_JOB = "nightly-pass"
RELEASE_JOB = "release-pass"
CATCH_UP_JOB = "catch-up-pass"  # one-off, in memory: owed at this start only
# The job store keeps a textual reference to this function, never the settings themselves:
# a changed configuration takes effect at the next start without touching the store.
PASS_FUNC = "syndicate.scheduler:scheduled_pass"

_active: Settings | None = None  # the settings of the running scheduler, read by scheduled_pass


class _Scheduler(BackgroundScheduler):  # type: ignore[misc]
    """A ``BackgroundScheduler`` that does not process jobs once it is stopped.

    APScheduler 3's loop checks its state only after waking, so ``shutdown()`` is followed by one
    more round of due jobs: their next run time is saved but the stopped executor refuses them,
    and a missed run is lost without running (pinned by a test).
    """

    def _process_jobs(self) -> float | None:
        if self.state == STATE_STOPPED:
            return None
        result: float | None = super()._process_jobs()
        return result


def pass_trigger(settings: Settings) -> CronTrigger:
    """``schedule.cron`` evaluated in the publication's time zone."""
    return CronTrigger.from_crontab(settings.schedule.cron, timezone=settings.publication.tz)


def release_trigger(settings: Settings) -> CronTrigger:
    """Daily at ``publication.release``, in the publication's time zone."""
    release = settings.publication.release
    return CronTrigger(hour=release.hour, minute=release.minute, timezone=settings.publication.tz)


def make_scheduler(settings: Settings) -> BackgroundScheduler:
    """A scheduler on the persistent job store; one worker, so its passes queue rather than overlap."""
    settings.state_dir.mkdir(parents=True, exist_ok=True)
    store = SQLAlchemyJobStore(url=f"sqlite:///{settings.state_dir / JOBS_DB}")
    scheduler = _Scheduler(
        jobstores={"default": store, "memory": MemoryJobStore()},
        executors={"default": ThreadPoolExecutor(1)},
        job_defaults=_job_options(settings),
        timezone=settings.publication.tz,
    )
    scheduler.add_listener(_log_missed, EVENT_JOB_MISSED)
    return scheduler


def _job_options(settings: Settings) -> dict[str, Any]:
    return {"coalesce": True, "max_instances": 1, "misfire_grace_time": settings.schedule.misfire_grace_time}


def _log_missed(event: JobExecutionEvent) -> None:
    log.warning(
        "%s: the run due at %s was missed (beyond schedule.misfire_grace_time)",
        event.job_id,
        event.scheduled_run_time,
    )


def ensure_jobs(scheduler: BackgroundScheduler, settings: Settings, func: str = PASS_FUNC) -> list[str]:
    """Add each job only when it is missing; update one whose configuration changed. Returns what changed.

    An existing job keeps its stored next run time, so a run missed while the scheduler was down
    still happens (once) when it resumes. When the trigger changed, the next run is the earlier
    of the stored one and the new trigger's.
    """
    wanted = {
        PASS_JOB: (pass_trigger(settings), "nightly"),
        RELEASE_JOB: (release_trigger(settings), "release"),
    }
    options = _job_options(settings)
    changed = []
    for job_id, (trigger, kind) in wanted.items():
        job = scheduler.get_job(job_id)
        if job is None:
            scheduler.add_job(func, trigger, args=[kind], id=job_id, name=f"{kind} pass", **options)
            changed.append(f"added {job_id}")
            continue
        same_trigger = (str(job.trigger), str(job.trigger.timezone)) == (str(trigger), str(trigger.timezone))
        current = {k: getattr(job, k) for k in options} | {"func_ref": job.func_ref, "args": tuple(job.args)}
        if same_trigger and current == options | {"func_ref": func, "args": (kind,)}:
            continue
        update: dict[str, Any] = {"func": func, "args": [kind], **options}
        if not same_trigger:
            update["trigger"] = trigger
            upcoming = trigger.get_next_fire_time(None, dt.datetime.now(settings.publication.tz))
            if job.next_run_time is None or (upcoming is not None and upcoming < job.next_run_time):
                update["next_run_time"] = upcoming
        scheduler.modify_job(job_id, **update)
        changed.append(f"updated {job_id}")
    return changed


def catch_up(
    scheduler: BackgroundScheduler, settings: Settings, func: str = PASS_FUNC, now: dt.datetime | None = None
) -> bool:
    """Add a one-off pass to run at once when one is owed (see ``passlog.owed``); returns whether.

    Not when a stored job is due within its grace: APScheduler runs that one on resume, and a
    second pass right after it would find nothing to do."""
    now = now or dt.datetime.now(settings.publication.tz)
    grace = dt.timedelta(seconds=settings.schedule.misfire_grace_time)
    for job in scheduler.get_jobs():
        if job.next_run_time is not None and now - grace <= job.next_run_time <= now:
            return False
    record = passlog.read(settings.state_dir)
    if not passlog.owed(record, (pass_trigger(settings), release_trigger(settings)), now):
        return False
    why = "the last pass did not finish" if record.interrupted else "a fire time passed since the last pass"
    log.info("catch-up pass now: %s", why)
    scheduler.add_job(
        func, "date", run_date=now, args=["catch-up"], id=CATCH_UP_JOB, name="catch-up pass",
        jobstore="memory", replace_existing=True, **_job_options(settings),
    )  # fmt: skip
    return True


def scheduled_pass(kind: str = "nightly") -> None:
    """The job function (referenced by name from the job store): one locked pass, one log line."""
    if _active is None:
        raise RuntimeError("scheduled_pass runs only inside run_forever")
    try:
        locked_pass(_active, f"{kind} pass")
    except LockError as exc:
        log.warning("%s pass skipped: %s", kind, exc)
    except SyndicateError as exc:
        log.error("%s pass failed: %s", kind, exc)


def locked_pass(settings: Settings, label: str, dates: list[dt.date] | None = None) -> PassReport:
    """``pipeline.run`` (preflight, pass lock, pass); logs one line with the time taken."""
    report = pipeline.run(settings, dates)
    log.info("%s: %s", label, report.summary())
    for problem in report.problems:
        log.warning("%s: %s", label, problem)
    for notice in report.notices:
        log.info("%s: %s", label, notice)
    return report


def run_forever(settings: Settings, *, func: str = PASS_FUNC, stop: threading.Event | None = None) -> None:
    """Run the two jobs until SIGINT/SIGTERM (or ``stop`` is set); the current pass finishes first."""
    global _active
    pipeline.preflight(settings)  # a mistyped path fails now, not at 02:30
    stop = stop or threading.Event()
    with locking.scheduler_lock(settings.state_dir):
        _active = settings
        scheduler = make_scheduler(settings)
        restore = _on_signals(stop)
        try:
            scheduler.start(paused=True)
            for change in ensure_jobs(scheduler, settings, func):
                log.info("job store %s: %s", settings.state_dir / JOBS_DB, change)
            catch_up(scheduler, settings, func)
            scheduler.resume()
            for job in scheduler.get_jobs():
                log.info("scheduler started: %s next at %s", job.name, job.next_run_time)
            while not stop.wait(1.0):
                pass
            log.info("stopping: waiting for the current pass to finish")
        finally:
            if scheduler.running:
                scheduler.shutdown(wait=True)
            restore()
            _active = None
    log.info("scheduler stopped")


def _on_signals(stop: threading.Event) -> Callable[[], None]:
    """SIGINT/SIGTERM set ``stop`` (main thread only); returns a function restoring the old handlers."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None

    def handler(signum: int, frame: FrameType | None) -> None:
        log.info("%s received", signal.Signals(signum).name)
        stop.set()

    old = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}

    def restore() -> None:
        for sig, previous in old.items():
            signal.signal(sig, previous)

    return restore
