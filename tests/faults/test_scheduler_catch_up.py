"""Row 13 (issue 10): a scheduler started after a crash or a missed release runs the owed pass at once.

APScheduler saves a job's next run time before it runs the job. Before the fix, a scheduler
restarted after ``kill -9`` mid-pass waited for the next fire time (tomorrow), and a release time
passed while it was down beyond the misfire grace stayed unpublished about 20 hours. Here the
real ``run_forever`` starts on a state folder left that way, with the real pass, and must publish
within seconds; a scheduler whose last pass finished after the last fire time runs nothing extra.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from syndicate import config, passlog, scheduler
from syndicate.scheduler import RELEASE_JOB


def settings_for(tmp_path: Path, release: dt.datetime) -> config.Settings:
    """Cron twelve hours away, release at ``release`` (local), a grace of 10 minutes."""
    cron_at = release + dt.timedelta(hours=12)
    data = {
        "publication": {"release": f"{release:%H:%M}"},
        "output": {"dir": "feeds"},
        "schedule": {"cron": f"{cron_at.minute} {cron_at.hour} * * *", "misfire_grace_time": 600},
    }
    return config.parse(data, tmp_path)


def local_now() -> dt.datetime:
    return dt.datetime.now(config.Publication().tz).replace(second=0, microsecond=0)


@contextmanager
def running(settings: config.Settings) -> Iterator[None]:
    stop = threading.Event()
    thread = threading.Thread(target=scheduler.run_forever, args=(settings,), kwargs={"stop": stop})
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(60)


def published(settings: config.Settings, timeout: float = 30) -> bool:
    end = time.monotonic() + timeout
    index = settings.out_dir / "public" / "index.html"
    while time.monotonic() < end:
        if index.exists() and not passlog.read(settings.state_dir).interrupted:
            return True
        time.sleep(0.1)
    return False


def jobs_ensured(settings: config.Settings, release_missed: dt.datetime | None = None) -> None:
    """The job store as a scheduler left it; optionally with the release run missed at that time."""
    sched = scheduler.make_scheduler(settings)
    sched.start(paused=True)
    scheduler.ensure_jobs(sched, settings)
    if release_missed is not None:
        sched.modify_job(RELEASE_JOB, next_run_time=release_missed)
    sched.shutdown()


def test_a_pass_killed_midway_runs_again_at_start(tmp_path: Path) -> None:
    settings = settings_for(tmp_path, release=local_now() + dt.timedelta(hours=3))
    jobs_ensured(settings)  # next runs hours away, as after APScheduler saved them
    # What kill -9 mid-pass leaves: the pass recorded as started, never as finished.
    with pytest.raises(KeyboardInterrupt), passlog.recorded(settings.state_dir, dt.datetime.now(dt.UTC)):
        raise KeyboardInterrupt
    with running(settings):
        assert published(settings), "the interrupted pass was not run again at start"


def test_a_release_missed_beyond_the_grace_is_published_at_start(tmp_path: Path) -> None:
    release = local_now() - dt.timedelta(hours=1)
    settings = settings_for(tmp_path, release=release)
    jobs_ensured(settings, release_missed=release)  # down from before the release until now
    finished = (release - dt.timedelta(hours=2)).astimezone(dt.UTC)
    with passlog.recorded(settings.state_dir, finished):
        pass
    with running(settings):
        assert published(settings), "the missed release pass did not run at start"


def test_nothing_owed_runs_nothing(tmp_path: Path) -> None:
    release = local_now() - dt.timedelta(hours=1)
    settings = settings_for(tmp_path, release=release)
    jobs_ensured(settings)
    with passlog.recorded(settings.state_dir, dt.datetime.now(dt.UTC)):
        pass  # the last pass ran after the release
    with running(settings):
        time.sleep(3)
    assert not (settings.out_dir / "public").exists()


def test_last_fire_and_owed() -> None:
    settings = settings_for(Path("/nonexistent"), release=dt.datetime(2024, 1, 1, 6, 0))
    trigger = scheduler.release_trigger(settings)
    now = dt.datetime(2024, 1, 3, 7, 0, tzinfo=settings.publication.tz)
    assert passlog.last_fire(trigger, now) == dt.datetime(2024, 1, 3, 6, 0, tzinfo=settings.publication.tz)
    before = passlog.PassLog(now - dt.timedelta(hours=2), now - dt.timedelta(hours=2))
    after = passlog.PassLog(now - dt.timedelta(minutes=30), now - dt.timedelta(minutes=30))
    assert passlog.owed(before, [trigger], now) and not passlog.owed(after, [trigger], now)
    assert passlog.owed(passlog.PassLog(now, None), [trigger], now)  # started, never finished
    assert not passlog.owed(passlog.PassLog(), [trigger], now)  # a new installation
