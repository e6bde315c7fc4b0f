"""The batched writer killed (SIGKILL) between its rename phases, once after each phase.

A pass writes every changed file to a temporary file, syncs them all, then renames them phase by
phase: items and article pages, issue packages and the catalog, feeds and OPML, the front page.
Killed after phase k, the output holds the new files of phases up to k and the previous night's
files of every later phase, each whole; no feed or front page links to a page that is not there;
and the next pass finishes the work, byte for byte as one uninterrupted pass, with no temporary
file left. The kill comes from inside the pass (it sends itself SIGKILL at the first rename of
the next phase), so it lands exactly between two phases.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from support.faults import LATER, PINNED_RUN, check_parses, drop_folder, run_process, snapshot, temp_files

from syndicate import config, pipeline
from syndicate.publish.write import TMP_PREFIX

ISSUES, PUBLISHED_BEFORE = 4, 2

DIE_AT_PHASE = """
import os, signal
from syndicate.publish import write
_rename = write.Writer._rename
def rename(self, staged):
    if write.write_rank(staged[0]) > AFTER:  # staged: (path, temporary name)
        os.kill(os.getpid(), signal.SIGKILL)
    return _rename(self, staged)
write.Writer._rename = rename
"""


def phase_of(rel: str) -> int:
    """The writer's phase of an output path (``write.PHASES`` by the path's kind)."""
    if rel == "public/index.html":
        return 3
    if rel == "newsml/catalog.json" or rel.endswith("/issue.xml"):
        return 1
    if rel.startswith(("public/articles/", "public/issues/", "newsml/")):  # pages with the items
        return 0
    return 2


def dangling_links(out: Path) -> list[str]:
    """Links from the feeds, OPML and front page to pages of this site that are not on disk."""
    missing = []
    for page in sorted((out / "public").glob("*.*")):
        if page.name.startswith(TMP_PREFIX):
            continue  # not served; swept by the next pass
        for url in re.findall(rb'(?:href="|<link>)(https://news\.example\.org/[^"<]*)', page.read_bytes()):
            rel = unquote(urlsplit(url.decode()).path).lstrip("/") or "index.html"
            if not (out / "public" / rel).exists():
                missing.append(f"{page.name} -> {rel}")
    return missing


@pytest.mark.parametrize("after", [0, 1, 2])
def test_killed_between_phases_leaves_earlier_phases_new_later_ones_old(tmp_path: Path, after: int) -> None:
    src = drop_folder(tmp_path / "src", ISSUES)
    earlier = tmp_path / "earlier"
    earlier.mkdir()
    for folder in sorted(src.iterdir())[:PUBLISHED_BEFORE]:
        (earlier / folder.name).symlink_to(folder)
    reference = run_process(["run", "--source", str(src), "--out", str(tmp_path / "ref")])
    assert reference.returncode == 0, reference.stderr
    expected = snapshot(tmp_path / "ref")
    out = tmp_path / "out"
    pipeline.run_pass(config.defaults(out, earlier), now=LATER)  # last night's pass, finished
    before = snapshot(out)

    code = DIE_AT_PHASE.replace("AFTER", str(after)) + PINNED_RUN
    killed = subprocess.run(
        [sys.executable, "-c", code, "run", "--source", str(src), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert killed.returncode == -9, killed.stderr
    check_parses(out)
    got = {rel: data for rel, data in snapshot(out).items() if TMP_PREFIX not in rel}
    for rel in sorted(set(expected) | set(before)):
        if phase_of(rel) <= after:
            assert got.get(rel) == expected.get(rel), f"{rel}: phase {phase_of(rel)} not landed"
        else:
            assert got.get(rel) == before.get(rel), f"{rel}: phase {phase_of(rel)} landed too early"
    assert temp_files(out), "the later phases' temporary files are left for the sweep"
    assert dangling_links(out) == []

    final = run_process(["run", "--source", str(src), "--out", str(out)])
    assert final.returncode == 0, final.stderr
    assert temp_files(out) == []
    assert snapshot(out) == expected
