"""Conventions of Chinese papers the reader was not tuned on (issue 11), third round: boxes under a
headline, brief columns, numbered subheadings. Every line is our own, in the image of real pages."""

from __future__ import annotations

import pytest

from syndicate.model import Fragment
from syndicate.normalize import blocks
from syndicate.segment import split

IND = "\u3000\u3000"


def read(text: str) -> list[Fragment]:
    fragments, _ = split(1, blocks(text))
    return fragments


def test_a_key_points_box_under_the_headline_stays_with_its_article() -> None:
    """核心提示 on a line of its own, a summary under it, then the byline: one article, the box
    its subtitle, the byline and body its own."""
    text = (
        f"{IND}夜里的巡河人，见过凌晨三点的江面。\n"
        "老城区雨污分流改造全面完工\n"
        "核心提示\n"
        f"{IND}历时两年，老城区42条背街小巷完成雨污分流\n改造，雨天积水点全部销号。\n"
        "本报记者 吴倩 通讯员 张立\n"
        f"{IND}6月3日，随着最后一段管网接驳完成，老城区\n雨污分流改造工程全面完工。\n"
    )
    first, second = read(text)
    assert second.headline == "老城区雨污分流改造全面完工"
    assert second.byline == ("吴倩", "张立")
    assert second.subheadline is not None and second.subheadline.startswith("历时两年")
    assert second.paragraphs[0].startswith("6月3日")


def test_an_editors_note_over_a_dated_body_stays_with_its_article() -> None:
    """编者按：… as the first paragraph under the headline, then 本报讯: one article."""
    text = (
        f"{IND}活动现场，不少家长带着孩子一起参与。\n"
        "走进乡村振兴一线\n"
        f"{IND}【编者按】一条路，一片茶，一群人。本报今起\n推出系列报道，记录乡村的新变化。\n"
        f"{IND}本报讯（记者 吴倩）近日，记者来到青石镇，\n沿着新修的产业路走进茶园。\n"
    )
    first, second = read(text)
    assert second.headline == "走进乡村振兴一线" and second.dateline is not None
    assert second.subheadline is not None and second.subheadline.startswith("一条路")
    assert second.paragraphs[0].startswith("近日")


def test_an_editors_note_under_a_lost_headline_opens_the_article() -> None:
    """The headline dropped: the editor's note after a finished paragraph, then a byline, opens
    the next article however much its words share with the one above."""
    text = (
        "乡村茶园迎来采摘季\n本报记者 吴倩\n"
        f"{IND}近日，青石镇茶园迎来采摘季，茶农们忙着采\n摘新茶，茶园里一片繁忙。\n"
        f"{IND}编者按：茶园里的新变化，藏着乡村振兴的密\n码。本报今起推出系列报道，敬请关注。\n"
        "本报记者 张立\n"
        f"{IND}清晨六点，青石镇的茶园里已满是采茶人，茶\n农们说，今年的新茶卖得格外好。\n"
    )
    first, second = read(text)
    assert first.byline == ("吴倩",) and len(first.paragraphs) == 1
    assert second.byline == ("张立",) and second.paragraphs[0].startswith("清晨六点")


STORY = (
    "江城启动夏季河道保洁行动\n本报记者 吴倩\n"
    f"{IND}6月3日，江城启动夏季河道保洁行动，组织保洁\n队伍对主城区二十条河道开展集中清理，打捞水\n面漂浮物，清运河岸垃圾。\n"
)
BELOW = f"{IND}保洁队伍每天清晨出发，沿河道逐段打捞漂浮物，\n清运河岸垃圾，二十条河道的水面比往年更清了。\n"


def test_an_unmarked_subheading_under_a_news_story_stays_in_it() -> None:
    """A short line set flush with no blank line above, under a signed news story that goes on
    below it in its own words: a subheading, not a headline over a story with no byline."""
    (f,) = read(f"{STORY}河道保洁见成效\n{BELOW}")
    assert f.headline == "江城启动夏季河道保洁行动" and len(f.paragraphs) == 3


def test_a_centred_headline_or_an_author_line_still_opens_an_article() -> None:
    """The same line set in the middle of the column (spaces before it, as a headline is set), or
    over its author's name alone (　　海尚飞), opens the next article."""
    first, second = read(f"{STORY} 河道保洁见成效\n{BELOW}")
    assert second.headline == "河道保洁见成效"
    first, second = read(f"{STORY}河道保洁见成效\n{IND}吴倩\n{BELOW}")
    assert second.headline == "河道保洁见成效"


def test_an_unmarked_line_after_a_sign_off_or_over_a_lead_opens_an_article() -> None:
    """A sign-off closed the story above, or the text below opens as a news lead (近日，): the line
    is the next article's headline."""
    signed = STORY.replace("垃圾。\n", "垃圾。（吴倩）\n")
    first, second = read(f"{signed}河道保洁见成效\n{BELOW}")
    assert second.headline == "河道保洁见成效"
    lead = BELOW.replace("保洁队伍每天清晨出发", "近日，保洁队伍每天清晨出发")
    first, second = read(f"{STORY}河道保洁见成效\n{lead}")
    assert second.headline == "河道保洁见成效"


STORY_END = f"{IND}活动现场，不少家长带着孩子一起参与，现场\n气氛热烈。\n"
BRIEF_1 = f"{IND}■城南新增三处停车场 本报讯 近日，城南街道\n新建的三处停车场投入使用，新增车位两百余个。\n"
BRIEF_2 = f"{IND}■北湖公园夜间延长开放 6月3日，北湖公园夜间\n开放时间延长至十点，游客可在园内散步纳凉。\n"


def test_a_brief_columns_marked_label_opens_its_first_brief() -> None:
    """■简讯 on its own line under a finished paragraph: the label of the column below, over its
    first brief (headline run in before the lead), not the tail of the paragraph above."""
    first, second, third = read(f"{STORY_END}■简讯\n{BRIEF_1}{BRIEF_2}")
    assert first.paragraphs == ("活动现场，不少家长带着孩子一起参与，现场气氛热烈。",)
    assert second.first_line == 3 and "城南新增三处停车场" in second.paragraphs[0]
    assert third.paragraphs[0].startswith("■北湖公园夜间延长开放")


def test_a_brief_with_its_headline_run_in_before_a_dated_lead_is_a_brief_of_its_own() -> None:
    """■北湖公园夜间延长开放 6月3日，…: a marked headline run into its lead, under a brief."""
    first, second = read(f"本地快讯\n{BRIEF_1}{BRIEF_2}")
    assert second.paragraphs[0].startswith("■北湖公园")


def test_a_marked_headline_line_over_a_news_lead_under_a_brief_opens_the_next_brief() -> None:
    """□北湖公园夜间延长开放 on its own line, then 6月3日，…, under a brief of two lines: the
    column's next brief, not a marked subheading of the brief above."""
    text = (
        "□城南新增三处停车场\n"
        f"{IND}近日，城南街道新建的三处停车场投入使用，新\n增停车位两百余个，缓解了周边居民停车难。\n"
        "□北湖公园夜间延长开放\n"
        f"{IND}6月3日，北湖公园夜间开放时间延长至十点，市\n民可在园内散步纳凉，停车场同步开放。\n"
    )
    first, second = read(text)
    assert second.headline == "北湖公园夜间延长开放"


def test_a_marked_point_naming_a_time_in_an_article_stays_in_it() -> None:
    """■气象部门近日发布…: a marked point of the article, its time no news lead (no comma)."""
    text = STORY + f"{IND}■气象部门近日发布高温预警，提醒保洁队伍错\n峰作业，做好防暑降温。\n"
    (f,) = read(text)
    assert len(f.paragraphs) == 2


def test_a_photo_story_heading_under_the_running_head_is_no_masthead() -> None:
    """图片新闻 in a page's top lines, right under the running head: the heading of the photo
    story below (its name ends like a paper's, 新闻, but no paper is called so)."""
    text = (
        "A07　文体　2026年6月1日 星期一\n\n图片新闻\n"
        f"{IND}近日，北湖公园荷花竞相绽放，吸引市民前来\n观赏拍照。（记者 吴倩 摄）\n"
        "城南新增三处停车场\n本报记者 张立\n"
        f"{IND}近日，城南街道新建的三处停车场投入使用，新\n增停车位两百余个。\n"
    )
    photo, story = read(text)
    assert photo.first_line == 3 and photo.kind.value == "photo"
    assert story.headline == "城南新增三处停车场"


def test_a_key_points_box_under_a_headlines_photo_caption_stays_with_its_article() -> None:
    """核心提示 under the headline's photo caption (its label no photographer's name under the
    caption): the caption, box, byline and body are one article."""
    box = f"核心提示\n{IND}历时两年，老城区42条背街小巷完成雨污分流\n改造。\n本报记者 吴倩\n"
    body = f"{IND}6月3日，随着最后一段管网接驳完成，老城区\n雨污分流改造工程全面完工。\n"
    caption = f"{IND}图为施工人员在老城区铺设管网。 张立 摄\n"
    (f,) = read(f"老城区雨污分流改造全面完工\n{caption}{box}{body}")
    assert f.headline == "老城区雨污分流改造全面完工" and f.byline == ("吴倩",)
    assert f.subheadline is not None and f.subheadline.startswith("历时两年")


# A signed story of one short paragraph, and a dated paragraph that follows one of its subheadings.
STORM_NIGHT = (
    "暴雨夜里的值班室\n本报记者 吴倩\n"
    f"{IND}入夜，预报员主动请缨到岗，与主班预报员并\n肩值守，全力迎战本轮暴雨过程。\n"
)
RADAR = f"{IND}22日上半夜，预报员发现雷达回波在西北部稳\n定少动，暴雨过程随即加强，值守的预报员立\n即会商。\n"


def test_numbered_subheadings_stay_in_their_article() -> None:
    """一、 over a dated paragraph under a short story is the story's first subheading (a number is
    no brief's mark); 二、 goes on with the list whatever words the text below it uses."""
    text = (
        STORM_NIGHT + "一、雷达回波稳定少动\n" + RADAR + "二、提前叫应责任人\n"
        f"{IND}凌晨两点，乡镇干部接到电话后挨家挨户敲门，\n转移低洼处群众三百余人。\n"
    )
    (f,) = read(text)
    assert len(f.paragraphs) == 5


NEXT = (
    "城南新增三处停车场\n本报记者 张立\n"
    f"{IND}近日，城南街道新建的三处停车场投入使用，新\n增停车位两百余个。\n"
)


@pytest.mark.parametrize(
    ("tail", "credit"),
    [("", "新华社记者 石磊 摄\n"), ("", "记者谢环驰摄\n"), (" 图/李长培 记", "者 石磊 摄\n")],
)
def test_a_photo_credit_line_under_a_long_caption_closes_it(tail: str, credit: str) -> None:
    """The photographer's credit on its own line (新华社记者 石磊 摄), or the rest of one cut at the
    line end (…图/李长培 记 / 者 石磊 摄), under a caption ending a long paragraph: it ends that
    paragraph, and opens nothing (no article, no headline of the next, not the next one's byline)."""
    caption = (
        f"{IND}连日来，江城各区组织农机抢收小麦，农技人员\n深入田间指导农户错峰收割、及时晾晒，全市已\n"
        "收获小麦四十余万亩，夏种同步推进，各地农机\n"
        f"服务队昼夜作业。图为农户在田间抢收。{tail}\n"
    )
    first, second = read(f"抢收小麦正当时\n{caption}{credit}{NEXT}")
    assert first.headline == "抢收小麦正当时" and first.last_line == 6
    assert second.headline == "城南新增三处停车场" and second.byline == ("张立",)
    # the next story's headline lost: its byline, not the credit, opens it
    first, second = read(f"抢收小麦正当时\n{caption}{credit}{NEXT.split(chr(10), 1)[1]}")
    assert first.last_line == 6 and second.first_line == 7 and second.byline == ("张立",)


def test_a_short_headline_under_a_photo_credit_is_no_credit() -> None:
    """打开睡眠地图：今夜 under a paragraph signed by its photographer: a headline (its 图：今夜
    only looks like a credit's 图：name), not the rest of the credit."""
    text = (
        f"{IND}麦田收割完毕即刻旋耕整地、复播玉米，夏收夏种压茬推进。图/张立 记者 吴倩 摄\n"
        "打开睡眠地图：今夜\n你的城市好梦了吗\n"
        f"{IND}当夜幕降临，有人靠着雪山安然入眠，有人在霓\n虹灯下辗转反侧。\n"
    )
    first, second = read(text)
    assert second.first_line == 2 and second.paragraphs[0].startswith("当夜幕降临")


@pytest.mark.parametrize("guest", ["本期嘉宾：", "【本期嘉宾】", "采访人："])
def test_a_guest_line_of_a_question_and_answer_piece_stays_in_it(guest: str) -> None:
    """本期嘉宾： (or 【本期嘉宾】, 采访人：) over the names of who answers below, after a column end
    under the piece's opening paragraph: it goes on with the piece, whatever words it shares."""
    text = (
        "入汛以后，如何看懂预警信号\n本报记者 吴倩\n"
        f"{IND}入汛以来，暴雨、雷电等预警信号频频发布。预\n警信号有哪些颜色，市民又该如何应对？带着\n"
        "读者关心的问题，记者走进市气象台。\n\n"
        f"{IND}{guest}\n{IND}江城大学大气科学学院教授、博士生导师王敏\n"
        f"{IND}省气候中心首席专家、正高级工程师李强\n{IND}市防汛抗旱指挥部办公室副主任张立\n"
    )
    (f,) = read(text)
    assert len(f.paragraphs) == 5


def test_an_unmarked_subheading_in_a_feature_with_no_byline_stays_in_it() -> None:
    """A feature (a headline, no byline or dateline) goes on under a short line set flush with no
    blank line above: the line is its subheading, as in a signed news story."""
    feature = STORY.replace("本报记者 吴倩\n", "")
    (f,) = read(f"{feature}河道保洁见成效\n{BELOW}")
    assert f.headline == "江城启动夏季河道保洁行动" and len(f.paragraphs) == 3


def test_a_key_points_box_under_an_unfinished_deck_stays_with_its_article() -> None:
    """核心提示 right under a long deck with no full stop: the label stands alone (it is no wrapped
    piece of the deck), and deck, box, byline and body are one article."""
    deck = (
        "两年攻坚，四十二条背街小巷告别“逢雨必涝”，雨天积水点全部销号，居民出行更安心更方便了"
        "，改造后的管网还为老城区今后的有机更新预留了空间\n"
    )
    box = f"核心提示\n{IND}历时两年，老城区42条背街小巷完成雨污分流\n改造。\n本报记者 吴倩\n"
    body = f"{IND}6月3日，随着最后一段管网接驳完成，老城区\n雨污分流改造工程全面完工。\n"
    (f,) = read(f"老城区雨污分流改造全面完工\n{deck}{box}{body}")
    assert f.headline == "老城区雨污分流改造全面完工" and f.byline == ("吴倩",)
    assert f.paragraphs[0].startswith("6月3日")


@pytest.mark.parametrize("label", ["■简讯", "□新闻速递"])
def test_a_brief_columns_label_under_a_photo_credit_is_no_photographer(label: str) -> None:
    """■简讯 (or □新闻速递) right under a paragraph signed by its photographer: the label of the column
    below, not the photographer's name (a short line under a caption, 张宣, is one)."""
    text = f"{IND}北湖公园荷花竞相绽放，吸引市民前来观赏拍\n照。图/张立\n{label}\n{BRIEF_1}{BRIEF_2}"
    first, second, third = read(text)
    assert second.first_line == 3 and third.paragraphs[0].startswith("■北湖公园")


def test_a_marked_subheading_over_a_dated_paragraph_under_a_signed_short_lead_stays() -> None:
    """▶雷达回波稳定少动 over 22日上半夜，… under a story of one short paragraph with its own
    byline line: the story's subheading (a brief of a column has no byline line of its own)."""
    text = STORM_NIGHT + "▶雷达回波稳定少动\n" + RADAR
    (f,) = read(text)
    assert len(f.paragraphs) == 3


NIGHT_MARKET = (
    "老街夜市重新开张\n本报记者 吴倩\n"
    f"{IND}6月5日晚，停业整修半年的老街夜市重新开张，\n两百多个摊位沿街排开，小吃、文创、手作应\n"
    "有尽有，前来逛街的市民把街道挤得满满当当。\n"
)


def test_an_unmarked_subheading_over_a_paragraph_on_new_words_stays_in_the_story() -> None:
    """A subheading turns to one side of the story (a stall keeper), and the paragraph under it
    shares few words with the one above (0.05 of bigrams): still above what two sides of a column
    end share when they are one article, so the short line stays the story's subheading."""
    below = (
        f"{IND}卖烤肠的小周去年从外地回到家乡，拿出积攒\n多年的钱租下摊位。他说，在家门口创业，\n"
        "心里踏实，父母也放心。\n"
    )
    (f,) = read(f"{NIGHT_MARKET}摊主多是返乡青年\n{below}")
    assert f.headline == "老街夜市重新开张" and f.paragraphs[1] == "摊主多是返乡青年"


def test_a_short_line_over_a_paragraph_on_other_words_still_opens_an_article() -> None:
    """The same short line, no blank line above, but the paragraph under it shares nothing with
    the story above: a headline over a story with no byline."""
    below = f"{IND}今年以来，全县新建高标准农田三万亩，配套\n灌溉渠道全部投用，粮食单产稳步提高。\n"
    first, second = read(f"{NIGHT_MARKET}高标准农田建设提速\n{below}")
    assert second.headline == "高标准农田建设提速"


STALL_KEEPER = (
    f"{IND}卖烤肠的小周去年从外地回到家乡，拿出积攒\n多年的钱租下摊位。他说，在家门口创业，\n"
    "心里踏实，父母也放心。\n"
)
SHOPS = (
    f"{IND}夜市开张后，街边的奶茶店、水果店晚上也\n热闹起来。一家水果店的店主说，夜里的生意\n"
    "比白天还好，摊位前常常排起长队。\n"
)


def test_a_second_subheading_under_a_column_end_blank_line_stays_in_the_story() -> None:
    """The story took in one short flush subheading; a column end leaves a blank line above the
    next one, of about the same length, over text on the story's words: its sibling, not a
    headline."""
    (f,) = read(f"{NIGHT_MARKET}摊主多是返乡青年\n{STALL_KEEPER}\n周边小店跟着热闹\n{SHOPS}")
    assert f.headline == "老街夜市重新开张" and f.paragraphs[3] == "周边小店跟着热闹"


def test_a_short_line_under_a_blank_line_with_no_sibling_above_opens_an_article() -> None:
    """With no subheading in the story above, a blank line over a short flush line keeps it a
    headline (features open so, over a story with no byline)."""
    first, second = read(f"{NIGHT_MARKET}\n周边小店跟着热闹\n{SHOPS}")
    assert second.headline == "周边小店跟着热闹"


def test_a_marked_subheading_under_a_short_lede_stays_with_little_in_common() -> None:
    """■万一被咬别慌张 under a feature's two-sentence lede: the advice below shares one word with
    the lede (山林) and opens with no news lead, so the marked line is the feature's subheading."""
    text = (
        "入夏防蛇有讲究\n"
        f"{IND}天气转热，山林里的蛇也多了起来。专家提醒，\n进山游玩要穿长裤长袖，走大路，别往草丛\n深处钻。\n"
        "■万一被咬别慌张\n"
        f"{IND}被咬后要保持冷静，尽量少走动，用绷带在伤\n口上方扎紧，记下蛇的样子，离开山林尽快去医院\n"
        "注射血清。\n"
    )
    (f,) = read(text)
    assert f.headline == "入夏防蛇有讲究" and f.paragraphs[1] == "■万一被咬别慌张"
