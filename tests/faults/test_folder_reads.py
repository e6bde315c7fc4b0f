"""Issue 10 row 9: the drop folder reads only what it should.

A manifest naming ``../../syndicate.toml`` or ``/etc/passwd``, a symlink out of the drop folder,
a FIFO, a device, a page over the size cap and a page named with non-ASCII digits (``page-١.txt``)
are each refused with the file's name; the rest of the issue is published, and nothing of the
refused files reaches the output.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from support.faults import DAY, LATER, run_cli, run_process, sample_page, snapshot, write_issue

from syndicate import config, pipeline
from syndicate.errors import SourceError
from syndicate.sources.folder import read_issue_dir
from syndicate.sources.localfile import ReadLimits, read_capped

SECRET = "token_sha256 = 'SECRETMARK0123456789abcdef' # 要闻 综合 文化 记者 报道\n" * 40


def _manifest(folder: Path, files: dict[int, str]) -> None:
    tables = "".join(f'[[pages]]\nnumber = {n}\nfile = "{f}"\n\n' for n, f in files.items())
    (folder / "issue.toml").write_text(f"date = {DAY.isoformat()}\n\n{tables}", encoding="utf-8")


def _published_text(out: Path) -> str:
    return "\n".join(data.decode("utf-8", "replace") for data in snapshot(out).values())


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "syndicate.toml"
    path.write_text(SECRET, encoding="utf-8")
    return path


def test_manifest_file_outside_the_issue_folder_is_refused(tmp_path: Path, secret: Path) -> None:
    drop = tmp_path / "drop" / "inbox"
    folder = write_issue(drop, DAY, {1: sample_page(1)})
    _manifest(folder, {1: "page-01.txt", 2: "../../../syndicate.toml", 3: str(secret), 4: "/etc/passwd"})
    out = tmp_path / "out"
    result = run_cli(["run", "--source", str(drop), "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    for n, named in ((2, "../../../syndicate.toml"), (3, str(secret)), (4, "/etc/passwd")):
        assert f"issue.toml: pages[{n}]: file = {named!r} refused" in result.stderr
    published = _published_text(out)
    assert "SECRETMARK" not in published and "root:" not in published
    assert "要闻" in published or "第一版" in published  # page 1 went out


def test_symlink_leaving_the_drop_folder_is_refused(tmp_path: Path, secret: Path) -> None:
    drop = tmp_path / "drop"
    folder = write_issue(drop, DAY, {1: sample_page(1)})
    (folder / "page-02.txt").symlink_to(secret)
    issue = read_issue_dir(folder, root=drop)
    assert [p.number for p in issue.pages] == [1]
    assert any("page-02.txt: page refused: it leads outside the drop folder" in p for p in issue.problems)


def test_symlink_inside_the_drop_folder_is_read(tmp_path: Path) -> None:
    drop = tmp_path / "drop"
    write_issue(drop, DAY.replace(day=23), {2: sample_page(2)})
    folder = write_issue(drop, DAY, {1: sample_page(1)})
    (folder / "page-02.txt").symlink_to(drop / "2023-10-23" / "page-02.txt")
    issue = read_issue_dir(folder, root=drop)
    assert [p.number for p in issue.pages] == [1, 2] and not issue.problems


def test_issue_folder_linked_from_outside_is_refused(tmp_path: Path) -> None:
    elsewhere = write_issue(tmp_path / "elsewhere", DAY, {1: sample_page(1)})
    drop = tmp_path / "drop"
    drop.mkdir()
    (drop / DAY.isoformat()).symlink_to(elsewhere)
    with pytest.raises(SourceError, match="leads outside the drop folder"):
        read_issue_dir(drop / DAY.isoformat(), root=drop)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_does_not_hang_the_pass(tmp_path: Path) -> None:
    drop = tmp_path / "drop"
    folder = write_issue(drop, DAY, {1: sample_page(1)})
    os.mkfifo(folder / "page-02.txt")  # nobody ever writes to it: opening it blocking would wait forever
    out = tmp_path / "out"
    done = run_process(["run", "--source", str(drop), "--out", str(out)], timeout=60)
    assert done.returncode == 0, done.stderr
    assert "page-02.txt: page refused: a FIFO, not a regular file" in done.stderr
    assert (out / "public" / "all.rss.xml").is_file()


def test_a_device_is_refused_by_type_not_read() -> None:
    # /dev/zero would fill memory; the cap is set high so that only the type check can stop it.
    with pytest.raises(SourceError, match="/dev/zero: page refused: a character device"):
        read_capped(Path("/dev/zero"), Path("/dev"), 1 << 40)


def test_page_over_the_cap_is_refused_naming_the_key(tmp_path: Path) -> None:
    drop = tmp_path / "drop"
    cap = len(sample_page(1).encode("utf-8"))  # page 1 is exactly at the cap: read
    big = sample_page(2).encode("utf-8")
    folder = write_issue(drop, DAY, {1: sample_page(1), 2: big * (cap // len(big) + 1)})
    issue = read_issue_dir(folder, limits=ReadLimits(max_page_bytes=cap))
    assert [p.number for p in issue.pages] == [1]
    assert any("page-02.txt: page refused:" in p and "source.max_page_bytes" in p for p in issue.problems)


def test_the_page_cap_is_a_configuration_key(tmp_path: Path) -> None:
    drop = tmp_path / "drop"
    write_issue(drop, DAY, {1: sample_page(1), 2: "　　" + "本报讯 新区举办活动。" * 2000})
    settings = config.parse(
        {"source": {"path": str(drop), "max_page_bytes": 16384}, "output": {"dir": str(tmp_path / "out")}},
        tmp_path,
    )
    report = pipeline.run_pass(settings, now=LATER)
    assert any("page-02.txt" in p and "source.max_page_bytes" in p for p in report.problems)
    with pytest.raises(config.ConfigError, match="source.max_page_bytes"):
        config.parse({"source": {"max_page_bytes": "16 MiB"}}, tmp_path)


def test_page_names_take_ascii_digits_only(tmp_path: Path) -> None:
    drop = tmp_path / "drop"
    folder = write_issue(drop, DAY, {1: sample_page(1)})
    (folder / "page-١.txt").write_text(sample_page(2), encoding="utf-8")  # Arabic-Indic one
    (folder / "page-０２.txt").write_text(sample_page(2), encoding="utf-8")  # full-width
    issue = read_issue_dir(folder)
    assert [(p.number, p.text) for p in issue.pages] == [(1, sample_page(1))]


def test_manifest_page_numbers_take_ascii_digits_only(tmp_path: Path) -> None:
    folder = write_issue(tmp_path / "drop", DAY, {1: sample_page(1), 2: sample_page(2)})
    (folder / "issue.toml").write_text(
        '[[pages]]\nnumber = 1\nfile = "page-01.txt"\n\n[[pages]]\nnumber = "١"\nfile = "page-02.txt"\n',
        encoding="utf-8",
    )
    with pytest.raises(SourceError, match=r"issue.toml: pages\[2\]: each \[\[pages\]\] needs number"):
        read_issue_dir(folder)


def test_date_folders_take_ascii_digits_only(tmp_path: Path) -> None:
    drop = tmp_path / "drop"
    write_issue(drop, DAY, {1: sample_page(1)})
    (drop / "٢٠٢٣-١٠-٢٥").mkdir()
    (drop / "٢٠٢٣-١٠-٢٥" / "page-01.txt").write_text(sample_page(2), encoding="utf-8")
    settings = config.defaults(tmp_path / "out", drop)
    report = pipeline.run_pass(settings, now=LATER)
    assert report.issues_seen == 1
    assert any("٢٠٢٣-١٠-٢٥: not an issue" in p for p in report.problems)
