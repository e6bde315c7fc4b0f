"""Shared fixtures. ``pytest --update-golden`` rewrites golden files on purpose."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_a410e60982d701bb.txt"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files instead of comparing")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def compare_golden(actual: bytes | str, path: Path, update: bool) -> None:
    """Compare ``actual`` with the golden file at ``path`` (or rewrite it with --update-golden)."""
    data = actual.encode("utf-8") if isinstance(actual, str) else actual
    if update or not path.exists():
        if not update:
            pytest.fail(f"golden file {path} missing: run `make golden` to create it")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return
    assert data == path.read_bytes(), f"output differs from golden file {path} (make golden to accept)"
