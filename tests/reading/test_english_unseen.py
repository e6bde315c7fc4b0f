"""English pages of papers the reader was not built on: US metro and UK dailies, as printed and
as OCR reads them (headlines in capitals, teaser boxes, jump lines to back and lettered pages,
stories set with no blank line between them)."""

from __future__ import annotations

import datetime as dt

from syndicate import pipeline
from syndicate.model import Issue, Page, Reading


def _read(*texts: str, labels: tuple[str, ...] = ()) -> Reading:
    pages = tuple(
        Page(n, "News", text, f"page-{n:02d}.txt", "utf-8", "", label=labels[n - 1] if labels else str(n))
        for n, text in enumerate(texts, 1)
    )
    return pipeline.read(Issue(dt.date(2026, 3, 3), pages), "en")


# A wire story under a headline set in capitals, its dateline opening the text: the headline's
# words are the text's in another case.
CAPS_OVER_DATELINE = """HARBOR TUNNEL VOTE DELAYED AGAIN
SACRAMENTO, Calif. (AP) — State
lawmakers put off a vote on the
harbor tunnel for a third time on
Monday, saying the cost had grown.
The tunnel would link the port with
the rail yards north of the river.
"""


def test_a_headline_in_capitals_heads_its_dated_story() -> None:
    reading = _read(CAPS_OVER_DATELINE)
    assert reading.orphans == ()
    (story,) = reading.articles
    assert story.headline == "HARBOR TUNNEL VOTE DELAYED AGAIN"
    assert story.dateline is not None and story.dateline.startswith("SACRAMENTO")
