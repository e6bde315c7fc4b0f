"""The lines of a page printed without paragraph marks, and the column width at each (``unmarked``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import english as en
from . import lazyre

NEIGHBOURS = 8  # lines each side that tell the column width at a line
STRAY_MARKS = frozenset("•■*'|·‘’`,.^~°")  # one of these alone on a line is dirt on the scan
PAGE_AT_END = lazyre.compile(r"\b[Pp]age$")  # a jump line broken after its "page"


@dataclass(slots=True)
class Line:
    number: int  # 1-based line number in the page file
    text: str
    gap: bool  # a blank line (or page furniture) above it
    indented: bool = False  # two spaces, a tab or a full-width space: a paragraph mark where printed


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
        if not line or (en.is_running_head(line) and not (out and PAGE_AT_END.search(out[-1].text))):
            gap = True
            continue
        out.append(Line(n, line, gap, raw.startswith(("  ", "\t", "\u3000"))))
        gap = False
    return out


def widths(lines: list[Line]) -> list[int]:
    """The column width at each line: the longest body-like line among its neighbours. Body-like
    is measured from the upper quartile of lengths, not the median: on a front page of briefs,
    headline and byline lines can be half of all lines."""
    lengths = sorted(len(x.text) for x in lines)
    body = lengths[3 * len(lengths) // 4] if lengths else 0
    sizes = [len(x.text) for x in lines]
    usable = [n if n <= 1.6 * body and _among_peers(sizes, i) else 0 for i, n in enumerate(sizes)]
    out = []
    for i in range(len(lines)):
        window = usable[max(0, i - NEIGHBOURS) : i + NEIGHBOURS + 1]
        out.append(max(window) or body)
    return out


def _among_peers(sizes: list[int], i: int) -> bool:
    """A line next to one of about its length (a column's text), not a head wider than the
    column between lines of text (``Ignorant pen calls Student Senate ASInine``)."""
    n = sizes[i]
    return any(0.8 * n <= sizes[k] for k in (i - 1, i + 1) if 0 <= k < len(sizes))


def first_word(text: str) -> str:
    return text.split(" ", 1)[0]
