"""Row 5: a page of 5 MB, a line of 100,000 characters, 500 articles on one page.

Each runs in its own process (so its peak memory is its own) and must finish within the bounds
below, which are generous: ten to twenty times the time, and two to four times the memory, this 2-core machine measured.

- 5 MB page (the sample's first page, jumps included, repeated): ``syndicate articles --json``
  (decode, re-flow, split, stitch, JSON) in under 30 s and 1 GiB peak RSS (measured 1.4 s, 275 MiB).
- one line of 100,000 characters, and 500 articles on one page: a whole ``syndicate run`` (store,
  feeds, 501 article pages and NewsML items) in under 30 s and 512 MiB (measured 1.5 s, 155 MiB).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from support.faults import DAY, sample_page, write_issue

MIB = 1024 * 1024
MEASURED = """
import json, resource, sys, time
from syndicate import cli
began = time.perf_counter()
sys.argv[0] = "syndicate"
try:
    cli.main()
except SystemExit as exc:
    code = exc.code
else:
    code = 0
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"code": code, "seconds": time.perf_counter() - began, "rss": usage.ru_maxrss * 1024}),
      file=sys.stderr)
"""


def measured(*args: str) -> tuple[dict[str, float], str]:
    done = subprocess.run(
        [sys.executable, "-c", MEASURED, *args], capture_output=True, text=True, timeout=300
    )
    figures = json.loads(done.stderr.strip().splitlines()[-1])
    assert figures["code"] in (0, None), done.stderr
    return figures, done.stdout


def test_a_5_mb_page(tmp_path: Path) -> None:
    page = sample_page(1) + "\n\n"
    text = page * (5 * MIB // len(page.encode()) + 1)
    assert len(text.encode()) >= 5 * MIB
    folder = write_issue(tmp_path / "src", DAY, {1: text})
    figures, stdout = measured("articles", str(folder), "--json")
    assert figures["seconds"] < 30 and figures["rss"] < 1024 * MIB, figures
    assert len(json.loads(stdout)["articles"]) >= 2000


def test_a_line_of_100000_characters_and_500_articles_on_one_page(tmp_path: Path) -> None:
    long_line = " 长行新闻标题\n\u3000\u3000本报10月24日讯 " + "长" * 100_000 + "。\n\n"
    articles = "".join(
        f" 第{i}条新闻的标题在此\n\u3000\u3000本报10月24日讯 这是第{i}条新闻的正文，内容简短。\n"
        f"\u3000\u3000第{i}条新闻的第二段，会议要求抓好落实。\n\n"
        for i in range(500)
    )
    write_issue(tmp_path / "src", DAY, {1: long_line, 2: articles})
    figures, stdout = measured("run", "--source", str(tmp_path / "src"), "--out", str(tmp_path / "out"))
    assert figures["seconds"] < 30 and figures["rss"] < 512 * MIB, figures
    pages = list((tmp_path / "out" / "public" / "articles" / DAY.isoformat()).glob("*.html"))
    assert len(pages) >= 501, stdout
    longest = max(pages, key=lambda p: p.stat().st_size)
    assert longest.read_text(encoding="utf-8").count("长") >= 100_000
