"""Small commands import only what they use (start-up is most of their cost; bench/startup.py).

Each command runs in a fresh interpreter, as a user runs it, which then lists the modules loaded.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from syndicate.config import SAMPLE_DIR

LIST_MODULES = """
import runpy, sys
sys.argv = ["syndicate", *sys.argv[1:]]
try:
    runpy.run_module("syndicate", run_name="__main__")
except SystemExit as exc:
    assert not exc.code, exc.code
print("\\n".join(sorted(sys.modules)), file=sys.stderr)
"""
PUBLISHING_AND_SERVING = ("feedgen", "jinja2", "lxml", "pypinyin", "uvicorn", "apscheduler", "sqlalchemy")
SOLVER = ("scipy", "numpy")


def loaded(*args: str) -> set[str]:
    run = subprocess.run(
        [sys.executable, "-c", LIST_MODULES, *args], capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr
    return set(run.stderr.split())


def heavy(modules: set[str], names: tuple[str, ...]) -> set[str]:
    return {m for m in modules if m.split(".")[0] in names}


def test_articles_reads_an_issue_without_the_publishing_stack_or_scipy() -> None:
    modules = loaded("articles", str(SAMPLE_DIR / "2023-10-24"), "--json")
    assert "syndicate.stitch" in modules  # it did read the issue (and stitch its jumps)
    assert not heavy(modules, (*PUBLISHING_AND_SERVING, *SOLVER, "pydantic"))
    assert not {
        m for m in modules if m.startswith(("syndicate.publish", "syndicate.serve", "syndicate.store"))
    }


def test_help_imports_no_subcommand() -> None:
    modules = loaded("--help")
    assert not heavy(modules, (*PUBLISHING_AND_SERVING, *SOLVER, "pydantic"))
    assert not {
        m
        for m in modules
        if m.startswith("syndicate.") and m not in {"syndicate.cli", "syndicate.errors", "syndicate.__main__"}
    }


def test_a_pass_over_known_sections_makes_no_slug_and_imports_no_pypinyin(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(SAMPLE_DIR / "2023-10-24", src / "2023-10-24")
    first = loaded("run", "--source", str(src), "--out", str(tmp_path / "out"))
    assert "pypinyin" in first  # new sections: their slugs are made (and stored)
    again = src / "2023-10-25"  # the next day's issue: the same sections
    shutil.copytree(src / "2023-10-24", again)
    manifest = again / "issue.toml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace("2023-10-24", "2023-10-25"), encoding="utf-8"
    )
    second = loaded("run", "--source", str(src), "--out", str(tmp_path / "out"))
    assert list((tmp_path / "out" / "public" / "articles" / "2023-10-25").glob("*.html"))  # it was published
    assert not heavy(second, ("pypinyin",))
