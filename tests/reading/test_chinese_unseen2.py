"""More conventions of Chinese papers the reader was not tuned on (issue 11), read on pages laid out
as metro, party, evening and provincial papers print them. Every line is our own, in their image."""

from __future__ import annotations

from syndicate.model import Fragment
from syndicate.normalize import blocks
from syndicate.segment import split

IND = "\u3000\u3000"


def read(text: str) -> list[Fragment]:
    fragments, _ = split(1, blocks(text))
    return fragments


def test_a_features_scene_lede_keeps_its_dated_news_peg() -> None:
    """A feature opens on a scene (晨雾未散，码头已是一片忙碌。), then gives the news in a
    paragraph opening on its date, in other words: one article, not a headless one after it."""
    text = (
        "码头上的“早班车”\n本报记者 吴倩\n"
        f"{IND}晨雾未散，江畔码头已是一片忙碌。吊臂起落\n间，一只只集装箱稳稳落上货轮甲板——这座\n老港口的清晨，比潮水来得更早。\n"
        f"{IND}6月3日至5日，“港通天下”主题采访活动走\n进江城港务集团，记者走上码头，实地探访智\n慧调度中心与无人集卡试验区，了解内河航运\n转型升级的最新进展。\n"
    )
    (f,) = read(text)
    assert f.headline == "码头上的“早班车”" and len(f.paragraphs) == 2


def test_a_briefs_dated_paragraph_after_it_still_opens_the_next_brief() -> None:
    """The paragraph above opens as news does (本报讯 近日，…): a brief, not a scene."""
    text = (
        "本地简讯\n"
        f"{IND}本报讯 近日，市图书馆暑期少儿阅读季启动，\n全市二十家分馆同步开展绘本共读、科普讲座\n等活动，预计惠及少年儿童两万余人次。\n"
        f"{IND}6月3日，城南街道组织辖区商户开展消防演\n练，百余名商户参加，消防员现场讲解灭火器\n使用方法和火灾逃生要点。\n"
    )
    first, second = read(text)
    assert second.paragraphs[0].startswith("6月3日，城南街道")


def test_a_long_summary_deck_between_headline_and_byline() -> None:
    """A front page's summary deck (提要) under the headline, one long line with no full stop, then
    the byline: the byline opens the same article's body, the deck is its subtitle."""
    text = (
        "全市防汛工作会议召开\n"
        " 会议强调，要坚持人民至上、生命至上，立足防大汛抢大险救大灾，压紧压实各级防汛责任"
        "，全力保障人民群众生命财产安全王海出席并讲话李明主持\n"
        "本报记者 吴倩\n"
        f"{IND}6月3日，全市防汛工作会议召开。会议总结去\n年防汛工作，部署今年主汛期防汛抗旱工作。\n"
    )
    (f,) = read(text)
    assert f.headline == "全市防汛工作会议召开" and f.byline == ("吴倩",)
    assert f.subheadline is not None and f.subheadline.startswith("会议强调")
    assert f.paragraphs[0].startswith("6月3日")


def test_a_signed_off_paragraph_under_a_headline_is_no_deck() -> None:
    text = (
        "端午香囊俏销\n"
        f"{IND}艾草、丁香、薄荷装进锦囊，一枚枚香囊承载着\n人们对安康生活的美好祝愿。（杜娟）\n"
        "本报记者 吴倩\n"
        f"{IND}6月3日，全市防汛工作会议召开。会议总结去\n年防汛工作，部署今年主汛期防汛抗旱工作。\n"
    )
    first, second = read(text)
    assert first.subheadline is None and second.byline == ("吴倩",)


CAPTION_TOP = f"{IND}图为志愿者在社区为老人测量血压。\n 记者 刘洋 摄\n"
DATED = f"{IND}本报讯（记者 杜娟）近日，市图书馆暑期少\n儿阅读季启动，全市二十家分馆同步开展活动。\n"


def test_a_caption_opening_the_page_goes_with_the_dated_article_below() -> None:
    """No article above for the caption to end: the headless dated story under it carries it."""
    (f,) = read(CAPTION_TOP + DATED)
    assert f.first_line == 1 and f.dateline == "本报讯"


def test_a_caption_opening_the_page_stays_apart_from_a_headlined_article() -> None:
    first, second = read(CAPTION_TOP + "市图书馆启动暑期阅读季\n" + DATED)
    assert second.headline == "市图书馆启动暑期阅读季" and second.first_line == 3


def test_a_long_list_of_contributors_in_brackets_closes_the_article() -> None:
    """（文/王芳 李强 …）: a bracket of names alone, longer than any other sign-off, ends the body;
    the kicker and headline below open the next article."""
    text = (
        "记录新时代的乡村变迁\n"
        f"{IND}一张张照片，定格下乡村振兴路上的动人瞬间，\n也记录着基层干部群众奋斗的足迹。\n"
        f"{IND}（摄影王芳李强陈思远张海涛刘佳赵敏孙志强\n周晓燕吴磊郑雅黄建国林芳何俊罗丹许文宋佳\n琪唐宁韩冰冯涛）\n"
        "新春走基层\n山村通了致富路\n本报记者 吴倩\n"
        f"{IND}近日，记者来到大山深处的石门村，一条崭新\n的水泥路蜿蜒而上，直通村民家门口。\n"
    )
    first, second = read(text)
    assert first.paragraphs[-1].endswith("冯涛）")
    assert second.headline == "山村通了致富路" and second.kicker == "新春走基层"


def test_a_paragraph_opening_on_a_connective_opens_no_article() -> None:
    """而在…, 此外，: the paragraph goes on from the one above, however few words they share."""
    text = (
        "南菜北种见成效\n"
        f"{IND}本报讯 甘蔗北上，一举多得：北方居民吃上了新\n鲜甘蔗，特色采摘也带火了乡村旅游，游客\n周末结伴前来，农家乐生意红火。\n\n"
        f"{IND}而在豫西山区，破解“茶树越冬”难题，带来\n的则是盘活荒坡、增收致富的全方位效益。十\n年前，这座山头还是一片乱石岗。\n"
    )
    (f,) = read(text)
    assert len(f.paragraphs) == 2
