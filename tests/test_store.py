"""The article store: stable ids, versions only on change, withdrawals, transactions, indexed windows."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from support.publish import DAY, MORNING, NIGHT, PAGE1, PAGE2, article, fake_read, issue

from syndicate import db
from syndicate.model import Jump, Reading
from syndicate.store import codec, sqlite
from syndicate.store.codec import article_from_record, article_record
from syndicate.store.postgres import PostgresStore
from syndicate.store.sqlite import SqliteStore as Store


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """The SQLite store (query-plan tests below are SQLite's own)."""
    return Store(tmp_path / "state" / "syndicate.sqlite")


@pytest.fixture(params=["sqlite", "postgres"])
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    """Each store behind the same interface: the behaviour tests run against both."""
    if request.param == "sqlite":
        with Store(tmp_path / "state" / "syndicate.sqlite") as sqlite_store:
            yield sqlite_store
        return
    url = request.getfixturevalue("pg_url")
    db.upgrade(url)
    with PostgresStore(url, "westcoast") as pg_store, PostgresStore(url, "harbour") as other:
        save(other, {1: PAGE1, 2: PAGE2})  # another title of the group in the same tables
        yield pg_store


def save(store: Store, pages: dict[int, str], now: dt.datetime = NIGHT, date: dt.date = DAY):  # type: ignore[no-untyped-def]
    got = issue(date, pages)
    return store.save_issue(got, fake_read(got), now)


def test_article_json_round_trips() -> None:
    a = article(kicker="引题", pages=(1, 2), complete=False, unresolved_jump=Jump(2, "（下转第二版）", "二"))
    assert article_from_record(article_record(a)) == a


def test_first_save_creates_version_1_and_remembers_the_hash(any_store: Any) -> None:
    saved = save(any_store, {1: PAGE1})
    assert (saved.new_issue, saved.created, saved.updated) == (True, 2, 0)
    assert any_store.issue_hash(DAY) == issue(DAY, {1: PAGE1}).content_hash
    assert any_store.issue_hashes() == {DAY: issue(DAY, {1: PAGE1}).content_hash}  # this title's only
    assert [(i.id, i.version) for i in any_store.issue_articles(DAY)] == [
        ("20231024-0101", 1),
        ("20231024-0102", 1),
    ]


def test_unchanged_articles_write_nothing_changed_ones_get_the_next_version(any_store: Any) -> None:
    save(any_store, {1: PAGE1})
    any_store.finish_pass(a.key for a in any_store.queued())
    saved = save(any_store, {1: PAGE1, 2: PAGE2}, now=MORNING)
    assert (saved.new_issue, saved.created, saved.updated, saved.unchanged) == (False, 1, 1, 1)
    items = {i.id: i for i in any_store.issue_articles(DAY)}
    stitched = items["20231024-0101"]
    assert (stitched.version, stitched.first_created, stitched.created) == (2, NIGHT, MORNING)
    assert items["20231024-0102"].version == 1
    assert {i.id for i in any_store.queued()} == {"20231024-0101", "20231024-0201"}
    assert any_store.package(DAY).version == 2


def test_an_article_gone_from_a_new_reading_gets_a_withdrawn_version(any_store: Any) -> None:
    save(any_store, {1: PAGE1, 2: PAGE2})
    save(any_store, {1: PAGE1 + "\n"}, now=MORNING)  # page 2 is gone
    items = {i.id: i for i in any_store.issue_articles(DAY)}
    assert items["20231024-0201"].withdrawn and items["20231024-0201"].version == 2
    assert "20231024-0201" not in {i.id for i in any_store.window(10, DAY)}


def test_a_failed_save_leaves_the_last_good_state(any_store: Any) -> None:
    save(any_store, {1: PAGE1})
    bad = issue(DAY, {1: PAGE1, 2: PAGE2})
    reading = fake_read(bad)
    twice = Reading(DAY, reading.articles + reading.articles[:1], ())
    with pytest.raises(Exception, match="two articles"):
        any_store.save_issue(bad, twice, MORNING)
    assert any_store.issue_hash(DAY) == issue(DAY, {1: PAGE1}).content_hash
    assert [i.version for i in any_store.issue_articles(DAY)] == [1, 1]


def test_windows_are_newest_issue_first_print_order_within(any_store: Any) -> None:
    save(any_store, {1: PAGE1, 2: PAGE2})
    save(any_store, {1: "20231025-0101|要闻|次日|正文。"}, date=DAY + dt.timedelta(days=1))
    assert [i.id for i in any_store.window(3, DAY + dt.timedelta(days=1))] == [
        "20231025-0101",
        "20231024-0101",
        "20231024-0102",
    ]
    assert [i.id for i in any_store.window(10, DAY)][0] == "20231024-0101"  # the next day is not released yet
    assert [i.id for i in any_store.window(10, DAY, "综合")] == ["20231024-0201"]
    assert any_store.sections() == ["要闻", "综合"]


def test_a_snapshot_decodes_each_stored_article_once(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    # Every article is in the all-sections window and its section's, by newest issue and by newest
    # version: four rows of one stored text, one decoding.
    save(store, {1: PAGE1, 2: PAGE2})
    codec.loads.cache_clear()
    sqlite._stored_row.cache_clear()  # the rows read while saving
    decoded: list[str] = []
    monkeypatch.setattr(
        codec, "article_from_record", lambda d: decoded.append(d["id"]) or article_from_record(d)
    )
    snap = store.snapshot(window=10, until=DAY, catalog_days=31)
    assert sorted(decoded) == sorted({a.id for a in snap.latest}) and len(snap.latest) == 3
    assert store.snapshot(window=10, until=DAY, catalog_days=31).latest == snap.latest
    assert len(decoded) == 3  # a second pass in the same process decodes nothing again


def test_a_snapshot_makes_each_stored_row_into_an_article_once(store: Store) -> None:
    # The four windows' rows of one stored text give one article object (its text hashed once).
    save(store, {1: PAGE1, 2: PAGE2})
    sqlite._stored_row.cache_clear()
    snap = store.snapshot(window=10, until=DAY, catalog_days=31)
    by_key = {a.key: a for a in snap.latest}
    for items in snap.by_section.values():
        assert all(a is by_key[a.key] for a in items)
    assert sqlite._stored_row.cache_info().currsize == len(by_key)


@pytest.mark.parametrize("section", [None, "要闻"])
def test_windows_read_an_index_not_the_whole_table(store: Store, section: str | None) -> None:
    save(store, {1: PAGE1, 2: PAGE2})
    where = (
        "a.date <= ? AND a.withdrawn = 0"
        if section is None
        else "a.section = ? AND a.date <= ? AND a.withdrawn = 0"
    )
    args = ("2023-10-24",) if section is None else ("要闻", "2023-10-24")
    plan = " | ".join(
        row[-1]
        for row in store.db.execute(
            "EXPLAIN QUERY PLAN SELECT a.id FROM articles a JOIN article_versions v ON v.date = a.date"
            f" AND v.id = a.id AND v.version = a.version WHERE {where} ORDER BY a.date DESC, a.seq LIMIT 50",
            args,
        )
    )
    assert "USING INDEX articles_" in plan and "TEMP B-TREE" not in plan, plan


def test_print_order_moves_without_a_new_version(any_store: Any) -> None:
    save(any_store, {1: PAGE1})
    got = issue(DAY, {1: PAGE1})
    reading = fake_read(got)
    swapped = dataclasses.replace(reading, articles=reading.articles[::-1])
    saved = any_store.save_issue(dataclasses.replace(got, problems=("x",)), swapped, MORNING)
    assert saved.updated == 0
    assert [i.id for i in any_store.issue_articles(DAY)] == ["20231024-0102", "20231024-0101"]


def test_catalog_query_reads_a_range_of_the_issue_date_index_not_the_archive(store: Store) -> None:
    from syndicate.store.schema import CATALOG_DAY_SQL, CATALOG_STAMPS_SQL

    def plan(sql: str, *args: object) -> str:
        return " | ".join(row[-1] for row in store.db.execute("EXPLAIN QUERY PLAN " + sql, args))

    dates = plan(CATALOG_STAMPS_SQL, "2023-10-01")  # the dates, each one's articles counted in the index
    assert "SEARCH i USING INDEX sqlite_autoindex_issues_1 (date>?)" in dates, dates
    assert "SEARCH a USING COVERING INDEX articles_window (date=?)" in dates and "SCAN" not in dates, dates
    day = plan(CATALOG_DAY_SQL, "2023-10-01", 100)
    assert "SEARCH a USING INDEX articles_window (date=?)" in day and "TEMP B-TREE" not in day, day


def test_the_catalog_follows_issue_dates_not_storage_times(any_store: Any) -> None:
    """A backfill stores old issues tonight: they stay out of the catalog, which keeps its size."""
    for back in (90, 40, 31, 30, 1, 0, -1):  # -1: tomorrow's issue, under embargo
        save(any_store, {1: PAGE1}, now=NIGHT, date=DAY - dt.timedelta(days=back))
    catalog = any_store.snapshot(window=10, until=DAY, catalog_days=31).catalog
    assert sorted({e.date for e in catalog}) == [DAY - dt.timedelta(days=n) for n in (30, 1, 0, -1)]
    assert [e.date for e in catalog] == sorted((e.date for e in catalog), reverse=True)
    capped = any_store.snapshot(window=10, until=DAY, catalog_days=31, catalog_rows=3).catalog
    assert [(e.date, e.id) for e in capped] == [(e.date, e.id) for e in catalog[:3]]
    # published long after their date (the newest issue is old): the month up to the newest issue
    months_later = any_store.snapshot(window=10, until=DAY + dt.timedelta(days=90), catalog_days=31)
    assert sorted({e.date for e in months_later.catalog}) == [DAY - dt.timedelta(days=n) for n in (1, 0, -1)]


def test_render_queue_drives_its_join_instead_of_scanning_the_archive(store: Store) -> None:
    from syndicate.store.sqlite import QUEUED_SQL

    plan = [row[-1] for row in store.db.execute("EXPLAIN QUERY PLAN " + QUEUED_SQL)]
    assert plan[0].startswith("SCAN q") and all(not p.startswith("SCAN a") for p in plan), plan


def test_postgres_titles_do_not_see_each_other(pg_url: str) -> None:
    db.upgrade(pg_url)
    with PostgresStore(pg_url, "westcoast") as west, PostgresStore(pg_url, "harbour") as harbour:
        save(west, {1: PAGE1, 2: PAGE2})
        assert harbour.issue_hash(DAY) is None and harbour.queued() == [] and harbour.sections() == []
        save(harbour, {1: PAGE1})
        assert len(west.queued()) == 3 and len(harbour.queued()) == 2
        harbour.finish_pass(a.key for a in harbour.queued())
        assert len(west.queued()) == 3


# ---- issue 10: what the store keeps so that nothing resets or leaks (both stores) --------------


def test_page_texts_slugs_settings_and_floors_round_trip(any_store: Any) -> None:
    assert not any_store.has_issues()
    got = issue(DAY, {1: PAGE1, 2: PAGE2})
    saved = any_store.save_issue(got, fake_read(got), NIGHT, {"20231024-0101": 4, "issue": 2})
    assert any_store.has_issues()
    assert {i.id: i.version for i in any_store.issue_articles(DAY)}["20231024-0101"] == 5
    assert any_store.snapshot(window=1, until=DAY, catalog_days=1).packages[0].version == 3
    pages = any_store.stored_pages(DAY)
    assert pages[2] is not None and pages[2].text == PAGE2 and pages[2].sha256 == got.pages[1].sha256
    gone = any_store.save_issue(issue(DAY, {1: PAGE1}), fake_read(issue(DAY, {1: PAGE1})), MORNING)
    assert saved.withdrawn == () and gone.withdrawn == ("20231024-0201",)
    assert any_store.section_slugs() == {"要闻": None, "综合": None}
    any_store.set_slugs({"要闻": "yaowen", "综合": "zonghe"})
    assert any_store.section_slugs() == {"要闻": "yaowen", "综合": "zonghe"}
    assert any_store.setting("output_root") is None
    any_store.set_setting("output_root", "/srv/a")
    any_store.set_setting("output_root", "/srv/b")
    assert any_store.setting("output_root") == "/srv/b"


def test_sections_are_public_once_an_issue_using_them_is_released(any_store: Any) -> None:
    save(any_store, {1: PAGE1}, date=DAY)
    later = DAY + dt.timedelta(days=1)
    got = issue(later, {1: PAGE1, 2: PAGE2})
    any_store.save_issue(got, fake_read(got), NIGHT)
    assert any_store.snapshot(window=10, until=DAY, catalog_days=31).sections == ("要闻",)
    assert set(any_store.snapshot(window=10, until=later, catalog_days=31).sections) == {"要闻", "综合"}


def test_the_snapshot_reads_each_queued_issue_when_it_is_taken(
    any_store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first pass over a year of issues queues every article: the snapshot holds their keys,
    and each issue is read in full only as the plan takes it (one at a time, none kept)."""
    next_day = DAY + dt.timedelta(days=1)
    save(any_store, {1: PAGE1})
    save(any_store, {1: "20231025-0101|要闻|第二天的头条|第二天。"}, date=next_day)
    loaded: list[dt.date] = []
    real = any_store.package

    def package(date: dt.date) -> Any:
        loaded.append(date)
        return real(date)

    monkeypatch.setattr(any_store, "package", package)
    snap = any_store.snapshot(window=10, until=next_day, catalog_days=31)
    assert [q.key for q in snap.queued] == [
        (DAY, "20231024-0101"),
        (DAY, "20231024-0102"),
        (next_day, "20231025-0101"),
    ]
    loaded.clear()  # the front page's two newest issues are read at once (they are two)
    taken = iter(snap.packages)
    assert next(taken).date == DAY and loaded == [DAY]
    assert next(taken).date == next_day and loaded == [DAY, next_day]
    assert [a.id for a in snap.packages[1].articles] == ["20231025-0101"]


def test_settings_under_a_prefix_come_in_one_read(any_store: Any) -> None:
    any_store.set_setting("folder-stamp:/drop/2023-10-24", "a")
    any_store.set_setting("folder-stamp:/drop/2023-10-25", "b")
    any_store.set_setting("folder-stamp", "not under the prefix")
    any_store.set_setting("output_root", "/srv/a")
    assert any_store.settings_under("folder-stamp:") == {
        "folder-stamp:/drop/2023-10-24": "a",
        "folder-stamp:/drop/2023-10-25": "b",
    }
    assert any_store.settings_under("nothing:") == {}
