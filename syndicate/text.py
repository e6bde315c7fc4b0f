"""Small text helpers shared by the reading stages: joining wrapped lines, closing up letter-spacing."""

from __future__ import annotations

import operator
import re
import sys
from array import array

from . import lazyre, xmlchars
from .english import word_set
from .rules import NUMERAL, WIDE

_WIDE_CHAR = lazyre.compile(f"[{WIDE}]")
# Spaces between two wide characters: ``(?<=[WIDE])[SPACE]+(?=[WIDE])`` written to open with the
# space class (the same matches, one space then the look-behind over it and the rest of the run), so
# that ``re`` scans for a space in C instead of trying the look-behind at every character.
_SPACE = "[ \u3000\u00a0]"
_CJK_SPACE = lazyre.compile(f"{_SPACE}(?<=[{WIDE}]{_SPACE}){_SPACE}*(?=[{WIDE}])")
_MULTI_SPACE = lazyre.compile(r"[ \t]{2,}")


_WIDE_LOW = frozenset(_WIDE_CHAR.findall("".join(map(chr, range(0x2E80)))))  # one scan, not 11904 matches


# Characters ``is_wide`` says yes to, as one class: a run of them is told in one match.
_ALL_WIDE = lazyre.compile(
    "[\u2e80-\u9fff\uff00-\uffef\uf900-\ufaff" + "".join(map(re.escape, sorted(_WIDE_LOW))) + "]*"
)


_CHAR_CLASSES: dict[frozenset[str], re.Pattern[str]] = {}


def char_class(chars: frozenset[str]) -> re.Pattern[str]:
    """One character class of ``chars``, compiled once for each set: ``.search(text, 0, 8)`` tells
    in C what ``not chars.isdisjoint(text[:8])`` tells by making and hashing a string per character."""
    found = _CHAR_CLASSES.get(chars)
    if found is None:
        found = _CHAR_CLASSES[chars] = re.compile("[" + "".join(map(re.escape, sorted(chars))) + "]")
    return found


def is_wide(ch: str) -> bool:
    """CJK or full-width: joined to a neighbour without a space (range tests: this runs per line)."""
    return (
        "\u2e80" <= ch <= "\u9fff"
        or "\uff00" <= ch <= "\uffef"
        or "\uf900" <= ch <= "\ufaff"
        or ch in _WIDE_LOW
    )


def join(left: str, right: str) -> str:
    """Join two wrapped pieces: nothing between CJK, one space between Latin words or numbers."""
    left, right = left.rstrip(), right.lstrip()
    if not left or not right:
        return left + right
    if is_wide(left[-1]) or is_wide(right[0]):
        return left + right
    if left.endswith("-") and left[-2:-1].isalpha() and right[0].islower():
        return left[:-1] + right  # a word hyphenated at the line end
    return f"{left} {right}"


_LAST = operator.itemgetter(-1)


def join_all(pieces: list[str]) -> str:
    """``join`` folded over a paragraph's wrapped pieces, the same text without rebuilding it per piece."""
    # Most paragraphs hold no hyphen at all: one scan of their text rules the fold out.
    if "-" in "".join(pieces) and any(piece.rstrip().endswith("-") for piece in pieces):
        raw = ""  # a hyphenated line end (rare in indent-marked text): the fold itself
        for piece in pieces:
            raw = join(raw, piece)
        return raw
    texts = list(filter(None, map(str.strip, pieces[:-1])))  # (filter and map: no loop in Python)
    final = pieces[-1].lstrip() if pieces else ""
    if final:
        texts.append(final)
    if _ALL_WIDE.fullmatch("".join(map(_LAST, texts[:-1]))):
        return "".join(texts)  # every piece but the last ends wide (most CJK text): nothing between
    out = texts[:1]
    for left, right in zip(texts, texts[1:], strict=False):
        out.append(right if is_wide(left[-1]) or is_wide(right[0]) else " " + right)
    return "".join(out)


def close_up(text: str) -> str:
    """Remove letter-spacing between CJK characters (justified lines); keep spaces around Latin."""
    text = xmlchars.clean(text)
    if " " in text or "\u3000" in text or "\t" in text or "\u00a0" in text:  # most lines have none
        text = _CJK_SPACE.sub("", text)
        if "  " in text or "\t" in text:  # what a run of two or more spaces and tabs holds
            text = _MULTI_SPACE.sub(" ", text)
    return text.strip()


def opening(text: str, reach: int = 12) -> str:
    """``close_up(text)``, or its first ``reach`` characters when they hold no space: what a pattern
    anchored at the start reading fewer (or a run of numerals, cut off here: then all) is shown,
    without closing up the whole paragraph."""
    head = text.lstrip()[:reach]
    if (
        len(head) < reach
        or " " in head
        or not head.isprintable()
        or head[-1].isdecimal()
        or head[-1] in NUMERAL
    ):
        return close_up(text)
    return head  # (no space or unprintable character in it: close_up removes none there)


_NOT_WORD = lazyre.compile(r"[\W_]")  # one class, not the alternation [^\w]|_: the same characters


def bigrams(text: str) -> set[str]:
    """Character bigrams of the CJK/alphanumeric content: the evidence for similarity."""
    chars = _NOT_WORD.sub("", text)
    return set(map(operator.add, chars, chars[1:]))  # each character with the next, in C


_UTF32 = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"  # as the machine reads numbers


def bigram_codes(text: str) -> set[int]:
    """``bigrams`` as numbers, one for each pair of characters (the second's code point in the high
    half): as many, and as many in common between two texts, made without a string per pair."""
    chars = _NOT_WORD.sub("", text)
    if len(chars) < 2:
        return set()
    # Each character as four bytes: the 8-byte numbers of the text from its first character and
    # from its second are the pairs that start at an even and at an odd position.
    data = chars.encode(_UTF32, "surrogatepass")
    even, odd = array("Q"), array("Q")
    even.frombytes(data[: len(data) // 8 * 8])
    odd.frombytes(data[4 : 4 + (len(data) - 4) // 8 * 8])
    out = set(even)
    out.update(odd)
    return out


def trigrams(text: str) -> set[str]:
    chars = _NOT_WORD.sub("", text)
    return {chars[i : i + 3] for i in range(len(chars) - 2)}


_WORD = lazyre.compile(r"[a-z][a-z’'\-]{2,}")
_STOPWORDS = word_set(
    """the and for that with from this have has had was were are been said says will would could about
    after before into over than then they them their there which what when where while who also more
    most other some such only very just its his her she him our you your not but all"""
)


def words(text: str) -> set[str]:
    """Content words of Latin-script text, lower-cased: the evidence for similarity in English."""
    return {w for w in _WORD.findall(text.lower()) if w not in _STOPWORDS}
