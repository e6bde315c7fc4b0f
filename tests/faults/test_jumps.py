"""Row 8: jumps that go wrong. A jump to a page that never arrives is published as incomplete; a
jump-in with no source is reported and kept as a fragment of its own; two jumps claiming one
continuation get it once. Never an article duplicated or lost: every body sentence of the input
is in exactly one published article.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import feedparser
from support import issues
from support.faults import DAY, LATER, write_issue

from syndicate import config, pipeline
from syndicate.model import Issue, Reading

IND = "\u3000\u3000"


def story(n: int, title: str, body: str, jump: bool = False) -> str:
    """A printed article: headline, byline, dateline paragraph, a second paragraph, maybe a jump."""
    out = "（下转第二版）" if jump else ""
    return (
        f" {title}\n {IND}□记者 王晓{n} 报道\n"
        f"{IND}本报10月24日讯 {body}第一段，讲述新区的工作进展情况。\n"
        f"{IND}{body}第二段，会议要求各单位抓好落实。{out}\n\n"
    )


def continuation(body: str) -> str:
    return f"{IND}（上接第一版）\n{IND}{body}续段，会议还研究了其他事项。\n\n"


def issue(*pages: str) -> Issue:
    return issues.issue(pages, date=DAY)


def sentences(text: str) -> list[str]:
    """The marked sentences of the input (甲…第一段, 乙…续段, ...): each must be published once."""
    return re.findall(r"[甲乙丙丁戊]文(?:第一段|第二段|续段)", text)


def assert_each_sentence_once(reading: Reading, *pages: str) -> None:
    body = "\n".join(p for a in reading.articles for p in a.paragraphs)
    for s in sentences("".join(pages)):
        assert body.count(s) == 1, f"{s!r} published {body.count(s)} times"


def test_a_jump_to_a_page_that_never_arrives_is_published_incomplete(tmp_path: Path) -> None:
    page1 = story(1, "甲方案推进会召开", "甲文", jump=True) + story(2, "丙项目开工建设", "丙文")
    reading = pipeline.read(issue(page1))
    assert_each_sentence_once(reading, page1)
    (open_,) = [a for a in reading.articles if a.unresolved_jump is not None]
    assert not open_.complete and open_.unresolved_jump is not None and open_.unresolved_jump.page == 2
    # published as it is, once, and said to be incomplete in the JSON of ``syndicate articles``
    src, out = tmp_path / "src", tmp_path / "out"
    write_issue(src, DAY, {1: page1})
    report = pipeline.run_pass(config.defaults(out, src), now=LATER)
    assert report.unresolved_jumps == 1
    page = out / "public" / "articles" / DAY.isoformat() / f"{open_.id}.html"
    assert "甲文第一段" in page.read_text(encoding="utf-8")
    entries = feedparser.parse((out / "public" / "all.atom.xml").read_bytes()).entries
    ids = [e.id for e in entries]
    assert len(ids) == len(set(ids)) == len(reading.articles)
    from syndicate.render_json import reading_to_json

    doc = json.loads(json.dumps(reading_to_json(reading)))
    (j,) = [a for a in doc["articles"] if a["id"] == open_.id]
    assert j["complete"] is False and j["unresolved_jump"]["to_page"] == 2


def test_a_jump_in_with_no_source_is_reported_and_kept() -> None:
    page1 = story(1, "丙项目开工建设", "丙文")
    page2 = continuation("乙文") + story(3, "丁活动走进社区", "丁文")
    reading = pipeline.read(issue(page1, page2))
    assert_each_sentence_once(reading, page1, page2)
    assert any("（上接第一版）" in p and "no source" in p for p in reading.problems), reading.problems
    assert all(a.complete for a in reading.articles)


def test_two_jumps_claiming_one_continuation_get_it_once() -> None:
    page1 = story(1, "甲方案推进会召开", "甲文", jump=True) + story(2, "乙措施落实到位", "乙文", jump=True)
    page2 = continuation("甲文")
    reading = pipeline.read(issue(page1, page2))
    assert_each_sentence_once(reading, page1, page2)
    owners = [a for a in reading.articles if any("甲文续段" in p for p in a.paragraphs)]
    assert len(owners) == 1 and owners[0].complete and len(owners[0].parts) == 2
    left = [a for a in reading.articles if a.unresolved_jump is not None]
    assert len(left) == 1 and not left[0].complete
    assert any("matched no continuation" in p for p in reading.problems), reading.problems
    # the decision is the same on every reading of the same input
    again = pipeline.read(issue(page1, page2))
    assert [(a.id, a.paragraphs) for a in again.articles] == [(a.id, a.paragraphs) for a in reading.articles]


def test_the_decision_survives_the_late_page(tmp_path: Path) -> None:
    """The page arrives a night later: the open article is completed in place, not duplicated."""
    page1 = story(1, "甲方案推进会召开", "甲文", jump=True)
    src, out = tmp_path / "src", tmp_path / "out"
    folder = write_issue(src, DAY, {1: page1})
    settings = config.defaults(out, src)
    pipeline.run_pass(settings, now=LATER)
    (folder / "page-02.txt").write_text(continuation("甲文"), encoding="utf-8")
    report = pipeline.run_pass(settings, now=LATER + dt.timedelta(days=1))
    assert report.unresolved_jumps == 0 and report.issues_updated == 1
    entries = feedparser.parse((out / "public" / "all.atom.xml").read_bytes()).entries
    assert len(entries) == len({e.id for e in entries})
    texts = [e.content[0].value for e in entries]
    assert sum("甲文续段" in t for t in texts) == 1 and sum("甲文第一段" in t for t in texts) == 1
