"""The last pass's outcome, for ``GET /healthz`` and ``GET /metrics``: ``<state>/last-pass.json``.

Why a small file and not the store: ``serve`` is another process that only reads files, and a
pass may fail *because* the store cannot be opened or written (disk full, locked, a database
that is down); its failure must still be recorded where a monitor can see it. The file is
replaced atomically, so a reader sees the previous record or the new one, never half of one.
It also carries running totals (passes, failures, problems, articles published), which is what
lets ``/metrics`` expose counters that survive a restart of ``serve``.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .report import PassReport

log = logging.getLogger(__name__)

FILE_NAME = "last-pass.json"


@dataclass(frozen=True)
class Totals:
    """Running totals since the state folder was created (Prometheus counters)."""

    passes: int = 0
    failed: int = 0
    problems: int = 0
    articles_published: int = 0


@dataclass(frozen=True)
class PassStatus:
    """One pass's outcome: when it started and ended, whether it succeeded, what it did."""

    started: dt.datetime
    finished: dt.datetime
    ok: bool
    error: str | None = None
    problems: int = 0
    articles_published: int = 0
    files_written: int = 0
    totals: Totals = field(default_factory=Totals)

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["started"] = self.started.isoformat()
        d["finished"] = self.finished.isoformat()
        d["outcome"] = "ok" if self.ok else "failed"
        return d

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> PassStatus:
        return cls(
            started=dt.datetime.fromisoformat(d["started"]),
            finished=dt.datetime.fromisoformat(d["finished"]),
            ok=bool(d["ok"]),
            error=d.get("error"),
            problems=int(d.get("problems", 0)),
            articles_published=int(d.get("articles_published", 0)),
            files_written=int(d.get("files_written", 0)),
            totals=Totals(**d.get("totals", {})),
        )


def read(state_dir: Path) -> PassStatus | None:
    """The last recorded pass, or None when there is none (or the record cannot be read)."""
    path = state_dir / FILE_NAME
    try:
        return PassStatus.from_json(json.loads(path.read_bytes()))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.error("%s: cannot read the last pass's status: %s", path, exc)
        return None


def write(state_dir: Path, status: PassStatus) -> None:
    # imported here: ``syndicate articles`` imports the pipeline, and must not load publishing
    from .publish.write import sweep, write_atomic

    state_dir.mkdir(parents=True, exist_ok=True)
    sweep(state_dir)  # a pass killed while writing the record left its temporary file here
    data = json.dumps(status.to_json(), ensure_ascii=False, indent=2) + "\n"
    write_atomic(state_dir / FILE_NAME, data.encode())


def _next(previous: PassStatus | None, started: dt.datetime, finished: dt.datetime, **kw: Any) -> PassStatus:
    t = previous.totals if previous else Totals()
    ok = kw.get("error") is None
    totals = Totals(
        passes=t.passes + 1,
        failed=t.failed + (0 if ok else 1),
        problems=t.problems + kw.get("problems", 0),
        articles_published=t.articles_published + kw.get("articles_published", 0),
    )
    return PassStatus(started=started, finished=finished, ok=ok, totals=totals, **kw)


@contextmanager
def recorded(state_dir: Path, started: dt.datetime) -> Iterator[Callable[[PassReport], None]]:
    """Record the pass run inside the block: the report given to the yielded function, or the
    exception that ended the block (which still propagates). Failing to write the record is
    logged, never raised: it must not turn a good pass into a failed one."""
    done: list[PassReport] = []
    clock = time.perf_counter()
    try:
        yield done.append
    except BaseException as exc:
        finished = started + dt.timedelta(seconds=round(time.perf_counter() - clock, 3))
        error = f"{type(exc).__name__}: {exc}"
        _save(state_dir, lambda p: _next(p, started, finished, error=error))
        raise
    if done:
        report = done[-1]
        finished = started + dt.timedelta(seconds=round(report.seconds, 3))
        _save(
            state_dir,
            lambda p: _next(
                p,
                started,
                finished,
                problems=len(report.problems),
                articles_published=report.articles_published,
                files_written=report.files_written,
            ),
        )


def _save(state_dir: Path, make: Callable[[PassStatus | None], PassStatus]) -> None:
    try:
        write(state_dir, make(read(state_dir)))
    except OSError as exc:
        log.error("%s: cannot record the pass's outcome: %s", state_dir / FILE_NAME, exc)
