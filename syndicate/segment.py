"""Blocks of one page -> article fragments and orphan headline blocks (pure).

A new fragment starts at a headline line, a byline, a dateline, a jump-in marker, or after a
jump-out; any other finished paragraph starts one only when the text says so (``boundaries``:
a source credit above it, a change of topic; never a blank line alone). Captions printed above a
byline or a jump-in go with the article below. Patterns: ``rules``; conventions: ``profile``.
"""

from __future__ import annotations

import re

from . import keyword_parts, lazyre, rules
from .boundaries import CAPTION_MAX, Draft, caption, merge_soft, take_box, take_deck
from .briefs import run_in_head
from .model import Block, BlockKind, BoundaryDecision, Fragment, FragmentKind, Jump, Orphan
from .names import NAME_WRAP, byline_names, byline_piece, marked_names, unfinished_byline
from .profile import CHINESE, Profile
from .text import bigrams, close_up, opening, trigrams
from .titles import titles

# A headline block belongs to the dated news report below it when some headline line shares this
# share of its character bigrams with the body, or any trigram. The seed page's 王台老工业区 block
# above a theory-study session shares 0.11 (推动, 力推) and no trigram; on the corpus pages every
# dated report's headline does better. Only a long line (a news headline naming its subject) is
# evidence: reports under short headlines (初心不改再续荣光, 六国学员共探智慧防灾路径) share nothing
# as often. Features (no dateline) may have poetic headlines that share nothing: not checked.
HEADLINE_BELONGS = 0.15
HEADLINE_TELLS = 14  # bigrams: a headline line of 15 characters or more
# A deck (副题) printed under a headline: a dash, then a phrase with no sentence end (——论…, ——记…).
# After a finished paragraph it opens the next article even when its headline was lost; a dash
# attribution under a quotation (——摘自…) or a name (——鲁迅) does not.
DECK = lazyre.compile(
    rf"^(?![—－\s]*(?:摘自|引自|选自|转引自))[—－]{{1,2}}[^{rules.SENTENCE_END_CHARS}]{{8,}}$"
)

UNFINISHED_BYLINE = lazyre.compile(rf"{rules.ROLE}[\s:：]*$")


def _jump(m: re.Match[str]) -> Jump:
    groups = m.groupdict()
    label = "back" if groups.get("back") else (groups.get("label") or groups.get("section") or "")
    keyword = (groups.get("keyword") or "").strip(" ,.")
    return Jump(rules.page_number(label), m.group(0).strip(), label, keyword)


def _read_dateline(draft: Draft, raw: str, p: Profile) -> str:
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
        draft.byline_raw.append((b.group("bracketed") or b.group("plain") or b.group("spaced")).strip())
        rest = rest[b.end() :]
    return rest.lstrip(" ，,：:")


class _Page:
    def __init__(self, page: int, blocks: list[Block], profile: Profile) -> None:
        self.p = profile
        self.page = page
        self.blocks = blocks
        # First lines of captions set apart from the body (图为… with no indent), not paragraphs of it.
        self.loose = {b.first_line for b in blocks if b.role == "caption"}
        self.done: list[Draft] = []
        self.cur = Draft()

    def close(self) -> None:
        if not self.cur.empty:
            self.done.append(self.cur)
        self.cur = Draft()

    def new(self, soft: bool = False, captions: bool = False, signed_only: bool = False) -> None:
        """Start a new draft; with ``captions``, the captions ending the current one open it (a
        caption printed above a byline or a jump-in belongs to the article below)."""
        moved = self._trailing_captions(signed_only) if captions else []
        self.close()
        self.cur.soft = soft
        if moved:
            self.cur.captions = [text for text, _ in moved]
            self.cur.first_line = self.cur.body_first_line = moved[0][1][0]
            self.cur.last_line = moved[-1][1][1]

    def _trailing_captions(self, signed_only: bool = False) -> list[tuple[str, tuple[int, int]]]:
        cur = self.cur
        k = len(cur.paragraphs)
        while k > (0 if cur.bare else 1) and caption(cur.paragraphs[k - 1]):
            k -= 1
        if k == len(cur.paragraphs) or cur.jump_out is not None:
            return []
        loose = all(first in self.loose for first, _ in cur.spans[k:])
        if signed_only and not loose and not self._signed_above(k):
            return []  # indented captions ending an article that no sign-off closed are its own
        moved = list(zip(cur.paragraphs[k:], cur.spans[k:], strict=True))
        del cur.paragraphs[k:], cur.spans[k:]
        if not cur.paragraphs:
            self.cur = Draft()  # nothing but the captions: it was no draft of its own
        else:
            cur.last_line = cur.spans[-1][1]
        return moved

    def _signed_above(self, k: int) -> bool:
        """A sign-off (（记者 吴倩）, 据新华社) or a closing byline stands right above paragraph ``k``
        of the current draft (or above the draft, when ``k`` is 0 and the draft has no head)."""
        if k:
            return bool(self.p.sign_off.search(self.cur.paragraphs[k - 1]))
        prev = self.done[-1] if self.done else None
        if self.cur.heads or self.cur.byline_raw or prev is None:
            return False
        return prev.signed_off or bool(prev.paragraphs and self.p.sign_off.search(prev.paragraphs[-1]))

    def run(self) -> list[Draft]:
        for i, block in enumerate(self.blocks):
            nxt = self.blocks[i + 1] if i + 1 < len(self.blocks) else None
            if block.kind is BlockKind.LINE:
                self.line(block, nxt)
            else:
                self.paragraph(block, nxt)
        self.close()
        return self.done

    def line(self, block: Block, nxt: Block | None = None) -> None:
        if block.opens and not self.cur.empty:
            self.new()
        cur, text, raw = self.cur, block.text, block.raw
        if len(text) <= rules.BOX_LABEL_MAX and rules.BOX.match(
            text
        ):  # 核心提示 alone: the label of a box of text
            if cur.jump_in or cur.has_body and not self._hold_captions() and not take_deck(cur, self.p):
                self.new()  # under a headline's captions or deck (or a byline) it is the same article's
            self.cur.paragraphs.append(text)
            self.cur.spans.append((block.first_line, block.last_line))
            self.cur.touch(block)
            return
        if block.role == "credit":  # a credit line under an article: part of it, not text
            last = cur if not cur.empty or not self.done else self.done[-1]
            last.last_line = max(last.last_line, block.last_line)
            return
        if block.role == "byline":  # the page's reader knew it for a byline, or a head: BYPASS OPENS… (en)
            cur.byline_raw.append(block.raw)
            cur.byline_names.extend(self.p.byline_names(block.raw) if self.p.byline_names else ())
            cur.touch(block, head=True)
            return
        if block.role != "head" and len(raw) <= self.p.byline_max and self.p.byline_line.match(raw):
            if cur.has_body and self._closing_byline(block, nxt):
                return
            if (
                cur.has_body
                and not self._hold_captions()
                and not take_box(cur)
                and not take_deck(cur, self.p)
            ):
                self.new(captions=True)
            self.cur.byline_raw.append(block.raw)
            self.cur.touch(block, head=True)
            return
        m = rules.jump_in(text, self.p.language)
        if m:
            self.before_jump_in()
            self.cur.jump_in = _jump(m)
            self.cur.touch(block, head=True)
            return
        named = bool(cur.byline_raw) and bool(byline_names(" ".join(cur.byline_raw)))
        if named and unfinished_byline(cur) and NAME_WRAP.fullmatch(block.raw):
            cur.byline_raw[-1] += text  # a byline wrapped onto a second line: 张美丽安明尹 / 家智
            cur.touch(block, head=True)
            return
        if cur.heads and not (cur.byline_raw or cur.has_body or cur.jump_in) and marked_names(raw):
            cur.byline_raw.append(raw)  # 让“家门口”的服务更暖心 / □ 李明远: a column's writer, no role
            cur.touch(block, head=True)
            return
        if cur.byline_raw and not named and not (cur.has_body or cur.heads or cur.jump_in):
            # A role without names above a headline (本报评论员 / 推动高质量发展…): a commentary's byline.
            self.cur.heads.append(block)
            self.cur.touch(block, head=True)
            return
        if cur.has_body or cur.byline_raw or cur.jump_in:
            # Captions under a sign-off, above a headline, belong to the article below it.
            self.new(soft=cur.has_body and cur.jump_out is None, captions=True, signed_only=True)
        self.cur.heads.append(block)
        self.cur.touch(block, head=True)

    def _closing_byline(self, block: Block, nxt: Block | None) -> bool:
        """A byline under a body that ends the article above instead of opening the next: a photo
        credit under a caption (图为…。/ 记者 刘洋 摄) joins the caption; a reporter's name with
        no body below it (a headline, a caption or the page's end follows) closes the article."""
        cur = self.cur
        if self.p.paragraph_indent is None:
            return False
        last = cur.paragraphs[-1]
        if rules.PHOTO_CREDIT.search(block.raw) and (caption(last) or "图为" in last[-CAPTION_MAX:]):
            cur.paragraphs[-1] += " " + block.text
            cur.touch(block)
            return True
        below = nxt is None or (
            nxt.kind is BlockKind.LINE
            and not self.p.byline_line.match(nxt.raw)
            and not rules.jump_in(nxt.raw)
        )
        if not below and nxt is not None and nxt.kind is BlockKind.PARAGRAPH:
            below = caption(nxt.text)
        if not below or UNFINISHED_BYLINE.search(block.raw):
            return False  # 本报记者 闫辰宇 通讯员 / 郭锐: the name is on the next line
        cur.byline_raw.append(block.raw)
        cur.touch(block)
        cur.signed_off = True
        self.close()
        return True

    def paragraph(self, block: Block, nxt: Block | None) -> None:
        if block.opens and not self.cur.empty:
            self.new()
        cur, raw = self.cur, block.raw.strip()
        if byline_piece(cur, block, raw):
            return
        brief = run_in_head(raw) if not (cur.has_body or cur.heads) or cur.brief or cur.jump_out else None
        if brief is not None:  # ■夏季用电负荷创新高　记者昨天…: the next brief, its headline run in
            if not cur.empty:
                self.new()
            head, raw = brief
            self.cur.heads.append(
                Block(BlockKind.LINE, head, block.first_line, block.first_line, block.blank_before, head)
            )
            self.cur.brief, cur = True, self.cur
        m = rules.jump_in(raw, self.p.language)
        if m:
            self.before_jump_in()
            self.cur.jump_in = _jump(m)
            raw = raw[m.end() :].strip()
            self.cur.run_in = bool(raw)
            if not raw:
                self.cur.touch(block, head=True)
                return
        elif self.p.article_opening.match(raw):
            if cur.has_body and not self._hold_captions() and not take_box(cur):
                # captions set apart above go below, as a byline's (or opening the page: none above)
                self.new(captions=True, signed_only=bool(self.done) or not cur.bare)
        elif self.p.paragraph_indent and self._indented_head(raw, nxt):
            if cur.has_body or cur.byline_raw:
                self.new()
            self.cur.heads.append(block)
            self.cur.touch(block, head=True)
            return
        elif cur.has_body and self._deck(raw):
            self.new()
            self.cur.subtitle = close_up(raw.lstrip("—－ "))
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
        out = rules.jump_out(raw, self.p.language)
        if out:
            cur.jump_out = _jump(out)
            raw = raw[: out.start()]
        text = block.text if raw == block.raw.strip() else close_up(raw)
        if text:
            cur.paragraphs.append(text)
            cur.spans.append((block.first_line, block.last_line))
        cur.touch(block)
        if out:
            self.close()

    def _hold_captions(self) -> bool:
        """The draft is a headline with photo captions under it and no body yet: the byline or
        dated paragraph coming opens its body (夜市… / 图为…（记者 刘洋 摄） / 本报讯…), and the
        captions are held aside. A photo story (图片新闻) keeps its captions as they are."""
        cur = self.cur
        photo = any(self.p.photo_heading.match(h.text) for h in cur.heads)
        if not cur.heads or photo or cur.byline_raw or not all(map(caption, cur.paragraphs)):
            return False
        cur.captions += cur.paragraphs
        cur.paragraphs, cur.spans = [], []
        return True

    def before_jump_in(self) -> None:
        """A jump-in opens a continuation, also under its jump head and photo captions (上接B01版
        as the seventh line): captions under a headline stay with it."""
        cur = self.cur
        if cur.heads and cur.paragraphs and not cur.jump_in and all(map(caption, cur.paragraphs)):
            cur.captions += cur.paragraphs
            cur.paragraphs, cur.spans = [], []
        elif cur.has_body or cur.jump_in:
            self.new(captions=True)

    def _indented_head(self, raw: str, nxt: Block | None) -> bool:
        """An indented line printed as a headline: unfinished, short, and a dateline or byline follows."""
        if nxt is None or len(raw) > self.p.headline_max or rules.SENTENCE_END.search(raw):
            return False
        if rules.BODY_LINE_END.search(raw) or "。" in raw or self.p.sign_off.search(raw):
            return False
        follows = nxt.raw.strip()
        return bool(self.p.article_opening.match(follows) or self.p.byline_line.match(follows))

    def _deck(self, raw: str) -> bool:
        """A deck after a finished paragraph: an article whose headline was not printed above it."""
        last = self.cur.paragraphs[-1]
        finished = rules.SENTENCE_END.search(last) or self.p.sign_off.search(last)
        return bool(finished and DECK.match(raw))

    def _soft_break(self, raw: str) -> bool:
        """A blank line then an indent, after a finished paragraph: a candidate article boundary."""
        last = self.cur.paragraphs[-1]
        if not rules.SENTENCE_END.search(last) and not self.p.sign_off.search(last):
            return False
        if caption(last) and caption(raw):
            return False  # one run of captions
        return not self.p.anaphoric_opener.match(opening(raw))  # (its opening is enough)


def _belongs(heads: list[str], paragraphs: list[str]) -> bool:
    """Does any headline line share enough with the body? Lines too short to tell are no evidence."""
    text = "".join(paragraphs)
    # Substring tests, not the body's n-gram set: this runs for every headline of every page.
    ratios = [
        sum(1 for g in grams if g in text) / len(grams)
        for grams in map(bigrams, heads)
        if len(grams) >= HEADLINE_TELLS
    ]
    if not ratios or max(ratios) >= HEADLINE_BELONGS:
        return True
    return any(g in text for g in set().union(*map(trigrams, heads)))


def split(
    page: int, blocks: list[Block], profile: Profile = CHINESE, explain: list[BoundaryDecision] | None = None
) -> tuple[list[Fragment], list[Orphan]]:
    """Split one page's blocks into fragments (in reading order) and orphan headline blocks; the
    evidence of each boundary no headline marks goes to ``explain`` when given."""
    drafts = merge_soft(_Page(page, blocks, profile).run(), profile, page, explain)
    drafts = keyword_parts.rejoin(drafts, page, explain)  # See SCHOOLS: the story above's last paragraphs
    fragments: list[Fragment] = []
    orphans: list[Orphan] = []
    for d in drafts:
        heads = [h.text for h in d.heads if not profile.photo_heading.match(h.text)]
        photo = len(heads) < len(d.heads)
        if not (d.has_body or d.captions) and d.jump_in is None:
            text = " ".join([h.text for h in d.heads] + [close_up(b) for b in d.byline_raw])
            orphans.append(Orphan(page, len(orphans) + 1, d.first_line, d.last_line, text))
            continue
        first_line = d.first_line
        kicker, headline, subheadline = (profile.titles or titles)(heads, d.subtitle)
        news = d.dateline is not None
        if heads and news and profile.read_unmarked is None and not _belongs(heads, d.paragraphs):  # marked
            text = " ".join(h.text for h in d.heads)
            orphans.append(Orphan(page, len(orphans) + 1, d.first_line, d.heads[-1].last_line, text))
            first_line = d.body_first_line or d.first_line
            kicker = headline = subheadline = None
        kind = FragmentKind.STORY
        if d.jump_in is not None:
            kind = FragmentKind.CONTINUATION
        elif photo or (d.captions and not d.has_body and not heads):
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
                paragraphs=(*d.paragraphs, *d.captions),
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
