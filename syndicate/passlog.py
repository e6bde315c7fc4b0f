"""When the last pass started and when one last finished: ``<state_dir>/passes.json``.

The scheduler reads it at start-up to tell whether it owes a pass (``owed``): APScheduler saves a
job's next run time *before* running it, so after a crash mid-pass (or a release time passed while
the scheduler was down beyond the misfire grace) its job store shows nothing due until the next
fire time, up to a day later. A pass is owed when the latest fire time already passed is later than
the start of the last pass that finished. Written atomically; an unreadable file counts as none.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from .publish.write import sweep, write_atomic

NAME = "passes.json"
LOOK_BACK = dt.timedelta(days=8)  # far enough for a weekly cron's last fire time


class Trigger(Protocol):
    def get_next_fire_time(
        self, previous_fire_time: dt.datetime | None, now: dt.datetime
    ) -> dt.datetime | None: ...


@dataclass(frozen=True)
class PassLog:
    started: dt.datetime | None = None  # the last pass that started (finished or not)
    finished_start: dt.datetime | None = None  # the start of the last pass that finished

    @property
    def interrupted(self) -> bool:
        """The last pass started and never finished (killed, or the machine went down)."""
        return self.started is not None and self.started != self.finished_start


def read(state_dir: Path) -> PassLog:
    try:
        data = json.loads((state_dir / NAME).read_text(encoding="utf-8"))
        return PassLog(*(None if data.get(k) is None else dt.datetime.fromisoformat(data[k]) for k in _KEYS))
    except (OSError, ValueError, TypeError, AttributeError):
        return PassLog()


_KEYS = ("started", "finished_start")


def _write(state_dir: Path, log: PassLog) -> None:
    data = {
        k: None if v is None else v.isoformat()
        for k, v in zip(_KEYS, (log.started, log.finished_start), strict=True)
    }
    state_dir.mkdir(parents=True, exist_ok=True)
    sweep(state_dir)  # a pass killed while writing this file left its temporary file here
    write_atomic(state_dir / NAME, json.dumps(data).encode())


@contextmanager
def recorded(state_dir: Path, now: dt.datetime) -> Iterator[None]:
    """Record a pass starting at ``now``; and, when the block ends without an exception, finishing."""
    before = read(state_dir)
    _write(state_dir, PassLog(now, before.finished_start))
    yield
    _write(state_dir, PassLog(now, now))


def last_fire(trigger: Trigger, now: dt.datetime) -> dt.datetime | None:
    """The latest fire time of ``trigger`` at or before ``now`` (within ``LOOK_BACK``)."""
    last, t = None, trigger.get_next_fire_time(None, now - LOOK_BACK)
    while t is not None and t <= now:
        last, t = t, trigger.get_next_fire_time(t, t + dt.timedelta(seconds=1))
    return last


def owed(log: PassLog, triggers: Iterable[Trigger], now: dt.datetime) -> bool:
    """Whether a pass is due now: the last one was interrupted, or a fire time passed since the
    start of the last pass that finished (a pass finished at or after a fire time covers it)."""
    if log.interrupted:
        return True
    if log.finished_start is None:
        return False  # never ran here: the scheduler's own first fire time is the first pass
    fires = [t for t in (last_fire(tr, now) for tr in triggers) if t is not None]
    return bool(fires) and max(fires) > log.finished_start
