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


CLOSING_OPENERS = "》）」』〉】)”’"  # a line opening so goes on from the line above
ABOVE = 3  # lines right above a line that tell the column's width
HEAD_MIN = 5  # a shorter line over a sentence may be a caption's credit (张宣), no head
SHORT_BY = 2  # characters short of the column before a line is surely no wrapped body line


def jump_head(lines: Sequence[Line], i: int) -> bool:
    """Line ``i``, after a finished paragraph, is a headline line although unindented text follows
    it: headline-like, no comma, and well short of the column the wrapped lines under it fill, or
    well wider than it (a head set across columns: no body line runs past its column)."""
    text = lines[i].text
    if not lines[i].heady or any(c in text for c in "，,、 "):
        return False
    below: list[Line] = []  # the wrapped lines under it that are not its paragraph's last
    for line in lines[i + 1 : i + 6]:
        if line.indented or line.strong:
            break
        if line.text[-1:] in rules.SENTENCE_END_CHARS:
            # A whole paragraph on the next line (text not wrapped): a wrapped line is never
            # shorter than the line under it, so a line well shorter is a head here too.
            below += [line] if not below and len(text) >= HEAD_MIN else []
            break
        below += [line] if line.text else []
    if below and len(text) < max(len(line.text.replace(" ", "")) for line in below) - SHORT_BY:
        return True
    if len(below) < 2:
        return len(text) >= HEAD_MIN and _short_of_column_above(lines, i)
    # Wider needs two lines under it (one alone may be its paragraph's short last line: then the
    # column is told from the lines above), measured
    # as print sets them (figures and Latin letters take half a cell); a body line passes its
    # column by one hanging punctuation mark at most. Not a line opening on a
    # closing mark or holding a bracket: body text that a paragraph's false end above (…周期
    # （2021—2025年） read as a sign-off) leaves unindented (评估方案》（以下简称…）).
    if text[0] in CLOSING_OPENERS or "（" in text or "(" in text:
        return False
    return width(text) > max(width(line.text) for line in below) + 1


def _short_of_column_above(lines: Sequence[Line], i: int) -> bool:
    """Line ``i`` is well short of the column the lines right above it fill (a column end's blank
    line allowed between), and the unindented line under it ends a sentence: a wrapped line would fill the
    column, and a paragraph's short last line leaves the next paragraph its indent, so it is a head
    over text going on mid-sentence (东湖区：课程改革织密民生保障网 / 口就能办好。)."""
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    if (
        nxt is None
        or not nxt.text
        or nxt.indented
        or nxt.strong
        or nxt.text[-1] not in rules.SENTENCE_END_CHARS
    ):
        return False
    if lines[i].text[-1].isascii() and nxt.text[0].isascii():
        return False  # a Latin word that did not fit went down whole (…应用Weather / Replay。)
    # Widths as print sets them (a figure takes half a cell): a line of figures is no wider.
    above = [width(line.text) for line in lines[max(0, i - ABOVE - 1) : i] if not line.blank]
    return len(above) >= ABOVE and width(lines[i].text) < max(above) - SHORT_BY


def width(text: str) -> float:
    """The line's width in full-width cells: ASCII takes half a cell, spaces none (letter-spacing)."""
    text = text.replace(" ", "")
    return len(text) - sum(1 for c in text if c < "\x80") / 2


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
