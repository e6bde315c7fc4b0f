"""A headline derived from an article's lead, for articles printed without one.

The main clause of the lead: time phrases (今天下午，5月29日，) and adverbial openers
(根据…安排，在…之际，记者从…获悉，) are skipped; at most ``MAX_CHARS`` characters.
"""

from __future__ import annotations

from . import lazyre

MAX_CHARS = 40

_TIME = lazyre.compile(
    r"^(?:(?:今天|今日|昨天|昨日|前天|日前|近日|近期|目前|当前|眼下|当地时间|北京时间|连日来|近年来|今年以来|"
    r"\d{4}年|\d{1,2}月|\d{1,2}日|[上中下]旬|上午|下午|晚上|晚间|早上|凌晨|中午|傍晚|夜间|"
    r"\d{1,2}时|\d{1,2}分|至|到|—|-)\s*)+[，,]"
)
_ADVERBIAL = lazyre.compile(
    r"^(?:根据|按照|依照|遵照|为了|为|在|随着|围绕|针对|面对|面向|作为|据|记者从|记者|经)[^，,。；]{1,40}?"
    r"(?:安排|要求|部署|之际|期间|中|时|下|上|后|前|背景下|获悉|了解到|批准|同意)?[，,]"
)
# A full-width space inside a lead sets a brief's run-in headline off (■夏粮收购进度过半　据…).
_CLAUSE_END = lazyre.compile(r"[，,。；;！？!?：:\u3000]")
_ITEM_MARK = lazyre.compile(r"^[▲■□●◆▶►]\s*")  # a brief's mark is no part of its headline
_LABEL = lazyre.compile(
    r"^(?:编者按|编者的话|编前语|编后语|导语)\s*[：:，,]?\s*"
)  # a note's label, not its headline
_ASIDE = lazyre.compile(r"[（(](?:以下简称|下称|简称)[^（()）]{0,30}[）)]")  # （以下简称《规划》）: an aside


def derive_headline(lead: str) -> str:
    """The main clause of ``lead``; empty when the lead is empty."""
    text = _ASIDE.sub("", _LABEL.sub("", _ITEM_MARK.sub("", lead.strip())))
    for _ in range(4):  # a few openers may stack: 根据…安排，今天下午，
        m = _TIME.match(text) or _ADVERBIAL.match(text)
        if not m or len(text) - m.end() < 6:
            break
        text = text[m.end() :]
    parts = _CLAUSE_END.split(text, maxsplit=2)
    clause = parts[0]
    if len(clause) < 8 and len(parts) > 1:
        clause = clause + "，" + parts[1]
    dash = clause.find("——", 8)
    if len(clause) > MAX_CHARS and 0 < dash <= MAX_CHARS:
        clause = clause[:dash]  # 会见…称号获得者——福建省…: what the dash goes on to is its detail
    if len(clause) > MAX_CHARS:
        clause = clause[: MAX_CHARS - 1] + "…"
    return clause.strip()
