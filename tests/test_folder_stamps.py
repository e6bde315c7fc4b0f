"""Unchanged issue folders are known by their files' names, sizes and times, and not read again.

Passes run in-process over drop folders of the sample issue; reading is counted by wrapping the
folder source's ``read_issue_dir``. ``SETTLED_NS`` is set to 0 (files count as settled at once)
except in the test of a file that has just changed.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from faults.support import DAY, LATER, drop_folder, sample_issue

from syndicate import config, pipeline
from syndicate.sources import folder, stamps
from syndicate.store.sqlite import SqliteStore


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = folder.read_issue_dir

    def counting(path: Path, *args: Any, **kwargs: Any) -> Any:
        seen.append(path.name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(folder, "read_issue_dir", counting)
    monkeypatch.setattr(stamps, "SETTLED_NS", 0)
    return seen


def run(src: Path, out: Path, **kw: Any) -> pipeline.PassReport:
    return pipeline.run_pass(config.defaults(out, src), now=LATER, **kw)


def test_a_second_pass_reads_only_the_new_folder(tmp_path: Path, reads: list[str]) -> None:
    src = drop_folder(tmp_path / "src", 3, DAY)
    first = run(src, tmp_path / "out")
    assert len(reads) == 3 and first.issues_new == 3
    reads.clear()
    sample_issue(src, DAY + dt.timedelta(days=3))
    second = run(src, tmp_path / "out")
    assert reads == [(DAY + dt.timedelta(days=3)).isoformat()]
    assert (second.issues_seen, second.issues_new, second.issues_updated) == (4, 1, 0)


def test_a_changed_page_is_read_in_full(tmp_path: Path, reads: list[str]) -> None:
    src = drop_folder(tmp_path / "src", 2, DAY)
    run(src, tmp_path / "out")
    page = src / DAY.isoformat() / "page-02.txt"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("社区", "街道", 1), encoding="utf-8")  # same size in UTF-8
    os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns + 1_000_000_000))
    reads.clear()
    report = run(src, tmp_path / "out")
    assert reads == [DAY.isoformat()] and report.issues_updated == 1


def test_other_section_names_read_the_folders_again(tmp_path: Path, reads: list[str]) -> None:
    src = drop_folder(tmp_path / "src", 1, DAY)
    shutil.copytree(src / DAY.isoformat(), src / "tmp")
    (src / DAY.isoformat() / "issue.toml").unlink()  # pages named by the configuration
    shutil.rmtree(src / "tmp")
    run(src, tmp_path / "out")
    reads.clear()
    settings = config.override(
        config.parse({"output": {"dir": str(tmp_path / "out")}, "sections": {"1": "头版"}}, tmp_path),
        None,
        src,
    )
    pipeline.run_pass(settings, now=LATER)
    assert reads == [DAY.isoformat()]


def test_a_file_changed_just_now_gets_no_stamp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = drop_folder(tmp_path / "src", 1, DAY)
    assert stamps.folder_stamp(src / DAY.isoformat(), "") is None  # written a moment ago
    monkeypatch.setattr(stamps, "SETTLED_NS", 0)
    assert stamps.folder_stamp(src / DAY.isoformat(), "") is not None


def test_a_date_claimed_twice_still_takes_the_later_folder(tmp_path: Path, reads: list[str]) -> None:
    src = drop_folder(tmp_path / "src", 1, DAY)
    run(src, tmp_path / "out")
    later = src / "2023-10-31"  # a second folder whose manifest also says 2023-10-24
    shutil.copytree(src / DAY.isoformat(), later)
    page = later / "page-02.txt"
    page.write_text(page.read_text(encoding="utf-8") + "\n　　补充一段。\n", encoding="utf-8")
    for _ in range(2):  # and again: the two must not take turns at making new versions
        report = run(src, tmp_path / "out")
        assert any("delivered twice" in str(p) for p in report.problems)
    assert report.issues_updated == 0
    items = (tmp_path / "out" / "newsml" / DAY.isoformat()).glob("*.xml")
    assert any("补充一段" in p.read_text(encoding="utf-8") for p in items)  # the later folder's text
    shutil.rmtree(later)  # only the first folder is left: its content again, though its stamp is old
    assert run(src, tmp_path / "out").issues_updated == 1


def test_new_folders_are_read_one_at_a_time(
    tmp_path: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first run over many folders holds one issue's pages at a time: each folder is read when
    the pass takes it, after the one before is stored (not all read before the first is stored)."""
    src = drop_folder(tmp_path / "src", 3, DAY)
    stored = pipeline._store_issue

    def storing(settings: Any, store: Any, issue: Any, *rest: Any) -> None:
        reads.append(f"stored {issue.date}")
        stored(settings, store, issue, *rest)

    monkeypatch.setattr(pipeline, "_store_issue", storing)
    report = run(src, tmp_path / "out")
    days = [(DAY + dt.timedelta(days=n)).isoformat() for n in range(3)]
    assert reads == [step for day in days for step in (day, f"stored {day}")]
    assert report.issues_new == 3


def test_the_stamps_of_every_folder_are_read_in_one_query(
    tmp_path: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A nightly run looks at every folder of a drop folder growing by one a day: their stamps
    come from the store at once, not one settings look-up per folder."""
    src = drop_folder(tmp_path / "src", 3, DAY)
    run(src, tmp_path / "out")
    looked_up: list[str] = []
    for name in ("setting", "settings_under"):
        real = getattr(SqliteStore, name)

        def counting(self: Any, key: str, real: Any = real) -> Any:
            looked_up.append(key)
            return real(self, key)

        monkeypatch.setattr(SqliteStore, name, counting)
    reads.clear()
    report = run(src, tmp_path / "out")
    assert reads == [] and report.issues_seen == 3
    assert [k for k in looked_up if k.startswith("folder-stamp")] == ["folder-stamp:"]


def test_unchanged_folders_are_checked_against_the_store_in_one_read(
    tmp_path: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each unchanged folder's recorded content is compared with what the store holds for its
    date: every stored hash is read at once, not one query per folder of the drop folder."""
    src = drop_folder(tmp_path / "src", 3, DAY)
    run(src, tmp_path / "out")
    calls: list[str] = []
    for name in ("issue_hash", "issue_hashes"):
        real = getattr(SqliteStore, name)

        def counting(self: Any, *args: Any, real: Any = real, name: str = name) -> Any:
            calls.append(name)
            return real(self, *args)

        monkeypatch.setattr(SqliteStore, name, counting)
    reads.clear()
    report = run(src, tmp_path / "out")
    assert reads == [] and report.issues_seen == 3 and report.issues_new == report.issues_updated == 0
    assert calls == ["issue_hashes"]


def test_the_drop_folder_is_listed_without_a_stat_per_folder(
    tmp_path: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The root's listing tells folders from files (scandir's file types), so the nightly look at
    every folder costs no ``is_dir`` of each; a stray file is still reported, a symlink to a folder
    taken for one (and refused, as it leads outside)."""
    src = drop_folder(tmp_path / "src", 2, DAY)
    (src / "2023-11-01").write_text("not a folder", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (src / "2023-11-02").symlink_to(tmp_path / "elsewhere")
    asked: list[Path] = []
    real = Path.is_dir

    def counting(self: Path) -> bool:
        asked.append(self)
        return real(self)

    monkeypatch.setattr(Path, "is_dir", counting)
    source = folder.FolderSource(src)
    source.stamps = SqliteStore(tmp_path / "store.db")  # nothing recorded: each folder pending
    got = list(source.issues())
    assert [p for p in asked if p.parent == src] == []
    assert [type(g).__name__ for g in got] == ["Pending", "Pending", "SourceError", "SourceError"]
    assert "not an issue" in str(got[2]) and "leads outside the drop folder" in str(got[3])


def _aged(folder: Path) -> None:
    """Everything under ``folder`` written a minute ago (a change now is never within its tick)."""
    for path in (*folder.rglob("*"), folder):
        st = path.stat()
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns - 60_000_000_000))


def test_an_unchanged_folder_is_looked_at_without_a_listing(
    tmp_path: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The nightly look at every folder of the drop folder stats what was recorded (the folder
    itself and each file) and lists none of them: only the drop folder is listed."""
    src = drop_folder(tmp_path / "src", 3, DAY)
    run(src, tmp_path / "out")
    listed: list[str] = []
    real = os.scandir

    def counting(path: Any = ".") -> Any:
        listed.append(os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", counting)
    reads.clear()
    report = run(src, tmp_path / "out")
    assert reads == [] and report.issues_seen == 3
    assert [p for p in listed if p.startswith(str(src))] == [str(src)]


@pytest.mark.parametrize("change", ["added", "removed", "swapped", "in a subfolder", "in a new subfolder"])
def test_a_folder_whose_entries_changed_is_read_in_full(
    tmp_path: Path, reads: list[str], change: str
) -> None:
    """Whatever changed under a folder (a file added, removed, two files' names swapped, a file of
    a subfolder written in place, a file in a new subfolder), the look without a listing finds it
    and the folder is read."""
    src = drop_folder(tmp_path / "src", 2, DAY)
    folder_ = src / DAY.isoformat()
    (folder_ / "scans").mkdir()
    (folder_ / "scans" / "note.txt").write_text("第一版扫描", encoding="utf-8")
    _aged(folder_)
    run(src, tmp_path / "out")
    if change == "added":
        (folder_ / "page-09.txt").write_text("　　补充一段。\n", encoding="utf-8")
    elif change == "removed":
        (folder_ / "scans" / "note.txt").rename(tmp_path / "note.txt")
        (folder_ / "scans").rmdir()
    elif change == "swapped":
        (folder_ / "page-01.txt").rename(folder_ / "swap")
        (folder_ / "page-02.txt").rename(folder_ / "page-01.txt")
        (folder_ / "swap").rename(folder_ / "page-02.txt")
    elif change == "in a subfolder":
        (folder_ / "scans" / "note.txt").write_text("第二版扫描", encoding="utf-8")  # same size
    else:
        (folder_ / "scans" / "more").mkdir()
        (folder_ / "scans" / "more" / "note.txt").write_text("第三版扫描", encoding="utf-8")
    reads.clear()
    run(src, tmp_path / "out")
    assert reads == [DAY.isoformat()]
    reads.clear()
    run(src, tmp_path / "out")  # recorded anew: not read again
    assert reads == []


def test_a_record_without_its_entries_reads_the_folder_once(tmp_path: Path, reads: list[str]) -> None:
    """A stamp recorded before the entries were kept with it: the folder is read once more and
    recorded anew, never taken as unchanged."""
    src = drop_folder(tmp_path / "src", 1, DAY)
    run(src, tmp_path / "out")
    with SqliteStore(tmp_path / "out" / "state" / "syndicate.sqlite") as store:
        key = next(iter(store.settings_under("folder-stamp:")))
        old = store.settings_under(key)[key]
        store.set_setting(key, old.rsplit(" ", 1)[0])  # stamp, date, content hash only
    reads.clear()
    run(src, tmp_path / "out")
    assert reads == [DAY.isoformat()]
    reads.clear()
    run(src, tmp_path / "out")
    assert reads == []
