"""A front page's own furniture (issue 11 item 8): the masthead of an e-paper's page file (the
paper's name in Latin capitals, the label with its section after a colon) and the index box
(导读) that points inside. They are read as blank lines: no article, no headline of one."""

from __future__ import annotations

import pytest

from syndicate.lead import derive_headline
from syndicate.normalize import blocks

IND = "\u3000\u3000"
HEAD = "推动制造业高质量发展\n我市出台二十条措施支持企业技术改造\n"
BODY = (
    f"{IND}本报讯（记者 陈晓明）7月8日，记者从市工业和信息化\n局获悉，我市近日印发若干措施，从资金\n"
    f"奖补、融资服务等方面提出二十条具体措\n施。\n"
)
NEXT = f"防汛救灾\n全市转移群众3200余人\n{IND}本报讯（记者 刘洋）受强降雨影响，我\n市多个镇街出现内涝。\n"


def _texts(text: str) -> list[str]:
    return [b.text for b in blocks(text)]


@pytest.mark.parametrize(
    "masthead",
    [
        "东江日报\nDONGJIANG DAILY\n2026年7月9日 星期四\n农历六月初五\n今日12版\n第A01版：要闻",
        "NANFANG RIBAO\n南方日报\n2026年7月9日 星期四",
        "第01版：要闻",
        "A03版：综合新闻\n2026年7月9日 星期四",
    ],
)
def test_a_masthead_with_the_latin_name_and_the_label_after_a_colon(masthead: str) -> None:
    texts = _texts(f"{masthead}\n{HEAD}{BODY}")
    assert texts[0] == "推动制造业高质量发展"
    assert not any("DAILY" in t or "RIBAO" in t or "版：" in t for t in texts)


def test_a_colon_label_inside_the_page_is_text() -> None:
    # Only the running head's lines: a deck inside the page may name a page and a section.
    text = f"{HEAD}{BODY}{NEXT}" * 2 + "第3版：综合新闻\n" + BODY
    assert "第3版：综合新闻" in _texts(text)


@pytest.mark.parametrize(
    "box",
    [
        # entries under the box's head, indented as the column sets them
        f"{IND}■今日导读\n{IND}A02 我市上半年经济运行稳中有进\n{IND}A04 暑期托管服务覆盖全部城区学校\n",
        # no head, the label after a colon, no indent
        "2版：我市上半年经济运行稳中有进\n4版：暑期托管服务覆盖全部城区学校\n6版：东江新区重点项目集中开工\n",
        # the label after the headline, an entry wrapped by the narrow column
        "本期要目\n上半年经济运行稳中有进 ▶A02\n暑期托管服务覆盖全部城\n区学校 ▶A04\n",
        # one entry alone under its head
        "今日导读\n东江新区重点项目集中开工详见6版\n",
    ],
)
def test_an_index_box_is_no_article(box: str) -> None:
    texts = _texts(f"{HEAD}{BODY}{box}{NEXT}")
    assert texts == _texts(f"{HEAD}{BODY}{NEXT}")


@pytest.mark.parametrize(
    "line",
    [
        "A5 纯电动车型将于明年上市。",  # a sentence: body text
        "10%给予奖励，单个企业最高奖励",  # a wrapped body line opening with a figure
    ],
)
def test_body_lines_that_open_with_a_figure_stay(line: str) -> None:
    text = f"{HEAD}{IND}本报讯（记者 陈晓明）全市对技术改造投入\n超过500万元的企业，按设备投入的\n{line}\n1000万元。\n"
    assert any(line.split("，")[0] in t for t in _texts(text))


def test_a_single_line_naming_a_page_without_a_head_is_text() -> None:
    # A story's one-line pointer is no index box (and a headline may end with a page's label).
    text = f"{HEAD}{BODY}暑期托管服务覆盖全部城区学校 A04\n{BODY}"
    assert "暑期托管服务覆盖全部城区学校 A04" in " ".join(_texts(text))


@pytest.mark.parametrize(
    ("lead", "headline"),
    [
        (
            "■第三届数字经济博览会开幕\u30007月9日，第三届数字经济博览会在杭州开幕。",
            "第三届数字经济博览会开幕",
        ),
        ("▲全国夏粮收购进度过半\u3000据国家粮食和物资储备局消息，截至7月8日，", "全国夏粮收购进度过半"),
        ("今天下午，工委（区委）人才工作领导小组会议召开，深入学习", "工委（区委）人才工作领导小组会议召开"),
    ],
)
def test_a_briefs_headline_is_its_run_in_head_without_its_mark(lead: str, headline: str) -> None:
    assert derive_headline(lead) == headline
