"""The e-paper site's pages: one per issue, one per section, the archive, the front page.

Every published article is reachable: the archive lists every released issue, an issue page lists
every live article of the issue page by page, and each article page links back to its issue, page
and section. Renderers are pure (Jinja2 templates, autoescaped), like those of ``html``.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from ..model import StoredArticle
from ..xmlchars import clean
from .entries import EntryCache
from .epaper import PrintedPage, date_label, page_of
from .formats import FEEDS
from .html import ENV
from .site import Site


@dataclass(frozen=True)
class FeedRef:
    """One feed in one format, as a page links it (autodiscovery and visible links)."""

    title: str
    label: str
    media_type: str
    path: str


def feed_refs(site: Site, section: str | None) -> list[FeedRef]:
    """The feed of ``section`` (None: every section) in each format of the table."""
    name = site.feed_title(section)
    return [
        FeedRef(f"{name} ({f.label})", f.label, f.media_type, site.feed_path(section, f.suffix))
        for f in FEEDS
    ]


def issue_path(day: dt.date) -> str:
    return f"issues/{day.isoformat()}/index.html"


def section_path(site: Site, section: str) -> str:
    return f"sections/{site.slug(section)}.html"


ARCHIVE_PATH = "issues/index.html"


def _render(template: str, **context: object) -> bytes:
    return ENV.get_template(template).render(**context).encode()


def render_issue(site: Site, day: dt.date, pages: Sequence[PrintedPage]) -> bytes:
    """``public/issues/<date>/index.html``: the issue's printed pages in order."""
    return _render(
        "issue.html",
        site=site,
        root="../../",
        canonical=site.url(issue_path(day)),
        day_label=date_label(day),
        pages=pages,
        numbers={p.number for p in pages},
        all_feeds=feed_refs(site, None),
    )


def render_section(
    site: Site, section: str, items: Sequence[StoredArticle], entries: EntryCache | None = None
) -> bytes:
    """``public/sections/<slug>.html``: the section's newest articles, by issue (each with its
    headline cleaned: all the page prints of its text). Each article's line is taken from
    ``entries`` when an earlier pass (or this one) printed it (``_section_item.html``)."""
    cache = EntryCache() if entries is None else entries
    days = [
        (day, [Markup(_item_line(site, i, cache)) for i in group])
        for day, group in itertools.groupby(items, key=lambda i: i.date)
    ]
    return _render(
        "section.html",
        site=site,
        root="../",
        canonical=site.url(section_path(site, section)),
        section=section,
        days=days,
        feeds=feed_refs(site, section),
        date_label=date_label,
    )


def _item_line(site: Site, item: StoredArticle, entries: EntryCache) -> str:
    """One article's ``<li>`` on a section page: keyed like a feed entry (the article's every
    field, the site, the rendering code, which includes this module, ``epaper`` and the template)."""

    def render() -> bytes:
        return (
            ENV.get_template("_section_item.html")
            .render(site=site, root="../", item=item, headline=clean(item.article.headline), page_of=page_of)
            .encode()
        )

    return entries.fetch(entries.key(site, "section-item", item), render).decode()


def year_path(year: int) -> str:
    return f"issues/{year}/index.html"


def render_archive(site: Site, by_year: Mapping[int, Sequence[dt.date]]) -> bytes:
    """``public/issues/index.html``: the newest year's issues, newest month first, and a link to
    every year's page (``render_year``): a page the size of a year, however old the archive.
    ``by_year``: the released issues' dates of each year (``periods.by_year``)."""
    years = sorted(by_year, reverse=True)
    newest = by_year[years[0]] if years else []
    links = [(f"{y}年", f"{y}/index.html") for y in years]
    return _render_days(site, "往期", ARCHIVE_PATH, "../", "", newest, links)


def render_year(site: Site, year: int, dates: Sequence[dt.date]) -> bytes:
    """``public/issues/<YYYY>/index.html``: the year's issues (``dates``), newest month first."""
    mine = [d for d in dates if d.year == year]
    return _render_days(
        site, f"{year}年", year_path(year), "../../", "../", mine, [("往期", "../index.html")]
    )


def _render_days(
    site: Site,
    heading: str,
    path: str,
    root: str,
    up: str,
    dates: Sequence[dt.date],
    links: Sequence[tuple[str, str]],
) -> bytes:
    ordered = sorted(dates, reverse=True)
    # each day as (its page, label): strings, not an attribute look-up and a call in the template
    # for every date of the year; ``up``: from the page's folder to issues/
    months = [
        (dt.date(y, m, 1), [(f"{up}{d.isoformat()}/index.html", f"{d.month}月{d.day}日") for d in group])
        for (y, m), group in itertools.groupby(ordered, key=lambda d: (d.year, d.month))
    ]
    return _render(
        "archive.html",
        site=site,
        root=root,
        canonical=site.url(path),
        heading=heading,
        months=months,
        links=links,
    )


def render_front(
    site: Site, day: dt.date | None, pages: Sequence[PrintedPage], sections: Sequence[str]
) -> bytes:
    """``public/index.html``: the latest issue by page, the sections, every feed (autodiscovery)."""
    return _render(
        "index.html",
        site=site,
        root="",
        canonical=site.pub.base_url,
        day=day,
        day_label=date_label(day) if day else "",
        pages=pages,
        numbers={p.number for p in pages},
        sections=[(s, section_path(site, s), feed_refs(site, s)) for s in sections],
        all_feeds=feed_refs(site, None),
    )
