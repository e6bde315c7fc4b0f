"""Derived English headlines (issue 12 item 6: the first sentence's main clause, at most about
12 words) end where the clause pauses, not in the middle of a phrase."""

from __future__ import annotations

import pytest

from syndicate.english_heads import derive_headline


@pytest.mark.parametrize(
    ("lead", "headline"),
    [
        (  # a clause of 13 words that ends at its comma: kept whole ("about 12")
            "Harbor College may have a name for training skilled nurses and dental hygienists, but it is changing.",
            "Harbor College may have a name for training skilled nurses and dental hygienists",
        ),
        (  # cut after its last comma within 12 words
            "The women's volleyball team lost three matches this week, ending its five-match conference winning streak.",
            "The women's volleyball team lost three matches this week",
        ),
        (  # cut before a preposition or conjunction, not after it
            "Safe Ride is collecting donations from fraternities and campus organizations after losing $3,000 of its grant.",
            "Safe Ride is collecting donations from fraternities and campus organizations",
        ),
        (  # a long opening phrase is skipped to the main clause
            "In its first statement on the storm that flooded 40 homes along the river last spring, the county apologized to residents.",
            "The county apologized to residents",
        ),
        (  # a quotation the cut leaves open loses its mark
            "The mayor said the city council had ordered a “full review of the contract and its costs” on Friday.",
            "The mayor said the city council had ordered a full review",
        ),
    ],
)
def test_derived_headlines_end_where_the_clause_pauses(lead: str, headline: str) -> None:
    assert derive_headline(lead) == headline
