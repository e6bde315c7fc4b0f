"""Conventions of Chinese papers the reader was not tuned on (issue 11), fourth round: tables set
with full-width spaces, and what a page prints around them. Every line is our own, in the image of
real pages (local tabloids, provincial dailies)."""

from __future__ import annotations

import pytest

from syndicate.model import Fragment, FragmentKind
from syndicate.normalize import blocks
from syndicate.segment import split

IND = "\u3000\u3000"


def read(text: str) -> list[Fragment]:
    fragments, _ = split(1, blocks(text))
    return fragments


def test_a_table_set_with_full_width_spaces_opens_no_article() -> None:
    """A story's table of figures, its cells parted by full-width spaces (U+3000 only, as a
    typesetter's export leaves them), under the story's last paragraph: the title and rows are no
    article, and the headline under the table opens the next one."""
    text = (
        "城南菜市场完成提升改造\n"
        "本报记者 吴倩\n"
        f"{IND}6月3日，城南菜市场提升改造完成，重新开门\n迎客，摊位由原来的80个增加到120个。\n"
        f"{IND}改造后的市场划分为蔬菜、肉类、水产等区域，\n价格公示屏实时更新。\n"
        "城南菜市场主要菜价一览\n"
        "品种\u3000\u3000价格\u3000\u3000涨跌\n"
        "青菜\u30003.2元\u30000.2%\n"
        "猪肉\u300026.5元\u30001.5%\n"
        "鲫鱼\u300018元\u30003%\n"
        "暑期托管班开班\n"
        "本报记者 张立\n"
        f"{IND}7月8日，青石街道暑期托管班开班，首批60名\n孩子报名参加。\n"
    )
    first, second = read(text)
    assert first.headline == "城南菜市场完成提升改造"
    assert second.headline == "暑期托管班开班"
    assert not any("菜价一览" in p or "猪肉" in p for p in first.paragraphs + second.paragraphs)


def test_a_running_head_with_the_date_in_figures_is_furniture() -> None:
    """The running head as some papers print it, the date in figures (滨海都市报 2026.06.02 A05,
    A03 综合 2026-06-02 星期二): furniture, so the headline under it opens the page's first article."""
    for head in ("滨海都市报 2026.06.02 A05", "A03 综合 2026-06-02 星期二", "江城晚报　2026/6/2　第3版"):
        text = (
            f"{head}\n\n"
            "老城区雨污分流改造全面完工\n"
            "本报记者 吴倩\n"
            f"{IND}6月3日，随着最后一段管网接驳完成，老城区\n雨污分流改造工程全面完工。\n"
        )
        (only,) = read(text)
        assert only.headline == "老城区雨污分流改造全面完工", head
        assert not any("2026" in p for p in only.paragraphs)


def test_a_date_in_figures_inside_text_is_no_running_head() -> None:
    """A body line holding a date in figures with words around it stays text."""
    text = (
        "老城区雨污分流改造全面完工\n"
        "本报记者 吴倩\n"
        f"{IND}工程自2026.03.01开工，至6月3日全面完工，\n老城区42条背街小巷雨天不再积水。\n"
    )
    (only,) = read(text)
    assert "2026.03.01" in only.paragraphs[0]


def test_a_source_credit_cut_by_the_column_end_closes_the_article() -> None:
    """综合新华社 / 等报道: the credit, cut at a full line's end, goes on in the next line; the rest
    of it is no kicker of the next article."""
    text = (
        "老城区雨污分流改造全面完工\n"
        "本报记者 吴倩\n"
        f"{IND}6月3日，老城区雨污分流改造\n完成，雨天积水点全部销号。此\n外，管网还将纳入年度考核，定\n"
        "期通报进展情况。综合新华社\n等报道\n"
        "城南菜市场重新开门\n"
        "本报记者 张立\n"
        f"{IND}7月8日，城南菜市场重新开门，\n摊位增加到120个。\n"
    )
    first, second = read(text)
    assert first.paragraphs[-1].endswith("综合新华社等报道")
    assert second.headline == "城南菜市场重新开门" and second.kicker is None


def test_a_whole_credit_on_its_own_line_keeps_the_photo_story_under_it_apart() -> None:
    """据江城日报客户端 on a short line of its own is whole: 图片新闻 under it heads a photo story."""
    text = (
        "老城区雨污分流改造全面完工\n"
        "本报记者 吴倩\n"
        f"{IND}6月3日，老城区雨污分流改造\n完成，雨天积水点全部销号。\n"
        "据江城日报客户端\n"
        "图片新闻\n"
        "图为城南菜市场重新开门迎客。（记者 张立 摄）\n"
    )
    first, second = read(text)
    assert first.paragraphs[-1].endswith("据江城日报客户端")
    assert second.kind is FragmentKind.PHOTO and second.first_line == 6


def test_a_photographers_line_under_a_short_caption_is_no_byline() -> None:
    """The caption under the headline has no 图为 and its credit sits on a line of its own
    (通讯员 雷然敏 摄), above the wire dateline: one article, the photographer no byline."""
    text = (
        f"{IND}活动现场，不少家长带着孩子一起参与。\n"
        "城南菜市场重新开门迎客\n"
        "6月4日，城南菜市场内，商户正在摆放\n蔬菜。\n"
        "通讯员 雷然敏 摄\n"
        f"{IND}新华社昆明6月4日电（记者 徐英慧）城南菜市\n场4日重新开门，摊位增加到120个。\n"
    )
    first, second = read(text)
    assert second.headline == "城南菜市场重新开门迎客"
    assert second.byline == ("徐英慧",)


STORY_ABOVE = (
    "青山区老旧小区完成改造\n本报记者 吴倩\n"
    f"{IND}6月3日，青山区老旧小区改\n造完成，居民们纷纷表示，生\n活更加便利。\n"
)


def test_a_short_speakers_headline_ending_in_a_colon_opens_an_article() -> None:
    """专家： (a speaker in four characters or fewer, the colon ending the line) over the quote's
    line and the byline: the headline of the next article, not the end of the text above."""
    text = STORY_ABOVE + (
        f"\n专家：\n城南菜市场提价属正常波动\n文/张立 李明\n{IND}7月8日，城南菜市场部分\n蔬菜价格上涨。\n"
    )
    first, second = read(text)
    assert first.paragraphs[-1].endswith("活更加便利。")
    assert second.headline == "专家：城南菜市场提价属正常波动"
    assert second.byline == ("张立", "李明")


@pytest.mark.parametrize("jump", ["", "\u3000\u3000（下转A03版）\n"])
def test_a_caption_after_a_finished_sentence_goes_with_the_article_below_on_a_page_with_no_indent(
    jump: str,
) -> None:
    """No paragraph indents (a tabloid's layout): 图为… under the last sentence of a story, its
    credit ending it, then 本报讯（…）: the caption opens the article below; it is no wrap of the
    paragraph above, however full its line. A jump line or two indented do not make the page one
    with indents."""
    text = (
        "青山区老旧小区完成改造\n"
        "本报讯（记者 吴倩）6月3日，青山区老旧小区改造完\n"
        "成，居民们纷纷表示，生活更加便利，一派新景象。\n"
        f"{jump}"
        "图为城南菜市场商户在新开的摊位前整理蔬\n"
        "菜。（本报记者 胡勇琳 摄）\n"
        "本报讯（记者 谭泽洋 通讯员 白建）城南菜市场\n"
        "重新开门，摊位由原来的80个增加到120个。\n"
    )
    first, second = read(text)
    assert first.paragraphs[-1].endswith("一派新景象。")
    assert second.first_line == 4 + jump.count("\n") and second.byline == ("谭泽洋", "白建")
    assert any(p.startswith("图为") for p in second.paragraphs)


def test_a_headline_over_a_caption_with_no_opening_word_heads_the_article() -> None:
    """A short headline, then its photo's caption with no 图为 (its credit, 记者 陈晨 摄, on a line
    of its own), then the wire dateline: the line over the caption is the next article's headline,
    not the end of the text above."""
    text = STORY_ABOVE + (
        "楼市问答\n"
        "7月8日，城南新盘售楼处内，购房者正在咨询。\n"
        "记者 陈晨 摄\n"
        f"{IND}新华社杭州7月8日电（记者 曾楠）7月以来，\n城南新盘成交量比上月增长两成。\n"
    )
    first, second = read(text)
    assert first.paragraphs[-1].endswith("活更加便利。")
    assert second.headline == "楼市问答"
    assert second.byline == ("曾楠",)


def test_a_captions_first_line_over_its_credit_is_no_headline() -> None:
    """A caption's first line (6月4日，商户们正在) over the rest of it and its credit: no headline,
    even though it ends no sentence; the caption stays whole above the article's byline."""
    text = STORY_ABOVE + (
        "6月4日，城南菜市场商户们正在\n"
        "整理蔬菜。（本报记者 汤兰宇/摄）\n"
        "□记者 毛泽 报道\n"
        f"{IND}本报6月4日讯 城南菜市场重新开门，\n摊位增加到120个。\n"
    )
    fragments = read(text)
    assert all(f.headline != "6月4日，城南菜市场商户们正在" for f in fragments)
