"""Which passes fell due between two instants, for one title, in the title's time zone (pure)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

import croniter

from ..config import Settings

Kind = Literal["nightly", "release"]


@dataclass(frozen=True)
class DueRun:
    """A pass of ``title`` due at ``due_at`` (UTC): the nightly pass polls ``days``; a release pass none."""

    title: str
    kind: Kind
    due_at: dt.datetime
    days: tuple[dt.date, ...]


def _fire_times(cron: str, since: dt.datetime, until: dt.datetime, tz: dt.tzinfo) -> list[dt.datetime]:
    """Fire times of ``cron`` (local wall-clock in ``tz``) in the interval ``(since, until]``."""
    it = croniter.croniter(cron, since.astimezone(tz))
    times: list[dt.datetime] = []
    while True:
        at: dt.datetime = it.get_next(dt.datetime)
        if at > until:
            return times
        times.append(at)


def due_runs(settings: Settings, since: dt.datetime, until: dt.datetime) -> list[DueRun]:
    """The title's nightly passes (``schedule.cron``) and release passes (``publication.release``)
    that fell in ``(since, until]``, oldest first. A nightly pass polls its local date and
    ``source.lookback_days`` before it."""
    tz = settings.publication.tz
    release = settings.publication.release
    runs: list[DueRun] = []
    for at in _fire_times(settings.schedule.cron, since, until, tz):
        local = at.astimezone(tz).date()
        days = tuple(local - dt.timedelta(days=n) for n in range(settings.source.lookback_days, -1, -1))
        runs.append(DueRun(settings.title, "nightly", at.astimezone(dt.UTC), days))
    for at in _fire_times(f"{release.minute} {release.hour} * * *", since, until, tz):
        runs.append(DueRun(settings.title, "release", at.astimezone(dt.UTC), ()))
    return sorted(runs, key=lambda r: (r.due_at, r.kind))
