"""Row 1 (issue 10): ids follow content, not position.

The sample issue is published, then delivered again with a short report added at the top of
page 2 and one article corrected by a few characters. Before the fix every article below the new
one took the id of the article above it: its NewsML went to version 2 with ``sig:update`` holding
another story, and its permalink showed another story. Now each stored article keeps its id and
its files (the corrected one gets version 2 of itself), and the new report gets an id no article
of the issue had.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from support.faults import DAY, LATER, sample_issue, snapshot

from syndicate import config, pipeline, xmlsafe

NAR = "{http://iptc.org/std/nar/2006-10-01/}"
XHTML = "{http://www.w3.org/1999/xhtml}"
ADDED = "港区新航线开通\n　　本报10月24日讯 本港今日开通至东南亚的第三条集装箱航线，\n每周两班，预计全年新增吞吐量八万标箱。\n\n"


def items(out: Path) -> dict[str, tuple[str, str]]:
    """id -> (version, headline) of every NewsML item of the issue."""
    found = {}
    for path in sorted((out / "newsml" / DAY.isoformat()).glob("*.xml")):
        if path.name == "issue.xml":
            continue
        root = xmlsafe.parse(path.read_bytes(), path.name)
        heads = root.findall(f"{NAR}contentMeta/{NAR}headline")
        headline = next(h.text for h in heads if h.get("role") is None)  # not the kicker
        found[path.stem] = (str(root.get("version")), str(headline))
    return found


def test_an_inserted_report_and_a_correction_move_no_id(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    folder = sample_issue(src)
    settings = config.defaults(out, src)
    pipeline.run_pass(settings, now=LATER)
    before, files = items(out), snapshot(out)
    page2 = folder / "page-02.txt"
    text = page2.read_text(encoding="utf-8")
    assert "为群众送上戏曲" in text
    page2.write_text(ADDED + text.replace("为群众送上戏曲", "为居民送上戏曲"), encoding="utf-8")
    pipeline.run_pass(settings, now=LATER + dt.timedelta(days=1))
    after = items(out)
    corrected = next(i for i, (_v, h) in before.items() if h == "文化惠民演出进社区")
    for ident, (version, headline) in before.items():
        assert after[ident] == ("2" if ident == corrected else version, headline), ident
        page = f"public/articles/{DAY.isoformat()}/{ident}.html"
        if ident != corrected:
            assert snapshot(out)[page] == files[page], f"{ident}: its page changed"
    new = set(after) - set(before)
    assert len(new) == 1 and after[new.pop()] == ("1", "港区新航线开通")
