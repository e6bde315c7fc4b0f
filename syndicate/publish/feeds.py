"""RSS 2.0 and Atom 1.0 feeds with feedgen, deterministic to the byte.

feedgen's defaults that would break that, each pinned by a test in tests/test_publish_feeds.py:
entries are prepended unless added with ``order="append"``; ``updated``/``lastBuildDate`` default
to now and the generator carries feedgen's version; the RSS channel ``link`` is the *last*
``link()`` call (so the self link goes first); an author without e-mail vanishes from RSS (we
write ``dc:creator``); Atom content needs ``type="html"``; and its RFC 822 formatter switches the
process locale (which races with the scheduler's threads), so RSS dates are written with
``email.utils.format_datetime`` through a small extension instead.

A renderer takes the site and a ``Feed`` (its section, entries and own path, which the format
table decides) and returns bytes; ``formats.FEEDS`` lists them. An entry already rendered (by an
earlier pass, or for another feed) is taken from the ``entries.EntryCache`` passed in: the feed's
head is rendered with no entry, and the entries' fragments go between it and its tail, as lxml
would have printed them in place (``_splice``; the golden files pin the bytes).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator

from ..model import StoredArticle
from ..timefmt import rfc822
from .entries import EntryCache
from .site import EPOCH, Site
from .text import body_paragraphs, language

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
    if not items:
        return EPOCH.astimezone(site.tz)
    return site.updated(max(items, key=site.entry_order())).astimezone(site.tz)  # one zone conversion


def _generator(site: Site, feed: Feed, rss: bool) -> FeedGenerator:
    """The feed's head (channel or feed elements), no entry yet."""
    section, items = feed.section, feed.items
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


def render_rss(site: Site, feed: Feed, entries: EntryCache | None = None) -> bytes:
    """RSS 2.0 of the feed's entries in the given order."""
    return _splice(site, feed, True, EntryCache() if entries is None else entries)


def render_atom(site: Site, feed: Feed, entries: EntryCache | None = None) -> bytes:
    """Atom 1.0 of the feed's entries in the given order."""
    return _splice(site, feed, False, EntryCache() if entries is None else entries)


# Where each entry starts in a pretty-printed document (the lines of its elements are indented
# deeper, and a "<" in any text or attribute is escaped), and what follows the last one.
_STARTS = {True: re.compile(rb"^    <item[ >]", re.M), False: re.compile(rb"^  <entry[ >]", re.M)}
_TAILS = {True: b"  </channel>\n</rss>\n", False: b"</feed>\n"}


def _splice(site: Site, feed: Feed, rss: bool, entries: EntryCache) -> bytes:
    """The head rendered without entries, each entry's fragment (rendered once: those missing
    from ``entries`` all in one document, then cut at their starts), the tail."""
    fg = _generator(site, feed, rss)
    fmt = "rss" if rss else "atom"
    tail = _TAILS[rss]
    doc: bytes = fg.rss_str(pretty=True) if rss else fg.atom_str(pretty=True)
    if not doc.endswith(tail):
        raise ValueError(f"{feed.path}: feedgen's {fmt} document ends in {doc[-40:]!r}")
    head = doc[: -len(tail)]
    keys = [entries.key(site, fmt, item) for item in feed.items]
    found: dict[str, bytes] = {}
    missing: dict[str, StoredArticle] = {}
    for key, item in zip(keys, feed.items, strict=True):
        if key not in found and key not in missing:
            data = entries.get(key)
            if data is None:
                missing[key] = item
            else:
                found[key] = data
    if missing:
        for item in missing.values():
            _entry(fg, site, entries.clean(item), rss)
        full: bytes = fg.rss_str(pretty=True) if rss else fg.atom_str(pretty=True)
        body = full[len(head) : -len(tail)]
        starts = [m.start() for m in _STARTS[rss].finditer(body)]
        if not full.startswith(head) or len(starts) != len(missing) or starts[:1] != [0]:
            raise ValueError(f"{feed.path}: cannot cut the {fmt} document at its entries")
        for key, start, end in zip(missing, starts, [*starts[1:], len(body)], strict=True):
            found[key] = body[start:end]
            entries.put(key, found[key])
    return head + b"".join(found[k] for k in keys) + tail
