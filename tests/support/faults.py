"""What the fault tests share: drop folders made from the sample issue, output snapshots and checks,
the validators, and ways to run ``syndicate run`` (in-process with click's runner, or as a process).
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import sqlite3
import subprocess
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from click.testing import CliRunner, Result
from lxml import html as lxml_html

from syndicate import xmlsafe
from syndicate.cli import cli
from syndicate.publish.write import TMP_PREFIX

from .issues import DAY, SAMPLE, drop_folder, sample_issue, sample_page, write_issue  # noqa: F401
from .jsonschemas import validate_json_outputs

ROOT = Path(__file__).resolve().parents[2]  # the repository
TOOLS = ROOT.parent / "shared" / "tools"
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
        if rel.endswith(".gz"):  # a large public file's precompressed sibling: whole, and parses
            rel, data = rel[: -len(".gz")], gzip.decompress(data)
        if rel.endswith((".xml", ".opml")):
            xmlsafe.parse(data, rel)
        elif rel.endswith(".html"):
            assert data.rstrip().endswith(b"</html>"), f"{rel}: cut short"
            lxml_html.document_fromstring(data)
        elif rel.endswith(".json"):
            json.loads(data)
        elif rel.endswith(".txt"):
            data.decode("utf-8")  # robots.txt
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


def feed_files(out: Path) -> list[Path]:
    """The RSS and Atom feeds under ``out/public`` (not the sitemap, which is XML too)."""
    return sorted(p for p in (out / "public").glob("*.xml") if p.name.endswith((".rss.xml", ".atom.xml")))


def validate_all(out: Path) -> None:
    validate("validate-feed", feed_files(out))
    validate("validate-newsml", sorted((out / "newsml").rglob("*.xml")))
    validate_json_outputs(out)  # JSON Feed and ninjs, against their schemas


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
