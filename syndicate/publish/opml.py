"""``public/index.opml`` and ``public/formats.opml``: the public feeds, for readers that import a list.

``index.opml`` lists each feed (every section, and all of them) once, in the one format the table
marks ``in_index_opml`` (Atom: it carries ``updated``, so a reader sees a new version as an
update), each with a title of its own. A reader that keys items by id (newsboat) then never files
an article under two copies of one feed. ``formats.opml`` lists the same feeds in the other
formats, grouped by format, each outline titled with its format.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from .formats import FEEDS, FeedFormat
from .site import Site


def _document(site: Site, title: str) -> tuple[etree._Element, etree._Element]:
    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = title
    etree.SubElement(head, "ownerName").text = site.pub.holder
    return root, etree.SubElement(root, "body")


def _outline(parent: etree._Element, site: Site, section: str | None, fmt: FeedFormat, text: str) -> None:
    etree.SubElement(
        parent,
        "outline",
        type="rss",  # OPML 2.0 calls every feed subscription type="rss", whatever its format
        version=fmt.opml_version,
        text=text,
        title=text,
        xmlUrl=site.url(site.feed_path(section, fmt.suffix)),
        htmlUrl=site.pub.base_url,
    )


def render(site: Site, sections: Sequence[str]) -> bytes:
    """OPML 2.0: the feed of ``all`` and of every section, each once."""
    root, body = _document(site, site.pub.name)
    for fmt in (f for f in FEEDS if f.in_index_opml):
        for section in (None, *sections):
            _outline(body, site, section, fmt, site.feed_title(section))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def render_other_formats(site: Site, sections: Sequence[str]) -> bytes:
    """OPML 2.0 of the same feeds in the other formats: one group per format, distinct titles."""
    others = [f for f in FEEDS if not f.in_index_opml]
    root, body = _document(site, f"{site.pub.name}（{'、'.join(f.label for f in others)}）")
    for fmt in others:
        group = etree.SubElement(body, "outline", text=fmt.label, title=fmt.label)
        for section in (None, *sections):
            _outline(group, site, section, fmt, f"{site.feed_title(section)} ({fmt.label})")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
