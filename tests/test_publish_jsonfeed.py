"""JSON Feed 1.1: golden file, the schema, the same entries as RSS/Atom, authors, language, hubs."""

from __future__ import annotations

import json

from conftest import compare_golden
from lxml import etree
from support.jsonschemas import jsonfeed_errors
from support.publish import GOLDEN, site
from test_publish_feeds import ATOM, sample_items

from syndicate.model import StoredArticle
from syndicate.publish import Site, feeds
from syndicate.publish.formats import BY_NAME

HUB = "https://hub.example.org/"


def render(fmt: str, items: list[StoredArticle], section: str | None = None, on: Site | None = None) -> bytes:
    on = on or site()
    entry = BY_NAME[fmt]
    return entry.render(on, feeds.Feed(section, items, on.feed_path(section, entry.suffix)))


def test_golden_json_feed(update_golden: bool) -> None:
    compare_golden(render("json", sample_items()), GOLDEN / "all.json", update_golden)


def test_schema_accepts_every_variant() -> None:
    for data in (
        render("json", sample_items()),
        render("json", [], "综合"),
        render("json", sample_items()[:1], "要闻", site(websub_hub=HUB)),
    ):
        assert jsonfeed_errors(data) == [], data.decode()


def test_the_schema_check_can_fail() -> None:
    doc = json.loads(render("json", sample_items()))
    doc["author"] = {"name": "1.0 key"}
    del doc["items"][0]["content_html"]
    doc["items"][1]["date_published"] = "2023-10-24 06:00"
    assert len(jsonfeed_errors(json.dumps(doc).encode())) >= 3


def test_same_entries_in_the_same_order_as_atom() -> None:
    doc = json.loads(render("json", sample_items()))
    atom = etree.fromstring(render("atom", sample_items()))
    assert [i["id"] for i in doc["items"]] == [e.findtext(f"{ATOM}id") for e in atom.iter(f"{ATOM}entry")]
    assert [i["date_modified"] for i in doc["items"]] == [
        e.findtext(f"{ATOM}updated") for e in atom.iter(f"{ATOM}entry")
    ]


def test_authors_language_and_version_1_1() -> None:
    doc = json.loads(render("json", sample_items()))
    assert doc["version"] == "https://jsonfeed.org/version/1.1"
    assert doc["language"] == "zh-CN"
    assert doc["authors"] == [{"name": "西海岸新闻", "url": "https://news.example.org/"}]
    assert doc["feed_url"] == "https://news.example.org/all.json"
    by_id = {i["id"].rsplit(":", 1)[1]: i for i in doc["items"]}
    assert by_id["20231024-0201"]["authors"] == [{"name": "王芳"}, {"name": "张伟"}]
    assert "authors" not in by_id["20231024-0102"]  # no byline: the feed's author stands
    assert all(i["language"] == "zh-CN" for i in doc["items"])


def test_hub_named_in_every_format_when_configured() -> None:
    with_hub = site(websub_hub=HUB)
    doc = json.loads(render("json", sample_items(), on=with_hub))
    assert doc["hubs"] == [{"type": "WebSub", "url": HUB}]
    for fmt in ("rss", "atom"):
        root = etree.fromstring(render(fmt, sample_items(), on=with_hub))
        links = {el.get("rel"): el.get("href") for el in root.iter(f"{ATOM}link")}
        assert links["hub"] == HUB and links["self"].endswith(".xml")
    assert "hubs" not in json.loads(render("json", sample_items()))
    assert b'rel="hub"' not in render("rss", sample_items())
