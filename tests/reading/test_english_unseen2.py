"""English pages of papers the reader was not built on, set with no paragraph marks: the tail of a
story after a column break, a line cut at a column end, a headline set with no air over a letter
or a story on another topic."""

from __future__ import annotations

import datetime as dt

from syndicate import pipeline
from syndicate.model import Issue, Page, Reading


def _read(*texts: str) -> Reading:
    pages = tuple(
        Page(n, "News", text, f"page-{n:02d}.txt", "utf-8", "", label=f"A{n}")
        for n, text in enumerate(texts, 1)
    )
    return pipeline.read(Issue(dt.date(2026, 3, 3), pages), "en")


_NEXT_STORY = """
Ferry riders face longer waits
By Dana Whitfield
Times Staff Writer
Commuters crossing the bay by
ferry will wait up to twenty
minutes longer each morning
after the port authority cut two
sailings from the winter
timetable, officials announced.
Captains blamed a shortage of
trained deckhands and rising
fuel bills for the reduced
crossings between the piers.
"""

# A column ends on a finished sentence; the story's last two lines and its jump line stand in the
# next column, the next story right under them.
TAIL_THEN_JUMP = (
    """Skating rink to stay open late
By Lee Ortega
Times Staff Writer
The city skating rink will stay
open until midnight on Fridays
this winter, the parks director
said Monday, after skaters packed
the rink every weekend evening.
Rental skates will cost three
dollars and the snack stand will
sell cocoa and soup to skaters
warming up beside the boards.
Teenagers asked for the later
hours at a council hearing,
where parents spoke in favor.

We will try it for one season
and count the tickets we sell.
Please see RINK, Page A2
"""
    + _NEXT_STORY
)


def test_the_tail_of_a_story_over_its_jump_line_stays_with_it() -> None:
    reading = _read(TAIL_THEN_JUMP, "RINK\nContinued from Page A1\nskaters said the music was too loud.\n")
    first = reading.articles[0]
    assert first.headline == "Skating rink to stay open late"
    assert "count the tickets we sell" in " ".join(first.paragraphs)
    assert [a.headline for a in reading.articles[:2]] == [
        "Skating rink to stay open late",
        "Ferry riders face longer waits",
    ]
    assert len(first.parts) == 2  # the jump to page A2 is still stitched


# A sentence cut at a column end after ``the``, then the jump line: no headline.
CUT_AT_THE = """Gym floor gets new rules
By Lee Ortega
Times Staff Writer
Concert crews must lay mats over
the gym floor before any show,
the athletics director said, after
heavy boots scarred the boards at
the last dance and the repairs
cost the student union dearly.
Shoe checks will be stricter and
food and drink will be banned
from the bleachers during shows.

Previously, the
Please see GYM, Page A2
"""


def test_a_line_cut_after_the_under_a_column_break_is_no_headline() -> None:
    reading = _read(CUT_AT_THE, "GYM\nContinued from Page A1\nunion paid for the mats itself.\n")
    assert reading.orphans == ()
    (story,) = reading.articles
    assert "Previously, the" in " ".join(story.paragraphs)
    assert len(story.parts) == 2


# A letters column set with no air: each letter's headline stands on a line of its own, short of
# the column, over text on another topic.
LETTERS = """Library hours cut too deeply
I am writing to protest the
decision to close the county
library branches on Saturdays,
when working parents finally
have time to take their children
to borrow books and attend the
reading hour. The savings are
small and the loss is large for
families across the valley.
Rosa Delgado is a teacher.
Bus drivers earn our praise
I would like to thank the transit
drivers who kept every route
running through the snowstorm
last week, shoveling out stops
and waiting for riders who slipped
on icy sidewalks near the depot.
Tom Akers is a retired nurse.
"""


def test_a_headline_over_a_letter_on_another_topic_opens_it() -> None:
    reading = _read(LETTERS)
    assert [a.headline for a in reading.articles] == [
        "Library hours cut too deeply",
        "Bus drivers earn our praise",
    ]


# A subhead inside a story, its text going on with the story's words: no new story.
SUBHEAD_SAME_TOPIC = """Council weighs library hours
By Lee Ortega
Times Staff Writer
The county council will decide
next week whether the library
branches close on Saturdays, a
cut that would save the county
money but anger parents who take
their children to the reading hour
at the branches every weekend.
What the library costs
The library branches cost the
county about a million dollars a
year, and Saturday hours are a
small share of that, parents told
the council at the hearing.
"""


def test_a_subhead_over_the_same_story_opens_nothing() -> None:
    reading = _read(SUBHEAD_SAME_TOPIC)
    assert [a.headline for a in reading.articles] == ["Council weighs library hours"]


# A headline ending on the abbreviation of a name (``Dept.``) over its byline, after a story's
# last sentence, with a blank line between them and with none.
_DEPT_STORY = """By Marta Quinn
Of The Herald Staff
The campus police will move into
the old bookstore building next
fall, giving officers twice the
room they have in the basement
offices they use now.
"""
_ABOVE = """Lab fees to rise in the fall
By Lee Ortega
Times Staff Writer
Chemistry students will pay ten
dollars more in lab fees next
year, the dean said, to cover
the cost of glassware and safety
goggles.
“Students may keep the goggles
or share them with a friend,” he
said.
"""


def test_a_headline_ending_in_dept_heads_its_story() -> None:
    for gap in ("\n", ""):
        for head in ("NEW OFFICES TO HOUSE PUBLIC SAFETY DEPT.", "New offices to house Public Safety Dept."):
            reading = _read(_ABOVE + gap + head + "\n" + _DEPT_STORY)
            assert [a.headline for a in reading.articles] == ["Lab fees to rise in the fall", head], (
                gap,
                head,
            )
            assert reading.articles[1].byline == ("Marta Quinn",)
