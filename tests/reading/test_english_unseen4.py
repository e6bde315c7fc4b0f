"""English pages of papers the reader was not built on (fourth set): stories set with no air
between them, the text above a headline ending on no sentence end."""

from __future__ import annotations

from syndicate import unmarked


def _opened(text: str) -> list[str]:
    return [b.raw for b in unmarked.blocks(text) if b.opens]


_CAPTION_ABOVE = """Harbor board delays dredging vote
The harbor board put off a vote on
dredging the east channel until its
April meeting, after fishermen asked
for more time to study the plan.
The meeting will be held Thursday in
the board room of the Port Authority
Building
Volunteers plant trees along river
By Marisol Ochoa
Staff Writer
More than sixty volunteers planted
oak and willow saplings along the
river trail on Saturday morning.
"""


def test_headline_over_its_byline_opens_a_story_under_a_line_ending_no_sentence() -> None:
    # A paragraph ending on a place name with no period (``Building``), then a headline right
    # over ``By …``: text never runs on into a byline, so a new story starts at the headline.
    assert _opened(_CAPTION_ABOVE)[1] == "Volunteers plant trees along river"


_CUT_ABOVE = """School board names new principal
The school board named Ruth Calder
principal of Lincoln Elementary on
Monday, ending a search that took
most of the year.
Calder taught at the school for ten
years before she left to run a charter
school in the next county. She said
the
Storm knocks out power
in coastal towns overnight
PORTLAND, Maine (AP) — A winter
storm knocked out power to thousands
of homes along the coast overnight.
"""


def test_wrapped_headline_over_a_wire_dateline_opens_a_story_under_a_cut_sentence() -> None:
    assert _opened(_CUT_ABOVE)[1] == "Storm knocks out power in coastal towns overnight"


_RUNS_ON_INTO_BY = """Trail repairs approved
The council set aside $40,000 for
repairs to the river trail on Monday.
Most of the money raised this year
will go to the
Harbor Trust set up
by the mayor in 2019 to pay for
repairs along the waterfront.
"""


def test_head_like_line_over_lower_case_by_runs_on_as_text() -> None:
    # ``by the mayor …`` continues a sentence: only ``By`` and names under a headline open a story.
    assert len(_opened(_RUNS_ON_INTO_BY)) == 1
