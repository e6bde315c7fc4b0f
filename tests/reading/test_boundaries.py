"""Article boundaries decided from evidence, not from blank lines (issue 11 items 1, 2, 4).

Each case is a real-looking excerpt of a page as extracted from print: blank lines fall wherever a
column ends, articles end with source credits, captions run over several lines.
"""

from __future__ import annotations

import datetime as dt

from syndicate import pipeline
from syndicate.model import Fragment, Issue, Page
from syndicate.normalize import blocks
from syndicate.segment import split

IND = "\u3000\u3000"

# Two long paragraphs of one report on a city's flood season, and another on a farm fair.
FLOOD_1 = (
    "入汛以来，江城市气象局密切监视强降雨过程，滚动发布暴雨预警信号十二次，"
    "提前向防汛部门报送城市内涝风险提示，全市低洼路段积水点位全部纳入监测。"
)
FLOOD_2 = (
    "江城市气象局还联合市防汛办开展内涝风险普查，在低洼路段布设积水监测点，"
    "暴雨预警信号发布后，防汛部门按照监测点位提前转移群众，全市未发生人员伤亡。"
)
FAIR = (
    "第三届乡村农货展销会昨天在东湖镇开幕，来自周边二十个村的合作社带来土鸡蛋、"
    "手工米粉、蜂蜜等特色农产品，展销会持续三天，预计销售额突破百万元。"
)

LIBRARY = (
    "市图书馆暑期开放时间延长至晚上九点，少儿阅览室新增绘本三千册，"
    "每周六上午举办亲子阅读讲座，读者可通过官方公众号预约座位。"
)

HEAT = (
    "西湖区气象局昨天发布高温预警，提醒市民减少午后户外活动，全区中小学暂停户外体育课，"
    "建筑工地调整作业时间避开高温时段。"
)


def wrap(text: str, width: int = 15) -> str:
    """A paragraph as a narrow column prints it: an indent, then lines of ``width`` characters."""
    lines = [text[k : k + width] for k in range(0, len(text), width)]
    return IND + "\n".join(lines)


def read(text: str) -> list[Fragment]:
    fragments, _ = split(1, blocks(text))
    return fragments


def test_a_blank_line_between_two_paragraphs_of_one_article_is_a_column_break() -> None:
    text = f"江城全力应对强降雨\n{wrap(FLOOD_1)}\n\n{wrap(FLOOD_2)}\n"
    (f,) = read(text)
    assert f.paragraphs == (FLOOD_1, FLOOD_2)


def test_a_source_credit_ends_the_article_and_the_next_headline_is_kept() -> None:
    text = f"江城全力应对强降雨\n{wrap(FLOOD_1 + '据江城发布')}\n乡村农货展销会开幕\n{wrap(FAIR)}"
    first, second = read(text)
    assert first.paragraphs[-1].endswith("据江城发布")
    assert second.headline == "乡村农货展销会开幕" and second.paragraphs == (FAIR,)


def test_a_credit_split_over_two_lines_still_closes_the_paragraph() -> None:
    body = FLOOD_1 + "综合新华社等报道"
    lines = wrap(body, 16).split("\n")
    assert not lines[-1].startswith("综合")  # the credit wraps: 综合新 / 华社等报道
    text = "江城全力应对强降雨\n" + "\n".join(lines) + f"\n乡村农货展销会开幕\n{wrap(FAIR)}"
    assert [f.headline for f in read(text)] == ["江城全力应对强降雨", "乡村农货展销会开幕"]


def test_a_credit_on_its_own_line_under_the_last_sentence_ends_the_article() -> None:
    text = f"江城全力应对强降雨\n{wrap(FLOOD_1)}\n据江城发布\n\n城西菜市场完成改造\n{wrap(FAIR)}"
    first, second = read(text)
    assert first.paragraphs == (FLOOD_1 + "据江城发布",)
    assert (second.kicker, second.headline, second.first_line) == (None, "城西菜市场完成改造", 9)


def test_after_a_sign_off_an_indented_paragraph_starts_an_article_without_a_blank_line() -> None:
    # The second article's headline was lost in extraction; its first paragraph follows at once.
    text = f"江城全力应对强降雨\n{wrap(FLOOD_1 + '（来源：江城发布）')}\n{wrap(FAIR)}"
    first, second = read(text)
    assert first.paragraphs == (FLOOD_1 + "（来源：江城发布）",)
    assert second.paragraphs == (FAIR,) and second.headline is None


def test_a_contributors_line_stays_with_the_article_above() -> None:
    text = f"江城全力应对强降雨\n{wrap(FLOOD_1)}\n\n{IND}（王明、李华、张强对本文有贡献）\n"
    (f,) = read(text)
    assert f.paragraphs[-1] == "（王明、李华、张强对本文有贡献）"


def test_a_run_of_captions_is_one_block() -> None:
    text = (
        f"江城全力应对强降雨\n{wrap(FLOOD_1)}\n"
        f"{IND}抢险队员在低洼路段排水。图/王小明\n{IND}气象服务人员查看积水监测数据。图/李四\n"
    )
    (f,) = read(text)
    assert f.paragraphs[1:] == ("抢险队员在低洼路段排水。图/王小明", "气象服务人员查看积水监测数据。图/李四")


def test_a_paragraph_opening_with_shuang_fang_refers_back() -> None:
    lead = "本报讯 6月3日，江城市气象局与人保江城分公司签署合作协议。"
    text = f"气象保险共护特色产业\n{wrap(lead)}\n\n{wrap('双方将聚焦茶叶、柑橘种植等特色产业，建立联合服务机制。')}"
    (f,) = read(text)
    assert len(f.paragraphs) == 2


def test_a_headline_less_article_after_a_blank_line_needs_a_change_of_topic() -> None:
    text = f"江城全力应对强降雨\n{wrap(FLOOD_1)}\n\n{wrap(LIBRARY)}"
    assert len(read(text)) == 2
    text = f"江城全力应对强降雨\n{wrap(FLOOD_1)}\n\n{wrap(FLOOD_2)}"
    assert len(read(text)) == 1


def test_with_no_blank_line_only_a_change_no_article_shows_opens_a_headline_less_article() -> None:
    """Articles also follow one another with no blank line; a library notice after a flood report
    shares no word with it, a heat warning after it shares the weather's words and stays."""
    assert len(read(f"江城全力应对强降雨\n{wrap(FLOOD_1)}\n{wrap(FLOOD_2)}\n{wrap(LIBRARY)}")) == 2
    (f,) = read(f"江城全力应对强降雨\n{wrap(FLOOD_1)}\n{wrap(FLOOD_2)}\n{wrap(HEAT)}")
    assert f.paragraphs == (FLOOD_1, FLOOD_2, HEAT)


def test_a_short_headline_after_a_finished_paragraph() -> None:
    first, second = read(f"江城全力应对强降雨\n{wrap(FLOOD_1)}\n李在明称\n{wrap(FAIR)}")
    assert second.headline == "李在明称" and second.paragraphs == (FAIR,)


def test_a_headline_ending_in_a_colon_and_its_second_line() -> None:
    _, second = read(f"江城全力应对强降雨\n{wrap(FLOOD_1)}\n日本防卫大臣：\n将加强西南防卫\n{wrap(FAIR)}")
    assert second.headline == "日本防卫大臣：将加强西南防卫"


def test_a_short_kicker_above_a_headline_and_a_deck_below() -> None:
    _, second = read(
        f"江城全力应对强降雨\n{wrap(FLOOD_1)}\n东湖镇\n第三届农货展销会开幕\n二十个村合作社参展\n{wrap(FAIR)}"
    )
    assert (second.kicker, second.headline, second.subheadline) == (
        "东湖镇",
        "第三届农货展销会开幕",
        "二十个村合作社参展",
    )


def test_the_photographer_under_a_caption_is_no_headline() -> None:
    text = f"江城全力应对强降雨\n{wrap(FLOOD_1 + '图为排水现场。')}\n张宣\n{wrap(FLOOD_2)}"
    (f,) = read(text)
    assert f.headline == "江城全力应对强降雨"


def test_a_caption_above_a_byline_belongs_to_the_article_below() -> None:
    text = f"江城全力应对强降雨\n{wrap(FLOOD_1)}\n展销会现场人头攒动\n（记者 李明 摄）\n本报记者 王五\n{wrap(FAIR)}"
    first, second = read(text)
    assert first.paragraphs == (FLOOD_1,) and first.last_line == 6
    assert second.byline == ("王五",) and second.first_line == 7
    assert second.paragraphs == (FAIR, "展销会现场人头攒动（记者李明摄）")


def test_a_jump_in_under_a_headline_and_captions_opens_the_continuation() -> None:
    text = (
        f"江城全力应对强降雨\n{wrap(FLOOD_1)}\n农货展销会开幕\n"
        f"{IND}展销会现场。李明 摄\n{IND}合作社展台。王五 摄\n（上接A01版）\n{wrap(FAIR)}"
    )
    _, second = read(text)
    assert second.jump_in is not None and second.jump_in.label == "A01"
    assert second.headline == "农货展销会开幕" and second.paragraphs[0] == FAIR


def test_a_photo_credit_wrapped_onto_its_own_line_ends_its_caption() -> None:
    """The caption's credit wrapped alone (…清扫路面。/ （通讯员 黄立 摄）): the caption still
    ends there, and the jump-in under it opens the continuation with both captions."""
    text = (
        f"江城全力应对强降雨\n{wrap(FLOOD_1)}\n农货展销会开幕\n"
        f"{IND}展销会现场。李明 摄\n{IND}积水退去后，环卫工人清扫路面。\n（通讯员 黄立 摄）\n（上接A01版）\n{wrap(FAIR)}"
    )
    _, second = read(text)
    assert second.jump_in is not None and second.first_line == 7 and second.paragraphs[0] == FAIR
    assert second.paragraphs[1:] == ("展销会现场。李明摄", "积水退去后，环卫工人清扫路面。（通讯员黄立摄）")


HEADS = [
    "江城全力应对强降雨",
    "东湖镇举办农货展销",
    "西山林场开展防火巡查",
    "南湖水质持续向好",
    "北岸新建口袋公园",
]


def _issue(texts: list[str]) -> Issue:
    pages = tuple(Page(k, "要闻", t, f"page-{k:02d}.txt", "utf-8", str(k)) for k, t in enumerate(texts, 1))
    return Issue(dt.date(2026, 7, 9), pages)


def test_an_issue_that_parts_every_article_with_a_blank_line_makes_a_blank_line_evidence() -> None:
    bodies = [FLOOD_2, FAIR, LIBRARY, FAIR, FLOOD_1]
    # Column ends leave blank lines inside paragraphs too: they stay meaningless.
    parts = [
        f"{h}\n{wrap(b).replace(b[30:45], b[30:45] + chr(10) * 2, 1)}"
        for h, b in zip(HEADS, bodies, strict=True)
    ]
    # The last article lost its headline: a heat warning after the flood report, a related topic.
    page = "\n\n".join([*parts, wrap(HEAT)])
    assert len(pipeline.read(_issue([page] * 3)).articles) == 18
    # The same issue with the blank line above one headline gone: blank lines tell nothing.
    pages = [page, page, page.replace("\n\n东湖镇", "\n东湖镇")]
    assert len(pipeline.read(_issue(pages)).articles) == 15


def _column(text: str, blank_at: int | None) -> str:
    """A paragraph in a 15-character column, a column end (blank line) after line ``blank_at``."""
    lines = wrap(text).split("\n")
    if blank_at is not None:
        lines.insert(blank_at, "")
    return "\n".join(lines)


def test_an_issue_whose_column_ends_never_fall_above_a_paragraph_makes_a_blank_line_a_separator() -> None:
    """Its extraction leaves column ends (blank lines) inside paragraphs, about one in four line
    ends, yet none above the 40 paragraph starts inside its articles: a blank line above a
    paragraph is its article separator, also before a headline-less article on a related topic."""
    heads = ["江城全力应对强降雨", "东湖镇举办农货展销", "西山林场开展防火巡查"]
    bodies = [FLOOD_1, FLOOD_2, FAIR, LIBRARY, FLOOD_2, FAIR]
    articles = ["\n".join([h, *(_column(b, 2) for b in bodies)]) for h in heads]
    page = "\n\n".join([*articles, "\n".join(_column(b, 3) for b in (HEAT, FLOOD_1))])
    assert len(pipeline.read(_issue([page] * 3)).articles) == 12
    # Column ends above paragraph starts as often as inside paragraphs: a blank line tells nothing,
    # and the heat warning stays with the report above (their topics are related).
    loose = "\n".join(_column(b, 2 if k % 3 else 0) for k, b in enumerate(bodies))
    articles = ["\n".join([h, loose]) for h in heads]
    page = "\n\n".join([*articles, "\n".join(_column(b, 3) for b in (HEAT, FLOOD_1))])
    assert len(pipeline.read(_issue([page] * 3)).articles) == 9


def test_an_issue_that_blanks_every_sure_headline_reads_one_without_as_a_subheading() -> None:
    """Twelve headlines above a byline, each under a blank line: in this issue a headline-like
    line with no blank line above and no byline below is a feature's subheading."""
    # (longer than an unmarked subheading read as one on any page: 低洼路段逐一排查 would be)
    feature = f"{wrap(FLOOD_1)}\n城区三十处低洼路段积水点逐一排查\n{wrap(FLOOD_2)}"
    articles = [f"{h}\n本报记者 张明\n{wrap(FAIR if k % 2 else LIBRARY)}" for k, h in enumerate(HEADS)]
    page = "\n\n".join([f"城区防汛一线见闻\n本报记者 李红\n{feature}", *articles])
    assert len(pipeline.read(_issue([page] * 2)).articles) == 12
    # One sure headline without its blank line: blank lines tell nothing, the subheading opens one.
    pages = [page, page.replace("\n\n东湖镇", "\n东湖镇")]
    assert len(pipeline.read(_issue(pages)).articles) == 14


# A library notice that shares a few of the flood report's words (江城市, 开放): too many for a
# change of topic alone, few enough for one that opens as a news lead does.
READING_ROOM = (
    "江城市图书馆暑期开放时间延长，少儿阅览室新增绘本三千册，每周六上午举办亲子阅读讲座，读者可预约座位。"
)


def test_a_paragraph_opening_as_a_news_lead_on_another_topic_opens_a_headline_less_article() -> None:
    for gap in ("", "\n"):  # with or without a blank line above
        before = f"江城全力应对强降雨\n{wrap(FLOOD_1)}\n{wrap(FLOOD_2)}\n{gap}"
        first, second = read(before + wrap("近日，" + READING_ROOM))
        assert first.paragraphs == (FLOOD_1, FLOOD_2) and second.paragraphs == ("近日，" + READING_ROOM,)
        assert len(read(before + wrap(READING_ROOM))) == 1  # no lead's opening: not enough alone
    # The same report going on with a date: its words recur, it stays.
    later = "6月3日，江城市气象局再次发布暴雨预警信号，提醒防汛部门加强低洼路段积水监测，提前转移群众。"
    (f,) = read(f"江城全力应对强降雨\n{wrap(FLOOD_1)}\n{wrap(FLOOD_2)}\n{wrap(later)}")
    assert f.paragraphs[-1] == later


def test_a_sign_off_with_a_bracket_inside_ends_the_article() -> None:
    credit = "（本版内容节选自《江城气候年鉴（2026）》）"
    first, second = read(f"江城全力应对强降雨\n{wrap(FLOOD_1 + credit)}\n乡村农货展销会开幕\n{wrap(FAIR)}")
    assert first.paragraphs == (FLOOD_1 + credit,) and second.headline == "乡村农货展销会开幕"
