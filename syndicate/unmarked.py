"""Page text without paragraph marks (English print) -> blocks, article openings decided here.

English columns mark a paragraph with nothing the extracted text keeps, so the reader goes by
the typesetter's own rule: a line is broken early only where a paragraph ends. A line that ends
a sentence and is short enough that the next line's first word would have fitted ends its
paragraph; every other line runs on, also across a blank line (a column break).

An article opens only where the print shows it: at the top of the page, after a blank line or a
jump line, with a headline block (short lines standing alone), a byline, a jump head and jump
line, a dateline, or, when the text before is finished, a body whose words share almost nothing
with the article above. The blocks that open an article carry ``opens``; ``segment`` follows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import english as en
from . import lazyre, rules
from .columns import PAGE_AT_END, Line, first_word, read_lines, widths
from .model import Block, BlockKind

# Content words shared below this share (of the smaller side) mean the text after a finished
# paragraph and a blank line is another article. On the English corpus pages consecutive parts
# of one article share 0.14-0.32, two articles 0.0-0.11 (and two paragraphs of letters 0.0, 0.03).
COHESION_SPLIT = 0.125
COHESION_BEFORE = 40  # lines of the article above compared
COHESION_AFTER = 16  # lines below compared
COHESION_MIN_WORDS = 20  # content words the article above needs before its words tell anything

# A paragraph opening like this refers back to the one above: not a new article.
ANAPHORIC = lazyre.compile(
    r"^[“\"‘'(]|^(?:But|And|Or|Yet|So|Still|However|Also|Meanwhile|Instead|Hopefully|Then|Now|Even"
    r"|He|She|They|It|Its|His|Her|Their|This|That|These|Those|Such|Both|Another|Other|Others|Later"
    r"|In addition|Furthermore|Moreover|Nevertheless|Otherwise|Finally)\b"
)
# Words that open a sentence, never continue one in capitals.
_SENTENCE_OPENER = lazyre.compile(
    r"^[“\"‘]?(?:The|A|An|In|On|At|It|He|She|They|We|This|That|These|Those|When|After|Before|While|As|If"
    r"|For|But|And|Although|Despite|During|According)\s"
)
_SENTENCE_LAST = frozenset(".!?\"'”’)")  # last characters of a line that may end a sentence
_BARE_LABEL = lazyre.compile(r"^[A-Z]?\d{1,3}$")


def closed(text: str) -> bool:
    """The paragraph so far is finished: a sentence end, a jump line or a credit closes it."""
    text = text.rstrip()
    if en.ends_sentence(text) and not en.open_quote(text):
        return True
    return rules.jump_out(text) is not None or en.is_credit(text[-60:])


def cohesion(before: list[str], after: list[str]) -> float:
    """Share of content words the text after has in common with the article before (of the smaller
    side); 1.0 when either side is too short to tell (a lead paragraph alone says little)."""
    a, b = en.content_words(before), en.content_words(after)
    if len(a) < COHESION_MIN_WORDS or len(b) < COHESION_MIN_WORDS // 2:
        return 1.0
    return len(a & b) / min(len(a), len(b))


@dataclass
class _Head:
    """The head of an article as printed at one place: which lines are what."""

    end: int  # index of the first body line
    jump_head: int | None = None
    jump_in: int | None = None
    heads: list[list[int]] = field(default_factory=list)  # headline lines, a wrapped one together
    byline: list[int] = field(default_factory=list)
    long_head: bool = False  # a head line wider than the column: set across columns


class _Reader:
    def __init__(self, text: str, furniture: re.Pattern[str] | None, bylines: re.Pattern[str] | None) -> None:
        self.lines = read_lines(text, furniture)
        self.paper_bylines = bylines
        self._starts_body: dict[str, bool] = {}  # asked of a line several times
        self.widths = widths(self.lines)
        self.vocabulary = set(re.findall(r"[A-Za-z][\w’'\-]*", text.lower()))
        self.blocks: list[Block] = []
        self.pieces: list[Line] = []
        self.article: list[str] = []  # text of the current article so far, for cohesion
        self.writer: re.Pattern[str] | None = None  # the bio line of the current article's writer
        self.opening = False  # the next block opens an article

    # --- lines ------------------------------------------------------------------------------

    def stands_alone(self, i: int) -> bool:
        """Line ``i`` was not filled to the column, and what follows starts afresh: a head line."""
        text, nxt = self.lines[i].text, self.lines[i + 1] if i + 1 < len(self.lines) else None
        if self.lines[i].indented or (en.may_end_jump(text) and rules.jump_out(text)):
            return False
        if len(text) > self.widths[i] * 1.15 and text[:1].isupper() and len(text) <= 200:
            return True  # wider than the column: set across columns, a headline or a deck
        if not en.headline_like(text):
            return False
        if len(text) > self.widths[i] * 1.15 or nxt is None or self.starts_body(nxt.text):
            return True
        if not nxt.gap and len(nxt.text) > self.widths[i + 1] * 1.15:
            return True  # a deck wider than the column follows: this line heads it
        if not nxt.gap and _SENTENCE_OPENER.match(nxt.text):
            return True  # an unfinished line, then ``The …``: a new sentence, so the line was a head
        if nxt.text[:1].islower() and not nxt.gap:
            return False
        return len(text) + 1 + len(first_word(nxt.text)) <= self.widths[i]

    def wrapped_head(self, j: int) -> int:
        """How many lines a headline set on two or three lines takes, those below in lower case
        (``Police detect stolen parking`` / ``permits daily``; ``Library plans`` / ``summer
        reading`` / ``program``): short, ending no sentence, the last standing alone. 0: none."""
        if not en.headline_like(self.lines[j].text):
            return 0
        for k in range(j + 1, min(j + 3, len(self.lines))):
            line = self.lines[k]
            if (
                line.gap
                or not line.text[:1].islower()
                or en.ends_sentence(line.text)
                or self.starts_body(line.text)
            ):
                return 0
            if self._alone_below(k):
                return k - j + 1
            if len(line.text) > 0.7 * self.widths[k]:
                return 0  # a line filled to the column runs on: body text
        return 0

    def _alone_below(self, j: int) -> bool:
        text, nxt = self.lines[j].text, self.lines[j + 1] if j + 1 < len(self.lines) else None
        if text[-1:] in ",;:-" or nxt is None or nxt.gap or self.starts_body(nxt.text):
            return text[-1:] not in ",;:-"
        return not nxt.text[:1].islower() and len(text) + 1 + len(first_word(nxt.text)) <= self.widths[j]

    def starts_body(self, text: str) -> bool:
        """What a headline stands above: a byline, a staff line, a jump line, a dateline."""
        return bool(
            self.is_byline(text) or en.is_staff_line(text) or rules.jump_in(text) or en.dateline(text)
        )

    def is_byline(self, text: str) -> bool:
        """``By MARIA LOPEZ``, or a byline as this paper prints it (``[reading] bylines``)."""
        return en.is_byline(text) or (self.paper_bylines is not None and bool(self.paper_bylines.match(text)))

    def staff_like(self, i: int) -> bool:
        """A short line under a byline: the writer's role, however OCR read it (``SteH Wrtlw``)."""
        text = self.lines[i].text
        if en.is_staff_line(text):
            return True
        nxt = self.lines[i + 1] if i + 1 < len(self.lines) else None
        words = text.split()
        return (
            len(text) <= 30
            and len(words) <= 3
            and not en.ends_sentence(text)
            and (nxt is None or nxt.gap or not nxt.text[:1].islower())
            and not rules.jump_in(text)
        )

    def head(self, i: int) -> _Head:
        """Read what stands at line ``i`` (after a gap): jump head, headlines, jump line, byline."""
        lines, n = self.lines, len(self.lines)
        h = _Head(i)
        j = i

        def joined(k: int) -> bool:  # line k follows on without a blank line (or opens the head)
            return k < n and (k == i or not lines[k].gap)

        if joined(j + 1) and j + 1 < n and en.jump_head(lines[j].text) and rules.jump_in(lines[j + 1].text):
            h.jump_head, j = j, j + 1
        if rules.jump_in(lines[j].text):
            h.jump_in, h.end = j, j + 1
            return h
        while joined(j) and len(h.heads) < 4:
            text = lines[j].text
            if self.starts_body(text):
                break
            wrap = self.wrapped_head(j) if j == i else 0  # a headline wraps; decks below are set whole
            if not wrap and not self.stands_alone(j):
                break
            if h.heads and text[:1].islower():
                h.heads[-1].append(j)  # a headline wrapped onto a second line
            elif wrap:
                h.heads.append(list(range(j, j + wrap)))
                j += wrap - 1
            else:
                h.heads.append([j])
            h.long_head = h.long_head or len(text) > self.widths[j] * 1.15
            j += 1
        if joined(j) and j < n and rules.jump_in(lines[j].text):
            h.jump_in, h.end = j, j + 1
            return h
        if joined(j) and j < n and (self.is_byline(lines[j].text) or en.is_staff_line(lines[j].text)):
            h.byline, j = [j], j + 1
            if lines[j - 1].text.strip().lower() in ("by", "hy") and j < n:
                h.byline.append(j)
                j += 1
            while len(h.byline) < 4 and j < n and not lines[j].gap and self.staff_like(j):
                h.byline.append(j)
                j += 1
        elif h.heads and joined(j) and j < n and en.is_staff_line(lines[j].text) and len(h.heads[-1]) == 1:
            # a name without By, then the role: Brandon K. Pringle / Staff Writer
            h.byline = [*h.heads.pop(), j]
            j += 1
        h.end = j
        return h

    # --- decisions ----------------------------------------------------------------------------

    def opens(self, i: int, h: _Head) -> bool:
        """Does an article open at line ``i``, read as ``h``?"""
        if not self.blocks and not self.pieces:
            return True
        if self.heads_only() and not h.heads and h.jump_in is None:
            return False  # a byline or body set off by a blank line under its own headline
        if h.jump_in is not None or h.byline or (h.heads and h.long_head):
            return True
        body = self.lines[h.end] if h.end < len(self.lines) else None
        dated = body is not None and en.dateline(body.text) is not None
        if h.heads and dated:
            return True
        before = self.pending_text()
        if not closed(before):
            return False
        if h.heads:
            return body is None or not body.text[:1].islower()
        if dated or rules.jump_out(before) is not None or body is None:
            return True
        if body.text[:1].islower():
            return True  # a finished sentence, then text starting mid-sentence: a continuation
        if ANAPHORIC.match(body.text) or self.signed_below(h.end):
            return False
        after = [x.text for x in self.lines[h.end : h.end + COHESION_AFTER]]
        return cohesion(self.article[-COHESION_BEFORE:], after) < COHESION_SPLIT

    def signed_below(self, j: int) -> bool:
        """The byline's writer signs off below line ``j`` (``Lori Witmer is a computer science
        freshman.``) before any other byline: the text down to there is still theirs."""
        if self.writer is not None:
            for line in self.lines[j:]:
                if self.writer.match(line.text) or self.is_byline(line.text):
                    return not self.is_byline(line.text)
        return False

    def heads_only(self) -> bool:
        """The article open so far has its headline (and byline) and no text yet."""
        return (
            not self.pieces and bool(self.blocks) and self.blocks[-1].role in ("head", "byline", "jump_head")
        )

    def body_follows(self, j: int) -> bool:
        """Some line from ``j`` on is body text, not one more head, byline or credit line."""
        rest = self.lines[j:]
        if any(not en.headline_like(x.text) or en.ends_sentence(x.text) or len(x.text) > 60 for x in rest):
            return True
        return rules.jump_out(" ".join(x.text for x in rest[-3:])) is not None

    def pending_text(self) -> str:
        if self.pieces:
            return " ".join(p.text for p in self.pieces)
        return next((b.raw for b in reversed(self.blocks) if b.kind is BlockKind.PARAGRAPH), "")

    # --- building -----------------------------------------------------------------------------

    def emit(self, kind: BlockKind, lines: list[Line], text: str, role: str = "") -> None:
        block = Block(
            kind, text, lines[0].number, lines[-1].number, False, text, opens=self.opening, role=role
        )
        self.blocks.append(block)
        self.opening = False

    def flush(self) -> None:
        if self.pieces:
            text = self.pieces[0].text
            for piece in self.pieces[1:]:
                text = self.join(text, piece.text)
            self.emit(BlockKind.PARAGRAPH, self.pieces, text)
            self.article.extend(p.text for p in self.pieces)
            self.pieces = []

    def join(self, left: str, right: str) -> str:
        return en.reflow(left, right, self.vocabulary)

    def place_head(self, h: _Head) -> None:
        lines = self.lines
        if h.jump_head is not None:
            self.emit(BlockKind.LINE, [lines[h.jump_head]], lines[h.jump_head].text, "jump_head")
        for group in h.heads:
            text = " ".join(lines[k].text for k in group)
            self.emit(BlockKind.LINE, [lines[k] for k in group], text, "head")
        if h.jump_in is not None:
            line = lines[h.jump_in]
            m = rules.jump_in(line.text)
            if m is not None and line.text[m.end() :].strip():
                self.pieces = [line]  # text runs on after the jump line: one paragraph
            else:
                self.emit(BlockKind.LINE, [line], line.text, "jump_in")
        self.writer = None
        if h.byline:
            text = " / ".join(lines[k].text for k in h.byline)
            self.emit(BlockKind.LINE, [lines[k] for k in h.byline], text, "byline")
            self.writer = en.bio_line(en.byline_names(text))

    def add(self, i: int) -> None:
        """Line ``i`` is body text: continue the paragraph or start one; close it where it ends.
        Runs on every body line: the cheap tests on the last character come first."""
        line, lines = self.lines[i], self.lines
        if self.pieces and self.label_after_page(i):  # ``See OFFICES, page`` / (column break) / ``8``
            self.pieces.append(line)
            self.flush()
            return
        if line.indented:
            self.flush()  # the paper marks its paragraphs: this one starts here
        self.pieces.append(line)
        text = line.text
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        last = text[-1]
        if last in _SENTENCE_LAST and nxt is not None and en.ends_sentence(text) and not en.open_quote(text):
            if len(text) + 1 + len(first_word(nxt.text)) <= self.widths[i]:
                self.flush()  # broken early: the paragraph ends here
            elif not nxt.gap and self.subhead(i + 1):
                self.flush()
            return
        if en.may_end_jump(text) and rules.jump_out(" ".join(p.text for p in self.pieces[-3:])) is not None:
            self.flush()

    def label_after_page(self, i: int) -> bool:
        """Line ``i`` is the page number of a jump line broken after its ``page``."""
        if not self.pieces or self.pieces[-1].text[-4:].lower() != "page":
            return False
        return bool(PAGE_AT_END.search(self.pieces[-1].text)) and bool(_BARE_LABEL.match(self.lines[i].text))

    def subhead(self, i: int) -> bool:
        """A short head line inside an article, after a finished paragraph: its own paragraph."""
        before = self.lines[i - 1].text
        return en.ends_sentence(before) and en.capital_head(self.lines[i].text) and self.stands_alone(i)

    def run(self) -> list[Block]:
        i, n = 0, len(self.lines)
        jumped = False
        while i < n:
            line = self.lines[i]
            if (line.gap or jumped or i == 0) and not self.label_after_page(i):
                h = self.head(i)
                if h.jump_in is None and h.end > i and self.blocks and not self.body_follows(h.end):
                    for k in range(i, h.end):  # credits under the last article: STORY BY …, photos
                        self.flush()
                        self.emit(BlockKind.LINE, [self.lines[k]], self.lines[k].text, "credit")
                    i = h.end
                    continue
                if self.opens(i, h):
                    self.flush()
                    self.article = []
                    self.opening = True
                    self.place_head(h)
                    jumped = False
                    if h.end > i:
                        i = h.end
                        continue
                elif h.byline and self.heads_only():
                    self.place_head(h)  # the byline of the headline above, a blank line between
                    i = h.end
                    continue
            self.add(i)
            jumped = (
                not self.pieces
                and bool(self.blocks)
                and self.blocks[-1].raw[-1:] != "."
                and bool(rules.jump_out(self.blocks[-1].raw))
            )
            i += 1
        self.flush()
        return self.blocks


def blocks(
    text: str, furniture: re.Pattern[str] | None = None, bylines: re.Pattern[str] | None = None
) -> list[Block]:
    """Re-flow one page without paragraph marks into blocks; ``opens`` marks each article's first.
    ``furniture`` and ``bylines``: the paper's own lines of each kind, when configured."""
    return _Reader(text, furniture, bylines).run()
