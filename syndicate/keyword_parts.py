"""An English story cut by a column break, told by its own jump line.

A story that jumps prints ``See SCHOOLS, Page A6`` under its last front-page paragraph; the
keyword is a word of the story (most often of its headline). When a column break above those last
paragraphs was read as a story's start (no headline, byline or dateline there: only a change of
topic, which a few sentences measure badly), the keyword says whose paragraphs they are: it names
the story above, and none of their own words.
"""

from __future__ import annotations

from .boundaries import Draft, absorb
from .model import BoundaryDecision
from .unmarked_topic import content_words

NOTE = "the jump line's keyword names the story above, not these paragraphs"


def _cut_by_a_column(prev: Draft, d: Draft) -> bool:
    jump = d.jump_out
    if jump is None or not jump.keyword or prev.jump_out is not None or not prev.heads:
        return False
    if d.heads or d.byline_raw or d.dateline or d.jump_in is not None or d.captions:
        return False
    key = content_words([jump.keyword])  # the topic test's words: SCHOOLS and school's are school
    above = content_words([h.text for h in prev.heads] + prev.paragraphs)
    below = content_words(d.paragraphs)
    return bool(key) and key <= above and not key & below


def rejoin(drafts: list[Draft], page: int, explain: list[BoundaryDecision] | None) -> list[Draft]:
    """Drafts with the last paragraphs of a jumping story put back on it."""
    out: list[Draft] = []
    for d in drafts:
        if out and _cut_by_a_column(out[-1], d):
            absorb(out[-1], d, d.paragraphs)
            if explain is not None:
                explain.append(BoundaryDecision(page, d.first_line, False, {"keyword": 1.0}, NOTE))
            continue
        out.append(d)
    return out
