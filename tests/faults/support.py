"""What the fault tests share: drop folders made from the sample issue, output snapshots and checks,
the validators, and ways to run ``syndicate run`` (in-process with click's runner, or as a process).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from click.testing import CliRunner, Result
from lxml import html as lxml_html

from syndicate import xmlsafe
from syndicate.cli import cli
from syndicate.config import SAMPLE_DIR
from syndicate.publish.write import TMP_PREFIX

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT.parent / "shared" / "tools"
SAMPLE = SAMPLE_DIR / "2023-10-24"
DAY = dt.date(2023, 10, 24)
# Every issue of the drop folders below is released (06:00 +08:00 on its date) before this.
LATER = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)

# ``syndicate run`` with the clock pinned, so that two runs (one killed many times, one not) can
# be compared byte for byte: the pass stamps versions and feeds with "now". It also prints a line
# as the pass starts (after the interpreter's start-up), so that a test can time a kill from there.
PINNED_RUN = """
import datetime as dt, sys
from syndicate import cli, pipeline
pipeline.utcnow = lambda: dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
_pass = pipeline.run_pass
def run_pass(settings, **kw):
    print(PASS_STARTS, flush=True)
    return _pass(settings, **kw)
pipeline.run_pass = run_pass
sys.argv[0] = "syndicate"
cli.main()
""".replace("PASS_STARTS", repr("syndicate-test: the pass starts"))
PASS_STARTS = "syndicate-test: the pass starts"


def sample_page(number: int) -> str:
    return (SAMPLE / f"page-{number:02d}.txt").read_text(encoding="utf-8")


def write_issue(root: Path, day: dt.date, pages: dict[int, str | bytes], manifest: bool = False) -> Path:
    """``root/<day>/page-NN.txt`` (text as UTF-8, bytes as they are); returns the issue folder."""
    folder = root / day.isoformat()
    folder.mkdir(parents=True, exist_ok=True)
    for number, content in pages.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (folder / f"page-{number:02d}.txt").write_bytes(data)
    if manifest:
        shutil.copy(SAMPLE / "issue.toml", folder / "issue.toml")
        text = (folder / "issue.toml").read_text(encoding="utf-8")
        (folder / "issue.toml").write_text(text.replace("2023-10-24", day.isoformat()), encoding="utf-8")
    return folder


def sample_issue(root: Path, day: dt.date = DAY) -> Path:
    """The shipped sample issue, re-dated to ``day`` (its text says which day it is)."""
    mark = f"{day.month}月{day.day}日"
    pages = {n: sample_page(n).replace("10月24日", mark) for n in (1, 2)}
    return write_issue(root, day, dict(pages), manifest=True)


def drop_folder(root: Path, days: int, first: dt.date = dt.date(2023, 10, 1)) -> Path:
    """A drop folder of ``days`` consecutive sample issues."""
    for n in range(days):
        sample_issue(root, first + dt.timedelta(days=n))
    return root


def snapshot(out: Path) -> dict[str, bytes]:
    """Every published file (public/ and newsml/) by relative path; the state folder left out."""
    return {
        str(p.relative_to(out)): p.read_bytes()
        for sub in ("public", "newsml")
        for p in sorted((out / sub).rglob("*"))
        if p.is_file()
    }


def temp_files(out: Path) -> list[Path]:
    return sorted(out.rglob(f"{TMP_PREFIX}*"))


def check_parses(out: Path) -> int:
    """Every published file is whole: XML well-formed (through the safe parser), HTML ends with its
    closing tag and parses, JSON loads. Returns how many files were checked."""
    checked = 0
    for rel, data in snapshot(out).items():
        if TMP_PREFIX in rel:
            continue  # a killed pass's leftover: swept by the next pass, never served
        if rel.endswith((".xml", ".opml")):
            xmlsafe.parse(data, rel)
        elif rel.endswith(".html"):
            assert data.rstrip().endswith(b"</html>"), f"{rel}: cut short"
            lxml_html.document_fromstring(data)
        elif rel.endswith(".json"):
            json.loads(data)
        else:
            raise AssertionError(f"{rel}: unexpected file in the output")
        checked += 1
    return checked


def validate(tool: str, files: Sequence[Path]) -> None:
    """Run a shared validator (validate-feed / validate-newsml) on ``files``; fail with its report."""
    if not files:
        return
    done = subprocess.run(
        [sys.executable, str(TOOLS / tool), *map(str, files)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr


def validate_all(out: Path) -> None:
    validate("validate-feed", sorted((out / "public").glob("*.xml")))
    validate("validate-newsml", sorted((out / "newsml").rglob("*.xml")))


def store_ok(state: Path) -> list[tuple[str, int]]:
    """The store opens and passes SQLite's integrity check; returns (id, version) of every article."""
    with sqlite3.connect(state / "syndicate.sqlite") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        rows = db.execute("SELECT id, version FROM articles ORDER BY date, seq").fetchall()
    return [(str(i), int(v)) for i, v in rows]


def run_cli(args: Iterable[str]) -> Result:
    """``syndicate <args>`` in this process (so monkeypatches apply); stderr kept apart."""
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def run_process(
    args: Iterable[str], *, timeout: float = 60, pinned: bool = True
) -> subprocess.CompletedProcess[str]:
    """``syndicate <args>`` as its own process (clock pinned unless ``pinned`` is False)."""
    launcher = ["-c", PINNED_RUN] if pinned else ["-m", "syndicate"]
    return subprocess.run([sys.executable, *launcher, *args], capture_output=True, text=True, timeout=timeout)


def error_lines(stderr: str) -> list[str]:
    """The lines a user reads on stderr (log records of the pass left out)."""
    return [line for line in stderr.splitlines() if line.strip()]
