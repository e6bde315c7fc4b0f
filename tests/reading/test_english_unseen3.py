"""English pages of papers the reader was not built on (third set): section pages labelled
number first (``4A``, ``1B``) in a running head set with bars."""

from __future__ import annotations

import datetime as dt

import pytest

from syndicate import english, english_jumps, pipeline, rules, unmarked
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


_KICKER_PAGE = """Sewer rates rise in July
The city will raise sewer rates by six
percent in July to pay for a new pump
station on the east side, the public
works director told the council.
Residents will see the increase on
their August bills, and a family of four
will pay about forty dollars more a year.
Council members approved the rates
after a long debate over whether older
pipes under the downtown streets should
be replaced first.
EDUCATION
Night classes return to Hill campus
Evening courses in welding, nursing and
accounting will be offered again at the
Hill campus this fall, three years after
they were dropped for lack of money.
The college hired four instructors and
expects two hundred students to enroll.
"""

_SUBHEAD_PAIR = """Parents ask board for later start
Parents of high school students asked
the board on Monday to push the first
bell back to 8:30, citing studies on
teenagers and sleep.
Board members said they would study it.
WHAT COMES NEXT
Bus schedules
A later bell would move every bus route
in the district, the transport chief
said, and cost more to run.
"""


def test_kicker_over_a_headline_under_a_finished_story_opens_the_next() -> None:
    heads = [a.headline for a in _read(_KICKER_PAGE).articles]
    assert heads == ["Sewer rates rise in July", "Night classes return to Hill campus"]


def test_two_short_subheads_stacked_inside_a_story_open_nothing() -> None:
    assert len(_read(_SUBHEAD_PAIR).articles) == 1


_KICKER_WIDE = """Dog park opens on Pine Street
The city's first fenced dog park
opened Saturday on a lot next to
the Pine Street fire station. About
sixty dogs and their owners came to
the opening, and the parks director
said a second park is planned for the
north side if money can be found.
Neighbors had asked for the park for
years, saying dogs ran loose on the
school fields after dark.
Public safety
Crossing guards return to four schools near the state highway
Crossing guards will be back at four
elementary schools next week after the
district found money in its budget.
The guards will work mornings and
afternoons, and the police chief said
officers will watch the crossings too.
"""


def test_kicker_over_a_headline_wider_than_the_column_opens_the_next() -> None:
    articles = _read(_KICKER_WIDE).articles
    assert len(articles) == 2
    assert articles[1].paragraphs[0].startswith("Crossing guards will be back")


@pytest.mark.parametrize(
    ("line", "page"),
    [("Continued Page 5", 5), ("CONTINUED PAGE 12", 12), ("the mayor said. Continued Page 3", 3)],
)
def test_continued_page_without_on_is_a_jump_line(line: str, page: int) -> None:
    m = rules.jump_out(line)
    assert m is not None
    assert rules.page_number(english_jumps.label_of(m)) == page


@pytest.mark.parametrize("line", ["the crowd continued page after page", "as she continued page 4 of it"])
def test_continued_page_in_a_sentence_is_none(line: str) -> None:
    assert rules.jump_out(line) is None


_PM_THEN_STORY = """Choir to sing at harvest fair
The high school choir will open the
harvest fair on Saturday with songs
from three musicals, its director said.
Parking is free at the fairgrounds,
and the gates open at 10 a.m. The
choir sings on the main stage at 7:30 p.m.
Ferry fares to rise next month
By Tom Brandt
Fares on the island ferry will rise by
a dollar a trip on April 1, the port
authority board decided on Monday.
"""

_PM_MID_SENTENCE = """Library sets hours for holiday week
The main library will close at 5 p.m.
Tuesday and Wednesday and stay shut on
Thursday, the library board announced.
Branch libraries keep their hours.
"""


def test_story_under_a_sentence_ending_in_pm_opens_at_its_headline() -> None:
    heads = [a.headline for a in _read(_PM_THEN_STORY).articles]
    assert heads == ["Choir to sing at harvest fair", "Ferry fares to rise next month"]


def test_pm_inside_a_sentence_opens_nothing() -> None:
    assert len(_read(_PM_MID_SENTENCE).articles) == 1


_CREDIT_OVER_JUMP = (
    """Harbor nine opens season at home
By Rita Gomez
The Harbor baseball team opens its
season on Friday against Bay City,
with a new coach and nine freshmen
on a roster of twenty-two players.
The coach said his pitchers are the
best he has had in years and he
expects to win the league.
See BASEBALL, Page 2
""",
    """Track meet moved to Saturday
Rain pushed the county track meet to
Saturday at the high school stadium.
Runners from eight schools will meet
there at noon, the league said.
ANN LEE/The Herald
BASEBALL
Continued from page 1
Bay City won the league last year and
returns most of its starting players.
""",
)


def test_photo_credit_under_a_finished_story_is_no_head_of_the_jump_below() -> None:
    reading = _read(*_CREDIT_OVER_JUMP)
    nine = next(a for a in reading.articles if a.headline.startswith("Harbor nine"))
    assert [p.page for p in nine.parts] == [1, 2]
    assert nine.parts[1].first_line == 7


_WIDE_HEAD_NO_AIR = """Council names new fire chief
The city council on Monday named
Deputy Chief Ruth Alvarez to lead
the fire department, the first
woman to hold the job in the city.
Alvarez has served in the
department for twenty-two years
and led its training division.
She takes over on May 1 from a
chief who retired last winter.
Her first task will be hiring
eight firefighters to staff the
new station on Harbor Road, which
opens in the autumn.
Neighbors question plan for a river landfill
As residents of the Elm Creek
neighborhood we ask the county
to drop its plan for a landfill
beside the river, which floods
every spring and would carry the
waste downstream to the farms.
"""


def test_headline_wider_than_the_column_sets_no_width_for_the_text_below() -> None:
    reading = _read(_WIDE_HEAD_NO_AIR)
    assert [a.headline for a in reading.articles] == [
        "Council names new fire chief",
        "Neighbors question plan for a river landfill",
    ]
    assert reading.articles[1].paragraphs[0].startswith("As residents of the Elm Creek neighborhood")


# A narrow column; a column break, then a head in capitals over three lines, the first ending on
# ``TO`` (a line of text broken there would run on), a byline under it.
_CAPITAL_HEAD_NARROW = """Pool to close for repairs
By Ann Cole
The city pool will close
for six weeks in June so
that its old pipes can be
replaced, the parks board
said on Monday night.

LIBRARY TRUSTEES VOTE TO
RAISE FINES FOR LATE
BOOKS
By Dan Ortiz
Library trustees voted
to raise the fine for a
late book to a quarter a
day starting in July.
"""


def test_head_in_capitals_over_more_of_it_is_a_head_though_its_line_runs_on() -> None:
    reading = _read(_CAPITAL_HEAD_NARROW)
    assert len(reading.articles) == 2
    assert reading.articles[1].headline.startswith("LIBRARY TRUSTEES VOTE TO")


_BIO_THEN_LETTER = """Campus needs a later bus
By MARTA QUINN Opinion Editor
Students who take night classes
wait an hour for the last bus
home, and many of them walk
instead along a road with no
lights. The transit board should
add one more run at ten.
Marta Quinn is a journalism
senior and the paper's opinion editor.
Parking fees hurt commuting students
Editor — Raising the fee for a
parking permit again this year
puts a heavy load on students
who must drive to campus.
"""


def test_headline_under_the_writers_bio_line_opens_the_next_piece() -> None:
    reading = _read(_BIO_THEN_LETTER)
    assert len(reading.articles) == 2
    assert reading.articles[0].paragraphs[-1].startswith("Marta Quinn is a journalism senior")


_FOLIO_AT_FOOT = """Bridge repairs finished early
Crews finished repairs on the
Main Street bridge a week early,
and it reopens to traffic today.

Page 3B
"""


@pytest.mark.parametrize("folio", ["Page 3B", "4A", "PAGE 12C"])
def test_section_folio_is_a_running_head(folio: str) -> None:
    assert english.is_running_head(folio)


def test_section_folio_at_the_foot_opens_nothing() -> None:
    reading = _read(_FOLIO_AT_FOOT)
    assert len(reading.articles) == 1
    assert "Page 3B" not in " ".join(reading.articles[0].paragraphs)


_PM_THEN_GAP = """Band concert moved indoors
The spring band concert moves to
the school gym because of the rain
forecast, and it starts at 7:30 p.m.

HEALTH CARE
Hospital adds night clinic
The county hospital will open a
walk-in clinic in the evenings.
"""

_PM_COLUMN_BREAK = """Polls open early for the vote
Polls open at 7 a.m. and close at 8 p.m.

Tuesday at every school in the
county, the clerk's office said.
"""


def test_kicker_and_headline_after_a_blank_under_pm_open_a_story() -> None:
    heads = [a.headline for a in _read(_PM_THEN_GAP).articles]
    assert heads == ["Band concert moved indoors", "Hospital adds night clinic"]


def test_column_break_after_pm_inside_a_sentence_opens_nothing() -> None:
    assert len(_read(_PM_COLUMN_BREAK).articles) == 1


_PULL_QUOTE = """Farmers market to stay downtown
By Rosa Lind
The farmers market will stay on
Water Street for another five
years under a lease the council
approved on Tuesday night.
Vendors had asked the city to keep
the market where shoppers can walk
to it from the bus station.

“We sell more here in a morning
than anywhere else in a week.”
— Paul Ames, orchard owner

A plan to move the market to the
fairgrounds was dropped in March
after vendors and shoppers filled
two meetings to speak against it.
The lease also lets the market add
a winter season indoors at the old
armory from November to March.
"""


def test_pull_quote_set_apart_inside_a_story_opens_nothing_and_is_no_text() -> None:
    reading = _read(_PULL_QUOTE)
    assert len(reading.articles) == 1
    text = " ".join(reading.articles[0].paragraphs)
    assert "A plan to move the market" in text
    assert "Paul Ames, orchard owner" not in text


@pytest.mark.parametrize(
    ("line", "out"),
    [
        ("From Pagc 1", False),
        ("Continued from pagc 2", False),
        ("See TAXES, Pagc 5", True),
        ("See back pagc", True),
    ],
)
def test_page_word_read_with_c_for_e_is_a_jump_line(line: str, out: bool) -> None:
    assert (rules.jump_out(line) if out else rules.jump_in(line)) is not None


# A feature's credit block in capitals over a narrow column, its jump line under it.
_CREDIT_BLOCK = (
    """Living on Elm Street
By Ana Reyes
Elm Street is a quiet
neighborhood that in
recent years has seen
many students move in
from the campus dorms.
Neighbors say the mix
has been good for the
small shops on Main.
STORY BY DAILY STAFF
WRITER ANA
REYES • DAILY
PHOTOS BY TOM LEE
Please see page 2
""",
    """From page 1
Students said they like
the quiet and the rent.
""",
)


def test_credit_block_in_capitals_under_a_story_opens_nothing() -> None:
    assert [b.first_line for b in unmarked.blocks(_CREDIT_BLOCK[0]) if b.opens] == [1]
    reading = _read(*_CREDIT_BLOCK)
    assert [a.headline for a in reading.articles] == ["Living on Elm Street"]
    assert [p.page for p in reading.articles[0].parts] == [1, 2]
