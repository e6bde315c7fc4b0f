"""Page furniture (issue 11 item 8): running heads, page labels, editors' lines and the paper's
name printed on every page are read as blank lines, wherever they fall."""

from __future__ import annotations

import datetime as dt

import pytest

from syndicate import pipeline, profile
from syndicate.model import Issue, Page
from syndicate.normalize import blocks

IND = "\u3000\u3000"
BODY = f"{IND}本报讯 入汛以来，江城市气象局密切监视\n强降雨过程，滚动发布暴雨预警信\n号十二次。\n"


@pytest.mark.parametrize(
    "line",
    ["责任编辑：张三 美术编辑：李四", "本版责编 ：王五", "版式设计：赵六"],
)
def test_furniture_lines_anywhere(line: str) -> None:
    text = f"江城全力应对强降雨\n{BODY}{line}\n{IND}全市低洼路段积水点位全部纳入监\n测。\n"
    assert not any(line in b.text for b in blocks(text))
    assert len(blocks(text)) == 3


@pytest.mark.parametrize(
    "line",
    [
        "A02",
        "3",
        "第3版",
        "A02 要闻",
        "要闻 A02",
        "2026年7月9日",
        "2026年7月9日 星期四 农历六月十五",
        "星期四",
    ],
)
def test_page_labels_and_dates_at_the_top_of_a_page(line: str) -> None:
    text = f"{line}\n江城全力应对强降雨\n{BODY}"
    assert [b.text for b in blocks(text)][0] == "江城全力应对强降雨"
    text = f"江城全力应对强降雨\n{BODY}{IND}全市低洼路段积水点位全部纳入监\n测。\n{line}\n"
    assert blocks(text)[-1].text == "全市低洼路段积水点位全部纳入监测。"


def test_a_number_inside_the_page_is_text() -> None:
    text = f"江城全力应对强降雨\n{BODY}\n\n\n\n{IND}全市低洼路段积水点位达\n12\n个。\n\n\n\n"
    assert "全市低洼路段积水点位达12个。" in [b.text for b in blocks(text)]


def test_the_papers_name_on_every_page_is_furniture_but_a_jump_head_on_two_is_not() -> None:
    pages = [f"江城晚报\n江城滚动发布暴雨预警{k}\n{BODY.replace('十二', str(k + 3))}" for k in range(4)]
    pages[1] += "江城全力应对强降雨\n"
    pages[3] = pages[3].replace("江城滚动发布暴雨预警3", "江城全力应对强降雨")
    recurring = profile.recurring_lines(pages)
    assert "江城晚报" in recurring and "江城全力应对强降雨" not in recurring
    issue = Issue(
        dt.date(2026, 7, 9),
        tuple(Page(k + 1, "要闻", t, f"page-{k + 1:02d}.txt", "utf-8", str(k)) for k, t in enumerate(pages)),
    )
    reading = pipeline.read(issue)
    assert all("江城晚报" not in o.text for o in reading.orphans)
    assert [a.headline for a in reading.articles][:2] == ["江城滚动发布暴雨预警0", "江城滚动发布暴雨预警1"]
