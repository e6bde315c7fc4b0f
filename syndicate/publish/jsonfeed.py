"""JSON Feed 1.1 (https://jsonfeed.org/version/1.1), beside every RSS and Atom feed.

The same entries as the other two formats, in the same order, with the same ids (the tag URI),
so a reader that subscribes to several formats sees each article once. ``authors`` and
``language`` are 1.1's fields (1.0's ``author`` is not written); ``hubs`` names the WebSub hub
when the publication has one. Deterministic bytes: no clock, keys in the order built. Each item
is printed once (``entries.EntryCache``) as it sits in the document, four spaces in, and the
document's ``"items": []`` filled with them: the bytes ``json.dumps`` gives the whole document.
"""

from __future__ import annotations

import json
from typing import Any

from ..model import StoredArticle
from .entries import EntryCache
from .feeds import Feed, body_html
from .site import Site, rfc3339
from .text import language

VERSION = "https://jsonfeed.org/version/1.1"
MEDIA_TYPE = "application/feed+json"


def _item(site: Site, item: StoredArticle) -> dict[str, Any]:
    a = item.article
    entry: dict[str, Any] = {
        "id": site.tag(item),
        "url": site.url(site.article_path(item)),
        "title": a.headline,
        "content_html": body_html(item),
    }
    if a.lead:
        entry["summary"] = a.lead  # plain text in JSON Feed (not HTML)
    entry["date_published"] = rfc3339(site.published(item), site.tz)
    entry["date_modified"] = rfc3339(site.updated(item), site.tz)
    if a.byline:
        entry["authors"] = [{"name": name} for name in a.byline]
    entry["tags"] = [a.section]
    entry["language"] = language(a, site.pub.language)  # the article's own when not the paper's
    return entry


def render(site: Site, feed: Feed, entries: EntryCache | None = None) -> bytes:
    """JSON Feed 1.1 of the feed's entries in the given order (section None: every section)."""
    pub, section = site.pub, feed.section
    doc: dict[str, Any] = {
        "version": VERSION,
        "title": site.feed_title(section),
        "home_page_url": pub.base_url,
        "feed_url": site.url(feed.path),
        "description": f"{pub.name}：{'全部版面' if section is None else section + '版'}全文",
        "language": pub.language,
        "authors": [{"name": pub.name, "url": pub.base_url}],
    }
    if pub.websub_hub:
        doc["hubs"] = [{"type": "WebSub", "url": pub.websub_hub}]
    doc["items"] = []
    text = json.dumps(doc, ensure_ascii=False, indent=2)
    if not feed.items:
        return (text + "\n").encode()
    if not text.endswith(_NO_ITEMS):
        raise ValueError(f"{feed.path}: JSON Feed document ends in {text[-40:]!r}")
    cache = EntryCache() if entries is None else entries
    items = b",\n".join(_fragment(site, item, cache) for item in feed.items)
    return text[: -len(_NO_ITEMS)].encode() + b"[\n" + items + b"\n  ]\n}\n"


_NO_ITEMS = "[]\n}"  # how the document ends before its items go in


def _fragment(site: Site, item: StoredArticle, entries: EntryCache) -> bytes:
    """The item as ``json.dumps(indent=2)`` prints it two levels down (its strings hold no newline)."""

    def render() -> bytes:
        text = json.dumps(_item(site, entries.clean(item)), ensure_ascii=False, indent=2)
        return ("    " + text.replace("\n", "\n    ")).encode()

    return entries.fetch(entries.key(site, "json", item), render)
