"""What every match of each jump marker's pattern holds (``rules.JUMP_MARKERS``, by name): the
pre-tests of ``rules.jump_in`` and ``rules.jump_out``. A new marker needs an entry here (or its
language goes without the pre-test); tests/reading/test_text_fast.py checks every entry."""

from __future__ import annotations

# What every match of a jump marker's pattern holds, lower-cased, by marker name (a jump-in's
# anywhere in the line, a jump-out's in the last characters, where it is searched): the English
# needles ("S", "ee", "on", "ag") are in most lines, these in few (a page word, a label's digit, a
# from). Substring tests: ``re`` scans an alternation of literals at every position, several times
# slower (a class of single characters it scans fast: a language whose needles are all single
# characters, Chinese, skips them). A marker without an entry turns them off for its language
# (test_text_fast checks every entry).
_PAGE_OR_SECTION = ("pag", "paq", *"0123456789")  # page 4, back page, A6, 6A (english_jumps' _TARGET)
JUMP_HOLDS: dict[str, tuple[str, ...]] = {
    "下转": ("版",),
    "转A02": ("转", "接"),
    "上接": ("接", "承", "续"),
    "接A01": ("接", "承", "续"),
    "Continued on": _PAGE_OR_SECTION,
    "See KEYWORD": _PAGE_OR_SECTION,
    "Please see": _PAGE_OR_SECTION,
    "Please see, garbled": ("pag", "paq"),
    "Continued from": ("from",),  # [fF][rR][oO][mM]
    "From page": ("from", "pag", "paq"),  # From A1, From back page; rotn page 1, Frontpage*
    "From front page": ("from",),
}
