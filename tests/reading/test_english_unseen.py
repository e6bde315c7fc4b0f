"""English pages of papers the reader was not built on: US metro and UK dailies, as printed and
as OCR reads them (headlines in capitals, teaser boxes, jump lines to back and lettered pages,
stories set with no blank line between them)."""

from __future__ import annotations

import datetime as dt

from syndicate import pipeline
from syndicate.model import Issue, Page, Reading


def _read(*texts: str, labels: tuple[str, ...] = ()) -> Reading:
    pages = tuple(
        Page(n, "News", text, f"page-{n:02d}.txt", "utf-8", "", label=labels[n - 1] if labels else str(n))
        for n, text in enumerate(texts, 1)
    )
    return pipeline.read(Issue(dt.date(2026, 3, 3), pages), "en")


# A wire story under a headline set in capitals, its dateline opening the text: the headline's
# words are the text's in another case.
CAPS_OVER_DATELINE = """HARBOR TUNNEL VOTE DELAYED AGAIN
SACRAMENTO, Calif. (AP) — State
lawmakers put off a vote on the
harbor tunnel for a third time on
Monday, saying the cost had grown.
The tunnel would link the port with
the rail yards north of the river.
"""


def test_a_headline_in_capitals_heads_its_dated_story() -> None:
    reading = _read(CAPS_OVER_DATELINE)
    assert reading.orphans == ()
    (story,) = reading.articles
    assert story.headline == "HARBOR TUNNEL VOTE DELAYED AGAIN"
    assert story.dateline is not None and story.dateline.startswith("SACRAMENTO")


# A sports story on the back page jumps inside; its continuation names the back page, not a number.
FRONT = """Council backs new bus lanes
By Maria Lopez
Staff Writer
The city council voted 6-1 on Monday
to paint bus lanes on three avenues
downtown by the end of the summer.
Work starts in June.
"""
INSIDE = """Library hours to grow
The main library will open on Sundays
from next month, the trustees said.

TENNIS
Continued from back page
by winning both doubles matches in
straight sets to close the season.
The team plays at home on Friday.
"""
BACK = """Harbor State rolls into playoffs
By Dan Ortiz
Staff Writer
The women's tennis team earned a spot
in the national tournament on Sunday
See TENNIS, Page 2
"""


def test_a_continuation_from_the_back_page() -> None:
    reading = _read(FRONT, INSIDE, BACK)
    tennis = next(a for a in reading.articles if a.headline == "Harbor State rolls into playoffs")
    assert [p.page for p in tennis.parts] == [3, 2]
    text = " ".join(tennis.paragraphs)
    assert "on Sunday by winning both doubles matches" in text and text.endswith("on Friday.")


# A front page opening with its index box, pointing to the sections inside.
INDEXED = """A1 The Harbor Times Tuesday, March 3, 2026
INSIDE
Sports: Pirates sweep Eagles, B1
Opinion, A4
Classified ... B6

Ferry fares set to rise in May
By Ann Lee
Staff Writer
Fares on the island ferries will rise
by a quarter in May, the port board
decided on Monday after a long debate.
"""


def test_an_index_box_at_the_top_of_a_front_page_is_no_story() -> None:
    reading = _read(INDEXED)
    assert reading.orphans == ()
    (story,) = reading.articles
    assert story.headline == "Ferry fares set to rise in May"
    assert story.byline == ("Ann Lee",)
    assert story.parts[0].first_line == 7


# Jump lines of lettered sections as some papers print them and OCR reads them: ``Jump to A3``,
# the label spaced (``Page B 2``).
LETTERED_FRONT = """Port board raises ferry fares
By Kim Foster
Staff Writer
Fares on the island ferries will rise
by a quarter in May, the port board
decided after a long debate that
Jump to A2

Storm closes coast road
A storm closed the coast road north
of the city on Monday, and crews
worked through the night as the
See STORM, Page B 1
"""
LETTERED_A2 = """FARES
From A1
ran past midnight. The board said fuel
costs had doubled since last spring.
"""
LETTERED_B1 = """STORM
From Page A1
river rose to its highest level since
the spring of 1998, officials said.
"""


def test_jump_lines_to_lettered_pages_as_printed_and_read() -> None:
    reading = _read(LETTERED_FRONT, LETTERED_A2, LETTERED_B1, labels=("A1", "A2", "B1"))
    parts = {a.headline: [p.page for p in a.parts] for a in reading.articles}
    assert parts == {"Port board raises ferry fares": [1, 2], "Storm closes coast road": [1, 3]}
    assert all("Jump to" not in p and "Page B" not in p for a in reading.articles for p in a.paragraphs)


# A column of stories set with no air between them, each under a headline in capitals; a
# subhead in capitals inside a story is a word or three.
NO_AIR = """Council backs new bus lanes
By Maria Lopez
The city council voted 6-1 on Monday
to paint bus lanes on three avenues
downtown by the end of the summer.
WHAT COMES NEXT
Crews will start on Harbor Avenue in
June and move north after the fair.
PIER REPAIRS WILL COST MORE
Repairs to the old fishing pier will
cost twice what engineers said in the
fall, the parks board heard Tuesday.
"""


def test_a_headline_in_capitals_under_a_story_with_no_air_opens_the_next() -> None:
    reading = _read(NO_AIR)
    assert [a.headline for a in reading.articles] == [
        "Council backs new bus lanes",
        "PIER REPAIRS WILL COST MORE",
    ]
    assert "WHAT COMES NEXT" in reading.articles[0].paragraphs


# Headlines in capitals whose first word starts with BY, or is By, each over its story.
BY_HEADS = """BYPASS OPENS TO TRAFFIC
The new bypass around Millbrook opened
to traffic on Monday, two years late.

BY THE NUMBERS: A COSTLY WINTER
Snow removal cost the county $4.2
million this winter, twice the budget.

BYRNE TAKES SEAT
Ellen Byrne was sworn in as the fifth
member of the county board on Tuesday.
"""


def test_headlines_in_capitals_starting_with_by_are_no_bylines() -> None:
    reading = _read(BY_HEADS)
    assert reading.orphans == ()
    assert [(a.headline, a.byline) for a in reading.articles] == [
        ("BYPASS OPENS TO TRAFFIC", ()),
        ("BY THE NUMBERS: A COSTLY WINTER", ()),
        ("BYRNE TAKES SEAT", ()),
    ]


def test_bylines_still_read_as_bylines() -> None:
    from syndicate import english

    for line in (
        "By The Associated Press",
        "BY SHARYN SEARS",
        "BYSHARYN SEARS",
        "By Maria Lopez and Dan Ortiz",
    ):
        assert english.is_byline(line), line


# Continuations set right under the story above, no air between, each with its jump head: one
# under a caption printed without a period, one under a contributor's line.
JUMPS_FRONT = """Harbor budget passes
By Ann Lee
The harbor board passed its budget on
Monday after cutting two dredging jobs
that the board said
See HARBOR, Page 2

Schools open late
Schools will open an hour late on snow
days, the district said, starting with
See SCHOOLS, Page 2
"""
JUMPS_INSIDE = """Bridge repairs begin
Crews began repairing the Elm Street
bridge on Monday.
Crews at work on the Elm Street bridge
HARBOR
Continued from Page 1
could wait until the new dredge arrives
in the fall.
Staff writer Kim Foster contributed to
this report
SCHOOLS
Continued from Page 1
the next storm. Buses will run on the
usual routes.
"""


def test_continuations_set_right_under_the_story_above() -> None:
    reading = _read(JUMPS_FRONT, JUMPS_INSIDE)
    parts = {a.headline: [(p.page, p.order) for p in a.parts] for a in reading.articles}
    assert parts == {
        "Harbor budget passes": [(1, 1), (2, 2)],
        "Schools open late": [(1, 2), (2, 3)],
        "Bridge repairs begin": [(2, 1)],
    }


# Specks OCR read as marks on lines of their own: between a jump head and its jump line, inside
# a paragraph.
SPECKS_FRONT = """Port board raises ferry fares
The port board raised ferry fares on
Monday, the first rise in six years,
and said more would follow unless the
See FARES, Page 2
"""
SPECKS_INSIDE = """FARES
•
From Page 1
state helps to pay for boats.
The board meets again in June to set
'
the summer timetable.
"""


def test_specks_on_lines_of_their_own_break_nothing() -> None:
    reading = _read(SPECKS_FRONT, SPECKS_INSIDE)
    (story,) = reading.articles
    assert [p.page for p in story.parts] == [1, 2]
    assert story.paragraphs[-1] == "The board meets again in June to set the summer timetable."


# A dated story whose first part, before the jump, says nothing the headline says.
DATED_FRONT = """Dancers, singers due in May
CHICAGO — The fine arts committee is
a subcommittee of the student program
board and has been
See ARTS, Page 2
"""
DATED_INSIDE = """ARTS
From Page 1
active for more than 20 years.
"""


def test_a_headline_heads_its_dated_story_whatever_the_first_lines_say() -> None:
    reading = _read(DATED_FRONT, DATED_INSIDE)
    assert reading.orphans == ()
    (story,) = reading.articles
    assert story.headline == "Dancers, singers due in May" and story.dateline == "CHICAGO"
    assert [p.page for p in story.parts] == [1, 2]


# A narrow column: the headline set full to the column over its byline, and the dateline's
# dash wrapped onto the next line.
NARROW = """Water board approves new
Rate Plan for Summer
By Rod Santos
Staff Writer
SACRAMENTO, Calif. (AP)
— State water officials
approved a rate plan on
Monday that raises the
price of water in dry
months by a third.
The plan takes effect on
the first of June.
"""


def test_a_headline_full_to_the_column_over_its_byline() -> None:
    reading = _read(NARROW)
    assert reading.orphans == ()
    (story,) = reading.articles
    assert (story.headline, story.subheadline) == ("Water board approves new", "Rate Plan for Summer")
    assert story.byline == ("Rod Santos",)


def test_a_dateline_whose_dash_wrapped_onto_the_next_line() -> None:
    reading = _read(NARROW)
    (story,) = reading.articles
    assert story.dateline == "SACRAMENTO, Calif. (AP)"
    assert story.paragraphs[0].startswith("State water officials approved")


# A brief's last line lost its period; the next brief, headline dropped, opens on a wire dateline.
WIRE_UNDER_OPEN_TEXT = """Awards night set
The awards will be handed out at 7 p.m.
Wednesday in the Business Building

FREMONT (AP) — A couple exchanged their
wedding vows in a hot tub on Saturday,
in front of family and friends.
"""


def test_a_wire_dateline_after_a_blank_line_opens_a_story_under_open_text() -> None:
    reading = _read(WIRE_UNDER_OPEN_TEXT)
    assert [a.dateline for a in reading.articles] == [None, "FREMONT (AP)"]
