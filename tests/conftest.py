"""Shared fixtures. ``pytest --update-golden`` rewrites golden files on purpose."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import services

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


# ---- real servers for the group tests (PostgreSQL, S3) --------------------------------------------


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[services.PostgresCluster]:
    """A temporary PostgreSQL cluster on a loopback port, for the whole session.

    Skipped when PostgreSQL is not installed, except on CI (``CI=true``), where ``.ci/run`` installs
    it: there a missing server is a failure, not a quiet skip."""
    with services.postgres() as cluster:
        if cluster is None:
            if os.environ.get("CI"):
                pytest.fail("PostgreSQL's binaries are missing: .ci/run should have installed postgresql")
            pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
        yield cluster


@pytest.fixture
def pg_url(pg_cluster: services.PostgresCluster) -> str:
    """The URL of a fresh, empty database of the session's cluster."""
    return pg_cluster.new_database()


@pytest.fixture(scope="session")
def moto_s3() -> Iterator[services.MotoServer]:
    """moto's S3 server on a loopback port, for the whole session."""
    for key, value in services.S3_ENV.items():
        os.environ.setdefault(key, value)
    server = services.MotoServer().start()
    try:
        yield server
    finally:
        server.stop()


def compare_golden_tree(actual: dict[str, bytes], folder: Path, update: bool) -> None:
    """Compare a whole output tree (relative path -> bytes) with the golden folder, file by file
    (or rewrite the folder with --update-golden: files no longer produced are removed)."""
    if update:
        if folder.exists():
            for old in sorted(folder.rglob("*"), reverse=True):
                old.unlink() if old.is_file() else old.rmdir()
        for rel, data in actual.items():
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            (folder / rel).write_bytes(data)
        return
    if not folder.exists():
        pytest.fail(f"golden folder {folder} missing: run `make golden` to create it")
    golden = {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
    assert sorted(actual) == sorted(golden), f"the files differ from {folder} (make golden to accept)"
    differ = [rel for rel in golden if actual[rel] != golden[rel]]
    assert not differ, f"these files differ from {folder} (make golden to accept): {differ}"
