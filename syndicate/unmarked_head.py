"""The head of an article on a page without paragraph marks, read by line shape: which lines
at a place are jump head, headline (wrapped or not), deck, jump line and byline (``unmarked``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import english as en
from . import english_jumps, english_leads, lazyre, rules
from .columns import Line, first_word
from .unmarked_topic import COHESION_SPLIT, cohesion, text_below

# Words that open a sentence, never continue one in capitals.
_SENTENCE_OPENER = lazyre.compile(
    r"^[“\"‘]?(?:The|A|An|In|On|At|It|He|She|They|We|This|That|These|Those|When|After|Before|While|As|If"
    r"|For|But|And|Although|Despite|During|According)\s"
)


# A jump head not set in capitals: a word or two in lower or Title Case (``road``, ``Harbor plan``).
_SMALL_JUMP_HEAD = lazyre.compile(r"[A-Za-z][a-z’'\-]{2,14}(?:\s[A-Za-z][a-z’'\-]{1,14})?")
KICKER_WORDS = 3  # a kicker over a headline is a word or three: ``CITY HALL``, ``Public safety``
SUBHEAD_WORDS = 4  # a head under a finished paragraph this long is a headline, not a subhead


@dataclass
class Head:
    """The head of an article as printed at one place: which lines are what."""

    end: int  # index of the first body line
    jump_head: list[int] = field(default_factory=list)  # a jump head, perhaps wrapped
    jump_in: int | None = None
    heads: list[list[int]] = field(default_factory=list)  # headline lines, a wrapped one together
    byline: list[int] = field(default_factory=list)
    long_head: bool = False  # a head line wider than the column: set across columns


class HeadReader:
    """Questions about the lines of one page: what stands alone, what opens a body, what a head is."""

    def __init__(self, lines: list[Line], widths: list[int], bylines: re.Pattern[str] | None) -> None:
        self.lines = lines
        self.widths = widths
        self.paper_bylines = bylines
        self._starts_body: dict[str, bool] = {}

    # --- lines ------------------------------------------------------------------------------

    def stands_alone(self, i: int) -> bool:
        """Line ``i`` was not filled to the column, and what follows starts afresh: a head line."""
        text, nxt = self.lines[i].text, self.lines[i + 1] if i + 1 < len(self.lines) else None
        if self.lines[i].indented or (english_jumps.may_end_jump(text) and rules.jump_out(text)):
            return False
        if len(text) > self.widths[i] * 1.15 and text[:1].isupper() and len(text) <= 200:
            return True  # wider than the column: set across columns, a headline or a deck
        if not en.headline_like(text):
            return False
        if len(text) > self.widths[i] * 1.15 or nxt is None or self.starts_body(nxt.text):
            return True
        if not nxt.gap and len(nxt.text) > self.widths[i + 1] * 1.15:
            return True  # a deck wider than the column follows: this line heads it
        if not nxt.gap and text.isupper() and nxt.text.isupper() and " " in text:
            return True  # a head set in capitals over more of it: text is never set so
        if not nxt.gap and _SENTENCE_OPENER.match(nxt.text):
            return True  # an unfinished line, then ``The …``: a new sentence, so the line was a head
        if not nxt.gap and self._title_over_sentence(text, nxt.text):
            return True
        if nxt.text[:1].islower() and not nxt.gap:
            return False
        return len(text) + 1 + len(first_word(nxt.text)) <= self.widths[i]

    @staticmethod
    def _title_over_sentence(text: str, below: str) -> bool:
        """A headline in Title Case of three words or more over a line in sentence case (``Utility
        Board Approves New Reservoir`` / ``Officials say the decision could``): a line of text
        holds lower-case words among its names."""
        return (
            below[:1].isupper()
            and text.count(" ") >= 2
            and en.capitalised_share(text) == 1.0
            and en.capitalised_share(below) < 0.5
        )

    def wrapped_head(self, j: int) -> int:
        """How many lines a headline set on two or three lines takes, those below in lower case
        (``Police detect stolen parking`` / ``permits daily``; ``Library plans`` / ``summer
        reading`` / ``program``): short, ending no sentence, the last standing alone. 0: none."""
        first = self.lines[j].text
        if not en.headline_like(first):
            return 0
        for k in range(j + 1, min(j + 3, len(self.lines))):
            line = self.lines[k]
            if (
                line.gap
                or not (line.text[:1].islower() or self._title_rest(first, line.text))
                or en.ends_sentence(line.text)
                or self.starts_body(line.text)
            ):
                return 0
            if self._alone_below(k):
                return k - j + 1
            if len(line.text) > 0.7 * self.widths[k]:
                return 0  # a line filled to the column runs on: body text
        return 0

    @staticmethod
    def _title_rest(first: str, text: str) -> bool:
        """``text`` is the rest of a headline set in Title Case (``Jury Hears Opening Statements
        in`` / ``Fraud Trial``): a few words, all capitalised, under three or more (not in capitals)."""
        if text.count(" ") > 4 or first.count(" ") < 2 or text.isupper() or first.isupper():
            return False
        if not all(w[:1].isupper() or len(w) <= 4 for w in text.split()):
            return False  # a long word in lower case: text (the cheap test first, most lines fail it)
        return en.capitalised_share(text) == 1.0 and en.capitalised_share(first) == 1.0

    def wrapped_deck(self, j: int) -> int:
        """A deck wrapped like a headline (``Court agrees Kevorkian was`` / ``trying to help``), taken
        only right above a byline, a jump line or a dateline: decks are mostly set whole."""
        wrap = self.wrapped_head(j)
        below = j + wrap
        if wrap and below < len(self.lines):
            # Across a column break only a byline tells: a dateline or a jump line may open the next story.
            text = self.lines[below].text
            return wrap if self.is_byline(text) or not self.lines[below].gap and self.starts_body(text) else 0
        return 0

    def jump_head_lines(self, j: int) -> int:
        """How many lines from ``j`` are a jump head right above a jump-in line: ``SCHOOLS``, or
        one wrapped over up to five (``SOUTH AFRICA: De Klerk,`` / ``Mandela pledge to forgive``
        / ``past, build future`` / ``From page 1``); or the story's headline in two lines over it
        (``Past concert problems cause request`` / ``Tor change`` / ``From page 1``). 0: none."""
        first = self.lines[j].text
        if not en.jump_head(first):
            nxt = self.lines[j + 1] if j + 1 < len(self.lines) else None
            if (
                nxt is not None
                and not nxt.gap
                and _SMALL_JUMP_HEAD.fullmatch(first)
                and rules.jump_in(nxt.text)
            ):
                return 1  # ``road`` / ``Harbor`` over ``Continued from Page 1``: a jump head set small
            if nxt is not None and nxt.gap and self._head_over_break(j):
                return 1  # ``Turnout low in special election`` / (column break) / ``Continued from page 1``
            return self._headline_over_jump(j)
        for k in range(j + 1, min(j + 6, len(self.lines))):
            line = self.lines[k]
            if line.gap or (k > j + 1 and len(line.text) > self.widths[k]):
                return 0
            if rules.jump_in(line.text):
                return k - j
            if k == j + 1 and ":" not in first:
                return 0  # only a head with its story's headline after the colon wraps
        return 0

    def under_kicker(self, h: Head, j: int) -> bool:
        """Line ``j`` is a headline set full to the column under a kicker (``EDUCATION`` / ``Night
        classes return to Hill campus``): a headline's length, ending no sentence, a new sentence
        right under it. A subhead over a paragraph's first line has lower case below that line."""
        if len(h.heads) != 1 or h.heads[0] != [j - 1] or h.jump_head:
            return False
        kicker, text = self.lines[j - 1].text, self.lines[j].text
        nxt = self.lines[j + 1] if j + 1 < len(self.lines) else None
        if (
            len(kicker.split()) > KICKER_WORDS
            or len(text.split()) < KICKER_WORDS + 1
            or nxt is None
            or nxt.gap
        ):
            return False
        return en.set_as_head(text) and (nxt.text[:1].isupper() or self.starts_body(nxt.text))

    def kicker_over_headline(self, h: Head, above: list[str]) -> bool:
        """A kicker of a word or three (``CITY HALL``, ``Public safety``) over a headline of a
        headline's length, wider than the column or standing alone: a story set with no air
        above (the text ``above`` it). Two short heads stacked (``ABOUT THE ISSUE`` / ``Teacher
        Evaluations``) may be a subhead pair inside a story."""
        if (
            len(h.heads) < 2
            or len(h.heads[0]) != 1
            or len(self.lines[h.heads[0][0]].text.split()) > KICKER_WORDS
        ):
            return False
        if h.long_head:
            return True
        if sum(len(self.lines[m].text.split()) for m in h.heads[1]) <= KICKER_WORDS:
            return False
        if self.stands_alone(h.heads[1][0]):
            return True
        # Set full to the column, so a headline only by the kicker above (``MEN'S HOOPS`` / ``Cal
        # Poly and Cal State`` is a subhead over text): a new story if it speaks of other things.
        return cohesion(above, text_below(self.lines, h.end)) < COHESION_SPLIT

    def signs_off(self, j: int) -> bool:
        """Line ``j`` is an agency or staff line standing alone under a story: ``Press Association``."""
        text = self.lines[j].text  # not a credit's line: ``STORY BY DAILY STAFF`` / ``WRITER …`` go on
        return en.is_staff_line(text) and not en.is_credit(text) and self.stands_alone(j)

    def signed_head(self, i: int) -> bool:
        """Line ``i`` is a headline, perhaps wrapped onto one more line, right over a byline (``By
        Ann Lee``) or a wire dateline (``FREMONT (AP) —``): a new story, whatever the line above
        (a caption, a cut sentence, a line lost to OCR). Text runs on into neither."""
        text = self.lines[i].text
        if not en.set_as_head(text) or self.lines[i - 1].text[-1:] in ",;:-":
            return False
        for k in range(i + 1, min(i + 3, len(self.lines))):
            line = self.lines[k]
            if line.gap:
                return False
            if line.text[:1] == "B" and en.is_byline(line.text):
                return True
            wire = en.dateline(line.text)
            if wire is not None:
                return "(" in wire.group("dateline")
            rest = line.text  # the headline's second line: ``coastal towns overnight``
            if (
                not rest[:1].islower()
                or not en.set_as_head(rest[0].upper() + rest[1:])
                or len(rest) > self.widths[k]
            ):
                return False
        return False

    def runs_into_text(self, i: int) -> bool:
        """Line ``i`` runs on into a line of text filled to the column (a paragraph's first line,
        not a head): what ``head`` would find, told cheaply for the many lines that ask."""
        nxt = self.lines[i + 1] if i + 1 < len(self.lines) else None
        if nxt is None or nxt.gap or not nxt.text[:1].islower() or len(nxt.text) <= 0.7 * self.widths[i + 1]:
            return False
        text = self.lines[i].text
        if len(text) > self.widths[i] * 1.15 or rules.jump_in(text) or self.is_byline(text):
            return False  # a wide head, a jump line or a byline over text run on from a jump
        return not self.starts_body(nxt.text) and not self._alone_below(i + 1)

    def _head_over_break(self, j: int) -> bool:
        """Line ``j``, under a finished paragraph (or a break), is set as a headline, and the jump
        line stands at the top of the next column."""
        nxt, above = self.lines[j + 1], self.lines[j - 1].text if j else "."
        if len(nxt.text) > self.widths[j + 1] or not (self.lines[j].gap or en.ends_sentence(above)):
            return False
        first = self.lines[j].text
        return first.count(" ") >= 1 and en.set_as_head(first) and rules.jump_in(nxt.text) is not None

    def _headline_over_jump(self, j: int) -> int:
        """2 when lines ``j`` and ``j + 1`` are a headline right over a jump-in line, else 0 (its rest
        in lower case may stand after a column break: ``Highway widening to begin in`` / ``spring``)."""
        if j + 2 >= len(self.lines):
            return 0
        second, jump = self.lines[j + 1], self.lines[j + 2]
        # The jump line first: most lines are none. A column break may fall under a headline
        # wrapped onto a line in lower case (``University plans new`` / ``dormitory`` / break).
        wrapped = not second.gap and second.text[:1].islower()
        if jump.gap and not wrapped or len(jump.text) > self.widths[j + 2] or not rules.jump_in(jump.text):
            return 0
        if second.gap and not second.text[:1].islower():
            return 0  # the rest of a head, in lower case, may follow a column break
        if not en.headline_like(self.lines[j].text) or rules.jump_in(second.text):
            return 0
        return 0 if en.ends_sentence(second.text) else 2

    def over_byline(self, j: int, wrapped: bool = False) -> bool:
        """Line ``j`` and at most three more, none ending a sentence, stand right over a byline: a
        headline set full to the column (``Political science major new`` / ``Poly Royal queen`` /
        ``By Ann Lee``), its line breaks no evidence. The byline is looked for first: most lines
        asked have none below. ``wrapped``: line ``j`` goes on with a head above it (lower case
        allowed)."""
        lines = self.lines
        for k in range(j + 1, min(j + 4, len(lines))):
            if lines[k].gap:
                return False
            if lines[k].text[:1] in "BbH8" and self.is_byline(lines[k].text):
                # A headline over a deck wrapped onto a line in lower case (``Critics call the
                # proposal a costly`` / ``mistake``) takes three lines.
                rest = [lines[m].text for m in range(j + int(not wrapped), k)]
                first = wrapped or self._head_line(lines[j].text)
                return first and all(self._head_line(t[:1].upper() + t[1:]) for t in rest)
        return False

    def _head_line(self, text: str) -> bool:
        """A line of a head block over a byline: no sentence end, no byline or jump line."""
        if not en.headline_like(text) or en.ends_sentence(text) or self.starts_body(text):
            return False
        return not (english_jumps.may_end_jump(text) and rules.jump_out(text))  # See BUDGET, Page 2

    def wrapped_across(self, j: int) -> bool:
        """Line ``j``, after a blank line under a headline, is the rest of it: short, in lower case,
        ending no sentence, standing alone above a byline, a dateline or the text."""
        text = self.lines[j].text
        return (
            text[:1].islower()
            and len(text) <= self.widths[j]
            and len(text.split()) <= 8
            and not en.ends_sentence(text)
            and self._alone_below(j)
        )

    def _alone_below(self, j: int) -> bool:
        text, nxt = self.lines[j].text, self.lines[j + 1] if j + 1 < len(self.lines) else None
        if text[-1:] in ",;:-" or nxt is None or nxt.gap or self.starts_body(nxt.text):
            return text[-1:] not in ",;:-"
        return not nxt.text[:1].islower() and len(text) + 1 + len(first_word(nxt.text)) <= self.widths[j]

    def starts_body(self, text: str) -> bool:
        """What a headline stands above: a byline, a staff line, a jump line, a dateline."""
        known = self._starts_body.get(text)
        if known is None:  # asked of a line several times
            known = bool(
                self.is_byline(text) or en.is_staff_line(text) or rules.jump_in(text) or en.dateline(text)
            )
            self._starts_body[text] = known
        return known

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
            and not en.dateline(text)  # SACRAMENTO, Calif. (AP) / — State officials …
        )

    def head(self, i: int) -> Head:
        """Read what stands at line ``i`` (after a gap): jump head, headlines, jump line, byline."""
        lines, n = self.lines, len(self.lines)
        h = Head(i)
        j = i

        def joined(k: int) -> bool:  # line k follows on without a blank line (or opens the head)
            return k < n and (k == i or not lines[k].gap)

        wrapped = self.jump_head_lines(j)
        if wrapped:
            h.jump_head, j = list(range(j, j + wrapped)), j + wrapped
        if rules.jump_in(lines[j].text):
            h.jump_in, h.end = j, j + 1
            return h
        while joined(j) and len(h.heads) < 4:
            text = lines[j].text
            if self.starts_body(text) or english_leads.obituary_lead(text):
                break  # (``Hugh A. Quinlan, 72, of Easton, died``: a notice's first line, under its name)
            wrap = self.wrapped_head(j) if j == i else self.wrapped_deck(j)  # decks wrap above a byline
            if (
                not wrap
                and not self.stands_alone(j)
                and not self.over_byline(j, bool(h.heads))
                and not self.under_kicker(h, j)
            ):
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
        if h.heads and j < n and lines[j].gap and self.wrapped_across(j):
            h.heads[-1].append(j)  # ``City budget gap`` / (column break) / ``widens to $14 million``
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
            if j < n and lines[j].gap and en.runs_on(lines[j - 1].text) and self.staff_like(j):
                h.byline.append(j)  # ``BY BEN WINSLOW / Special to the`` / (column break) / ``Ledger``
                j += 1
        elif h.heads and joined(j) and j < n and en.is_staff_line(lines[j].text) and len(h.heads[-1]) == 1:
            # a name without By, then the role: Brandon K. Pringle / Staff Writer
            h.byline = [*h.heads.pop(), j]
            j += 1
        h.end = j
        return h
