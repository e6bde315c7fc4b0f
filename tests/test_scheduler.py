"""The scheduler and its APScheduler 3 traps, driven by stored run times: no test waits for a night.

Jobs here call ``test_scheduler:record`` (a textual reference, as the job store keeps it) instead of
a real pass; the end-to-end test at the bottom runs the real ``syndicate schedule``.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from apscheduler.schedulers.background import BackgroundScheduler

from syndicate import backfill, config, scheduler
from syndicate.config import SAMPLE_DIR
from syndicate.scheduler import PASS_JOB, RELEASE_JOB

RECORD = "test_scheduler:record"
SLOW = "test_scheduler:slow_record"
RUNS: list[str] = []
SLOW_STARTED = threading.Event()
SLOW_FINISHED = threading.Event()
SYNDICATE = str(Path(sys.executable).parent / "syndicate")


def record(kind: str) -> None:
    RUNS.append(kind)


def slow_record(kind: str) -> None:
    SLOW_STARTED.set()
    time.sleep(2.0)
    RUNS.append(kind)
    SLOW_FINISHED.set()


@pytest.fixture(autouse=True)
def _reset() -> None:
    RUNS.clear()
    SLOW_STARTED.clear()
    SLOW_FINISHED.clear()


def settings_for(tmp_path: Path, **schedule: Any) -> config.Settings:
    data = {"output": {"dir": "feeds"}, "schedule": {"cron": "30 2 * * *", **schedule}}
    return config.parse(data, tmp_path)


def now(settings: config.Settings) -> dt.datetime:
    return dt.datetime.now(settings.publication.tz)


def started(settings: config.Settings, func: str = RECORD) -> BackgroundScheduler:
    """A scheduler as ``run_forever`` starts one: paused, jobs ensured, not yet resumed."""
    sched = scheduler.make_scheduler(settings)
    sched.start(paused=True)
    scheduler.ensure_jobs(sched, settings, func)
    return sched


def wait_for(cond: Callable[[], bool], timeout: float = 10) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(0.05)
    return cond()


def machine_off_over(settings: config.Settings, missed: dt.timedelta) -> None:
    """Leave the store as if the machine had been off since the pass was due ``missed`` ago."""
    sched = started(settings)
    sched.modify_job(PASS_JOB, next_run_time=now(settings) - missed)
    sched.shutdown()


def test_job_store_survives_restart(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    first = started(settings)
    due = {job.id: job.next_run_time for job in first.get_jobs()}
    first.shutdown()
    assert set(due) == {PASS_JOB, RELEASE_JOB}
    assert (settings.state_dir / "jobs.sqlite").exists()
    second = scheduler.make_scheduler(settings)
    second.start(paused=True)
    assert scheduler.ensure_jobs(second, settings, RECORD) == []  # found, not re-added
    assert {job.id: job.next_run_time for job in second.get_jobs()} == due
    second.shutdown()


def test_missed_runs_caught_up_once_after_restart(tmp_path: Path) -> None:
    # Hourly, off for three hours: three runs missed, the last within the hour (grace: 6 h).
    # With coalesce, the grace is measured from the *latest* missed run time.
    settings = settings_for(tmp_path, cron="0 * * * *")
    machine_off_over(settings, dt.timedelta(hours=3))
    sched = started(settings)
    sched.resume()
    assert wait_for(lambda: RUNS == ["nightly"])
    time.sleep(0.5)
    assert RUNS == ["nightly"]  # coalesced: once, not three or four times
    assert sched.get_job(PASS_JOB).next_run_time > now(settings)
    sched.shutdown()


def test_trap_shutdown_does_not_consume_a_due_run(tmp_path: Path) -> None:
    # APScheduler 3 processes due jobs once more after shutdown(): the run would be lost unrun.
    settings = settings_for(tmp_path)
    missed = now(settings) - dt.timedelta(hours=1)
    machine_off_over(settings, dt.timedelta(hours=1))
    sched = started(settings)
    assert abs(sched.get_job(PASS_JOB).next_run_time - missed) < dt.timedelta(seconds=5)
    sched.shutdown()


def test_trap_replace_existing_drops_the_missed_run(tmp_path: Path) -> None:
    # What ensure_jobs avoids: re-adding the job at each start recomputes its next run time.
    settings = settings_for(tmp_path)
    machine_off_over(settings, dt.timedelta(hours=1))
    sched = scheduler.make_scheduler(settings)
    sched.start(paused=True)
    trigger = scheduler.pass_trigger(settings)
    sched.add_job(RECORD, trigger, args=["nightly"], id=PASS_JOB, replace_existing=True)
    sched.resume()
    time.sleep(1.0)
    sched.shutdown()
    assert RUNS == []


@pytest.mark.parametrize("grace, runs", [(1, []), (None, ["nightly"])])
def test_trap_default_misfire_grace_skips_a_missed_night(
    tmp_path: Path, grace: int | None, runs: list[str], caplog: pytest.LogCaptureFixture
) -> None:
    settings = settings_for(tmp_path)  # misfire_grace_time defaults to 6 h
    sched = started(settings)
    assert sched.get_job(PASS_JOB).misfire_grace_time == 6 * 3600
    change: dict[str, Any] = {"next_run_time": now(settings) - dt.timedelta(hours=2)}
    if grace is not None:
        change["misfire_grace_time"] = grace  # APScheduler's default
    sched.modify_job(PASS_JOB, **change)
    with caplog.at_level(logging.WARNING, "syndicate.scheduler"):
        sched.resume()
        wait_for(lambda: runs == RUNS and (bool(runs) or "was missed" in caplog.text), 5)
    sched.shutdown()
    assert runs == RUNS


def test_trap_next_run_time_is_saved_before_the_pass_runs(tmp_path: Path) -> None:
    # So a pass killed midway is not run again by the scheduler: the pass itself must resume.
    settings = settings_for(tmp_path)
    sched = started(settings, SLOW)
    sched.modify_job(PASS_JOB, next_run_time=now(settings) - dt.timedelta(minutes=1))
    sched.resume()
    assert SLOW_STARTED.wait(10)
    stored = scheduler.make_scheduler(settings)  # what a restarted process would read
    stored.start(paused=True)
    # APScheduler hands the job to its executor, then saves the next run time: within moments
    # of the start, and long before the pass ends, the store holds the next one.
    assert wait_for(lambda: stored.get_job(PASS_JOB).next_run_time > now(settings), 1.5)
    assert not SLOW_FINISHED.is_set()
    stored.shutdown()
    sched.shutdown(wait=True)


def test_cron_in_publication_zone_not_machine_zone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        settings = settings_for(tmp_path)
        after = dt.datetime(2024, 1, 1, 0, 0, tzinfo=dt.UTC)  # 08:00 in Shanghai
        fire = scheduler.pass_trigger(settings).get_next_fire_time(None, after)
        assert fire == dt.datetime(2024, 1, 1, 18, 30, tzinfo=dt.UTC)  # 02:30 on 2 January, Shanghai
        release = scheduler.release_trigger(settings).get_next_fire_time(None, after)
        assert release == dt.datetime(2024, 1, 1, 22, 0, tzinfo=dt.UTC)  # 06:00 Shanghai
        sched = started(settings)
        stored = sched.get_job(PASS_JOB).next_run_time
        sched.shutdown()
        assert (stored.hour, stored.minute, stored.utcoffset()) == (2, 30, dt.timedelta(hours=8))
    finally:
        monkeypatch.undo()
        time.tzset()


def test_changed_cron_updates_the_job_and_keeps_a_missed_run(tmp_path: Path) -> None:
    machine_off_over(settings_for(tmp_path), dt.timedelta(hours=1))
    settings = settings_for(tmp_path, cron="15 3 * * *", misfire_grace_time=7200)
    sched = scheduler.make_scheduler(settings)
    sched.start(paused=True)
    assert scheduler.ensure_jobs(sched, settings, RECORD) == [f"updated {PASS_JOB}", f"updated {RELEASE_JOB}"]
    job = sched.get_job(PASS_JOB)
    assert "hour='3'" in str(job.trigger) and job.misfire_grace_time == 7200
    assert job.next_run_time < now(settings)  # the missed run is still due
    sched.shutdown()


def test_run_forever_stops_after_the_current_pass(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    sched = started(settings, SLOW)
    sched.modify_job(PASS_JOB, next_run_time=now(settings) - dt.timedelta(seconds=1))
    sched.shutdown()
    stop = threading.Event()
    runner = threading.Thread(
        target=scheduler.run_forever, args=(settings,), kwargs={"func": SLOW, "stop": stop}
    )
    runner.start()
    assert SLOW_STARTED.wait(10)
    stop.set()
    runner.join(15)
    assert not runner.is_alive() and SLOW_FINISHED.is_set()


@pytest.fixture
def drop_folder(tmp_path: Path) -> Path:
    shutil.copytree(SAMPLE_DIR / "2023-10-24", tmp_path / "issues" / "2023-10-24")
    return tmp_path / "issues"


def folder_config(tmp_path: Path, cron: str) -> Path:
    cfg = tmp_path / "paper.toml"
    cfg.write_text(
        f'[source]\ntype = "folder"\npath = "issues"\n[output]\ndir = "out"\n[schedule]\ncron = "{cron}"\n',
        encoding="utf-8",
    )
    return cfg


def test_backfill_reports_and_resumes(
    tmp_path: Path, drop_folder: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = config.load(folder_config(tmp_path, "30 2 * * *"))
    with caplog.at_level(logging.INFO, "syndicate.backfill"):
        first = backfill.backfill(settings, dt.date(2023, 10, 23), dt.date(2023, 10, 25))
    assert [d for d, _ in first.reports] == [
        dt.date(2023, 10, 23),
        dt.date(2023, 10, 24),
        dt.date(2023, 10, 25),
    ]
    assert "backfill 2023-10-23..2023-10-25: 3 date(s); 1 issue(s) seen, 1 new" in first.summary()
    assert caplog.text.count("backfill 2023-10-2") == 3  # stderr is no terminal here: plain lines
    again = backfill.backfill(settings, dt.date(2023, 10, 23), dt.date(2023, 10, 25))
    assert "1 issue(s) seen, 0 new, 0 updated" in again.summary()  # stored and unchanged: skipped
    assert (tmp_path / "out" / "public" / "all.rss.xml").exists()


def _stderr_has(path: Path, text: str) -> Callable[[], bool]:
    return lambda: text in path.read_text(encoding="utf-8", errors="replace")


def _start_schedule(tmp_path: Path, cfg: Path) -> tuple[subprocess.Popen[bytes], Path]:
    log = tmp_path / "schedule.log"
    with log.open("wb") as err:
        proc = subprocess.Popen([SYNDICATE, "schedule", "--config", str(cfg)], stderr=err, stdout=err)
    return proc, log


@pytest.fixture
def cleanup() -> Iterator[list[subprocess.Popen[bytes]]]:
    procs: list[subprocess.Popen[bytes]] = []
    yield procs
    for proc in procs:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_schedule_command_is_single_and_stops_cleanly_on_sigterm(
    tmp_path: Path, drop_folder: Path, cleanup: list[subprocess.Popen[bytes]]
) -> None:
    proc, log = _start_schedule(tmp_path, folder_config(tmp_path, "30 2 * * *"))
    cleanup.append(proc)
    assert wait_for(_stderr_has(log, "scheduler started"), 60), log.read_text()
    second = subprocess.run(
        [SYNDICATE, "schedule", "--config", str(tmp_path / "paper.toml")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert second.returncode == 1 and "another scheduler is running" in second.stderr
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(30) == 0
    assert "scheduler stopped" in log.read_text()


@pytest.mark.slow  # waits for the next minute: 1 to 61 s (skip with -m "not slow")
def test_schedule_publishes_within_the_minute(
    tmp_path: Path, drop_folder: Path, cleanup: list[subprocess.Popen[bytes]]
) -> None:
    """End to end: ``cron = "* * * * *"`` publishes within about 70 s; SIGTERM then stops it."""
    proc, log = _start_schedule(tmp_path, folder_config(tmp_path, "* * * * *"))
    cleanup.append(proc)
    feed = tmp_path / "out" / "public" / "all.rss.xml"
    assert wait_for(feed.exists, 72), log.read_text()
    assert wait_for(_stderr_has(log, "nightly pass: pass:"), 10), log.read_text()
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(60) == 0
    assert "scheduler stopped" in log.read_text()


def test_schedule_refuses_a_missing_source_folder_at_start(tmp_path: Path) -> None:
    settings = config.parse({"source": {"path": "missing"}, "output": {"dir": "out"}}, tmp_path)
    with pytest.raises(config.ConfigError, match="source.path"):
        scheduler.run_forever(settings, stop=threading.Event())
    assert not (tmp_path / "out").exists()


def test_backfill_refuses_a_missing_source_folder_at_start(tmp_path: Path) -> None:
    settings = config.parse({"source": {"path": "missing"}, "output": {"dir": "out"}}, tmp_path)
    with pytest.raises(config.ConfigError, match="source.path"):
        backfill.backfill(settings, dt.date(2023, 10, 1), dt.date(2023, 10, 2))
    assert not (tmp_path / "out").exists()
