"""English pages of papers the reader was not built on (fifth set): jump lines abbreviated or
broken, refer lines under a jump line, letters to the editor, obituaries, captions."""

from __future__ import annotations

import datetime as dt

import pytest

from syndicate import english_jumps, pipeline, rules
from syndicate.model import Issue, Page, Reading


def _read(*texts: str) -> Reading:
    pages = tuple(Page(n, "News", text, f"page-{n:02d}.txt", "utf-8", "") for n, text in enumerate(texts, 1))
    return pipeline.read(Issue(dt.date(2026, 3, 3), pages), "en")


def _parts(reading: Reading, head: str) -> list[int]:
    return [p.page for p in next(a for a in reading.articles if a.headline.startswith(head)).parts]


@pytest.mark.parametrize(
    ("line", "label"),
    [("Contd. on Page 3", "3"), ("Cont'd on page 6", "6"), ("CONT'D ON PAGE A4", "A4"), ("Contd on Page 5", "5")],
)
def test_abbreviated_continued_on_is_a_jump_out(line: str, label: str) -> None:
    m = rules.jump_out(line)
    assert m is not None, line
    assert english_jumps.label_of(m) == label


@pytest.mark.parametrize("line", ["Cont'd from Page 1", "Contd. from page one", "CONT'D FROM PAGE A1"])
def test_abbreviated_continued_from_is_a_jump_in(line: str) -> None:
    m = rules.jump_in(line)
    assert m is not None, line
    assert english_jumps.page_number(english_jumps.label_of(m)) == 1


_WEEKLY_FRONT = """The Valley Sentinel — Thursday, March 5, 2026
GRANGE HALL SOLD TO CHURCH
By RUTH ABERNATHY
Sentinel Staff Writer
  The old grange hall on Mill Road
was sold to the Fellowship Bible
Church on Monday for $210,000, the
county recorder's office said.
  Members of the grange voted in
January to sell the building, which
Contd. on Page 2
"""
_WEEKLY_SECOND = """The Valley Sentinel — Thursday, March 5, 2026 — Page 2
GRANGE
Cont'd from Page 1
has needed a new roof for years.
  The church plans to hold services
there by Easter, its pastor said.
"""


def test_contd_jump_stitches_to_contd_from() -> None:
    assert _parts(_read(_WEEKLY_FRONT, _WEEKLY_SECOND), "GRANGE HALL") == [1, 2]


_REFER_FRONT = """THE MORNING STAR Tuesday, March 3, 2026

Council Backs Ferry Subsidy
By GRACE OKAFOR
Staff Writer
   The city council agreed on Monday to
pay $1.2 million a year to keep the
island ferry running through 2028.
   Riders had warned that the operator
would stop the early sailings, which
See FERRY, Page A4
Editorial: Page A8

Library Adds Sunday Hours
   The main library will open on Sundays
from noon to five starting in April, the
library board said Monday.
"""
_REFER_INSIDE = """A4 THE MORNING STAR Tuesday, March 3, 2026

FERRY
Continued from Page A1
carry most of the nurses who work at the
county hospital.
"""


def test_refer_line_under_a_jump_line_stays_with_its_story() -> None:
    reading = _read(_REFER_FRONT, "A2 THE MORNING STAR\n\nx\n", "A3\n\ny\n", _REFER_INSIDE)
    assert _parts(reading, "Council Backs Ferry") == [1, 4]
    library = next(a for a in reading.articles if a.headline.startswith("Library Adds"))
    assert library.parts[0].first_line == 14  # the headline opens it, not the refer line above
    assert not any(a.headline.startswith("Editorial") for a in reading.articles)


@pytest.mark.parametrize(
    ("line", "refer"),
    [("Related story, Page 4", True), ("More on the vote, Page A6", True), ("Inside: B3", True),
     ("Library Adds Sunday Hours", False), ("Riders had warned that the operator", False)],
)
def test_refer_line_shape(line: str, refer: bool) -> None:
    assert bool(english_jumps.REFER_LINE.match(line)) is refer
