"""Issue 10 row 16: entries of the drop folder that are not issues (``20231027/``,
``2023-10-28.bak/``, a stray file) are reported by name, not passed over in silence; ``--strict``
fails on them, and the real issues beside them are published either way.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support.faults import DAY, run_cli, sample_issue

NOT_ISSUES = ("20231027", "2023-10-28.bak", "notes.txt")


@pytest.fixture
def drop(tmp_path: Path) -> Path:
    root = tmp_path / "drop"
    root.mkdir()
    for name in NOT_ISSUES[:2]:  # whole issues under names that are not YYYY-MM-DD
        sample_issue(tmp_path / "misnamed", DAY).rename(root / name)
    sample_issue(root, DAY)
    (root / "notes.txt").write_text("desk notes\n", encoding="utf-8")
    (root / ".upload-tmp").mkdir()  # hidden: an upload tool's temporary name, passed over
    return root


def _warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("syndicate: warning:")]


def test_each_entry_that_is_not_an_issue_is_reported(drop: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli(["run", "--source", str(drop), "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    warnings = _warnings(result.stderr)
    for name in NOT_ISSUES:
        assert [w for w in warnings if f"{drop / name}: not an issue" in w], (name, warnings)
    assert not [w for w in warnings if ".upload-tmp" in w]
    assert (out / "public" / "articles" / DAY.isoformat()).is_dir()  # the real issue went out


def test_strict_fails_on_them(drop: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli(["run", "--strict", "--source", str(drop), "--out", str(out)])
    assert result.exit_code == 1
    assert any("2023-10-28.bak: not an issue" in w for w in _warnings(result.stderr))
    assert (out / "public" / "articles" / DAY.isoformat()).is_dir()
