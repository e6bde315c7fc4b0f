"""English pages of papers the reader was not built on (fifth set): jump lines abbreviated or
broken, refer lines under a jump line, letters to the editor, obituaries, captions."""

from __future__ import annotations

import datetime as dt

import pytest

from syndicate import english, english_jumps, english_leads, pipeline, rules, unmarked
from syndicate.model import Issue, Page, Reading


def _read(*texts: str) -> Reading:
    pages = tuple(Page(n, "News", text, f"page-{n:02d}.txt", "utf-8", "") for n, text in enumerate(texts, 1))
    return pipeline.read(Issue(dt.date(2026, 3, 3), pages), "en")


def _parts(reading: Reading, head: str) -> list[int]:
    return [p.page for p in next(a for a in reading.articles if a.headline.startswith(head)).parts]


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("Contd. on Page 3", "3"),
        ("Cont'd on page 6", "6"),
        ("CONT'D ON PAGE A4", "A4"),
        ("Contd on Page 5", "5"),
    ],
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
    [
        ("Related story, Page 4", True),
        ("More on the vote, Page A6", True),
        ("Inside: B3", True),
        ("Library Adds Sunday Hours", False),
        ("Riders had warned that the operator", False),
    ],
)
def test_refer_line_shape(line: str, refer: bool) -> None:
    assert bool(english_jumps.REFER_LINE.match(line)) is refer


def _opened(text: str) -> list[str]:
    return [b.raw for b in unmarked.blocks(text) if b.opens]


_LETTERS = """Letters to the Editor
Keep the late buses
I was sorry to read that the school
board may drop the late bus routes
next fall.
My daughter stays for band practice
three days a week and has no other
way home.
Denise Farrow
Alder Grove

Thank you for the story on the
volunteers who cleaned up the creek
behind the middle school last month.
— Carl Whitfield, Easton

The council should finish the
sidewalk on Orchard Street before it
paves another parking lot.
OMAR STROUD, Millbrook
"""


def test_letters_end_on_their_signatures_and_the_next_letter_opens_under_them() -> None:
    opened = _opened(_LETTERS)
    assert [o.split()[0] for o in opened] == ["Letters", "Thank", "The"]


def test_signature_shapes() -> None:
    assert english_leads.SIGNATURE.match("— Carl Whitfield, Easton")
    assert english_leads.SIGNATURE.match("OMAR STROUD, Millbrook")
    assert not english_leads.SIGNATURE.match("Council Weighs New Rent Rules")  # a headline runs longer


_OBITS = """Obituaries
Ruth A. Moreau, 84, of Cedar Falls,
died Tuesday at her home. She taught
third grade at Lincoln School for
thirty-one years.
Services will be held at 10 a.m.
Saturday at St. Mark's Church.

Hugh T. Barlow, 77, of Westbury, died
Monday at County Hospital. He drove
a milk truck for the Valley Dairy and
coached Little League for decades.
Survivors include his wife, Jean.
"""


def test_obituary_lead_opens_the_next_notice() -> None:
    opened = _opened(_OBITS)
    assert len(opened) == 2
    assert opened[1].startswith("Hugh T. Barlow, 77")


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("Omar A. Hale, 98, of Westbury, died Friday.", True),
        ("MARGARET HART, 84, died Tuesday.", True),
        ("Tom Ashby Jr., 70, a retired machinist, died.", True),
        ("Maria Lopez, 34, said she would run.", False),
    ],
)
def test_obituary_lead_shape(text: str, lead: bool) -> None:
    assert english_leads.obituary_lead(text) is lead


_LETTERS_PAGE = """Letters to the Editor
Thanks are due to the crews who
cleared Route 9 after the storm.
Hannah Brennan

Sidewalk work on Elm Street is
overdue, and the council knows it.
Patrick Yates
"""


def test_bare_name_signs_a_letter_on_a_page_with_a_letters_head() -> None:
    # No first person in the letter: the column's standing head says the name is a signature.
    assert [o.split()[0] for o in _opened(_LETTERS_PAGE)] == ["Letters", "Sidewalk"]
    assert len(_opened(_LETTERS_PAGE.replace("Letters to the Editor", "Town notes"))) == 1


_CAPTIONED = """Judge Denies Bail in Shooting Case
By HUGH TANAKA
Staff Writer
Ruth Lopez leaves the courthouse on
Monday afternoon.
(AP Photo)
   WESTBURY — The judge said the man
posed a danger to the neighbors who
saw the shooting.
   The trial is set for June.
"""


def test_dateline_under_a_photo_caption_opens_the_same_story_body() -> None:
    # The caption and its credit sit between byline and body; the dateline is the story's own.
    assert len(_opened(_CAPTIONED)) == 1
    assert len(_opened(_CAPTIONED.replace("(AP Photo)\n", "(AP Photo)\n\n"))) == 1


_BROKEN_FRONT = """THE MORNING STAR Tuesday, March 3, 2026

Jury Seated in Clerk's Trial
By TANYA DELGADO
Staff Writer
   A jury of seven women and five men
was seated Monday in the theft trial of
a former city clerk.
   Judge Ruth Barlow denied a request
to move the trial to another county.

Please see TRIAL,
Page A2

Harbor Panel Meets Thursday
   The harbor commission will take up
the dredging permit at its meeting on
Thursday night.
"""
_BROKEN_INSIDE = """A2 THE MORNING STAR Tuesday, March 3, 2026

TRIAL
Continued from Page A1
   Opening statements are set for
Wednesday morning.
"""


def test_jump_line_broken_before_its_page_label_after_a_column_break() -> None:
    # ``Page A2`` alone has a folio's shape: under ``Please see TRIAL,`` it is the jump's label.
    reading = _read(_BROKEN_FRONT, _BROKEN_INSIDE)
    assert _parts(reading, "Jury Seated") == [1, 2]
    assert not any(a.headline.startswith("Please see") for a in reading.articles)


_SMALL_HEAD_FRONT = """The Valley Sentinel — Thursday, March 5, 2026
ROAD WORK TO CLOSE MILL STREET
By CARL YATES
Sentinel Staff Writer
  Mill Street will close between Oak
and Elm for six weeks starting Monday
while crews replace a water main.
  Detours will be posted, the public
works director said, and the stores
Contd. on Page 2
"""
_SMALL_HEAD_INSIDE = """The Valley Sentinel — Thursday, March 5, 2026 — Page 2
GRANGE SUPPER SATURDAY
  The grange will hold its spring supper
on Saturday at six.

road
Cont'd from Page 1
on the block will stay open.
"""


def test_lower_case_jump_head_over_its_jump_line_opens_the_continuation() -> None:
    reading = _read(_SMALL_HEAD_FRONT, _SMALL_HEAD_INSIDE)
    road = next(a for a in reading.articles if a.headline.startswith("ROAD WORK"))
    assert [p.page for p in road.parts] == [1, 2]
    assert road.parts[1].first_line == 6  # the jump head ``road``, not the jump line under it


_HEAD_OVER_BREAK = """Page 4 | THE HARBOR COURIER | THURSDAY, MARCH 5, 2026

Pier repairs to start in May

Continued from page 1
The work will close the north end of
the pier to anglers for the summer.
"""
_HEAD_OVER_BREAK_FRONT = """THE HARBOR COURIER Thursday, March 5, 2026
Pier repairs to start in May
By Naomi Ashby
Harbour Correspondent
The council has agreed to spend two
million pounds on the old pier, which
Continued on page 4
"""


def test_continuation_head_over_a_column_break_over_its_jump_line_is_one_part() -> None:
    reading = _read(_HEAD_OVER_BREAK_FRONT, "2\n\nx\n", "3\n\ny\n", _HEAD_OVER_BREAK)
    pier = next(a for a in reading.articles if a.parts[0].page == 1)
    assert [p.page for p in pier.parts] == [1, 4]
    assert pier.parts[1].first_line == 3  # the head, not the jump line two lines below it


_JUMP_UNDER_TEXT = """Bike Lanes Planned
By FIONA NAIR
Staff Writer
  Crews will paint bike lanes on four
downtown streets this fall, the roads
chief said on Monday night.
  Fiona Nair, a spokeswoman for the
roads department, said the work will
take two years and cost $3 million.
Contd. on Page 2

UNIVERSITY PLANS NEW DORMITORY
By ANN LEE
Staff Writer
  A new dormitory for 200 students
will open next fall.
"""


def test_jump_line_under_text_is_no_kicker_of_the_next_story() -> None:
    # The paragraph above reads like the writer's bio line (``Fiona Nair, a …``), under which a
    # short line is a headline set full; a jump line never is.
    opened = _opened(_JUMP_UNDER_TEXT)
    assert [o.split()[0] for o in opened] == ["Bike", "UNIVERSITY"]


_OBITS_NO_AIR = """Obituaries
Ruth A. Moreau, 84, of Cedar Falls,
died Tuesday at her home. She taught
third grade for thirty-one years.
Services will be held Saturday at
St. Mark's Church.
Hugh T. Barlow, 77, of Westbury,

died Monday at County Hospital. He
drove a milk truck for the dairy.
"""


def test_obituary_lead_under_the_last_notice_with_no_air_opens_the_next() -> None:
    # Set run on, and a column break right under the lead's first line.
    opened = _opened(_OBITS_NO_AIR)
    assert [o.split()[0] for o in opened] == ["Obituaries", "Hugh"]


_LETTERS_NO_AIR = """Letters to the Editor
I was sorry to read that the ferry
will drop its early sailing.
TOM HALE, Easton
The council should finish the
sidewalk on Orchard Street first.
— Carl Whitfield, Easton

Thank you for the story on the crew
that cleared the creek. It was the

best news of the week.
"""


def test_signature_with_a_town_closes_a_letter_with_no_air_under_it() -> None:
    opened = _opened(_LETTERS_NO_AIR)
    assert [o.split()[0] for o in opened] == ["Letters", "The", "Thank"]


_FINISHED_FRONT = """THE DAILY LEDGER Tuesday, March 3, 2026
Board Delays Vote on Budget
By ELLEN HALE
Staff Writer
The school board put off a vote on the
budget on Monday. Trustees said they
need another month.
See BUDGET, Page 2
"""
_FINISHED_INSIDE = """2 THE DAILY LEDGER Tuesday, March 3, 2026

BUDGET
Continued from Page 1
iPads for every fourth grader are not
in the plan, the chairman said.
"""


def test_continuation_under_a_finished_english_sentence_keeps_its_own_paragraph() -> None:
    # ``… another month.`` ends a sentence: the lower-case ``iPads`` opens a paragraph of its own.
    reading = _read(_FINISHED_FRONT, _FINISHED_INSIDE)
    budget = next(a for a in reading.articles if a.headline.startswith("Board Delays"))
    assert [p.page for p in budget.parts] == [1, 2]
    assert budget.paragraphs[-1].startswith("iPads for every")


_SIGNED_THEN_JUMP = """Letters to the Editor
I was sorry to read that the ferry
will drop its early sailing.
TOM HALE, Easton

Students protest tuition
increase

Continued from Page A1
The students marched to the library
steps, where the dean met them.
"""


def test_continuation_head_under_a_signature_keeps_its_jump_line() -> None:
    # The signature opens the next piece once: the head's own jump line below is no new piece.
    opened = _opened(_SIGNED_THEN_JUMP)
    assert [o.split()[0] for o in opened] == ["Letters", "Students"]


_NAME_OPENS_A_SENTENCE = """Bookstore Changes Hands
The campus bookstore has a new owner
after the sale closed last week.
Maria Ortiz, Lakeside Books
manager for ten years, said prices
would stay the same this spring.
"""


def test_title_case_name_and_comma_over_more_text_is_a_sentence_not_a_signature() -> None:
    blocks = unmarked.blocks(_NAME_OPENS_A_SENTENCE)
    assert [b.raw for b in blocks if b.opens] == ["Bookstore Changes Hands"]
    assert any("Maria Ortiz, Lakeside Books manager" in b.raw for b in blocks)  # text, no credit line


_CREDIT_UNDER_BYLINE = """Council Backs Ferry Subsidy
By GRACE OKAFOR
Special to the Star

Photo by HUGH BARLOW
Riders wait for the early ferry at the
island dock on Monday.
   PORT HAVEN — The city council agreed
on Monday to pay $1.2 million a year to
keep the island ferry running to 2028.
"""


def test_photo_credit_under_the_byline_after_a_column_break_opens_nothing() -> None:
    # The picture's credit and caption sit between byline and body: a credit line, then the body.
    blocks = unmarked.blocks(_CREDIT_UNDER_BYLINE)
    assert [b.raw for b in blocks if b.opens] == ["Council Backs Ferry Subsidy"]
    assert [b.raw for b in blocks if b.role == "credit"] == ["Photo by HUGH BARLOW"]


@pytest.mark.parametrize("line", ["Special to the Star", "Special to The Times", "SPECIAL TO THE DAILY"])
def test_special_to_the_paper_is_a_staff_line(line: str) -> None:
    assert english.is_staff_line(line)


_STANDING_HEADS = """Library Adds Sunday Hours
The main library will open on Sundays
from noon to five starting in April.
Obituaries
Hugh J. Okafor
Hugh J. Okafor, 88, of Westbury, died
Tuesday at County Hospital.
Survivors include a daughter, Ann.
Letters to the Editor
Keep the late buses
I was sorry to read that the board
may drop the late bus routes.
"""


def test_standing_heads_of_obituaries_and_letters_open_with_no_air() -> None:
    assert [o.split()[0] for o in _opened(_STANDING_HEADS)] == ["Library", "Obituaries", "Letters"]


_WRAPPED_FRONT = """College Daily Friday, March 6, 2026
Highway Widening to Begin in Spring
BY LENA FARROW / Staff Writer
State crews will begin widening
the highway between Easton and
the county line in April, and the
Please see page 2
"""
_WRAPPED_INSIDE = """Page 2 College Daily Friday, March 6, 2026
Ferry fares go up
Fares on the island ferry
rise by a dollar in May, the
port said on Thursday, and a
monthly pass will cost more.

Highway widening to begin in

spring
From page 1
work will take two years.
"""


def test_continuation_head_wrapped_across_a_column_break_over_its_jump_line() -> None:
    # ``Highway widening to begin in`` / (column break) / ``spring`` / ``From page 1``: one head.
    reading = _read(_WRAPPED_FRONT, _WRAPPED_INSIDE)
    road = next(a for a in reading.articles if a.headline.startswith("Highway Widening"))
    assert [p.page for p in road.parts] == [1, 2]
    assert road.parts[1].first_line == 8
