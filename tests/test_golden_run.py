"""The whole product in one golden tree: the sample issue through ``syndicate run`` into a temporary
root, every file compared with ``tests/golden/run/`` (``make golden`` regenerates it on purpose).

The clock is pinned (entry times, versions and embargoes derive from it), so the tree is the same
on every machine; the state folder is left out (a database is no output).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, compare_golden_tree
from support.faults import snapshot

from syndicate import pipeline
from syndicate.cli import cli

GOLDEN = ROOT / "tests" / "golden" / "run"
# The day after the sample issue, 08:00 in Shanghai: released.
NOW = dt.datetime(2023, 10, 25, 0, 0, tzinfo=dt.UTC)


def test_a_pass_over_the_sample_issue_writes_the_golden_tree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, update_golden: bool
) -> None:
    monkeypatch.setattr(pipeline, "utcnow", lambda: NOW)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["run", "--out", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    written = snapshot(out)
    assert "public/index.html" in written and "newsml/catalog.json" in written
    compare_golden_tree(written, GOLDEN, update_golden)
