"""The archive by year: which years a pass renders, and their outputs.

Every page that would list the whole archive is split by year: the archive index shows the
newest year and links every year's page (``pages.render_year``), and ``sitemap.xml`` lists the
newest year's issues, one sitemap a year the others (``sitemap``). A year's page and sitemap change only when one of its issues
does, so a pass renders those of the years it has issues queued in (a new or changed issue, or
every issue after a rebuild), the newest year's (the one an issue joins on its release), and any
the caller found missing from the output (an older pass wrote the archive whole, or a file was
lost); the others keep the bytes an earlier pass wrote. A pass costs a year's pages, not the
archive's.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Collection, Iterator, Sequence
from operator import attrgetter

from ..model import Snapshot
from . import pages, sitemap
from .site import Site


def by_year(dates: Sequence[dt.date]) -> dict[int, list[dt.date]]:
    """The released issues' dates of each year, newest year and day first (one group a year, not
    a dictionary look-up a day; sorting the snapshot's dates, newest first already, is one pass)."""
    ordered = sorted(dates, reverse=True)
    return {year: list(days) for year, days in itertools.groupby(ordered, key=attrgetter("year"))}


def files(year: int) -> tuple[str, str]:
    """The outputs of one year (under the output root)."""
    return f"public/{pages.year_path(year)}", f"public/{sitemap.year_sitemap_path(year)}"


def to_render(snapshot: Snapshot, missing: Collection[int] | None) -> set[int]:
    """The years whose outputs a pass renders: those of its queued issues, the newest, and
    ``missing`` (None: every year, as a plan that knows nothing of the output does)."""
    years = {d.year for d in snapshot.dates}
    if missing is None:
        return years
    wanted = {q.date.year for q in snapshot.queued} | set(missing)
    if snapshot.dates:
        wanted.add(max(snapshot.dates).year)
    return wanted & years


def outputs(snapshot: Snapshot, site: Site, years: Collection[int]) -> Iterator[tuple[str, bytes, str]]:
    """(path, bytes, kind) of the archive index, the pages of ``years``, ``sitemap.xml``, the
    sitemaps of ``years`` and robots.txt: the pages before the sitemaps that list them."""
    days = by_year(snapshot.dates)
    yield f"public/{pages.ARCHIVE_PATH}", pages.render_archive(site, days), "archive"
    for year in sorted(years, reverse=True):
        yield files(year)[0], pages.render_year(site, year, days[year]), "archive"
    news_since = snapshot.dates[0] - dt.timedelta(days=sitemap.NEWS_DAYS) if snapshot.dates else None
    news = [
        a
        for p in snapshot.recent
        if news_since and p.date > news_since
        for a in p.articles
        if not a.withdrawn
    ]
    newest = days[max(days)] if days else []
    data = sitemap.render_pages(site, list(days), snapshot.sections, news, newest)
    yield f"public/{sitemap.INDEX_PATH}", data, "sitemap"
    for year in sorted(years, reverse=True):
        yield files(year)[1], sitemap.render_year(site, days[year]), "sitemap"
    yield "public/robots.txt", sitemap.render_robots(site, list(days)), "robots"  # names every year's
