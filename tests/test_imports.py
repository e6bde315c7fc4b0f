"""Small commands import only what they use (start-up is most of their cost; bench/startup.py).

Each command runs in a fresh interpreter, as a user runs it, which then lists the modules loaded.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from syndicate import lazyre, rules, text
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
    # Nor what only a pass needs: the store's classes (syndicate.stored), logging (it logs nothing).
    assert "syndicate.stored" not in modules and "logging" not in modules


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


# Each of the reader's patterns (syndicate.lazyre), after the command or the import given: a line
# "1 'pattern'" when it was compiled, "0 'pattern'" when not; with --import-only, "E file line" for
# each re.compile of a syndicate module while it is imported.
PATTERNS_USED = """
import gc, re, runpy, sys
if sys.argv[1:2] == ["--import-only"]:
    compile_ = re.compile
    def eager(pattern, flags=0):
        caller = sys._getframe(1).f_code.co_filename
        if "syndicate" in caller and not caller.endswith("patterncache.py"):
            print("E", caller, sys._getframe(1).f_lineno, file=sys.stderr)
        return compile_(pattern, flags)
    re.compile = eager
    import syndicate.pipeline, syndicate.render_json, syndicate.sources.folder
else:
    sys.argv = ["syndicate", *sys.argv[1:]]
    try:
        runpy.run_module("syndicate", run_name="__main__")
    except SystemExit as exc:
        assert not exc.code, exc.code
from syndicate.lazyre import LazyPattern
gc.unfreeze()  # the command froze what it imported (cli._importing): gc.get_objects() would miss it
for p in gc.get_objects():
    if isinstance(p, LazyPattern):
        print(int("_compiled" in vars(p)), repr(p.pattern), file=sys.stderr)
"""


def patterns_used(*args: str) -> tuple[set[str], set[str], set[str]]:
    """(compiled, not compiled, compiled by re at import) after a fresh interpreter ran ``args``:
    the reader's patterns by their repr, re.compile calls by file and line."""
    run = subprocess.run(
        [sys.executable, "-c", PATTERNS_USED, *args], capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr
    rows = [line.split(" ", 1) for line in run.stderr.splitlines() if line[:2] in ("0 ", "1 ", "E ")]
    used, unused, eager = ({p for kind, p in rows if kind == k} for k in ("1", "0", "E"))
    return used, unused, eager


def test_importing_the_reader_compiles_none_of_its_patterns() -> None:
    # Compiling them was most of the start-up of `syndicate articles`: module-level patterns are
    # made with lazyre.compile, and nothing at import uses one.
    used, unused, eager = patterns_used("--import-only")
    assert len(unused) > 50
    assert not eager  # re.compile at module level: lazyre.compile instead
    assert used == {repr(text._WIDE_CHAR.pattern)}  # but this one: text makes its table of wide characters


def test_a_chinese_page_compiles_no_english_pattern() -> None:
    from syndicate import english

    used, unused, _ = patterns_used("articles", str(SAMPLE_DIR / "2023-10-24"), "--json")
    assert repr(rules.DATELINE.pattern) in used  # it did read the page
    english_patterns = {repr(v.pattern) for v in vars(english).values() if isinstance(v, lazyre.LazyPattern)}
    assert repr(english.BYLINE.pattern) in english_patterns
    assert not english_patterns & used


def test_articles_leaves_what_it_imported_out_of_garbage_collection() -> None:
    script = LIST_MODULES.replace('print("\\n".join(sorted(sys.modules)), file=sys.stderr)', "")
    script += "import gc; print(gc.isenabled(), gc.get_freeze_count(), file=sys.stderr)\n"
    run = subprocess.run(
        [sys.executable, "-c", script, "articles", str(SAMPLE_DIR / "2023-10-24"), "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    enabled, frozen = run.stderr.split()[-2:]
    assert enabled == "True" and int(frozen) > 10_000  # collected again for what the reading makes
