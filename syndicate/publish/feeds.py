"""RSS 2.0 and Atom 1.0 feeds with feedgen, deterministic to the byte.

feedgen's defaults that would break that, each pinned by a test in tests/test_publish_feeds.py:
entries are prepended unless added with ``order="append"``; ``updated``/``lastBuildDate`` default
to now and the generator carries feedgen's version; the RSS channel ``link`` is the *last*
``link()`` call (so the self link goes first); an author without e-mail vanishes from RSS (we
write ``dc:creator``); Atom content needs ``type="html"``; and its RFC 822 formatter switches the
process locale (which races with the scheduler's threads), so RSS dates are written with
``email.utils.format_datetime`` through a small extension instead.

A renderer takes the site and a ``Feed`` (its section, entries and own path, which the format
table decides) and returns bytes; ``formats.FEEDS`` lists them.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator

from ..model import StoredArticle
from ..timefmt import rfc822
from .site import EPOCH, Site
from .text import body_paragraphs, cleaned, language

ATOM = "http://www.w3.org/2005/Atom"
GENERATOR = "syndicate"  # without a version: upgrading must not change every feed's bytes


@dataclass(frozen=True)
class Feed:
    """One feed to render: its section (None: every section), entries in order, path under public/."""

    section: str | None
    items: Sequence[StoredArticle]
    path: str


class _Dates(BaseExtension):  # type: ignore[misc]
    """Writes the RSS channel's ``lastBuildDate`` from a string we formatted ourselves, and its hub link."""

    def __init__(self) -> None:
        self.last_build: str | None = None
        self.hub: str | None = None

    def extend_rss(self, rss_feed: Any) -> Any:
        channel = rss_feed[0]
        if self.hub:  # feedgen writes only the self link of RSS; WebSub wants rel="hub" beside it
            self_link = channel.find(f"{{{ATOM}}}link")
            self_link.addnext(channel.makeelement(f"{{{ATOM}}}link", {"href": self.hub, "rel": "hub"}))
        if self.last_build:
            el = channel.makeelement("lastBuildDate", {})
            el.text = self.last_build
            # right after <language> or <description>: where feedgen would have put it
            anchor = channel.find("language")
            if anchor is None:
                anchor = channel.find("description")
            anchor.addnext(el)
        return rss_feed


class _EntryDates(BaseEntryExtension):  # type: ignore[misc]
    """Writes an RSS item's ``pubDate`` from a string we formatted ourselves."""

    def __init__(self) -> None:
        self.pub_date: str | None = None

    def extend_rss(self, item: Any) -> Any:
        if self.pub_date:
            el = item.makeelement("pubDate", {})
            el.text = self.pub_date
            item.append(el)
        return item


class _EntryLanguage(BaseEntryExtension):  # type: ignore[misc]
    """``xml:lang`` on an Atom entry in another language than its feed (an English page of a
    Chinese paper); RSS items say it with ``dc:language``."""

    def __init__(self) -> None:
        self.lang: str | None = None

    def extend_atom(self, entry: Any) -> Any:
        if self.lang:
            entry.set("{http://www.w3.org/XML/1998/namespace}lang", self.lang)
        return entry


def body_html(item: StoredArticle) -> str:
    """The full text as escaped HTML paragraphs (what goes in content:encoded / Atom content)."""
    return "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in body_paragraphs(item.article))


def feed_updated(site: Site, items: Sequence[StoredArticle]) -> dt.datetime:
    """Derived from the entries, never from the clock: an unchanged store gives unchanged bytes."""
    return max((site.updated(i) for i in items), default=EPOCH).astimezone(site.tz)


def _generator(site: Site, feed: Feed, rss: bool) -> FeedGenerator:
    section, items = feed.section, [cleaned(i) for i in feed.items]
    pub = site.pub
    fg = FeedGenerator()
    fg.register_extension("syndicate_dates", _Dates, _EntryDates, atom=False, rss=True)
    fg.register_extension("syndicate_lang", BaseExtension, _EntryLanguage, atom=True, rss=False)
    if rss:
        fg.load_extension("dc", atom=False, rss=True)
    self_url = site.url(feed.path)
    fg.id(self_url)
    fg.title(site.feed_title(section))
    fg.link(href=self_url, rel="self")  # first: feedgen takes the last link() as the RSS channel link
    if pub.websub_hub:  # WebSub: subscribers learn where to subscribe for pushes
        fg.link(href=pub.websub_hub, rel="hub")
        fg.syndicate_dates.hub = pub.websub_hub
    fg.link(href=pub.base_url, rel="alternate")
    fg.description(f"{pub.name}：{'全部版面' if section is None else section + '版'}全文")
    fg.language(pub.language)
    fg.author({"name": pub.name})
    fg.generator(GENERATOR)
    fg.rights(pub.holder)
    updated = feed_updated(site, items)
    fg.updated(updated)
    if rss:
        # fg.updated() also set feedgen's lastBuildDate, which it would format with setlocale().
        fg._FeedGenerator__rss_lastBuildDate = None
        fg.syndicate_dates.last_build = rfc822(updated, site.tz)
    for item in items:
        _entry(fg, site, item, rss)
    return fg


def _entry(fg: FeedGenerator, site: Site, item: StoredArticle, rss: bool) -> None:
    a = item.article
    fe = fg.add_entry(order="append")  # feedgen prepends by default
    fe.id(site.tag(item))  # also the RSS guid (isPermaLink="false")
    fe.title(a.headline)
    fe.link(href=site.url(site.article_path(item)), rel="alternate", type="text/html")
    fe.content(body_html(item), type="html")
    if a.lead:
        fe.summary(html.escape(a.lead, quote=False), type="html")  # RSS descriptions are HTML too
    fe.category(term=a.section, label=a.section)
    lang = language(a, site.pub.language)
    if lang != site.pub.language:  # an entry in another language than the feed's
        if rss:
            fe.dc.dc_language(lang)
        else:
            fe.syndicate_lang.lang = lang
    fe.updated(site.updated(item))
    if rss:
        for name in a.byline:
            fe.dc.dc_creator(name)
        fe.syndicate_dates.pub_date = rfc822(site.published(item), site.tz)
    else:
        for name in a.byline:
            fe.author({"name": name})
        fe.published(site.published(item))


def render_rss(site: Site, feed: Feed) -> bytes:
    """RSS 2.0 of the feed's entries in the given order."""
    out: bytes = _generator(site, feed, rss=True).rss_str(pretty=True)
    return out


def render_atom(site: Site, feed: Feed) -> bytes:
    """Atom 1.0 of the feed's entries in the given order."""
    out: bytes = _generator(site, feed, rss=False).atom_str(pretty=True)
    return out
