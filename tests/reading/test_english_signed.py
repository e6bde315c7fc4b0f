"""English pages in the image of a college daily's opinion page and of a scanned feature: a column
that ends with its writer's bio line, and a jump line OCR garbled past reading."""

from __future__ import annotations

import datetime as dt

from support.issues import issue

from syndicate import english, pipeline, unmarked

# An op-ed: its writer's byline, a turn to another subject after a column break, the bio line.
OPINION = """Parking plan misses the point
By Carla Mendes
The new parking plan the
university released last week
raises fees for every permit on
campus by forty dollars and
moves faculty spaces closer to
the library, while commuter
students lose two whole lots
near the stadium to new dorms.
Permit sales already fund the
shuttle, and the lots it serves
are full by eight every
morning.

My grandmother raised six
children on a farm outside
Fresno without once asking
anybody for help, and she
taught me that patience and
hard work answer most troubles
a family meets.
Carla Mendes is a journalism
senior.

Editor — Your story on the
dorm fire last Friday left out
the names of the two students
who carried a neighbor down the
stairs before the trucks came.
"""


def test_column_signed_by_its_writer_is_one_article() -> None:
    """A topic shift after a finished paragraph and a blank line would open an article, but the
    writer's bio line below says the text is still the column; the letter after it opens one."""
    blocks = unmarked.blocks(OPINION)
    opening = [b.text.split()[0] for b in blocks if b.opens]
    assert opening == ["Parking", "Editor"]


def test_bio_line_names_the_writer() -> None:
    bio = english.bio_line(("Carla Mendes",))
    assert bio is not None
    assert bio.match("Carla Mendes is a journalism")
    assert bio.match("• Carla Mendes, a senior, writes")
    assert not bio.match("Carla Mendes said the fees")
    assert english.bio_line(("Mendes",)) is None


FEATURE = """Rafting the canyon at dawn
By ROBIN LEWIS
Outdoor Editor
Sixteen of us set out from the
dam at first light, four rafts
tied in a line, the river low
and green under the cliffs of
the canyon. The guide said the
rapids below the second bend
would be the worst of the trip.
By noon the rafts were soaked,
the cooler lost, and the canyon
walls rose red above the river.
PtMMSMpagag
"""
NEXT = """Tha canyon widens after the
third bend, and the river slows
to a drift past sandbars where
herons stand in the shallows.
The guide beached the rafts
below the cliffs and we slept
on the sand under the canyon
walls, the river loud in the dark.

Council delays vote on sewer rates
The city council put off a vote
on new sewer rates Tuesday after
residents asked for more time to
study the plan and its costs.
"""
UNRELATED = """The main library will stay open
until midnight on Saturdays this
term, the dean of libraries said
Monday, after students asked for
more late study space downtown.
"""


DAY = dt.date(1982, 1, 20)


def test_garbled_jump_line_continues_at_the_top_of_a_later_page() -> None:
    """``Please see page 2`` with its spaces and label lost: a jump line naming no page; the
    headless text opening a later page that shares the story's words is its continuation."""
    raft, council = pipeline.read(issue([FEATURE, NEXT], date=DAY), "en").articles
    assert raft.headline == "Rafting the canyon at dawn"
    assert [p.page for p in raft.parts] == [1, 2]
    assert raft.complete
    assert not any("PtMMSM" in p for p in raft.paragraphs)
    assert [p.page for p in council.parts] == [2]


def test_garbled_jump_line_joins_nothing_unrelated() -> None:
    """A headless text opening the next page that shares no words with the story stays apart."""
    raft, library = pipeline.read(issue([FEATURE, UNRELATED], date=DAY), "en").articles
    assert [p.page for p in raft.parts] == [1]
    assert not raft.complete
    assert [p.page for p in library.parts] == [2]
