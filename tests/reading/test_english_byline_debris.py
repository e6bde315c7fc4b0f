"""OCR debris after a byline's name (stray marks, a staff line misread into lower-case words) is no
part of the name that goes to the feeds' authors; a masthead's price, volume or edition is no
headline (THE VALLEY HERALD Tuesday, March 3, 2026 75 cents headed the front page's first story)."""

from __future__ import annotations

import pytest

from syndicate import english


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("by Tom Bachner •tin wfNii", ("Tom Bachner",)),  # a misread staff line run into the name
        ("by Rita Mullan law want", ("Rita Mullan",)),
        ("by Margie Coop - , / Staff Writer ;", ("Margie Coop",)),
        ("By Ludwig van Berne", ("Ludwig van Berne",)),  # joiners in lower case stay
        ("By Jo de la Cruz", ("Jo de la Cruz",)),
        ("By Paul J. Robbins / staff Writer", ("Paul J. Robbins",)),
        ("By Maria Lopez and Dan Ortiz", ("Maria Lopez", "Dan Ortiz")),
    ],
)
def test_debris_after_a_name_is_dropped(line: str, names: tuple[str, ...]) -> None:
    assert english.byline_names(line) == names


@pytest.mark.parametrize(
    "line",
    [
        "THE VALLEY HERALD Tuesday, March 3, 2026 75 cents",
        "THE VALLEY HERALD Tuesday, March 3, 2026 $1.50",
        "The Herald, Tuesday, March 3, 2026 Vol. 112, No. 45",
        "THE HERALD Tuesday, March 3, 2026 Final Edition",
    ],
)
def test_a_masthead_with_its_price_volume_or_edition_is_a_running_head(line: str) -> None:
    assert english.is_running_head(line)


def test_a_sentence_with_a_date_and_a_figure_is_no_running_head() -> None:
    assert not english.is_running_head("On Tuesday, March 3, 2026 75 people came")
