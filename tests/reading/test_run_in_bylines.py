"""Bylines run into the dateline with nothing but spaces around the names (本报讯 记者 周婷 暴雨过后，…):
the names are the byline, the lead starts after them. A time word after the role is no name."""

from __future__ import annotations

import pytest
from support.issues import issue

from syndicate import pipeline

IND = "\u3000\u3000"


def _article(first: str) -> tuple[list[str], str]:
    page = f"暴雨后\n这些食物别乱吃\n{IND}{first}\n家中的食物可能受潮变质。\n{IND}专家提醒，若出现腹泻、发热等症状，应\n及时就医。\n"
    (article,) = pipeline.read(issue([page])).articles
    return list(article.byline), article.paragraphs[0]


@pytest.mark.parametrize(
    ("first", "names"),
    [
        ("本报讯 记者 周婷 暴雨过后，部分市民", ["周婷"]),
        ("本报讯\u3000记者\u3000周婷\u3000暴雨过后，部分市民", ["周婷"]),
        ("本报讯 记者 周婷 王磊 通讯员 李想 暴雨过后，部分市民", ["周婷", "王磊", "李想"]),
    ],
)
def test_names_set_off_by_spaces_after_the_dateline(first: str, names: list[str]) -> None:
    byline, lead = _article(first)
    assert byline == names
    assert lead.startswith("暴雨过后，部分市民家中")


@pytest.mark.parametrize(
    "first", ["本报讯 记者 近日从市疾控中心获悉，部分市民", "本报讯 记者 今天 从市疾控中心获悉，部分市民"]
)
def test_a_time_word_after_the_role_is_no_name(first: str) -> None:
    byline, lead = _article(first)
    assert byline == []
    assert "从市疾控中心获悉" in lead
