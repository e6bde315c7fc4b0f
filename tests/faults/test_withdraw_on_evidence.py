"""Row 2 (issue 10): an article is withdrawn only on positive evidence.

The sample issue is published; then page 2 comes back unreadable: empty, cut mid-character,
undecodable, missing from the folder while the manifest lists it, or (from an e-paper server)
404, 500 or an HTML error page. Before the fix its articles went to partners as ``canceled`` and
vanished from the feeds, then came back as version 3 once the page was readable again. Now the
page keeps its last stored text: every item keeps its version and status, the problem is reported
by name. An article is withdrawn when its page is gone from the folder and the manifest, or when
the page is read and the article is no longer on it; the pass reports the withdrawal either way.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from support.faults import DAY, LATER, sample_issue, snapshot

from syndicate import config, pipeline, xmlsafe

from .test_epaper_server import Paper, html_200, paper, source_for, status_500  # noqa: F401 (fixture)

NAR = "{http://iptc.org/std/nar/2006-10-01/}"
ON_PAGE_2 = ("20231024-0201", "20231024-0204")  # the two articles printed on page 2 only
CONTINUED = ("20231024-0101", "20231024-0102", "20231024-0103")  # page 1, continued on page 2


def statuses(out: Path) -> dict[str, tuple[str, str]]:
    """id -> (version, pubStatus) of every NewsML item of the issue."""
    found = {}
    for path in sorted((out / "newsml" / DAY.isoformat()).glob("2*.xml")):
        root = xmlsafe.parse(path.read_bytes(), path.name)
        status = root.find(f"{NAR}itemMeta/{NAR}pubStatus")
        assert status is not None
        found[path.stem] = (str(root.get("version")), str(status.get("qcode")))
    return found


def feed_text(out: Path) -> str:
    return (out / "public" / "all.atom.xml").read_text(encoding="utf-8")


Spoil = Callable[[Path], None]
SPOILS: dict[str, Spoil] = {
    "empty": lambda p: p.write_bytes(b""),
    "cut-mid-character": lambda p: p.write_bytes(p.read_bytes()[:-1].rstrip(b"\n")[:-1]),
    "undecodable": lambda p: p.write_bytes(bytes(range(0x80, 0x100)) * 64),
    "missing-but-listed": lambda p: p.unlink(),
}


@pytest.mark.parametrize("spoil", list(SPOILS), ids=list(SPOILS))
def test_an_unreadable_page_keeps_its_last_stored_text(tmp_path: Path, spoil: str) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    folder = sample_issue(src)
    settings = config.defaults(out, src)
    pipeline.run_pass(settings, now=LATER)
    before, feeds = statuses(out), feed_text(out)
    good = (folder / "page-02.txt").read_bytes()
    SPOILS[spoil](folder / "page-02.txt")
    report = pipeline.run_pass(settings, now=LATER + dt.timedelta(days=1))
    problems = [str(p) for p in report.problems]
    assert any("page-02.txt" in p for p in problems), problems
    assert any("last stored text" in p for p in problems), problems
    assert statuses(out) == before
    assert feed_text(out) == feeds
    # readable again, unchanged: nothing to do, no version 3
    (folder / "page-02.txt").write_bytes(good)
    pipeline.run_pass(settings, now=LATER + dt.timedelta(days=2))
    assert statuses(out) == before


def test_a_page_gone_from_folder_and_manifest_withdraws_its_articles_and_says_so(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    folder = sample_issue(src)
    settings = config.defaults(out, src)
    pipeline.run_pass(settings, now=LATER)
    manifest = folder / "issue.toml"
    text = manifest.read_text(encoding="utf-8")
    assert len(tomllib.loads(text)["pages"]) == 2
    manifest.write_text(text[: text.rindex("[[pages]]")], encoding="utf-8")
    (folder / "page-02.txt").unlink()
    report = pipeline.run_pass(settings, now=LATER + dt.timedelta(days=1))
    after = statuses(out)
    for ident in ON_PAGE_2:
        assert after[ident] == ("2", "stat:canceled")
    notes = [str(p) for p in (*report.problems, *report.notices)]
    for ident in ON_PAGE_2:
        assert any(ident in n and "withdrawn" in n and "page 2" in n for n in notes), notes
    for ident in CONTINUED:  # page 1 was read: the articles are there, without their continuation
        assert after[ident][1] == "stat:usable"


def test_an_article_no_longer_on_its_read_page_is_withdrawn_and_reported(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    folder = sample_issue(src)
    settings = config.defaults(out, src)
    pipeline.run_pass(settings, now=LATER)
    page = folder / "page-02.txt"
    text = page.read_text(encoding="utf-8")
    start = text.index(" 文化惠民演出进社区")
    end = text.index("节目。", start) + len("节目。\n")
    page.write_text(text[:start] + text[end:], encoding="utf-8")
    report = pipeline.run_pass(settings, now=LATER + dt.timedelta(days=1))
    assert statuses(out)["20231024-0204"] == ("2", "stat:canceled")
    notes = [str(p) for p in (*report.problems, *report.notices)]
    assert any("20231024-0204" in n and "no longer on page 2" in n for n in notes), notes
    assert "文化惠民演出进社区" not in feed_text(out)


@pytest.mark.parametrize("fault", [status_500, html_200, "404"], ids=["500", "html-200", "404"])
def test_an_e_paper_page_that_fails_keeps_its_last_stored_text(
    paper: tuple[Paper, str],  # noqa: F811
    tmp_path: Path,
    fault: object,
) -> None:
    p, base = paper
    out = tmp_path / "out"
    settings, source = source_for(base, out)
    pipeline.run_pass(settings, now=LATER, source=source)
    before = statuses(out)
    assert before and all(status == "stat:usable" for _v, status in before.values())
    page2 = f"/{DAY}/page-02.txt"
    if fault == "404":
        p.faults[page2] = lambda h: (
            h.send_response(404),
            h.send_header("Content-Length", "0"),
            h.end_headers(),
        )
    else:
        p.faults[page2] = fault  # type: ignore[assignment]
    report = pipeline.run_pass(settings, now=LATER + dt.timedelta(days=1), source=source_for(base, out)[1])
    assert any(page2 in str(x) for x in report.problems), report.problems
    assert statuses(out) == before
    assert snapshot(out)  # still published
