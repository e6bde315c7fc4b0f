"""The e-paper site as a pass publishes it: every article reachable, issues page by page, the
archive, section pages, sitemap and robots, and feeds that carry updated articles.

Passes run for real on sample issues (re-dated copies of the shipped sample) with a pinned clock.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import lxml.html
from lxml import etree
from support.faults import check_parses, drop_folder, sample_issue, validate_all

from syndicate import config, pipeline

LATER = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
FIRST = dt.date(2023, 10, 1)
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def run(src: Path, out: Path, now: dt.datetime = LATER, **output: object) -> pipeline.PassReport:
    settings = config.parse({"source": {"path": str(src)}, "output": {"dir": str(out), **output}}, out.parent)
    return pipeline.run_pass(settings, now=now)


def crawl(public: Path) -> set[str]:
    """Every page under ``public/`` reachable from index.html by following links (paths relative to it)."""
    seen: set[str] = set()
    todo = ["index.html"]
    while todo:
        rel = todo.pop()
        if rel in seen or not rel.endswith(".html"):
            continue
        seen.add(rel)
        doc = lxml.html.document_fromstring((public / rel).read_bytes())
        for href in doc.xpath("//a/@href"):
            target = urlsplit(urljoin("http://site/" + rel, href)).path.lstrip("/")
            if target and target.endswith(".html"):
                assert (public / target).is_file(), f"{rel} links to a missing page {target}"
                todo.append(target)
    return seen


def test_every_published_article_is_reachable_from_the_front_page(tmp_path: Path) -> None:
    src = drop_folder(tmp_path / "src", 12)
    run(src, tmp_path / "out", feed_entries=5)  # feeds far shorter than the archive
    public = tmp_path / "out" / "public"
    reached = crawl(public)
    articles = {str(p.relative_to(public)) for p in (public / "articles").rglob("*.html")}
    assert len(articles) == 60 and articles <= reached, sorted(articles - reached)[:5]
    issues = {str(p.relative_to(public)) for p in (public / "issues").rglob("index.html")}
    assert len(issues) == 14 and issues <= reached  # 12 issues, the archive and its year's page
    assert {"sections/yaowen.html", "sections/zonghe.html"} <= reached


def test_issue_page_lists_printed_pages_in_order_with_articles_in_reading_order(tmp_path: Path) -> None:
    sample_issue(tmp_path / "src")
    run(tmp_path / "src", tmp_path / "out")
    doc = lxml.html.document_fromstring((tmp_path / "out/public/issues/2023-10-24/index.html").read_bytes())
    pages = doc.xpath("//section[@class='page']")
    assert [p.get("id") for p in pages] == ["page-1", "page-2"]
    assert [p.findtext("h2") for p in pages] == ["第1版 · 要闻", "第2版 · 综合"]

    def ids(page: lxml.html.HtmlElement) -> list[str]:
        return [
            re.sub(r".*/(\d+-\d+)\.html", r"\1", a.get("href")) for a in page.xpath(".//a[@class='headline']")
        ]

    # page 2 in reading order: its own article, two continuations, its second article, a continuation
    assert ids(pages[0]) == ["20231024-0101", "20231024-0102", "20231024-0103"]
    assert ids(pages[1]) == [
        "20231024-0201",
        "20231024-0103",
        "20231024-0101",
        "20231024-0204",
        "20231024-0102",
    ]
    jumps = pages[0].xpath(".//a[@class='jump']")
    assert [(j.text, j.get("href")) for j in jumps] == [("下转第2版", "#page-2")] * 3
    continued = pages[1].xpath(".//li[@class='continued']/a[@class='jump']")
    assert [j.text for j in continued] == ["上接第1版"] * 3


def test_the_front_page_is_the_latest_released_issue(tmp_path: Path) -> None:
    src = drop_folder(tmp_path / "src", 3)
    sample_issue(src, dt.date(2023, 10, 4))
    # 02:30 on Oct 4th in Shanghai: the issue of the 4th is stored, still under embargo
    run(src, tmp_path / "out", now=dt.datetime(2023, 10, 3, 18, 30, tzinfo=dt.UTC))
    public = tmp_path / "out" / "public"
    front = lxml.html.document_fromstring((public / "index.html").read_bytes())
    assert "2023年10月3日" in front.findtext(".//h1/span")
    assert not (public / "issues/2023-10-04").exists()
    archive = (public / "issues/index.html").read_text(encoding="utf-8")
    assert "2023-10-03/index.html" in archive and "2023-10-04" not in archive
    run(src, tmp_path / "out", now=dt.datetime(2023, 10, 4, 1, 0, tzinfo=dt.UTC))  # 09:00: released
    front = lxml.html.document_fromstring((public / "index.html").read_bytes())
    assert "2023年10月4日" in front.findtext(".//h1/span")
    assert (public / "issues/2023-10-04/index.html").is_file()


def sitemaps(public: Path) -> dict[str, etree._Element]:
    """``sitemap.xml`` (a list of URLs, as it always was) and the sitemaps robots.txt names beside
    it, by path, each checked to lie beside it."""
    found = {}
    for line in (public / "robots.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("Sitemap: "):
            url = line.removeprefix("Sitemap: ")
            assert url.startswith("https://news.example.org/") and url.count("/") == 3
            root = etree.parse(str(public / url.rsplit("/", 1)[1])).getroot()
            assert root.tag == f"{SITEMAP}urlset"
            found[url.rsplit("/", 1)[1]] = root
    return found


def test_sitemap_lists_issues_sections_and_news_of_the_last_two_days(tmp_path: Path) -> None:
    src = drop_folder(tmp_path / "src", 4)
    run(src, tmp_path / "out", now=dt.datetime(2023, 10, 4, 12, 0, tzinfo=dt.UTC))
    found = sitemaps(tmp_path / "out/public")
    assert list(found) == ["sitemap.xml", "sitemap-2023.xml"]
    urls = list(found["sitemap.xml"].iter(f"{SITEMAP}url"))
    locs = [u.findtext(f"{SITEMAP}loc") for u in urls]
    assert len(locs) == len(set(locs))
    for day in range(1, 5):  # the newest year's issues, in sitemap.xml and in the year's sitemap
        assert f"https://news.example.org/issues/2023-10-0{day}/index.html" in locs
        year = [u.findtext(f"{SITEMAP}loc") for u in found["sitemap-2023.xml"].iter(f"{SITEMAP}url")]
        assert f"https://news.example.org/issues/2023-10-0{day}/index.html" in year
    assert "https://news.example.org/issues/2023/index.html" in locs
    news = [u for u in urls if u.find(f"{NEWS}news") is not None]
    assert len(news) == 10  # the issues of Oct 3rd and 4th, five articles each
    assert all("/articles/2023-10-0" in u.findtext(f"{SITEMAP}loc") for u in news)
    assert {u.findtext(f"{SITEMAP}loc").split("/")[4] for u in news} == {"2023-10-03", "2023-10-04"}
    assert news[0].findtext(f"{NEWS}news/{NEWS}publication/{NEWS}language") == "zh-cn"
    robots = (tmp_path / "out/public/robots.txt").read_text()
    assert "Sitemap: https://news.example.org/sitemap.xml" in robots and "Disallow: /partners/" in robots


def test_a_new_version_of_an_older_article_moves_up_in_the_feeds(tmp_path: Path) -> None:
    src = drop_folder(tmp_path / "src", 10)
    run(src, tmp_path / "out", feed_entries=5)
    atom = tmp_path / "out/public/all.atom.xml"
    before = [e.id for e in feedparser.parse(atom.read_bytes()).entries]
    assert all("2023-10-10" in i for i in before)  # the newest issue fills the window
    page = src / "2023-10-02" / "page-02.txt"
    page.write_text(page.read_text(encoding="utf-8").replace("文化惠民演出进社区", "文化惠民演出走进社区"))
    run(src, tmp_path / "out", now=LATER + dt.timedelta(days=1), feed_entries=5)
    after = feedparser.parse(atom.read_bytes()).entries
    assert len(after) == 5 and "2023-10-02" in after[0].id and "走进社区" in after[0].title
    json_first = json.loads((tmp_path / "out/public/all.json").read_bytes())["items"][0]
    assert json_first["id"] == after[0].id
    zonghe = feedparser.parse((tmp_path / "out/public/zonghe.atom.xml").read_bytes()).entries
    assert "2023-10-02" in zonghe[0].id


def test_every_output_of_the_site_parses_and_validates(tmp_path: Path) -> None:
    src = drop_folder(tmp_path / "src", 3)
    run(src, tmp_path / "out")
    assert check_parses(tmp_path / "out") > 40
    validate_all(tmp_path / "out")
