"""Jump lines and running heads in the forms US and UK papers print them (and OCR garbles them),
then an inside page that takes several jumps at once, matched by keyword and jump head."""

from __future__ import annotations

import datetime as dt

import pytest

from syndicate import english, english_jumps, pipeline, rules
from syndicate.model import Issue, Page


@pytest.mark.parametrize(
    ("line", "label", "keyword"),
    [
        ("See BUDGET on A6", "A6", "BUDGET"),
        ("See BUDGET on Page A6", "A6", "BUDGET"),
        ("See STORM, Page 6A", "6A", "STORM"),
        ("See STORM, 6A", "6A", "STORM"),  # a section page printed number first
        ("See BUDGET/Page A6", "A6", "BUDGET"),
        ("See BUDGET | A6", "A6", "BUDGET"),
        ("See Budget, Page A6", "A6", "Budget"),  # a paper that sets the keyword in Title Case
        ("Please turn to Page 6", "6", ""),
        ("PLEASE TURN TO PAGE 4", "4", ""),
        ("Story continues on Page 6", "6", ""),
        ("Contlnued on Page A6", "A6", ""),  # OCR: l for i
        ("Continucd on Page A6", "A6", ""),  # OCR: c for e
    ],
)
def test_more_jump_out_forms(line: str, label: str, keyword: str) -> None:
    m = rules.jump_out(line)
    assert m is not None, line
    assert english_jumps.label_of(m) == label
    assert english_jumps.keyword_of(m) == keyword


@pytest.mark.parametrize(
    "line", ["See Editorial on page 6", "See Smith, who said", "the vote on 6A", "See A6"]
)
def test_references_that_are_no_jump_lines(line: str) -> None:
    assert rules.jump_out(line) is None


@pytest.mark.parametrize(
    ("line", "page", "keyword"),
    [
        ("BUDGET / From Page 1A", 1, "BUDGET"),
        ("STORM | From A1", 1, "STORM"),
        ("Budget, from A1", 1, "Budget"),
        ("Jump from A1", 1, ""),
        ("Jumped from Page 1", 1, ""),
        ("From front page", 1, ""),
        ("Continued from the front page", 1, ""),
        ("Contlnued from Page 1", 1, ""),  # OCR
        ("Frorn Page 1", 1, ""),  # OCR: rn for m
    ],
)
def test_more_jump_in_forms(line: str, page: int, keyword: str) -> None:
    m = rules.jump_in(line)
    assert m is not None, line
    assert rules.page_number(english_jumps.label_of(m)) == page
    assert english_jumps.keyword_of(m) == keyword


@pytest.mark.parametrize(
    "line",
    ["Smith, from page 1 of the report", "From the front page of the paper", "Officials from A1 Roofing"],
)
def test_sentences_that_are_no_jump_in_lines(line: str) -> None:
    assert rules.jump_in(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "4 The Daily Courier, Tuesday, March 3, 2026",
        "Page 6 | Wednesday, January 20",
        "6 | THE DAILY COURIER | Tuesday, March 3, 2026",
        "The Daily Courier, Tuesday, March 3, 2026, Page 4",
        "THE DAILY COURIER Tuesday 3 March 2026",  # UK order
        "Tuesday, March 3, 2026 | The Daily Courier",
        "WEDNESDAY, JANUARY 20, 2026",
    ],
)
def test_running_heads_with_commas_bars_and_page_numbers(line: str) -> None:
    assert english.is_running_head(line)


@pytest.mark.parametrize(
    "line",
    [
        "On Tuesday, March 3",
        "The hearing is set for Monday, May 3, 1994",
        "said on Tuesday, March 3, 2026",
        "The meeting Monday",
        "12 Days of Christmas",
    ],
)
def test_body_lines_with_dates_are_no_running_heads(line: str) -> None:
    assert not english.is_running_head(line)


FRONT = """THE HARBOR GAZETTE, Wednesday, January 20, 2026

Council delays vote on ferry fares
By MARIA LOPEZ
Gazette Staff Writer
The City Council put off a vote on higher ferry fares Tuesday
after riders packed the chamber to object to a plan that would
raise the commuter ticket by a dollar each way.
Council member Ray Dunn said the ferry board should first show
riders where the money would go and how long the rise would
last before the council is asked to approve it. The board had
hoped to sign a contract with the boatyard in the spring, but
See FERRY, Page A6

Library to open on Sundays
By DAN ORTIZ
The main library will open on Sundays from noon to five starting
next month, the library board decided, after a survey found that
weekend hours were what patrons wanted most from the branch
system. The board will pay for the new hours by moving two
part-time posts from the book van, which will run one day less
See LIBRARY, Page A6

Harbor dredging to start
Army engineers will start dredging the harbor channel in March,
a spokesman said, so that larger cargo ships can reach the docks
at low tide without waiting offshore for the water to rise. The
work will close the inner basin to pleasure boats for two weeks
and the marina has offered its slips at half price to the gov-
Please see page A6
"""

INSIDE = """Page 6 | Wednesday, January 20

DREDGING
From Page A1
ernment's contractors while the basin is closed. The engineers
said the work should be finished by the first week of April.

LIBRARY
From Page A1
service. Librarians said the Sunday hours would be staffed by
volunteers from the friends of the library group at first.

FERRY
From Page A1
the vote means the contract will wait until riders have had a
hearing of their own. The ferry board meets again in February.
"""


def test_three_jumps_to_one_page_are_matched_by_keyword_and_a_hyphen_is_mended() -> None:
    issue = Issue(
        dt.date(2026, 1, 20),
        (
            Page(1, "News", FRONT, "page-01.txt", "utf-8", "", label="A1"),
            Page(2, "News", INSIDE, "page-02.txt", "utf-8", "", label="A6"),
        ),
    )
    reading = pipeline.read(issue, "en")
    assert reading.orphans == ()
    by_head = {a.headline: a for a in reading.articles}
    assert set(by_head) == {
        "Council delays vote on ferry fares",
        "Library to open on Sundays",
        "Harbor dredging to start",
    }
    for head, first in [
        ("Council delays vote on ferry fares", "the vote means"),
        ("Library to open on Sundays", "service. Librarians"),
        ("Harbor dredging to start", "ernment's contractor"),
    ]:
        article = by_head[head]
        assert [(p.page, p.first[: len(first)]) for p in article.parts][1:] == [(2, first)], head
    dredging = " ".join(by_head["Harbor dredging to start"].paragraphs)
    assert "to the government's contractors" in dredging  # the word broken across the jump, mended
    assert "Wednesday" not in " ".join(a.paragraphs[0] for a in reading.articles)  # the running head
