"""English pages with lettered page labels (A1, A6): ``See SCHOOLS, A6`` / ``Turn to BUDGET, A6``
out, ``SCHOOLS from A1`` in; two stories jump to the same page and come back in the other order."""

from __future__ import annotations

import datetime as dt

from syndicate import pipeline
from syndicate.model import Issue, Page

FRONT = """Harbor Gazette Wednesday, March 4, 2026 A1

Board weighs closing two schools
Enrollment has fallen for six years
By MARIA LOPEZ
Staff Writer
PORT HAVEN — The school board will vote next week on a plan to close
Lincoln and Maple elementary schools, district officials said Tuesday,
after enrollment fell for the sixth straight year.
Superintendent Dana Ortiz said the district cannot keep paying to heat
and staff buildings that are half empty. Parents at Maple have collected
See SCHOOLS, A6

City budget gap grows to $4 million
By Dan Ortiz
Staff Writer
The city's budget shortfall has grown to $4 million, the finance director
told the council Monday night, as sales tax receipts came in below
Turn to BUDGET, A6
"""
INSIDE = """A6 Harbor Gazette Wednesday, March 4, 2026

BUDGET from A1
forecasts for the third quarter in a row. Council members asked for a
list of cuts by April, and the mayor said library hours could be reduced.

SCHOOLS from A1
more than 900 signatures asking the board to keep their school open.
The board meets at 7 p.m. Tuesday in the district office.
"""


def test_two_jumps_to_one_lettered_page_matched_by_keyword() -> None:
    issue = Issue(
        dt.date(2026, 3, 4),
        (
            Page(1, "p1", FRONT, "page-01.txt", "utf-8", "A1"),
            Page(6, "p6", INSIDE, "page-06.txt", "utf-8", "A6"),
        ),
    )
    by_head = {a.headline: a for a in pipeline.read(issue, "en").articles}
    schools, budget = (
        by_head["Board weighs closing two schools"],
        by_head["City budget gap grows to $4 million"],
    )
    assert [p.page for p in schools.parts] == [1, 6]
    assert [p.page for p in budget.parts] == [1, 6]
    assert "collected more than 900 signatures" in " ".join(schools.paragraphs)
    assert "came in below forecasts for the third quarter" in " ".join(budget.paragraphs)
