"""Publishing as a plan: every output of a pass, decided from one store snapshot, before any write.

``plan`` is pure (no clock, store or file: ``now`` decides embargoes and comes in as an argument).
Its order: issue by issue, the NewsML (and ninjs) items and article pages of its queued articles,
its package and its e-paper page; then the catalog, feeds, OPML, the section and archive pages,
sitemaps, and the front page last. The writer lands them in phases (``write.write_rank``), so no
feed or page ever links to a page that is not there yet. A pass takes
the plan as a ``stream`` (each output rendered when the writer takes it, its bytes gone once
written), so its memory does not grow with the number of outputs. ``settle`` says which queued articles the plan finished (the store takes them off its
queue once the outputs are written) and which stay queued under embargo.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from functools import partial

from .. import catalog
from ..model import (
    ArticleKey,
    CatalogDay,
    CatalogEntry,
    CatalogRead,
    IssuePackage,
    Problem,
    Snapshot,
    StoredArticle,
)
from . import epaper, html, newsml, ninjs, opml, pages, periods
from .entries import EntryCache
from .feeds import Feed
from .formats import FEEDS
from .precompress import iter_siblings
from .site import Site


@dataclass(frozen=True)
class Output:
    """One file of the output root: its path (relative to the root), its bytes, which renderer."""

    path: str
    data: bytes
    kind: str  # "newsml-item", "article", "newsml-issue", "catalog", a feed format's name, "opml", "index", "gzip"


@dataclass(frozen=True)
class Settled:
    """What a plan does to the render queue, and the counts of the pass report."""

    rendered: tuple[ArticleKey, ...]  # outputs final: off the queue once written
    released: int  # article pages written or rewritten (released, not withdrawn)
    embargoed: int  # articles whose NewsML was written under embargo (no public page yet)


@dataclass(frozen=True)
class Plan:
    """The outputs of one publishing step, in write order, and what could not be rendered: an
    article or an issue package whose renderer failed is a problem, left queued for the next
    pass; every other output is written (one bad article stops nothing)."""

    outputs: tuple[Output, ...]
    problems: tuple[Problem, ...] = ()
    failed: frozenset[ArticleKey] = frozenset()


def settle(snapshot: Snapshot, site: Site, now: dt.datetime, failed: Collection[ArticleKey] = ()) -> Settled:
    """Which queued articles the plan renders for good, and which stay queued: under embargo,
    or ``failed`` to render."""
    done = [a for a in snapshot.queued if not site.embargoed(a.date, now) and a.key not in failed]
    released = sum(1 for a in done if not a.withdrawn)
    embargoed = sum(1 for a in snapshot.queued if site.embargoed(a.date, now))
    return Settled(tuple(a.key for a in done), released, embargoed)


@dataclass(frozen=True)
class Stream:
    """A plan's outputs rendered one at a time as ``outputs`` is iterated (in write order), so a
    pass never holds every output's bytes at once; ``problems`` and ``failed`` (as in ``Plan``)
    are complete once ``outputs`` is exhausted."""

    outputs: Iterator[Output]
    problems: list[Problem]
    failed: set[ArticleKey]


def plan(
    snapshot: Snapshot,
    site: Site,
    now: dt.datetime,
    entries: EntryCache | None = None,
    missing_years: Collection[int] | None = None,
) -> Plan:
    """Every output of one publishing step, in write order (``stream``, held whole)."""
    streamed = stream(snapshot, site, now, entries, missing_years)
    outputs = tuple(streamed.outputs)
    return Plan(outputs, tuple(streamed.problems), frozenset(streamed.failed))


def stream(
    snapshot: Snapshot,
    site: Site,
    now: dt.datetime,
    entries: EntryCache | None = None,
    missing_years: Collection[int] | None = None,
) -> Stream:
    """Every output of one publishing step, in write order, rendered as it is taken. ``entries``:
    feed entries rendered before (a pass's memo, ``entries.EntryCache``), filled with the new ones.
    ``missing_years``: the years whose archive page or sitemap the output lacks (``periods``;
    None: the output is not known, every year is rendered)."""
    problems: list[Problem] = []
    failed: set[ArticleKey] = set()
    cache = EntryCache() if entries is None else entries
    years = periods.to_render(snapshot, missing_years)
    return Stream(
        iter_siblings(_outputs(snapshot, site, now, cache, years, problems, failed)), problems, failed
    )


def _outputs(
    snapshot: Snapshot,
    site: Site,
    now: dt.datetime,
    entries: EntryCache,
    years: Collection[int],
    problems: list[Problem],
    failed: set[ArticleKey],
) -> Iterator[Output]:
    queued = {a.key for a in snapshot.queued}
    for package in snapshot.packages:  # one issue at a time: its queued articles, package, page
        yield from _issue(package, queued, site, now, problems, failed)
    windows = feed_windows(snapshot, site)
    yield Output("newsml/catalog.json", _catalog(snapshot.catalog, site, entries), "catalog")
    yield from _feeds(windows, site, entries)
    yield Output("public/index.opml", opml.render(site, snapshot.sections), "opml")
    yield Output("public/formats.opml", opml.render_other_formats(site, snapshot.sections), "opml")
    yield from _site(snapshot, windows, site, entries, years)


def _issue(
    package: IssuePackage,
    queued: Collection[ArticleKey],
    site: Site,
    now: dt.datetime,
    problems: list[Problem],
    failed: set[ArticleKey],
) -> Iterator[Output]:
    for item in package.articles:
        if item.key not in queued:
            continue
        try:
            rendered = _article(item, site, now)
        except Exception as exc:  # a renderer bug on one article: reported, the rest published
            failed.add(item.key)
            problems.append(Problem("publish", f"{item.date}/{item.id}", f"cannot be rendered: {exc}"))
            continue
        yield from rendered
    try:
        yield _package(package, site, now)
    except Exception as exc:
        problems.append(Problem("publish", f"{package.date}/issue.xml", f"cannot be rendered: {exc}"))
    if not site.embargoed(package.date, now):  # the e-paper page of the issue
        path = f"public/{pages.issue_path(package.date)}"
        yield Output(path, pages.render_issue(site, package.date, _pages(package)), "issue")


def _article(item: StoredArticle, site: Site, now: dt.datetime) -> list[Output]:
    under = site.embargoed(item.date, now)
    day = item.date.isoformat()
    out = [
        Output(f"newsml/{day}/{item.id}.xml", newsml.render_item(site, item, embargoed=under), "newsml-item"),
        # the same item as ninjs, under the same rights, embargo and version
        Output(f"newsml/{day}/{item.id}.json", ninjs.render_item(site, item, embargoed=under), "ninjs-item"),
    ]
    # Released: the article page (a withdrawn article's page becomes the notice of its withdrawal).
    # Withdrawn before release: it never was public and gets no page (only "deliver" partners,
    # who had it embargoed, see its canceled item).
    if not under and not site.never_released(item):
        out.append(Output(f"public/{site.article_path(item)}", html.render_article(site, item), "article"))
    return out


def _package(package: IssuePackage, site: Site, now: dt.datetime) -> Output:
    if not site.embargoed(package.date, now):  # killed before release: not listed, not even by title
        kept = tuple(a for a in package.articles if not site.never_released(a))
        package = dataclasses.replace(package, articles=kept)
    data = newsml.render_issue(site, package, embargoed=site.embargoed(package.date, now))
    return Output(f"newsml/{package.date.isoformat()}/issue.xml", data, "newsml-issue")


def feed_windows(snapshot: Snapshot, site: Site) -> list[tuple[str | None, Sequence[StoredArticle]]]:
    """Each feed's entries (every section first): newest updated first, ``snapshot.window`` of them.

    An article's updated time is its release, or the time its current version was stored if
    later: a new version of an older article (completed by a late page) moves up by it, while an
    issue's articles keep their print order (their release times are a second apart)."""

    def window(items: Sequence[StoredArticle]) -> tuple[StoredArticle, ...]:
        return tuple(site.newest_first(items)[: snapshot.window])

    return [(None, window(snapshot.latest))] + [
        (s, window(snapshot.by_section.get(s, ()))) for s in snapshot.sections
    ]


def _catalog(rows: Sequence[CatalogEntry], site: Site, entries: EntryCache) -> bytes:
    """``catalog.dump`` of the rows, each line (or, read date by date from a store, each date's
    lines) taken from ``entries`` when a pass made it before."""

    def line(row: CatalogEntry) -> bytes:
        return catalog.line(row, site.pub).encode()

    if isinstance(rows, CatalogRead):  # a date's lines are one fragment, its rows read on a miss
        return catalog.document([_catalog_day(rows, day, site, entries) for day in rows.days if day.count])
    return catalog.document([entries.fetch(entries.row_key(site, row), partial(line, row)) for row in rows])


def _catalog_day(rows: CatalogRead, day: CatalogDay, site: Site, entries: EntryCache) -> bytes:
    def render() -> bytes:
        return b",\n".join(catalog.line(row, site.pub).encode() for row in rows.load(day))

    return entries.fetch(entries.day_key(site, day), render)


def _feeds(
    windows: list[tuple[str | None, Sequence[StoredArticle]]], site: Site, entries: EntryCache
) -> list[Output]:
    out = []
    for section, items in windows:
        for fmt in FEEDS:
            path = site.feed_path(section, fmt.suffix)
            data = fmt.render(site, Feed(section, items, path), entries)
            out.append(Output(f"public/{path}", data, fmt.name))
    return out


def _site(
    snapshot: Snapshot,
    windows: list[tuple[str | None, Sequence[StoredArticle]]],
    site: Site,
    entries: EntryCache,
    years: Collection[int],
) -> Iterator[Output]:
    """The e-paper pages besides the issue pages (``_issue``): the section pages, the archive
    and sitemaps (of ``years``, ``periods``), robots, and the front page (the newest issue) last."""
    for section, items in windows[1:]:
        assert section is not None
        by_issue = sorted(items, key=lambda a: (-a.date.toordinal(), a.seq))
        yield Output(
            f"public/{pages.section_path(site, section)}",
            pages.render_section(site, section, by_issue, entries),
            "section",
        )
    for path, data, kind in periods.outputs(snapshot, site, years):
        yield Output(path, data, kind)

    newest = snapshot.recent[0] if snapshot.recent else None
    front = pages.render_front(
        site, newest.date if newest else None, _pages(newest) if newest else [], snapshot.sections
    )
    yield Output("public/index.html", front, "index")


def _pages(package: IssuePackage) -> list[epaper.PrintedPage]:
    return epaper.issue_pages(package.articles, package.page_sections)
