"""Conventions of Chinese papers the reader was not tuned on (issue 11): metro tabloids, party and
provincial dailies, evening papers. Every line is our own, written in their image."""

from __future__ import annotations

import datetime as dt

import pytest

from syndicate import pipeline
from syndicate.model import Fragment, Issue, Page
from syndicate.normalize import blocks
from syndicate.segment import split

IND = "\u3000\u3000"
BODY = f"{IND}本报讯 入汛以来，江城市气象局密切监视\n强降雨过程，滚动发布暴雨预警信\n号十二次。\n"


def read(text: str) -> list[Fragment]:
    fragments, _ = split(1, blocks(text))
    return fragments


@pytest.mark.parametrize(
    "head",
    [
        "A03\u3000综合\u30002026年6月2日 星期二",  # label, section and date on one line
        "滨海都市报\u30002026年6月2日 星期二\u3000A05",  # the paper's name, the date, the label
        "城事\u3000A04\n2026年6月2日\u3000责编：王芳\u3000美编：李强",  # the date with the editors
        "江城晚报\n本报网址：www.example.cn\n国内统一连续出版物号 CN 45-0001",  # the masthead's notes
    ],
)
def test_a_running_head_on_one_line_with_its_date(head: str) -> None:
    text = f"{head}\n江城全力应对强降雨\n{BODY}"
    assert blocks(text)[0].text == "江城全力应对强降雨"


@pytest.mark.parametrize(
    "foot",
    [
        "责任编辑 王芳\n版式设计 李强\n校对 陈敏",  # one editor a line, no colon
        "责任编辑 王芳　版式设计 李强　校对 陈敏",
    ],
)
def test_editors_lines_without_a_colon_at_the_foot(foot: str) -> None:
    text = f"江城全力应对强降雨\n{BODY}\n{foot}\n"
    assert [b.text for b in blocks(text)][-1].endswith("十二次。")


@pytest.mark.parametrize(
    "head",
    [
        "2026年7月6日　星期一\n第12573号　今日12版\n清河日报",  # the paper's name last, under the date
        "国内统一连续出版物号 CN 45-0001\n滨海都市报",
    ],
)
def test_the_papers_name_closing_the_masthead(head: str) -> None:
    text = f"{head}\n\n江城全力应对强降雨\n{BODY}"
    assert blocks(text)[0].text == "江城全力应对强降雨"


def _lettered(jump_out: str, jump_in: str) -> Issue:
    labels = ["A01", "A02", "A03", "A04", "A05"]
    texts = {
        k: f"滨江公园完成提升改造\n{IND}本报讯 第{k}版的消息，公园改造工程已经完工。" for k in range(1, 6)
    }
    texts[1] = f"老旧小区加装电梯提速\n{IND}本报讯 今年全市计划为老旧小区加装电梯三百部，目前已{jump_out}"
    texts[4] += f"\n{IND}{jump_in}完成两百余部，惠及居民八千余户。"
    pages = tuple(
        Page(k, "要闻", texts[k], f"page-{k:02d}.txt", "utf-8", str(k), labels[k - 1]) for k in range(1, 6)
    )
    return Issue(dt.date(2026, 6, 2), pages)


@pytest.mark.parametrize("jump_in", ["（紧接A01）", "（上接A01）", "(接A01)"])
def test_a_bracketed_jump_in_from_a_lettered_page_needs_no_ban(jump_in: str) -> None:
    reading = pipeline.read(_lettered("（转A04版）", jump_in))
    (a,) = [a for a in reading.articles if len(a.parts) > 1]
    assert [p.page for p in a.parts] == [1, 4]
    assert a.paragraphs[-1].endswith("目前已完成两百余部，惠及居民八千余户。")  # the cut sentence, joined


def test_two_headline_lines_and_an_indented_dashed_deck() -> None:
    """Two headline lines, a byline, then the deck printed indented under them (　　——论…)."""
    text = (
        "守护一方安澜\n筑牢防汛安全防线\n文/图 李强\n"
        f"{IND}—论做好今年汛期防汛工作的\n几点体会\n{IND}入汛以来，江城市气象局密切监视\n强降雨过程，滚动发布暴雨\n预警信号十二次。\n"
    )
    (f,) = read(text)  # it once raised IndexError
    assert (f.kicker, f.headline) == ("守护一方安澜", "筑牢防汛安全防线")
    assert f.subheadline == "论做好今年汛期防汛工作的几点体会"


BRIEFS = (
    "本地简讯\n"
    f"{IND}▲本报讯 6月1日，市图书馆暑期少儿\n阅读季启动，全市二十家分馆同步开\n展绘本共读活动。\n"
    f"{IND}▲5月30日，城南街道组织辖区商户\n开展消防演练，百余名商户参加。\n"
    f"{IND}■近日，江城市公交集团新开通两条\n社区巴士线路，方便居民就医出行。\n"
)


def test_a_column_of_briefs_marked_with_triangles_is_read_brief_by_brief() -> None:
    first, second, third = read(BRIEFS)
    assert first.headline == "本地简讯" and first.dateline == "本报讯"
    assert first.paragraphs[0].startswith("6月1日，市图书馆")
    assert second.paragraphs == ("▲5月30日，城南街道组织辖区商户开展消防演练，百余名商户参加。",)
    assert third.first_line == 7


def test_a_marked_point_inside_an_article_opens_no_brief() -> None:
    text = (
        "夜市经济点亮城市烟火气\n"
        f"{IND}本报讯 入夏以来，江城各大夜市人气火爆，美食街、文创市\n集吸引大量市民游客前来打卡消费。\n"
        f"{IND}■夜市带动周边餐饮、零售消费增长明显，商户\n收入普遍提高\n"
        f"{IND}■管理部门将进一步规范夜市经营秩序\n"
    )
    (f,) = read(text)
    assert len(f.paragraphs) == 3


@pytest.mark.parametrize("marker", ["下转第3版", "转A07版", "（下转第3版）", "下转A03版"])
def test_a_jump_out_indented_on_its_own_line_ends_the_part_above(marker: str) -> None:
    text = (
        f"老旧小区加装电梯提速\n{IND}本报讯 今年全市计划为老旧小区加装电\n梯三百部，目前已完成两百余部。\n{IND}{marker}\n"
        f"本报记者 王芳 报道\n{IND}近日，市图书馆暑期少儿阅读季启动，\n全市二十家分馆同步开展活动。\n"
    )
    first, second = read(text)
    assert first.jump_out is not None and first.last_line == 4
    assert second.first_line == 5 and second.byline == ("王芳",) and second.headline is None


@pytest.mark.parametrize("byline", ["晚报记者 杜娟", "晚报记者 杜娟 实习生 唐宁", "都市报记者 杜娟"])
def test_the_papers_own_short_name_before_its_reporter(byline: str) -> None:
    text = (
        f"老旧小区加装电梯提速\n{IND}本报讯 今年全市计划为老旧小区加装电\n梯三百部，目前已完成两百余部。\n"
        f"市图书馆启动暑期阅读季\n{byline}\n{IND}近日，市图书馆暑期少儿阅读季启动，\n全市二十家分馆同步开展活动。\n"
    )
    first, second = read(text)
    assert second.headline == "市图书馆启动暑期阅读季" and second.byline[0] == "杜娟"


def test_subheadings_marked_with_a_pointer_stay_in_the_feature() -> None:
    text = (
        "夜市经济点亮城市烟火气\n本报记者 吴倩\n"
        f"{IND}入夏以来，江城各大夜市人气火爆，美食街、文创市\n集吸引大量市民游客前来打卡消费，夜市\n摊主们忙得不亦乐乎。\n"
        "▶夜市里的新面孔\n"
        f"{IND}在滨江夜市，摆摊三年的小吴告诉记者，今年夜市里\n多了不少年轻摊主，文创、手作摊位越来\n越多，市民游客逛夜市的兴致也更高了。\n"
        "▶管理服务跟上来\n"
        f"{IND}为规范夜市经营秩序，城管部门在夜市设置了服务\n点，摊位统一编号，垃圾定时清运，夜市\n环境明显改善，市民游客逛得更加舒心。\n"
    )
    (f,) = read(text)
    assert f.headline == "夜市经济点亮城市烟火气" and len(f.paragraphs) == 5


def test_a_caption_set_apart_above_a_dateline_goes_with_the_article_below() -> None:
    """The headline not printed (or lost): the photo's caption stands right above the dateline."""
    text = (
        f"老旧小区加装电梯提速\n{IND}本报讯 今年全市计划为老旧小区加装电\n梯三百部，目前已完成两百余部。\n"
        f"图为市民在图书馆少儿区阅读绘本。\n 记者 刘洋 摄\n{IND}本报讯（记者 杜娟）近日，市图书馆暑\n期少儿阅读季启动，全市二十家分馆同步开展活动。\n"
    )
    first, second = read(text)
    assert first.last_line == 3 and second.first_line == 4
    assert second.dateline == "本报讯" and second.paragraphs[-1].startswith("图为市民")


@pytest.mark.parametrize("credit", ["市住建局供图", "受访者供图"])
def test_a_photo_credit_on_its_own_line_is_no_headline(credit: str) -> None:
    text = (
        f"老旧小区加装电梯提速\n{IND}本报讯 今年全市计划为老旧小区加装电\n梯三百部，目前已完成两百余部，惠及\n居民八千余户。"
        f"市住建局表示，下一步将简化审批流\n程，加快施工进度，确保年底前全部完工。\n"
        f"工人在城东小区安装电梯。\n{credit}\n"
        f"{IND}本报讯（记者 杜娟）近日，市图书馆暑\n期少儿阅读季启动，全市二十家分馆同步开展活动。\n"
    )
    assert [f.headline for f in read(text)] == ["老旧小区加装电梯提速", None]


@pytest.mark.parametrize("ref", ["▶详见A02版", "（详见第2版）", "详见第\nA05版"])
def test_a_teaser_ends_on_its_page_reference_and_jumps_nowhere(ref: str) -> None:
    text = (
        f"老旧小区加装电梯提速\n{IND}今年全市计划为老旧小区加装电梯三百\n部，目前已完成两百余部……{ref}\n"
        f"市图书馆启动暑期阅读季\n{IND}本报讯 近日，市图书馆暑期少儿阅读季启\n动，全市二十家分馆同步开展活动。\n"
    )
    first, second = read(text)
    assert first.jump_out is None and first.paragraphs[-1].startswith("今年全市")
    assert second.headline == "市图书馆启动暑期阅读季"


def test_a_translators_credit_after_the_source_closes_the_article() -> None:
    text = (
        f"世界气象组织发布年度报告\n{IND}报告指出，过去一年全球平均气温再创新\n高。（来源：世界气象组织官网）编\n译：李强\n"
        f"市图书馆启动暑期阅读季\n□本报记者 杜娟\n{IND}近日，市图书馆暑期少儿阅读季启动，全市\n二十家分馆同步开展活动。\n"
    )
    first, second = read(text)
    assert first.paragraphs[-1].endswith("编译：李强")
    assert second.headline == "市图书馆启动暑期阅读季" and second.first_line == 5
