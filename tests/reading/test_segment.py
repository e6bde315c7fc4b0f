"""Splitting a page into fragments: each rule with a real-looking excerpt (one table)."""

from __future__ import annotations

import pytest

from syndicate.model import Fragment, FragmentKind
from syndicate.normalize import blocks
from syndicate.segment import split

IND = "\u3000\u3000"


def read(text: str) -> tuple[list[Fragment], list[str]]:
    fragments, orphans = split(1, blocks(text))
    return fragments, [o.text for o in orphans]


def test_kicker_headline_byline_dateline() -> None:
    text = (
        " 金秋时节好“丰”景\n新区秋粮收获进度过九成\n □记者 王晓 通讯员 陈静 报道\n"
        f"{IND}本报10月24日讯 连日来，新区\n各镇街抢抓晴好天气，秋粮收获进度已超过九成。"
    )
    (f,), orphans = read(text)
    assert (f.kicker, f.headline, f.subheadline) == ("金秋时节好“丰”景", "新区秋粮收获进度过九成", None)
    assert f.byline == ("王晓", "陈静") and f.dateline == "本报10月24日讯"
    assert f.paragraphs == ("连日来，新区各镇街抢抓晴好天气，秋粮收获进度已超过九成。",)
    assert (f.first_line, f.last_line) == (1, 5) and not orphans


@pytest.mark.parametrize(
    ("first", "dateline", "byline", "lead"),
    [
        (
            "本报讯 记者 刘蕊 报\n道5月29日，记者从国家气候中心获悉。",
            "本报讯",
            ("刘蕊",),
            "5月29日，记者从国家气候中心获悉。",
        ),
        (
            "本报海口7月8日讯（记者 曹马志 通讯员 林清政）今天，海口。",
            "本报海口7月8日讯",
            ("曹马志", "林清政"),
            "今天，海口。",
        ),
        (
            "本报讯通讯 员 李明瑶\n 报道5月25日至27日，调研组在山东。",
            "本报讯",
            ("李明瑶",),
            "5月25日至27日，调研组在山东。",
        ),
        (
            "新华社北京10月24日电（记者 张三）国务院今天召开会议。",
            "新华社北京10月24日电",
            ("张三",),
            "国务院今天召开会议。",
        ),
        (
            "本报讯 记者 刘淑云\n 通讯员 邓京华马欣 报\n道6月30日，会议召开。",
            "本报讯",
            ("刘淑云", "邓京华", "马欣"),  # two names run together: two names
            "6月30日，会议召开。",
        ),
    ],
)
def test_run_in_bylines(first: str, dateline: str, byline: tuple[str, ...], lead: str) -> None:
    (f,), _ = read(f"中国气象局召开会议部署汛期工作\n{IND}{first}")
    assert (f.dateline, f.byline, f.paragraphs[0]) == (dateline, byline, lead)


def test_headline_only_block_without_body_is_an_orphan() -> None:
    text = f"又踏层峰满目新\n青岛开发区聚力推动王台老工业区蝶变升级\n\n{IND}□记者 李涛 报道\n{IND}本报10月24日讯 今天下午，工委（区委）理论学习中心组进行集体学习研讨，大家作了发言。"
    (f,), orphans = read(text)
    assert orphans == ["又踏层峰满目新 青岛开发区聚力推动王台老工业区蝶变升级"]
    assert f.headline is None and f.first_line == 4 and f.byline == ("李涛",)


@pytest.mark.parametrize("headline", ["初心不改再续荣光", "六国学员共探智慧防灾路径"])
def test_a_short_headline_sharing_no_words_with_its_report_is_kept(headline: str) -> None:
    # A short headline tells too little to say it is another article's: only a long one (a news
    # headline naming its subject, as above) that shares nothing with the report below is orphaned.
    text = (
        f"{IND}本报讯 市民服务中心昨天开通夜间窗口，每周办理业务超过两千件。\n{headline}\n□本报记者 张嘉赫\n"
        f"{IND}本报讯　“人退休了，党员身份永远不会褪色。”老党员李建国说。他退休后一直在社区做志愿者。"
    )
    frags, orphans = read(text)
    assert not orphans and [f.headline for f in frags] == [None, headline]
    assert frags[1].first_line == 2 and frags[1].byline == ("张嘉赫",)


def test_headline_at_page_bottom_is_an_orphan() -> None:
    _, orphans = read(f"{IND}本报讯 会议召开。\n\n青岛开发区聚力推动老工业区蝶变升级")
    assert orphans == ["青岛开发区聚力推动老工业区蝶变升级"]


def test_article_following_without_blank_line_or_byline() -> None:
    text = f"{IND}本报讯 新区秋粮收获进度已超过九成。\n文化惠民演出进社区\n{IND}近日，“文化惠民 百 场 演 出”活动启动。"
    frags, _ = read(text)
    assert [f.headline for f in frags] == [None, "文化惠民演出进社区"]
    assert frags[1].paragraphs == ("近日，“文化惠民百场演出”活动启动。",)


def test_subtitle_with_dash_and_editors_note() -> None:
    text = f"奋进新征程、建功新时代\n{IND}——论学习贯彻重要讲话精神\n{IND}编者按：风从海上来。\n{IND}大沽口的海风。"
    (f,), _ = read(text)
    assert f.headline == "奋进新征程、建功新时代" and f.subheadline == "论学习贯彻重要讲话精神"
    assert f.paragraphs == ("编者按：风从海上来。", "大沽口的海风。")


@pytest.mark.parametrize(
    ("deck", "articles"),
    [
        ("——写在全省防汛救灾表彰大会召开之际", 2),  # a deck whose headline was not printed: a new article
        ("——摘自省委书记在防汛工作会议上的讲话", 1),  # an attribution under a quotation
        ("——坚持人民至上，把群众安全放在首位。", 1),  # a dash list item: a sentence
        ("——王国强", 1),  # a name under a quotation
    ],
)
def test_deck_after_a_finished_article(deck: str, articles: int) -> None:
    text = (
        f"{IND}本报讯 记者 周平 报道昨日，全市汛期应急演练在\n滨江公园举行，两千余人参加。"
        f"\n{IND}演练现场。记者 李刚 摄\n{IND}{deck}\n{IND}风雨过后，堤坝上的身影依旧忙碌。"
        "\n连续三个昼夜，他们没有离开一步。"
    )
    frags, _ = read(text)
    assert len(frags) == articles
    if articles == 2:
        assert frags[1].subheadline == deck.lstrip("—") and frags[1].first_line == 4


def test_indented_headline_above_dateline() -> None:
    text = f"{IND}伊犁州气象局发布。\n\n{IND}中国气象局部署新一代短临预\n警业务体系建设工作时强调\n{IND}本报讯 记者 吴彤 报道在主汛期即将到来之际，中国气象局召开会议，部署短临预警业务体系建设。"
    frags, _ = read(text)
    assert len(frags) == 2 and frags[1].headline == "中国气象局部署新一代短临预警业务体系建设工作时强调"
    assert frags[1].byline == ("吴彤",)


def test_photo_news_and_brief_items_are_articles_of_their_own() -> None:
    text = (
        f"图 片 新 闻\n{IND}近日，广西高速公路重要路段进入建设关键期。图/文樊绍光\n\n"
        f"{IND}近日，哥白尼气候变化服务局发布新数据。（来源：官网）\n\n{IND}近日，印度气象局发布两款模型。"
    )
    frags, _ = read(text)
    assert [f.kind for f in frags] == [FragmentKind.PHOTO, FragmentKind.STORY, FragmentKind.STORY]


def test_blank_line_then_referring_paragraph_stays_in_the_article() -> None:
    text = f"{IND}本报讯 今天下午，人才工作领导小组会议召开。\n\n{IND}会议指出，新区人才工作成效明显。"
    (f,), _ = read(text)
    assert len(f.paragraphs) == 2


def test_jump_markers() -> None:
    text = f"{IND}本报讯 会议召开，惠及全体人民。（下转第二版）\n\n{IND}（上接第一版）\n{IND}要牢固树立正确政绩观。"
    a, b = read(text)[0]
    assert a.jump_out and a.jump_out.page == 2 and a.paragraphs == ("会议召开，惠及全体人民。",)
    assert b.kind is FragmentKind.CONTINUATION and b.jump_in and b.jump_in.page == 1 and not b.run_in


@pytest.mark.parametrize("cut", ["下转2\n版", "（下转第\n二版）", "下转\n2版"])
def test_a_jump_out_cut_by_the_line_end_ends_the_part_above_the_next_headline(cut: str) -> None:
    text = f"{IND}本报讯 会议召开，惠及全\n体人民。{cut}\n锚定目标聚力推进高质量发展\n{IND}本报讯 近日，规划印发。"
    a, b = read(text)[0]
    assert a.jump_out and a.jump_out.page == 2 and a.paragraphs == ("会议召开，惠及全体人民。",)
    assert b.headline == "锚定目标聚力推进高质量发展"
    # Mid-page, with a deck under the next headline and no dateline below it.
    body = "".join(f"{IND}江城市气象局密切监视强降雨过程，滚动发布暴雨预警信号。\n" for _ in range(6))
    text = f"{body}{IND}会议召开，惠及全\n体人民。{cut}\n锚定目标聚力推进高质量发展\n—解读《江城气象发展规划》\n{IND}近日，规划印发。\n{body}"
    parts = read(text)[0]
    assert parts[0].jump_out and parts[0].jump_out.page == 2
    assert (parts[1].headline, parts[1].subheadline) == (
        "锚定目标聚力推进高质量发展",
        "解读《江城气象发展规划》",
    )


def test_jump_head_repeats_headline() -> None:
    text = f"锚定目标高起点开局\n—解读《全国气象发展规划》\n{IND}(上接第一版)\n{IND}问：规划提出什么？"
    (f,), _ = read(text)
    assert f.kind is FragmentKind.CONTINUATION and f.headline == "锚定目标高起点开局"
    assert f.paragraphs == ("问：规划提出什么？",)


def test_feature_byline_wraps() -> None:
    text = f"乌兰县走出农牧旅增收新路径\n本报通讯 员沈文华记者段\n昊明通讯员 张超王祯\n{IND}6月底的乌兰县，湖畔草青。"
    (f,), _ = read(text)
    assert f.headline == "乌兰县走出农牧旅增收新路径" and f.byline == ("沈文华", "段昊明", "张超", "王祯")


def test_long_deck_line_under_the_headline() -> None:
    deck = "习近平发表重要讲话强调，中国共产党之所以能够在奋斗中不断铸就辉煌，根本在于党具有优秀特质。我们要坚定信心"
    text = (
        f"庆祝大会在京隆重举行\n{deck}\n{IND}新华社北京7月1日电庆\n祝大会7月1日上午在北京人民大会堂隆重举行。"
    )
    (f,), orphans = read(text)
    assert f.first_line == 1 and f.dateline == "新华社北京7月1日电" and not orphans
    assert f.paragraphs == ("庆祝大会7月1日上午在北京人民大会堂隆重举行。",)


def test_first_paragraph_opening_with_its_byline() -> None:
    text = (
        f"{IND}本报讯 新区秋粮收获进度已超过九成。\n"
        f"{IND}记者 张三 报道：5月29日，全市防汛工作会议召开。\n{IND}会议要求，做好防汛准备。"
    )
    frags, _ = read(text)
    assert len(frags) == 2 and frags[1].byline == ("张三",)
    assert frags[1].paragraphs == ("5月29日，全市防汛工作会议召开。", "会议要求，做好防汛准备。")


def test_commentary_byline_above_its_headline_and_page_furniture_dropped() -> None:
    text = (
        f"本报评论员\n推动高质量发展迈出新步伐\n{IND}高质量发展是首要任务。各地区各部门要坚决\n"
        "贯彻落实党中央决策部署。\n本版责编：王三 李四 版式设计：张五"
    )
    (f,), orphans = read(text)
    assert f.headline == "推动高质量发展迈出新步伐" and f.byline_text == "本报评论员" and not orphans
    assert f.paragraphs == ("高质量发展是首要任务。各地区各部门要坚决贯彻落实党中央决策部署。",)
