"""The table of feed formats: every place that names a format reads it from here.

Output paths (``<slug><suffix>``), OPML, the HTML pages' autodiscovery links and feed lists, and
``serve``'s content types all come from ``FEEDS``. A new format is one renderer module and one
entry here (plus its golden file).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import feeds
from .feeds import Feed
from .site import Site


@dataclass(frozen=True)
class FeedFormat:
    name: str  # "rss"
    suffix: str  # the file name after the feed's slug: all.rss.xml
    media_type: str  # Content-Type when served, type of autodiscovery links
    label: str  # how pages name it: "RSS"
    render: Callable[[Site, Feed], bytes]
    opml_version: str | None = None  # OPML 2.0 outline version; None: not listed in index.opml
    on_article_pages: bool = False  # article pages link their section's feed in this format


FEEDS: tuple[FeedFormat, ...] = (
    FeedFormat("rss", ".rss.xml", "application/rss+xml", "RSS", feeds.render_rss, "RSS2"),
    FeedFormat("atom", ".atom.xml", "application/atom+xml", "Atom", feeds.render_atom, "ATOM", True),
)
BY_NAME = {f.name: f for f in FEEDS}


def media_types() -> tuple[tuple[str, str], ...]:
    """(suffix, media type) of every feed format, for ``serve``."""
    return tuple((f.suffix, f.media_type) for f in FEEDS)
