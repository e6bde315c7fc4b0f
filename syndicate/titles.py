"""A Chinese article's titles from its headline lines in print order: kicker (引题), headline
(主题) and subheadline (副题) (pure; ``segment`` asks, a profile may bring its own)."""

from __future__ import annotations

# A head line that says who said it (…在…时强调, …指出): the line above or below the words said,
# which are the headline, whatever the lengths.
_SAYS = ("强调", "指出", "表示", "要求")


def titles(heads: list[str], subtitle: str | None) -> tuple[str | None, str | None, str | None]:
    """(kicker, headline, subheadline) from the headline lines in print order."""
    if not heads:
        return None, None, subtitle
    heads = [h.lstrip("■□◆●▲◎★◇○ ") or h for h in heads]  # ●市图书馆延长开放时间: the mark is no text
    for k in range(len(heads) - 1):
        # 日本防卫大臣： / 将加强西南防卫, and 防汛 / 一线 (big type, short lines): one headline.
        if heads[k].endswith(("：", ":")) or max(len(heads[k]), len(heads[k + 1])) <= 2:
            heads = [*heads[:k], heads[k] + heads[k + 1], *heads[k + 2 :]]
            break
    if len(heads) == 1:
        return None, heads[0], subtitle
    if len(heads) == 2:
        first, second = heads
        if second.startswith(("—", "－")) or second.endswith(_SAYS) and not first.endswith(_SAYS):
            return None, first, " ".join(x for x in (second.lstrip("—－ "), subtitle) if x)
        if first.endswith(_SAYS) and not second.endswith(_SAYS):
            return first, second, subtitle
        if len(first) < len(second):
            return first, second, subtitle
        # the headline over a deck of two lines when a dashed deck was printed under them
        return None, first, second if subtitle is None else f"{second} {subtitle}"
    # Three lines or more: a kicker (引题) above the headline when it is the shorter or a dash deck
    # (——记…) follows the headline; otherwise the headline comes first and a deck of two lines.
    dashed = heads[2].startswith(("—", "－"))
    if heads[1].startswith(("—", "－")) or not dashed and len(heads[0]) >= len(heads[1]):
        return None, heads[0], subtitle or " ".join(h.lstrip("—－ ") for h in heads[1:])
    return heads[0], heads[1], subtitle or " ".join(h.lstrip("—－ ") for h in heads[2:])
