"""Row 7: the same issue delivered twice, and an issue re-delivered with one page corrected.

No duplicate entries anywhere; the corrected article gets version 2 while every other article's
files keep their bytes; an issue that two folders deliver is read once, reported, and stays put
night after night (before the fix the two deliveries took turns, a new version every pass).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import feedparser
import pytest
from support.faults import DAY, LATER, sample_issue, snapshot, store_ok

from syndicate import config, pipeline, xmlsafe

NAR = "{http://iptc.org/std/nar/2006-10-01/}"
OLD, NEW = "文化惠民演出进社区", "文化惠民演出走进社区"
CORRECTED = "20231024-0204"


def run(src: Path, out: Path, nights: int = 0) -> pipeline.PassReport:
    return pipeline.run_pass(config.defaults(out, src), now=LATER + dt.timedelta(days=nights))


def feed_ids(out: Path) -> list[str]:
    ids: list[str] = []
    for feed in sorted(
        p for p in (out / "public").glob("*.xml") if p.name.endswith((".rss.xml", ".atom.xml"))
    ):
        entries = feedparser.parse(feed.read_bytes()).entries
        names = [e.id for e in entries]
        assert len(names) == len(set(names)), f"{feed.name}: duplicate entries"
        ids += names
    return ids


def item_version(out: Path, ident: str) -> str | None:
    root = xmlsafe.parse((out / "newsml" / DAY.isoformat() / f"{ident}.xml").read_bytes(), ident)
    return root.get("version")


def test_the_same_issue_delivered_again_changes_nothing(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    folder = sample_issue(src)
    run(src, out)
    before, rows = snapshot(out), store_ok(out / "state")
    # delivered again: the same bytes, copied over with new timestamps
    shutil.rmtree(folder)
    sample_issue(src)
    report = run(src, out, nights=1)
    assert (report.issues_new, report.issues_updated, report.files_written) == (0, 0, 0)
    assert snapshot(out) == before and store_ok(out / "state") == rows
    assert len(feed_ids(out)) > 0


@pytest.mark.parametrize("differs", [False, True], ids=["same", "differs"])
def test_an_issue_two_folders_deliver_is_read_once_and_stays_put(tmp_path: Path, differs: bool) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    sample_issue(src)
    second = sample_issue(src, DAY + dt.timedelta(days=1))  # a folder named for the next day ...
    manifest = second / "issue.toml"  # ... whose manifest says it is the 24th again
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("2023-10-25", "2023-10-24"), "utf-8")
    for page in second.glob("page-*.txt"):
        text = page.read_text(encoding="utf-8").replace("10月25日", "10月24日")
        page.write_text(text.replace(OLD, NEW) if differs else text, encoding="utf-8")
    first = run(src, out)
    assert any("delivered twice" in str(p) and str(second) in str(p) for p in first.problems), first.problems
    rows = store_ok(out / "state")
    assert len(rows) == len({i for i, _ in rows}) == 5
    snap = snapshot(out)
    for night in (1, 2, 3):
        again = run(src, out, nights=night)
        assert (again.issues_new, again.issues_updated) == (0, 0), night
        assert store_ok(out / "state") == rows
        assert snapshot(out) == snap
    ids = feed_ids(out)
    assert sum(1 for i in ids if i.endswith(CORRECTED)) == 4  # all and 综合, RSS and Atom: once each


def test_a_corrected_page_gives_one_new_version_and_leaves_the_rest_alone(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    folder = sample_issue(src)
    run(src, out)
    before = snapshot(out)
    page = folder / "page-02.txt"
    page.write_text(page.read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")
    report = run(src, out, nights=1)
    assert (report.issues_new, report.issues_updated, report.articles_published) == (0, 1, 1)
    after = snapshot(out)
    assert item_version(out, CORRECTED) == "2"
    assert NEW in after[f"public/articles/{DAY}/{CORRECTED}.html"].decode()
    changed = {k for k in after if after[k] != before.get(k)}
    per_article = {
        k for k in changed if "/articles/" in k or (k.startswith("newsml/20") and "issue" not in k)
    }
    assert per_article == {
        f"newsml/{DAY}/{CORRECTED}.xml",
        f"newsml/{DAY}/{CORRECTED}.json",  # the same item as ninjs
        f"public/articles/{DAY}/{CORRECTED}.html",
    }
    for ident, version in store_ok(out / "state"):
        assert version == (2 if ident == CORRECTED else 1), ident
    ids = feed_ids(out)
    assert sum(1 for i in ids if i.endswith(CORRECTED)) == 4  # all and 综合, RSS and Atom: once each
