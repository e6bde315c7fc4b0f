"""The table of feed formats: every place that names a format reads it from here.

Output paths (``<slug><suffix>``), OPML, the HTML pages' autodiscovery links and feed lists, and
``serve``'s content types all come from ``FEEDS``. A new format is one renderer module and one
entry here (plus its golden file).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from . import feeds, jsonfeed
from .entries import EntryCache
from .feeds import Feed
from .site import Site


class Renderer(Protocol):
    """A feed format's renderer: the feed's bytes, its entries taken from ``entries`` when there."""

    def __call__(self, site: Site, feed: Feed, entries: EntryCache | None = None) -> bytes: ...


@dataclass(frozen=True)
class FeedFormat:
    name: str  # "rss"
    suffix: str  # the file name after the feed's slug: all.rss.xml
    media_type: str  # Content-Type when served, type of autodiscovery links
    label: str  # how pages name it: "RSS"
    render: Renderer
    opml_version: str  # OPML 2.0 outline version
    # index.opml lists every feed once, in this one format (a reader keying items by id would
    # otherwise file each article under two copies of a feed); formats.opml lists the others
    in_index_opml: bool = False


FEEDS: tuple[FeedFormat, ...] = (
    FeedFormat("rss", ".rss.xml", "application/rss+xml", "RSS", feeds.render_rss, "RSS2"),
    FeedFormat("atom", ".atom.xml", "application/atom+xml", "Atom", feeds.render_atom, "ATOM", True),
    FeedFormat("json", ".json", jsonfeed.MEDIA_TYPE, "JSON Feed", jsonfeed.render, "JSONFEED"),
)
BY_NAME = {f.name: f for f in FEEDS}


def media_types() -> tuple[tuple[str, str], ...]:
    """(suffix, media type) of every feed format, for ``serve``."""
    return tuple((f.suffix, f.media_type) for f in FEEDS)
