"""English pages of papers the reader was not built on (sixth set): photo credits and captions
under a byline, UK broadsheet habits (lettered sections, ``Continued on page B2, col 3``, a
kicker over ``From page A1``, small-caps datelines), letters and notices set with no air."""

from __future__ import annotations

from syndicate import unmarked


def _opening(text: str) -> list[str]:
    return [b.raw for b in unmarked.blocks(text) if b.opens]


# A credit set right under the byline, then the caption, then the story's dateline: one story.
_CREDIT_READ_WITH_BYLINE = """The Morning Star Wednesday, September 5, 2026

Ferry Fares Rise for Island Riders
By HANNAH QUINLAN
Staff Reporter
(AP Photo)
Riders wait for the early boat at the
north landing on Tuesday.
   EASTON — Fares on the island ferry
will rise by a dollar in May, the
port authority said Tuesday.
"""


def test_dateline_under_a_caption_whose_credit_went_with_the_byline_opens_nothing() -> None:
    assert _opening(_CREDIT_READ_WITH_BYLINE) == ["Ferry Fares Rise for Island Riders"]


# Under a story that ended on its jump line: the byline's photo credit, a column break, the
# caption, the dateline: still the same story's head.
_CAPTION_AFTER_A_BREAK = """College Daily Thursday, September 16, 2026

FEES GO UP AGAIN
The student fee for the gym will rise
by twelve dollars next fall.
Please see page 3

Library Hours Cut During Exams
BY OMAR FARROW / Herald Staff
Staff photo by Naomi Moreau

Students line up at the front desk
before the doors open.
PORT HAVEN — The campus library will
close at ten on weeknights starting
next week, the dean said.
"""


def test_caption_after_a_column_break_under_a_bylined_credit_opens_nothing() -> None:
    assert _opening(_CAPTION_AFTER_A_BREAK) == ["FEES GO UP AGAIN", "Library Hours Cut During Exams"]
