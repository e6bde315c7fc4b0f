"""``syndicate backfill``: one pass per past date, resumable, with a report of every date's pass."""

from __future__ import annotations

import datetime as dt
import logging
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field

from . import pipeline
from .config import Settings
from .model import Problem
from .report import PassReport

log = logging.getLogger(__name__)


@dataclass
class BackfillReport:
    """One pass report per date of a backfill."""

    start: dt.date
    end: dt.date
    reports: list[tuple[dt.date, PassReport]] = field(default_factory=list)

    @property
    def problems(self) -> list[Problem]:
        return [
            Problem(p.stage, f"{d}: {p.where}" if p.where else str(d), p.message)
            for d, r in self.reports
            for p in r.problems
        ]

    def summary(self) -> str:
        """One line: the counts of every date's pass, added up."""

        def total(name: str) -> int:
            return sum(int(getattr(r, name)) for _, r in self.reports)

        seconds = sum(r.seconds for _, r in self.reports)
        return (
            f"backfill {self.start}..{self.end}: {len(self.reports)} date(s); "
            f"{total('issues_seen')} issue(s) seen, {total('issues_new')} new, {total('issues_updated')} updated; "
            f"{total('articles_published')} article(s) published, {total('articles_embargoed')} under embargo; "
            f"{total('unresolved_jumps')} unresolved jump(s); {len(self.problems)} problem(s); {seconds:.1f} s"
        )


def dates(start: dt.date, end: dt.date) -> Iterator[dt.date]:
    for n in range((end - start).days + 1):
        yield start + dt.timedelta(days=n)


def backfill(settings: Settings, start: dt.date, end: dt.date) -> BackfillReport:
    """One ``pipeline.run`` per date from ``start`` to ``end``; resumable, as passes skip unchanged
    issues. The lock is taken per date, so the nightly pass can run between two dates of a long
    backfill. A progress bar on a terminal, one log line per date otherwise.
    """
    from tqdm import tqdm

    pipeline.preflight(settings)  # a bad path fails before any date (each run checks again)
    report = BackfillReport(start, end)
    days = list(dates(start, end))
    tty = sys.stderr.isatty()
    with tqdm(days, desc="backfill", unit="date", disable=not tty, file=sys.stderr) as bar:
        for day in bar:
            if tty:
                bar.set_postfix_str(day.isoformat())
            result = pipeline.run(settings, [day])
            report.reports.append((day, result))
            if tty:
                for problem in result.problems:
                    bar.write(f"{day}: {problem}", file=sys.stderr)
            else:
                log.info("backfill %s: %s", day, result.summary())
    return report
