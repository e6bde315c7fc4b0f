"""Ids follow content, not position: a new reading of an issue matched to its stored articles.

Each case reads an issue twice: the articles of the second reading are numbered by position (as
``stitch`` numbers them), and ``identity.assign`` must give back the stored id of every article
that is still there, lightly corrected or moved, and a never-used id to every new one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from syndicate.model import Article, Part, Reading
from syndicate.store import identity

DAY = dt.date(2023, 10, 24)

# Five unrelated stories and two briefs that differ in a date and a figure.
STORIES = {
    "harbour": (
        "港区新航线开通",
        "本港今日开通至东南亚的第三条集装箱航线，每周两班，预计全年新增吞吐量八万标箱。",
    ),
    "school": (
        "城西新建小学秋季招生",
        "城西片区新建的第二实验小学九月开学，首批设二十四个班，可容纳学生一千余人。",
    ),
    "bridge": (
        "跨河大桥完成荷载试验",
        "跨河大桥主体工程日前完成静载和动载试验，各项指标符合设计要求，年底前通车。",
    ),
    "market": (
        "农贸市场改造后重新开业",
        "改造后的中心农贸市场重新开业，摊位统一规划，增设了快检室和冷链储存区。",
    ),
    "library": (
        "图书馆延长夜间开放时间",
        "市图书馆自下月起每晚开放至二十一时，新增自习座位三百个，节假日照常开放。",
    ),
}
BRIEF_A = ("道路施工提示", "因管网改造，海滨路自10月25日至10月27日夜间封闭施工，请车辆绕行长江路。")
BRIEF_B = ("道路施工提示", "因管网改造，海滨路自10月28日至10月30日夜间封闭施工，请车辆绕行长江路。")


def art(text: tuple[str, str], page: int, order: int, complete: bool = True) -> Article:
    headline, body = text
    return Article(
        id=f"{DAY:%Y%m%d}-{page:02d}{order:02d}",
        date=DAY,
        section="要闻",
        headline=headline,
        headline_derived=False,
        kicker=None,
        subheadline=None,
        byline=(),
        dateline=None,
        paragraphs=(body,),
        parts=(Part(page, order, 1, 5, body[:20], body[-20:]),),
        complete=complete,
    )


@dataclasses.dataclass(frozen=True)
class Kept:
    article: Article
    withdrawn: bool = False


def reading(*texts: tuple[str, str], page: int = 1) -> Reading:
    return Reading(DAY, tuple(art(t, page, n) for n, t in enumerate(texts, 1)), ())


def stored(r: Reading) -> list[Kept]:
    return [Kept(a) for a in r.articles]


def ids_by_headline_and_body(r: Reading) -> dict[str, str]:
    return {a.paragraphs[0]: a.id for a in r.articles}


S = STORIES


def test_an_article_inserted_at_the_top_leaves_every_other_id_alone() -> None:
    first = reading(S["harbour"], S["school"], S["bridge"])
    second = identity.assign(reading(S["market"], S["harbour"], S["school"], S["bridge"]), stored(first))
    before, after = ids_by_headline_and_body(first), ids_by_headline_and_body(second)
    for body, ident in before.items():
        assert after[body] == ident
    new = after[S["market"][1]]
    assert new not in before.values()


def test_a_removed_article_takes_no_id_with_it_and_the_rest_keep_theirs() -> None:
    first = reading(S["harbour"], S["school"], S["bridge"])
    second = identity.assign(reading(S["school"], S["bridge"]), stored(first))
    assert ids_by_headline_and_body(second) == {
        S["school"][1]: "20231024-0102",
        S["bridge"][1]: "20231024-0103",
    }


def test_reordered_articles_keep_their_ids() -> None:
    first = reading(S["harbour"], S["school"], S["bridge"], S["market"])
    second = identity.assign(reading(S["market"], S["bridge"], S["harbour"], S["school"]), stored(first))
    assert ids_by_headline_and_body(second) == ids_by_headline_and_body(first)


def test_a_correction_of_a_few_characters_keeps_the_id() -> None:
    first = reading(S["harbour"], S["school"])
    headline, body = S["school"]
    corrected = (headline, body.replace("二十四", "二十六").replace("一千余人", "一千二百余人"))
    second = identity.assign(reading(S["library"], S["harbour"], corrected), stored(first))
    assert {a.headline: a.id for a in second.articles}[headline] == "20231024-0102"


def test_two_near_identical_briefs_each_keep_their_own_id() -> None:
    first = reading(BRIEF_A, S["harbour"], BRIEF_B)
    a_id, b_id = first.articles[0].id, first.articles[2].id
    # swapped, one corrected by a character, and a third near-identical brief inserted before them
    brief_c = (BRIEF_A[0], BRIEF_A[1].replace("25日至10月27日", "31日至11月2日"))
    corrected_b = (BRIEF_B[0], BRIEF_B[1].replace("长江路", "黄河路"))
    second = identity.assign(reading(brief_c, corrected_b, S["harbour"], BRIEF_A), stored(first))
    got = ids_by_headline_and_body(second)
    assert got[BRIEF_A[1]] == a_id
    assert got[corrected_b[1]] == b_id
    assert got[brief_c[1]] not in {a.id for a in first.articles}


def test_a_new_article_never_gets_an_id_an_earlier_article_had() -> None:
    first = reading(S["harbour"], S["school"])
    # the school story is withdrawn, then an unrelated story is printed where it was
    second = identity.assign(reading(S["harbour"]), stored(first))
    kept = [*stored(first)[:1], Kept(first.articles[1], withdrawn=True)]
    third = identity.assign(reading(S["harbour"], S["bridge"]), kept)
    assert second.articles[0].id == "20231024-0101"
    assert third.articles[1].id == "20231024-0102-n2"
    fourth = identity.assign(reading(S["harbour"], S["market"]), [*kept, Kept(third.articles[1], True)])
    assert fourth.articles[1].id == "20231024-0102-n3"


def test_a_withdrawn_article_printed_again_gets_its_id_back() -> None:
    first = reading(S["harbour"], S["school"])
    kept = [Kept(first.articles[0]), Kept(first.articles[1], withdrawn=True)]
    again = identity.assign(reading(S["school"], S["harbour"]), kept)
    assert ids_by_headline_and_body(again) == ids_by_headline_and_body(first)


def test_an_incomplete_article_completed_by_a_late_page_keeps_its_id() -> None:
    headline, body = S["bridge"]
    stub = dataclasses.replace(art((headline, body[:25]), 1, 1, complete=False))
    rest = (
        "大桥全长一千二百米，双向六车道，设计时速八十公里，通车后两岸通行时间将由四十分钟缩短至十分钟。" * 3
    )
    whole = dataclasses.replace(art((headline, body), 1, 1), paragraphs=(body[:25], body[25:], rest))
    got = identity.assign(Reading(DAY, (art(S["harbour"], 1, 1), whole), ()), [Kept(stub)])
    assert [a.id for a in got.articles] == ["20231024-0101-n2", "20231024-0101"]


def test_scores_separate_stories_and_forgive_corrections() -> None:
    a = art(S["harbour"], 1, 1)
    corrected = dataclasses.replace(a, paragraphs=(a.paragraphs[0].replace("第三条", "第四条"),))
    s = identity.scores([a, corrected], [a, art(S["school"], 1, 2)])
    assert s[0, 0] == 1.0 and s[1, 0] > 0.8
    assert s[0, 1] < 0.2 and s[1, 1] < 0.2


def test_an_issue_with_nothing_stored_keeps_the_positional_ids() -> None:
    r = reading(S["harbour"], S["school"])
    assert identity.assign(r, []) == r
