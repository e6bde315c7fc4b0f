"""Chinese pages whose extraction lost every paragraph indent: a jump-in marker run into the
continuation's first line ((上接第1版）每天早上…) still opens a part, as a dateline opens an article,
so two continuations printed one under the other on the jumps' page are not read as one."""

from __future__ import annotations

from support.issues import issue

from syndicate import pipeline
from syndicate.model import BlockKind
from syndicate.normalize import blocks

FRONT = (
    "高温下的坚守\n本报记者 林静\n午后的气温超过38摄氏度，在城北快速路施工\n现场，工人们正在进行桥面铺装作业。项目负\n"
    "责人告诉记者，为避开高温时段，工地调整\n了作业时间，（下转第2版）\n"
    "暑期文化惠民活动启动\n本报讯（记者 马丽）7月11日，我市暑期文化惠民\n活动正式启动。市图书馆、文化馆、博物馆\n"
    "将延长开放（下转第2版）\n"
)
INSIDE = (
    "暑期文化惠民活动启动\n（上接第1版）时间，方便市民和学生参观学习。\n主办方还推出了线上预约服务。\n"
    "高温下的坚守\n（上接第1版）每天早上5点开工，中午11点至下\n午3点停工休息。工地还为工人们准备了绿豆\n汤等防暑用品。\n"
)


def test_continuations_without_indents_are_parts_of_their_own() -> None:
    reading = pipeline.read(issue([FRONT, INSIDE]))
    parts = {a.headline: [p.page for p in a.parts] for a in reading.articles}
    assert parts == {"高温下的坚守": [1, 2], "暑期文化惠民活动启动": [1, 2]}
    heat = next(a for a in reading.articles if a.headline == "高温下的坚守")
    assert heat.paragraphs[-1].endswith("汤等防暑用品。")
    assert not any("参观学习" in p for p in heat.paragraphs)
    assert not reading.problems


# Two features with no dateline, every indent lost: only the heads' width tells where each starts.
FEATURES = (
    "从青春韶华到鬓染微霜\n"
    "她把最美的年华献给了雪域高原，用气象\n人的责任担当守护藏北的天空。二十余载\n坚守，她依旧低调谦逊，扎根基层，带出\n"
    "了一支能打硬仗的观测队伍。\n"
    "每到汛期，她总是第一个赶到值班室，\n最后一个离开。同事们说，有她在，心里\n就踏实。\n"
    "暴雨验技能 预警护平安\n"
    "五月的山城暴雨天气频发多发，持续性强\n降雨一轮接着一轮。担任首席预报员已十\n年的他，道出了当日天气的复杂多变之处，\n"
    "并连夜组织会商，提前发布预警信号。\n"
    "强降雨过程中，当地气象部门凭借精准高\n效的预报预警，实现全市气象灾害零人员\n伤亡。\n"
)


def test_heads_set_off_the_column_start_articles_without_indents() -> None:
    reading = pipeline.read(issue([FEATURES]))
    assert [a.headline for a in reading.articles] == ["从青春韶华到鬓染微霜", "暴雨验技能预警护平安"]
    assert reading.articles[1].paragraphs[0].startswith("五月的山城")


def test_a_paragraphs_first_line_short_by_its_lost_indent_is_no_head() -> None:
    # "每到汛期，…" is two characters short of the column (its indent lost), and has a comma.
    # "并连夜组织会商，…" likewise: neither opens an article.
    reading = pipeline.read(issue([FEATURES]))
    assert len(reading.articles) == 2


def test_unwrapped_paragraphs_without_indents_are_paragraphs() -> None:
    # A paragraph a line, as a web page gives the text, every indent lost.
    page = (
        "暑期文化惠民活动启动\n"
        "本报讯（记者 马丽）7月11日，我市暑期文化惠民活动正式启动，活动将持续到8月底。\n"
        "今年的暑期文化惠民活动涵盖演出、展览、讲座、阅读推广等四大类120余场活动。\n"
        "活动期间，市图书馆、文化馆、博物馆将延长开放时间，方便市民参加暑期文化惠民活动。\n"
        "主办方还推出了暑期文化惠民活动线上预约服务，市民可通过微信公众号提前预约。\n"
    ) * 3
    reading = pipeline.read(issue([page]))
    assert len(reading.articles) == 3
    assert [len(a.paragraphs) for a in reading.articles] == [4, 4, 4]


def test_a_short_page_of_unwrapped_paragraphs_keeps_its_paragraphs() -> None:
    """Text from an e-paper's web page: a paragraph a line, a blank line between, no indent, and
    too few lines for the column test; lines that long are no column's, so each finished one ends
    a paragraph (they were glued into one)."""
    text = (
        "我市启动夏季消夏文化季\n\n"
        "本报讯（记者 唐宁）7月11日晚，2026年“清凉一夏”消夏文化季在市民广场启动，首场演出吸引了3000余名市民观看。\n\n"
        "据了解，本届文化季将持续到8月底，共安排各类演出和展览60余场，全部免费向市民开放。\n\n"
        "“每年夏天都盼着这个活动，家门口就能看到好节目。”市民刘女士说。\n"
    )
    paragraphs = [b.text for b in blocks(text) if b.kind is BlockKind.PARAGRAPH]
    assert [p[:4] for p in paragraphs] == ["本报讯（", "据了解，", "“每年夏"]
