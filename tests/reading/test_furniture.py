"""Page furniture (issue 11 item 8): running heads, page labels, editors' lines and the paper's
name printed on every page are read as blank lines, wherever they fall."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from syndicate import pipeline, profile
from syndicate.model import BlockKind, Issue, Page
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


@pytest.mark.parametrize(
    "head",
    [
        "A04\n江城晚报\n天下\n2026年7月9日 星期四",  # the date on the 4th line, a section name above it
        "江城晚报\n2026年7月9日 星期四\n农历六月十五  今日16版",  # the masthead's third line
        "B02\n文体\n2026年7月9日 星期四",  # a section name between the label and the date
        "2026年7月9日 星期四 A02\n要闻",  # a section name papers print, under the date
    ],
)
def test_a_running_head_of_several_lines(head: str) -> None:
    text = f"{head}\n江城全力应对强降雨\n{BODY}"
    assert blocks(text)[0].text == "江城全力应对强降雨"


def test_a_short_headline_under_the_running_head_is_kept() -> None:
    text = f"2026年7月9日 星期四\n楼市问答\n{IND}问：首套房贷利率下调后，存量房贷能否调整？"
    assert blocks(text)[0].text == "楼市问答"
    text = f"{IND}答：银行将按新利率自动重新定价。\n楼市问答\n责任编辑：王丽\nA01\n"
    assert blocks(text)[-1].text == "楼市问答"  # a headline at the page's foot: an orphan, not furniture


def test_the_pages_own_section_name_from_the_manifest_is_running_head() -> None:
    text = f"A03\n江城观察\n江城全力应对强降雨\n{BODY}"
    page = Page(3, "江城观察", text, "page-03.txt", "utf-8", "x", "A03")
    (article,) = pipeline.read(Issue(dt.date(2026, 7, 9), (page,))).articles
    assert (article.kicker, article.headline, article.parts[0].first_line) == (None, "江城全力应对强降雨", 3)
    page = Page(3, "A03", text, "page-03.txt", "utf-8", "x", "A03")
    (article,) = pipeline.read(Issue(dt.date(2026, 7, 9), (page,))).articles
    assert article.kicker == "江城观察"  # no manifest name: a kicker, as nothing says otherwise


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


def test_a_papers_own_conventions_from_the_reading_section(tmp_path: Path) -> None:
    from syndicate import config

    settings = config.parse(
        {"reading": {"credits": ["本报综合"], "furniture": ["^新闻热线"], "bylines": ["^□江城融媒 "]}},
        tmp_path,
    )
    page = (
        f"江城全力应对强降雨\n{IND}入汛以来，江城市气象局密切监视强降雨过程。本报综合\n"
        f"新闻热线 12345\n{IND}第三届乡村农货展销会昨天在东湖镇开幕。\n□江城融媒 张三\n{IND}本报讯 全市秋粮收获过九成。"
    )
    issue = Issue(dt.date(2026, 7, 9), (Page(1, "要闻", page, "page-01.txt", "utf-8", "x"),))
    plain = pipeline.read(issue)
    read = pipeline.read(issue, None, settings.reading)
    assert [len(a.paragraphs) for a in read.articles] == [1, 1, 1]
    assert [len(a.paragraphs) for a in plain.articles] == [2, 1]  # 本报综合 is no credit by default
    assert "张三" in read.articles[2].byline and not plain.articles[1].byline
    assert all("新闻热线" not in p for a in read.articles for p in a.paragraphs)


def test_a_wrong_pattern_in_the_reading_section_names_its_key(tmp_path: Path) -> None:
    from syndicate import config
    from syndicate.errors import ConfigError

    with pytest.raises(ConfigError, match="reading.credits"):
        config.parse({"reading": {"credits": ["(unclosed"]}}, tmp_path)


AD = "江城口腔医院\n种植牙 矫正 儿童齿科\n暑期特惠 学生矫正立减两千元\n咨询热线：0571-86661234\n地址：江城市中山北路188号"


def test_an_advertisement_between_two_articles_is_read_as_blank_lines() -> None:
    text = f"江城全力应对强降雨\n{BODY}{AD}\n城西菜市场完成改造\n{IND}经过三个月的改造，城西农贸市场昨天重新开业。"
    out = blocks(text)
    assert [b.text for b in out if b.kind is BlockKind.LINE] == ["江城全力应对强降雨", "城西菜市场完成改造"]
    # Its sign-off wrapped (（记 / 者 吴倩）): the paragraph still ended above the advertisement.
    text = f"江城全力应对强降雨\n{IND}顾客比以前多了不少。（记\n者 吴倩）\n{AD}\n"
    assert [b.text for b in blocks(text)] == ["江城全力应对强降雨", "顾客比以前多了不少。（记者吴倩）"]


def test_a_phone_number_inside_an_unfinished_paragraph_is_text() -> None:
    text = f"江城全力应对强降雨\n{IND}活动免费参加，有意者可联系\n社区工作人员\n王先生13812345678\n报名。\n"
    assert blocks(text)[-1].text == "活动免费参加，有意者可联系社区工作人员王先生13812345678报名。"


def test_a_table_of_figures_is_read_as_blank_lines() -> None:
    table = "主要城市天气预报\n\n城市 天气 气温\n北京 雷阵雨 24-31℃\n\n上海 多云 27-35℃\n江城 大雨 23-28℃"
    text = f"江城全力应对强降雨\n{BODY}{table}\n城西菜市场完成改造\n{IND}经过三个月的改造，城西农贸市场昨天重新开业。"
    assert [b.text for b in blocks(text) if b.kind is BlockKind.LINE] == [
        "江城全力应对强降雨",
        "城西菜市场完成改造",
    ]
