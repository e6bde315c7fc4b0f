"""RSS/Atom feeds: golden files, the validators, feedparser, and one test per feedgen trap."""

from __future__ import annotations

import datetime as dt
import locale
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest
from conftest import compare_golden
from lxml import etree
from support.publish import GOLDEN, MORNING, TOOLS, article, item, site

from syndicate.model import StoredArticle
from syndicate.publish import feeds
from syndicate.publish.formats import BY_NAME

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"


def render(fmt: str, items: list[StoredArticle], section: str | None = None) -> bytes:
    """The feed of ``items`` in format ``fmt``, at the path the format table gives it."""
    entry = BY_NAME[fmt]
    return entry.render(site(), feeds.Feed(section, items, site().feed_path(section, entry.suffix)))


def sample_items() -> list[StoredArticle]:
    first = article(
        "20231024-0101",
        kicker="引题：主题教育",
        subheadline="副题",
        paragraphs=("根据安排，今天下午<进行>集体学习研讨 & 交流。\x0b", "会议强调\x00要树牢正确政绩观。"),
    )
    second = article(
        "20231024-0102", headline="无署名的短讯", byline=(), paragraphs=("本报讯 新区秋季招聘会举行。",)
    )
    third = article("20231024-0201", section="综合", headline="社区食堂开进老旧小区", byline=("王芳", "张伟"))
    older = article("20231023-0101", date=dt.date(2023, 10, 23), headline="前一天的头条")
    return [
        item(first, seq=0),
        item(second, seq=1, version=2, created=MORNING),
        item(third, seq=2),
        item(older, seq=0, created=dt.datetime(2023, 10, 22, 18, 30, tzinfo=dt.UTC)),
    ]


@pytest.fixture(scope="module")
def rss() -> bytes:
    return render("rss", sample_items())


@pytest.fixture(scope="module")
def atom() -> bytes:
    return render("atom", sample_items())


def test_golden_rss(rss: bytes, update_golden: bool) -> None:
    compare_golden(rss, GOLDEN / "all.rss.xml", update_golden)


def test_golden_atom(atom: bytes, update_golden: bool) -> None:
    compare_golden(atom, GOLDEN / "all.atom.xml", update_golden)


def test_golden_section_feed(update_golden: bool) -> None:
    items = [i for i in sample_items() if i.section == "综合"]
    compare_golden(render("rss", items, "综合"), GOLDEN / "zonghe.rss.xml", update_golden)


def test_validators_and_feedparser_accept_the_feeds(rss: bytes, atom: bytes, tmp_path: Path) -> None:
    files = []
    for name, data in [
        ("all.rss.xml", rss),
        ("all.atom.xml", atom),
        ("empty.rss.xml", render("rss", [])),
    ]:
        (tmp_path / name).write_bytes(data)
        files.append(str(tmp_path / name))
        parsed = feedparser.parse(data)
        assert not parsed.bozo, parsed.get("bozo_exception")
    done = subprocess.run(
        [sys.executable, str(TOOLS / "validate-feed"), "--strict", *files], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_entries_keep_the_given_order_not_feedgen_prepend(rss: bytes, atom: bytes) -> None:
    want = ["20231024-0101", "20231024-0102", "20231024-0201", "20231023-0101"]
    guids = [g.text.rsplit(":", 1)[1] for g in etree.fromstring(rss).iter("guid")]
    ids = [i.text.rsplit(":", 1)[1] for i in etree.fromstring(atom).iter(f"{ATOM}id")][1:]
    assert guids == want and ids == want


def test_times_are_derived_from_content_and_never_now(rss: bytes, atom: bytes) -> None:
    # the newest version was stored at MORNING (09:00 +08:00): that is the feed's updated time
    assert b"<lastBuildDate>Tue, 24 Oct 2023 09:00:00 +0800</lastBuildDate>" in rss
    assert b"<updated>2023-10-24T09:00:00+08:00</updated>" in atom.split(b"<entry>")[0]
    assert render("rss", sample_items()) == rss  # rendering twice: the same bytes


def test_entry_times_are_distinct_in_print_order_with_plus_0800(rss: bytes, atom: bytes) -> None:
    dates = [d.text for d in etree.fromstring(rss).iter("pubDate")]
    assert dates == [
        "Tue, 24 Oct 2023 06:00:00 +0800",
        "Tue, 24 Oct 2023 05:59:59 +0800",
        "Tue, 24 Oct 2023 05:59:58 +0800",
        "Mon, 23 Oct 2023 06:00:00 +0800",
    ]
    assert b"CST" not in rss and b"GMT" not in rss
    published = [p.text for p in etree.fromstring(atom).iter(f"{ATOM}published")]
    assert published[0] == "2023-10-24T06:00:00+08:00"
    assert all(p.endswith("+08:00") for p in published)


def test_updated_is_never_before_published(atom: bytes) -> None:
    for entry in etree.fromstring(atom).iter(f"{ATOM}entry"):
        assert entry.findtext(f"{ATOM}updated") >= entry.findtext(f"{ATOM}published")


def test_generator_carries_no_feedgen_version(rss: bytes, atom: bytes) -> None:
    assert b"<generator>syndicate</generator>" in rss
    gen = etree.fromstring(atom).find(f"{ATOM}generator")
    assert gen.text == "syndicate" and gen.get("version") is None and gen.get("uri") is None
    assert b"feedgen" not in rss + atom


def test_channel_link_is_the_site_and_self_link_is_kept(rss: bytes) -> None:
    channel = etree.fromstring(rss).find("channel")
    assert channel.findtext("link") == "https://news.example.org/"
    self_link = channel.find(f"{ATOM}link")
    assert self_link.get("rel") == "self" and self_link.get("href") == "https://news.example.org/all.rss.xml"


def test_authors_without_email_survive_as_dc_creator(rss: bytes, atom: bytes) -> None:
    items = etree.fromstring(rss).findall("channel/item")
    assert [c.text for c in items[2].iter(f"{DC}creator")] == ["王芳", "张伟"]
    assert items[1].find(f"{DC}creator") is None  # no byline, no creator
    assert not etree.fromstring(rss).findall(".//item/author")
    entries = etree.fromstring(atom).findall(f"{ATOM}entry")
    assert [n.text for n in entries[2].iter(f"{ATOM}name")] == ["王芳", "张伟"]


def test_full_text_is_escaped_html_and_atom_content_is_typed_html(rss: bytes, atom: bytes) -> None:
    item0 = etree.fromstring(rss).find("channel/item")
    assert item0.findtext(CONTENT) == (
        "<p>本报10月24日讯\u3000根据安排，今天下午&lt;进行&gt;集体学习研讨 &amp; 交流。</p><p>会议强调要树牢正确政绩观。</p>"
    )
    assert item0.findtext("description") == "根据安排，今天下午&lt;进行&gt;集体学习研讨 &amp; 交流。"
    content = etree.fromstring(atom).find(f"{ATOM}entry/{ATOM}content")
    assert content.get("type") == "html"
    assert etree.fromstring(atom).find(f"{ATOM}entry/{ATOM}summary").get("type") == "html"
    parsed = feedparser.parse(atom)
    assert "<p>" in parsed.entries[0].content[0].value


def test_xml_invalid_control_characters_are_stripped(rss: bytes) -> None:
    assert b"\x0b" not in rss and b"\x00" not in rss and b"&#" not in rss


def test_section_and_ids_and_links(rss: bytes) -> None:
    item0 = etree.fromstring(rss).find("channel/item")
    assert item0.findtext("category") == "要闻"
    assert item0.findtext("guid") == "tag:news.example.org,2023-10-24:20231024-0101"
    assert item0.find("guid").get("isPermaLink") == "false"
    assert item0.findtext("link") == "https://news.example.org/articles/2023-10-24/20231024-0101.html"


def test_rendering_never_touches_the_process_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> str:
        raise AssertionError("feedgen's formatRFC2822 switched the process locale")

    monkeypatch.setattr(locale, "setlocale", refuse)
    render("rss", sample_items())
    render("atom", sample_items())
