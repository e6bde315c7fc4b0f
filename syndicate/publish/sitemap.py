"""``public/sitemap.xml``, a sitemap a year beside it, and ``public/robots.txt``.

``sitemap.xml`` stays what it always was, a list of URLs (sitemaps.org ``urlset``): the front
page, the archive and its year pages, every section page, the newest year's issue pages, and the
articles of the last two days with the Google News extension (``news:news``: publication, date,
title), as news sitemaps must. Each year's issue pages are also in ``sitemap-<YYYY>.xml`` (so a
crawler reaches every article through them), and ``robots.txt`` names them all. A year's sitemap
changes only when its issues do: a pass renders those of the years it changed (``periods``), not
the archive's, and no file grows with the archive (a year is 366 URLs, far below the protocol's
50,000 a file). They sit beside ``sitemap.xml``: a sitemap may list only URLs at or below its
own folder.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from lxml import etree

from ..model import StoredArticle
from ..xmlchars import clean
from .pages import ARCHIVE_PATH, issue_path, section_path, year_path
from .site import Site, rfc3339

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
NEWS_DAYS = 2  # Google News takes articles published in the last two days
INDEX_PATH = "sitemap.xml"


def year_sitemap_path(year: int) -> str:
    return f"sitemap-{year}.xml"


def news_language(language: str) -> str:
    """The news sitemap's language code: ISO 639, except ``zh-cn``/``zh-tw`` which it keeps."""
    low = language.lower()
    return low if low in ("zh-cn", "zh-tw") else low.split("-")[0]


def render_pages(
    site: Site,
    years: Sequence[int],
    sections: Sequence[str],
    recent: Sequence[StoredArticle],
    newest: Sequence[dt.date] = (),
) -> bytes:
    """``sitemap.xml``: the front page, the archive and its ``years``' pages, the sections, the
    issue pages of ``newest`` (the newest year's dates), and ``recent`` (the live articles of the
    last ``NEWS_DAYS`` days) with their news tags."""
    root, url = _urlset(news=True)
    url(site.pub.base_url)
    url(site.url(ARCHIVE_PATH))
    for year in sorted(years, reverse=True):
        url(site.url(year_path(year)))
    for section in sections:
        url(site.url(section_path(site, section)))
    for day in sorted(newest, reverse=True):
        url(site.url(issue_path(day)), day.isoformat())
    for item in recent:
        el = url(site.url(site.article_path(item)), rfc3339(site.updated(item), site.tz))
        news = etree.SubElement(el, f"{{{NEWS_NS}}}news")
        publication = etree.SubElement(news, f"{{{NEWS_NS}}}publication")
        etree.SubElement(publication, f"{{{NEWS_NS}}}name").text = site.pub.name
        etree.SubElement(publication, f"{{{NEWS_NS}}}language").text = news_language(site.pub.language)
        etree.SubElement(news, f"{{{NEWS_NS}}}publication_date").text = rfc3339(site.published(item), site.tz)
        etree.SubElement(news, f"{{{NEWS_NS}}}title").text = clean(item.article.headline)
    return _dump(root)


def render_year(site: Site, dates: Sequence[dt.date]) -> bytes:
    """``sitemap-<YYYY>.xml``: the issue pages of ``dates`` (one year's released issues), newest first.

    The URLs differ in their date only: the newest is printed by lxml and the others are its
    lines with their date put in, a string replacement rather than an element a day (the bytes
    are the same: a date's digits and hyphens are never escaped, in a URL or in XML)."""
    days = sorted(dates, reverse=True)
    doc = _render_year(site, days[:1])
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
        return _render_year(site, days)  # a base URL holding the date: in full
    older = b"".join(block.replace(newest, d.isoformat().encode()) for d in days[1:])
    return doc[:end] + older + doc[end:]


def _render_year(site: Site, days: Sequence[dt.date]) -> bytes:
    root, url = _urlset()
    for day in days:
        url(site.url(issue_path(day)), day.isoformat())
    return _dump(root)


def _urlset(news: bool = False) -> tuple[etree._Element, Callable[..., etree._Element]]:
    nsmap = {None: SITEMAP_NS, "news": NEWS_NS} if news else {None: SITEMAP_NS}
    root = etree.Element(f"{{{SITEMAP_NS}}}urlset", nsmap=nsmap)  # type: ignore[arg-type]

    def url(loc: str, lastmod: str | None = None) -> etree._Element:
        el = etree.SubElement(root, f"{{{SITEMAP_NS}}}url")
        etree.SubElement(el, f"{{{SITEMAP_NS}}}loc").text = loc
        if lastmod:
            etree.SubElement(el, f"{{{SITEMAP_NS}}}lastmod").text = lastmod
        return el

    return root, url


def _dump(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def render_robots(site: Site, years: Sequence[int] = ()) -> bytes:
    """Everything public may be crawled; partner URLs may not; where the sitemaps are."""
    maps = [INDEX_PATH, *(year_sitemap_path(y) for y in sorted(years, reverse=True))]
    return (
        "User-agent: *\n"
        "Allow: /\n"
        f"Disallow: {_path_of(site.pub.base_url)}partners/\n"
        "\n" + "".join(f"Sitemap: {site.url(path)}\n" for path in maps)
    ).encode()


def _path_of(base_url: str) -> str:
    """The path part of the base URL (``/`` or ``/paper/``): robots.txt rules are paths."""
    rest = base_url.split("://", 1)[1]
    return "/" + rest.split("/", 1)[1] if "/" in rest else "/"
