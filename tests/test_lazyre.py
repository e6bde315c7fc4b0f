"""Patterns compiled on first use (lazyre) and from the programs kept by an earlier run (patterncache)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

import syndicate.pipeline  # noqa: F401 - every module of the reader, with its patterns
from syndicate import lazyre, patterncache


def reader_patterns() -> list[lazyre.LazyPattern]:
    found = {
        id(value): value
        for name, module in list(sys.modules.items())
        if name.startswith("syndicate")
        for value in vars(module).values()
        if isinstance(value, lazyre.LazyPattern)
    }
    return list(found.values())


@pytest.fixture
def cache_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """patterncache with an empty state and its file in tmp_path, written as outside PYTHONDONTWRITEBYTECODE."""
    file = tmp_path / "__pycache__" / "patterns.marshal"
    monkeypatch.setattr(patterncache, "FILE", str(file))
    monkeypatch.setattr(patterncache, "_DIR", str(file.parent))
    monkeypatch.setattr(patterncache, "_entries", None)
    monkeypatch.setattr(patterncache, "_made", {})
    monkeypatch.setattr(patterncache, "_used", {})
    monkeypatch.setattr(patterncache, "_writable", None)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return file


def fresh_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """As a new process starts: nothing read from the file yet, nothing compiled."""
    monkeypatch.setattr(patterncache, "_entries", None)
    monkeypatch.setattr(patterncache, "_made", {})
    monkeypatch.setattr(patterncache, "_used", {})


def test_a_lazy_pattern_compiles_on_first_use_and_answers_as_the_compiled_one() -> None:
    byline = lazyre.LazyPattern(r"^(?P<role>记者|通讯员)\s*(?P<name>\S{2,3})$")
    assert byline.pattern.startswith("^(?P<role>") and "_compiled" not in vars(byline)
    compiled = re.compile(byline.pattern)
    m = byline.match("记者 王小明")
    assert m is not None and m.group("name") == "王小明" and "_compiled" in vars(byline)
    assert byline.sub("", "通讯员 李四") == compiled.sub("", "通讯员 李四")
    assert byline.flags == compiled.flags and byline.groupindex == compiled.groupindex
    assert byline == compiled and hash(byline) == hash(compiled) and repr(byline) == repr(compiled)
    assert lazyre.LazyPattern(byline.pattern) == byline


def test_a_pattern_kept_in_the_file_is_the_one_re_compiles(
    cache_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    patterns = [(p.pattern, p._flags) for p in reader_patterns()]
    assert len(patterns) > 50
    for pattern, flags in patterns:  # the first run: compiled by re, their programs kept
        patterncache.compile(pattern, flags)
    assert len(patterncache._made) == len(patterns)
    patterncache.save()
    assert cache_file.is_file()
    fresh_run(monkeypatch)
    for pattern, flags in patterns:  # the next: from the file
        kept, compiled = patterncache.compile(pattern, flags), re.compile(pattern, flags)
        assert kept == compiled  # flags, pattern and program
        assert (kept.groups, kept.groupindex) == (compiled.groups, compiled.groupindex)
    assert not patterncache._made and len(patterncache._used) == len(patterns)


def test_a_damaged_file_or_a_refused_entry_falls_back_to_re(
    cache_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dateline = r"^(?P<dateline>本报[\u4e00-\u9fff]{0,6}(?:\d{1,2}月\d{1,2}日)?讯)"
    cache_file.parent.mkdir()
    cache_file.write_bytes(b"not marshal data")
    assert (
        patterncache.compile(dateline).match("本报北京5月29日讯 今天").group("dateline")
        == "本报北京5月29日讯"
    )
    patterncache.save()  # the damaged file is replaced by this run's patterns
    fresh_run(monkeypatch)
    assert patterncache._kept()[(dateline, 0)]
    flags, code, groups, groupindex, indexgroup = patterncache._kept()[(dateline, 0)]
    patterncache._kept()[(dateline, 0)] = (flags, code[:-8], groups, groupindex, indexgroup)  # a cut program
    assert patterncache.compile(dateline) == re.compile(dateline)


def test_nothing_is_written_under_pythondontwritebytecode(
    cache_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    patterncache.compile(r"[\u4e00-\u9fff]{2,4}")
    patterncache.save()
    assert not cache_file.exists()
