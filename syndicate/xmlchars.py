"""The one rule for characters XML cannot carry: used by the reader, the renderers and ``serve``.

XML 1.0 forbids C0 controls other than tab/newline/CR, lone surrogates and U+FFFE/U+FFFF; C1
controls are allowed but are always debris of a bad extraction, and feed validators flag them.
"""

from __future__ import annotations

from . import lazyre

INVALID = lazyre.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """``text`` without the characters XML cannot carry (or that only a broken extraction produces)."""
    if text.isprintable():  # every character INVALID names is unprintable: most texts, in C, 2x faster
        return text
    return INVALID.sub("", text) if INVALID.search(text) else text
