"""Article pages and the front page (``public/index.html``), from Jinja2 templates (autoescaped)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import jinja2

from .feeds import feed_path, title
from .item import Item, Site, pages_note, rfc3339

_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("syndicate.publish", "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    undefined=jinja2.StrictUndefined,
)


@dataclass(frozen=True)
class FeedLink:
    """One public feed as the front page lists it."""

    title: str
    section: str | None
    rss: str
    atom: str


def feed_links(site: Site, sections: Sequence[str]) -> list[FeedLink]:
    """``all`` first, then one pair per section in the given order."""
    return [
        FeedLink(title(site, s), s, feed_path(site, s, "rss"), feed_path(site, s, "atom"))
        for s in (None, *sections)
    ]


def render_article(site: Site, item: Item) -> bytes:
    """The page an article's feed entries link to (``public/articles/<date>/<id>.html``)."""
    a = item.article
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
            section_feed=feed_path(site, a.section, "atom"),
        )
        .encode()
    )


def render_index(site: Site, latest: Sequence[Item], sections: Sequence[str]) -> bytes:
    """The front page: the latest articles, every section with its feeds, feed autodiscovery."""
    return (
        _ENV.get_template("index.html")
        .render(site=site, latest=latest, feeds=feed_links(site, sections), root="", canonical=site.base_url)
        .encode()
    )
