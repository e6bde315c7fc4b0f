"""Publishing as a plan: ``plan`` is pure and complete, ``write_all`` writes it or nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from support.publish import MORNING, NIGHT, article, item, site

from syndicate.errors import PublishError
from syndicate.model import CatalogEntry, IssuePackage, Queued, Snapshot
from syndicate.publish import Output, plan, settle
from syndicate.publish.entries import EntryCache
from syndicate.publish.feeds import feed_updated
from syndicate.publish.formats import FEEDS
from syndicate.publish.site import EPOCH
from syndicate.publish.write import write_all

DAY = dt.date(2023, 10, 24)


def snapshot() -> Snapshot:
    front = item(article("20231024-0101"), seq=0)
    brief = item(article("20231024-0102", headline="短讯"), seq=1, version=2, created=MORNING)
    other = item(article("20231024-0201", section="综合", headline="社区食堂"), seq=2, withdrawn=True)
    changed = (front, brief, other)
    return Snapshot(
        sections=("要闻", "综合"),
        queued=tuple(Queued(i.date, i.id, i.withdrawn) for i in changed),
        packages=(IssuePackage(DAY, 2, NIGHT, MORNING, changed),),
        latest=(front, brief),
        by_section={"要闻": (front, brief), "综合": ()},
        catalog=tuple(CatalogEntry.of(i) for i in changed),
    )


def test_the_plan_is_pure_and_names_each_path_once() -> None:
    first, again = plan(snapshot(), site(), MORNING).outputs, plan(snapshot(), site(), MORNING).outputs
    assert first == again
    paths = [o.path for o in first]
    assert len(paths) == len(set(paths))
    feeds = {f"public/{s}{f.suffix}" for s in ("all", "yaowen", "zonghe") for f in FEEDS}
    assert feeds <= set(paths)


def test_the_plan_writes_what_feeds_link_to_before_the_feeds() -> None:
    kinds = [o.kind for o in plan(snapshot(), site(), MORNING).outputs]
    last_page = max(i for i, k in enumerate(kinds) if k in ("article", "newsml-item"))
    first_feed = min(i for i, k in enumerate(kinds) if k in {f.name for f in FEEDS})
    assert last_page < kinds.index("newsml-issue") < kinds.index("catalog") < first_feed
    assert kinds.index("opml") > first_feed and kinds[-1] == "index"  # the front page last
    site_pages = [k for k in kinds if k in ("issue", "section", "archive", "sitemap", "robots")]
    assert site_pages.index("archive") > max(i for i, k in enumerate(site_pages) if k == "issue")
    assert site_pages.index("sitemap") > max(i for i, k in enumerate(site_pages) if k == "archive")
    assert site_pages[-1] == "robots"  # the sitemaps after the pages they list


def test_under_embargo_no_public_page_and_the_article_stays_queued() -> None:
    night = plan(snapshot(), site(), NIGHT).outputs
    assert not [o for o in night if o.kind == "article"]
    assert len([o for o in night if o.kind == "newsml-item"]) == 3
    held = settle(snapshot(), site(), NIGHT)
    assert (held.rendered, held.released, held.embargoed) == ((), 0, 3)
    done = settle(snapshot(), site(), MORNING)
    assert (len(done.rendered), done.released, done.embargoed) == (3, 2, 0)  # the withdrawn one: no release


def test_two_outputs_for_one_path_are_refused_before_anything_is_written(tmp_path: Path) -> None:
    outputs = [Output("public/a.html", b"a", "article"), Output("public/a.html", b"b", "article")]
    with pytest.raises(PublishError, match="two outputs for one path"):
        write_all(tmp_path, iter([Output("public/first.html", b"x", "article"), *outputs]))
    # streamed: the first output's temporary file was written, then removed; nothing landed
    assert [p for p in tmp_path.rglob("*") if not p.is_dir()] == []


def test_each_feed_entry_is_cleaned_once_for_every_format(monkeypatch: pytest.MonkeyPatch) -> None:
    """An article sits in up to six feeds (its section's and all, in each format) and a section
    page: the pass's entry cache cleans it once, and every renderer prints from that (the section
    page cleans only the headlines it prints)."""
    import importlib

    planning = importlib.import_module("syndicate.publish.plan")
    from syndicate.publish import text

    calls = 0
    real = text.clean_article

    def counting(a: Any) -> Any:
        nonlocal calls
        calls += 1
        return real(a)

    monkeypatch.setattr(text, "clean_article", counting)
    windows = planning.feed_windows(snapshot(), site())
    entries = sum(len(items) for _, items in windows)
    distinct = {id(i) for _, items in windows for i in items}
    planning._feeds(windows, site(), EntryCache())
    assert entries == 4 and len(distinct) == 2 and calls == 2


@pytest.mark.parametrize("zone", ["Asia/Shanghai", "America/St_Johns", "UTC"])
def test_newest_first_orders_as_the_entry_times_do(zone: str) -> None:
    # Versions stored before and after release, a second apart, with microseconds, in ties:
    # the fast order (UTC, one release per date) is the sort by (updated, published).
    on = site(timezone=zone)
    stored = [
        item(article(f"2023102{d}-01{n:02d}", date=dt.date(2023, 10, 20 + d)), seq=n, created=NIGHT + step)
        for d in range(4)
        for n in range(6)
        for step in [dt.timedelta(hours=d * 7 - 20, seconds=n // 2, microseconds=n * 333_333)]
    ]
    by_times = sorted(stored, key=lambda a: (on.updated(a), on.published(a)), reverse=True)
    assert on.newest_first(stored) == by_times
    assert [a.key for a in on.newest_first(stored[::-1])] == [
        a.key for a in sorted(stored[::-1], key=lambda a: (on.updated(a), on.published(a)), reverse=True)
    ]


def test_a_feeds_updated_time_is_its_newest_entrys() -> None:
    on = site(timezone="America/St_Johns")
    stored = [
        item(article(f"20231024-01{n:02d}"), seq=n, created=NIGHT + dt.timedelta(hours=n * 3, microseconds=n))
        for n in range(8)
    ]
    for items in (stored, stored[::-1], stored[:3], stored[:1]):
        assert feed_updated(on, items) == max(on.updated(a) for a in items).astimezone(on.tz)
        assert str(feed_updated(on, items)) == str(max(on.updated(a) for a in items).astimezone(on.tz))
    assert feed_updated(on, []) == EPOCH
