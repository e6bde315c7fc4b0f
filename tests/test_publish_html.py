"""Article pages, the front page, OPML and the partner catalog: golden files and their promises."""

from __future__ import annotations

import datetime as dt
import json

import lxml.html
import pytest
from conftest import compare_golden
from lxml import etree
from support.publish import GOLDEN, article, item, site

from syndicate import catalog
from syndicate.model import CatalogEntry, StoredArticle
from syndicate.publish import epaper, html, opml, pages, periods, sitemap

SECTIONS = ["要闻", "综合"]


def items() -> list[StoredArticle]:
    return [
        item(
            article(kicker="引题", subheadline="副题<b>", pages=(1, 2), byline_text="□记者 李涛 报道"), seq=0
        ),
        item(
            article("20231024-0201", section="综合", headline="社区食堂", byline=(), dateline=None),
            seq=1,
            version=2,
        ),
    ]


def test_golden_article_page(update_golden: bool) -> None:
    compare_golden(html.render_article(site(), items()[0]), GOLDEN / "article.html", update_golden)


def front_page() -> bytes:
    return pages.render_front(site(), items()[0].date, epaper.issue_pages(items()), SECTIONS)


def test_golden_front_page(update_golden: bool) -> None:
    compare_golden(front_page(), GOLDEN / "index.html", update_golden)


def test_golden_issue_page(update_golden: bool) -> None:
    data = pages.render_issue(site(), items()[0].date, epaper.issue_pages(items(), {1: "要闻", 2: "综合"}))
    compare_golden(data, GOLDEN / "issue.html", update_golden)


def test_golden_section_page_and_archive(update_golden: bool) -> None:
    compare_golden(pages.render_section(site(), "要闻", items()[:1]), GOLDEN / "section.html", update_golden)
    day = items()[0].date
    days = [day, day.replace(day=23), day.replace(month=9, day=30), day.replace(year=2022, day=1)]
    compare_golden(
        pages.render_archive(site(), periods.by_year(days)), GOLDEN / "archive.html", update_golden
    )
    compare_golden(pages.render_year(site(), 2022, days), GOLDEN / "archive-2022.html", update_golden)


def test_golden_sitemap_and_robots(update_golden: bool) -> None:
    newest = [items()[0].date, dt.date(2023, 1, 1)]
    data = sitemap.render_pages(site(), [2023, 2022], SECTIONS, items(), newest)
    compare_golden(data, GOLDEN / "sitemap.xml", update_golden)
    days = [items()[0].date, dt.date(2023, 1, 1)]
    compare_golden(sitemap.render_year(site(), days), GOLDEN / "sitemap-2023.xml", update_golden)
    compare_golden(sitemap.render_robots(site(), [2023, 2022]), GOLDEN / "robots.txt", update_golden)


@pytest.mark.parametrize("base_url", ["https://epaper.example.org/", "https://example.org/2023-10-24/a&b/"])
def test_the_sitemap_of_many_issues_is_the_one_lxml_prints(base_url: str) -> None:
    """The older issues' URLs are the newest's lines with their date put in: the same bytes as
    every URL printed by lxml (and printed so when the base URL holds the newest date)."""
    on = site(base_url=base_url)
    days = [dt.date(2023, 10, 24) - dt.timedelta(days=n) for n in (0, 1, 9, 40, 200)]
    for dates in (days, days[:1], [], days[::-1]):
        got = sitemap.render_year(on, dates)
        assert got == sitemap._render_year(on, sorted(dates, reverse=True))
        assert got.count(b"<lastmod>20") == len(dates)


def test_golden_opml(update_golden: bool) -> None:
    compare_golden(opml.render(site(), SECTIONS), GOLDEN / "index.opml", update_golden)
    compare_golden(opml.render_other_formats(site(), SECTIONS), GOLDEN / "formats.opml", update_golden)


def test_golden_catalog(update_golden: bool) -> None:
    compare_golden(
        catalog.dump([CatalogEntry.of(i) for i in items()], site().pub),
        GOLDEN / "catalog.json",
        update_golden,
    )


def test_article_page_shows_everything_escaped() -> None:
    page = html.render_article(site(), items()[0]).decode()
    assert page.startswith('<!DOCTYPE html>\n<html lang="zh-CN">')
    doc = lxml.html.document_fromstring(page)
    assert doc.findtext(".//h1") == "青岛开发区聚力推动王台老工业区蝶变升级"
    assert doc.find(".//p[@class='subheadline']").text == "副题<b>"  # escaped, not markup
    assert doc.find(".//span[@class='byline']").text == "□记者 李涛 报道"
    assert doc.find(".//span[@class='dateline']").text == "本报10月24日讯"
    assert "第1版、第2版" in doc.find(".//p[@class='note']").text_content()


def test_a_new_version_says_version_not_page() -> None:
    note = lxml.html.document_fromstring(html.render_article(site(), items()[1])).find(".//p[@class='note']")
    text = note.text_content()
    assert "本文为第2稿（更新稿）" in text and "本页为第2版" not in text, text


def test_front_page_autodiscovers_every_feed_and_shows_the_issue_by_page() -> None:
    doc = lxml.html.document_fromstring(front_page())
    links = [(e.get("type"), e.get("href")) for e in doc.iter("link") if e.get("rel") == "alternate"]
    assert ("application/rss+xml", "all.rss.xml") in links
    assert ("application/atom+xml", "zonghe.atom.xml") in links
    assert ("application/feed+json", "yaowen.json") in links
    assert len(links) == 9  # all and two sections, three formats each
    first = doc.find(".//section[@id='page-1']//a[@class='headline']")
    assert first.get("href") == "articles/2023-10-24/20231024-0101.html"
    assert [s.get("id") for s in doc.iter("section") if s.get("id")] == ["page-1", "page-2"]


def test_opml_lists_each_feed_once_with_distinct_titles() -> None:
    outlines = [o for o in etree.fromstring(opml.render(site(), SECTIONS)).iter("outline") if o.get("xmlUrl")]
    assert [o.get("xmlUrl") for o in outlines] == [
        f"https://news.example.org/{slug}.atom.xml" for slug in ("all", "yaowen", "zonghe")
    ]
    assert len({o.get("text") for o in outlines}) == 3
    other = etree.fromstring(opml.render_other_formats(site(), SECTIONS))
    others = [o for o in other.iter("outline") if o.get("xmlUrl")]
    assert sorted(o.get("xmlUrl").rsplit("/", 1)[1] for o in others) == sorted(
        f"{slug}{suffix}" for slug in ("all", "yaowen", "zonghe") for suffix in (".rss.xml", ".json")
    )
    assert len({o.get("text") for o in others}) == 6


def test_catalog_entries_have_the_agreed_fields() -> None:
    entries = json.loads(catalog.dump([CatalogEntry.of(i) for i in items()], site().pub))
    assert entries[1] == {
        "date": "2023-10-24",
        "id": "20231024-0201",
        "section": "综合",
        "headline": "社区食堂",
        "version": 2,
        "embargo_until": "2023-10-24T06:00:00+08:00",
        "updated": "2023-10-24T02:30:00+08:00",
        "path": "2023-10-24/20231024-0201.xml",
        "status": "usable",
    }
