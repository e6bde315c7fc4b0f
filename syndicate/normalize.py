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

import dataclasses

from . import credits, furniture, indents, measure, rules
from .briefs import label_line, spaced_run_in
from .model import Block, BlockKind
from .profile import CHINESE, Profile, strong_pretest
from .text import char_class, close_up, join, join_all


class _Line:
    """One line of the page file, with what the reader needs to know of it."""

    __slots__ = ("number", "text", "indented", "deep", "strong", "article_below", "profile", "_heady", "centred")  # fmt: skip

    def __init__(
        self, number: int, text: str, indented: bool, strong: bool, profile: Profile, deep: bool = False
    ) -> None:
        self.number = number  # 1-based line number in the page file
        self.text = text  # without indent and trailing space
        self.indented = indented
        self.deep = deep  # indented twice or more: a right-aligned credit, printed on its own
        self.strong = strong  # stands alone wherever it is (byline, jump-in marker)
        self.article_below = False  # in a run of headline-like lines right above an article start
        self.profile = profile
        self._heady: bool | None = None
        self.centred = False  # unindented, after spaces: set in the middle of the column (a head)

    @property
    def blank(self) -> bool:
        return not self.text

    @property
    def heady(self) -> bool:
        """Could be a headline line. Computed only where a headline block is possible, once."""
        if self._heady is None:
            self._heady = bool(self.text) and (self.strong or _headline_like(self.text, self.profile))
        return self._heady


def _lines(text: str, p: Profile, unmarked: bool = False) -> list[_Line]:
    out = []
    # split("\n"), not splitlines(): form feeds and U+2028 must not shift line numbers.
    raws = text.split("\n")
    foot = len(raws) - rules.EDGE_LINES
    indent = p.paragraph_indent
    deep = (indent or "") * 4  # twice a paragraph's two-character indent: right-aligned
    running = furniture.running_lines(raws, p)
    window, pre = strong_pretest(p)
    # is_furniture says no to a line off the edges opening with no furniture line's first character.
    first, top, anywhere = p.furniture_first, rules.EDGE_LINES, p.extra_furniture is not None
    for n, raw in enumerate(raws, start=1):
        lead = raw.lstrip(" \t")
        indented = indent is not None and lead.startswith(indent)
        body = lead.strip("\u3000 \t\r")
        strong = False
        if body and not indented and indent is not None and _opens(body, p):
            indented = True  # a dateline or a jump-in opens a paragraph even where extraction lost its indent
        if body:
            edge = n <= top or n > foot
            furn = (body[0] in first or anywhere or edge) and furniture.is_furniture(body, edge, p)
            if (n in running or furn) and not (edge and furniture.ends_a_jump(raws, n - 1, body, p)):
                body = ""
            elif pre is None or pre.search(body, 0, window) is not None:
                strong = is_strong(body, p)
        out.append(_Line(n, body, indented, strong, p, indented and lead.startswith(deep)))
        out[-1].centred = not indented and raw[:1] == " "
    furniture.drop_debris(out, lambda text: _closed(text, p))
    if unmarked and (indents.long_enough(out) or indents.unwrapped(out)):
        indents.mark_body_starts(out, lambda text: _closed(text, p))
    # One backward sweep: which unindented lines could head the article that starts below them?
    # Only a run of headline-like lines (or a deck) right above an article start can.
    below = False
    for k in range(len(out) - 1, -1, -1):
        line = out[k]
        if line.indented or line.strong:
            below = _starts_article(line, p)
        elif line.text and below:
            below = line.heady or _deck(line, p)
            line.article_below = below
    return out


def _opens(body: str, p: Profile) -> bool:
    return _dated(body, p) or indents.jumped_in(body, p.language) or spaced_run_in(body)


def _dated(body: str, p: Profile) -> bool:
    """The line opens with a dateline (本报讯, 新华社北京7月8日电): cheap test first."""
    head = body[:20]
    return ("讯" in head or "电" in head) and bool(p.dateline.match(body))


_CREDIT_ENDS = rules.CREDIT_ENDS  # last characters of source credits (据央视新闻, 综合新华社等)

# Last characters after which a paragraph may be finished (sentence ends, closing brackets, credits).
_MAY_CLOSE = frozenset(rules.SENTENCE_END_CHARS + rules.CLOSING_CHARS + "版图摄" + "/／" + _CREDIT_ENDS)


def is_strong(text: str, p: Profile = CHINESE) -> bool:
    """A line that stands alone wherever it appears: a byline, a jump-in marker alone, a box's label."""
    if len(text) <= rules.BOX_LABEL_MAX and text[:1] in rules.BOX_FIRST and rules.BOX.match(text):
        return True  # 核心提示: also under a deck that ends no sentence
    hints = p.byline_hints
    if (
        len(text) <= p.byline_max
        and (not hints or char_class(hints).search(text, 0, 8) is not None)
        and (not p.byline_chars or char_class(p.byline_chars).search(text) is not None)
        and p.byline_line.match(text)
    ):
        return True
    m = rules.jump_in(text, p.language)  # runs on every line: jump_alone without its extra call
    return m is not None and not text[m.end() :].strip()


def _headline_like(text: str, p: Profile) -> bool:
    if len(text) < p.headline_min and p.short_headline.match(
        text.rstrip("：" if p.colon_headline_max else "")
    ):
        # 李在明称, 楼市问答, 专家：: a short headline; 据新华社 alone is a credit (张宣 by context)
        return not p.not_headline.search(text)
    if not p.headline_min <= len(text) <= p.headline_max:
        return bool(p.photo_heading.match(close_up(text)))
    if text[-1] in "：:" and len(text) <= p.colon_headline_max and not rules.BODY_LINE_END.search(text[:-1]):
        text = text[:-1]  # 日本防卫大臣： a speaker's headline, the quote below it
    if text[-1] in rules.BODY_LINE_END_CHARS or "。" in text:
        return False
    if text.count("）") + text.count(")") > text.count("（") + text.count("("):
        return False  # the tail of a bracket opened on an earlier line
    return not p.not_headline.search(text) and rules.jump_out(text, p.language) is None


def _closed(text: str, p: Profile) -> bool:
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
    if rules.jump_out(tail, p.language) or (last in "版）)" and rules.TEASER_REF.search(tail)):
        return True
    return (
        last in "）)图摄" or last in _CREDIT_ENDS or "/" in tail or "／" in tail or "：" in tail
    ) and bool(p.sign_off.search(tail))


def _deck(line: _Line, p: Profile) -> bool:
    """Too long for a headline line, yet unwrapped: a deck (导语) printed as one line."""
    text = line.text
    return not line.indented and len(text) > 2 * p.headline_max / 3 and not rules.BODY_LINE_END.search(text)


def _starts_article(line: _Line, p: Profile) -> bool:
    return line.indented and (line.strong or bool(p.article_opening.match(line.text)))


_COMMA = credits.COMMA


class _Builder:
    """Collects blocks; a paragraph stays open while lines keep coming."""

    def __init__(self, profile: Profile) -> None:
        self.p = profile
        self.blocks: list[Block] = []
        self.pieces: list[_Line] = []
        self.blank_before = False
        self.open = False  # the paragraph being collected is unfinished
        self.signed = False  # ...or finished by a bracketed sign-off: the article above ends there
        # The page marks no paragraph with an indent (a tabloid's layout): there 图为… after a finished
        # sentence opens a caption however its line wraps (under an indented paragraph: its tail).
        self.unmarked = False

    def update(self) -> None:
        # The tail of the joined text: a sign-off such as （来源：…编译：…） may span lines.
        last = self.pieces[-1].text
        # A sign-off such as （来源：…编译：…） may span lines: look further back only then.
        if last[-1:] in "）)":
            tail = "".join(p.text for p in self.pieces[-5:])
        elif last[-1:] in _CREDIT_ENDS or last[-1:] == "版" or "：" in last:
            tail = "".join(p.text for p in self.pieces[-2:])  # 据央 / 视新闻, 下转2 / 版, 编 / 译：李强
        else:
            tail = last
        self.open = not _closed(tail, self.p)
        # Closed by a bracketed sign-off, not a sentence: （记者 吴倩）, （来源：《人民日报》）, （完）.
        bracket = not self.open and tail[-1:] in "）)" and not rules.SENTENCE_END.search(tail[-8:])
        self.signed = bracket and bool(rules.SIGN_OFF_BRACKET.search(tail))

    def starts(self, line: measure.Line) -> bool:
        """The line opens an article (``_starts_article``, for any line)."""
        return line.indented and (line.strong or bool(self.p.article_opening.match(line.text)))

    def flush(self) -> None:
        if self.pieces:
            if self.p.join is join:
                raw = join_all([piece.text for piece in self.pieces])
            else:
                raw = ""
                for piece in self.pieces:
                    raw = self.p.join(raw, piece.text)
            first, last = self.pieces[0].number, self.pieces[-1].number
            # A caption set apart from the body (图为… with no indent) is marked for segment.
            loose = not self.pieces[0].indented and bool(rules.CAPTION_OPENING.match(self.pieces[0].text))
            block = Block(BlockKind.PARAGRAPH, close_up(raw), first, last, self.blank_before, raw)
            self.blocks.append(dataclasses.replace(block, role="caption") if loose else block)
            self.pieces = []
            self.open = self.signed = False

    def line(self, line: _Line, blank_before: bool) -> None:
        if line.strong:
            self.split_caption()
        self.flush()
        block = Block(BlockKind.LINE, close_up(line.text), line.number, line.number, blank_before, line.text)
        self.blocks.append(dataclasses.replace(block, centred=True) if line.centred else block)

    def split_caption(self) -> None:
        """Unindented lines after the paragraph's last sentence, ending with a photo credit, right
        above a byline: captions of the article below (one or more), not the end of this paragraph."""
        self.cut(credits.caption_starts(self.pieces))

    def cut(self, ends: list[int]) -> None:
        """Split the collected lines at ``ends`` (ascending): each piece after a cut is a block of
        its own (a caption), the last one stays open."""
        parts = [self.pieces[a:b] for a, b in zip([0, *ends], [*ends, len(self.pieces)], strict=True)]
        for part in parts[:-1]:
            self.pieces = part
            self.flush()
            self.blank_before = False
        self.pieces = parts[-1]

    def credits_caption(self, text: str) -> bool:
        """The photographer's line ``text`` credits a caption: the paragraph so far, or its last
        lines after a sentence (a caption glued under the body above, split off here)."""
        if credits.credits_caption(self.open, self.pieces, text):
            return True
        k = credits.glued_caption(self.open, self.pieces, text)
        if k is not None:
            self.cut([k])
        return k is not None

    def start_or_add(self, line: _Line, blank_before: bool) -> None:
        """A caption (图为…) starts afresh, and a caption ending on its credit right above it is one
        of the run, no paragraph's end; under a bracketed sign-off any line starts afresh."""
        caption = rules.CAPTION_OPENING.match(line.text) is not None
        if caption:
            self.cut(credits.caption_starts(self.pieces, strict=True))
        (self.start if self.signed or caption else self.add)(line, blank_before)

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
        return self.open and len(text) < 30 and bool(self.p.dateline.match(text)) and "，" not in text


def blocks(text: str, profile: Profile = CHINESE) -> list[Block]:
    """Re-flow one page's text into blocks, keeping each block's line span."""
    if profile.read_unmarked is not None:  # paragraphs not marked by an indent: read by line shape
        return profile.read_unmarked(text, profile.extra_furniture, profile.paper_bylines)
    unmarked = indents.unmarked(text, profile)
    lines = _lines(text, profile, unmarked)
    b = _Builder(profile)
    b.unmarked = unmarked
    i, blank, n = 0, False, len(lines)
    while i < n:
        line = lines[i]
        if not line.text:  # blank (the property, inline: this runs on every line)
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
            if not line.indented and b.credits_caption(line.text):
                b.add(line, blank)  # the photographer's line joins the caption it credits
            else:
                b.line(line, blank)
        elif line.indented and b.signed and measure.label(lines, i):
            b.line(line, blank)  # （完） / 　　短评 / 让种粮农民…: a column's label over the next head
        elif line.indented and len(line.text) <= 16 and rules.jump_alone(line.text, "out", b.p.language):
            b.add(line, blank)  # 　　下转第3版 indented on its own line: it ends the paragraph above too
        elif line.indented:
            b.start(line, blank)
            if line.deep and not b.open:
                b.flush()  # a right-aligned credit (　　　　（记者 赵敏）) stands alone: nothing joins it
        elif rules.jump_alone(line.text, "out", b.p.language):
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
    cap = b.unmarked and rules.CAPTION_OPENING.match(text) is not None  # a caption opens (b.unmarked)
    sentence = not (b.open or b.signed or cap) and measure.wrapped_sentence(lines, i, b.pieces, b.starts)
    if credits.rest_of_credit(b.open, b.pieces, text, b.p, _closed) or sentence:
        b.add(lines[i], blank)
        b.open = False  # the credit or the sentence, now whole, ends the paragraph
        return i + 1
    if b.pieces and (text[-1] in rules.BODY_LINE_END_CHARS or "。" in text) and not lines[i].heady:
        # Cannot be a headline line: no need to look ahead. Under a bracketed sign-off it starts
        # afresh (a caption, an unindented dateline), as does a caption (图为…); else it goes on.
        b.start_or_add(lines[i], blank)
        return i + 1
    run: list[tuple[int, bool]] = []  # (index, blank before)
    j, gap = i, blank
    while j < len(lines):
        line = lines[j]
        if line.blank:
            gap, j = True, j + 1
            continue
        if line.indented or (run and credits.under_head(line)) or not line.heady:
            break
        run.append((j, gap))
        gap, j = False, j + 1
    if j < len(lines) and _deck(lines[j], b.p) and not b.open and (run or b.blocks[-1:] and not b.pieces):
        # A deck: one long line of sentences under the headline, right above a dated body.
        nxt = next((k for k in range(j + 1, len(lines)) if not lines[k].blank), None)
        commas = any("，" in lines[k].text for k, _ in run)
        if nxt is not None and _starts_article(lines[nxt], b.p) and not commas:
            run, j = [*run, (j, gap)], nxt
    block = bool(run) and credits.heads_end(lines, run, j)
    if block and sum(1 for k, _ in run if _COMMA.search(lines[k].text)) > 1:
        block = False  # several lines with commas: wrapped body text, not a headline block
    if block and not b.open and b.pieces and len(run) == 1 and len(lines[i].text) < b.p.headline_min:
        # A short line under a finished caption is its photographer (图为…。/ 张宣), no headline.
        block = not credits.uncredited_caption("".join(p.text for p in b.pieces)) or label_line(lines[i].text)
    if block and b.open:
        # An unfinished paragraph goes on, unless it is a caption or credit line (it has
        # punctuation, so it is no wrapped headline) and a body clearly starts below the block.
        caption = not b.all_heady
        credit = len(run) == 1 and len(lines[i].text) <= 4  # 张宣: the photographer's name
        block = caption and not credit and j < len(lines) and _starts_article(lines[j], b.p)
    if not block and not (run and not b.open and measure.jump_head(lines, i)):
        (b.start if b.signed or cap else b.add)(lines[i], blank)
        return i + 1
    if not block:
        run = run[:1]  # a jump head above its continuation's unindented text: the head alone
    for k, gap_before in run:
        b.line(lines[k], gap_before)
    return run[-1][0] + 1
