"""Subheadings (小标题) inside an article: headline-like lines above a paragraph that the reader
keeps in the story above rather than opening an article with them (pure).

``boundaries.merge_soft`` asks here about each soft split under a headline-like line with no
byline, dateline or jump-in of its own. ``closed``: a source credit or sign-off ends the story
above, after which a line like this is the next article's headline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import lazyre, rules
from .briefs import BRIEF_LABEL, brief_head
from .profile import Profile

if TYPE_CHECKING:
    from .boundaries import Draft, _Topic

# A subheading (小标题) inside an article is marked: ■现场, ◆老板坚持手工现做, ▶夜市里的新面孔, 一、…, （一）…
SUBHEADING_MARK = lazyre.compile(
    r"^(?:[■◆●▲◎★◇○▶►☆]|[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十]{1,2}[）)])"
)
NUMBERED = lazyre.compile(
    r"^[（(]?(?P<n>[一二三四五六七八九十]{1,2})(?:、|[）)])"
)  # 二、, （三）: a list's item
# The text below a subheading goes on with the story's words: it shares at least what two sides
# of a column-end blank line need to stay one article (boundaries.TOPIC_SHIFT).
SUBHEADING_COHESION = 0.03
# A marked line (■, ▶, 一、) over text opening with no news lead: a brief's headline is marked too,
# but its text opens as news does (5月22日，…). Under a short lede, a feature's first marked
# subheading shares little with it: on the generated pages 15 marked lines so shared 0.01 to 0.03,
# all subheadings; none on the corpus pages.
MARKED_COHESION = 0.01
# An unmarked subheading (unmarked): a line this short, set flush with no blank line above. On
# generated pages of six papers' layouts (blank lines wherever a column ends, degraded text), the
# 128 lone lines so (no air, unsigned story above, no news lead below) whose text below shares
# >= 0.03 with the story above were all subheadings, and the 4 on the corpus pages; at the old
# 0.08, 24 of them read as headlines. On the corpus pages, the headlines among short flush lines
# were each centred, over their author's name alone, or under a signed story.
SUBHEADING_MAX = 14
# A line asking or exclaiming (菜价回落了吗？) is a headline's form as often as a subheading's: the
# text below must share the old, stronger 0.08 (on those pages the one question kept shares 0.14).
ASKING_COHESION = 0.08
# A blank line above is no headline's mark where column ends leave them anywhere, but alone it
# keeps a flush short line a headline: the corpus features open so (莫把风险当风景 over a story
# sharing nothing). Under a story that already took in a subheading of about its length (this many
# characters either way), it is that story's next one: on the generated pages 4 lines so, all
# subheadings; none on the corpus pages.
SIBLING_SPREAD = 4
CAPTION_MAX = 80  # as boundaries.CAPTION_MAX (which imports this module)
AUTHOR_LINE_MAX = 4  # a paragraph this short under a head is its author's name (　　海尚飞)


def marked(prev: Draft, d: Draft, topic: _Topic, p: Profile, closed: bool) -> bool:
    """``d``'s head is a marked subheading of the article above: no sign-off closed that, and the
    text goes on with its topic (a column of briefs marks each brief's headline so too). A number
    past the first (二、, （三）) goes on with a list the article began; a number is no brief's mark.
    Text below opening with no news lead needs to share only a little (MARKED_COHESION)."""
    head = d.heads[0].text
    if not SUBHEADING_MARK.match(head) or closed or BRIEF_LABEL.match(head):
        return False
    numbered = NUMBERED.match(head)
    if numbered is not None:
        if numbered.group("n") != "一":
            return True
    elif brief_head(
        prev.paragraphs,
        prev.heads[0].text if prev.heads else "",
        bool(prev.byline_raw),
        head,
        d.paragraphs[0],
        p,
    ):
        return False
    lead = p.opens_lead(d.paragraphs[0])
    limit = SUBHEADING_COHESION if lead else MARKED_COHESION
    return topic.cohesion(prev.paragraphs, [h.text for h in d.heads] + d.paragraphs) >= limit


def _caption(text: str) -> bool:
    """A photo's caption (short, signed by its photographer or opening 图为): under a short line
    it makes a photo story (美丽乡村 / 村民在晒秋。（记者 陈晨 摄）); no subheading heads a caption."""
    return len(text) <= CAPTION_MAX and bool(
        rules.PHOTO_CREDIT.search(text) or rules.CAPTION_OPENING.match(text)
    )


def unmarked(prev: Draft, d: Draft, topic: _Topic, p: Profile, closed: bool) -> bool:
    """``d``'s head is an unmarked subheading (小标题) of the article above: one short line set
    flush with no blank line above it (a centred line is a headline's setting), or with one where
    the article already took in a subheading of about its length, no sign-off closed the article,
    and the text below goes on with its words and opens no news lead (近日，) and no author's name
    line (　　海尚飞)."""
    if len(d.heads) != 1 or d.heads[0].centred or prev.bare:
        return False
    head, first = d.heads[0].text, d.paragraphs[0]
    if d.blank and not any(abs(n - len(head)) <= SIBLING_SPREAD for n in prev.subheads):
        return False
    if len(head) > SUBHEADING_MAX or p.photo_heading.match(head) or len(first) <= AUTHOR_LINE_MAX:
        return False
    if BRIEF_LABEL.match(head):
        return False
    if closed or p.opens_lead(first) or _caption(first):
        return False
    limit = ASKING_COHESION if head[-1] in "？！?!" else SUBHEADING_COHESION
    return topic.cohesion(prev.paragraphs, d.paragraphs) >= limit
