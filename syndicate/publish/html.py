"""Article pages and the front page (``public/index.html``), from Jinja2 templates (autoescaped)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import jinja2

from ..model import StoredArticle
from .formats import FEEDS
from .site import Site, rfc3339
from .text import cleaned, language, pages_note

_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("syndicate.publish", "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    undefined=jinja2.StrictUndefined,
)


@dataclass(frozen=True)
class Link:
    """One feed file: its media type, how pages name its format, its path under public/."""

    media_type: str
    label: str
    href: str


@dataclass(frozen=True)
class FeedLinks:
    """One public feed (a section, or every section) in each format, as the front page lists it."""

    title: str
    section: str | None
    links: tuple[Link, ...]


def feed_links(site: Site, sections: Sequence[str]) -> list[FeedLinks]:
    """``all`` first, then one entry per section in the given order; every format of the table."""
    return [
        FeedLinks(
            site.feed_title(s),
            s,
            tuple(Link(f.media_type, f.label, site.feed_path(s, f.suffix)) for f in FEEDS),
        )
        for s in (None, *sections)
    ]


def render_article(site: Site, item: StoredArticle) -> bytes:
    """The page an article's feed entries link to (``public/articles/<date>/<id>.html``)."""
    item = cleaned(item)
    a = item.article
    links = [
        Link(f.media_type, f.label, site.feed_path(a.section, f.suffix)) for f in FEEDS if f.on_article_pages
    ]
    return (
        _ENV.get_template("article.html")
        .render(
            site=site,
            a=a,
            item=item,
            root="../../",
            canonical=site.url(site.article_path(item)),
            published=rfc3339(site.published(item), site.tz),
            pages=pages_note(a.parts),
            section_feeds=links,
            lang=language(a, site.pub.language),
        )
        .encode()
    )


def render_index(site: Site, latest: Sequence[StoredArticle], sections: Sequence[str]) -> bytes:
    """The front page: the latest articles, every section with its feeds, feed autodiscovery."""
    return (
        _ENV.get_template("index.html")
        .render(
            site=site,
            latest=[cleaned(i) for i in latest],
            feeds=feed_links(site, sections),
            root="",
            canonical=site.pub.base_url,
        )
        .encode()
    )
