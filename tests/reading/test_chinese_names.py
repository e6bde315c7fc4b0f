"""Authors of Chinese articles as papers print them: names run together in a byline (记者 黄明王畅),
a byline's last name cut by the column's end, and names signed at the end of an article that has
no byline above (…好觉。（罗兰）, 编译：张三, 图/文 王大明)."""

from __future__ import annotations

import datetime as dt

import pytest

from syndicate import pipeline
from syndicate.model import Issue, Page
from syndicate.names import signed, split_run
from syndicate.segment import byline_names

IND = "\u3000\u3000"


def _articles(text: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    issue = Issue(dt.date(2026, 7, 9), (Page(1, "要闻", text, "page-01.txt", "utf-8", "x"),))
    return [(a.headline, a.byline, a.paragraphs) for a in pipeline.read(issue).articles]


@pytest.mark.parametrize(
    ("run", "names"),
    [
        ("黄明王畅", ("黄明", "王畅")),
        ("丁一凡王鹏张钰祺李倩罗云凯", ("丁一凡", "王鹏", "张钰祺", "李倩", "罗云凯")),
        ("周立文唐悦", ("周立文", "唐悦")),  # 周立|文唐悦 too, but 唐 is the commoner surname
        ("司马南王刚", ("司马南", "王刚")),  # a compound surname
        ("欧阳娜娜", ("欧阳娜娜",)),  # one name: a compound surname and its given name
        ("张三丰", ("张三丰",)),  # three characters: one name
        ("阿卜杜拉", ("阿卜杜拉",)),  # a transliterated name
        ("娜扎王刚", ("娜扎王刚",)),  # not every piece opens with a surname: left as printed
        ("玉素甫·吐尔公", ("玉素甫·吐尔公",)),
    ],
)
def test_names_run_together_are_told_apart_by_their_surnames(run: str, names: tuple[str, ...]) -> None:
    assert split_run(run) == names


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("本报讯 记者 黄明王畅 报道", ("黄明", "王畅")),
        ("本报通讯员 丁一凡王鹏张钰祺李倩罗云凯", ("丁一凡", "王鹏", "张钰祺", "李倩", "罗云凯")),
        ("本报记者 于明 通讯员 李璐黄安", ("于明", "李璐", "黄安")),
        ("记者 张晓 王明", ("张晓", "王明")),
    ],
)
def test_byline_names_run_together(line: str, names: tuple[str, ...]) -> None:
    assert byline_names(line) == names


@pytest.mark.parametrize(
    ("paragraph", "names"),
    [
        ("气候影响了我们的睡眠，我们也要学会借气候之力，睡个好觉。（罗兰）", ("罗兰",)),
        ("各地已启动应急响应。（记者 张明 李华）", ("张明", "李华")),
        ("其可信度随区域和季节而异。（来源：世界气象组织官网 编译：黄文婷）", ("黄文婷",)),
        ("（来源：气象局官网编译：何静宜）", ("何静宜",)),
        ("激发了学生探索气象科学的兴趣。图/文王大明", ("王大明",)),
        ("农户错峰开展农事。图/王启明文/李长江", ("王启明", "李长江")),
        ("图为收割现场图/韦明峰文/马云飞张宣", ("韦明峰", "马云飞", "张宣")),  # the slash sets it off
        ("图为高速公路施工现场图/文樊明光", ("樊明光",)),
        ("会议图文并茂地介绍了情况", ()),
        ("会议要求做好防汛工作。（新华社）", ()),
        ("会议要求做好防汛工作。（完）", ()),
        ("会议要求做好防汛工作。（央视新闻）", ()),
        ("会议要求做好防汛工作。（张明 摄）", ()),  # a photographer's credit in brackets
        ("会议要求做好防汛工作。（下转第二版）", ()),
        ("（来源：中国气象局）", ()),
        ("贡献力量。（杨庆华、简菊、唐悦对本文有贡献）", ()),  # contributors, not authors
        ("专家表示，这是个好消息。他说", ()),
    ],
)
def test_names_signed_at_the_end(paragraph: str, names: tuple[str, ...]) -> None:
    assert signed(paragraph) == names


def test_an_article_without_a_byline_takes_the_names_signed_at_its_end() -> None:
    text = (
        "高温天气如何睡个好觉\n"
        f"{IND}入夏以来，多地出现持续高温天气，不少市民反映\n夜间难以入睡，白天精神不振。\n"
        f"{IND}专家建议，睡前一小时调暗灯光，保持卧室通风，\n睡个好觉。（罗兰）\n"
    )
    ((headline, byline, _),) = _articles(text)
    assert headline == "高温天气如何睡个好觉" and byline == ("罗兰",)


def test_a_byline_above_is_not_added_to_from_a_sign_off() -> None:
    text = (
        "高温天气如何睡个好觉\n本报记者 张明\n"
        f"{IND}入夏以来，多地出现持续高温天气，不少市民反映\n夜间难以入睡，白天精神不振。（罗兰）\n"
    )
    ((_, byline, _),) = _articles(text)
    assert byline == ("张明",)


def test_the_end_of_a_name_cut_by_the_column_goes_with_the_byline() -> None:
    text = (
        "大小雷达携手守护城市安全\n本报记者 于明 通讯员 李璐黄安\n凡\n"
        f"{IND}6月30日8时，市气象局启动雷雨大风三级\n应急响应，全市雷达组网加密观测。\n"
    )
    ((headline, byline, paragraphs),) = _articles(text)
    assert headline == "大小雷达携手守护城市安全"
    assert byline == ("于明", "李璐", "黄安凡")
    assert paragraphs[0].startswith("6月30日8时")


def test_a_line_of_names_only_under_a_headline_is_the_writers_byline() -> None:
    text = f"在基层的第一个春天\n{IND}罗海峰\n{IND}2月28日，我来到县气象局报到，开始了一年的基层\n锻炼。\n"
    ((headline, byline, paragraphs),) = _articles(text)
    assert headline == "在基层的第一个春天" and byline == ("罗海峰",)
    assert paragraphs[0].startswith("2月28日")


@pytest.mark.parametrize("line", ["经验", "好睡眠硬指标", "本期观点："])
def test_a_short_subhead_under_a_headline_is_no_byline(line: str) -> None:
    text = f"如何睡个好觉\n{IND}{line}\n{IND}睡眠时长因人而异，成年人每晚七到九小时为宜。\n"
    ((_, byline, paragraphs),) = _articles(text)
    assert byline == () and paragraphs[0] == line


@pytest.mark.parametrize(("line", "names"), [("□ 李明远", ("李明远",)), ("■张晓 王明", ("张晓", "王明"))])
def test_a_marked_line_of_names_under_a_headline_is_the_writers_byline(
    line: str, names: tuple[str, ...]
) -> None:
    text = (
        f"让家门口的服务更暖心\n{line}\n"
        f"{IND}近日，我市又有12个社区养老服务站投入使用，老人们在家门口\n就能吃上热饭。\n"
    )
    ((headline, byline, paragraphs),) = _articles(text)
    assert headline == "让家门口的服务更暖心" and byline == names and paragraphs[0].startswith("近日")


def test_a_marked_short_headline_of_who_says_is_no_byline() -> None:
    text = f"韩国外交部长访华\n■李在明称\n{IND}韩方愿同中方加强沟通，推动两国关系健康发展。\n"
    ((_, byline, _),) = _articles(text)
    assert byline == ()
