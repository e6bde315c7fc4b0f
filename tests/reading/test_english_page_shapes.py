"""English pages of unusual shape: a page that holds no text line once specks and furniture are
taken out (a scanned page of pictures, an advertisement OCR read as dirt) is a page without
articles, the rest of the issue read as usual (found by fuzzing: the column measure failed on no
lines); a page of unwrapped paragraphs (web text) keeps its paragraphs."""

from __future__ import annotations

import datetime as dt

import pytest

from syndicate import pipeline
from syndicate.model import Issue, Page

STORY = (
    "Council approves bridge repairs\n"
    "By MARIA LOPEZ\n"
    "Staff Writer\n\n"
    "The city council voted 5-2 on Tuesday to repair the\n"
    "Main Street bridge before the winter, ending a year of\n"
    "debate over how to pay for the work.\n"
)


@pytest.mark.parametrize(
    "specks", ["•\n'\n|\n.", "  •\n\n  ,  \n", "3\n•", "Mustang Daily Wednesday, January 20, 1982\n•"]
)
def test_a_page_of_specks_reads_as_no_articles(specks: str) -> None:
    issue = Issue(
        dt.date(1982, 1, 20),
        (
            Page(1, "news", STORY, "page-01.txt", "utf-8", "a"),
            Page(2, "news", specks, "page-02.txt", "utf-8", "b"),
        ),
    )
    reading = pipeline.read(issue, "en")
    assert [a.headline for a in reading.articles] == ["Council approves bridge repairs"]


def test_a_page_of_unwrapped_paragraphs_keeps_them() -> None:
    """A paragraph a line, as web pages give text: a line longer than any print column that ends a
    sentence ends its paragraph (the first story's three were read as one: each line was as wide
    as the widest line near it, so no line looked broken early)."""
    text = (
        "City council approves new bike lanes\n\nBy Maria Lopez\n\n"
        "The city council voted 6-1 on Tuesday night to add protected bike lanes along three miles "
        "of Harbor Avenue, ending two years of debate.\n\n"
        "Construction is expected to begin in May and finish before the end of the year, according "
        "to the city's transportation department.\n\n"
        '"This is about safety, plain and simple," said council member Ann Lee, who sponsored it.\n'
    )
    issue = Issue(dt.date(2026, 3, 4), (Page(1, "news", text, "page-01.txt", "utf-8", "a"),))
    (article,) = pipeline.read(issue, "en").articles
    assert [p[:12] for p in article.paragraphs] == ["The city cou", "Construction", '"This is abo']
