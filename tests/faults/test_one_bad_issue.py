"""Row 5 (issue 10): a pass reads, stores and publishes each issue on its own.

Three issues in the drop folder; one of them meets an error while it is read (a reader bug on
one page), stored (the store refuses it) or rendered (a renderer fails on one of its articles).
Before the fix the first and last killed the pass with a traceback and the second failed it
whole (exit 1, nothing published). Now that issue is a problem naming its file or date; every
other issue is published; the exit status is 0, or 1 with ``--strict``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from support.faults import drop_folder, error_lines, run_cli

from syndicate import segment
from syndicate.errors import PublishError
from syndicate.publish import newsml

FIRST = dt.date(2023, 10, 1)
BAD = FIRST + dt.timedelta(days=1)
GOOD = (FIRST, FIRST + dt.timedelta(days=2))


def break_reading(monkeypatch: pytest.MonkeyPatch) -> str:
    split = segment.split
    calls = {"n": 0}

    def failing(page: int, blocks: Any, *args: Any) -> Any:
        text = "".join(b.text for b in blocks)
        if page == 2 and "10月2日" in text:
            raise IndexError("list index out of range")  # a reader bug on one page
        calls["n"] += 1
        return split(page, blocks, *args)

    monkeypatch.setattr(segment, "split", failing)
    return str(BAD)


def break_store(monkeypatch: pytest.MonkeyPatch) -> str:
    cls = _store_class()
    save = cls.save_issue

    def failing(self: Any, issue: Any, reading: Any, now: Any, *args: Any, **kw: Any) -> Any:
        if issue.date == BAD:
            raise PublishError(f"issue {BAD}: two articles with the id '{BAD:%Y%m%d}-0201'")
        return save(self, issue, reading, now, *args, **kw)

    monkeypatch.setattr(cls, "save_issue", failing)
    return str(BAD)


def _store_class() -> Any:
    from syndicate.store.sqlite import SqliteStore

    return SqliteStore


def break_rendering(monkeypatch: pytest.MonkeyPatch) -> str:
    render = newsml.render_item

    def failing(site: Any, item: Any, **kw: Any) -> bytes:
        if item.date == BAD and item.id.endswith("0201"):
            raise ValueError("All strings must be XML compatible")
        return render(site, item, **kw)

    monkeypatch.setattr(newsml, "render_item", failing)
    return f"{BAD}/{BAD:%Y%m%d}-0201"


@pytest.mark.parametrize(
    "stage", [break_reading, break_store, break_rendering], ids=["read", "store", "render"]
)
@pytest.mark.parametrize("strict", [False, True], ids=["default", "strict"])
def test_one_bad_issue_is_reported_and_every_other_is_published(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stage: Any, strict: bool
) -> None:
    src, out = drop_folder(tmp_path / "src", 3, FIRST), tmp_path / "out"
    where = stage(monkeypatch)
    result = run_cli(["run", "--source", str(src), "--out", str(out), *(["--strict"] if strict else [])])
    assert result.exit_code == (1 if strict else 0), result.stderr
    assert "Traceback" not in result.stderr
    lines = error_lines(result.stderr)
    assert any(where in line for line in lines), lines
    for day in GOOD:
        pages = list((out / "public" / "articles" / day.isoformat()).glob("*.html"))
        assert len(pages) == 5, day
        assert (out / "newsml" / day.isoformat() / "issue.xml").is_file()
    index = (out / "public" / "index.html").read_text(encoding="utf-8")
    assert "10月3日" in index or "2023-10-03" in index
