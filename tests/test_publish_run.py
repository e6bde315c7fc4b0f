"""``run_pass`` end to end with a fake reader: idempotence, late page, embargo, two issues, crash."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest
from lxml import etree
from support.publish import (
    DAY,
    MORNING,
    NIGHT,
    PAGE1,
    PAGE2,
    TOOLS,
    FakeSource,
    fake_reader,
    issue,
    settings,
)

from syndicate import pipeline
from syndicate.errors import SourceError
from syndicate.publish import write

__all__ = ["fake_reader"]  # the fixture, imported for use here
NAR = "{http://iptc.org/std/nar/2006-10-01/}"
ITEM = "newsml/2023-10-24/20231024-0101.xml"
NEXT_DAY = DAY + dt.timedelta(days=1)


def snapshot(out: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(out)): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and "state" not in p.parts
    }


def run(out: Path, *issues: object, now: dt.datetime = MORNING, **output: object) -> pipeline.PassReport:
    return pipeline.run_pass(settings(out, **output), now=now, source=FakeSource(*issues))  # type: ignore[arg-type]


pytestmark = pytest.mark.usefixtures("fake_reader")


def test_a_pass_writes_the_contract_layout(tmp_path: Path) -> None:
    report = run(tmp_path, issue(DAY, {1: PAGE1, 2: PAGE2}))
    assert (report.issues_seen, report.issues_new, report.articles_published) == (1, 1, 3)
    files = set(snapshot(tmp_path))
    for name in ("all", "yaowen", "zonghe"):
        assert {f"public/{name}.rss.xml", f"public/{name}.atom.xml"} <= files
    assert {
        "public/index.opml",
        "public/index.html",
        "newsml/catalog.json",
        "newsml/2023-10-24/issue.xml",
    } <= files
    assert {"public/articles/2023-10-24/20231024-0101.html", ITEM} <= files
    assert (tmp_path / "state" / "syndicate.sqlite").exists()
    assert "1 issue(s) seen, 1 new" in report.summary()


def test_what_a_pass_wrote_passes_both_validators_and_feedparser(tmp_path: Path) -> None:
    run(tmp_path, issue(DAY, {1: PAGE1, 2: PAGE2}))
    feeds = sorted(
        str(p) for p in (tmp_path / "public").glob("*.xml") if p.name.endswith((".rss.xml", ".atom.xml"))
    )
    items = sorted(str(p) for p in (tmp_path / "newsml").rglob("*.xml"))
    for tool, files in (("validate-feed", feeds), ("validate-newsml", items)):
        done = subprocess.run([sys.executable, str(TOOLS / tool), *files], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
    for f in feeds:
        assert not feedparser.parse(Path(f).read_bytes()).bozo


def test_an_unchanged_second_pass_rewrites_identical_bytes(tmp_path: Path) -> None:
    first = run(tmp_path, issue(DAY, {1: PAGE1, 2: PAGE2}))
    before = snapshot(tmp_path)
    again = run(tmp_path, issue(DAY, {1: PAGE1, 2: PAGE2}), now=MORNING + dt.timedelta(hours=20))
    assert snapshot(tmp_path) == before
    assert first.files_written > 0 and again.files_written == 0
    assert (again.issues_new, again.issues_updated) == (0, 0)


def test_the_same_input_gives_the_same_bytes_in_a_fresh_folder(tmp_path: Path) -> None:
    run(tmp_path / "a", issue(DAY, {1: PAGE1, 2: PAGE2}))
    run(tmp_path / "b", issue(DAY, {1: PAGE1, 2: PAGE2}))
    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b")


def test_a_late_page_updates_the_stitched_article_in_place(tmp_path: Path) -> None:
    first = run(tmp_path, issue(DAY, {1: PAGE1}), now=NIGHT)
    assert first.unresolved_jumps == 1
    v1 = etree.parse(str(tmp_path / ITEM)).getroot()
    late = run(tmp_path, issue(DAY, {1: PAGE1, 2: PAGE2}), now=MORNING)
    assert (late.issues_updated, late.unresolved_jumps) == (1, 0)
    v2 = etree.parse(str(tmp_path / ITEM)).getroot()
    assert v2.get("guid") == v1.get("guid")
    assert (v1.get("version"), v2.get("version")) == ("1", "2")
    assert v2.find(f"{NAR}itemMeta/{NAR}signal").get("qcode") == "sig:update"
    assert v2.findtext(f"{NAR}itemMeta/{NAR}firstCreated") == "2023-10-24T02:30:00+08:00"
    assert v2.findtext(f"{NAR}itemMeta/{NAR}versionCreated") == "2023-10-24T09:00:00+08:00"
    assert "中心组成员作了交流研讨" in etree.tostring(v2, encoding="unicode")
    rss = feedparser.parse((tmp_path / "public" / "all.rss.xml").read_bytes())
    ids = [e.id for e in rss.entries]
    assert ids.count("tag:news.example.org,2023-10-24:20231024-0101") == 1
    assert "中心组成员作了交流研讨" in rss.entries[0].content[0].value
    package = etree.parse(str(tmp_path / "newsml/2023-10-24/issue.xml")).getroot()
    assert package.get("version") == "2"
    catalog = {e["id"]: e for e in json.loads((tmp_path / "newsml/catalog.json").read_bytes())}
    assert catalog["20231024-0101"]["version"] == 2


def test_embargo_holds_public_output_until_release(tmp_path: Path) -> None:
    night = run(tmp_path, issue(DAY, {1: PAGE1, 2: PAGE2}), now=NIGHT)
    assert (night.articles_published, night.articles_embargoed) == (0, 3)
    assert not (tmp_path / "public" / "articles").exists()
    assert feedparser.parse((tmp_path / "public" / "all.atom.xml").read_bytes()).entries == []
    item = etree.parse(str(tmp_path / ITEM)).getroot()
    assert item.findtext(f"{NAR}itemMeta/{NAR}embargoed") == "2023-10-24T06:00:00+08:00"
    catalog = json.loads((tmp_path / "newsml/catalog.json").read_bytes())
    assert catalog[0]["embargo_until"] == "2023-10-24T06:00:00+08:00"
    # a later pass after release, with nothing new, publishes them and lifts the embargo
    morning = run(tmp_path, issue(DAY, {1: PAGE1, 2: PAGE2}), now=MORNING)
    assert (morning.issues_updated, morning.articles_published) == (0, 3)
    assert (tmp_path / "public/articles/2023-10-24/20231024-0101.html").exists()
    assert len(feedparser.parse((tmp_path / "public" / "all.atom.xml").read_bytes()).entries) == 3
    item = etree.parse(str(tmp_path / ITEM)).getroot()
    assert item.find(f"{NAR}itemMeta/{NAR}embargoed") is None and item.get("version") == "1"


def test_two_issues_in_a_row_newest_first_within_the_window(tmp_path: Path) -> None:
    run(tmp_path, issue(DAY, {1: PAGE1, 2: PAGE2}), now=MORNING, feed_entries=4)
    page = "20231025-0101|要闻|第二天的头条|第二天。\n20231025-0102|要闻|第二天的短讯|短讯。"
    run(
        tmp_path,
        issue(DAY, {1: PAGE1, 2: PAGE2}),
        issue(NEXT_DAY, {1: page}),
        now=MORNING + dt.timedelta(days=1),
        feed_entries=4,
    )
    rss = feedparser.parse((tmp_path / "public" / "all.rss.xml").read_bytes())
    assert [e.id.rsplit(":", 1)[1] for e in rss.entries] == [
        "20231025-0101",
        "20231025-0102",
        "20231024-0101",
        "20231024-0102",
    ]
    stamps = [e.published_parsed for e in rss.entries]
    assert stamps == sorted(stamps, reverse=True)
    section = feedparser.parse((tmp_path / "public" / "zonghe.rss.xml").read_bytes())
    assert [e.title for e in section.entries] == ["社区食堂开进老旧小区"]


def test_a_crash_between_files_leaves_the_previous_feeds_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(tmp_path, issue(DAY, {1: PAGE1}), now=MORNING)
    before = snapshot(tmp_path)
    real = write.write_temp
    calls = 0

    def crash_on_third(folder: Path, data: bytes) -> Path:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise OSError(28, "No space left on device")
        return real(folder, data)

    monkeypatch.setattr(write, "write_temp", crash_on_third)
    with pytest.raises(Exception, match="No space left"):
        run(tmp_path, issue(DAY, {1: PAGE1, 2: PAGE2}), now=MORNING + dt.timedelta(hours=1))
    after = snapshot(tmp_path)
    for name in ("public/all.rss.xml", "public/all.atom.xml", "public/yaowen.rss.xml", "public/index.html"):
        assert after[name] == before[name]
    assert not [p for p in tmp_path.rglob(f"{write.TMP_PREFIX}*")]
    monkeypatch.setattr(write, "write_temp", real)
    # the next pass finishes the job: the store kept the new versions queued
    run(tmp_path, issue(DAY, {1: PAGE1, 2: PAGE2}), now=MORNING + dt.timedelta(hours=2))
    assert etree.parse(str(tmp_path / ITEM)).getroot().get("version") == "2"
    assert (tmp_path / "public/articles/2023-10-24/20231024-0201.html").exists()


def test_stale_temp_files_are_swept(tmp_path: Path) -> None:
    run(tmp_path, issue(DAY, {1: PAGE1}))
    stale = tmp_path / "public" / f"{write.TMP_PREFIX}abc"
    stale.write_bytes(b"half a feed")
    run(tmp_path, issue(DAY, {1: PAGE1}))
    assert not stale.exists()


def test_problems_are_collected_not_raised(tmp_path: Path) -> None:
    report = run(
        tmp_path,
        SourceError("2023-10-25: cannot fetch"),
        issue(DAY, {1: PAGE1}, problems=("page-02.txt: undecodable",)),
    )
    assert [str(p) for p in report.problems] == ["2023-10-25: cannot fetch", "page-02.txt: undecodable"]
    assert [p.stage for p in report.problems] == ["source", "source"]


def test_an_emptied_output_folder_is_rebuilt_from_the_store(tmp_path: Path) -> None:
    state = tmp_path / "state"
    run(tmp_path / "out", issue(DAY, {1: PAGE1, 2: PAGE2}), state_dir=str(state))
    before = snapshot(tmp_path / "out")
    import shutil

    shutil.rmtree(tmp_path / "out")
    run(tmp_path / "out", issue(DAY, {1: PAGE1, 2: PAGE2}), state_dir=str(state))
    assert snapshot(tmp_path / "out") == before


def test_dates_limit_the_pass(tmp_path: Path) -> None:
    src = FakeSource(issue(DAY, {1: PAGE1}), issue(NEXT_DAY, {1: "20231025-0101|要闻|头条|正文。"}))
    report = pipeline.run_pass(settings(tmp_path), now=MORNING, dates=[DAY], source=src)
    assert report.issues_seen == 1


def test_the_sample_issue_with_the_real_reader(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()  # the real page reader
    from syndicate import config

    s = config.defaults(tmp_path)
    report = pipeline.run_pass(s, now=dt.datetime(2023, 10, 25, tzinfo=dt.UTC))
    assert report.issues_new == 1 and report.articles_published > 0
    feeds = sorted(
        str(p) for p in (tmp_path / "public").glob("*.xml") if p.name.endswith((".rss.xml", ".atom.xml"))
    )
    done = subprocess.run(
        [sys.executable, str(TOOLS / "validate-feed"), *feeds], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout
    items = sorted(str(p) for p in (tmp_path / "newsml").rglob("*.xml"))
    done = subprocess.run(
        [sys.executable, str(TOOLS / "validate-newsml"), *items], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout
    before = snapshot(tmp_path)
    assert pipeline.run_pass(s, now=dt.datetime(2023, 10, 26, tzinfo=dt.UTC)).files_written == 0
    assert snapshot(tmp_path) == before


def test_each_issue_is_stored_before_the_next_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run over many issues holds one reading at a time, not the archive's."""
    from support.publish import fake_read

    from syndicate.store import open_store

    stored_when_read: list[list[str]] = []

    def reading(got: object, *conventions: object) -> object:
        with open_store(settings(tmp_path)) as store:
            stored_when_read.append([str(d) for d in (DAY, NEXT_DAY) if store.issue_hash(d) is not None])
        return fake_read(got, *conventions)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "read", reading)
    page = "20231025-0101|要闻|第二天的头条|第二天。"
    report = run(tmp_path, issue(DAY, {1: PAGE1}), issue(NEXT_DAY, {1: page}))
    assert report.issues_new == 2
    assert stored_when_read == [[], [str(DAY)]]


def test_the_pass_renders_each_output_as_the_writer_takes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The plan is streamed into the writer: no list of every output's bytes is built first."""
    real = write.write_temp
    rendered_before_first_temp: list[int] = []
    from syndicate.publish import html

    render = html.render_article
    calls = 0

    def counting(*args: object, **kwargs: object) -> bytes:
        nonlocal calls
        calls += 1
        return render(*args, **kwargs)  # type: ignore[arg-type]

    def first_temp(folder: Path, data: bytes) -> Path:
        if not rendered_before_first_temp:
            rendered_before_first_temp.append(calls)
        return real(folder, data)

    monkeypatch.setattr(html, "render_article", counting)
    monkeypatch.setattr(write, "write_temp", first_temp)
    run(tmp_path, issue(DAY, {1: PAGE1, 2: PAGE2}))
    # the first article's files are on their way to disk before the next article is rendered
    assert calls == 3 and rendered_before_first_temp == [1]
