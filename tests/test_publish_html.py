"""Article pages, the front page, OPML and the partner catalog: golden files and their promises."""

from __future__ import annotations

import json

import lxml.html
from conftest import compare_golden
from lxml import etree
from support.publish import GOLDEN, article, item, site

from syndicate import catalog
from syndicate.model import CatalogEntry, StoredArticle
from syndicate.publish import html, opml

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


def test_golden_front_page(update_golden: bool) -> None:
    compare_golden(html.render_index(site(), items(), SECTIONS), GOLDEN / "index.html", update_golden)


def test_golden_opml(update_golden: bool) -> None:
    compare_golden(opml.render(site(), SECTIONS), GOLDEN / "index.opml", update_golden)


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
    assert "第1版、第2版" in doc.find(".//p[@class='note']").text


def test_front_page_autodiscovers_every_feed() -> None:
    doc = lxml.html.document_fromstring(html.render_index(site(), items(), SECTIONS))
    links = [(e.get("type"), e.get("href")) for e in doc.iter("link") if e.get("rel") == "alternate"]
    assert ("application/rss+xml", "all.rss.xml") in links
    assert ("application/atom+xml", "zonghe.atom.xml") in links
    assert len(links) == 6
    assert doc.find(".//ul[@class='latest']/li/a").get("href") == "articles/2023-10-24/20231024-0101.html"


def test_opml_lists_every_public_feed() -> None:
    urls = [
        o.get("xmlUrl")
        for o in etree.fromstring(opml.render(site(), SECTIONS)).iter("outline")
        if o.get("xmlUrl")
    ]
    assert urls == [
        f"https://news.example.org/{slug}.{fmt}.xml"
        for slug in ("all", "yaowen", "zonghe")
        for fmt in ("rss", "atom")
    ]


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
