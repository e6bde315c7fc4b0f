"""An evening paper's front page in narrow print columns (own text): the page label with the news
hotline in the running head (A01 新闻热线：96001), a byline whose last name the column cut before
its role (□首席记者 周明亮 实习生 陈 / 雨婷 文/图), a column break inside a paragraph, a jump to
A03, and a column of briefs with their headlines run in and set off by a full-width space
(■夏季用电负荷创新高　记者昨天…), no indent and no blank line between them."""

from __future__ import annotations

import datetime as dt

from syndicate import pipeline
from syndicate.model import Issue, Page

A01 = """江城晚报
2026年7月10日 星期五
A01 新闻热线：96001
暴雨突袭　城区多处积水
三千余名干部职工连夜排涝
 □首席记者 周明亮 实习生 陈
雨婷 文/图
　　本报讯 昨天下午，一场突如其
来的暴雨袭击主城区，最大小时雨
量达68毫米。记者从市防汛办获

悉，截至昨晚10时，全市出动干部
职工3200余人，排除积水点47处。
　　在解放路与中山路交叉口，积
水一度没过膝盖。（下转A03版）
■夏季用电负荷创新高　记者昨
天从市供电公司获悉，7月9日全市
用电负荷达到1120万千瓦，创历史
新高。
■地铁3号线延长运营　为方便市
民出行，地铁3号线自7月12日起
延长运营至23时。（记者 吴佳）
"""
A03 = """A03 城事
（上接A01版）
　　一辆出租车在积水中熄火，附
近的环卫工人和交警合力将车推出
积水区。
"""


def _read() -> list[tuple[str | None, str, tuple[str, ...], list[int]]]:
    pages = (
        Page(1, "要闻", A01, "page-01.txt", "utf-8", "a", label="A01"),
        Page(3, "城事", A03, "page-03.txt", "utf-8", "b", label="A03"),
    )
    reading = pipeline.read(Issue(dt.date(2026, 7, 10), pages))
    return [(a.kicker, a.headline, a.byline, [p.page for p in a.parts]) for a in reading.articles]


def test_an_evening_papers_front_page() -> None:
    assert _read() == [
        ("暴雨突袭城区多处积水", "三千余名干部职工连夜排涝", ("周明亮", "陈雨婷"), [1, 3]),
        (None, "夏季用电负荷创新高", (), [1]),
        (None, "地铁3号线延长运营", ("吴佳",), [1]),
    ]


def test_a_marked_point_run_in_inside_a_story_stays_in_it() -> None:
    text = (
        "全力以赴抓好防汛工作\n"
        "　　本报讯 连日来，我市各级各部门全力以赴抓好防汛各项工作，确保安全度汛。\n"
        "■压实责任　全市建立市、区、街道三级包保责任制，层层压实防汛责任。\n"
        "■强化排查　各地对易涝点、危旧房屋开展拉网式排查，发现隐患立即整改。\n"
    )
    reading = pipeline.read(
        Issue(dt.date(2026, 7, 10), (Page(1, "要闻", text, "page-01.txt", "utf-8", "c"),))
    )
    assert [a.headline for a in reading.articles] == ["全力以赴抓好防汛工作"]
