"""The browser tests' screenshots, named at the end of the pytest report (where CI logs show them)."""

from __future__ import annotations

import pytest

SCREENSHOTS: list[str] = []


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if SCREENSHOTS:
        terminalreporter.section("browser screenshots (390 px wide)")
        for path in SCREENSHOTS:
            terminalreporter.write_line(path)
