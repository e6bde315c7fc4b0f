"""Row 4: an empty page file, binary garbage, pages in encodings none of the candidates fits
(Big5, UTF-16 with and without BOM). Each is refused with the file's name; the rest of the issue
is published, and ``--strict`` turns the refusals into a failing exit status.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from support.faults import DAY, LATER, run_cli, sample_page, write_issue

from syndicate import config, pipeline
from syndicate.errors import DecodeError
from syndicate.sources.decode import decode_page

TEXT = "　　本報10月24日訊 新區圖書館舉辦展覽，市民踴躍參觀。會議強調，要推動文化事業發展。\n" * 20
BAD = {
    3: b"",  # empty
    4: random.Random(6).randbytes(8192),  # binary garbage
    5: TEXT.encode("big5"),
    6: TEXT.encode("utf-16"),  # with BOM
    7: TEXT.encode("utf-16-le"),  # without
    8: b"\n \n\t\r\n",  # only white space
}


@pytest.fixture
def src(tmp_path: Path) -> Path:
    pages: dict[int, str | bytes] = {1: sample_page(1), 2: sample_page(2), **BAD}
    write_issue(tmp_path / "src", DAY, pages)
    return tmp_path / "src"


@pytest.mark.parametrize("number", sorted(BAD))
def test_each_bad_page_is_refused_naming_it(number: int) -> None:
    name = f"/drop/{DAY}/page-{number:02d}.txt"
    with pytest.raises(DecodeError, match=f"^{name}: "):
        decode_page(BAD[number], name)


def test_the_rest_of_the_issue_is_published(src: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli(["run", "--source", str(src), "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("syndicate: warning:")]
    for number in BAD:
        named = [w for w in warnings if f"page-{number:02d}.txt" in w]
        assert len(named) == 1, (number, result.stderr)
    assert "Traceback" not in result.stderr
    # pages 1 and 2 are read and stitched as in the sample: five articles, jumps resolved
    report = pipeline.run_pass(config.defaults(out, src), now=LATER)
    assert report.issues_seen == 1 and report.unresolved_jumps == 0
    pages = sorted((out / "public" / "articles" / DAY.isoformat()).glob("*.html"))
    assert len(pages) == 5
    assert "20231024-0101" in (out / "public" / "all.atom.xml").read_text(encoding="utf-8")
    strict = run_cli(["run", "--source", str(src), "--out", str(tmp_path / "strict"), "--strict"])
    assert strict.exit_code == 1


def test_the_articles_command_reads_the_rest_and_names_the_bad_files(src: Path) -> None:
    result = run_cli(["articles", str(src / DAY.isoformat()), "--json"])
    assert result.exit_code == 0, result.stderr
    for number in BAD:
        assert f"page-{number:02d}.txt" in result.stderr
    assert '"20231024-0101"' in result.stdout


def test_an_issue_of_bad_pages_only_publishes_nothing_and_says_why(tmp_path: Path) -> None:
    write_issue(tmp_path / "src", DAY, dict(BAD))
    result = run_cli(["run", "--source", str(tmp_path / "src"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count("syndicate: warning:") >= len(BAD)
    assert not (tmp_path / "out" / "public" / "articles").exists()
