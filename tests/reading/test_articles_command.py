"""`syndicate articles ISSUE_DIR --json` as CONTRACT.md section 2 says, run the way a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from syndicate.config import SAMPLE_DIR
from syndicate.errors import DecodeError
from syndicate.sources.decode import decode_page

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "reading" / "sample-2023-10-24.json"
EXE = [sys.executable, "-m", "syndicate"]


def articles(folder: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*EXE, "articles", str(folder), *extra], capture_output=True, text=True, timeout=60)


def test_sample_json_matches_golden(update_golden: bool) -> None:
    from conftest import compare_golden

    run = articles(SAMPLE_DIR / "2023-10-24", "--json")
    assert run.returncode == 0, run.stderr
    doc = json.loads(run.stdout)
    assert set(doc) >= {"date", "articles", "orphans"}
    for a in doc["articles"]:
        assert set(a) >= {"id", "section", "headline", "headline_derived", "kicker", "subheadline", "byline",
                          "dateline", "paragraphs", "parts", "complete", "unresolved_jump"}  # fmt: skip
        for p in a["parts"]:
            assert set(p) == {"page", "order", "lines", "first", "last"} and len(p["first"]) <= 20
    assert articles(SAMPLE_DIR / "2023-10-24", "--json").stdout == run.stdout  # stable ids, same output
    compare_golden(run.stdout, GOLDEN, update_golden)


def test_explain_prints_scores() -> None:
    run = articles(SAMPLE_DIR / "2023-10-24", "--explain")
    assert run.returncode == 0 and "jump page 1 #1 -> page 2 #3" in run.stderr and "text=" in run.stderr


def test_undecodable_page_is_named_and_the_rest_read(tmp_path: Path) -> None:
    folder = tmp_path / "2023-10-24"
    folder.mkdir()
    (folder / "page-01.txt").write_text("\u3000\u3000本报讯 新区秋粮收获进度已超过九成。", encoding="utf-8")
    (folder / "page-02.txt").write_bytes(b"\xff\xfe\x00\x81\x82\x00garbage\x00\x01\x02" * 20)
    run = articles(folder, "--json")
    assert run.returncode == 0
    assert "page-02.txt" in run.stderr and len(json.loads(run.stdout)["articles"]) == 1


def test_unreadable_folder_exits_non_zero(tmp_path: Path) -> None:
    run = articles(tmp_path / "missing", "--json")
    assert run.returncode != 0 and "missing" in run.stderr


def test_folder_without_pages_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "2023-10-24"
    folder.mkdir()
    run = articles(folder, "--json")
    assert run.returncode == 1 and "no page files" in run.stderr and "Traceback" not in run.stderr


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("本报讯 会议".encode(), "utf-8"),
        ("\ufeff本报讯 会议".encode(), "utf-8-sig"),
        ("本报讯 会议".encode("gbk"), "gb18030"),
        ("朱镕基 本报讯".encode("gb18030"), "gb18030"),  # 镕: not in GB2312
    ],
)
def test_decoding_order(data: bytes, encoding: str) -> None:
    decoded = decode_page(data, "page-01.txt")
    assert decoded.encoding == encoding and "本报讯" in decoded.text and not decoded.text.startswith("\ufeff")


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \n",
        bytes(range(256)) * 4,
        "The council approved the budget on Tuesday after debate.".encode("cp500"),
    ],
)
def test_decoding_refuses_with_the_file_name(data: bytes) -> None:
    with pytest.raises(DecodeError, match="page-07.txt"):
        decode_page(data, "page-07.txt")


def test_explain_shows_the_evidence_of_each_boundary_and_jump(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from syndicate.cli import cli

    ind = "\u3000\u3000"
    folder = tmp_path / "2026-07-09"
    folder.mkdir()
    (folder / "page-01.txt").write_text(
        f"江城全力应对强降雨\n{ind}入汛以来，江城市气象局密切监视强降雨过程，滚动发布暴雨预警信号十二次。据江城发布\n"
        f"{ind}第三届乡村农货展销会昨天在东湖镇开幕，来自周边二十个村的合作社带来土鸡蛋。（下转第二版）\n",
        encoding="utf-8",
    )
    (folder / "page-02.txt").write_text(
        f"{ind}（上接第一版）展销会持续三天，合作社带来的土鸡蛋很受欢迎。\n", encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["articles", str(folder), "--explain"])
    assert result.exit_code == 0, result.output
    assert "boundary page 1 line 3: new article (source credit or sign-off above)" in result.output
    assert "jump page 1 #2 -> page 2 #1" in result.output
    starts = [line for line in result.output.splitlines() if line.startswith(("article ", "boundary "))]
    assert starts[0].startswith("article page 1 line 1: printed headline [p1 l1-2] 江城全力应对强降雨")
    assert starts[1].startswith("boundary page 1 line 3: new article")  # page and line order
    assert starts[2].startswith(
        "article page 1 line 3: no headline, byline or dateline: derived headline [p1 l3-3 + p2 l1-1]"
    )


def test_explain_names_the_printed_marks_that_opened_each_article(tmp_path: Path) -> None:
    ind = "\u3000\u3000"
    folder = tmp_path / "2026-07-09"
    folder.mkdir()
    (folder / "page-01.txt").write_text(
        f"秋粮收获\n新区秋粮收获进度过九成\n——机收率首次超过八成\n{ind}□记者 李涛 报道\n"
        f"{ind}本报7月9日讯 新区秋粮收获进度已超过九成，机收率首次超过八成。\n",
        encoding="utf-8",
    )
    run = articles(folder, "--explain")
    assert run.returncode == 0, run.stderr
    assert "article page 1 line 1: kicker, printed headline, deck, byline, dateline [p1 l1-5]" in run.stderr
