"""The page-reading stage under hypothesis: ``pipeline.read`` on an issue of arbitrary pages raises
nothing but the documented input errors (``SyndicateError`` subclasses), and what it returns holds
together (ids unique, every part on a page of the issue). Two generators: random unicode, and page
text built from the grammar of printed pages (indents, headlines, bylines, datelines, jump
markers in every spelling, blank lines, brackets). Bounded: 300 examples each, no deadline.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.issues import issue

from syndicate import pipeline
from syndicate.errors import SyndicateError

IND = "\u3000\u3000"
CN = "〇一二三四五六七八九十"
WORDS = st.text(
    alphabet=st.sampled_from("新区会议强调要推动工作发展建设人民群众经济社会文化，。、；：“”（）《》"),
    min_size=1,
    max_size=40,
)
LABEL = st.one_of(
    st.sampled_from(["一", "二", "三", "十二", "A2", "2", "02", "Ⅱ", ""]), st.text(alphabet=CN, max_size=3)
)
JUMP = st.builds(
    lambda open_, dirn, label, close: f"{open_}{dirn}第{label}版{close}",
    st.sampled_from(["（", "(", "【", "", "〔"]),
    st.sampled_from(["下转", "上接", "转", "接", "紧接", "下接"]),
    LABEL,
    st.sampled_from(["）", ")", "】", "", "〕"]),
)
LINE = st.one_of(
    st.builds(lambda w: " " + w, WORDS),  # headline
    st.builds(lambda w: IND + w, WORDS),  # paragraph start
    WORDS,  # wrapped line
    st.builds(
        lambda names: f" {IND}□记者 {names} 报道", st.text(alphabet="王李张刘陈杨 ", min_size=1, max_size=12)
    ),
    st.builds(lambda m, d, w: f"{IND}本报{m}月{d}日讯 {w}", st.integers(0, 13), st.integers(0, 32), WORDS),
    st.builds(lambda j: IND + j, JUMP),
    st.builds(lambda w, j: IND + w + j, WORDS, JUMP),
    st.builds(lambda w, j: w + j, WORDS, JUMP),
    st.just(""),
    st.just(" "),
    st.sampled_from(
        ["（图片）", "□", "■", "——", "（完）", "【】", "（", "）", "图为", "本版编辑 王", "第一版"]
    ),
    st.text(alphabet=" \u3000\t", max_size=6),
)
GRAMMAR_PAGE = st.lists(LINE, max_size=60).map("\n".join)
UNICODE_PAGE = st.text(max_size=2000)


def read_holds(pages: list[str]) -> None:
    try:
        reading = pipeline.read(issue(pages))
    except SyndicateError:
        return  # a documented input error
    ids = [a.id for a in reading.articles]
    assert len(ids) == len(set(ids))
    numbers = set(range(1, len(pages) + 1))
    for article in reading.articles:
        assert {part.page for part in article.parts} <= numbers


FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.lists(UNICODE_PAGE, min_size=1, max_size=3))
def test_random_unicode_pages(pages: list[str]) -> None:
    read_holds(pages)


@FUZZ
@given(st.lists(GRAMMAR_PAGE, min_size=1, max_size=4))
def test_pages_from_the_grammar_of_printed_pages(pages: list[str]) -> None:
    read_holds(pages)
