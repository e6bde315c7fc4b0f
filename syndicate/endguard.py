"""A pattern whose every match ends at the text's end, searched only when the end could hold one.

``search`` of a pattern anchored at the end (``…\\s*$``) still tries every start position of the
text, about 11 us for a paragraph; most paragraphs end in a way no match can (``。``), which a
look at their last characters tells in a fraction of a microsecond.
"""

from __future__ import annotations

import re
from typing import Any, cast

from . import lazyre


class EndGuarded:
    """``pattern``, tried only on texts whose last character (trailing whitespace aside) is one
    of ``last`` or whose last ``reach`` characters hold one of ``near``, as every match's do (tests
    in ``tests/reading/test_text_fast.py`` check it). Other attributes are the pattern's."""

    def __init__(self, pattern: re.Pattern[str], last: str, near: str, reach: int) -> None:
        self.guarded = pattern
        self._last = frozenset(last)
        self._near = lazyre.compile("[" + re.escape(near) + "]" if near else "(?!)")
        self._reach = reach

    def could_match(self, text: str) -> bool:
        end = text.rstrip()
        return end[-1:] in self._last or self._near.search(end, len(end) - self._reach) is not None

    def search(self, text: str) -> re.Match[str] | None:
        return self.guarded.search(text) if self.could_match(text) else None

    def match(self, text: str) -> re.Match[str] | None:
        return self.guarded.match(text) if self.could_match(text) else None

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.guarded.fullmatch(text) if self.could_match(text) else None

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.guarded, name)


def at_end(pattern: re.Pattern[str], last: str, near: str = "", reach: int = 0) -> re.Pattern[str]:
    """``pattern`` guarded (typed as the pattern it stands for, as ``lazyre.compile``)."""
    return cast("re.Pattern[str]", EndGuarded(pattern, last, near, reach))
