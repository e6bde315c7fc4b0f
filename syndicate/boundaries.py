"""Evidence for article boundaries that no headline, byline or dateline marks (pure).

``segment`` opens a draft at every finished paragraph that might start an article (a "soft"
split) and this module decides from the text whether it does: a source credit or sign-off above
it, a run of captions, a change of topic (IDF-weighted character bigrams of the page). A blank
line alone is no evidence: text extracted from print has one wherever a column ends.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from . import lazyre, rules, subheads
from .briefs import brief_item
from .model import Block, BlockKind, BoundaryDecision, Jump
from .profile import Profile
from .rules import BOX
from .text import bigram_codes

# Topic cohesion (see _Topic) below which a finished paragraph, a blank line and the next paragraph
# are two articles. Measured on clean pages' articles: consecutive paragraphs of one article share
# 0.040 (2nd percentile), 0.145 (median); the last paragraphs of an article and the next article's
# first 0.066 (median), 0.027 (10th percentile). Weak evidence: it decides only below these, and
# only where a blank line (a column end, or an article's end) comes between.
TOPIC_SHIFT = 0.03
# With no blank line between, every paragraph end is a candidate, so only a change of topic no
# article shows inside: on the clean pages' articles none of 1173 pairs of consecutive paragraphs
# share less than 0.02; 5 of 177 article ends and next article starts do.
TOPIC_SHIFT_UNBLANKED = 0.02
# A paragraph opening as a news lead does (近日，, 5月29日，: the profile's lead_opener) after a
# finished paragraph: on the clean pages' articles, 1 of 61 such paragraphs inside an article
# shares under 0.06 with the paragraphs above, and 24 of 38 article starts opening so do
# (blank line or not).
LEAD_TOPIC_SHIFT = 0.06
# On a page whose issue parts articles with blank lines (blank_lines_part), two sides of a blank
# line stay one article only at this cohesion: consecutive paragraphs of one article share 0.105
# at the 25th percentile, the end of an article and the next article's start 0.066 (median).
BLANK_PARTED_COHESION = 0.1
BLANK_PARTED_STARTS = 12  # headlines after a paragraph the issue needs before its blank lines tell
BLANK_PARTED_SHARE = 0.95
# A column end leaves a blank line wherever it falls: inside paragraphs at some rate per line, and
# above paragraph starts at about the same rate. An issue whose paragraph starts have far fewer
# blank lines than that rate predicts keeps its column ends inside paragraphs (the extraction knew
# its paragraphs): a blank line above a paragraph start there is a separator (blank_lines_separate).
SEPARATOR_MIN_EXPECTED = 8  # chance blank lines expected above paragraph starts before it can tell
SEPARATOR_SIGMAS = 2  # fewer than expected by this many standard deviations (Poisson)
TOPIC_MIN_CHARS = 50
UNMARKED_SUB = "an unmarked subheading (short, no air above, the story going on below)"
NO_EVIDENCE = "no evidence"
SUBHEADING = "a subheading (no blank line above, where the issue prints one above every headline)"
# Sure article starts after a paragraph the issue needs, all under a blank line, before that tells:
# where 40% of articles follow the one above with no blank line (the print layouts the tests
# generate leave out half), ten all blanked by chance is 0.6**10 = 0.6%.
HEADS_BLANKED_MIN = 10
CAPTION_MAX = 80  # a paragraph ending in a photo credit and no longer is a caption
# A paragraph opening so goes on from the text above it (而在河南…, 此外，, 与此同时，): no article opens so.
CONNECTIVE = lazyre.compile(r"^(?:而在|而这|然而|但是|与此同时|此外|另外|另一方面|不仅如此|对此|为此|因此)")


BOX_PARAGRAPHS = 3  # the label, and at most two paragraphs of the box


@dataclass
class Draft:
    """A fragment being built."""

    heads: list[Block] = field(default_factory=list)  # headline lines, in print order
    byline_raw: list[str] = field(default_factory=list)
    dateline: str | None = None
    jump_in: Jump | None = None
    jump_out: Jump | None = None
    paragraphs: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)  # each paragraph's lines
    captions: list[str] = field(default_factory=list)  # photo captions printed above the body
    first_line: int = 0
    last_line: int = 0
    body_first_line: int = 0  # first line of what is not a headline line (byline, body)
    soft: bool = False  # started only by a finished paragraph: may be merged back
    blank: bool = False  # a blank line came before it (weak evidence: column ends print them too)
    run_in: bool = False
    subtitle: str | None = None
    byline_names: list[str] = field(default_factory=list)  # names read by the profile's rules
    signed_off: bool = False  # closed by a reporter's name under its body (记者 吴倩)
    subheads: list[int] = field(default_factory=list)  # lengths of the subheadings it took in
    brief: bool = False  # opened by a brief's run-in headline (■夏季用电负荷创新高　记者…)

    def touch(self, block: Block, head: bool = False) -> None:
        if not self.first_line:
            self.first_line, self.blank = block.first_line, block.blank_before
        if block not in self.heads and not self.body_first_line:
            self.body_first_line = block.first_line
        self.last_line = max(self.last_line, block.last_line)

    @property
    def has_body(self) -> bool:
        return bool(self.paragraphs)

    @property
    def bare(self) -> bool:
        """Only paragraphs: no headline, byline, dateline or jump-in."""
        return not (self.heads or self.byline_raw or self.dateline or self.jump_in)

    @property
    def empty(self) -> bool:
        return not (self.heads or self.byline_raw or self.paragraphs or self.jump_in)


class _Topic:
    """Character bigrams of a page's paragraphs, computed when a boundary first asks for them."""

    def __init__(self) -> None:
        self.grams: dict[int, set[int]] = {}  # by id of the paragraph string

    def _codes(self, para: str) -> set[int]:
        grams = self.grams.get(id(para))
        if grams is None:
            grams = self.grams[id(para)] = bigram_codes(para)
        return grams

    def _of(self, paragraphs: list[str]) -> set[int]:
        out: set[int] = set()
        for para in paragraphs:
            out |= self._codes(para)
        return out

    def cohesion(self, before: list[str], after: list[str]) -> float:
        """Share of bigrams the two runs of paragraphs have in common, of the smaller (0: nothing)."""
        a, b = self._of(before[-4:]), self._of(after[:3])
        if not a or not b:
            return 1.0
        return len(a & b) / min(len(a), len(b))

    def at_least(self, before: list[str], after: list[str], share: float) -> bool:
        """``cohesion(before, after) >= share`` surely, told from the two paragraphs either side of the
        boundary alone (most boundaries, inside an article): their common bigrams are common to both
        runs, and neither run has more bigrams than its paragraphs hold. False: not told (compute it)."""
        before, after = before[-4:], after[:3]
        most = min(sum(len(self._codes(x)) for x in before), sum(len(self._codes(x)) for x in after))
        common = len(self._codes(before[-1]) & self._codes(after[0])) if before and after else 0
        return common > share * most * (1 + 1e-9)  # (a margin over the float division's rounding)


def take_deck(d: Draft, p: Profile) -> bool:
    """A byline under a headline and one unfinished paragraph, with no dateline or byline yet: the
    paragraph is the article's deck (提要, a long summary set under the headline with no full stop:
    …李强主持赵乐际王沪宁出席), and the byline opens its body. Taken as the subtitle."""
    if not d.heads or d.byline_raw or d.dateline or d.jump_in or d.subtitle or len(d.paragraphs) != 1:
        return False
    text = d.paragraphs[0]
    if rules.SENTENCE_END.search(text) or rules.BODY_LINE_END.search(text) or p.sign_off.search(text):
        return False  # a finished paragraph, or one signed off (…生生不息。（杨栋）)
    if rules.PHOTO_CREDIT.search(text) or "图为" in text:
        return False  # a long caption (…图为小麦收割现场图/韦铸峰), a credit at its end
    d.subtitle, d.paragraphs, d.spans = text, [], []
    return True


def take_box(d: Draft) -> bool:
    """Under a headline (or opening an article whose headline was lost), a box and no dateline or
    body yet: the byline or dated paragraph coming opens the same article's body, and
    the box, its label off, is taken as the subtitle. A box and a byline are no soft split."""
    if d.dateline or d.jump_in or not d.paragraphs:
        return False
    if len(d.paragraphs) > BOX_PARAGRAPHS or not BOX.match(d.paragraphs[0]):
        return False
    text = " ".join([d.subtitle or "", BOX.sub("", d.paragraphs[0]).strip(), *d.paragraphs[1:]]).strip()
    d.subtitle, d.paragraphs, d.spans, d.soft = text or None, [], [], False
    return True


def caption(text: str) -> bool:
    """A photo caption: short, and signed by the photographer (图/张三, 李四 摄) or opening 图为."""
    return len(text) <= CAPTION_MAX and bool(
        rules.PHOTO_CREDIT.search(text) or rules.CAPTION_OPENING.match(text)
    )


def signed(d: Draft, p: Profile) -> bool:
    """The draft ends with a source credit or sign-off (a photo credit ends only a caption)."""
    last = d.paragraphs[-1] if d.paragraphs else ""
    return bool(p.sign_off.search(last)) and not rules.PHOTO_CREDIT.search(last)


def _topic_break(
    prev: Draft, d: Draft, ahead: list[str], topic: _Topic, p: Profile
) -> tuple[bool, str, dict[str, float]]:
    """A finished paragraph then one that starts no article by its own text: a boundary only on
    evidence. A source credit or sign-off ends an article; a caption run stays one; a blank line
    alone is no evidence (extraction leaves one wherever a column ends) unless the issue parts
    its articles so (``p.blank_parts``); a clear change of topic across a blank line is.
    Returns (boundary, the rule that decided, the evidence)."""
    evidence = {"blank": float(d.blank)}
    if p.sign_off.fullmatch(d.paragraphs[0]) and not caption(d.paragraphs[0]):
        return False, "a sign-off line of the article above", evidence
    if signed(prev, p):
        return True, "source credit or sign-off above", evidence
    if BOX.match(d.paragraphs[0]):
        return True, "a box opens it (编者按：…, 核心提示)", evidence
    if brief_item(d.paragraphs[0], p):
        return True, "a brief's mark over a news lead (▲5月22日，…)", evidence
    if caption(prev.paragraphs[-1]) and any(p.photo_heading.match(h.text) for h in prev.heads):
        return True, "end of a photo story's captions", evidence
    if d.blank and p.blank_separates:
        return True, "blank line above (the issue's column ends never fall above a paragraph)", evidence
    if CONNECTIVE.match(d.paragraphs[0]):
        return False, "opens on a connective to the text above (而在…, 此外，)", evidence
    if len("".join(prev.paragraphs[-4:])) < TOPIC_MIN_CHARS or len("".join(ahead)) < TOPIC_MIN_CHARS:
        return False, "too little text to tell a topic", evidence
    lead = p.opens_lead(d.paragraphs[0])
    if not (d.blank or lead) and topic.at_least(prev.paragraphs, ahead, TOPIC_SHIFT_UNBLANKED):
        return False, NO_EVIDENCE, evidence  # as below, told without the whole runs' bigrams
    cohesion = topic.cohesion(prev.paragraphs, ahead)
    if lead and cohesion < LEAD_TOPIC_SHIFT and not _scene_lede(prev, p):
        evidence.update(cohesion=cohesion, threshold=LEAD_TOPIC_SHIFT)
        return True, "topic, and the paragraph opens as a news lead does", evidence
    if not d.blank:  # articles also follow with no blank line: only a change no article shows
        if cohesion >= TOPIC_SHIFT_UNBLANKED:
            return False, NO_EVIDENCE, evidence  # as at every paragraph end: not worth a line
        evidence.update(cohesion=cohesion, threshold=TOPIC_SHIFT_UNBLANKED)
        return True, "topic, no blank line above", evidence
    evidence["cohesion"] = cohesion
    limit = BLANK_PARTED_COHESION if p.blank_parts else TOPIC_SHIFT
    evidence["threshold"] = limit
    return (
        cohesion < limit,
        "topic" + (" (the issue parts articles with blank lines)" if p.blank_parts else ""),
        evidence,
    )


def _scene_lede(d: Draft, p: Profile) -> bool:
    """The draft is a headline over one paragraph that opens with no news lead and no dateline
    (海风浩荡，岸线繁忙。……): a feature's scene-setting lede, whose news peg (5月25日至29日，…)
    follows in the next paragraph on other words. A brief's paragraph opens as a news lead."""
    if len(d.paragraphs) != 1 or not d.heads or d.dateline:
        return False
    first = d.paragraphs[0]
    return not p.opens_lead(first) and not p.dateline.match(first)


def blank_lines_part(pages: list[list[Block]]) -> bool:
    """In this issue a blank line stands above every headline that follows a paragraph: its print
    parts articles with blank lines (besides those left wherever a column ends). Told from the
    whole issue, never from one page, where a few article starts can all have one by chance."""
    starts = [
        block.blank_before
        for blocks in pages
        for before, block in zip(blocks, blocks[1:], strict=False)
        if block.kind is BlockKind.LINE and before.kind is BlockKind.PARAGRAPH
    ]
    return len(starts) >= BLANK_PARTED_STARTS and sum(starts) >= BLANK_PARTED_SHARE * len(starts)


def _sure_start(blocks: list[Block], i: int, p: Profile) -> bool:
    """The headline lines from ``i`` stand above a byline, a dateline or an article opening."""
    j = i
    while j < len(blocks) and blocks[j].kind is BlockKind.LINE and not p.byline_line.match(blocks[j].raw):
        j += 1
    if j == len(blocks):
        return False
    raw = blocks[j].raw.strip()
    return bool(p.byline_line.match(raw) or p.dateline.match(raw) or p.article_opening.match(raw))


def headlines_blanked(pages: list[tuple[Profile, list[Block]]]) -> bool:
    """Every sure article start of this issue after a paragraph (a headline above a byline, a
    dateline or an article opening) has a blank line above it, and there are enough of them to
    tell: a headline-like line without one, and without those below it, is a subheading. Told
    from the whole issue; pages where blank lines fall wherever a column ends fail it."""
    sure = [
        blocks[i].blank_before
        for p, blocks in pages
        for i in range(1, len(blocks))
        if blocks[i].kind is BlockKind.LINE
        and blocks[i - 1].kind is BlockKind.PARAGRAPH
        and _sure_start(blocks, i, p)
    ]
    return len(sure) >= HEADS_BLANKED_MIN and all(sure)


def blank_lines_separate(pages: list[tuple[str, list[Block]]]) -> bool:
    """In this issue, blank lines stand above paragraph starts far less often than column ends
    leave them inside paragraphs: column ends never fall there, and a blank line above a paragraph
    is the issue's article separator. ``pages``: each page's text and its blocks. Told from the
    whole issue (a page has too few paragraphs to tell)."""
    gaps = inside = starts = blank_starts = 0
    for text, blocks in pages:
        lines = text.split("\n")
        for before, block in zip(blocks, blocks[1:], strict=False):
            if block.kind is BlockKind.PARAGRAPH and before.kind is BlockKind.PARAGRAPH:
                starts += 1
                blank_starts += block.blank_before
        for block in blocks:
            if block.kind is BlockKind.PARAGRAPH and block.last_line > block.first_line:
                span = lines[block.first_line - 1 : block.last_line]
                blank = sum(1 for line in span if not line.strip())
                inside, gaps = inside + blank, gaps + len(span) - 1 - blank
    expected = starts * inside / gaps if gaps else 0.0
    return expected >= SEPARATOR_MIN_EXPECTED and blank_starts <= expected - SEPARATOR_SIGMAS * math.sqrt(
        expected
    )


def merge_soft(
    drafts: list[Draft], p: Profile, page: int = 0, explain: list[BoundaryDecision] | None = None
) -> list[Draft]:
    """Merge a soft split back unless the text shows two articles; with ``explain``, say why."""
    out: list[Draft] = []
    topic = _Topic()
    for k, d in enumerate(drafts):
        prev = out[-1] if out else None
        if d.soft and d.heads and prev is not None and prev.has_body:
            # Headline-like lines above a paragraph that refers back (答：, 会议指出) are no
            # headline: a paragraph like that cannot open an article.
            lone = not (d.byline_raw or d.dateline or d.jump_in)
            closed = signed(prev, p) or prev.signed_off
            # Not under a sign-off (（完）, 据新华社): the article above ended there.
            if lone and not closed and d.paragraphs and p.anaphoric_opener.match(d.paragraphs[0]):
                prev.paragraphs[-1] += "".join(h.text for h in d.heads)
                absorb(prev, d, d.paragraphs)
                continue
            if lone and d.paragraphs and subheads.marked(prev, d, topic, p, closed):
                # ■排队两小时只为一碗面: a marked subheading (小标题) inside the article above.
                if explain is not None:
                    explain.append(BoundaryDecision(page, d.first_line, False, {}, "a marked subheading"))
                _absorb_subheading(prev, d)
                continue
            if lone and d.paragraphs and subheads.unmarked(prev, d, topic, p, closed):
                # 聚焦未来五年发展: a short line, no air above, the same story going on below it.
                if explain is not None:
                    explain.append(BoundaryDecision(page, d.first_line, False, {"blank": 0.0}, UNMARKED_SUB))
                _absorb_subheading(prev, d)
                continue
            if lone and d.paragraphs and p.heads_blanked and not d.blank:
                # The issue prints a blank line above every headline: one without is a subheading.
                if explain is not None:
                    explain.append(BoundaryDecision(page, d.first_line, False, {"blank": 0.0}, SUBHEADING))
                _absorb_subheading(prev, d)
                continue
        elif d.soft and prev is not None and prev.jump_out is None and prev.has_body:
            ahead = list(d.paragraphs)
            for nxt in drafts[k + 1 :]:
                if len(ahead) >= 3 or not nxt.soft or nxt.heads:
                    break
                ahead += nxt.paragraphs
            split, note, evidence = _topic_break(prev, d, ahead, topic, p)
            if explain is not None and note != NO_EVIDENCE:  # a finished paragraph, nothing more
                explain.append(BoundaryDecision(page, d.first_line, split, evidence, note))
            if not split:
                absorb(prev, d, d.paragraphs)
                continue
        out.append(d)
    return out


def _absorb_subheading(prev: Draft, d: Draft) -> None:
    """``d``'s head lines are a subheading of ``prev``: they and its paragraphs go on it."""
    prev.subheads.append(sum(len(h.text) for h in d.heads))
    absorb(prev, d, [h.text for h in d.heads] + d.paragraphs)


def absorb(prev: Draft, d: Draft, paragraphs: list[str]) -> None:
    """Draft ``d`` is no article of its own: its ``paragraphs`` and captions go on ``prev``."""
    prev.paragraphs += paragraphs
    prev.captions += d.captions
    prev.byline_raw += d.byline_raw  # a reporter's name closing the article (记者 吴倩)
    prev.last_line, prev.jump_out = d.last_line, d.jump_out
