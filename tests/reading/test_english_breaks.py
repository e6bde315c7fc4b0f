"""Column breaks (blank lines) and narrow columns where they fall on an English page: inside a
credit block, before the last word of a sentence, inside a jump head wrapped over several lines."""

from __future__ import annotations

import datetime as dt

import pytest

from syndicate import english, pipeline, unmarked
from syndicate.model import Issue, Page

# A story's jump line, then its credits wrapped and broken by a column break.
CREDITS = """Neighbors and students learn to share
By ANNA PRICE
Students and their neighbors on Elm
Street have started meeting once a
month to talk over parking and noise.
See NEIGHBORS, page 3
STORY BY DAILY STAFF WRITER
ANNA PRICE-MORALES • DAILY PHOTOS BY

JUAN ORTEGA AND MARIA
DeLUCA
"""


def test_a_credit_block_broken_by_a_column_break_stays_credits() -> None:
    blocks = unmarked.blocks(CREDITS)
    assert [b.text.split()[0] for b in blocks if b.opens] == ["Neighbors"]
    assert [b.role for b in blocks[-4:]] == ["credit"] * 4


# A column break before the last word of a sentence that reads like a staff line (``write.``).
LAST_WORD = """Letters policy changes
The editors will print letters of up to
250 words, and ask that those who send
them say which story they mean to

write.
Letters may be left at the front desk.
"""


def test_a_word_after_a_column_break_is_no_staff_line() -> None:
    assert not english.is_staff_line("write.")
    blocks = unmarked.blocks(LAST_WORD)
    assert [b.text.split()[0] for b in blocks if b.opens] == ["Letters"]
    assert any(b.text.endswith("say which story they mean to write.") for b in blocks)


FRONT = """Ferry deal reached
By DAN ORTIZ
The ferry board and the crews reached a
deal late Tuesday that ends a strike of
See FERRY, page 3
"""

# The jump head is the keyword and the story's headline, wrapped over three lines.
INSIDE = """Bus routes to change in June
The transit office will cut two routes.

FERRY: Crews, board agree,
end week-long strike,
sign two-year contract
From page 1
nine days and gives the crews a raise.
"""


@pytest.mark.parametrize(
    "inside", [INSIDE, INSIDE.replace("sign two-year contract", "sign two-year\ncontract")]
)
def test_a_jump_head_wrapped_over_three_or_four_lines(inside: str) -> None:
    issue = Issue(
        dt.date(2026, 1, 20),
        (
            Page(1, "News", FRONT, "page-01.txt", "utf-8", ""),
            Page(3, "News", inside, "page-03.txt", "utf-8", ""),
        ),
    )
    reading = pipeline.read(issue, "en")
    ferry = next(a for a in reading.articles if a.headline == "Ferry deal reached")
    assert [p.page for p in ferry.parts] == [1, 3]
    assert ferry.paragraphs[-1].endswith("ends a strike of nine days and gives the crews a raise.")


# Column breaks that cut a sentence before ``by …`` and before an agency's name: the text goes
# on; a byline in lower case over its staff line still opens the next story.
CUT = """Tournament invitation arrives
By LENA MARSH
The team was not sure it would get an
invitation to the tournament hosted

by Harbor State. The coach said the
news came on Sunday, and that an

Associated Press photographer
would travel with the team. The first
game will begin at 7:30 p.m.

by Kim Foster
Staff Writer
The swim team finished its season on
Saturday without a single loss.
"""


def test_a_column_break_before_by_or_an_agency_name_opens_no_story() -> None:
    assert not english.is_byline("by Harbor State. The coach said the")
    blocks = unmarked.blocks(CUT)
    assert [b.text.split()[0] for b in blocks if b.opens] == ["Tournament", "by"]


def test_a_credit_line_after_a_jump_line_opens_no_story() -> None:
    page = CREDITS.replace(
        "STORY BY DAILY STAFF WRITER\nANNA PRICE-MORALES • DAILY PHOTOS BY",
        "STORY BY DAILY STAFF WRITER ANNA\nPRICE-MORALES • DAILY PHOTOS BY",
    )
    blocks = unmarked.blocks(page)
    assert [b.text.split()[0] for b in blocks if b.opens] == ["Neighbors"]


# A picture set in a story: its credit line, then the caption, broken by a column break.
PICTURE = """Storm knocks out power to thousands
WASHINGTON (AP) — A winter storm swept across the
mid-Atlantic on Tuesday, closing schools from Virginia
to New Jersey.

Photo by JANE DOE
Crews clear a fallen tree from

Bay Road on Tuesday.

School board picks new superintendent
By DAN ORTIZ
The school board voted on Tuesday night to hire a
deputy superintendent from Riverton.
"""


def test_a_photo_credit_and_its_caption_open_no_story() -> None:
    page = Page(1, "News", PICTURE, "page-01.txt", "utf-8", "")
    reading = pipeline.read(Issue(dt.date(2026, 1, 20), (page,)), "en")
    assert [a.headline for a in reading.articles] == [
        "Storm knocks out power to thousands",
        "School board picks new superintendent",
    ]
    storm = reading.articles[0]
    assert "Photo by JANE DOE" not in " ".join(storm.paragraphs)  # a credit is no text of the story
    assert storm.paragraphs[-1] == "Crews clear a fallen tree from Bay Road on Tuesday."


# A quotation that is a paragraph of its own, then a column break: no headline.
QUOTED = """Neighbors ask for quiet streets
By ANNA PRICE
The couple said the noise had kept them awake most weekends.
“If it goes on, we will have to move,” said Norma Reyes.

“And we don’t think that’s fair.”
The two do not blame students alone for the problem, though.
"""


def test_a_quoted_sentence_after_a_column_break_is_no_headline() -> None:
    assert not english.headline_like("“And we don’t think that’s fair.”")
    assert english.headline_like("‘We were left stranded’")
    blocks = unmarked.blocks(QUOTED)
    assert [b.text.split()[0] for b in blocks if b.opens] == ["Neighbors"]


# The continuation carries the story's own headline, wrapped in two lines, over its jump-in.
HEADED_INSIDE = """Past concert problems cause request
for change
From page 1
the committee said, and the board
will vote on the new rules when it
meets in March, before the season.
"""
HEADED_FRONT = """Concert rules go to the board
By KIM FOSTER
The concert committee asked the board for new rules after
two shows were cancelled last fall, and the board agreed to
hear the request before the end of the term,
Please see page 5
"""


def test_a_headline_in_two_lines_over_a_jump_in() -> None:
    issue = Issue(
        dt.date(2026, 1, 20),
        (
            Page(1, "News", HEADED_FRONT, "page-01.txt", "utf-8", ""),
            Page(5, "News", HEADED_INSIDE.replace("for change", "Tor change"), "page-05.txt", "utf-8", ""),
        ),
    )
    reading = pipeline.read(issue, "en")
    assert reading.orphans == ()
    (story,) = reading.articles
    assert [p.page for p in story.parts] == [1, 5]
    assert story.paragraphs[-1].endswith(
        "the committee said, and the board will vote on the new rules when it meets in March, before the season."
    )
