"""Headlines derived from the lead of an article printed without one: an aside in brackets
(（以下简称…）), the detail a dash goes on to, and an editor's note's label are no part of them."""

from __future__ import annotations

import pytest

from syndicate.lead import derive_headline


@pytest.mark.parametrize(
    ("lead", "headline"),
    [
        (
            "6月3日，市发展改革委印发《城市更新三年行动方案》（以下简称《方案》），明确了十项重点任务。",
            "市发展改革委印发《城市更新三年行动方案》",
        ),
        (
            "7月1日，市委书记王建国在市委会见“全国优秀共产党员”称号获得者——市第一人民医院急诊科主任李明，并座谈。",
            "市委书记王建国在市委会见“全国优秀共产党员”称号获得者",
        ),
        ("编者按：老街的灯一盏盏亮起来，街坊们又回来了。", "老街的灯一盏盏亮起来"),
        ("编者按，风从海上来，雨从云中落。", "风从海上来，雨从云中落"),
        (
            "《城市防洪规划（2026—2035年）》出台，提出三步走目标。",
            "《城市防洪规划（2026—2035年）》出台",
        ),  # a title's own brackets stay
    ],
)
def test_derived_headlines(lead: str, headline: str) -> None:
    assert derive_headline(lead) == headline
