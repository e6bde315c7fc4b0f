"""What a column's width says about a line of a page printed with paragraph indents (pure).

A typesetter fills every line of a paragraph to the column's width but its last: a line well
short of the column, with more of the paragraph under it, is no wrapped body line (a jump head
over the continuation's unindented text); a sentence ending in ？ or ！ under a line that fills
the column goes on that paragraph (a paragraph that ended there would have left it short).
``normalize`` asks; print justifies within a character, so one character either way is the same.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from . import rules


class Line(Protocol):
    """A page line as ``normalize`` holds it."""

    text: str
    indented: bool
    strong: bool

    @property
    def heady(self) -> bool: ...

    @property
    def blank(self) -> bool: ...


SHORT_BY = 2  # characters short of the column before a line is surely no wrapped body line


def jump_head(lines: Sequence[Line], i: int) -> bool:
    """Line ``i``, after a finished paragraph, is a headline line although unindented text follows
    it: headline-like, no comma, and well short of the column the wrapped lines under it fill."""
    text = lines[i].text
    if not lines[i].heady or any(c in text for c in "，,、 "):
        return False
    below: list[Line] = []  # the wrapped lines under it that are not its paragraph's last
    for line in lines[i + 1 : i + 6]:
        if line.indented or line.strong or line.text[-1:] in rules.SENTENCE_END_CHARS:
            break
        below += [line] if line.text else []
    return bool(below) and len(text) < max(len(line.text.replace(" ", "")) for line in below) - SHORT_BY


def wrapped_sentence(
    lines: Sequence[Line], i: int, pieces: Sequence[Line], starts_article: Callable[[Line], bool]
) -> bool:
    """Line ``i`` is a sentence ending in ？ or ！ that goes on the finished paragraph of
    ``pieces``, not a headline: that paragraph's last line fills the column, line ``i`` is no
    longer than the column, and the indented line below starts no article."""
    text = lines[i].text
    if len(pieces) < 2 or text[-1] not in "？！?!":
        return False
    width = max(len(p.text) for p in pieces)
    if len(pieces[-1].text) < width - 1 or len(text) > width:
        return False
    nxt = next((line for line in lines[i + 1 :] if not line.blank), None)
    return nxt is not None and nxt.indented and not starts_article(nxt)


LABEL_MAX = 6  # a column's label printed indented over a headline: 短评, 今日关注


def label(lines: Sequence[Line], i: int) -> bool:
    """Indented line ``i`` is a column's label (短评), not a paragraph's first line: short, no
    punctuation, well short of the column the next lines fill, and unindented lines follow."""
    text = lines[i].text
    if len(text) > LABEL_MAX or not lines[i].heady or lines[i].strong:
        return False
    below = [line for line in lines[i + 1 : i + 5] if not line.blank][:3]
    return (
        bool(below) and not below[0].indented and max(len(line.text) for line in below) > len(text) + SHORT_BY
    )
