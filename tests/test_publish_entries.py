"""The feed entry cache: cached feeds are the uncached bytes, a changed input is rendered again,
an unchanged entry is not, and the memo keeps one pass's entries for the next."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from support.publish import (
    DAY,
    MORNING,
    PAGE1,
    PAGE2,
    FakeSource,
    article,
    fake_reader,
    issue,
    item,
    settings,
    site,
)

from syndicate import pipeline
from syndicate.model import StoredArticle
from syndicate.publish import feeds, memo, pages
from syndicate.publish.entries import EntryCache
from syndicate.publish.formats import FEEDS
from syndicate.publish.site import Site

__all__ = ["fake_reader"]  # the fixture, imported for use here


def items() -> list[StoredArticle]:
    english = article("20231024-0301", section="综合", headline="City pier reopens", language="en")
    return [
        item(article("20231024-0101", paragraphs=("根据安排<进行>学习 & 研讨。\x0b", "会议强调。")), seq=0),
        item(article("20231024-0102", headline="短讯", byline=()), seq=1, version=2, created=MORNING),
        item(english, seq=2),
        item(article("20231023-0101", date=DAY - dt.timedelta(days=1), headline="前一天的头条"), seq=0),
    ]


def render_all(on: Site, entries: list[StoredArticle], cache: EntryCache | None) -> list[bytes]:
    """Every format of the feed of ``entries``, taking entries from ``cache`` (None: no cache)."""
    out = []
    for fmt in FEEDS:
        feed = feeds.Feed(None, entries, on.feed_path(None, fmt.suffix))
        out.append(fmt.render(on, feed) if cache is None else fmt.render(on, feed, cache))
    return out


def test_feeds_from_cached_entries_are_the_bytes_rendered_whole() -> None:
    on, all_items = site(), items()
    cache = EntryCache()
    assert render_all(on, all_items[:2], cache) == render_all(on, all_items[:2], None)
    # in another order, beside entries not seen yet, and from fragments only
    mixed = [all_items[3], all_items[1], all_items[2], all_items[0]]
    assert render_all(on, mixed, cache) == render_all(on, mixed, None)
    assert render_all(on, all_items, cache) == render_all(on, all_items, None)
    assert render_all(on, [], cache) == render_all(on, [], None)


def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the entries rendered from now on (any format)."""
    import importlib

    jsonfeed = importlib.import_module("syndicate.publish.jsonfeed")
    seen: list[str] = []
    real_entry, real_item = feeds._entry, jsonfeed._item

    def entry(fg: Any, on: Site, it: StoredArticle, rss: bool) -> None:
        seen.append(it.id)
        real_entry(fg, on, it, rss)

    def json_item(on: Site, it: StoredArticle) -> dict[str, Any]:
        seen.append(it.id)
        return real_item(on, it)  # type: ignore[no-any-return]

    monkeypatch.setattr(feeds, "_entry", entry)
    monkeypatch.setattr(jsonfeed, "_item", json_item)
    return seen


def test_unchanged_entries_are_not_rendered_again(monkeypatch: pytest.MonkeyPatch) -> None:
    on, all_items = site(), items()
    cache = EntryCache()
    render_all(on, all_items[1:], cache)
    seen = counted(monkeypatch)
    # a new store snapshot: equal items, other objects
    again = [dataclasses.replace(i) for i in all_items]
    render_all(on, again, cache)
    assert seen == ["20231024-0101"] * len(FEEDS)  # only the entry the cache did not hold
    assert cache.reused == 3 * len(FEEDS)


@pytest.mark.parametrize(
    "change",
    [
        lambda i: dataclasses.replace(i, version=i.version + 1),
        lambda i: dataclasses.replace(i, created=i.created + dt.timedelta(minutes=1)),
        lambda i: dataclasses.replace(i, seq=i.seq + 1),
        lambda i: dataclasses.replace(i, article=dataclasses.replace(i.article, headline="新标题")),
    ],
    ids=["version", "created", "print-position", "text"],
)
def test_a_changed_article_version_is_rendered_again(monkeypatch: pytest.MonkeyPatch, change: Any) -> None:
    on, first = site(), items()[0]
    cache = EntryCache()
    render_all(on, [first], cache)
    seen = counted(monkeypatch)
    changed = change(first)
    assert render_all(on, [changed], cache) == render_all(on, [changed], None)
    assert seen.count(first.id) == 2 * len(FEEDS)  # rendered for the cache, and again uncached


@pytest.mark.parametrize(
    "publication",
    [{"base_url": "https://other.example.org/"}, {"timezone": "Asia/Tokyo"}, {"language": "en"}],
    ids=["base-url", "time-zone", "language"],
)
def test_a_changed_publication_renders_every_entry_again(publication: dict[str, object]) -> None:
    cache = EntryCache()
    render_all(site(), items(), cache)
    other = site(**publication)
    assert render_all(other, items(), cache) == render_all(other, items(), None)


def test_the_memo_keeps_what_a_pass_printed_and_no_more(tmp_path: Path) -> None:
    on, all_items = site(), items()
    cache = memo.load(tmp_path)
    render_all(on, all_items, cache)
    memo.keep(tmp_path, cache)
    later = memo.load(tmp_path)
    assert later.known == cache.fresh and len(later.known) == 4 * len(FEEDS)
    render_all(on, all_items[:1], later)
    memo.keep(tmp_path, later)
    assert set(memo.load(tmp_path).known) == later.used and len(later.used) == len(FEEDS)


def test_an_unreadable_memo_is_started_afresh(tmp_path: Path) -> None:
    (tmp_path / memo.NAME).write_bytes(b"not a database" * 100)
    cache = memo.load(tmp_path)
    assert cache.known == {}
    render_all(site(), items(), cache)
    memo.keep(tmp_path, cache)
    assert len(memo.load(tmp_path).known) == 4 * len(FEEDS)


@pytest.mark.usefixtures("fake_reader")
def test_a_nightly_pass_renders_only_the_new_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pipeline.run_pass(settings(tmp_path), now=MORNING, source=FakeSource(issue(DAY, {1: PAGE1})))  # type: ignore[arg-type]
    seen = counted(monkeypatch)
    pipeline.run_pass(settings(tmp_path), now=MORNING, source=FakeSource(issue(DAY, {1: PAGE1, 2: PAGE2})))  # type: ignore[arg-type]
    # page 2 completes 0101 (a new version) and brings 0201; 0102 is printed from the memo
    assert set(seen) == {"20231024-0101", "20231024-0201"}


def test_catalog_lines_from_the_cache_are_the_catalog_and_follow_every_field() -> None:
    import importlib

    from syndicate import catalog
    from syndicate.model import CatalogEntry

    planning = importlib.import_module("syndicate.publish.plan")
    # the line's key names these fields: a new one must be added to EntryCache.row_key
    assert [f.name for f in dataclasses.fields(CatalogEntry)] == [
        "date", "id", "section", "headline", "version", "created", "withdrawn",
    ]  # fmt: skip
    on = site()
    rows = [CatalogEntry.of(i) for i in items()]
    cache = EntryCache()
    assert planning._catalog(rows, on, cache) == catalog.dump(rows, on.pub) and cache.rendered == 4
    changed = [dataclasses.replace(rows[0], version=3, withdrawn=True), *rows[1:]]
    assert planning._catalog(changed, on, cache) == catalog.dump(changed, on.pub) and cache.rendered == 5
    other = site(timezone="Asia/Tokyo")
    assert planning._catalog(rows, other, cache) == catalog.dump(rows, other.pub) and cache.rendered == 9
    assert planning._catalog([], on, cache) == catalog.dump([], on.pub) == b"[]\n"


def test_one_item_on_two_sites_gets_two_keys() -> None:
    cache, it = EntryCache(), items()[0]
    assert cache.key(site(), "rss", it) != cache.key(site(base_url="https://other.example.org/"), "rss", it)


def section_items() -> list[StoredArticle]:
    later = DAY + dt.timedelta(days=1)
    return [
        item(article("20231025-0101", date=later, headline="新一天<的>头条", pages=(1, 3)), seq=0),
        item(article("20231025-0102", date=later, headline="短讯"), seq=1),
        item(article("20231024-0101", headline="前一天 & 头条"), seq=0, version=2),
    ]


def test_a_section_page_renders_each_article_line_once() -> None:
    """A section page's article lines come from the cache once printed: the same bytes, none
    rendered again; a new version of one article renders its line alone."""
    cache = EntryCache()
    first = pages.render_section(site(), "要闻", section_items(), cache)
    assert first == pages.render_section(site(), "要闻", section_items())  # as without a cache
    assert cache.rendered == 3
    assert pages.render_section(site(), "要闻", section_items(), cache) == first
    assert cache.rendered == 3
    changed = section_items()
    changed[1] = dataclasses.replace(
        changed[1], article=dataclasses.replace(changed[1].article, headline="快讯")
    )
    again = pages.render_section(site(), "要闻", changed, cache)
    assert cache.rendered == 4 and "快讯" in again.decode() and "短讯" not in again.decode()


@pytest.mark.usefixtures("fake_reader")
def test_a_pass_reads_the_catalog_entries_of_the_changed_dates_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from syndicate import catalog
    from syndicate.store.sqlite import SqliteStore

    day2 = DAY + dt.timedelta(days=1)
    first, second = issue(DAY, {1: PAGE1}), issue(day2, {1: PAGE1.replace("20231024", "20231025")})
    later = MORNING + dt.timedelta(days=1)
    pipeline.run_pass(settings(tmp_path), now=MORNING, source=FakeSource(first))  # type: ignore[arg-type]
    read: list[dt.date] = []
    original = SqliteStore.catalog_day

    def catalog_day(store: SqliteStore, day: Any) -> Any:
        read.append(day.date)
        return original(store, day)

    monkeypatch.setattr(SqliteStore, "catalog_day", catalog_day)

    def catalog_pass(*got: Any) -> bytes:
        pipeline.run_pass(settings(tmp_path), now=later, source=FakeSource(*got))
        return (tmp_path / "newsml" / "catalog.json").read_bytes()

    assert catalog_pass(first, second).count(b'"id"') == 4 and read == [day2]  # the first date's lines kept
    read.clear()
    grown = catalog_pass(issue(DAY, {1: PAGE1, 2: PAGE2}), second)  # the first date gets a page
    assert read == [DAY]
    with SqliteStore(tmp_path / "state" / "syndicate.sqlite") as store:
        rows = list(store.catalog(31, day2, 100))
    assert grown == catalog.dump(rows, site().pub) and len(rows) == 5


def test_an_article_read_from_the_store_is_keyed_by_its_stored_text_and_every_other_field() -> None:
    from syndicate.store import codec

    on, cache = site(), EntryCache()
    plain = items()[0]
    stored = dataclasses.replace(plain).read_from(codec.digest(codec.dumps(plain.article)))
    assert (
        stored.text_digest and stored == plain and cache.key(on, "rss", stored) != cache.key(on, "rss", plain)
    )
    for change in (
        {"seq": 5},
        {"version": 9},
        {"withdrawn": True},
        {"created": MORNING},
        {"first_created": MORNING},
    ):
        other = dataclasses.replace(plain, **change).read_from(stored.text_digest)  # type: ignore[arg-type]
        assert EntryCache().key(on, "rss", other) != cache.key(on, "rss", stored), change
    again = dataclasses.replace(plain).read_from(stored.text_digest)
    assert EntryCache().key(on, "rss", again) == cache.key(on, "rss", stored)
    # another article in the same record (a renderer's cleaned copy) is keyed by its every field
    assert not dataclasses.replace(stored, article=items()[1].article).text_digest
