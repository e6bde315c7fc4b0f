"""A failed command says why on one line per problem, and refuses a bad option value by name."""

from __future__ import annotations

from click.testing import CliRunner

from syndicate.cli import _one_line_each, cli


def test_a_library_hint_on_an_indented_line_joins_its_message() -> None:
    psycopg_like = "cannot connect: connection refused\n\tIs the server running on that host?\n"
    assert (
        _one_line_each(psycopg_like)
        == "cannot connect: connection refused Is the server running on that host?"
    )


def test_separate_problems_stay_one_line_each() -> None:
    problems = "a.toml: publication.nmae: unknown key\na.toml: schedule.cron: must be a crontab"
    assert _one_line_each(problems) == problems


def test_a_port_out_of_range_is_refused_before_anything_starts() -> None:
    result = CliRunner().invoke(cli, ["serve", "--port", "99999"])
    assert result.exit_code == 2
    assert "'--port': 99999 is not in the range" in result.output
    assert "Traceback" not in result.output
