"""A column of briefs (简讯): its label over the first brief, and each brief's mark, with its
headline set on a line of its own or run in before the lead (■潜山检查粮库防雷设施 本报讯 近日，…).
``boundaries`` asks whether a marked line or paragraph opens a brief or goes on with an article."""

from __future__ import annotations

from . import lazyre, rules
from .profile import Profile

# The label of a column of briefs, over its first brief: 简讯, ■本地快讯, □新闻速递, 区县传真.
BRIEF_LABEL = lazyre.compile(rf"^[■□▲●◆]?[{rules.CJK}]{{0,4}}(?:简讯|快讯|速递|短讯|短新闻|传真|速览)$")
# A brief's headline run in before its lead: 4 to 30 characters with no punctuation, then the lead.
_RUN_IN = lazyre.compile(r"^[^，。；：！？、,;:!?（）()]{4,30}?(?=本报|近日|日前|近期|\d{1,2}月|当地时间)")
BRIEF_MAX = 400  # characters of a brief: a marked headline under a story this short heads the next
# A brief's headline run in before its lead and set off from it by a full-width space, as a column of
# briefs prints it with no indent (■夏季用电负荷创新高　记者昨天从市供电公司获悉…).
_MARKS = "■□▲●◆"  # a brief's mark (rules.ITEM_MARK's)
_SPACED_RUN_IN = lazyre.compile(rf"^[{_MARKS}]\s*[^，。；：！？、,;:!?（）()\s\u3000]{{4,30}}\u3000+(?=\S)")
LEAD_COMMA = 4  # a lead's time is followed by its comma within this many characters (近日，, 5月3日8时，)


def label_line(text: str) -> bool:
    """A label standing over a box or a column (核心提示, 【编者按】, ■简讯, 本地快讯), no name."""
    return bool(rules.BOX.match(text) or BRIEF_LABEL.match(text))


def spaced_run_in(text: str) -> bool:
    """The line opens a brief: its mark, its headline, a full-width space, then its lead."""
    return text[:1] in _MARKS and _SPACED_RUN_IN.match(text) is not None


def run_in_head(text: str) -> tuple[str, str] | None:
    """(headline, lead) of a brief whose headline is run in, set off by a full-width space."""
    m = _SPACED_RUN_IN.match(text) if text[:1] in _MARKS else None
    if m is None:
        return None
    return rules.ITEM_MARK.sub("", m.group(0)).strip("\u3000 "), text[m.end() :]


def news_lead(text: str, p: Profile) -> bool:
    """The text opens as a news lead: a time and its comma (近日，, 5月23日至24日，), or a dateline."""
    if p.dateline.match(text):
        return True
    m = p.lead_opener.match(text) if p.lead_opener is not None else None
    return m is not None and "，" in text[m.end() : m.end() + LEAD_COMMA]


def brief_item(text: str, p: Profile) -> bool:
    """A paragraph marked as a column's brief (▲, ■, □) that opens as a news lead, or with its
    headline run in before one: a brief of its own. A marked point of an article
    (■气象条件直接关系到…) opens no lead."""
    mark = rules.ITEM_MARK.match(text)
    if mark is None or p.lead_opener is None:
        return False
    rest = text[mark.end() :]
    if p.lead_opener.match(rest):
        return True
    head = _RUN_IN.match(rest)
    return head is not None and news_lead(rest[head.end() :], p)


def brief_head(above: list[str], above_head: str, signed: bool, head: str, below: str, p: Profile) -> bool:
    """A marked headline line (■余姚发布杨梅采摘期预报) over a news lead, under a brief (a story
    this short with no byline line of its own, or one whose own headline carries the same mark):
    the next brief of the column, not a subheading of the story above."""
    if not news_lead(below, p):
        return False
    if above_head[:1] == head[:1] and not above_head[:1].isalnum():
        return True
    return sum(map(len, above)) <= BRIEF_MAX and not signed
