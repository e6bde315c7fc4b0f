"""Body starts on a page whose extraction lost every indent (pure).

A page printed with full-width indents and extracted without them (some PDF-to-text tools drop
leading spaces) marks no paragraph, and the reader, which takes a headline block for one only
over the indented start of a body, would glue its articles together. A typesetter still sees a
headline block: headline-like lines after a finished paragraph (or the page's top), then a line
of body text. That line gets its indent back. Paragraph breaks inside a wrapped column are not
guessed (they decide no article boundary, and guessing them cost precision); on a page of
unwrapped paragraphs, a paragraph a line, each line after a finished one opens a paragraph.
A page with a printed indent is left alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from . import lazyre, rules
from .measure import SHORT_BY, Line
from .profile import Profile

MIN_LINES = 12  # a page this short says too little about its own indents
HEAD_LINES = 4  # a headline block: kicker, headline (two lines), deck
NEIGHBOURS = 3  # lines under a head line that show the column's width
# Finished lines on a page of unwrapped paragraphs; in wrapped columns only a paragraph's last line
# is one (a fifth of the lines or fewer).
UNWRAPPED_SHARE = 0.6
UNWRAPPED_WIDTH = 30  # characters: wider than the widest column of Chinese print (about 24)
UNWRAPPED_MIN_LINES = 4


_INDENTED = lazyre.compile(rf"(?m)^[ \t]*{rules.INDENT}+(.*)$")  # a line opening with an indent


def unmarked(text: str, p: Profile) -> bool:
    """The page marks no paragraph with an indent (a tabloid's layout, or an extraction that lost
    them): no line opens with one but a jump line (　　下转A03版). Stops at the first indented
    paragraph: one regex step on most pages."""
    if p.paragraph_indent is None:
        return False
    for m in _INDENTED.finditer(text):
        body = m.group(1).strip()
        if body and not (
            rules.jump_alone(body, "out", p.language) or rules.jump_alone(body, "in", p.language)
        ):
            return False
    return True


def jumped_in(body: str, language: str) -> bool:
    """The line opens with a jump-in marker run into its text ((上接第1版）每天早上…): it opens a
    paragraph, indent or none (a marker alone on its line stands alone already). Cheap test first."""
    return body[0] in "（(◀◆▲■□上紧承续接" and rules.jump_in(body, language) is not None


def long_enough(lines: Sequence[Line]) -> bool:
    """An unmarked page has enough lines for its heads' widths to say where bodies start."""
    return sum(1 for line in lines if line.text) >= MIN_LINES


def unwrapped(lines: Sequence[Line]) -> bool:
    """A short page of unwrapped paragraphs (a paragraph a line): its lines are mostly longer than
    any column a paper prints, so even a few say how its paragraphs are set."""
    sizes = sorted(len(line.text) for line in lines if line.text)
    return len(sizes) >= UNWRAPPED_MIN_LINES and sizes[len(sizes) // 2] >= UNWRAPPED_WIDTH


def mark_body_starts(lines: Sequence[Line], closed: Callable[[str], bool]) -> None:
    """Indent the lines that open a body under a headline block: after a finished line (or the
    top), one to ``HEAD_LINES`` headline-like lines, then a line that is not. On a page of
    unwrapped paragraphs (a paragraph a line, as web pages give text), every line after a
    finished one that is no head line opens a paragraph."""
    shown = [k for k, line in enumerate(lines) if line.text]
    finished = [closed(lines[k].text) for k in shown]
    if sum(finished) >= UNWRAPPED_SHARE * len(shown):
        for n in range(1, len(shown)):
            line = lines[shown[n]]
            if finished[n - 1] and not line.strong and not line.heady:
                line.indented = True
    n = 0
    while n < len(shown):
        if n and not finished[n - 1]:
            n += 1
            continue
        run = 0
        while n + run < len(shown) and run <= HEAD_LINES and _head_line(lines, shown, n + run):
            run += 1
        if 0 < run <= HEAD_LINES and n + run < len(shown):
            body = lines[shown[n + run]]
            if not body.indented and not body.strong:
                body.indented = True
        n += max(run, 1)


def _head_line(lines: Sequence[Line], shown: list[int], n: int) -> bool:
    """Headline-like, no comma inside, and off the column the lines under it fill (shorter, or
    longer: a head set across columns) by more than print's slack."""
    line = lines[shown[n]]
    if line.indented or line.strong or not line.heady or "，" in line.text:
        return False
    below = sorted(len(lines[k].text) for k in shown[n + 1 : n + 1 + NEIGHBOURS])
    # The median: a line's hanging punctuation or a paragraph's short last line move it least.
    # More than the lost indent's two characters off it: a paragraph's first line is that short.
    return len(below) == NEIGHBOURS and abs(len(line.text) - below[1]) > SHORT_BY + 1
