"""The one module that knows the stage order: source -> normalize -> segment -> stitch -> store -> publish.

``run`` is the pass every entry point calls (``syndicate run``, the scheduled jobs, backfill):
preflight, the pass lock, then ``run_pass``. A pass reads every new or changed issue, stores it,
reads one snapshot from the store, asks ``publish.plan`` for every output, writes them all
through one writer, and only then tells the store the pass is done. Problems a stage meets are
joined once into the report; none of them stops the pass.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from . import boundaries, fixes, normalize, pagelabels, profile, segment, stitch
from .errors import ConfigError, StoreUnwritable, SyndicateError
from .model import BoundaryDecision, Issue, Problem, Reading
from .report import PassReport as PassReport
from .sources.stamps import Pending, Unchanged

if TYPE_CHECKING:
    from .config import ReadingSettings, Settings
    from .publish import Output, Site
    from .sources import IssueSource
    from .store import Store
    from .store.identity import Stored


def utcnow() -> dt.datetime:
    """The pass's clock when none is given (the one place a pass reads the time)."""
    return dt.datetime.now(dt.UTC)


def read(issue: Issue, language: str | None = None, paper: ReadingSettings | None = None) -> Reading:
    """Read every page of an issue and stitch its articles (pure: no store, no output).

    The reading's problems are the reader's own; the issue's (pages the source refused) stay on
    the issue (``problems_of`` joins both)."""
    fragments = []
    orphans = []
    recurring = profile.recurring_lines(p.text for p in issue.pages)
    pages = []
    fixed: list[str] = []
    fix_problems: list[str] = []
    for page in sorted(issue.pages, key=lambda p: p.number):
        conventions = profile.with_section(profile.for_page(page.text, language, recurring), page.section)
        if paper is not None:
            conventions = profile.with_paper(conventions, paper.credits, paper.furniture, paper.bylines)
        page_blocks = normalize.blocks(page.text, conventions)
        if issue.fixes:  # the desk's splits: a line that opens an article (fixes.py)
            page_blocks, done, failed = fixes.split_blocks(
                page.number, page.text, page_blocks, issue.fixes, conventions.join
            )
            fixed += done
            fix_problems += failed
        pages.append((page, conventions, page_blocks))
    # A convention of this issue's print: blank lines part its articles (see boundaries).
    parting = boundaries.blank_lines_part([blocks for _, _, blocks in pages])
    indented = [(page.text, blocks) for page, p, blocks in pages if p.paragraph_indent is not None]
    separating = boundaries.blank_lines_separate(indented)
    blanked = boundaries.headlines_blanked([(p, blocks) for _, p, blocks in pages if p.paragraph_indent])
    explained: list[BoundaryDecision] = []
    for page, conventions, blocks in pages:
        if parting or separating or blanked:
            conventions = profile.replaced(
                conventions, blank_parts=parting, blank_separates=separating, heads_blanked=blanked
            )
        page_fragments, page_orphans = segment.split(page.number, blocks, conventions, explained)
        fragments.extend(page_fragments)
        orphans.extend(page_orphans)
    fragments = pagelabels.resolve(fragments, pagelabels.page_labels(issue.pages))
    sections = {p.number: p.section for p in issue.pages}
    reading = stitch.stitch(issue.date, fragments, orphans, sections, fix_problems, issue.fixes)
    reading = fixes.retitle(reading, issue.fixes)
    return dataclasses.replace(reading, boundaries=tuple(explained), fixed=(*fixed, *reading.fixed))


def identify(issue: Issue, reading: Reading, stored: Sequence[Stored]) -> Reading:
    """The reading under the ids it is published with: matched to the issue's stored articles
    (ids follow content), then the desk's headline fixes that name an article by that id."""
    if stored:
        # A new issue has nothing to match (and so needs no scipy, which identity imports).
        from .store import identity

        reading = identity.assign(reading, stored)
    return fixes.retitle(reading, issue.fixes, by_id=True)


def problems_of(issue: Issue, reading: Reading) -> list[Problem]:
    """What the source and the reader reported about one issue, in that order."""
    return [Problem.of("source", p) for p in issue.problems] + [
        Problem.of("read", p) for p in reading.problems
    ]


def preflight(settings: Settings) -> None:
    """What can be checked before a pass touches anything: refuse it with ``ConfigError`` naming
    the key, so that a mistyped path fails at once instead of publishing from nothing."""
    from .sources import SOURCE_TYPES

    if SOURCE_TYPES[settings.source.type].reads_folder and not settings.source_dir.is_dir():
        raise ConfigError(f"source.path: {settings.source_dir} is not a folder (the drop folder)")
    for key, folder in (("output.dir", settings.out_dir), ("output.state_dir", settings.state_dir)):
        if folder.exists() and not folder.is_dir():
            raise ConfigError(f"{key}: {folder} exists and is not a folder")
        existing = next(p for p in (folder, *folder.parents) if p.exists())
        if not os.access(existing, os.W_OK | os.X_OK):
            raise ConfigError(f"{key}: {existing} is not writable (the pass writes {folder})")


def run(
    settings: Settings,
    dates: Iterable[dt.date] | None = None,
    now: dt.datetime | None = None,
    *,
    source: IssueSource | None = None,
    reinit: bool = False,
) -> PassReport:
    """One pass as every entry point runs it: preflight, then ``run_pass`` under the pass lock
    (``LockError`` when another pass holds it past ``schedule.lock_timeout``), recorded in the
    pass log (``passlog``). ``reinit``: rebuild a lost store beside a published site."""
    from . import locking, passlog

    preflight(settings)
    # Every pass is logged (started; finished), whoever ran it: the scheduler owes a pass when
    # the last one was interrupted or a fire time passed since one last finished.
    with (
        locking.title_lock(settings),
        passlog.recorded(settings.state_dir, now or utcnow()),
    ):
        return run_pass(settings, now=now, dates=dates, source=source, reinit=reinit)


def run_pass(
    settings: Settings,
    *,
    now: dt.datetime | None = None,
    dates: Iterable[dt.date] | None = None,
    source: IssueSource | None = None,
    reinit: bool = False,
) -> PassReport:
    """One pass of the nightly job, without preflight or lock (``run`` adds them).

    Each issue is stored as soon as it is read (one reading held at a time); nothing is
    written before every issue is stored. ``now`` (the real clock by default)
    decides embargoes and stamps new versions; nothing else depends on the clock. Each issue is
    read and stored on its own: an error in one is a problem of the report, never the pass's end.
    """
    now = (now or utcnow()).replace(microsecond=0)
    # the outcome, good or bad, is recorded for /healthz and /metrics (see status.py)
    from . import status  # (logging and the pass record: not for `syndicate articles`)

    with status.recorded(settings.state_dir, now) as record:
        report = _run_pass(settings, now, dates, source, reinit)
        record(report)
    return report


def _run_pass(
    settings: Settings,
    now: dt.datetime,
    dates: Iterable[dt.date] | None,
    source: IssueSource | None,
    reinit: bool,
) -> PassReport:
    from . import state
    from .sources import open_source
    from .sources.folder import FolderSource
    from .store import open_store

    started = time.perf_counter()
    source = source or open_source(settings)
    report = PassReport()
    with open_store(settings) as store:
        if isinstance(source, FolderSource):
            source.stamps = store  # unchanged issue folders are known by their files' stamps
        state.check_store(settings, store, reinit)
        state.check_owner(settings, store)
        for issue, reading in _ingest(store, source, dates, report, settings):
            report.problems.extend(problems_of(issue, reading))
            report.notices.extend(Problem("read", f"issue {issue.date}", done) for done in reading.fixed)
            report.unresolved_jumps += sum(1 for a in reading.articles if a.unresolved_jump is not None)
            try:
                _store_issue(settings, store, issue, reading, now, report)
            except StoreUnwritable:
                raise  # no issue could be stored: the pass fails, naming the store
            except Exception as exc:  # this issue stays as it was stored; the others go on
                report.problems.append(Problem("store", f"issue {issue.date}", str(exc)))
        publish_step(settings, store, now, report)
    report.seconds = time.perf_counter() - started
    return report


def _store_issue(
    settings: Settings, store: Store, issue: Issue, reading: Reading, now: dt.datetime, report: PassReport
) -> None:
    """Match the reading to what is stored (ids follow content), store it, report withdrawals."""
    from . import evidence, state

    stored = store.issue_articles(issue.date)
    floor = {} if stored else state.published_versions(settings.out_dir, issue.date)  # a rebuilt store
    seen = len(reading.fixed), len(reading.problems)
    reading = identify(issue, reading, stored)
    report.notices.extend(Problem("read", f"issue {issue.date}", done) for done in reading.fixed[seen[0] :])
    report.problems.extend(Problem.of("read", p) for p in reading.problems[seen[1] :])
    saved = store.save_issue(issue, reading, now, floor)
    report.notices.extend(evidence.withdrawals(issue, stored, saved.withdrawn))
    if saved.new_issue:
        report.issues_new += 1
    else:
        report.issues_updated += 1


def _ingest(
    store: Store, source: IssueSource, dates: Iterable[dt.date] | None, report: PassReport, settings: Settings
) -> Iterator[tuple[Issue, Reading]]:
    """Every delivered issue that is new or changed, read, one at a time (the pass stores each
    before the next is read: its memory is one issue's reading, not the archive's). One reading
    per date: when a source delivers a date twice (two folders claiming it), the later delivery
    wins, whether or not it differs from the store; otherwise the two would take turns and make
    a new version of the issue on every pass. A page listed but unreadable keeps its last stored
    text (``evidence``)."""
    from . import evidence

    stored: dict[dt.date, str] | None = None  # every stored issue's hash, read at the first unchanged folder
    for got in _deliveries(source, dates, report):
        if isinstance(got, Pending):
            if isinstance(got, Unchanged):
                # each date is delivered once, and stored only after this look: read once, it holds
                stored = store.issue_hashes() if stored is None else stored
                if stored.get(got.date) == got.content_hash:
                    continue  # its files are as when that content was read and stored: nothing to read
            try:
                got = got.read()
            except SyndicateError as exc:
                report.problems.append(Problem.of("source", str(exc)))
                continue
        issue, kept = evidence.keep_unreadable(got, store.stored_pages(got.date) if got.unreadable else {})
        report.problems.extend(kept)
        if issue is None or store.issue_hash(issue.date) == issue.content_hash:
            if got.unreadable:  # nothing to read again, but the pages refused are news
                report.problems.extend(Problem.of("source", p) for p in got.problems)
            continue
        try:
            reading = read(issue, settings.publication.language, settings.reading)
        except Exception as exc:  # a reader bug on one page must not stop the other issues
            where = f"issue {issue.date} ({_origin(issue)})"
            report.problems.append(Problem("read", where, f"cannot be read: {type(exc).__name__}: {exc}"))
            continue
        yield issue, reading


def _deliveries(
    source: IssueSource, dates: Iterable[dt.date] | None, report: PassReport
) -> list[Issue | Pending]:
    """What the source delivers, the last delivery of each date only (in delivery order); the
    source's errors and the dates delivered twice are problems of the report. A folder source's
    issues come unread (``Pending``): the list holds no page text."""
    latest: dict[dt.date, Issue | Pending] = {}
    delivered: dict[dt.date, str] = {}  # date -> where it came from
    for got in source.issues(dates):
        if isinstance(got, SyndicateError):
            report.problems.append(Problem.of("source", str(got)))
            continue
        origin = got.origin if isinstance(got, Pending) else _origin(got)
        earlier = delivered.get(got.date)
        if earlier is not None:
            report.problems.append(
                Problem(
                    "source",
                    f"issue {got.date}",
                    f"delivered twice, {earlier} and {origin}; using {origin} (remove the other)",
                )
            )
            latest.pop(got.date)
        else:
            report.issues_seen += 1
        delivered[got.date] = origin
        latest[got.date] = got
    return list(latest.values())


def publish_step(settings: Settings, store: Store, now: dt.datetime, report: PassReport) -> None:
    """Snapshot, plan, write everything, then tell the store: the store is not called between writes."""
    from . import publish, state
    from .catalog import CATALOG_DAYS, CATALOG_ROWS
    from .publish import memo, objects, periods
    from .publish.write import IN_PROGRESS, in_progress, write_all

    out_dir = settings.out_dir
    rendered_with = state.rendered_with(settings)
    bucket = (
        None
        if settings.output.url is None
        else objects.writer_for(settings.output.url, settings.output.endpoint_url)
    )
    front_page = (
        bucket.exists("public/index.html") if bucket else (out_dir / "public" / "index.html").exists()
    )
    if not front_page or store.setting(state.RENDERED_KEY) != rendered_with:
        # The output was lost (or never written) while the store was kept, or a setting that
        # shows in published files changed: the store records that everything must be rendered
        # again, so a pass that dies midway still rebuilds it next time.
        store.request_rebuild()
    _assign_slugs(settings, store)
    until = settings.publication.released_until(now)
    snapshot = store.snapshot(
        window=settings.output.feed_entries, until=until, catalog_days=CATALOG_DAYS, catalog_rows=CATALOG_ROWS
    )
    site = publish.site_for(settings, snapshot.sections, snapshot.slugs)
    entries = memo.load(settings.state_dir)  # the feed entries earlier passes rendered
    exists = bucket.exists if bucket else (lambda path: (out_dir / path).exists())
    # the years whose archive page or sitemap is not there (an older pass, a lost file): rendered
    missing = {y for y in {d.year for d in snapshot.dates} if not all(map(exists, periods.files(y)))}
    streamed = publish.stream(snapshot, site, now, entries, missing)
    feeds: list[str] = []  # the feeds' paths, for WebSub (the outputs' bytes are not kept)
    outputs = _noting_feeds(streamed.outputs, feeds)
    if bucket is not None:  # object storage: the same plan, as objects (publish/objects.py)
        bucket.write_all(list(outputs))
        written = list(bucket.written)
    else:
        with in_progress(settings.state_dir / IN_PROGRESS, out_dir / "public", out_dir / "newsml"):
            written = list(write_all(out_dir, outputs).written)
    memo.keep(settings.state_dir, entries)
    report.problems.extend(streamed.problems)
    settled = publish.settle(snapshot, site, now, failed=streamed.failed)
    store.finish_pass(settled.rendered)
    store.set_setting(state.RENDERED_KEY, rendered_with)
    report.articles_published = settled.released
    report.articles_embargoed = settled.embargoed
    report.files_written = len(written)
    _announce(settings, site, feeds, written, report)


def _noting_feeds(outputs: Iterator[Output], feeds: list[str]) -> Iterator[Output]:
    """``outputs`` as they come, adding each feed's path to ``feeds``."""
    from .publish.formats import FEEDS

    kinds = {f.name for f in FEEDS}
    for output in outputs:
        if output.kind in kinds:
            feeds.append(output.path)
        yield output


def _announce(
    settings: Settings, site: Site, feeds: Sequence[str], written: Sequence[str], report: PassReport
) -> None:
    """WebSub: once the files are in place, tell the hub which feeds changed (each subscriber it
    tells fetches the new feed at once). A hub that fails is a problem, never the pass's end."""
    hub = settings.publication.websub_hub
    changed_paths = set(written)
    changed = [site.url(path.removeprefix("public/")) for path in feeds if path in changed_paths]
    if hub and changed:
        from . import websub

        pinged = websub.ping(hub, changed)
        report.feeds_pinged = len(pinged.accepted)
        report.problems += [Problem("publish", f"publication.websub_hub {hub}", p) for p in pinged.problems]


def _assign_slugs(settings: Settings, store: Store) -> None:
    """Give every new section its feed slug, once (a feed URL never moves to another section)."""
    from .publish import slug

    known = store.section_slugs()
    have = {name: s for name, s in known.items() if s}
    try:
        if not have:  # a new store, or one from before slugs were kept: as those passes derived them
            new = slug.slugs(list(known), settings.slugs) if known else {}
        else:
            new = slug.assign([n for n in known if n not in have], have, settings.slugs)
    except ValueError as exc:
        raise ConfigError(str(exc)) from None
    if new:
        store.set_slugs(new)


def _origin(issue: Issue) -> str:
    """Where an issue came from, for messages: its folder (or manifest URL's folder)."""
    if not issue.pages:
        return f"the issue of {issue.date}"
    source = issue.pages[0].source
    return source.rsplit("/", 1)[0] if "/" in source else source
