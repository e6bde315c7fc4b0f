"""Regular expressions compiled when first used, not when their module is imported.

Start-up is most of a small command (``syndicate articles`` on one page), and compiling the reader's
patterns was most of its start-up: a character class over the CJK ranges costs about a millisecond
to compile (``re`` marks its 28,000 code points one by one, in Python), and a Chinese page never
uses the English patterns, nor an English page the Chinese ones. ``lazyre.compile`` is
``re.compile`` for module-level patterns: ``.pattern`` is known at once (to build other patterns
from), and the first use of any other attribute (``.search``, ``.match``, ``.sub``, ``.flags``...)
compiles the pattern and puts the compiled pattern's methods on the object, so later calls go
straight to them.

A pattern first used is compiled from the pattern cache when it is there (``patterncache``: what
``re`` compiled it to in an earlier run, as byte code is kept for modules), else by ``re``.

It is a stand-in, not a ``re.Pattern``: ``isinstance`` says no and ``re.search(PATTERN, ...)``
refuses it; use the pattern's own methods (or ``PATTERN.pattern`` to build another).
"""

from __future__ import annotations

import re
from typing import Any, cast

from . import patterncache

_METHODS = ("search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer", "scanner")


class LazyPattern:
    """A pattern compiled on first use; equal to and hashed like the compiled one."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern; compiling it copies its attributes here (``.search`` then costs
        what it costs on the compiled pattern: one look-up in this object's dictionary)."""
        done = self.__dict__.get("_compiled")
        if done is None:
            done = patterncache.compile(self.pattern, self._flags)
            for name in _METHODS:
                self.__dict__[name] = getattr(done, name)
            # As the compiled pattern reports them (with the re.UNICODE that re adds for a str).
            self.__dict__.update(flags=done.flags, groups=done.groups, groupindex=done.groupindex)
            self.__dict__["_compiled"] = done
        return cast("re.Pattern[str]", done)

    def __getattr__(self, name: str) -> Any:
        # Only called for what is not on the object yet: the first use of a pattern's method.
        if name.startswith("__") or name == "_compiled":
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LazyPattern):
            other = other.compiled()
        return self.compiled() == other

    def __hash__(self) -> int:
        return hash(self.compiled())

    def __repr__(self) -> str:
        return repr(self.compiled())


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, compiled when first used (typed as the pattern it stands for)."""
    return cast("re.Pattern[str]", LazyPattern(pattern, flags))
