"""A page that holds no text line once specks and furniture are taken out (a scanned page of
pictures, an advertisement that OCR read as dirt) is a page without articles: the rest of the
issue is read as usual. Found by fuzzing the reader (the column measure failed on no lines)."""

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
