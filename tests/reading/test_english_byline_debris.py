"""OCR debris after a byline's name (stray marks, a staff line misread into lower-case words) is no
part of the name that goes to the feeds' authors."""

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
