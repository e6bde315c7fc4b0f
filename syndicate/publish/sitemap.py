"""``public/sitemap.xml`` and ``public/robots.txt``.

The sitemap lists the front page, the archive, every section page and every issue page (so a
crawler reaches every article through them), and the articles of the last two days with the
Google News extension (``news:news``: publication, date, title), as news sitemaps must. Its size
follows the number of issues (one URL a day), far below the protocol's 50,000 URLs a file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from lxml import etree

from ..model import StoredArticle
from ..xmlchars import clean
from .pages import ARCHIVE_PATH, issue_path, section_path
from .site import Site, rfc3339

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
NEWS_DAYS = 2  # Google News takes articles published in the last two days


def news_language(language: str) -> str:
    """The news sitemap's language code: ISO 639, except ``zh-cn``/``zh-tw`` which it keeps."""
    low = language.lower()
    return low if low in ("zh-cn", "zh-tw") else low.split("-")[0]


def render_sitemap(
    site: Site, dates: Sequence[dt.date], sections: Sequence[str], recent: Sequence[StoredArticle]
) -> bytes:
    """``dates``: released issues; ``recent``: the live articles of the last ``NEWS_DAYS`` days.

    The issues' URLs differ in their date only: the newest is printed by lxml and the others are
    its lines with their date put in, a string replacement rather than 365 elements a year (the
    bytes are the same: a date's digits and hyphens are never escaped, in a URL or in XML)."""
    days = sorted(dates, reverse=True)
    doc = _render_sitemap(site, days[:1], sections, recent)
    if len(days) < 2:
        return doc
    newest = days[0].isoformat().encode()
    lastmod = b"<lastmod>" + newest + b"</lastmod>\n  </url>\n"
    end = doc.find(lastmod) + len(lastmod)
    start = doc.rfind(b"  <url>\n", 0, end)
    block = doc[start:end]
    if (
        end < len(lastmod)
        or start < 0
        or block.count(newest) != 2
        or issue_path(days[0]).count(str(days[0])) != 1
    ):
        return _render_sitemap(site, days, sections, recent)  # a base URL holding the date: in full
    older = b"".join(block.replace(newest, d.isoformat().encode()) for d in days[1:])
    return doc[:end] + older + doc[end:]


def _render_sitemap(
    site: Site, days: Sequence[dt.date], sections: Sequence[str], recent: Sequence[StoredArticle]
) -> bytes:
    root = etree.Element(f"{{{SITEMAP_NS}}}urlset", nsmap={None: SITEMAP_NS, "news": NEWS_NS})  # type: ignore[dict-item]

    def url(loc: str, lastmod: str | None = None) -> etree._Element:
        el = etree.SubElement(root, f"{{{SITEMAP_NS}}}url")
        etree.SubElement(el, f"{{{SITEMAP_NS}}}loc").text = loc
        if lastmod:
            etree.SubElement(el, f"{{{SITEMAP_NS}}}lastmod").text = lastmod
        return el

    url(site.pub.base_url)
    url(site.url(ARCHIVE_PATH))
    for section in sections:
        url(site.url(section_path(site, section)))
    for day in days:
        url(site.url(issue_path(day)), day.isoformat())
    for item in recent:
        el = url(site.url(site.article_path(item)), rfc3339(site.updated(item), site.tz))
        news = etree.SubElement(el, f"{{{NEWS_NS}}}news")
        publication = etree.SubElement(news, f"{{{NEWS_NS}}}publication")
        etree.SubElement(publication, f"{{{NEWS_NS}}}name").text = site.pub.name
        etree.SubElement(publication, f"{{{NEWS_NS}}}language").text = news_language(site.pub.language)
        etree.SubElement(news, f"{{{NEWS_NS}}}publication_date").text = rfc3339(site.published(item), site.tz)
        etree.SubElement(news, f"{{{NEWS_NS}}}title").text = clean(item.article.headline)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def render_robots(site: Site) -> bytes:
    """Everything public may be crawled; partner URLs may not; where the sitemap is."""
    return (
        "User-agent: *\n"
        "Allow: /\n"
        f"Disallow: {_path_of(site.pub.base_url)}partners/\n"
        f"\nSitemap: {site.url('sitemap.xml')}\n"
    ).encode()


def _path_of(base_url: str) -> str:
    """The path part of the base URL (``/`` or ``/paper/``): robots.txt rules are paths."""
    rest = base_url.split("://", 1)[1]
    return "/" + rest.split("/", 1)[1] if "/" in rest else "/"
