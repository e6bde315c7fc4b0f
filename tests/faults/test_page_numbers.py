"""Row 6 (issue 10): pages numbered 100 and above, and ids that cannot collide.

A paper with a page 123 (a supplement numbered on from the main book) once made ``page_label``
raise ``IndexError`` and the pass die; and the id ``<date>-<page><order>`` gave page 12's 301st
article and page 123's first the same ``12301``, so the issue could not be stored at all.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from support.faults import DAY, LATER, write_issue

from syndicate import config, pipeline
from syndicate.sources.folder import page_label

PLACES = "东西南北中"
THINGS = ["路灯", "公园", "菜场", "泳池", "书屋", "球场", "车站", "码头", "桥梁", "隧道"]


def briefs(count: int, start: int = 0) -> str:
    """A page of ``count`` short reports, each with its own headline and dateline."""
    out = []
    for k in range(start, start + count):
        place, thing = PLACES[k % 5], THINGS[(k // 5) % 10]
        out.append(
            f"{place}城第{k + 1}号{thing}完成改造\n"
            f"　　本报讯 {place}城第{k + 1}号{thing}日前完成改造，\n新增设施{k + 3}处，方便周边居民使用。\n"
        )
    return "\n".join(out)


def test_page_labels_beyond_99() -> None:
    assert [page_label(n) for n in (9, 12, 100, 101, 110, 123, 200)] == [
        "第九版", "第十二版", "第一百版", "第一百零一版", "第一百一十版", "第一百二十三版", "第二百版",
    ]  # fmt: skip


def test_page_123_and_page_12_order_301_are_both_published(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    write_issue(src, DAY, {12: briefs(301), 123: briefs(1, start=400)})
    report = pipeline.run_pass(config.defaults(out, src), now=LATER)
    assert not report.problems, report.problems
    with sqlite3.connect(out / "state" / "syndicate.sqlite") as db:
        rows = db.execute("SELECT id, section FROM articles ORDER BY seq").fetchall()
    ids = [i for i, _ in rows]
    assert len(rows) == 302 and len(set(ids)) == 302
    assert "20231024-12-301" in ids and "20231024-123-01" in ids
    assert dict(rows)["20231024-123-01"] == "第一百二十三版"
    for ident in ("20231024-12-301", "20231024-123-01", "20231024-1201"):
        assert (out / "public" / "articles" / DAY.isoformat() / f"{ident}.html").is_file()
        assert (out / "newsml" / DAY.isoformat() / f"{ident}.xml").is_file()
