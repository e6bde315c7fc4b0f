"""The one module that knows the stage order: source -> normalize -> segment -> stitch -> store -> publish."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import normalize, profile, segment, stitch
from .errors import ConfigError, SyndicateError
from .model import Issue, Reading

if TYPE_CHECKING:
    from .config import Settings
    from .sources import IssueSource


def read(issue: Issue, language: str | None = None) -> Reading:
    """Read every page of an issue and stitch its articles (pure: no store, no output)."""
    fragments = []
    orphans = []
    recurring = profile.recurring_lines(p.text for p in issue.pages)
    for page in sorted(issue.pages, key=lambda p: p.number):
        paper = profile.for_page(page.text, language, recurring)
        blocks = normalize.blocks(page.text, paper)
        page_fragments, page_orphans = segment.split(page.number, blocks, paper)
        fragments.extend(page_fragments)
        orphans.extend(page_orphans)
    sections = {p.number: p.section for p in issue.pages}
    return stitch.stitch(issue.date, fragments, orphans, sections, issue.problems)


@dataclass
class PassReport:
    """What one pass did: counts for the log line, and every problem met (none of them fatal)."""

    issues_seen: int = 0
    issues_new: int = 0
    issues_updated: int = 0
    articles_published: int = 0  # article pages written (released, new or changed)
    articles_embargoed: int = 0  # stored and exported to partners, public after release
    unresolved_jumps: int = 0
    files_written: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One log line."""
        return (
            f"pass: {self.issues_seen} issue(s) seen, {self.issues_new} new, {self.issues_updated} updated; "
            f"{self.articles_published} article(s) published, {self.articles_embargoed} under embargo; "
            f"{self.unresolved_jumps} unresolved jump(s); {self.files_written} file(s) written; "
            f"{len(self.problems)} problem(s); {self.seconds:.2f} s"
        )


def preflight(settings: Settings) -> None:
    """What can be checked before a pass touches anything: refuse it with ``ConfigError`` naming
    the key, so that a mistyped path fails at once instead of publishing from nothing."""
    if settings.source.type == "folder" and not settings.source_dir.is_dir():
        raise ConfigError(f"source.path: {settings.source_dir} is not a folder (the drop folder)")
    for key, folder in (("output.dir", settings.out_dir), ("output.state_dir", settings.state_dir)):
        if folder.exists() and not folder.is_dir():
            raise ConfigError(f"{key}: {folder} exists and is not a folder")
        existing = next(p for p in (folder, *folder.parents) if p.exists())
        if not os.access(existing, os.W_OK | os.X_OK):
            raise ConfigError(f"{key}: {existing} is not writable (the pass writes {folder})")


def run_pass(
    settings: Settings,
    *,
    now: dt.datetime | None = None,
    dates: Iterable[dt.date] | None = None,
    source: IssueSource | None = None,
) -> PassReport:
    """One pass of the nightly job: read every new or changed issue, store it, publish from the store.

    Everything is read before anything is stored or written. ``now`` (the real clock by default)
    decides embargoes and stamps new versions; nothing else depends on the clock.
    """
    from . import publish
    from .sources import open_source
    from .store import Store

    started = time.perf_counter()
    now = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    source = source or open_source(settings)
    report = PassReport()
    with Store(settings.state_dir / "syndicate.sqlite") as store:
        # One reading per date: when a source delivers a date twice (two folders claiming it),
        # the later delivery wins, whether or not it differs from the store; otherwise the two
        # would take turns and make a new version of the issue on every pass.
        readings: dict[dt.date, tuple[Issue, Reading]] = {}
        delivered: dict[dt.date, Issue] = {}
        for got in source.issues(dates):
            if isinstance(got, SyndicateError):
                report.problems.append(str(got))
                continue
            earlier = delivered.get(got.date)
            if earlier is not None:
                report.problems.append(
                    f"issue {got.date}: delivered twice, {_origin(earlier)} and {_origin(got)};"
                    f" using {_origin(got)} (remove the other)"
                )
                readings.pop(got.date, None)
            else:
                report.issues_seen += 1
            delivered[got.date] = got
            if store.issue_hash(got.date) == got.content_hash:
                continue
            try:
                readings[got.date] = (got, read(got))
            except SyndicateError as exc:
                report.problems.append(f"issue {got.date}: {exc}")
        for issue, reading in readings.values():
            report.problems.extend(dict.fromkeys((*issue.problems, *reading.problems)))
            report.unresolved_jumps += sum(1 for a in reading.articles if a.unresolved_jump is not None)
        for issue, reading in readings.values():
            # ids follow content: the stored articles this reading still holds keep theirs. A new
            # issue has nothing to match (and so needs no scipy, which identity imports).
            stored = store.issue_items(issue.date)
            if stored:
                from . import identity

                reading = identity.assign(reading, stored)
            saved = store.save_issue(issue, reading, now)
            if saved.new_issue:
                report.issues_new += 1
            else:
                report.issues_updated += 1
        done = publish.publish(settings, store, now)
    report.articles_published = done.released
    report.articles_embargoed = done.embargoed
    report.files_written = done.written
    report.seconds = time.perf_counter() - started
    return report


def _origin(issue: Issue) -> str:
    """Where an issue came from, for messages: its folder (or manifest URL's folder)."""
    if not issue.pages:
        return f"the issue of {issue.date}"
    source = issue.pages[0].source
    return source.rsplit("/", 1)[0] if "/" in source else source
