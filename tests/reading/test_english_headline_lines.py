"""An English headline broken over two lines where its first line ends on a word that needs the
next (a preposition, an article, a conjunction), or where the next opens in lower case, is one
headline, not a headline and its deck."""

from __future__ import annotations

import pytest

from syndicate.english_heads import titles


@pytest.mark.parametrize(
    ("heads", "headline"),
    [
        (["Eagles roll past", "Tigers, 72-58"], "Eagles roll past Tigers, 72-58"),
        (["Council votes to", "raise parking fees"], "Council votes to raise parking fees"),
        (["TRUSTEES WEIGH CUTS TO", "SCHOOL BUDGET"], "TRUSTEES WEIGH CUTS TO SCHOOL BUDGET"),
    ],
)
def test_a_headline_broken_where_it_goes_on_is_one(heads: list[str], headline: str) -> None:
    assert titles(heads, None) == (None, headline, None)


def test_a_headline_over_its_deck_stays_two() -> None:
    assert titles(["Council approves budget", "Parking fees to rise in July"], None) == (
        None,
        "Council approves budget",
        "Parking fees to rise in July",
    )
