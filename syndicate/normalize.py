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

from . import rules
from .model import Block, BlockKind
from .text import close_up, join


class _Line:
    """One line of the page file, with what the reader needs to know of it."""

    __slots__ = ("number", "text", "indented", "strong", "article_below", "_heady")

    def __init__(self, number: int, text: str, indented: bool, strong: bool) -> None:
        self.number = number  # 1-based line number in the page file
        self.text = text  # without indent and trailing space
        self.indented = indented
        self.strong = strong  # stands alone wherever it is (byline, jump-in marker)
        self.article_below = False  # in a run of headline-like lines right above an article start
        self._heady: bool | None = None

    @property
    def blank(self) -> bool:
        return not self.text

    @property
    def heady(self) -> bool:
        """Could be a headline line. Computed only where a headline block is possible, once."""
        if self._heady is None:
            self._heady = bool(self.text) and (self.strong or _headline_like(self.text))
        return self._heady


def _lines(text: str) -> list[_Line]:
    out = []
    # split("\n"), not splitlines(): form feeds and U+2028 must not shift line numbers.
    for n, raw in enumerate(text.split("\n"), start=1):
        lead = raw.lstrip(" \t")
        indented = lead.startswith(rules.INDENT)
        body = lead.strip("\u3000 \t\r")
        if body and body[0] in "本责编美校版设组" and rules.PAGE_FURNITURE.match(body):
            body = ""
        out.append(_Line(n, body, indented, bool(body) and is_strong(body)))
    # One backward sweep: which unindented lines could head the article that starts below them?
    # Only a run of headline-like lines (or a deck) right above an article start can.
    below = False
    for k in range(len(out) - 1, -1, -1):
        line = out[k]
        if line.indented or line.strong:
            below = _starts_article(line)
        elif line.text and below:
            below = line.heady or _deck(line)
            line.article_below = below
    return out


# Last characters after which a paragraph may be finished (sentence ends, closing brackets, credits).
_MAY_CLOSE = frozenset(rules.SENTENCE_END_CHARS + rules.CLOSING_CHARS + "版图摄" + "/／")
_ROLE_HINTS = frozenset("记员习评摄编撰/／")  # a byline has one of these in its first 8 characters


def is_strong(text: str) -> bool:
    """A line that stands alone wherever it appears: a byline or a jump-in marker alone."""
    if len(text) <= 40 and not _ROLE_HINTS.isdisjoint(text[:8]) and rules.BYLINE_LINE.match(text):
        return True
    if "接" not in text and "承" not in text and "ontinued" not in text:
        return False  # cheap test first: this runs on every line
    m = rules.JUMP_IN.match(text) or rules.JUMP_IN_EN.match(text)
    return m is not None and not text[m.end() :].strip()


def _headline_like(text: str) -> bool:
    if not rules.HEADLINE_MIN <= len(text) <= rules.HEADLINE_MAX:
        return "图" in text and bool(rules.PHOTO_HEADING.match(close_up(text)))
    if text[-1] in rules.BODY_LINE_END_CHARS or "。" in text:
        return False
    if text.count("）") + text.count(")") > text.count("（") + text.count("("):
        return False  # the tail of a bracket opened on an earlier line
    return not rules.NOT_HEADLINE.search(text) and not ("版" in text and rules.JUMP_OUT.search(text))


def _closed(text: str) -> bool:
    """The paragraph so far ends where a new block may start. Runs on every line: cheap tests first."""
    text = text.rstrip()
    if not text:
        return False
    last = text[-1]
    if last in rules.SENTENCE_END_CHARS:
        return True
    if last in rules.CLOSING_CHARS and rules.SENTENCE_END.search(text[-8:]):
        return True
    tail = text[-60:]
    if last in "版)）" and (rules.JUMP_OUT.search(tail) or rules.JUMP_OUT_EN.search(tail)):
        return True
    return (last in "）)图摄" or "/" in tail or "／" in tail or "：" in tail) and bool(
        rules.SIGN_OFF.search(tail)
    )


def _deck(line: _Line) -> bool:
    """Too long for a headline line, yet unwrapped: a deck (导语) printed as one line."""
    text = line.text
    return (
        not line.indented and len(text) > 2 * rules.HEADLINE_MAX / 3 and not rules.BODY_LINE_END.search(text)
    )


def _starts_article(line: _Line) -> bool:
    return line.indented and (line.strong or bool(rules.ARTICLE_OPENING.match(line.text)))


class _Builder:
    """Collects blocks; a paragraph stays open while lines keep coming."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.pieces: list[_Line] = []
        self.blank_before = False
        self.open = False  # the paragraph being collected is unfinished

    def update(self) -> None:
        # The tail of the joined text: a sign-off such as （来源：…编译：…） may span lines.
        last = self.pieces[-1].text
        # A sign-off such as （来源：…编译：…） may span lines: look further back only then.
        tail = "".join(p.text for p in self.pieces[-5:]) if last[-1:] in "）)" else last
        self.open = not _closed(tail)

    def flush(self) -> None:
        if self.pieces:
            raw = ""
            for piece in self.pieces:
                raw = join(raw, piece.text)
            first, last = self.pieces[0].number, self.pieces[-1].number
            self.blocks.append(Block(BlockKind.PARAGRAPH, close_up(raw), first, last, self.blank_before, raw))
            self.pieces = []
            self.open = False

    def line(self, line: _Line, blank_before: bool) -> None:
        self.flush()
        self.blocks.append(
            Block(BlockKind.LINE, close_up(line.text), line.number, line.number, blank_before, line.text)
        )

    def start(self, line: _Line, blank_before: bool) -> None:
        self.flush()
        self.pieces = [line]
        self.blank_before = blank_before
        self.update()

    def add(self, line: _Line, blank_before: bool) -> None:
        if self.pieces:
            self.pieces.append(line)
            self.update()
        else:
            self.start(line, blank_before)

    @property
    def all_heady(self) -> bool:
        """Every line so far could be a headline line: a wrapped headline, not a caption."""
        return all(p.heady for p in self.pieces)

    @property
    def in_dateline(self) -> bool:
        """The open paragraph is a dateline whose run-in byline wraps: 本报讯 记者 刘淑乔 / 通讯员 …"""
        text = "".join(p.text for p in self.pieces)
        return self.open and len(text) < 30 and bool(rules.DATELINE.match(text)) and "，" not in text


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
        if b.open and not (line.indented or line.strong or line.article_below):
            # The common case, kept short: a wrapped line of an open paragraph.
            b.pieces.append(line)
            if (
                line.text[-1] in _MAY_CLOSE
                or line.text[-1].isdigit()
                or "/" in line.text
                or "：" in line.text
            ):
                b.update()  # otherwise it ends on a character that cannot close a paragraph
        elif line.strong and not b.in_dateline:
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
    if b.open and (not lines[i].article_below or not lines[i].heady or b.all_heady):
        b.add(lines[i], blank)  # the common case: a wrapped line of an unfinished paragraph
        return i + 1
    text = lines[i].text
    if b.pieces and (text[-1] in rules.BODY_LINE_END_CHARS or "。" in text):
        b.add(lines[i], blank)  # cannot be a headline line: no need to look ahead
        return i + 1
    run: list[tuple[int, bool]] = []  # (index, blank before)
    j, gap = i, blank
    while j < len(lines):
        line = lines[j]
        if line.blank:
            gap, j = True, j + 1
            continue
        if line.indented or (run and line.strong) or not line.heady:
            break
        run.append((j, gap))
        gap, j = False, j + 1
    if j < len(lines) and _deck(lines[j]) and not b.open and (run or b.blocks[-1:] and not b.pieces):
        # A deck: one long line of sentences under the headline, right above a dated body.
        nxt = next((k for k in range(j + 1, len(lines)) if not lines[k].blank), None)
        if nxt is not None and _starts_article(lines[nxt]) and not any("，" in lines[k].text for k, _ in run):
            run, j = [*run, (j, gap)], nxt
    block = bool(run) and (j >= len(lines) or lines[j].indented or lines[j].strong)
    if block and sum(1 for k, _ in run if re.search("[，、,]", lines[k].text)) > 1:
        block = False  # several lines with commas: wrapped body text, not a headline block
    if block and b.open:
        # An unfinished paragraph goes on, unless it is a caption or credit line (it has
        # punctuation, so it is no wrapped headline) and a body clearly starts below the block.
        caption = not b.all_heady
        credit = len(run) == 1 and len(lines[i].text) <= 4  # 张宣: the photographer's name
        block = caption and not credit and j < len(lines) and _starts_article(lines[j])
    if not block:
        b.add(lines[i], blank)
        return i + 1
    for k, gap_before in run:
        b.line(lines[k], gap_before)
    return run[-1][0] + 1
