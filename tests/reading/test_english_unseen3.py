"""English pages of papers the reader was not built on (third set): section pages labelled
number first (``4A``, ``1B``) in a running head set with bars."""

from __future__ import annotations

import datetime as dt

from syndicate import pipeline
from syndicate.model import Issue, Page, Reading


def _read(*texts: str) -> Reading:
    pages = tuple(Page(n, "News", text, f"page-{n:02d}.txt", "utf-8", "") for n, text in enumerate(texts, 1))
    return pipeline.read(Issue(dt.date(2026, 3, 3), pages), "en")


_FRONT = """1A | THE VALLEY HERALD | TUESDAY, MARCH 3, 2026
Levy vote set for spring ballot
By Jane Porter | The Herald
Voters will decide in April whether
to raise the county's sales tax by a
quarter cent to pay for road repairs,
after supervisors agreed Monday to put
the measure on the spring ballot.
Supervisor Alan Reyes said the roads
Turn to LEVY, Page 1B
"""
_SECOND = """2A | THE VALLEY HERALD | TUESDAY, MARCH 3, 2026
Library hours cut at two branches
The county will close the Elm Street
and Oak Park libraries on Mondays from
next month to save money, the library
board decided at its meeting.
"""
_SECTION_B = """1B | THE VALLEY HERALD | TUESDAY, MARCH 3, 2026
LEVY from Page 1A
have gone without repairs for too long
and the tax would end in ten years.
"""
_LAST = """2B | THE VALLEY HERALD | TUESDAY, MARCH 3, 2026
Ferry timetable trimmed for winter
Two sailings will be dropped from the
winter timetable, the port said.
"""


def test_number_first_section_label_names_the_page_that_prints_it() -> None:
    reading = _read(_FRONT, _SECOND, _SECTION_B, _LAST)
    levy = next(a for a in reading.articles if a.headline.startswith("Levy vote"))
    assert [p.page for p in levy.parts] == [1, 3]
    assert "the roads have gone without repairs" in " ".join(levy.paragraphs)
