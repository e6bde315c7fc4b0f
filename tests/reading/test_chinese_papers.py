"""Pages of other Chinese papers (local tabloids, provincial dailies), in the seed page's layout:
narrow columns, full-width indents, blank lines wherever a column ends. Every line is our own."""

from __future__ import annotations

import datetime as dt

import pytest

from syndicate import pipeline, rules
from syndicate.model import Fragment, Issue, Page
from syndicate.normalize import blocks
from syndicate.segment import byline_names, split

IND = "\u3000\u3000"
DEEP = IND * 4  # a right-aligned credit


def read(text: str) -> list[Fragment]:
    fragments, _ = split(1, blocks(text))
    return fragments


def heads(text: str) -> list[str | None]:
    return [f.headline for f in read(text)]


NIGHT_MARKET = (
    "夜市经济点亮城市烟火气\n"
    f"{IND}本报讯 入夏以来，江城各大夜市\n人气火爆，美食街、文创市集吸引大\n量市民游客前来打卡消费。\n"
    f"{IND}据统计，六月全市夜间消费额同\n比增长百分之十八。\n"
)
HOTLINE = (
    f"{IND}本报讯 昨天上午，市民张先生拨\n打本报热线反映，城东路一处井盖破\n损，存在安全隐患。记者随即与市政\n"
    "部门联系，维修人员当天下午完成了\n更换。\n"
)


def test_a_masthead_with_an_issue_number_is_furniture() -> None:
    text = "江城日报\n今日12版 第18236号\n2026年7月9日 星期四\n\n" + NIGHT_MARKET
    (f,) = read(text)
    assert (f.kicker, f.headline) == (None, "夜市经济点亮城市烟火气")


@pytest.mark.parametrize("credit", ["综合新华社、央视新闻等", "据《江城日报》", "（来源：《人民日报》）"])
def test_a_credit_ending_in_deng_or_a_title_closes_the_article(credit: str) -> None:
    text = (
        NIGHT_MARKET
        + f"{IND}{credit}\n\n暑期防溺水\n安全教育进社区\n{IND}本报讯 近日，市应急管理局联合\n各街道开展宣传活动。\n"
    )
    assert heads(text) == ["夜市经济点亮城市烟火气", "安全教育进社区"]


def test_a_reporters_name_alone_under_the_body_closes_the_article() -> None:
    text = NIGHT_MARKET + f"{IND}记者 吴倩\n\n市民热线\n" + HOTLINE
    first, second = read(text)
    assert first.byline == ("吴倩",) and first.last_line == 7
    assert second.headline == "市民热线" and second.byline == ()


def test_a_bracketed_sign_off_ends_the_paragraph_and_a_caption_goes_below() -> None:
    """（记者 吴倩） closes the article; the caption and its credit under it open the next one."""
    text = (
        NIGHT_MARKET
        + f"{IND}（记者 吴倩）\n图为市民在滨江夜市选购商品。\n{IND * 2}记者 刘洋 摄\n市民热线\n"
        + HOTLINE
    )
    first, second = read(text)
    assert first.paragraphs[-1] == "（记者吴倩）"
    assert second.headline == "市民热线" and second.byline == ()
    assert second.paragraphs[-1] == "图为市民在滨江夜市选购商品。 记者刘洋摄"
    assert second.first_line == 8


def test_captions_ending_an_article_no_sign_off_closed_stay_with_it() -> None:
    text = NIGHT_MARKET + f"{IND}图为市民在滨江夜市选购商品。记者 刘洋 摄\n\n市民热线\n" + HOTLINE
    first, second = read(text)
    assert first.paragraphs[-1].startswith("图为") and first.paragraphs[-1].endswith("摄")
    # The caption has its photographer: 市民热线 under it is the next article's head (not a name).
    assert second.first_line == 9 and second.headline == "市民热线"


def test_a_right_aligned_credit_stands_alone_and_an_unindented_dateline_starts_an_article() -> None:
    text = (
        "市民热线\n" + HOTLINE + f"{DEEP}（记者 赵敏）\n"
        "新华社北京7月8日电 国家统计局今天\n发布数据，上半年全国居民人均可支\n配收入实际增长百分之五点二。\n"
    )
    first, second = read(text)
    assert first.paragraphs[-1] == "（记者赵敏）"
    assert second.dateline == "新华社北京7月8日电" and second.paragraphs[0].startswith("国家统计局")


def test_a_photo_credit_is_no_byline_of_the_short_head_below() -> None:
    text = (
        NIGHT_MARKET + f"{IND}记者 吴倩\n上图：市民在新开通的社区巴士站候车。\n{DEEP}记者 刘洋 摄\n"
        f"城东社区巴士开通\n{IND}本报讯 昨天，城东社区巴士正式\n开通，线路全长八公里。\n"
    )
    first, second = read(text)
    assert first.byline == ("吴倩",)
    assert second.headline == "城东社区巴士开通" and second.byline == ()
    assert second.paragraphs[-1].startswith("上图：")


def test_an_interview_stays_one_article() -> None:
    text = (
        "专访市交通局局长李明：\n公交线网优化怎么做？\n"
        f"{IND}记者：今年公交线网优化的重点是\n什么？\n"
        f"{IND}李明：重点是打通断头路，增加微\n循环线路，让市民出门更方便。\n\n"
        f"{IND}问：市民最关心的换乘问题怎么\n解决？\n\n"
        f"{IND}答：我们将在十个枢纽站实现零距\n离换乘，减少步行距离。\n"
        "问：票价会调整吗？\n"
        f"{IND}答：票价保持不变，还将推出更多\n优惠。\n"
    )
    (f,) = read(text)
    assert f.headline == "专访市交通局局长李明：公交线网优化怎么做？" and f.byline == ()
    assert f.paragraphs[0] == "记者：今年公交线网优化的重点是什么？"


def test_a_credit_alone_at_the_page_end_closes_the_article_above() -> None:
    fragments, orphans = split(1, blocks(NIGHT_MARKET + "据新华社\n"))
    assert len(fragments) == 1 and not orphans
    assert fragments[0].last_line == 7


def test_a_sentence_ending_in_a_question_mark_after_a_full_line_is_no_headline() -> None:
    text = (
        f"菜价回落了吗？\n{IND}本报讯 连日来，记者走访了全市多\n个农贸市场发现，蔬菜价格明显回落，\n"
        "青菜每斤比上月便宜了五毛钱，土豆、\n西红柿等蔬菜的价格也都有所下降。\n现在买菜真的省了不少钱！\n"
        f"{IND}市场管理方介绍，本地蔬菜大量上\n市是价格回落的主要原因。\n"
    )
    (f,) = read(text)
    assert f.headline == "菜价回落了吗？"
    assert f.paragraphs[0].endswith("都有所下降。现在买菜真的省了不少钱！")


def test_a_question_headline_after_a_short_last_line_is_a_headline() -> None:
    text = NIGHT_MARKET + f"菜价回落了吗？\n{IND}市场管理方介绍，本地蔬菜大量上\n市是价格回落的主要原因。\n"
    assert heads(text) == ["夜市经济点亮城市烟火气", "菜价回落了吗？"]


@pytest.mark.parametrize(
    ("lines", "titles"),
    [
        (
            "聚焦防汛一线\n江城连夜转移群众三千人\n——记市应急管理局防汛突击队\n",
            ("聚焦防汛一线", "江城连夜转移群众三千人", "记市应急管理局防汛突击队"),
        ),
        (
            "江城连夜转移群众三千人\n——记市应急管理局防汛突击队\n队员十分钟内全部到岗\n",
            (None, "江城连夜转移群众三千人", "记市应急管理局防汛突击队 队员十分钟内全部到岗"),
        ),
        (
            "入汛以来最强降雨袭击江城\n连夜转移群众三千人\n突击队员十分钟内全部到岗投入抢险\n",
            (None, "入汛以来最强降雨袭击江城", "连夜转移群众三千人 突击队员十分钟内全部到岗投入抢险"),
        ),
    ],
)
def test_a_three_line_head_block(lines: str, titles: tuple[str | None, ...]) -> None:
    text = lines + f"{IND}本报讯（记者 赵敏）7日晚，江城\n遭遇今年入汛以来最强降雨。\n"
    (f,) = read(text)
    assert (f.kicker, f.headline, f.subheadline) == titles


@pytest.mark.parametrize(
    ("marker", "label"),
    [("（转第3版·要闻）", "3"), ("（下转第三版）", "三"), ("下转B02版", "B02"), ("（转08版）", "08")],
)
def test_jump_out_forms_of_other_papers(marker: str, label: str) -> None:
    m = rules.jump_out("队员们一趟趟往返于积水区和安置点之间。" + marker)
    assert m is not None and m.group("label") == label


@pytest.mark.parametrize(
    ("marker", "label"),
    [
        ("（紧接第1版）", "1"),
        ("（紧接1版）", "1"),
        ("（续第1版）", "1"),
        ("（上接第一版·要闻）", "一"),
        ("上接A01版", "A01"),
    ],
)
def test_jump_in_forms_of_other_papers(marker: str, label: str) -> None:
    m = rules.jump_in(marker + "据了解，4号线开通后，江城地铁运营里程将突破二百公里。")
    assert m is not None and m.group("label") == label and m.group(0) == marker


def test_captions_under_a_jump_head_stay_above_the_jump_in() -> None:
    """地铁4号线开通 / 图为… / 记者 刘洋 摄 / 紧接A01版 as the sixth line: one continuation."""
    text = (
        "地铁4号线开通\n图为市民在地铁4号线列车上。\n" + DEEP + "记者 刘洋 摄\n图为地铁4号线城南站。\n"
        f"{DEEP}记者 刘洋 摄\n{IND}紧接A01版\n{IND}据了解，4号线开通后，江城地铁运\n营里程将突破二百公里。\n"
    )
    (f,) = read(text)
    assert f.jump_in is not None and f.jump_in.label == "A01" and f.headline == "地铁4号线开通"
    assert f.paragraphs[0].startswith("据了解") and f.paragraphs[-1] == "图为地铁4号线城南站。 记者刘洋摄"


def test_a_caption_set_apart_above_a_headline_goes_with_the_article_below() -> None:
    """图为… printed with no indent under a finished paragraph, and its credit: the next article's."""
    text = NIGHT_MARKET + f"图为市民在滨江夜市选购商品。\n{DEEP}记者 刘洋 摄\n市民热线\n" + HOTLINE
    first, second = read(text)
    assert first.last_line == 6 and first.byline == ()
    assert second.first_line == 7 and second.headline == "市民热线"
    assert second.paragraphs[-1] == "图为市民在滨江夜市选购商品。 记者刘洋摄"


def test_a_running_head_with_the_pages_editor_is_furniture() -> None:
    text = f"2026年7月13日 星期一\nA05 城事 责任编辑：王芳\n\n楼市问答\n{IND}问：首套房贷利率现在是多少？\n{IND}答：最低为百分之三点一。\n"
    (f,) = read(text)
    assert f.headline == "楼市问答" and f.first_line == 4


NOODLES = (
    "网红面馆为何一碗难求\n"
    f"{IND}本报讯（记者 孙磊）城北老街一家面\n馆近来走红网络，每天中午门口都排起\n长队，不少外地游客专程赶来品尝。\n"
    f"■排队两小时只为一碗面\n{IND}昨天中午十一点，记者来到面馆门口，\n队伍已排出五十多米。来自邻市的游客\n小王说，他为这碗面早上七点就出发了。\n"
    f"■老板坚持手工现做\n{IND}面馆老板老李告诉记者，店里的面条\n全部手工现做，每天只卖三百碗面，卖完\n就关门。\n"
)


def test_marked_subheadings_stay_inside_their_article() -> None:
    (f,) = read(NOODLES)
    assert f.headline == "网红面馆为何一碗难求" and f.paragraphs[1] == "■排队两小时只为一碗面"


def test_marked_headlines_of_a_column_of_briefs_each_open_a_brief() -> None:
    text = (
        f"●市图书馆延长开放时间\n{IND}市图书馆暑期开放时间延长至晚上九\n点，少儿阅览室新增绘本三千册。\n"
        f"●西山林场开展防火巡查\n{IND}西山林场近日组织护林员开展森林防\n火巡查，检修防火监控设备二十余台。\n"
    )
    assert heads(text) == ["市图书馆延长开放时间", "西山林场开展防火巡查"]


def test_a_dateline_whose_indent_was_lost_still_opens_the_article() -> None:
    text = (
        NOODLES
        + "夜市经济点亮城市烟火气\n本报讯 入夏以来，江城各大夜市人气\n火爆，美食街、文创市集吸引大量市民\n游客前来打卡消费。\n"
    )
    first, second = read(text)
    assert second.headline == "夜市经济点亮城市烟火气" and second.dateline == "本报讯"


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("江城晚报记者 张三", ("张三",)),
        ("◎本报记者 张三 通讯员 李四", ("张三", "李四")),
        ("环球时报特约记者 张三", ("张三",)),
        ("□本报记者 张三/文 李四/图", ("张三", "李四")),
        ("文·图/本报记者 张三", ("张三",)),
    ],
)
def test_bylines_of_other_papers(line: str, names: tuple[str, ...]) -> None:
    assert rules.BYLINE_LINE.match(line) and byline_names(line) == names


@pytest.mark.parametrize(
    ("opening", "dateline"),
    [
        ("江城晚报讯 昨天上午", "江城晚报讯"),
        ("江城都市报7月8日讯 昨天", "江城都市报7月8日讯"),
        ("央视网消息：7月8日", "央视网消息"),
    ],
)
def test_datelines_of_other_papers(opening: str, dateline: str) -> None:
    m = rules.DATELINE.match(opening)
    assert m is not None and m.group("dateline") == dateline


def test_a_paper_named_in_a_sentence_is_no_dateline() -> None:
    assert not rules.DATELINE.match("江城日报社论指出，要把民生实事办好。")


@pytest.mark.parametrize("under", [f"{IND}记者 吴倩\n{IND}入夏以来，", f"{IND}本报讯 入夏以来，"])
def test_captions_between_a_headline_and_its_body_are_the_articles(under: str) -> None:
    text = (
        f"夜市经济点亮城市烟火气\n图为市民在滨江夜市选购商品。\n{DEEP}（记者 刘洋 摄）\n{under}江城各大夜市\n"
        f"人气火爆，美食街、文创市集吸引大\n量市民游客前来打卡消费。\n市民热线\n" + HOTLINE
    )
    first, second = read(text)
    assert first.headline == "夜市经济点亮城市烟火气" and first.paragraphs[0].startswith("入夏以来")
    assert "图为市民在滨江夜市选购商品。" in first.paragraphs and second.headline == "市民热线"


def test_a_headline_in_big_type_broken_into_two_short_lines_is_one() -> None:
    (f,) = read(f"防汛\n一线\n{IND}本报讯 连日来，江城各地党员干部\n坚守防汛一线，巡查堤防。\n")
    assert (f.kicker, f.headline, f.subheadline) == (None, "防汛一线", None)


def test_a_jump_head_over_the_continuations_unindented_text_stands_alone() -> None:
    """The continuation goes on mid-paragraph, so its first line has no indent; the jump head
    over it is well short of the column those lines fill."""
    text = "江城入选全国文明城市提名城市\n新建改建公园八十余个，城市面貌焕然\n一新。下一步，江城将对照测评体系，\n补齐短板弱项。\n"
    (f,) = read(text)
    assert f.headline == "江城入选全国文明城市提名城市" and f.paragraphs[0].startswith("新建改建")


def test_a_paragraph_whose_first_line_lost_its_indent_is_no_headline() -> None:
    text = f"{IND}市政府有关负责人出席会议。\n市文明办市住建局和各区县有关负责\n同志以及部分市民代表参加了会议\n并作了发言。\n"
    (f,) = read(text)
    assert f.headline is None and len(f.paragraphs) == 1


def test_a_continuation_with_no_jump_in_under_the_articles_own_headline_is_stitched() -> None:
    page1 = (
        f"江城入选全国文明城市提名城市\n{IND}本报讯（记者 陈晨）日前，中央文\n明办公布新一届全国文明城市提名城市\n"
        "名单，江城成功入选。市文明办负责人\n介绍，江城持续推进城市更新，（下转第2版）\n"
    )
    page2 = (
        "江城入选全国文明城市提名城市\n新建改建公园八十余个，城市面貌焕然\n一新。下一步，江城将对照测评体系，\n补齐短板弱项。\n"
        f"菜价回落了吗？\n{IND}本报讯 连日来，记者走访了全市多\n个农贸市场发现，蔬菜价格明显回落。\n"
    )
    pages = tuple(
        Page(n, f"p{n}", t, f"page-{n:02d}.txt", "utf-8", str(n)) for n, t in enumerate((page1, page2), 1)
    )
    r = pipeline.read(Issue(dt.date(2026, 7, 16), pages))
    assert [[(p.page, p.order) for p in a.parts] for a in r.articles] == [[(1, 1), (2, 1)], [(2, 2)]]


@pytest.mark.parametrize("note", ["本版图片除署名外均为新华社发", "本版稿件由江城发布提供"])
def test_the_pages_note_on_its_sources_is_furniture(note: str) -> None:
    fragments, orphans = split(1, blocks(NIGHT_MARKET + note + "\n"))
    assert len(fragments) == 1 and not orphans and fragments[0].last_line == 6


def test_a_reporters_name_in_brackets_ends_the_article_and_unindented_text_starts_another() -> None:
    text = (
        NIGHT_MARKET.replace("十八。\n", "十八。（吴倩）\n")
        + "市图书馆暑期开放时间延长至晚上九点，\n少儿阅览室新增绘本三千册，每周六上\n午举办亲子阅读讲座。\n"
    )
    first, second = read(text)
    assert first.paragraphs[-1].endswith("十八。（吴倩）") and second.paragraphs[0].startswith("市图书馆")


def test_an_interviewers_unindented_questions_are_no_headlines() -> None:
    text = (
        f"专访市交通局局长李明\n{IND}本报讯 近日，记者专访了市交通局局\n长李明。\n记者：今年的重点是什么？\n"
        f"{IND}李明：重点是打通断头路，增加微循\n环线路，让市民出门更方便。\n记者：票价会调整吗？\n"
        f"{IND}李明：票价保持不变，还将推出更多\n优惠。\n"
    )
    (f,) = read(text)
    assert f.headline == "专访市交通局局长李明" and "记者：票价会调整吗？" in "".join(f.paragraphs)


def test_a_columns_label_printed_indented_under_a_sign_off_heads_the_next_article() -> None:
    text = (
        NIGHT_MARKET + f"{IND}（完）\n{IND}短评\n让夜市烟火气长久留住\n"
        f"{IND}夜市是城市的名片。各地要在管理上\n多下功夫，让夜市既热闹又有序。\n（江文）\n"
    )
    first, second = read(text)
    assert (second.kicker, second.headline) == ("短评", "让夜市烟火气长久留住")
    assert second.paragraphs[0].startswith("夜市是城市的名片")


def test_a_short_indented_subheading_inside_an_article_stays_text() -> None:
    """Only under a sign-off is a short indented line a label: inside an article it is text."""
    text = NIGHT_MARKET.replace(f"{IND}据统计", f"{IND}夜市新玩法\n{IND}据统计")
    assert len(read(text)) == 1
