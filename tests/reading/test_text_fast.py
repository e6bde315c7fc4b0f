"""The reader's fast paths in ``text`` and ``rules`` give what the plain forms they replace give."""

from __future__ import annotations

import dataclasses
import random
import re

import pytest

from syndicate import boundaries, columns, endguard, profile, rules, text, xmlchars
from syndicate.rules import WIDE
from syndicate.sources import decode

ALPHABET = ["中", "文", "a", "1", "-", " ", "\u3000", "\u00a0", "\t", "。", "，", "—", "“", "x-", "é"]


def _random_texts(seed: int, count: int, longest: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, longest))) for _ in range(count)]


def test_cjk_space_pattern_matches_the_look_behind_form() -> None:
    plain = re.compile(f"(?<=[{WIDE}])[ \u3000\u00a0]+(?=[{WIDE}])")
    for line in _random_texts(1, 20000, 12) + ["建 设 新 时 代", "中\u3000\u3000 a", "新 区 ab  c 字　体"]:
        assert text._CJK_SPACE.sub("", line) == plain.sub("", line), repr(line)


def test_wide_class_is_is_wide() -> None:
    for cp in range(0x10000):
        ch = chr(cp)
        assert bool(text._ALL_WIDE.fullmatch(ch)) == text.is_wide(ch), hex(cp)


def test_join_all_is_join_folded() -> None:
    rng = random.Random(2)
    for _ in range(5000):
        pieces = _random_texts(rng.randrange(10**6), rng.randint(1, 5), 4)
        folded = ""
        for piece in pieces:
            folded = text.join(folded, piece)
        assert text.join_all(pieces) == folded, pieces


def test_char_class_tells_what_isdisjoint_tells() -> None:
    hints = frozenset("记员习评摄编撰/／")
    for line in ["□记者 李涛 报道", "本报讯（通讯员 王芳）", "新区第1版第1篇新闻标题示例", "a/b", ""]:
        assert (text.char_class(hints).search(line, 0, 8) is not None) == (not hints.isdisjoint(line[:8]))


def test_jump_out_pre_check_keeps_every_marker() -> None:
    # Each marker's own example ends a line that the pre-check lets through, in its language and in none.
    for line, language in [("（下转第二版）", "zh"), ("（转A02）", "zh"), ("See SCHOOLS, Page 4", "en")]:
        assert rules.jump_out(line, language) is not None
        assert rules.jump_out(line) is not None
    assert rules.jump_out("区里的新闻标题", "zh") is None


# Slots of a jump-in line, each filled (or left out) at random: what the markers' patterns read.
_JUMP_SLOTS = [
    ["", "SCHOOLS", "Budget", "STORM", "◀", "■"],
    ["", " ", " / ", " | ", ", ", ": ", "-"],
    ["", "(", "[", "（", " ("],
    ["", "Continued", "CONTINUED", "Contlnued", "Continucd", "continues", "Jump", "JUMPED", "上接", "紧接", "接", "承", "续"],
    ["", " ", "  "],
    ["", "From", "FROM", "from", "Frorn", "rotn", "Fiom", "I'rom", "Fron", "Frot", "the", "第"],
    ["", " ", "  "],
    ["", "the ", "page", "Page", "PAGE", "paga", "Paqe", "front", "FRONT", "back page", "hack page"],
    ["", " ", "  "],
    ["", "1", "A1", "1A", "l", "one", "Two", "*", "B2", "一", "A01", "B01"],
    ["", "版", "·要闻"],
    ["", ")", "]", "）"],
    ["", " of the report", " 会议", " text"],
]  # fmt: skip


# ... and of a jump-out line.
_OUT_SLOTS = [
    ["", "the council said.", "会议强调。", "budget talks. "],
    ["", " ", "(", "（", "["],
    ["Continued on", "CONTINUED ON", "Contlnued on", "See", "Sec", "SEE", "Please see", "Turn to", "Jump to",
     "PleaM see", "P«uu", "下转", "转", "接", "转至"],
    ["", " "],
    ["", "SCHOOLS", "Budget", "MEN", "第", "A"],
    ["", ",", " |", " /", "."],
    ["", " ", "  ", "on "],
    ["", "page", "Page", "PAGE", "paga", "back page", "hack page", "pagag"],
    ["", " "],
    ["", "4", "A6", "6A", "one", "l", "*", "B02", "二", "A2"],
    ["", "版", "·要闻"],
    ["", ", col. 3", ")", "）", "]"],
]  # fmt: skip


@pytest.mark.parametrize(("direction", "slots"), [("in", _JUMP_SLOTS), ("out", _OUT_SLOTS)])
def test_jump_holds_what_every_match_of_its_marker_holds(direction: str, slots: list[list[str]]) -> None:
    """``rules.JUMP_HOLDS``, the pre-tests of ``jump_in`` and ``jump_out``: every match of a jump
    marker's pattern holds one of the marker's strings (lower-cased), among lines made of the
    parts of jump lines."""
    rng = random.Random(5)
    lines = ["".join(rng.choice(slot) for slot in slots) for _ in range(30000)]
    lines += ["Frorn Page 1", "Frontpage*", "rotn page 1", "From front page", "（承A1版）", "续第1版"]
    lines += [
        "See MEN, back page",
        "PleaM see paga 2",
        "（转A02）",
        "（下转B02）",
        "下转第二版",
        "talks. PtMMSMpagag",
    ]
    markers = [m for m in rules.JUMP_MARKERS if m.direction == direction]
    assert {m.name for m in markers} <= set(rules.JUMP_HOLDS)
    matched: set[str] = set()
    for line in lines:
        for marker in markers:
            m = marker.pattern.match(line) if direction == "in" else marker.pattern.search(line)
            if m:
                matched.add(marker.name)
                held = rules.JUMP_HOLDS[marker.name]
                assert any(h in line[m.start() : m.end()].lower() for h in held), (marker.name, line)
    assert matched == {m.name for m in markers}  # the parts made jump lines of every marker


def test_bigram_codes_are_the_bigrams_as_numbers() -> None:
    """``text.bigram_codes`` (topic cohesion) numbers each of ``text.bigrams`` one to one."""
    for line in [
        *_random_texts(3, 5000, 14),
        "",
        "中",
        "中文",
        "𠀀𠀁中",
        "a_b",
        "图为小麦收割现场。",
        "\ud800中文",
    ]:
        codes = {ord(g[1]) << 32 | ord(g[0]) for g in text.bigrams(line)}
        assert text.bigram_codes(line) == codes, repr(line)


def test_close_up_is_both_substitutions() -> None:
    """``close_up`` skips the substitution of space runs where no two spaces or tabs are left."""
    for line in [*_random_texts(4, 20000, 10), "建 设 新 时 代", "a \t b", "中 \u3000 a  b", "x\t\ty"]:
        plain = text._MULTI_SPACE.sub(" ", text._CJK_SPACE.sub("", line)).strip()
        assert text.close_up(line) == plain, repr(line)


def test_window_max_is_the_max_of_each_window() -> None:
    """``columns.window_max`` (the column width at each line) is a slice and a max per line."""
    rng = random.Random(6)
    for n in [*range(40), 300]:
        for reach in (0, 1, 3, 8):
            values = [rng.choice([0, rng.randint(1, 60)]) for _ in range(n)]
            plain = [max(values[max(0, i - reach) : i + reach + 1]) for i in range(n)]
            assert columns.window_max(values, reach) == plain, (n, reach)


def test_topic_bound_never_says_more_than_cohesion() -> None:
    """``_Topic.at_least``, a bound from the two paragraphs beside a boundary, says yes only where
    ``cohesion`` of the whole runs reaches the share; and it does say yes for some (else it saves nothing)."""
    rng = random.Random(8)
    said = 0
    for _ in range(3000):
        chars = "".join(rng.sample("的发展工作新区建设城市记者中国经济会议人民改革", rng.randint(3, 22)))
        paragraphs = ["".join(rng.choice(chars) for _ in range(rng.randint(0, 90))) for _ in range(7)]
        cut = rng.randint(1, 6)
        before, after = paragraphs[:cut], paragraphs[cut:]
        share = rng.choice([0.0, 0.02, 0.03, 0.06, 0.1, rng.random()])
        topic = boundaries._Topic()
        if topic.at_least(before, after, share):
            said += 1
            assert topic.cohesion(before, after) >= share, (before, after, share)
    assert said > 300


def test_replaced_profile_is_dataclasses_replace() -> None:
    """``profile.replaced``, a profile's fields copied with some changed, is ``dataclasses.replace``."""
    for base in (profile.CHINESE, profile.ENGLISH):
        changes = {
            "recurring": frozenset({"江城晚报"}),
            "blank_parts": True,
            "section_names": frozenset({"要闻"}),
        }
        new = profile.replaced(base, **changes)
        assert new == dataclasses.replace(base, **changes)  # type: ignore[arg-type]
        assert new.recurring == changes["recurring"] and base.recurring == frozenset()
    with pytest.raises(TypeError):
        profile.replaced(profile.CHINESE, blank_part=True)


def test_printable_text_holds_nothing_xml_refuses() -> None:
    """``xmlchars.clean`` returns a printable text as it is: every character it removes is unprintable."""
    for cp in range(0x10000):
        if xmlchars.INVALID.match(chr(cp)):
            assert not chr(cp).isprintable(), hex(cp)
    assert xmlchars.clean("中文\x0b。\x85") == "中文。" and xmlchars.clean("a\u3000b") == "a\u3000b"


# Parts of a byline line as ROLE and BYLINE_LINE read them (letter-spaced role words too).
_BYLINE_SLOTS = [
    ["", "□", "■ ", "◎", " "],
    ["", "本报", "新华社", "江城晚报", "环球时报", "日报", "都市报"],
    ["", "全媒体", "特约", "见习", "首席"],
    ["记者", "记 者", "通讯员", "通 讯 员", "实习生", "评论员", "摄影", "摄像", "编译", "撰稿", "文/图",
     "图/文", "文·图/", "文/摄影", "文/", "图／", "文 / 图", "主持人", "记"],
    ["", " ", "：", ": "],
    ["", "李涛", "王五 赵六", "张三/文 李四/图", "刘淑乔、吴倩", "今年公交线网优化的重点是"],
    ["", " 通讯员 林清政", " 摄影 韦铸峰", " 记者"],
    ["", " 报道", "摄", " 整理", "报"],
]  # fmt: skip


def test_byline_chars_are_in_every_byline_line() -> None:
    """``rules.BYLINE_CHARS``, ``is_strong``'s test before BYLINE_LINE: every line the pattern
    matches holds one of them, among lines made of a byline's parts."""
    rng = random.Random(7)
    lines = ["".join(rng.choice(slot) for slot in _BYLINE_SLOTS) for _ in range(20000)]
    matched = 0
    for line in lines:
        if rules.BYLINE_LINE.match(line):
            matched += 1
            assert not rules.BYLINE_CHARS.isdisjoint(line), line
    assert matched > 2000


# Pieces of paragraphs' ends: sentences, brackets, credit words, names, slashes and colons.
_SIGN_OFF_PIECES = [
    "他说。", "雨水偏多。", "”", "中心", "（", "(", "）", ")", "图", "文", "摄影", "制图", "据", "综合",
    "来源", "稿件来源", "编译", "翻译", "整理", "/", "／", "：", ":", " ", "，", "张嘉赫", "新华社",
    "王启蒙", "江城晚报江城晚报江城晚报江城晚报江城", "央视新闻", "《江城日报》", "WMO官网", "何静怡 李四", "张三、李四、王五、赵六、" * 4, "记者",
    "报道", "消息", "新闻", "网", "客户端", "电", "社", "号", "发布", "报", "等", "》", "摄", "供图", "完",
]  # fmt: skip


def test_sign_off_guard_lets_every_match_through() -> None:
    """``rules.SIGN_OFF``'s test before its search (``endguard``): every text the pattern finds a
    match in passes it, among texts made of sign-offs' parts."""
    guard = rules.SIGN_OFF
    assert isinstance(guard, endguard.EndGuarded)
    rng = random.Random(11)
    ends: set[str] = set()
    for _ in range(40000):
        line = "".join(rng.choice(_SIGN_OFF_PIECES) for _ in range(rng.randint(1, 6)))
        line += rng.choice(["", "", " ", "\n", "\u3000"])
        found = guard.guarded.search(line)
        if found:
            assert guard.could_match(line), line
            again = guard.search(line)
            assert again and again.span() == found.span(), line
            assert bool(guard.fullmatch(line)) == bool(guard.guarded.fullmatch(line)), line
            ends.add(line.rstrip()[-1])
        else:
            assert guard.search(line) is None, line
    assert set(rules.CREDIT_ENDS + "）)摄图") <= ends  # each way a match ends was tried


def test_plausible_page_text_is_the_three_scans() -> None:
    """``decode._plausible`` scans the text once (control and private-use characters are uncommon
    ones too): it says what its three scans of the whole text said."""

    def three_scans(text: str) -> bool:
        if not text.strip():
            return False
        if len(decode._BAD.findall(text)) > max(2, len(text) // 1000):
            return False
        if len(decode._PRIVATE_USE.findall(text)) > max(2, len(text) // 200):
            return False
        return len(decode._UNCOMMON.findall(text)) <= 0.1 * len(text)

    rng = random.Random(14)
    odd = ["\x00", "\x07", "\x0b", "\x1b", "\ufffd", "\ue000", "\uf8ff", "\u0600", "한", "\x85", "\ud7a3"]
    common = ["中", "文", "a", " ", "\n", "\t", "。", "“", "\u3000", "é", "あ"]
    verdicts = set()
    for _ in range(20000):
        share = rng.choice([0.0, 0.005, 0.02, 0.08, 0.12, 0.5])
        text = "".join(
            rng.choice(odd if rng.random() < share else common) for _ in range(rng.randint(0, 400))
        )
        verdicts.add(decode._plausible(text))
        assert decode._plausible(text) == three_scans(text), repr(text)
    assert verdicts == {True, False}


def test_opening_shows_the_anaphoric_opener_what_close_up_shows() -> None:
    """``text.opening``, what ``segment`` tests a paragraph's start with: ANAPHORIC_OPENER matches it
    as it matches the whole paragraph closed up, among paragraphs of openers, numerals and spaces."""
    pieces = [
        "他",
        "此外",
        "与此同时",
        "【本期嘉宾】",
        "主持人：",
        "问：",
        "（",
        "）",
        "、",
        "是",
        "一",
        "十",
        "3",
        ".",
    ]
    pieces += ["中", "文", "，", " ", "\u3000", "\t", "\x0b", "\x85", "a", "二二二二二二", "９", "20260709"]
    rng = random.Random(15)
    matched = 0
    for _ in range(40000):
        raw = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        found = rules.ANAPHORIC_OPENER.match(text.opening(raw))
        plain = rules.ANAPHORIC_OPENER.match(text.close_up(raw))
        assert (found and found.span()) == (plain and plain.span()), repr(raw)
        matched += found is not None
        assert text.close_up(raw).startswith(text.opening(raw)), repr(raw)
    assert matched > 5000
