"""Re-flowing narrow columns: each rule with a real-looking page excerpt, plus a property test."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from syndicate.model import BlockKind
from syndicate.normalize import blocks
from syndicate.text import close_up, join, join_all

IND = "\u3000\u3000"  # the full-width paragraph indent


def paragraphs(text: str) -> list[str]:
    return [b.text for b in blocks(text) if b.kind is BlockKind.PARAGRAPH]


CASES = [
    # A blank line is a column break: 工委 / blank / （区委）… is one phrase.
    ("column break", f"{IND}本报10月24日讯 今天下午，工委\n\n（区委）理论学习中心组进行集体学习\n研讨。",
     ["本报10月24日讯今天下午，工委（区委）理论学习中心组进行集体学习研讨。"]),
    # Letter-spaced justified line closed up.
    ("letter spacing", f"{IND}以奋发有为的精神状态，加快建\n设 新 时 代 社 会 主 义 现 代 化 示 范 引\n领区。",
     ["以奋发有为的精神状态，加快建设新时代社会主义现代化示范引领区。"]),
    # Latin words and numbers keep one space across a wrap; CJK joins without.
    ("latin join", f"{IND}The budget passed on\nTuesday with 52\nvotes.", ["The budget passed on Tuesday with 52 votes."]),
    ("cjk-latin join", f"{IND}中国气象局作为 \nIPCC国内牵头单位。", ["中国气象局作为IPCC国内牵头单位。"]),
    ("hyphenated word", f"{IND}the council will recon-\nsider it.", ["the council will reconsider it."]),
    # A new indent is a new paragraph, even without a blank line.
    ("indent", f"{IND}第一段。\n{IND}第二段，\n继续。", ["第一段。", "第二段，继续。"]),
    # A sentence ending at the line end, then an unindented line with commas: same paragraph.
    ("wrap after sentence end", f"{IND}升北方地区防汛减灾能力。\n局党组书记、局长陈振林强调，要\n发挥作用。",
     ["升北方地区防汛减灾能力。局党组书记、局长陈振林强调，要发挥作用。"]),
    # An unpunctuated wrapped line in the middle of a sentence is no headline.
    ("unpunctuated wrap", f"{IND}会议强调，要深入学习贯彻习近\n\n平总书记在进一步推动长江经济带高\n质量发展座谈会上的重要讲话精神。",
     ["会议强调，要深入学习贯彻习近平总书记在进一步推动长江经济带高质量发展座谈会上的重要讲话精神。"]),
    # A bracketed sign-off that wraps stays in its paragraph.
    ("wrapped sign-off", f"{IND}标和分辨率。（来源：国际气象技\n术官网编译：何静怡）\n\n印度气象局发布人工智能预报\n{IND}近日，印度气象局发布。",
     ["标和分辨率。（来源：国际气象技术官网编译：何静怡）", "近日，印度气象局发布。"]),
]  # fmt: skip


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_reflow(name: str, text: str, expected: list[str]) -> None:
    assert paragraphs(text) == expected


def test_headline_lines_stand_alone_with_line_numbers() -> None:
    text = f" 又踏层峰满目新\n青岛开发区聚力推动王台老工业区蝶变升级\n {IND}□记者 李涛 报道\n{IND}本报10月24日讯 根据\n安排。"
    out = blocks(text)
    assert [(b.kind, b.first_line, b.last_line) for b in out] == [
        (BlockKind.LINE, 1, 1),
        (BlockKind.LINE, 2, 2),
        (BlockKind.LINE, 3, 3),
        (BlockKind.PARAGRAPH, 4, 5),
    ]
    assert out[2].raw == "□记者 李涛 报道"  # spacing kept for name parsing


def test_headline_after_caption_credit() -> None:
    text = f"{IND}图为小麦收割现场\n张宣\n\n本报记者 闫辰宇\n{IND}本报讯 今天。"
    kinds = [(b.kind, b.text) for b in blocks(text)]
    assert kinds[0] == (BlockKind.PARAGRAPH, "图为小麦收割现场张宣")
    assert kinds[1] == (BlockKind.LINE, "本报记者闫辰宇")


@pytest.mark.parametrize(
    ("caption", "tail"),
    [
        ("刁志新在花田察看芍药长势。鑫\n", "伯特基地供图"),  # the credit's name cut by the line end
        ("图为小麦收割现场 图/韦铸峰 文/马\n", "云飞"),  # ... and a name cut after 文/
        ("图为小麦收割现场 图/权永\n\n", "军"),  # ... or before its last character, a column end between
    ],
)
def test_a_photo_credit_cut_by_the_line_end_ends_its_paragraph_above_a_headline(
    caption: str, tail: str
) -> None:
    text = (
        f"{IND}基地负责人介绍，损耗率从以往的四成降至\n一成半以下，直接提升了切花品质与效益。\n"
        f"{caption}{tail}\n西安三夏气象服务实现定制化升级\n□本报通讯员 杨睿\n{IND}本报讯　6月3日，西安市气象局启动三夏服务。"
    )
    out = blocks(text)
    assert [b.kind for b in out] == [BlockKind.PARAGRAPH, BlockKind.LINE, BlockKind.LINE, BlockKind.PARAGRAPH]
    assert out[0].text.endswith(close_up(tail)) and out[1].text == "西安三夏气象服务实现定制化升级"


def test_carriage_returns_and_form_feeds_keep_line_numbers() -> None:
    out = blocks(f"{IND}第一段。\r\n\f\r\n{IND}第二段。\r\n")
    assert [(b.first_line, b.text) for b in out] == [(1, "第一段。"), (3, "第二段。")]


# --- property: re-flowing restores the paragraphs exactly ---------------------------------------

_CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
_CLAUSE = st.text(_CJK, min_size=4, max_size=14)


@st.composite
def _paragraph(draw: st.DrawFn) -> str:
    clauses = draw(st.lists(_CLAUSE, min_size=1, max_size=5))
    return "，".join(clauses) + "。"


@st.composite
def _page(draw: st.DrawFn) -> tuple[list[str], str]:
    paras = draw(st.lists(_paragraph(), min_size=1, max_size=6))
    rng = random.Random(draw(st.integers(0, 2**32)))
    lines: list[str] = []
    for para in paras:
        width = rng.randint(10, 18)
        pieces = [para[i : i + width] for i in range(0, len(para), width)]
        for k, piece in enumerate(pieces):
            if rng.random() < 0.15:  # justified: letter-spaced
                piece = " ".join(piece)
            if k and rng.random() < 0.12:
                lines.append("")  # a column break
            lines.append((IND if k == 0 else "") + piece)
    return paras, "\n".join(lines)


@settings(max_examples=300, deadline=None)
@given(_page())
def test_reflow_restores_paragraphs(page: tuple[list[str], str]) -> None:
    expected, text = page
    assert paragraphs(text) == expected


_PIECE = st.text(st.sampled_from(list("ab-  \u3000中文，.\xa0\t")), max_size=6)


@settings(max_examples=300)
@given(st.lists(_PIECE, max_size=6))
def test_joining_all_pieces_at_once_is_the_pairwise_join(pieces: list[str]) -> None:
    """normalize joins a paragraph's pieces at once: the text is the pairwise fold's, hyphens,
    spaces and wide characters included."""
    folded = ""
    for piece in pieces:
        folded = join(folded, piece)
    assert join_all(pieces) == folded
