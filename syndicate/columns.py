"""The lines of a page printed without paragraph marks, and the column width at each (``unmarked``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import english as en
from . import lazyre, rules

NEIGHBOURS = 8  # lines each side that tell the column width at a line
# One of these alone on a line is dirt on the scan; so is a lone small letter (a speck read as
# ``i`` or ``l``: no word of a column wraps to one letter) and a dash or two (a speck, a rule).
STRAY_MARKS = frozenset("•■*'|·‘’`,.^~°-–—abcdefghijklmnopqrstuvwxyz") | {"--"}
PAGE_AT_END = lazyre.compile(r"\b[Pp]age$")  # a jump line broken after its "page"


@dataclass(slots=True)
class Line:
    number: int  # 1-based line number in the page file
    text: str
    gap: bool  # a blank line (or page furniture) above it
    indented: bool = False  # two spaces, a tab or a full-width space: a paragraph mark where printed


def _label_of_jump(above: str, line: str) -> bool:
    """``line``, shaped like a folio (``8``, ``Page A2``), ends the jump line broken above it:
    ``See OFFICES, page`` / ``8``, ``Please see TRIAL,`` / ``Page A2``."""
    if PAGE_AT_END.search(above):
        return True
    return above[-1:] == "," and len(above) <= 40 and rules.jump_out(f"{above} {line}") is not None


def read_lines(text: str, furniture: re.Pattern[str] | None) -> list[Line]:
    """The page's text lines; blank lines, running heads, an index box at the top and the paper's
    ``furniture`` are gaps."""
    out: list[Line] = []
    gap = False
    raws = text.split("\n")
    index = en.index_box(raws)  # a front page's teaser box pointing inside: furniture
    for n, raw in enumerate(raws, start=1):
        line = raw.strip(" \t\r\u3000\u00a0\ufeff") if n > index else ""
        if line in STRAY_MARKS:
            continue  # a speck OCR read as a mark (•, ', |): no line at all, not even a gap
        if line and furniture is not None and furniture.match(line):
            line = ""  # the paper's own furniture (configuration ``[reading] furniture``)
        if not line or (en.is_running_head(line) and not (out and _label_of_jump(out[-1].text, line))):
            gap = True
            continue
        out.append(Line(n, line, gap, raw.startswith(("  ", "\t", "\u3000"))))
        gap = False
    return out


def widths(lines: list[Line]) -> list[int]:
    """The column width at each line: the longest body-like line among its neighbours. Body-like
    is measured from the upper quartile of lengths, not the median: on a front page of briefs,
    headline and byline lines can be half of all lines."""
    if not lines:
        return []  # a page of nothing but specks and furniture
    sizes = [len(x.text) for x in lines]
    lengths = sorted(sizes)
    body = lengths[3 * len(lengths) // 4]
    # A line counts only next to one of about its length (a column's text): a head wider than the
    # column between lines of text (``Ignorant pen calls Student Senate ASInine``) sets no width.
    limit = 1.6 * body
    beside = _pairwise_max([0, *sizes[:-1]], [*sizes[1:], 0])  # the longer of the lines above and below
    usable = [n if n <= limit and 0.8 * n <= m else 0 for n, m in zip(sizes, beside, strict=True)]
    return [m or body for m in window_max(usable, NEIGHBOURS)]


def window_max(values: list[int], reach: int) -> list[int]:
    """``max(values[i - reach : i + reach + 1])`` for each ``i`` (the window cut at the ends), from
    maxima over runs of doubling length, each level one pass over the list, not a slice and a
    ``max`` per line."""
    n, size = len(values), 2 * reach + 1
    out = [max(values[max(0, i - reach) : i + reach + 1]) for i in range(min(n, reach))]
    if n >= size:
        runs, length = values, 1  # runs[j]: the maximum of values[j : j + length]
        while 2 * length < size:
            runs, length = _pairwise_max(runs, runs[length:]), 2 * length
        out += _pairwise_max(runs, runs[size - length :])  # two runs cover a whole window
    out += [max(values[max(0, i - reach) : i + reach + 1]) for i in range(len(out), n)]
    return out


def _pairwise_max(a: list[int], b: list[int]) -> list[int]:
    """The larger of ``a[k]`` and ``b[k]`` for each ``k`` (as far as the shorter goes). A comparison
    in a comprehension: four times as fast as ``map(max, a, b)``, whose every call parses
    arguments for an iterable, ``key`` and ``default``."""
    return [x if x > y else y for x, y in zip(a, b, strict=False)]


def first_word(text: str) -> str:
    return text.split(" ", 1)[0]
