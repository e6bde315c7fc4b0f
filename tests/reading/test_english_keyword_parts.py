"""A front-page story's last paragraphs after a column break stay with it when its jump line's
keyword names the story above (See SCHOOLS, Page A6 under paragraphs that never say schools); a
story whose own headline was lost keeps its start when the keyword is one of its words."""

from __future__ import annotations

import datetime as dt

from syndicate import pipeline
from syndicate.model import Issue, Page

HEAD = (
    "School board\nweighs four-day\nweek for fall\nBy ANNA PRICE\nHerald Staff Writer\n"
    "RIVERTON — The Riverton\nschool board will vote next\nmonth on a plan to move the\n"
    "district's five schools to a\nfour-day week this fall, a\nchange supporters say could\n"
    "save $1.2 million a year in\ntransportation and utility costs.\n"
    '"We are not doing this lightly,"\nboard president Tom Ruiz said\nat Monday\'s meeting. "Every\n'
    'option is on the table."\n\n'
)
TAIL = (
    "Parents who spoke were split.\nSome said a long weekend would\ngive families more time togeth-\n"
    "er, while others worried about\nchild care on Fridays.\nSee SCHOOLS, Page A6\n\n"
)
JUMPED = "SCHOOLS\nContinued from Page A1\nThe district surveyed parents\nin January.\n"


def _read(page_1: str) -> list[tuple[str, list[int]]]:
    pages = (
        Page(1, "news", page_1, "page-01.txt", "utf-8", "a", label="A1"),
        Page(6, "news", JUMPED, "page-06.txt", "utf-8", "b", label="A6"),
    )
    articles = pipeline.read(Issue(dt.date(2026, 3, 3), pages), "en").articles
    return [(a.headline, [p.page for p in a.parts]) for a in articles]


def test_the_last_paragraphs_after_a_column_break_stay_with_the_story_the_keyword_names() -> None:
    assert _read(HEAD + TAIL) == [("School board weighs four-day week for fall", [1, 6])]


def test_a_headless_story_whose_words_hold_the_keyword_keeps_its_start() -> None:
    tail = TAIL.replace("Parents who spoke were split.", "Parents at two schools were split.")
    ((first, _), (second, pages)) = _read(HEAD + tail)
    assert first.startswith("School board") and second.startswith("Parents") and pages == [1, 6]
