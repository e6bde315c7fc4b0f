"""A UK-style page: no blank line and no indent anywhere, each headline set right under the last
paragraph of the story above, bylines with the writer's role, leads opening in capitals."""

from __future__ import annotations

import datetime as dt

from syndicate import english, pipeline
from syndicate.model import Issue, Page, Reading

FRONT = """4 The Daily Courier, Tuesday, March 3, 2026
RAIL FARES TO RISE BY SIX PER CENT
Commuters hit again as operators blame energy bills
By SARAH JONES Political Editor
RAIL passengers face the steepest rise
in fares for a decade after train
operators confirmed yesterday that
tickets will cost six per cent more
from May.
The increase will add more than £300
a year to some season tickets into
the capital, campaigners said.
Seaside piers saved by lottery
cash
By Tom Hughes
SIX Victorian piers will be repaired
after a £40 million lottery grant was
awarded to coastal councils.
Work is expected to begin in the
autumn.
Mum's fury as school axes lunch club
A MOTHER has hit out at a primary
school that scrapped its free lunch
club without warning parents.
"""

# A subhead inside a story, under a finished paragraph: the story goes on beneath it.
SUBHEAD = """Council tax to rise in April
By ANNA PRICE
Households will pay an extra £90 a
year after councillors backed the
budget last night.
The leader said the money would go on
care homes and road repairs.
Roads first
Potholes on the ring road will be
filled before the summer, the council
said, and two bridges repainted.
"""

# The end of a wire story signed by its agency, then the next story under its own headline.
SIGNED = """Ferry strike called off
Ferry crews called off a two-day strike
yesterday after talks with the operator
ended in a new pay offer.
Press Association
Flood warnings for the north
Heavy rain is expected across the north
from tonight, forecasters said.
"""


def _read(text: str) -> Reading:
    page = Page(1, "News", text, "page-01.txt", "utf-8", "", label="1")
    return pipeline.read(Issue(dt.date(2026, 3, 3), (page,)), "en")


def test_headlines_set_under_the_paragraph_above_open_their_stories() -> None:
    reading = _read(FRONT)
    assert reading.orphans == ()
    heads = [a.headline for a in reading.articles]
    assert heads == [
        "RAIL FARES TO RISE BY SIX PER CENT",
        "Seaside piers saved by lottery cash",  # wrapped, and opened by its byline
        "Mum's fury as school axes lunch club",  # opened by the lead in capitals
    ]
    rail, piers, school = reading.articles
    assert rail.subheadline == "Commuters hit again as operators blame energy bills"
    assert rail.byline == ("SARAH JONES",)  # the role is no part of the name
    assert rail.paragraphs[-1].endswith("campaigners said.")
    assert (
        piers.byline == ("Tom Hughes",) and piers.paragraphs[-1] == "Work is expected to begin in the autumn."
    )
    assert school.paragraphs[0].startswith("A MOTHER has hit out")
    assert "Courier" not in " ".join(p for a in reading.articles for p in a.paragraphs)  # the running head


def test_a_subhead_under_a_finished_paragraph_stays_in_its_story() -> None:
    reading = _read(SUBHEAD)
    assert [a.headline for a in reading.articles] == ["Council tax to rise in April"]
    assert "Roads first" in reading.articles[0].paragraphs


def test_an_agency_sign_off_does_not_open_a_story() -> None:
    reading = _read(SIGNED)
    assert [a.headline for a in reading.articles] == [
        "Ferry strike called off",
        "Flood warnings for the north",
    ]


def test_a_role_after_the_writers_name_is_no_part_of_it() -> None:
    assert english.byline_names("By SARAH JONES Political Editor") == ("SARAH JONES",)
    assert english.byline_names("By Mary Ann Smith Home Affairs Correspondent") == ("Mary Ann Smith",)
    assert english.byline_names("By Tom Hughes Chief Sports Writer") == ("Tom Hughes",)
    assert english.byline_names("By JOHN McDONALD") == ("JOHN McDONALD",)


def test_a_lead_set_in_capitals() -> None:
    assert english.capital_lead("RAIL passengers face the steepest rise")
    assert english.capital_lead("A MOTHER has hit out")
    assert english.capital_lead("SIX Victorian piers will be repaired")
    assert not english.capital_lead("Rail passengers face the steepest rise")
    assert not english.capital_lead("RAIL FARES TO RISE")


def test_a_dateline_with_the_day_before_the_month() -> None:
    m = english.dateline("LONDON, 3 March (Reuters) - Shares fell in early trading")
    assert m is not None and m.group("dateline").strip() == "LONDON, 3 March (Reuters)"


# Short lines of text under a finished paragraph that only look like heads: a sentence going on
# with ``by`` in lower case, a line ending ``p.m.``, a line ending on a word that needs the next.
NOT_HEADS = """Shuttle service to end early
By ANNA PRICE
The campus shuttle will stop at ten
each night from Monday, the transit
office said.
The Transit Board chaired
by Kim Waller and two deans
agreed to the change last week.
The next hearing is Thursday.
Doors open at 6:30 p.m.
Staff Writer
The shuttle carried four hundred riders
a night in the autumn, down a third.
The night riders are mostly
students going home from labs.
"""


def test_short_lines_of_text_open_no_story() -> None:
    reading = _read(NOT_HEADS)
    assert [a.headline for a in reading.articles] == ["Shuttle service to end early"]


def test_set_as_head() -> None:
    assert english.set_as_head("Mum's fury as school axes lunch club")
    assert not english.set_as_head("Doors open at 6:30 p.m.")
    assert not english.set_as_head("The night riders are mostly students going to the")
    assert not english.set_as_head("“We will go on,” she said.”")


# Briefs run on without air: a dateline under a finished paragraph opens a story whose headline
# was set elsewhere; a headline may end on a quoted phrase; a deck wrapped above its byline.
RUN_ON = """Dump site now “no problem”
County inspectors said on Monday that the old dump site
near the river no longer leaks into the water supply.
SPRINGFIELD, Ill. (AP) — A judge gave a house to the
three children of a couple who could not agree on who
should keep it.
Mayor wins second term
Voters back her plan to
rebuild the harbor front
By NINA PARK
Staff Writer
Mayor Ellen Strand won a second term on Tuesday.
"""


def test_a_column_of_briefs_without_blank_lines() -> None:
    reading = _read(RUN_ON)
    assert [(a.headline, a.dateline) for a in reading.articles] == [
        ("Dump site now “no problem”", None),
        ("A judge gave a house to the three children of a couple", "SPRINGFIELD, Ill. (AP)"),
        ("Mayor wins second term", None),
    ]
    mayor = reading.articles[2]
    assert mayor.subheadline == "Voters back her plan to rebuild the harbor front"
    assert mayor.byline == ("NINA PARK",)
