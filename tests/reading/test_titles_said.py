"""Of two head lines, the one that says who said it (…在…时强调) is the kicker above or the
subheadline below the words said, which are the headline, whichever line is the longer."""

from __future__ import annotations

from syndicate.titles import titles

SAID = "把防汛救灾作为检验成效的试金石保障群众生命财产安全"
WHO = "市委主要负责同志在调度全市防汛救灾和城市排水防涝工作时强调"  # longer than the words said


def test_the_line_above_that_says_who_said_it_is_the_kicker() -> None:
    assert titles([WHO, SAID], None) == (WHO, SAID, None)


def test_the_line_below_that_says_who_said_it_is_the_subheadline() -> None:
    assert titles([SAID, WHO], None) == (None, SAID, WHO)


def test_two_lines_without_it_keep_the_rule_of_lengths() -> None:
    assert titles(["守护万家灯火", "全市防汛应急响应提升至二级"], None) == (
        "守护万家灯火",
        "全市防汛应急响应提升至二级",
        None,
    )
