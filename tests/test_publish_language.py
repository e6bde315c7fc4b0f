"""Each article's language reaches every output: an English page of a Chinese paper is English in
its feed entries, its article page and its NewsML item; Chinese articles keep the paper's tag."""

from __future__ import annotations

import feedparser
from lxml import etree
from support.publish import article, item, site

from syndicate.publish import feeds, html, newsml
from syndicate.store import codec

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NAR = "{http://iptc.org/std/nar/2006-10-01/}"
ENGLISH = article(
    "20231024-0301",
    headline="Board votes to close two schools",
    paragraphs=("The school board voted Monday night to close two schools.",),
    byline=("Maria Lopez",),
    language="en",
)


def test_newsml_item_carries_the_article_language() -> None:
    english = etree.fromstring(newsml.render_item(site(), item(ENGLISH), embargoed=False))
    assert english.get(XML_LANG) == "en"
    assert english.find(f"{NAR}contentMeta/{NAR}language").get("tag") == "en"
    inline = english.find(f"{NAR}contentSet/{NAR}inlineXML")
    assert inline[0].get(XML_LANG) == "en"
    chinese = etree.fromstring(newsml.render_item(site(), item(article()), embargoed=False))
    assert chinese.get(XML_LANG) == "zh-CN"


def test_article_page_has_html_lang() -> None:
    assert b'<html lang="en">' in html.render_article(site(), item(ENGLISH))
    assert b'<html lang="zh-CN">' in html.render_article(site(), item(article()))


def test_feed_entries_say_their_language() -> None:
    items = [item(article(), seq=0), item(ENGLISH, seq=1)]
    feed = feeds.Feed(None, items, "all.atom.xml")
    atom = etree.fromstring(feeds.render_atom(site(), feed))
    entries = atom.findall("{http://www.w3.org/2005/Atom}entry")
    assert [e.get(XML_LANG) for e in entries] == [None, "en"]
    rss = feedparser.parse(feeds.render_rss(site(), feeds.Feed(None, items, "all.rss.xml")))
    assert rss.feed.language == "zh-CN"
    assert [e.get("language") for e in rss.entries] == [None, "en"]  # dc:language


def test_stored_language_reads_back_and_old_records_stay_unchanged() -> None:
    assert codec.loads(codec.dumps(ENGLISH)).language == "en"
    chinese = codec.dumps(article())
    assert '"language"' not in chinese  # records stored before articles had a language: same digest
    assert codec.loads(chinese).language == "zh"
