"""What ``re`` compiled a pattern to, kept between runs as Python keeps a module's byte code.

``re`` compiles in Python, and a character class over the CJK ranges takes about a millisecond:
the patterns one Chinese page uses cost 20 ms or more at every start of a command that reads it,
several times the reading itself. ``compile`` looks the pattern up in a file of the program
``re``'s compiler made for it in an earlier run and builds the pattern object from that program,
exactly as ``re`` does after compiling (``_sre.compile``); a pattern not in the file is compiled by
``re`` and, when the program rebuilt from its parts equals what ``re`` returned, added to the file
when the process ends.

The file sits in ``__pycache__`` beside this module, named for the interpreter and its regular
expression engine (``cache_tag``, the exact version, ``_sre.MAGIC``), and is written, like byte
code, only where it can be and unless ``sys.dont_write_bytecode`` (PYTHONDONTWRITEBYTECODE) says not to. It is only
ever a shortcut: a missing, unreadable or damaged file, an interpreter without these internals, or
an entry the engine refuses, and the pattern is compiled by ``re`` as it would be without it.
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import re
import sys
from array import array
from typing import Any

try:  # the engine and compiler re itself uses (CPython); without them every pattern goes to re
    import _sre  # type: ignore[import-not-found]  # no stubs: private, as are the two below
    from re import _compiler, _parser  # type: ignore[attr-defined]

    MAGIC: int | None = _sre.MAGIC
except (ImportError, AttributeError):  # pragma: no cover - another interpreter
    MAGIC = None

_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "__pycache__")
FILE = os.path.join(_DIR, f"patterns.{sys.implementation.cache_tag}-{sys.hexversion:x}-{MAGIC}.marshal")
MAX_ENTRIES = 400  # a file grown past this (patterns edited over time) starts again from one run's

# (pattern, flags) -> (flags, code, groups, groupindex, indexgroup): _sre.compile's arguments, the
# code (a list of ints) as the bytes of an array of unsigned ints
Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
_entries: dict[tuple[str, int], Entry] | None = None
_made: dict[tuple[str, int], Entry] = {}  # compiled by re in this run (to be added to the file)
_used: dict[tuple[str, int], Entry] = {}  # every entry this run used or made
_writable: bool | None = None  # whether the file may be written (see _can_save)


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the program kept in the cache file when it is there."""
    flags = int(flags)  # re.ASCII is a RegexFlag: the file holds plain numbers
    key = (pattern, flags)
    entry = _kept().get(key)
    if entry is not None:
        try:
            kept = _build(pattern, entry)
            _used[key] = entry
            return kept
        except Exception:  # a damaged or stale entry: compile it as re would
            pass
    compiled = re.compile(pattern, flags)
    made = _program(pattern, flags) if MAGIC is not None and not flags & re.DEBUG and _can_save() else None
    if made is not None and _same(_build(pattern, made), compiled):
        if not _made:
            atexit.register(save)
        _made[key] = _used[key] = made
    return compiled


def _build(pattern: str, entry: Entry) -> re.Pattern[str]:
    """What ``re._compiler.compile`` returns, from the arguments it gives the engine."""
    flags, code, groups, groupindex, indexgroup = entry
    built: re.Pattern[str] = _sre.compile(
        pattern, flags, array("I", code).tolist(), groups, groupindex, indexgroup
    )
    return built


def _same(rebuilt: re.Pattern[str], compiled: re.Pattern[str]) -> bool:
    # == compares the flags, the pattern and the programs; the groups' names are not in the program.
    return (
        rebuilt == compiled
        and rebuilt.groups == compiled.groups
        and rebuilt.groupindex == compiled.groupindex
    )


def _can_save() -> bool:
    """Whether this run may write the file: else nothing is computed for it (a read-only
    installation, PYTHONDONTWRITEBYTECODE: each run compiles what it uses, once)."""
    global _writable
    if _writable is None:
        folder = _DIR if os.path.isdir(_DIR) else os.path.dirname(_DIR)
        _writable = not sys.dont_write_bytecode and os.access(folder, os.W_OK)
    return _writable


def _program(pattern: str, flags: int) -> Entry | None:
    """The arguments ``re._compiler.compile`` passes to ``_sre.compile`` for this pattern."""
    try:
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        return (
            int(flags | parsed.state.flags),
            array("I", code).tobytes(),  # as bytes: marshal reads a list of ints 30x slower
            parsed.state.groups - 1,
            groupindex,
            tuple(indexgroup),
        )
    except Exception:  # internals of another version: no entry, re compiles
        return None


def _kept() -> dict[tuple[str, int], Entry]:
    global _entries
    if _entries is None:
        _entries = _read()
    return _entries


def _read() -> dict[tuple[str, int], Entry]:
    if MAGIC is None:
        return {}
    try:
        with open(FILE, "rb") as f:
            data: Any = marshal.load(f)
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return data if isinstance(data, dict) else {}


def save() -> None:
    """Add this run's newly compiled patterns to the file (at exit; temporary file, then rename)."""
    global _entries
    if not _made or sys.dont_write_bytecode:
        return
    merged = {**_read(), **_made}  # another process may have added its own since this one read it
    if len(merged) > MAX_ENTRIES:
        merged = dict(_used)
    tmp = f"{FILE}.{os.getpid()}.tmp"
    try:
        os.makedirs(_DIR, exist_ok=True)
        with open(tmp, "wb") as f:
            marshal.dump(merged, f)
        os.replace(tmp, FILE)
    except (OSError, ValueError):  # read-only (patterns are compiled at each start, as before)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return
    _entries = merged
    _made.clear()
