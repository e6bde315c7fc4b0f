"""Slugs: section names as readable ASCII feed names."""

from __future__ import annotations

from syndicate.publish.slug import slugify, slugs


def test_slug_is_readable_ascii_pinyin() -> None:
    assert slugify("要闻") == "yaowen"
    assert slugify("第十二版") == "dishierban"
    assert slugify("A2 经济·Finance") == "a2-jingji-finance"
    assert slugify("···") == "section"


def test_slugs_are_distinct_configured_first_and_never_all() -> None:
    got = slugs(["要闻", "耀文", "all", "综合"], {"综合": "yaowen"})
    assert got["综合"] == "yaowen"
    assert got["all"] == "all-2"
    assert len(set(got.values())) == 4
    assert got == slugs(reversed(["要闻", "耀文", "all", "综合"]), {"综合": "yaowen"})  # order-free
