"""A continuation with no jump-in line, under its jump head, where the jump head repeats only the
main line of a headline that printed a speaker's line over it (市文旅局：/ 全力做好音乐节保障工作):
it is the jumping article's, as a jump head repeating the whole headline is."""

from __future__ import annotations

import datetime as dt

from syndicate import pipeline
from syndicate.model import Issue, Page

IND = "\u3000\u3000"
PAGE_1 = (
    "市文旅局：\n全力做好音乐节保障工作\n"
    f"{IND}本报讯（记者 武娜）音乐节将于本月下旬开幕，市文旅局\n"
    "已制定保障方案，交通、安保、医疗等各项准备工作正\n有序推进。据市文旅局负责人介绍，今年以来全市累计接待\n"
    "游客（下转第二版）\n"
    "秋粮收获进度过半\n"
    f"{IND}本报讯（记者 林华）记者从市农业农村局获悉，全市秋粮\n收获已过半，预计本周内基本完成。\n"
)
PAGE_2 = (
    "全力做好音乐节保障工作\n"
    f"{IND}共计120万人次，比去年同期增长27%。音乐节期间，\n市区将开通夜间公交专线，方便游客往返。\n"
    "城东新建三座口袋公园\n"
    f"{IND}本报讯（记者 周敏）城东街道利用边角地新建三座口袋\n公园，日前已向市民开放。\n"
)


def test_a_jump_head_repeating_the_headlines_main_line_takes_the_continuation() -> None:
    pages = (
        Page(1, "要闻", PAGE_1, "page-01.txt", "utf-8", "a"),
        Page(2, "城事", PAGE_2, "page-02.txt", "utf-8", "b"),
    )
    articles = pipeline.read(Issue(dt.date(2026, 9, 24), pages)).articles
    festival = next(a for a in articles if "音乐节" in a.headline)
    assert festival.headline == "市文旅局：全力做好音乐节保障工作"
    assert [p.page for p in festival.parts] == [1, 2] and festival.complete
    assert len(articles) == 3
