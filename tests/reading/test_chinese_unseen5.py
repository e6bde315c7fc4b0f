"""Conventions of Chinese papers the reader was not tuned on (issue 11), fifth round: continuation
heads over text that goes on mid-sentence, measured against the column. Every line is our own, in
the image of real pages (evening tabloids, party dailies, city papers)."""

from __future__ import annotations

from syndicate.model import Fragment
from syndicate.normalize import blocks
from syndicate.segment import split

IND = "\u3000\u3000"


def read(text: str) -> list[Fragment]:
    fragments, _ = split(1, blocks(text))
    return fragments


STORY_ABOVE = (
    "青山区老旧小区完成改造\n本报记者 吴倩\n"
    f"{IND}6月3日，青山区老旧小区改\n造完成，居民们纷纷表示，生\n活更加便利。\n"
)


def test_a_continuation_head_wider_than_the_column_stands_over_its_unindented_text() -> None:
    """The page-1 story goes on here mid-sentence with no jump-in line: its head, set across two
    columns, is wider than the column the unindented text under it fills, so it is no wrapped body
    line (a body line passes its column by one hanging mark at most) but the part's headline."""
    text = STORY_ABOVE + (
        "\n城南菜市场改造提升让居民买菜更方便\n"
        "位由原来的80个增加到120个，\n"
        "蔬菜、肉类、水产分区经营，价\n"
        "格公示屏实时更新。\n"
    )
    first, second = read(text)
    assert first.paragraphs[-1].endswith("活更加便利。")
    assert second.headline == "城南菜市场改造提升让居民买菜更方便"
    assert second.paragraphs[0].startswith("位由原来")


def test_a_line_wider_than_the_column_opening_on_a_closing_mark_is_body_text() -> None:
    """A paragraph read as finished at a bracketed span (…五年规划（2021—2025年）), then the next
    line of the same sentence, wider than the column: it opens on a closing mark, so it goes on."""
    text = (
        "开放实验室迎来五年评估\n本报记者 吴倩\n"
        f"{IND}对于这次评估，《江城市重点\n实验室建设五年规划（2021—2025年）\n"
        "实施方案》（以下简称《方案》）\n明确提出突出实验室对业务的\n实际贡献，推动实验室真正实\n现动态调整。\n"
    )
    (only,) = read(text)
    assert only.headline == "开放实验室迎来五年评估" and len(only.paragraphs) == 1


def test_a_continuation_head_over_an_unwrapped_paragraph_going_on_mid_sentence_stands_alone() -> None:
    """Text not wrapped (a paragraph a line): the continuation's head over the rest of a sentence,
    with no indent and no jump-in line. A wrapped line is never shorter than the line under it, so
    the short line is the head of the part below, not the start of its paragraph."""
    text = (
        "青山区老旧小区完成改造\n本报记者 吴倩\n"
        f"{IND}6月3日，青山区老旧小区改造完成，居民们纷纷表示，生活更加便利。\n"
        "城南菜市场重新开门迎客\n"
        "位由原来的80个增加到120个，蔬菜、肉类、水产分区经营，价格公示屏实时更新。\n"
        f"{IND}市场负责人介绍，改造期间商户在临时市场经营，没有一天停业。\n"
    )
    first, second = read(text)
    assert first.paragraphs[-1].endswith("生活更加便利。")
    assert second.headline == "城南菜市场重新开门迎客" and second.paragraphs[0].startswith("位由原来")


def test_a_short_head_over_a_photo_caption_under_a_story_is_a_photo_story() -> None:
    """A short line right under a story with no blank line, over a caption signed by its
    photographer: a photo story's head (美丽…, …忙), not a subheading of the story above, which
    would never head a caption."""
    for caption in (
        "村民们在青山脚下晒秋。（记者 陈晨 摄）",
        "图为青山脚下，村民们正在\n晒秋。 通讯员 胡勇 摄",
    ):
        text = STORY_ABOVE + f"美丽青山\n{caption}\n"
        first, second = read(text)
        assert first.paragraphs[-1].endswith("活更加便利。"), caption
        assert second.headline == "美丽青山" and "晒秋" in second.paragraphs[0], caption


NEXT_STORY = f"暑期托管班开班\n本报记者 张立\n{IND}7月8日，青石街道暑期托管班开\n班，首批60名孩子报名参加。\n"


def test_an_advertisements_label_takes_its_sentences_down_to_the_contact_line() -> None:
    """·广告· over a recruiting notice whose line is a finished sentence, then its phone number:
    all of it is the advertisement, though the sentence would end a paragraph."""
    ad = "·广告·\n招聘启事\n本公司招聘货车司机5名，待遇从优。\n电话：13912345678\n"
    first, second = read(STORY_ABOVE + "\n" + ad + NEXT_STORY)
    assert first.paragraphs[-1].endswith("活更加便利。") and second.headline == "暑期托管班开班"
    assert not any("招聘" in p or "广告" in p for f in (first, second) for p in f.paragraphs)


def test_a_classified_notice_is_no_article() -> None:
    """遗失声明 over its one or two lines ending in 特此声明。: a classified notice, no article."""
    for notice in (
        "遗失声明\n王丽不慎遗失身份证一张，特此声明。\n",
        "遗失声明\n江城市青石街道便民服务中心不\n慎遗失公章一枚，特此声明。\n",
    ):
        first, second = read(STORY_ABOVE + notice + NEXT_STORY)
        assert first.paragraphs[-1].endswith("活更加便利。"), notice
        assert second.headline == "暑期托管班开班", notice


def test_a_story_ending_on_the_notices_formula_keeps_it() -> None:
    """A story's own last paragraph ending 特此声明。 (quoting a statement) has no title over it."""
    text = STORY_ABOVE + f"{IND}物业公司当天张贴告示，称停水系\n管道抢修所致，特此声明。\n"
    (only,) = read(text)
    assert only.paragraphs[-1].endswith("特此声明。")


BODY_BELOW = f"本报记者 张立\n{IND}7月8日，青石街道暑期托管班开\n班，首批60名孩子报名参加。\n"


def test_a_caption_glued_under_the_last_sentence_goes_with_the_byline_below() -> None:
    """A story whose headline the page lost: its photo's caption printed right under the last
    sentence of the story above, its photographer on a line of his own (role, name, 摄), then the
    byline. The caption and its credit open the article below; the story above ends where it did."""
    text = STORY_ABOVE + "6月4日，托管班老师正在布置教室。\n特约摄影 苏英霞 摄\n" + BODY_BELOW
    first, second = read(text)
    assert first.paragraphs[-1].endswith("活更加便利。")
    assert second.first_line == 6 and second.byline == ("张立",)
    assert any(p.startswith("6月4日") and p.endswith("摄") for p in second.paragraphs)


def test_a_run_of_captions_above_a_byline_all_go_with_the_article_below() -> None:
    """Two photos' captions under a story, each ending on its credit (the second's credit on its
    own line, its role before the name): both belong to the article whose byline follows."""
    text = STORY_ABOVE + (
        "6月4日，托管班老师正在布置教室。（记者 陈晨 摄）\n图为孩子们在托管班阅读绘本。\n"
        "特约摄影 苏英霞 摄\n" + BODY_BELOW
    )
    first, second = read(text)
    assert first.paragraphs[-1].endswith("活更加便利。")
    assert second.first_line == 6 and second.byline == ("张立",)
    assert sum(1 for p in second.paragraphs if "摄" in p) == 2


def test_a_jump_head_over_the_last_words_of_a_sentence_is_told_by_the_column_above() -> None:
    """The continuation goes on with the last words of a sentence (口就能办好。) under its head, then
    a paragraph: the one line under the head tells no column, the lines above it do, and the head
    is well short of them; a wrapped line would fill the column."""
    text = STORY_ABOVE + f"\n菜场换新颜\n口就能买到。\n{IND}市场负责人介绍，改造期\n间商户在临时市场经营。\n"
    first, second = read(text)
    assert first.paragraphs[-1].endswith("活更加便利。")
    assert second.headline == "菜场换新颜" and second.paragraphs[0] == "口就能买到。"


def test_a_line_ending_on_a_latin_word_that_went_down_whole_is_no_head() -> None:
    """A line left short because the Latin word after it did not fit (上线Weather / Replay。),
    after a sentence that ended at a line's end: the line goes on the paragraph; no head."""
    text = STORY_ABOVE + f"{IND}近日，江城气象台发\n布新产品。\n上线Weather\nReplay。\n"
    (only,) = read(text)
    assert only.paragraphs[-1].endswith("Replay。")


def test_a_short_head_under_a_credited_caption_is_no_photographers_name() -> None:
    """A photo story's caption ending on its whole credit (…记者 / 高宁然 摄), then a short line
    over an indented byline: the caption has its photographer, so the line is the next article's
    head (新闻链接), not the name a credit-less caption (图为…。/ 张宣) would take."""
    text = "图片新闻\n2月3日，云岭村民正在抢收早稻。 记者 \n高宁然 摄\n新闻链接\n" + IND + BODY_BELOW
    photo, second = read(text)
    assert photo.paragraphs[-1].endswith("摄")
    assert second.headline == "新闻链接" and second.byline == ("张立",)


def test_a_head_under_a_sign_off_opens_an_article_whatever_its_text_opens_with() -> None:
    """（完） ends a brief: a headline under it opens the next one, though its text opens on a
    word that refers back (此外，): only under an unclosed article is such a line a subheading."""
    text = (
        "城南菜场今起恢复营业\n"
        f"{IND}本报讯 城南菜场改造完成，今\n起恢复营业，摊位增至120个。（\n完）\n"
        "公交专线延至晚十点\n"
        f"{IND}此外，市公交集团表示，夜班\n专线运营时间延长至晚上十点。\n"
    )
    first, second = read(text)
    assert first.paragraphs[-1].endswith("（完）")
    assert second.headline == "公交专线延至晚十点" and second.paragraphs[0].startswith("此外")
