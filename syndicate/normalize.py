"""Page text -> blocks: paragraphs re-flowed from narrow columns, and stand-alone lines.

How a typesetter reads extracted text:
- a paragraph starts at a full-width indent; every other line continues it, also after a blank
  line (blank lines are column breaks, never paragraph breaks on their own);
- an unindented line stands alone (headline, kicker, byline, jump head) only when the paragraph
  before it is finished and the run of unindented lines it opens looks like a headline block,
  i.e. is followed by the indented start of a body;
- wrapped pieces join with nothing between CJK and one space between Latin words;
- letter-spaced justified lines (``建 设 新 时 代``) are closed up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import rules
from .model import Block, BlockKind
from .text import close_up, join


@dataclass(frozen=True)
class _Line:
    number: int  # 1-based line number in the page file
    text: str  # without indent and trailing space
    indented: bool

    @property
    def blank(self) -> bool:
        return not self.text


def _lines(text: str) -> list[_Line]:
    out = []
    # split("\n"), not splitlines(): form feeds and U+2028 must not shift line numbers.
    for n, raw in enumerate(text.split("\n"), start=1):
        raw = raw.rstrip("\r").rstrip()
        m = rules.INDENT.match(raw)
        body = raw[m.end() :] if m else raw.lstrip(" \t")
        out.append(_Line(n, body.strip("\u3000 \t"), bool(m)))
    return out


def is_strong(text: str) -> bool:
    """A line that stands alone wherever it appears: a byline or a jump-in marker alone."""
    if rules.BYLINE_LINE.match(text) and len(text) <= 40:
        return True
    m = rules.JUMP_IN.match(text) or rules.JUMP_IN_EN.match(text)
    return m is not None and not text[m.end() :].strip()


def _headline_like(text: str) -> bool:
    if is_strong(text):
        return True
    if text.count("）") + text.count(")") > text.count("（") + text.count("("):
        return False  # the tail of a bracket opened on an earlier line
    return (
        (len(text) >= rules.HEADLINE_MIN or bool(rules.PHOTO_HEADING.match(close_up(text))))
        and len(text) <= rules.HEADLINE_MAX
        and not rules.BODY_LINE_END.search(text)
        and not rules.NOT_HEADLINE.search(text)
        and "。" not in text
        and not rules.JUMP_OUT.search(text)
    )


def _closed(text: str) -> bool:
    """The paragraph so far ends where a new block may start."""
    return bool(
        rules.SENTENCE_END.search(text)
        or rules.SIGN_OFF.search(text)
        or rules.JUMP_OUT.search(text)
        or rules.JUMP_OUT_EN.search(text)
    )


def _starts_article(line: _Line) -> bool:
    return line.indented and bool(rules.DATELINE.match(line.text) or is_strong(line.text))


class _Builder:
    """Collects blocks; a paragraph stays open while lines keep coming."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.pieces: list[_Line] = []
        self.blank_before = False

    def flush(self) -> None:
        if self.pieces:
            raw = ""
            for piece in self.pieces:
                raw = join(raw, piece.text)
            first, last = self.pieces[0].number, self.pieces[-1].number
            self.blocks.append(Block(BlockKind.PARAGRAPH, close_up(raw), first, last, self.blank_before, raw))
            self.pieces = []

    def line(self, line: _Line, blank_before: bool) -> None:
        self.flush()
        self.blocks.append(
            Block(BlockKind.LINE, close_up(line.text), line.number, line.number, blank_before, line.text)
        )

    def start(self, line: _Line, blank_before: bool) -> None:
        self.flush()
        self.pieces = [line]
        self.blank_before = blank_before

    def add(self, line: _Line, blank_before: bool) -> None:
        if self.pieces:
            self.pieces.append(line)
        else:
            self.start(line, blank_before)

    @property
    def in_dateline(self) -> bool:
        """The open paragraph is a dateline whose run-in byline wraps: 本报讯 记者 刘淑乔 / 通讯员 …"""
        text = "".join(p.text for p in self.pieces)
        return self.open and len(text) < 30 and bool(rules.DATELINE.match(text)) and "，" not in text

    @property
    def open(self) -> bool:
        # The tail of the joined text: a sign-off such as （来源：…编译：…） may span two lines.
        tail = "".join(p.text for p in self.pieces[-5:])
        return bool(self.pieces) and not _closed(tail)


def blocks(text: str) -> list[Block]:
    """Re-flow one page's text into blocks, keeping each block's line span."""
    lines = _lines(text)
    b = _Builder()
    i, blank = 0, False
    while i < len(lines):
        line = lines[i]
        if line.blank:
            blank, i = True, i + 1
            continue
        if is_strong(line.text) and not b.in_dateline:
            b.line(line, blank)
        elif line.indented:
            b.start(line, blank)
        elif rules.JUMP_OUT.fullmatch(line.text) or rules.JUMP_OUT_EN.fullmatch(line.text):
            b.add(line, blank)  # a jump-out marker alone on its line ends the paragraph above
        else:
            i = _unindented_run(lines, i, b, blank)
            blank = False
            continue
        blank, i = False, i + 1
    b.flush()
    return b.blocks


def _unindented_run(lines: list[_Line], i: int, b: _Builder, blank: bool) -> int:
    """Place unindented line ``i``: the start of a headline block, or a continuation line.

    A headline block is a run of headline-like lines (blank lines allowed between) that ends
    right above an indented line, a byline, or the end of the page. Returns the next index.
    """
    run: list[tuple[int, bool]] = []  # (index, blank before)
    j, gap = i, blank
    while j < len(lines):
        line = lines[j]
        if line.blank:
            gap, j = True, j + 1
            continue
        if line.indented or (run and is_strong(line.text)) or not _headline_like(line.text):
            break
        run.append((j, gap))
        gap, j = False, j + 1
    if not run and not b.pieces and b.blocks and b.blocks[-1].kind is BlockKind.LINE:
        nxt = next((k for k in range(i + 1, len(lines)) if not lines[k].blank), None)
        if nxt is not None and _starts_article(lines[nxt]) and not rules.BODY_LINE_END.search(lines[i].text):
            run, j = [(i, blank)], nxt  # a long deck under the headline, right above the body
    block = bool(run) and (j >= len(lines) or lines[j].indented or is_strong(lines[j].text))
    if block and sum(1 for k, _ in run if re.search("[，、,]", lines[k].text)) > 1:
        block = False  # several lines with commas: wrapped body text, not a headline block
    if block and b.open:
        # An unfinished paragraph goes on, unless it is a caption or credit line (it has
        # punctuation, so it is no wrapped headline) and a body clearly starts below the block.
        caption = not all(_headline_like(p.text) for p in b.pieces)
        credit = len(run) == 1 and len(lines[i].text) <= 4  # 张宣: the photographer's name
        block = caption and not credit and j < len(lines) and _starts_article(lines[j])
    if not block:
        b.add(lines[i], blank)
        return i + 1
    for k, gap_before in run:
        b.line(lines[k], gap_before)
    return run[-1][0] + 1
