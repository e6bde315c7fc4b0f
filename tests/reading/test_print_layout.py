"""A generator of print layouts, and the property that re-reading restores the articles (issue 11).

Articles (our own text, in the image of a city paper's news page) are laid out as text extracted
from print: a column width of 12-17 characters, a full-width indent at each paragraph, blank lines
wherever a column ends (mid-paragraph, after a headline, between articles or not), some
punctuation-free lines letter-spaced, some headlines dropped where the text still shows the start
(a dateline). Whatever the layout, the reader must give back the same articles.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from syndicate.normalize import blocks
from syndicate.segment import split

IND = "\u3000\u3000"


@dataclass(frozen=True)
class Story:
    headline: str
    paragraphs: tuple[str, ...]
    dated: bool  # the first paragraph opens with a dateline: the start shows without a headline
    # (the credit ending 市图书馆…据江城发布 and the sign-off （完） show where the next one starts)


STORIES = (
    Story(
        "江城全力应对强降雨",
        (
            "本报讯 入汛以来，江城市气象局密切监视强降雨过程，滚动发布暴雨预警信号十二次，提前向防汛部门报送城市内涝风险提示。",
            "江城市气象局还联合市防汛办开展内涝风险普查，在低洼路段布设积水监测点，暴雨预警信号发布后，防汛部门提前转移群众。",
        ),
        True,
    ),
    Story(
        "东湖镇农货展销会开幕",
        (
            "本报讯 第三届乡村农货展销会昨天在东湖镇开幕，来自周边二十个村的合作社带来土鸡蛋、手工米粉、蜂蜜等特色农产品。",
            "展销会持续三天，东湖镇还为合作社搭建了直播间，村里的年轻人在直播间推介土鸡蛋和手工米粉，预计销售额突破百万元。",
        ),
        True,
    ),
    Story(
        "市图书馆延长暑期开放时间",
        (
            "市图书馆暑期开放时间延长至晚上九点，少儿阅览室新增绘本三千册，每周六上午举办亲子阅读讲座。",
            "市图书馆负责人介绍，暑期每天到馆读者超过五千人次，读者可通过市图书馆公众号预约阅览座位。据江城发布",
        ),
        False,
    ),
    Story(
        "西山林场开展防火巡查",
        (
            "本报讯 西山林场近日组织护林员开展森林防火巡查，清理林区道路两侧枯枝落叶，检修林区防火监控设备二十余台。",
            "西山林场还在林区入口设置防火检查站，对进山车辆和人员登记检查，劝导游客不携带火种进山。",
        ),
        True,
    ),
    Story(
        "南湖水质持续向好",
        (
            "监测数据显示，今年上半年南湖水质稳定保持在三类标准，湖区透明度明显提高，水生植物覆盖面积扩大。",
            "南湖治理工程实施以来，沿湖截污管网全部建成，南湖周边的排污口已全部封堵，湖区鱼类品种逐年增加。（完）",
        ),
        False,
    ),
    Story(
        "老旧小区加装电梯提速",
        (
            "今年以来，我市加快推进老旧小区加装电梯工作，已有一百二十台电梯投入使用，住在高层的老人出行更方便了。",
            "市住建局有关负责人介绍，下一步将简化审批流程，力争年底前再完成八十台电梯加装任务。",
            "（记者 吴倩）",
        ),
        False,
    ),
    Story(
        "上半年居民收入稳定增长",
        (
            "国家统计局发布数据显示，上半年全国居民人均可支配收入实际增长百分之五点二，城乡居民收入差距继续缩小。",
            "国家统计局有关负责人表示，就业形势总体稳定，居民收入保持稳定增长。综合新华社、央视新闻等",
        ),
        False,
    ),
)


def _wrap(text: str, width: int) -> list[str]:
    return [text[k : k + width] for k in range(0, len(text), width)]


@st.composite
def layouts(draw: st.DrawFn) -> tuple[str, list[Story]]:
    """A page of 2-5 of the stories, laid out as one print extraction would give it."""
    order = draw(st.permutations(STORIES))
    stories = order[: draw(st.integers(2, len(STORIES)))]
    width = draw(st.integers(12, 17))
    every = draw(st.integers(8, 15))  # a column ends every so many printed lines
    lines: list[str] = []

    def put(line: str) -> None:
        lines.append(line)
        if len(lines) % every == 0:
            lines.append("")  # a column end: a blank line wherever it falls

    for k, story in enumerate(stories):
        if k and draw(st.booleans()):
            lines.append("")  # some articles are parted by a blank line, others not
        # 30% of the headlines drop out where the text still shows the start: a dateline, or the
        # source credit or sign-off ending the article above.
        shows = story.dated or (
            k > 0 and stories[k - 1].paragraphs[-1].endswith(("发布", "（完）", "等", "吴倩）"))
        )
        if not (shows and draw(st.integers(0, 9)) < 3):
            put(story.headline)
        for para in story.paragraphs:
            for n, piece in enumerate(_wrap(para, width)):
                spaced = len(piece) == width and piece.isalpha() and draw(st.integers(0, 19)) == 0
                piece = " ".join(piece) if spaced else piece  # a justified, letter-spaced line
                put((IND if n == 0 else "") + piece)
    return "\n".join(lines) + "\n", list(stories)


def _body(story: Story) -> str:
    return "".join(story.paragraphs).replace("本报讯 ", "").replace(" ", "")


@settings(max_examples=300, deadline=None)
@given(layouts())
def test_re_reading_a_print_layout_restores_its_articles(layout: tuple[str, list[Story]]) -> None:
    text, stories = layout
    fragments, orphans = split(1, blocks(text))
    assert not orphans
    assert [len(f.paragraphs) for f in fragments] == [len(s.paragraphs) for s in stories]
    assert ["".join(f.paragraphs).replace(" ", "") for f in fragments] == [_body(s) for s in stories]
    for f, story in zip(fragments, stories, strict=True):
        assert f.headline in (story.headline, None)
