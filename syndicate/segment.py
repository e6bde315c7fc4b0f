"""Blocks of one page -> article fragments and orphan headline blocks (pure).

A new fragment starts at a headline line, a byline, a dateline, a jump-in marker, or after a
jump-out; a paragraph after a blank line starts one only when the text says so (the previous
part is signed off, or the two sides share too little to be one article). Patterns: ``rules``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from . import rules
from .model import Block, BlockKind, Fragment, FragmentKind, Jump, Orphan
from .profile import CHINESE, Profile
from .text import bigrams, close_up, trigrams

# A headline block belongs to the dated news report below it when some headline line shares this
# share of its character bigrams with the body, or any trigram. The seed page's 王台老工业区 block
# above a theory-study session shares 0.11 (推动, 力推) and no trigram; on the corpus pages every
# dated report's headline does better. Features (no dateline) may have poetic headlines that share
# nothing, so they are not checked.
HEADLINE_BELONGS = 0.15
# Topic cohesion (see _Topic) below which a finished paragraph and the next are two articles.
# Measured on clean pages' articles: consecutive paragraphs of one article score 0.024 (2nd
# percentile), 0.108 (median); the last paragraphs of an article against the next article 0.047
# (median), 0.014 (5th percentile). Topic alone is weak evidence: it decides only below these.
TOPIC_SHIFT = 0.008
TOPIC_SHIFT_AFTER_BLANK = 0.024
TOPIC_MIN_CHARS = 50
CAPTION_MAX = 80  # a paragraph ending in a photo credit and no longer is a caption


@dataclass
class _Draft:
    """A fragment being built."""

    heads: list[Block] = field(default_factory=list)  # headline lines, in print order
    byline_raw: list[str] = field(default_factory=list)
    dateline: str | None = None
    jump_in: Jump | None = None
    jump_out: Jump | None = None
    paragraphs: list[str] = field(default_factory=list)
    first_line: int = 0
    last_line: int = 0
    body_first_line: int = 0  # first line of what is not a headline line (byline, body)
    soft: bool = False  # started only by a finished paragraph: may be merged back
    blank: bool = False  # a blank line came before it (weak evidence: column ends print them too)
    run_in: bool = False
    subtitle: str | None = None
    byline_names: list[str] = field(default_factory=list)  # names read by the profile's rules

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
    def empty(self) -> bool:
        return not (self.heads or self.byline_raw or self.paragraphs or self.jump_in)


def _jump(m: re.Match[str]) -> Jump:
    groups = m.groupdict()
    label = "back" if groups.get("back") else (groups.get("label") or groups.get("section") or "")
    keyword = (groups.get("keyword") or "").strip(" ,.")
    return Jump(rules.page_number(label), m.group(0).strip(), label, keyword)


def byline_names(raw: str) -> tuple[str, ...]:
    """□记者 李涛 报道 -> (李涛,); 记者 张三 通讯员 李四 -> (张三, 李四)."""
    names: list[str] = []
    for chunk in rules.ROLE_SPLIT.split(raw):
        for name in re.split(r"[\s、，,]+", chunk.strip(" \t\u3000:：（）()")):
            if name and name not in names and rules.CJK and re.fullmatch(rf"[{rules.CJK}·•]{{2,12}}", name):
                names.append(name)
    return tuple(names)


def _read_dateline(draft: _Draft, raw: str, p: Profile) -> str:
    """Take dateline and run-in byline off the start of a first paragraph; return the rest."""
    m = p.dateline.match(raw.strip())
    if not m:
        opening = rules.BYLINE_OPENING.match(raw)
        if opening:
            draft.byline_raw.append(opening.group("byline"))
            return raw[opening.end() :].lstrip(" ，,：:")
        return raw
    draft.dateline = close_up(m.group("dateline"))
    rest = raw.strip()[m.end() :]
    b = rules.RUN_IN_BYLINE.match(rest)
    if b:
        draft.byline_raw.append(b.group("bracketed") or b.group("plain"))
        rest = rest[b.end() :]
    return rest.lstrip(" ，,：:")


class _Page:
    def __init__(self, page: int, blocks: list[Block], profile: Profile) -> None:
        self.p = profile
        self.page = page
        self.blocks = blocks
        self.done: list[_Draft] = []
        self.cur = _Draft()

    def close(self) -> None:
        if not self.cur.empty:
            self.done.append(self.cur)
        self.cur = _Draft()

    def new(self, soft: bool = False) -> None:
        self.close()
        self.cur.soft = soft

    def run(self) -> list[_Draft]:
        for i, block in enumerate(self.blocks):
            nxt = self.blocks[i + 1] if i + 1 < len(self.blocks) else None
            if block.kind is BlockKind.LINE:
                self.line(block)
            else:
                self.paragraph(block, nxt)
        self.close()
        return self.done

    def line(self, block: Block) -> None:
        if block.opens and not self.cur.empty:
            self.new()
        cur, text = self.cur, block.text
        if block.role == "credit":  # a credit line under an article: part of it, not text
            last = cur if not cur.empty or not self.done else self.done[-1]
            last.last_line = max(last.last_line, block.last_line)
            return
        if block.role == "byline":  # the page's reader knew it for a byline (English)
            cur.byline_raw.append(block.raw)
            cur.byline_names.extend(self.p.byline_names(block.raw) if self.p.byline_names else ())
            cur.touch(block, head=True)
            return
        if len(block.raw) <= self.p.byline_max and self.p.byline_line.match(block.raw):
            if cur.has_body:
                self.new()
            self.cur.byline_raw.append(block.raw)
            self.cur.touch(block, head=True)
            return
        m = rules.jump_in(text)
        if m:
            if cur.has_body or cur.jump_in:
                self.new()
            self.cur.jump_in = _jump(m)
            self.cur.touch(block, head=True)
            return
        named = bool(cur.byline_raw) and bool(byline_names(" ".join(cur.byline_raw)))
        if named and not cur.has_body and re.fullmatch(rf"[{rules.CJK}\s]{{1,12}}", block.raw):
            cur.byline_raw[-1] += text  # a byline wrapped onto a second line: 张美丽安明尹 / 家智
            cur.touch(block, head=True)
            return
        if cur.byline_raw and not named and not (cur.has_body or cur.heads or cur.jump_in):
            # A role without names above a headline (本报评论员 / 推动高质量发展…): a commentary's byline.
            self.cur.heads.append(block)
            self.cur.touch(block, head=True)
            return
        if cur.has_body or cur.byline_raw or cur.jump_in:
            self.new(soft=cur.has_body and cur.jump_out is None)
        self.cur.heads.append(block)
        self.cur.touch(block, head=True)

    def paragraph(self, block: Block, nxt: Block | None) -> None:
        if block.opens and not self.cur.empty:
            self.new()
        cur, raw = self.cur, block.raw.strip()
        m = rules.jump_in(raw)
        if m:
            if cur.has_body or cur.jump_in:
                self.new()
            self.cur.jump_in = _jump(m)
            raw = raw[m.end() :].strip()
            self.cur.run_in = bool(raw)
            if not raw:
                self.cur.touch(block, head=True)
                return
        elif self.p.article_opening.match(raw):
            if cur.has_body:
                self.new()
        elif self.p.paragraph_indent and self._indented_head(raw, nxt):
            if cur.has_body or cur.byline_raw:
                self.new()
            self.cur.heads.append(block)
            self.cur.touch(block, head=True)
            return
        elif raw.startswith(("—", "－", "-")) and cur.heads and not cur.has_body and not cur.subtitle:
            self.cur.subtitle = close_up(raw.lstrip("—－- "))
            self.cur.touch(block, head=True)
            return
        elif cur.has_body and self.p.read_unmarked is None and self._soft_break(raw):  # (unmarked: read)
            self.new(soft=True)
            self.cur.blank = block.blank_before
        cur = self.cur
        if not cur.has_body and not cur.dateline:
            raw = _read_dateline(cur, raw, self.p)
        out = rules.jump_out(raw)
        if out:
            cur.jump_out = _jump(out)
            raw = raw[: out.start()]
        text = block.text if raw == block.raw.strip() else close_up(raw)
        if text:
            cur.paragraphs.append(text)
        cur.touch(block)
        if out:
            self.close()

    def _indented_head(self, raw: str, nxt: Block | None) -> bool:
        """An indented line printed as a headline: unfinished, short, and a dateline or byline follows."""
        if nxt is None or len(raw) > self.p.headline_max or rules.SENTENCE_END.search(raw):
            return False
        if rules.BODY_LINE_END.search(raw) or "。" in raw or self.p.sign_off.search(raw):
            return False
        follows = nxt.raw.strip()
        return bool(self.p.article_opening.match(follows) or self.p.byline_line.match(follows))

    def _soft_break(self, raw: str) -> bool:
        """A blank line then an indent, after a finished paragraph: a candidate article boundary."""
        last = self.cur.paragraphs[-1]
        if not rules.SENTENCE_END.search(last) and not self.p.sign_off.search(last):
            return False
        return not self.p.anaphoric_opener.match(close_up(raw))


class _Topic:
    """Bigram weights of one page: a bigram in few of its paragraphs is evidence of a topic."""

    def __init__(self, drafts: list[_Draft]) -> None:
        df: Counter[str] = Counter()
        n = 0
        for d in drafts:
            for para in d.paragraphs:
                df.update(bigrams(para))
                n += 1
        self.n = max(n, 2)
        # 1 + log: a bigram in every paragraph still counts a little (a page of two paragraphs).
        self.idf = {g: 1.0 + math.log(self.n / c) for g, c in df.items()}

    def cohesion(self, before: list[str], after: list[str]) -> float:
        """Weighted share of bigrams the two runs of paragraphs have in common (0: nothing)."""
        a, b = bigrams("".join(before[-4:])), bigrams("".join(after[:3]))
        if not a or not b:
            return 1.0
        w, default = self.idf.get, 1.0 + math.log(self.n)
        common = sum(w(g, default) for g in a & b)
        return common / (min(sum(w(g, default) for g in a), sum(w(g, default) for g in b)) or 1.0)


def _caption(text: str) -> bool:
    return len(text) <= CAPTION_MAX and bool(rules.PHOTO_CREDIT.search(text))


def _signed(d: _Draft) -> bool:
    """The draft ends with a source credit or sign-off (a photo credit ends only a caption)."""
    last = d.paragraphs[-1] if d.paragraphs else ""
    return bool(rules.SIGN_OFF.search(last)) and not rules.PHOTO_CREDIT.search(last)


def _topic_break(prev: _Draft, d: _Draft, ahead: list[str], topic: _Topic, p: Profile) -> bool:
    """A finished paragraph then one that starts no article by its own text: a boundary only on
    evidence. A source credit or sign-off ends an article; a caption run stays one; a blank line
    alone is no evidence (extraction leaves one wherever a column ends), a clear change of topic
    is, a clearer one without a blank line."""
    if rules.SIGN_OFF.fullmatch(d.paragraphs[0]) and not _caption(d.paragraphs[0]):
        return False  # （张三 李四对本文有贡献）: the sign-off of the article above
    if _signed(prev):
        return True
    if _caption(prev.paragraphs[-1]):
        if _caption(d.paragraphs[0]):
            return False  # one caption run
        if any(p.photo_heading.match(h.text) for h in prev.heads):
            return True  # 图片新闻 ends with its captions
    if len("".join(prev.paragraphs[-4:])) < TOPIC_MIN_CHARS or len("".join(ahead)) < TOPIC_MIN_CHARS:
        return False  # too little text on one side for its bigrams to tell a topic
    limit = TOPIC_SHIFT_AFTER_BLANK if d.blank else TOPIC_SHIFT
    return topic.cohesion(prev.paragraphs, ahead) < limit


def _merge_soft(drafts: list[_Draft], p: Profile) -> list[_Draft]:
    """Merge a soft split back unless the text shows two articles."""
    out: list[_Draft] = []
    topic = _Topic(drafts)
    for k, d in enumerate(drafts):
        prev = out[-1] if out else None
        if d.soft and d.heads and prev is not None and prev.has_body:
            # Headline-like lines above a paragraph that refers back (答：, 会议指出) are no
            # headline: a paragraph like that cannot open an article.
            lone = not (d.byline_raw or d.dateline or d.jump_in)
            if lone and d.paragraphs and p.anaphoric_opener.match(d.paragraphs[0]):
                prev.paragraphs[-1] += "".join(h.text for h in d.heads)
                prev.paragraphs += d.paragraphs
                prev.last_line, prev.jump_out = d.last_line, d.jump_out
                continue
        elif d.soft and prev is not None and prev.jump_out is None and prev.has_body:
            ahead = list(d.paragraphs)
            for nxt in drafts[k + 1 :]:
                if len(ahead) >= 3 or not nxt.soft or nxt.heads:
                    break
                ahead += nxt.paragraphs
            if not _topic_break(prev, d, ahead, topic, p):
                prev.paragraphs += d.paragraphs
                prev.last_line = d.last_line
                prev.jump_out = d.jump_out
                continue
        out.append(d)
    return out


def _belongs(heads: list[str], paragraphs: list[str]) -> bool:
    """Does any headline line share enough with the body? Lines too short to tell are no evidence."""
    text = "".join(paragraphs)
    # Substring tests, not the body's n-gram set: this runs for every headline of every page.
    ratios = [
        sum(1 for g in grams if g in text) / len(grams) for grams in map(bigrams, heads) if len(grams) >= 5
    ]
    if not ratios or max(ratios) >= HEADLINE_BELONGS:
        return True
    return any(g in text for g in set().union(*map(trigrams, heads)))


def _titles(heads: list[str], subtitle: str | None) -> tuple[str | None, str | None, str | None]:
    """(kicker, headline, subheadline) from the headline lines in print order."""
    if not heads:
        return None, None, subtitle
    if len(heads) == 1:
        return None, heads[0], subtitle
    if len(heads) == 2 and subtitle is None:
        first, second = heads
        if second.startswith(("—", "－")):
            return None, first, second.lstrip("—－ ")
        if len(first) < len(second):
            return first, second, None
        return None, first, second
    return heads[0], heads[1], subtitle or " ".join(heads[2:]) or None


def split(page: int, blocks: list[Block], profile: Profile = CHINESE) -> tuple[list[Fragment], list[Orphan]]:
    """Split one page's blocks into fragments (in reading order) and orphan headline blocks."""
    drafts = _merge_soft(_Page(page, blocks, profile).run(), profile)
    fragments: list[Fragment] = []
    orphans: list[Orphan] = []
    for d in drafts:
        heads = [h.text for h in d.heads if not profile.photo_heading.match(h.text)]
        photo = len(heads) < len(d.heads)
        if not d.has_body and d.jump_in is None:
            text = " ".join([h.text for h in d.heads] + [close_up(b) for b in d.byline_raw])
            orphans.append(Orphan(page, len(orphans) + 1, d.first_line, d.last_line, text))
            continue
        first_line = d.first_line
        kicker, headline, subheadline = _titles(heads, d.subtitle)
        news = d.dateline is not None
        if heads and news and not _belongs(heads, d.paragraphs):
            text = " ".join(h.text for h in d.heads)
            orphans.append(Orphan(page, len(orphans) + 1, d.first_line, d.heads[-1].last_line, text))
            first_line = d.body_first_line or d.first_line
            kicker = headline = subheadline = None
        kind = FragmentKind.STORY
        if d.jump_in is not None:
            kind = FragmentKind.CONTINUATION
        elif photo:
            kind = FragmentKind.PHOTO
        byline_text = " ".join(re.sub(r"\s+", " ", b.strip(" □■●◆▲★◇○\u3000")) for b in d.byline_raw) or None
        names = tuple(n for b in d.byline_raw for n in byline_names(b)) + tuple(d.byline_names)
        fragments.append(
            Fragment(
                page=page,
                order=len(fragments) + 1,
                kind=kind,
                first_line=first_line,
                last_line=d.last_line,
                paragraphs=tuple(d.paragraphs),
                kicker=kicker,
                headline=headline,
                subheadline=subheadline,
                byline=tuple(dict.fromkeys(names)),
                byline_text=byline_text,
                dateline=d.dateline,
                jump_in=d.jump_in,
                jump_out=d.jump_out,
                run_in=d.run_in,
                language=profile.language,
            )
        )
    return fragments, orphans
