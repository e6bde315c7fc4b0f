"""An English front page set with air: a masthead line spread across the page, blank lines between
headline, byline and text, headlines wrapped over two or three lines, a deck in smaller type under
a headline of two short lines. Each rule has its own test; the last reads the whole page."""

from __future__ import annotations

import datetime as dt

from syndicate import pipeline
from syndicate.model import Article, Issue, Page, Reading

MASTHEAD = "THE VALLEY COURIER                 Thursday, April 9, 2026                 $1.50"

BUDGET = """Water board adopts
$12 million rate plan
Average bill to rise about $4 a month starting in July

By KAREN OSEI
Courier Staff Writer

MILLBROOK — The county water board voted 4-1 on Wednesday to
adopt a $12 million plan to replace aging pipes, raising the
average household bill by about $4 a month starting in July.
Board member Luis Ortega cast the only vote against it, saying
the district should have asked voters first.
"People are already stretched," Ortega said. "We owed them a
say in this."
See WATER, Page A7
"""

FAIR = """County fair adds
night rodeo

By PETER HOLM
Courier Staff Writer

The Millbrook County Fair will hold its first night rodeo this
summer, fair managers said, after two years of requests from
riders who said the afternoon heat was too much for the horses.
Lights for the arena were bought with a state grant.
"""

TRAIL = """Hikers asked to
stay off ridge
trail this week
By NINA PARK
Courier Staff Writer
Rangers closed the upper ridge trail on Wednesday after a small
rock slide near the second switchback and asked hikers to use
the creek trail until crews clear the path, likely by Monday.
"""

WATER = """A7 The Valley Courier Thursday, April 9, 2026

WATER
Continued from Page A1
Work on the first pipes, under Main Street, will start in
September and last about eight months, the district said.
"""


def _page(text: str) -> Reading:
    return pipeline.read(
        Issue(dt.date(2026, 4, 9), (Page(1, "News", text, "page-01.txt", "utf-8", "", label="A1"),)), "en"
    )


def _only(reading: Reading) -> Article:
    assert reading.orphans == (), reading.orphans
    assert len(reading.articles) == 1, [a.headline for a in reading.articles]
    return reading.articles[0]


def test_a_masthead_line_spread_across_the_page_is_furniture() -> None:
    article = _only(_page(MASTHEAD + "\n\n" + FAIR))
    assert article.headline == "County fair adds night rodeo"
    assert "COURIER" not in " ".join(article.paragraphs)


def test_a_byline_and_text_set_off_by_blank_lines_stay_under_their_headline() -> None:
    article = _only(_page(FAIR))
    assert article.headline == "County fair adds night rodeo" and not article.headline_derived
    assert article.byline == ("PETER HOLM",)
    assert article.paragraphs[0].startswith("The Millbrook County Fair will hold")


def test_a_headline_wrapped_over_three_lines_above_its_byline() -> None:
    article = _only(_page(TRAIL))
    assert article.headline == "Hikers asked to stay off ridge trail this week"
    assert article.byline == ("NINA PARK",)
    assert article.paragraphs[0].startswith("Rangers closed the upper ridge trail")


def test_two_short_headline_lines_over_a_longer_deck() -> None:
    article = _only(_page(BUDGET))
    assert article.headline == "Water board adopts $12 million rate plan"
    assert article.subheadline == "Average bill to rise about $4 a month starting in July"
    assert article.dateline == "MILLBROOK" and article.byline == ("KAREN OSEI",)


def test_the_whole_page_reads_into_its_articles_and_the_jump_is_stitched() -> None:
    front = "\n".join([MASTHEAD, "", BUDGET, FAIR, TRAIL])
    issue = Issue(
        dt.date(2026, 4, 9),
        (
            Page(1, "News", front, "page-01.txt", "utf-8", "", label="A1"),
            Page(2, "News", WATER, "page-02.txt", "utf-8", "", label="A7"),
        ),
    )
    reading = pipeline.read(issue, "en")
    assert reading.orphans == ()
    heads = [a.headline for a in reading.articles]
    assert heads == [
        "Water board adopts $12 million rate plan",
        "County fair adds night rodeo",
        "Hikers asked to stay off ridge trail this week",
    ]
    water = reading.articles[0]
    assert [p.page for p in water.parts] == [1, 2] and water.complete
    assert water.paragraphs[-1].startswith("Work on the first pipes")


# Column breaks fall inside headlines too: the rest of the head after a blank line.
SPLIT_HEADS = """City budget gap

widens to $14 million
By ANNA PRICE
The city's budget gap has grown to $14
million, twice what officials projected.

Storm knocks out

power to thousands
WASHINGTON (AP) — A winter storm swept
across the mid-Atlantic on Tuesday.

FERRY FARES SET

TO RISE IN MAY
By TOM HUGHES
Commuters will pay a dollar more each
way from May, the ferry board said.
"""


def test_a_headline_wrapped_across_a_blank_line_is_one_headline() -> None:
    reading = _page(SPLIT_HEADS)
    assert reading.orphans == ()
    assert [a.headline for a in reading.articles] == [
        "City budget gap widens to $14 million",
        "Storm knocks out power to thousands",
        "FERRY FARES SET",  # the rest read as its deck: a second head block
    ]
    budget, storm, ferry = reading.articles
    assert budget.byline == ("ANNA PRICE",) and storm.dateline == "WASHINGTON (AP)"
    assert ferry.subheadline == "TO RISE IN MAY" and ferry.byline == ("TOM HUGHES",)
    assert storm.paragraphs == ("A winter storm swept across the mid-Atlantic on Tuesday.",)
