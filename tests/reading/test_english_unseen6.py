"""English pages of papers the reader was not built on (sixth set): photo credits and captions
under a byline, UK broadsheet habits (lettered sections, ``Continued on page B2, col 3``, a
kicker over ``From page A1``, small-caps datelines), letters and notices set with no air."""

from __future__ import annotations

from syndicate import unmarked, unmarked_topic


def _opening(text: str) -> list[str]:
    return [b.raw for b in unmarked.blocks(text) if b.opens]


# A credit set right under the byline, then the caption, then the story's dateline: one story.
_CREDIT_READ_WITH_BYLINE = """The Morning Star Wednesday, September 5, 2026

Ferry Fares Rise for Island Riders
By HANNAH QUINLAN
Staff Reporter
(AP Photo)
Riders wait for the early boat at the
north landing on Tuesday.
   EASTON — Fares on the island ferry
will rise by a dollar in May, the
port authority said Tuesday.
"""


def test_dateline_under_a_caption_whose_credit_went_with_the_byline_opens_nothing() -> None:
    assert _opening(_CREDIT_READ_WITH_BYLINE) == ["Ferry Fares Rise for Island Riders"]


# Under a story that ended on its jump line: the byline's photo credit, a column break, the
# caption, the dateline: still the same story's head.
_CAPTION_AFTER_A_BREAK = """College Daily Thursday, September 16, 2026

FEES GO UP AGAIN
The student fee for the gym will rise
by twelve dollars next fall.
Please see page 3

Library Hours Cut During Exams
BY OMAR FARROW / Herald Staff
Staff photo by Naomi Moreau

Students line up at the front desk
before the doors open.
PORT HAVEN — The campus library will
close at ten on weeknights starting
next week, the dean said.
"""


def test_caption_after_a_column_break_under_a_bylined_credit_opens_nothing() -> None:
    assert _opening(_CAPTION_AFTER_A_BREAK) == ["FEES GO UP AGAIN", "Library Hours Cut During Exams"]


# Letters signed with the town on its own line: right under the name with the next letter under
# it, or across a column break.
_LETTERS = """The Valley Sentinel — Thursday, March 5, 2026 — Page 6

LETTERS TO THE EDITOR
  I was sorry to read that the county
will close the reading room at the
old depot this spring.
  I hope the board thinks again.
Ruth Pettigrew
Alder Grove
  Thank you for reporting that the
ferry will run on Sundays again. My
family has waited years for it.
Omar Lindqvist

Cedar Falls

  It is time someone said that the
parking rules downtown make no
sense to anyone who works there.
Fiona Barlow
"""


def test_signature_with_its_town_on_the_next_line_closes_its_letter() -> None:
    assert _opening(_LETTERS) == [
        "LETTERS TO THE EDITOR",
        "Thank you for reporting that the ferry will run on Sundays again. My family has waited years for it.",
        "It is time someone said that the parking rules downtown make no sense to anyone who works there.",
    ]


# Under an opinion column in the first person (after a column break), a kicker in capitals over a Title Case head has
# the shape of a name over its town; a name carries no article or preposition.
_KICKER_UNDER_A_COLUMN = """Page 4 College Daily Tuesday, March 3, 2026

I think the board should hear from
the students who ride the late bus
every night of the week.

AT THE BOARD
Bus Contract Vote
The transit board will vote on the
new bus contract next Tuesday.
"""


def test_kicker_over_a_head_under_a_first_person_column_is_no_signature() -> None:
    assert _opening(_KICKER_UNDER_A_COLUMN)[-1] == "AT THE BOARD"


def _heads(text: str) -> list[tuple[str, str]]:
    return [(b.role, b.raw) for b in unmarked.blocks(text) if b.role in ("head", "byline")]


# A Title Case headline over a deck in sentence case that wraps onto a second line, a column
# break, then the byline: one head block, one story.
_DECK_OVER_A_BREAK = """The Morning Star Wednesday, September 5, 2026

   The county will also repave the
road to the landfill this summer.

Utility Board Approves New Reservoir
Officials say the vote could come
early next month

By YOLANDA ORTIZ
Staff Reporter
   The utility board voted on Monday
to build a reservoir north of town.
"""


def test_title_case_head_over_a_deck_wrapped_over_a_column_break_keeps_its_byline() -> None:
    assert _opening(_DECK_OVER_A_BREAK) == [
        "The county will also repave the road to the landfill this summer.",
        "Utility Board Approves New Reservoir",
    ]
    assert _heads(_DECK_OVER_A_BREAK) == [
        ("head", "Utility Board Approves New Reservoir"),
        ("head", "Officials say the vote could come early next month"),
        ("byline", "By YOLANDA ORTIZ / Staff Reporter"),
    ]


def test_content_words_read_a_plural_or_possessive_as_its_word() -> None:
    assert unmarked_topic.content_words(["The growers' orchards and the county's farms"]) == {
        "grower", "orchard", "county", "farm"
    }  # fmt: skip
    assert unmarked_topic.content_words(["Buses cross the business district"]) == {
        "buse",
        "cross",
        "business",
        "district",
    }


def test_paragraph_after_a_break_naming_the_same_things_in_the_plural_goes_on() -> None:
    above = [
        "Ruth Kowalski, who works 320 acres east of town, said the fruit on the lower branch froze",
        "solid. The county agreed to buy development rights on the farm along the river. Each grower",
        "ran a wind machine and an irrigation pump all night to keep the tree warm in the orchard.",
        "Others said the plan did not go far enough for the valley.",
    ]
    below = [
        "A hard frost on Thursday damaged as much as a third of the citrus crops, growers said.",
        "Temperatures dropped to 24 degrees in some orchards before dawn, and the farms along",
        "the creek lost the most trees.",
    ]
    assert unmarked_topic.cohesion(above, below) >= unmarked_topic.COHESION_SPLIT


# A column of notices set with no air: each name over its notice's lead, which is no head line.
_NOTICES = """Page 7 | Tuesday 4 February 2026 | The Northern Chronicle

Obituaries
Ruth E. Farrow, 80, of Easton, died
Monday at her home. She was born in
Millbrook and worked for 30 years.
The family asks that memorial gifts
go to the county library.
Hugh A. Quinlan
Hugh A. Quinlan, 72, of Easton, died
Monday at County Hospital. He was
born in Millbrook and worked for 35
years as a machinist.
"""


def test_obituary_lead_under_its_name_is_body_and_the_name_opens_the_notice() -> None:
    assert _opening(_NOTICES) == ["Obituaries", "Hugh A. Quinlan"]
    assert _heads(_NOTICES) == [("head", "Obituaries"), ("head", "Hugh A. Quinlan")]


# A continuation's jump head and jump line, a column break, then its text running on from the
# sentence the front page cut: the continuation's own text, not another story.
_CUT_ACROSS_A_BREAK = """Page 2 EVENING GAZETTE, Friday 15 March 2026

A final vote on the rent ordinance
could come as early as next month.
FROST
From page 1

to keep the trees from freezing.
Growers ran wind machines all night
in the orchards east of town.
"""


def test_text_cut_mid_sentence_after_a_jump_line_and_a_column_break_goes_on_with_it() -> None:
    assert _opening(_CUT_ACROSS_A_BREAK) == [
        "A final vote on the rent ordinance could come as early as next month.",
        "FROST",
    ]


# A letter's signature, a column break, then a continuation's jump line (no jump head): the
# continuation opens there; a jump-in line is no refer line of the letter above.
_CONTINUATION_UNDER_A_LETTER = """A4 The Daily Ledger Saturday, March 23, 2026

Letters to the Editor
I was sorry to read that the county
will close the reading room at the
old depot this spring. I hope the
board thinks again.
Ben Tanaka

Continued from Page A1
The trial is expected to last
three weeks, and about 143
witnesses may be called.
"""


def test_jump_line_under_a_letters_signature_opens_the_continuation() -> None:
    blocks = unmarked.blocks(_CONTINUATION_UNDER_A_LETTER)
    assert [(b.role, b.raw) for b in blocks if b.opens] == [
        ("head", "Letters to the Editor"),
        ("jump_in", "Continued from Page A1"),
    ]


# A continuation's headline wrapped onto a line in lower case, then a column break, then its jump
# line, right under the notice above (no air): the continuation opens at its headline.
_WRAPPED_HEAD_OVER_A_BREAK = """The Morning Star Tuesday, October 20, 2026 A3

   Services will be held at 11 a.m.
Monday at First Methodist Church.
University plans new
dormitory

Continued from Page A1
   The new hall would house about
300 students on the north side of
campus, the provost said.
"""


def test_continuation_head_wrapped_over_a_column_break_over_its_jump_line_opens_it() -> None:
    blocks = unmarked.blocks(_WRAPPED_HEAD_OVER_A_BREAK)
    assert [(b.role, b.raw) for b in blocks if b.opens][-1] == ("jump_head", "University plans new dormitory")


# A Title Case headline wrapped onto a second line in Title Case (the first ends on ``in``), a
# deck in sentence case, a column break, the byline: one head block over the story.
_TITLE_CASE_WRAPPED = """THE DAILY LEDGER Saturday, March 23, 2026

through October. A report on the
matter is expected next week.
Continued on Page A5

Jury Hears Opening Statements in
Fraud Trial
Critics call the county's case thin
and circumstantial

By IRENE ORTIZ
Associated Press
   Prosecutors told jurors on Monday
that the clerk took $84,000.
"""


def test_title_case_headline_wrapped_onto_a_title_case_line_heads_its_story() -> None:
    assert _heads(_TITLE_CASE_WRAPPED) == [
        ("head", "Jury Hears Opening Statements in Fraud Trial"),
        ("head", "Critics call the county's case thin and circumstantial"),
        ("byline", "By IRENE ORTIZ / Associated Press"),
    ]
    assert _opening(_TITLE_CASE_WRAPPED)[-1] == "Jury Hears Opening Statements in Fraud Trial"


# The byline's writer is named again in a long paragraph of the story (``Ruth Hale, who manages
# the marina, said …``): that is no bio line signing off a column, so the text after a column
# break under it still goes on with the story.
_WRITER_NAMED_IN_THE_STORY = """THE DAILY LEDGER Tuesday, October 10, 2026

Harbor Work to Close Marina for
Months
By RUTH HALE
Associated Press
The city council approved a plan
on Tuesday to dredge the harbor
channel before summer.
Ruth Hale, who manages the
marina, said about 45 slips would
be closed while crews work. The
work will cost about $29 million
and will be paid for with state
and federal grants.
Environmental groups have asked

the state coastal panel to review
the dredging permit.
"""


def test_long_paragraph_opening_on_the_writers_name_is_no_bio_line() -> None:
    assert _opening(_WRITER_NAMED_IN_THE_STORY) == ["Harbor Work to Close Marina for Months"]


# Letters set with no air between them: each bare signature right over the next letter's head
# in capitals or its first words in the first person; a name may be spelt McAllister.
_LETTERS_WITHOUT_AIR = """2 EVENING GAZETTE, Tuesday 11 October 2026

LETTERS TO THE EDITOR
I was sorry to read that the county
will close the reading room at the
old depot this spring.
Yolanda Okafor
KEEP THE LATE BUSES
My son rides the last bus home from
the college every night of the week.
Beatrice McAllister
I was disappointed to read that the
council put off its vote on rents.
Samuel Barlow
"""


def test_bare_signatures_over_the_next_letter_with_no_air_close_their_letters() -> None:
    assert _opening(_LETTERS_WITHOUT_AIR) == [
        "LETTERS TO THE EDITOR",
        "KEEP THE LATE BUSES",
        "I was disappointed to read that the council put off its vote on rents.",
    ]


# A speck OCR read as a small letter (or a dash) alone on a line after a column break: dirt, no
# line of text, so the story's quote under it goes on with the story.
_SPECK_AFTER_A_BREAK = """The Morning Star Thursday, September 17, 2026

Mustangs Rally to Beat Rivals
By TOM YATES
   A crowd of about 267 filled the
stadium despite the cold rain.

i
   "We talked at halftime about
playing our own game," the coach
said after the game.

-
   The team plays its last home
game of the season next week.
"""


def test_a_lone_small_letter_or_dash_after_a_column_break_is_dirt() -> None:
    blocks = unmarked.blocks(_SPECK_AFTER_A_BREAK)
    assert [b.raw for b in blocks if b.opens] == ["Mustangs Rally to Beat Rivals"]
    assert all(b.raw not in ("i", "-") for b in blocks)


def test_a_page_of_specks_reads_as_no_blocks() -> None:
    assert unmarked.blocks("A3\n\n•\n\n'\n") == []  # (the column widths of no lines: none)
    assert unmarked.blocks("A3\n\ni\n\n-\n") == []


# On a letters page, a story whose headline was lost opens on its byline under the last
# letter's signature; a byline is no signature, nor a signature's town.
_BYLINE_UNDER_A_LETTER = """A4 The Daily Ledger Saturday, March 23, 2026

Letters to the Editor
I was sorry to read that the county
will close the reading room at the
old depot this spring.
Samuel Yates


By Irene Sandoval
Education Correspondent
The trustees will vote on the
tuition plan at their meeting.

By LUIS HALDANE

Staff Writer
The county has set aside $14,000
to study the issue.
"""


def test_byline_under_a_letters_signature_opens_a_story() -> None:
    assert [(b.role, b.raw) for b in unmarked.blocks(_BYLINE_UNDER_A_LETTER) if b.opens] == [
        ("head", "Letters to the Editor"),
        ("byline", "By Irene Sandoval / Education Correspondent"),
        ("byline", "By LUIS HALDANE"),
    ]


# A headline over a two-line deck (its second line in lower case) right over the byline, set
# under the story above with no air: one head block of three lines.
_HEAD_OVER_A_TWO_LINE_DECK = """Page 3 College Daily Monday, March 2, 2026

The faculty senate has asked the
administration to delay any
change to the calendar.

Turnout low in special election
Critics call the count slow and the
ballots confusing
BY LUIS WHITFIELD / Herald Staff
   Election officials said about 262
mail ballots had been returned.
"""

# A headline wrapped onto a line in lower case set full to the column, over a deck wider than
# the column, over the byline.
_WRAPPED_HEAD_OVER_A_WIDE_DECK = """Page 1 College Daily Monday, March 2, 2026

See CALENDAR, page 6

Senate debates
length of the winter quarter break
Shorter holiday would let classes end a week before the June graduation
By Ann Lee
Staff Writer
Should the senate shorten the break
between quarters, seniors would
finish a week earlier.
"""


def test_headline_over_a_two_line_deck_over_a_byline_is_one_head() -> None:
    assert _heads(_HEAD_OVER_A_TWO_LINE_DECK) == [
        ("head", "Turnout low in special election"),
        ("head", "Critics call the count slow and the ballots confusing"),
        ("byline", "BY LUIS WHITFIELD / Herald Staff"),
    ]


def test_headline_wrapped_in_lower_case_over_a_wide_deck_over_a_byline_is_one_head() -> None:
    assert _heads(_WRAPPED_HEAD_OVER_A_WIDE_DECK) == [
        ("head", "Senate debates length of the winter quarter break"),
        ("head", "Shorter holiday would let classes end a week before the June graduation"),
        ("byline", "By Ann Lee / Staff Writer"),
    ]


# A byline wrapped across a column break after a word that needs the next (``Special to the`` /
# ``Ledger``), then the story quoting its writer's namesake: one story, one byline.
_BYLINE_ACROSS_A_BREAK = """Page 1 College Daily Saturday, April 18, 2026

Students Protest Tuition Increase
BY BEN WINSLOW / Special to the

Ledger
   "We are being asked to pay more for
less," Winslow said on the steps.
   Ben Winslow, president of the student
senate, said many students work.
About 210 students marched across
campus on Thursday in the rain.
"""


def test_byline_wrapped_across_a_column_break_and_a_quoted_writer_keep_one_story() -> None:
    blocks = unmarked.blocks(_BYLINE_ACROSS_A_BREAK)
    assert [b.raw for b in blocks if b.opens] == ["Students Protest Tuition Increase"]
    assert [b.raw for b in blocks if b.role == "byline"] == ["BY BEN WINSLOW / Special to the / Ledger"]


# A headline in capitals broken after ``TO`` onto a second line in capitals, set with no air
# under the story above (UK tabloid style): a new story, though its first line alone runs on.
_CAPS_HEAD_WRAPPED_WITHOUT_AIR = """3 EVENING GAZETTE, Friday 15 March 2026

The jury of seven women and five men
was seated after two days.
TRUSTEES WEIGH DEEPER CUTS TO
SCHOOL BUDGET
The board voted 9 to 4 on Wednesday
to cut $2.8 million from its plan.
"""


def test_caps_headline_wrapped_after_a_short_word_opens_a_story_with_no_air() -> None:
    assert _opening(_CAPS_HEAD_WRAPPED_WITHOUT_AIR) == [
        "The jury of seven women and five men was seated after two days.",
        "TRUSTEES WEIGH DEEPER CUTS TO",
    ]


# The last letter's bare signature, then the obituaries column's standing head with no air: the
# head is no town of the signature, and the column opens at it.
_OBITUARIES_UNDER_A_LETTER = """The Morning Star Tuesday, October 20, 2026 A4

   I was disappointed to read that the
bridge will close one lane at night.
Kofi Nair
Obituaries
Raymond R. Delgado
   Raymond R. Delgado, 74, of Alder
Grove, died Thursday at his home.
"""


def test_obituaries_head_under_a_letters_signature_opens_the_column() -> None:
    assert _opening(_OBITUARIES_UNDER_A_LETTER)[-1] == "Obituaries"


# Under a story's jump line, a headline at the foot of a column (``Continued on page B1, col 4``
# / the headline / break), then its deck and a UK byline without ``By`` at the next column's top.
_HEAD_AT_A_COLUMN_FOOT = """The Northern Chronicle Wednesday 16 September 2026

The county has set aside £40,000
Continued on page B1, col 4
Utility board approves new reservoir

Officials say the vote could come next
month
DAN ORTIZ
Transport Correspondent
The utility board voted on Monday
to build a reservoir north of town.
"""


def test_headline_at_a_column_foot_keeps_its_deck_and_byline_over_the_break() -> None:
    assert _opening(_HEAD_AT_A_COLUMN_FOOT) == [
        "The county has set aside £40,000 Continued on page B1, col 4",
        "Utility board approves new reservoir",
    ]


# A continuation's headline right under a finished story, the column breaking under it, and its
# jump line at the top of the next column: the continuation opens at its headline.
_JUMP_HEAD_OVER_A_BREAK = """5 EVENING GAZETTE, Thursday 18 January 2026

Parents asked the trustees to
keep the late bus routes.
Turnout low in special election

Continued from page 1
Five candidates have filed to
run, the largest field in years.
"""


def test_one_line_headline_over_a_column_break_over_its_jump_line_opens_the_continuation() -> None:
    blocks = unmarked.blocks(_JUMP_HEAD_OVER_A_BREAK)
    assert [(b.role, b.raw) for b in blocks if b.opens][-1] == (
        "jump_head",
        "Turnout low in special election",
    )
