"""``public/index.opml``: every public feed, for readers that import a subscription list."""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from .formats import FEEDS
from .site import Site


def render(site: Site, sections: Sequence[str]) -> bytes:
    """OPML 2.0 listing every feed format of the table that OPML knows, for ``all`` and each section."""
    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = site.pub.name
    etree.SubElement(head, "ownerName").text = site.pub.holder
    body = etree.SubElement(root, "body")
    for section in (None, *sections):
        title = site.feed_title(section)
        group = etree.SubElement(body, "outline", text=title)
        for fmt in FEEDS:
            if fmt.opml_version is None:
                continue
            etree.SubElement(
                group,
                "outline",
                type="rss",  # OPML 2.0 calls every feed subscription type="rss"
                version=fmt.opml_version,
                text=f"{title} ({fmt.name.upper()})",
                xmlUrl=site.url(site.feed_path(section, fmt.suffix)),
                htmlUrl=site.pub.base_url,
            )
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
