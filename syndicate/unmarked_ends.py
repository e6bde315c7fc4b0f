"""What ends an article or a paragraph on a page without paragraph marks (``unmarked``): a jump
line (``Contd. on Page 2``, or broken before its label), a letter's signature on a letters page,
the writer's bio line, a subhead standing alone."""

from __future__ import annotations

import functools
import re

from . import english as en
from . import english_jumps, english_leads, lazyre, rules
from .columns import PAGE_AT_END, Line
from .model import Block, BlockKind
from .unmarked_head import SUBHEAD_WORDS, Head, HeadReader
from .unmarked_topic import COHESION_BEFORE, COHESION_SPLIT, closed, cohesion, text_below

# A paragraph opening like this refers back to the one above: not a new article.
ANAPHORIC = lazyre.compile(
    r"^[“\"‘'(]|^(?:But|And|Or|Yet|So|Still|However|Also|Meanwhile|Instead|Hopefully|Then|Now|Even"
    r"|He|She|They|It|Its|His|Her|Their|This|That|These|Those|Such|Both|Another|Other|Others|Later"
    r"|In addition|Furthermore|Moreover|Nevertheless|Otherwise|Finally)\b"
)
_BARE_LABEL = lazyre.compile(r"^[A-Z]?\d{1,3}$")
JUMP_OUT_MAX = 48  # a jump-out line standing alone is no longer


class EndReader(HeadReader):
    """Questions about where the text of an article ends; ``unmarked._Reader`` keeps the state."""

    pieces: list[Line]  # the paragraph being read
    writer: re.Pattern[str] | None  # the bio line of the current article's writer
    blocks: list[Block]  # the page's blocks read so far
    article: list[str]  # text of the current article so far, for cohesion

    @functools.cached_property
    def letters_page(self) -> bool:
        """The page prints a letters column's standing head (``Letters to the Editor``)."""
        return any(english_leads.LETTERS_HEAD.match(line.text) for line in self.lines)

    def subhead(self, i: int) -> bool:
        """A short head line inside an article, after a finished paragraph: its own paragraph."""
        before = self.lines[i - 1].text
        return en.ends_sentence(before) and en.capital_head(self.lines[i].text) and self.stands_alone(i)

    def short_subhead(self, i: int) -> bool:
        """A subhead of a few words in sentence case (UK print: ``Roads first``) under a finished
        paragraph, well short of the column, the next paragraph right under it."""
        text, nxt = self.lines[i].text, self.lines[i + 1] if i + 1 < len(self.lines) else None
        return (
            nxt is not None
            and not nxt.gap  # a column break may follow any short first line
            and nxt.text[:1].isupper()
            and len(text) <= min(40, 0.8 * self.widths[i])
            and en.set_as_head(text)
            and len(text.split()) <= 6
            and en.ends_sentence(self.lines[i - 1].text)
            and self.stands_alone(i)
        )

    def pending_text(self) -> str:
        """The paragraph being read, else the last one read."""
        if self.pieces:
            return " ".join(p.text for p in self.pieces)
        return next((b.raw for b in reversed(self.blocks) if b.kind is BlockKind.PARAGRAPH), "")

    def head_at_column_end(self, i: int) -> bool:
        """Line ``i``, under a finished story (a sentence end, its jump line), is set as a headline
        and the column breaks right under it, the next column going on with a new sentence: a
        headline at a column's foot (``Continued on page B1`` / ``Utility board approves new
        reservoir`` / break / ``Officials say …``), its deck and byline over the break."""
        nxt = self.lines[i + 1] if i + 1 < len(self.lines) else None
        if nxt is None or not nxt.gap or not nxt.text[:1].isupper() or self.pieces:
            return False
        text = self.lines[i].text
        return en.set_as_head(text) and text.count(" ") >= 2 and closed(self.pending_text())

    def caps_head_wrapped(self, i: int) -> bool:
        """Line ``i`` is a head in capitals broken after a word that needs the next, which the
        line below sets in capitals too (``TRUSTEES WEIGH DEEPER CUTS TO`` / ``SCHOOL BUDGET``)."""
        text, nxt = self.lines[i].text, self.lines[i + 1] if i + 1 < len(self.lines) else None
        return (
            nxt is not None
            and not nxt.gap
            and text.isupper()
            and nxt.text.isupper()
            and en.runs_on(text)
            and en.set_as_head(nxt.text)
        )

    def headline_over(self, h: Head, body: Line) -> bool:
        """A head of one line set in capitals, a headline's length (a subhead inside a story is a
        word or three: ``ABOUT THE ISSUE``), over a new sentence: a story set with no air above.
        Or such a head wrapped onto a second line after a word that needs the next (``TRUSTEES
        WEIGH DEEPER CUTS TO`` / ``SCHOOL BUDGET``): a subhead is not wrapped."""
        lines = [k for group in h.heads for k in group]
        if (
            not body.text[:1].isupper()
            or len(lines) > 2
            or len(lines) == 2
            and not en.runs_on(self.lines[lines[0]].text)
        ):
            return False
        texts = [self.lines[k].text for k in lines]
        return sum(len(t.split()) for t in texts) >= SUBHEAD_WORDS and all(t.isupper() for t in texts)

    def pull_quote(self, i: int) -> int:
        """How many lines from ``i`` are a pull-quote set inside a story: a quoted sentence on up
        to five lines, then its attribution opening with a dash (``— Marta Delgado, county
        supervisor``), no blank line between. 0: none."""
        lines = self.lines
        if lines[i].text[:1] not in '“"':
            return 0
        for k in range(i, min(i + 5, len(lines) - 1)):
            if k > i and lines[k].gap:
                return 0
            text = lines[k].text
            if text[-1:] in '”"' and text.rstrip('”"')[-1:] in ".?!":
                below = lines[k + 1]
                by = below.text[:1] in "—–" and not below.gap and len(below.text) <= 60
                return k - i + 2 if by and not en.ends_sentence(below.text) else 0
        return 0

    def jump_line(self, i: int) -> bool:
        """Line ``i`` is a story's jump line (``Contd. on Page 2``; ``Please see TRIAL,`` / ``Page
        A2``, broken before its label): the end of the story above, never a head over the next."""
        text = self.lines[i].text
        if len(text) > JUMP_OUT_MAX:
            return False
        nxt = self.lines[i + 1] if i + 1 < len(self.lines) else None
        label = f"{text} {nxt.text}" if nxt is not None and not nxt.gap and len(nxt.text) <= 8 else ""
        for line in (text, label):
            m = rules.jump_out(line) if line and english_jumps.may_end_jump(line) else None
            if m is not None and m.start() == 0:
                return True
        return False

    def signed_below(self, j: int) -> bool:
        """The byline's writer signs off below line ``j`` (``Lori Witmer is a computer science
        freshman.``) before any other byline: the text down to there is still theirs."""
        if self.writer is not None:
            for line in self.lines[j:]:
                if self.writer.match(line.text) or self.is_byline(line.text):
                    return not self.is_byline(line.text)
        return False

    def label_after_page(self, i: int) -> bool:
        """Line ``i`` is the page number of a jump line broken after its ``page``."""
        if not self.pieces or self.pieces[-1].text[-4:].lower() != "page":
            return False
        return bool(PAGE_AT_END.search(self.pieces[-1].text)) and bool(_BARE_LABEL.match(self.lines[i].text))

    def heads_only(self) -> bool:
        """The article open so far has its headline (and byline) and no text yet."""
        return (
            not self.pieces
            and bool(self.blocks)
            and self.blocks[-1].role in ("head", "byline", "jump_head", "jump_in")
        )

    def body_follows(self, j: int) -> bool:
        """Some line from ``j`` on is body text, not one more head, byline or credit line."""
        rest = self.lines[j:]
        if any(not en.headline_like(x.text) or en.ends_sentence(x.text) or len(x.text) > 60 for x in rest):
            return True
        return rules.jump_out(" ".join(x.text for x in rest[-3:])) is not None

    def new_topic(self, h: Head, body: Line) -> bool:
        """A head of one group over a new sentence whose words share almost nothing with the
        article above (``Thinkable art`` / ``I would like to praise``): the next story, set with no
        air; a subhead inside an article goes on with its words."""
        if len(h.heads) != 1 or len(h.heads[0]) != 1 or body.gap or ANAPHORIC.match(body.text):
            return False
        k = h.heads[0][0]
        size = len(self.lines[k].text)
        if self.lines[k].text[:1] in "“\"‘'" or 0.8 * self.widths[k] < size <= 1.15 * self.widths[k]:
            return False  # a quote or a line filled to the column (not wider): a paragraph's first line
        if sum(len(self.lines[k].text.split()) for k in h.heads[0]) < SUBHEAD_WORDS:
            return False  # ``A better understanding``: a subhead's few words
        above = self.article[-COHESION_BEFORE:] + [p.text for p in self.pieces]
        return cohesion(above, text_below(self.lines, h.end)) < COHESION_SPLIT
