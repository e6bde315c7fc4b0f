"""Each reading rule pinned by real-looking lines (one table per pattern)."""

from __future__ import annotations

import pytest

from syndicate import rules
from syndicate.segment import byline_names


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("□记者 李涛 报道", ("李涛",)),
        ("记者 张三 通讯员 李四", ("张三", "李四")),
        ("□本报记者 王五 赵六", ("王五", "赵六")),
        ("□文/图 记者 孙七", ("孙七",)),
        ("本报记者 刘钊", ("刘钊",)),
        ("■ 全媒体记者 周八", ("周八",)),
        ("本报通讯 员 张美丽", ("张美丽",)),
        ("本报记者 于明 通讯员 李璐黄安", ("于明", "李璐", "黄安")),  # names run together
        ("新华社记者 张晓 王明", ("张晓", "王明")),
        ("文/张三 图/李四", ("张三", "李四")),
        ("本报评论员 赵九", ("赵九",)),
    ],
)
def test_byline_lines(line: str, names: tuple[str, ...]) -> None:
    assert rules.BYLINE_LINE.match(line)
    assert byline_names(line) == names


@pytest.mark.parametrize(
    "line",
    [
        "记者从国家气候中心获悉，",  # body text that opens with 记者
        "文共同通讯作者、北京师范大",  # a wrapped body line that starts with 文
        "新区秋粮收获进度过九成",
        "本报讯 记者 刘蕊 报道5月29日，记者从国家",
    ],
)
def test_not_byline_lines(line: str) -> None:
    assert not rules.BYLINE_LINE.match(line)


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("本报10月24日讯 根据我区开展", "本报10月24日讯"),
        ("本报讯 记者 刘蕊 报道5月29日，", "本报讯"),
        ("本报讯（记者 王五）今天上午", "本报讯"),
        ("本报海口7月8日讯（记者 曹马志 通讯员 林清政）", "本报海口7月8日讯"),
        ("新华社北京10月24日电（记者 张三）", "新华社北京10月24日电"),
        ("据新华社北京10月24日电 国务院", "据新华社北京10月24日电"),
        ("新华社北京5月30日电全国安全生产视频会议", "新华社北京5月30日电"),
        ("本报北京10月23日电 （记者 张三）", "本报北京10月23日电"),
        ("青岛日报社讯 近日", "青岛日报社讯"),
    ],
)
def test_datelines(text: str, dateline: str) -> None:
    m = rules.DATELINE.match(text)
    assert m and m.group("dateline") == dateline


@pytest.mark.parametrize(
    "text",
    ["本报通讯员 李四 报道", "本报记者 王五", "本报将持续关注", "农民专业合作社电商平台上线", "合作社讯息"],
)
def test_not_datelines(text: str) -> None:
    assert not rules.DATELINE.match(text)


@pytest.mark.parametrize(
    ("text", "label", "page"),
    [
        ("让发展成果更多更公平惠及全体人民。（下转第二版）", "二", 2),
        ("起草情况的汇报。(下转第2版)", "2", 2),
        ("提供坚实人才支撑。 （下转第二版）", "二", 2),
        ("全力稳控安全生产形势。（转第十二版）", "十二", 12),
        ("形势。（下转A2版）", "A2", 2),
        ("形势。下转第3版", "3", 3),
        ("形势。（下转B02版）", "B02", 2),
        ("形势。（ 下转 第 二 版 ）", "二", 2),
    ],
)
def test_jump_out(text: str, label: str, page: int) -> None:
    m = rules.jump_out(text)
    assert m and m.group("label") == label and rules.page_number(label) == page


@pytest.mark.parametrize(
    ("text", "page"),
    [
        ("（上接第一版）", 1),
        ("（上接第一版）浙皖闽赣四省", 1),
        ("(上接第一版）", 1),
        ("◀上接A01版", 1),
        ("上接1版 会议要求", 1),
        ("（接第一版）", 1),
        ("（承A1版）", 1),
        ("上接B01版", 1),
    ],
)
def test_jump_in(text: str, page: int) -> None:
    m = rules.jump_in(text)
    assert m and rules.page_number(m.group("label")) == page


@pytest.mark.parametrize(
    "text",
    ["会议强调。（讲话全文见A02版）", "导读 气象卫星新进展（A04/05）", "今年登陆我国首台“风小雨强”（A04）"],
)
def test_jump_look_alikes_stay_text(text: str) -> None:
    assert not rules.jump_out(text)
    assert not rules.jump_in(text)


@pytest.mark.parametrize(
    ("text", "page"),
    [("the council said. (Continued on page 3)", 3), ("budget talks. See BUDGET, Page A6", 6)],
)
def test_jump_out_english(text: str, page: int) -> None:
    m = rules.jump_out(text)
    assert m and rules.page_number(m.group("label")) == page


def test_jump_in_english() -> None:
    m = rules.jump_in("(Continued from page one)")
    assert m and rules.page_number(m.group("label")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "把风险当风景。（张嘉赫）",
        "（来源：WMO官网编译：黄琬婷）",
        "朗窗口期。图/王启蒙文/李长培",
        "营口市气象局供图",
    ],
)
def test_sign_offs(text: str) -> None:
    assert rules.SIGN_OFF.search(text)


@pytest.mark.parametrize(
    ("label", "number"),
    [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("A02", 2), ("3", 3), ("one", 1), ("x", None)],
)
def test_page_numbers(label: str, number: int | None) -> None:
    assert rules.page_number(label) == number


@pytest.mark.parametrize(
    "line", ["本版责编：王三 李四", "版式设计：张五", "（吴卉）", "来源：新华社", "献）"]
)
def test_page_furniture_and_credits_are_no_headlines(line: str) -> None:
    from syndicate.normalize import _headline_like
    from syndicate.profile import CHINESE

    assert not _headline_like(line, CHINESE)


def test_every_marker_has_its_pre_check() -> None:
    """A marker's cheap pre-check never hides a line its pattern would find."""
    lines = {
        "下转": "地方。（下转第二版）",
        "转A02": "地方。（转A02）",
        "上接": "（上接第一版）会议",
        "接A01": "（紧接A01）会议",
        "Continued on": "said. (Continued on page 3)",
        "Continued from": "(Continued from page one)",
        "See KEYWORD": "the plan. See SCHOOLS, Page 4",
        "Please see": "Please see page 6",
        "Please see, garbled": "the land is rosy. PtMMSMpagag",
        "From page": "From page 1",
        "From front page": "Continued from front page",
    }
    assert {m.name for m in rules.JUMP_MARKERS} <= set(lines)
    for marker in rules.JUMP_MARKERS:
        line = lines[marker.name]
        assert marker.find(line), marker.name
        found = marker.pattern.search(line) if marker.direction == "out" else marker.pattern.match(line)
        assert found


def test_a_page_tries_only_its_languages_markers() -> None:
    """The profile's language selects the markers: an English jump line is text on a Chinese page
    (and the other way round); no language given, every marker is tried."""
    english_out, chinese_out = "budget talks. See BUDGET, Page A6", "形势。（下转第3版）"
    assert rules.jump_out(english_out, "en") and not rules.jump_out(english_out, "zh")
    assert rules.jump_out(chinese_out, "zh") and not rules.jump_out(chinese_out, "en")
    assert rules.jump_in("From page 1", "en") and not rules.jump_in("From page 1", "zh")
    assert rules.jump_in("（上接第一版）会议", "zh") and not rules.jump_in("（上接第一版）会议", "en")
    assert rules.jump_out(english_out) and rules.jump_in("（上接第一版）会议")
    assert rules.jump_out(chinese_out, "fr")  # a language without markers of its own: all of them
