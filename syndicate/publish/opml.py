"""``public/index.opml``: every public feed, for readers that import a subscription list."""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from .feeds import feed_path, title
from .item import Site


def render(site: Site, sections: Sequence[str]) -> bytes:
    """OPML 2.0 listing the RSS and Atom feed of ``all`` and of every section."""
    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = site.name
    etree.SubElement(head, "ownerName").text = site.copyright_holder
    body = etree.SubElement(root, "body")
    for section in (None, *sections):
        group = etree.SubElement(body, "outline", text=title(site, section))
        for fmt in ("rss", "atom"):
            etree.SubElement(
                group,
                "outline",
                type="rss",
                version="RSS2" if fmt == "rss" else "ATOM",
                text=f"{title(site, section)} ({fmt.upper()})",
                xmlUrl=site.url(feed_path(site, section, fmt)),
                htmlUrl=site.base_url,
            )
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
