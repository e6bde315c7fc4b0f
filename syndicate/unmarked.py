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

import functools
import re

from . import english as en
from . import english_jumps, english_leads, lazyre, rules
from .columns import Line, first_word, read_lines, widths
from .model import Block, BlockKind
from .unmarked_ends import ANAPHORIC as ANAPHORIC  # profile reads it here
from .unmarked_ends import EndReader
from .unmarked_head import Head
from .unmarked_topic import COHESION_BEFORE, COHESION_SPLIT, closed, cohesion, may_close, text_below

_SENTENCE_LAST = frozenset(".!?\"'”’)")  # last characters of a line that may end a sentence
_NO_HEAD_LAST = frozenset(".,;-–—")  # last characters of a line that is no head (set_as_head)
JUMP_LINE_MAX = 48  # a jump-in line is no longer (a jump head run into it included)
UNWRAPPED_WIDTH = 80  # characters: a line this long is no column's (the widest print columns hold about 60)
BIO_MAX = 160  # a writer's bio line under a column is no longer
_SAID = lazyre.compile(r"\b(?:said|says|told)\b")


class _Reader(EndReader):
    def __init__(self, text: str, furniture: re.Pattern[str] | None, bylines: re.Pattern[str] | None) -> None:
        lines = read_lines(text, furniture)
        super().__init__(lines, widths(lines), bylines)
        self.text = text
        self.blocks: list[Block] = []
        self.pieces: list[Line] = []
        self.article: list[str] = []  # text of the current article so far, for cohesion
        self.writer: re.Pattern[str] | None = None  # the bio line of the current article's writer
        self.opening = False  # the next block opens an article
        self.quoted = False  # a pull-quote was the last thing read: the story goes on under it
        self.signed = False  # a letter's signature was the last thing read: the next letter opens

    # --- decisions ----------------------------------------------------------------------------

    def opens(self, i: int, h: Head) -> bool:
        """Does an article open at line ``i``, read as ``h``?"""
        if not self.blocks and not self.pieces:
            return True
        if h.jump_in is None and self.jump_line(i):
            return False  # ``Contd. on Page 2`` after a column break: the story above ends
        if self.signed and (h.jump_in is not None or not self.lines[i].text[:1].islower()):
            return True  # under a letter's signature: the next letter
        if (
            self.heads_only()
            and (h.jump_in is None or not h.heads and not h.jump_head)
            and (not h.heads or self.blocks[-1].role == "head")
        ):
            return False  # a byline, body, jump line or rest of the head set off by a blank line under its headline
        if h.byline and not h.heads and not closed(self.pending_text()):
            # After a column break that cut a sentence, only a byline set as one opens a story:
            # ``Associated Press photographer`` and ``by Dr. Ann Ruiz, author of`` go on with it.
            first, last = self.lines[h.byline[0]].text, self.lines[h.byline[-1]].text
            staffed = len(h.byline) > 1 and en.is_staff_line(last)  # by Kim Foster / Staff Writer
            if not staffed and (first[:1] == "b" or not self.is_byline(first)):
                return False
        if h.jump_in is not None or h.byline or (h.heads and h.long_head):
            return True
        if not h.heads and english_leads.captions_under_head(self.blocks, bool(self.pieces)):
            return False  # a caption under the photo credit under a byline: the story's, its body below
        if h.heads == [[i]] and en.runs_on(self.lines[i].text):
            return False  # ``Previously, the`` / ``See FACILITIES, B1``: text cut by a column end, no head
        if h.heads and en.is_credit(self.lines[i].text) and closed(self.pending_text()):
            return False  # ``Photo by JANE DOE`` over its caption: a picture in the story, no headline
        body = self.lines[h.end] if h.end < len(self.lines) else None
        dated = body is not None and en.dateline(body.text) is not None
        dated = dated and not english_leads.captions_under_head(self.blocks, bool(self.pieces))
        if h.heads and dated:
            return True
        before = self.pending_text()
        if not closed(before) and not (len(h.heads) > 1 and may_close(before)):
            # (A head block of two, a kicker or a deck, under ``… at 7:30 p.m.``: that ended a sentence.)
            # A wire dateline (FREMONT (AP) —) after a blank line opens a story even under text
            # that ends no sentence (a caption, a line that lost its period): never mid-sentence.
            wire = en.dateline(body.text) if body is not None and h.end == i else None
            return wire is not None and "(" in wire.group("dateline")
        if h.heads:
            return body is None or not body.text[:1].islower()
        if dated or rules.jump_out(before) is not None or body is None:
            return True
        if body.text[:1].islower():
            return True  # a finished sentence, then text starting mid-sentence: a continuation
        if english_leads.obituary_lead(" ".join(text_below(self.lines, h.end)[:2])):
            return True  # an obituary's lead (Ann Hale, 84, of …)
        if ANAPHORIC.match(body.text) or self.signed_below(h.end):
            return False
        if self.bio_above():
            return True  # the writer's bio line (``Carla Mendes is a journalism senior.``) ended the column
        return (
            not self.quoted
            and cohesion(self.article[-COHESION_BEFORE:], text_below(self.lines, h.end)) < COHESION_SPLIT
        )

    def ungapped(self, i: int) -> bool:
        """Line ``i`` follows a finished paragraph with no blank line and could head an article:
        UK papers set their headlines so, and a column of briefs runs on without air."""
        text, above = self.lines[i].text, self.lines[i - 1].text
        if len(text) > 80 or (
            text[-1:] in _NO_HEAD_LAST and not (text[-1] == "." and en.NAME_ABBREVIATION.search(text[-7:]))
        ):
            return False  # most lines: the cheap tests first (``Public Safety Dept.`` may end a head)
        # Under a sentence end, or under ``Press Association``: a few words standing alone.
        signed = above[-1:] not in _SENTENCE_LAST
        if signed and not (above.count(" ") <= 3 and above[:1].isupper() and self.signs_off(i - 1)):
            # Not under a finished paragraph (most lines): a head only right over its byline or dateline.
            return len(self.pieces) > 1 and bool(self.article) and self.signed_head(i)
        if not (en.set_as_head(text) or self.caps_head_wrapped(i)) or en.is_credit(text):
            return False  # a photo credit (``DARRELL MIHO/Daily``) under the text is no head
        if self.heads_only() or self.runs_into_text(i):
            return False  # right under a head and byline, or a paragraph's first line
        return (signed or may_close(self.pending_text())) and not (
            self.writer is not None and self.writer.match(text)  # the writer's bio line
        )

    def jump_in_here(self, i: int) -> bool:
        """Line ``i`` is a jump-in line, or a jump head over one, right under any line: a
        continuation set with no air under the story above (which may end on a credit, a subhead
        or a cut sentence). Asked of lines that hint at one (``run`` tests that inline)."""
        text = self.lines[i].text
        if len(text) > JUMP_LINE_MAX:
            return False
        if rules.jump_in(text):
            return not self.pieces or not self.pieces[-1].text.endswith("-")  # not a word cut at ``-``
        nxt = self.lines[i + 1] if i + 1 < len(self.lines) else None
        return (
            text.isupper()
            and nxt is not None
            and not nxt.gap
            and len(nxt.text) <= JUMP_LINE_MAX
            and en.jump_head(text)
            and rules.jump_in(nxt.text) is not None
        )

    def dated_ungapped(self, i: int) -> bool:
        """Line ``i`` opens with a dateline (``TRAVERSE CITY, Mich. (AP) —``) right under a finished
        paragraph: a story whose headline was lost or set elsewhere starts here."""
        text = self.lines[i].text
        return (
            self.lines[i - 1].text[-1:] in _SENTENCE_LAST
            and text[:1].isupper()
            and (
                en.dateline(text) is not None
                or english_leads.obituary_lead(
                    text + " " + self.lines[i + 1].text[:30] if i + 1 < len(self.lines) else text
                )
            )
            and not self.heads_only()
            and closed(self.pending_text())
            and not english_leads.captions_under_head(self.blocks, bool(self.pieces))
        )

    def opens_ungapped(self, i: int, h: Head) -> bool:
        """A head right under a finished paragraph opens an article when more than its shape says
        so: a byline or jump line under it, a dateline or a lead set in capitals (``RAIL passengers
        face …``), or an agency line signing off the story above. A subhead inside an article has
        none; a staff line alone (``Associated Press``) signs off the article above, and so does a
        bio line (``Carla Mendes is a journalism`` / ``senior.``)."""
        if self.jump_line(i) or any(
            en.runs_on(self.lines[g[-1]].text) and not self.caps_head_wrapped(g[-1]) for g in h.heads
        ):
            return False  # ``The men's basketball team`` / ``lost two games this``: text, not a head
        if h.jump_in is not None or (h.heads and (self.signs_off(i - 1) or self.bio_above())):
            return True
        if h.byline:
            first, last = self.lines[h.byline[0]].text, self.lines[h.byline[-1]].text
            if first[:1] == "b":
                return False  # ``by Jerry Morales and Bailey``: a line of text, under no headline
            return self.is_byline(first) or (bool(h.heads) and not en.ends_sentence(last))
        body = self.lines[h.end] if h.end < len(self.lines) else None
        if body is None or body.text[:1].islower():
            return False
        if not h.heads:
            return h.end == i and self.dated_ungapped(i)  # a dateline or an obituary's lead opens the story
        if en.dateline(body.text) or en.capital_lead(body.text) or self.headline_over(h, body):
            return True
        if english_leads.obituary_lead(" ".join(text_below(self.lines, h.end)[:2])):
            return True  # ``Obituaries`` / ``Hugh J. Okafor`` over the lead: the next notice
        if english_leads.LETTERS_HEAD.match(self.lines[h.heads[0][0]].text):
            return True  # a letters column's standing head
        if self.kicker_over_headline(h, self.article[-COHESION_BEFORE:] + [p.text for p in self.pieces]):
            return True
        return self.new_topic(h, body)

    def bio_above(self) -> bool:
        """The paragraph above is the writer's bio line (``Lori Witmer is a senior.``): signed off.
        A bio is a line or two and quotes nobody; a paragraph of the story may open on the
        writer's name too (``Ben Winslow, president of the senate, said …``)."""
        if self.writer is None:
            return False
        text = self.pending_text()
        return len(text) <= BIO_MAX and bool(self.writer.match(text)) and _SAID.search(text) is None

    # --- building -----------------------------------------------------------------------------

    def emit(self, kind: BlockKind, lines: list[Line], text: str, role: str = "") -> None:
        block = Block(
            kind, text, lines[0].number, lines[-1].number, False, text, opens=self.opening, role=role
        )
        self.blocks.append(block)
        self.opening = False

    def flush(self) -> None:
        if self.pieces:
            texts = [p.text for p in self.pieces]
            text = " ".join(texts)  # what reflow makes of lines none of which ends in a hyphen
            if any(t.endswith("-") for t in texts[:-1]):
                text = functools.reduce(self.join, texts)
            self.emit(BlockKind.PARAGRAPH, self.pieces, text)
            self.article.extend(texts)
            self.pieces = []

    def join(self, left: str, right: str) -> str:  # the page's words settle only a hyphen at the end
        return en.reflow(left, right, self.vocabulary if left.endswith("-") else frozenset())

    @functools.cached_property
    def vocabulary(self) -> set[str]:  # gathered the first time a line ends in a hyphen
        return set(re.findall(r"[A-Za-z][\w’'\-]*", self.text.lower()))

    def place_head(self, h: Head) -> None:
        lines = self.lines
        if h.jump_head:
            text = " ".join(lines[k].text for k in h.jump_head)
            self.emit(BlockKind.LINE, [lines[k] for k in h.jump_head], text, "jump_head")
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
        self.writer, self.signed = None, False  # a new head: no signature above it any more
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
        if len(self.pieces) == 1 and i > 0 and en.is_credit(text) and closed(self.pending_text()):
            self.pieces = []  # ``Photo by JANE DOE`` under a finished paragraph: no text of the story
            self.emit(BlockKind.LINE, [line], text, "credit")
            return
        if len(self.pieces) == 1 and i > 0 and self.short_subhead(i):
            self.flush()  # ``Roads first`` under a finished paragraph: a subhead, its own paragraph
            return
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        last = text[-1]
        if last in _SENTENCE_LAST and nxt is not None and en.ends_sentence(text) and not en.open_quote(text):
            if len(text) + 1 + len(first_word(nxt.text)) <= self.widths[i] or len(text) > UNWRAPPED_WIDTH:
                self.flush()  # broken early, or no column's line (a paragraph a line): it ends here
            elif not nxt.gap and self.subhead(i + 1):
                self.flush()
            return
        if (
            english_jumps.may_end_jump(text)
            and rules.jump_out(" ".join(p.text for p in self.pieces[-3:])) is not None
        ):
            self.flush()

    def closing_lines(self, i: int, jumped: bool) -> int:
        """How many lines from ``i`` close the article above as its credit lines, not text: a
        refer line under its jump line (``Related story, Page 4``), or a letter's signature, under
        which the next letter opens (``signed``). 0: none."""
        text, above = self.lines[i].text, self.lines[i - 1].text if i else ""
        n = 0
        if jumped and len(text) <= JUMP_LINE_MAX and english_jumps.REFER_LINE.match(text):
            # The story's refer line, and still its end; a continuation's ``Continued from Page A1``
            # under a letter's signature (read as the end of a story too) is none.
            n = int(rules.jump_out(text) is None and rules.jump_in(text) is None)
        elif (
            i
            and above[-1:] in _SENTENCE_LAST
            and english_leads.SIGNATURE.match(text)
            and en.ends_sentence(above)
            and not self.heads_only()
        ):
            letter = self.letters_page or english_leads.first_person(
                self.article + [p.text for p in self.pieces]
            )
            n = english_leads.signature(self.lines, i, letter)
            self.signed = n > 0
        if n:
            self.flush()
            for k in range(i, i + n):
                self.emit(BlockKind.LINE, [self.lines[k]], self.lines[k].text, "credit")
        return n

    def display_quote(self, i: int, marked: bool) -> int:
        """Lines from ``i`` set as a pull-quote (display type), taken as credit lines: no text of
        the story, which goes on below it. 0: none."""
        quote = 0 if self.heads_only() else self.pull_quote(i)
        if quote and self.blocks and (marked or closed(self.pending_text())):
            self.flush()
            for k in range(i, i + quote):
                self.emit(BlockKind.LINE, [self.lines[k]], self.lines[k].text, "credit")
            return quote
        return 0

    def run(self) -> list[Block]:
        i, n = 0, len(self.lines)
        jumped = False
        while i < n:
            line = self.lines[i]
            marked = line.gap or jumped or i == 0
            above = self.lines[i - 1].text if i else ""
            # Under a sentence end or a short line (``Press Association``): the cheap test inline.
            under = above[-1:] in _SENTENCE_LAST or above.count(" ") <= 3
            text = line.text  # a jump-in line under any line: the cheap tests inline, then jump_in_here
            hint = "rom" in text or "ued" in text or "ump" in text or "ROM" in text or text.isupper()
            ungapped = not marked and (
                under and (self.ungapped(i) or self.dated_ungapped(i)) or hint and self.jump_in_here(i)
            )
            closing = self.closing_lines(i, jumped)  # a refer line, a letter's signature: ends above
            quote = 0 if closing or text[:1] not in '“"' or not under else self.display_quote(i, marked)
            if closing or quote:
                i, jumped, self.quoted = i + closing + quote, bool(closing), bool(quote)
                continue
            if (marked or ungapped) and not self.label_after_page(i):
                h = self.head(i)
                if h.end == i and (self.bio_above() if ungapped else self.head_at_column_end(i)):
                    h.heads, h.end = [[i]], i + 1  # the writer signed off above / the column ends under it
                # A credit block may run on past its first lines (STORY BY … / … PHOTOS BY / JUAN …).
                credit_line = bool(self.blocks) and not self.pieces  # nothing of a caption pending
                credit_line = credit_line and (self.blocks[-1].role == "credit" or en.is_credit(line.text))
                end = max(h.end, i + 1) if credit_line else h.end
                credits = not ungapped and h.jump_in is None and end > i and bool(self.blocks)
                if credits and (not self.body_follows(end) or self.heads_only() and en.is_credit(text)):
                    for k in range(i, end):  # credits under the last article (STORY BY …), or under a byline
                        self.flush()
                        self.emit(BlockKind.LINE, [self.lines[k]], self.lines[k].text, "credit")
                    i = end
                    continue
                if self.opens_ungapped(i, h) if ungapped else self.opens(i, h):
                    self.flush()
                    self.article = []
                    self.opening = True
                    self.place_head(h)
                    jumped = False
                    if h.end > i:
                        i = h.end
                        continue
                elif (h.byline or h.heads or h.jump_in is not None) and not ungapped and self.heads_only():
                    self.place_head(h)  # the byline or deck of the headline above, a blank line between
                    i = h.end
                    continue
            self.add(i)
            self.quoted = self.signed = False
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
