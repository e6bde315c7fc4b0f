"""English jump lines as US and UK papers print them and OCR reads them: ``See SCHOOLS, Page 4``,
``Continued on Page A6``, ``Please see page 6``, ``From Page One``, ``BUDGET / From Page 1A``.

Registered in ``rules.JUMP_MARKERS`` (one entry per form); every stage finds them through
``rules.jump_out`` / ``rules.jump_in``. The patterns accept OCR's usual confusions (``Sec`` for
``See``, ``pagel`` for ``page 1``) while keeping the shape of a jump line.
"""

from __future__ import annotations

import re

from . import lazyre

# A page as jump lines print it: 4, A6, 4A, A 6 (spaced), one; OCR reads 1 as l/I, 5 as s, 8 as B, 0 as O
# (a misread label is taken only where no word follows it: ``From pages of`` is a sentence).
_LABEL = (
    r"(?P<label>[A-Za-z]?\d{1,3}[A-Za-z]?\b|(?<![A-Za-z])[A-H]\s\d{1,2}\b|(?i:one|two|three|four|five|six|seven|eight|nine|ten)\b"
    r"|[lIisSOoBgZ]\d?\b(?!\s*[a-z])|\*)"
)
_PAGE_WORD = r"[Pp][aA][gqGQ][eaocEAOC]"  # page, paga, PAGE, pagc (OCR reads e as c)
_BACK = r"(?P<back>[bhBH][aA][cC][kK]\s+" + _PAGE_WORD + ")"  # back page, hack page (OCR)
# See, Sec, Scc, Sac (OCR); Please see; (Please) turn to
_SEE = r"(?:(?:Please|PLEASE)\s+(?:see|SEE)|S[eaco][eca]|SEE|(?:(?:Please|PLEASE)\s+)?(?:[Tt]urn\s+to|TURN\s+TO))"
# The keyword of ``See SCHOOLS, Page 4`` is set in capitals (OCR reads an I as l): & ' . - / too;
# a paper that sets it in Title Case (``See Budget, Page 6A``) puts a comma or a bar after it.
_KEYWORD = r"(?P<keyword>[A-Z][A-Z0-9’'&./\-l ]{0,30}?|[A-Z][a-z]{2,20}(?=\s*[,|]))"
_BEFORE = r"(?:(?<=\s)|^|(?<=[-–—]))"  # a jump line may be run into the last line of text
# page 4 / on page 4 / back page; a section page needs no word: A6, 6A, on B2 (``See BUDGET, A6``);
# then perhaps a column.
_TARGET = (
    rf"(?:(?:on\s+)?(?:{_BACK}|{_PAGE_WORD}\s*{_LABEL})|(?:on\s+)?(?P<section>[A-H]\d{{1,2}}|\d{{1,2}}[A-H]\b))"
    r"(?:,?\s*(?:[Cc]ol(?:umn|\.)?|COL(?:UMN|\.)?)\s*\d)?"
)
_CLOSE = r"\s*[)\]]?\s*$"

# (Continued on Page 4) / Continued on page A6 / continued on back page
# Continued / Continues / CONTINUED, and OCR's Contlnued, Continucd; abbreviated as small papers
# set it in a narrow column: Contd. / Cont'd / CONT'D (``Contd. on Page 3``, ``Cont'd from Page 1``)
_CONTINUED = r"[Cc](?:[o0]nt[il1I]nu(?:[ec]d|es)|ONTINUE[DS]|[o0]nt(?:['’]d|d\.?)|ONT(?:['’]D|D\.?))"
# Continued Page 5 / CONTINUED PAGE 5: the ``on`` left out (set with a capital: a sentence's
# ``continued page after page`` is none).
CONTINUED_ON = lazyre.compile(
    rf"{_BEFORE}[(\[]?\s*(?:{_CONTINUED}\s+[oO][nN]|C(?:[o0]nt[il1I]nu[ec]d|ONTINUED))\s+{_TARGET}{_CLOSE}"
)
# See SCHOOLS, Page 4 / See MEN, back page / See BUDGET, A6 / Please see BUDGET on B2 /
# Sec COMPUTERS, page 6 / Sac CLASH, hack page (OCR)
SEE_KEYWORD = lazyre.compile(rf"{_BEFORE}[(\[]?\s*{_SEE}\s+{_KEYWORD}\s*[,|/.]?\s*{_TARGET}{_CLOSE}")
# Please see page 6 / PleaM see paga 2 (OCR) / Please see back page / See page 4 / See back page / Jump to A6
PLEASE_SEE = lazyre.compile(
    rf"{_BEFORE}[(\[]?\s*(?:P[a-zA-Z]{{3,5}}\W?\s+[a-zA-Z]{{2,3}}\s+|{_SEE}\s+|Jump\s+to\s+|JUMP\s+TO\s+){_TARGET}{_CLOSE}"
)
# (Continued from page one) / Continued from Page 1 / Continued From A1
# A jump head run into the jump line: ``SCHOOLS, from page 1``, ``BUDGET: Continued from A1``.
# ``BUDGET / From Page 1A``, ``STORM | From A1``; set in Title Case with a comma and nothing after
# the marker (``Budget, from A1``; ``Smith, from page 1 of the report`` is a sentence).
_HEAD_RUN_IN = (
    r"(?:(?P<keyword>[A-Z][A-Z0-9’'&.\- ]{1,30}?|[A-Z][a-z]{2,20}(?=\s*[:,|/]\s*(?:\S+\s*){1,5}$))"
    r"\s*[:,—–|/-]?\s+)?"
)
# (Continued from page one) / Continued from Page 1 / Continued From A1 / Jump from A1 / Contlnued (OCR)
# (Continued from back page) / From back page: the story jumped from the last page (alone
# on its line: ``From back pages of the ledger`` is a sentence).
_FROM_BACK = rf"(?:the\s+)?{_BACK}\s*[)\]]?\s*$"
CONTINUED_FROM = lazyre.compile(
    rf"^\s*{_HEAD_RUN_IN}[(\[]?\s*(?:{_CONTINUED}|[Jj]ump(?:ed)?|JUMP(?:ED)?)\s+[fF][rR][oO][mM]\s+"
    rf"(?:{_FROM_BACK}|(?:{_PAGE_WORD}\s*)?{_LABEL}\s*[)\]]?)"
)
# From page 1 / From Page One / From A1, and as OCR reads them: From pagel, Frontpage*, rotn page 1.
FROM_PAGE = lazyre.compile(
    rf"^\s*{_HEAD_RUN_IN}[(\[]?\s*(?:(?:[FfIi]?['’]?[rR][oO0](?:rn|[mMnNt])[tn]?|FROM)\s*{_PAGE_WORD}\s*{_LABEL}"
    rf"|(?:[Ff]rom|FROM)\s+{_FROM_BACK}"
    r"|(?:[Ff]rom|FROM)\s+(?P<section>[A-Z]\d{1,2})\b)\s*[)\]]?"
)
# ``Please see page 4`` as OCR reads it with its spaces lost and its label gone: ``PtMMSMpagag``.
# One token after a sentence end, a P, a few letters, the page word: names no page it can be read as.
PLEASE_SEE_GARBLED = lazyre.compile(
    r"(?:^|(?<=[.!?”’\"]\s))P[A-Za-z«»^*'’.,]{2,8}[Pp][aA][gqGQ][A-Za-z0-9]{0,3}\s*$"
)
# From front page / Continued from the front page: the label is the word ``front`` (page 1). Alone
# on its line (``From the front page of the paper`` is a sentence).
FROM_FRONT = lazyre.compile(
    rf"^\s*{_HEAD_RUN_IN}[(\[]?\s*(?:{_CONTINUED}\s+)?(?:[Ff]rom|FROM)\s+(?:the\s+|THE\s+)?"
    rf"(?P<label>[Ff]ront|FRONT)\s+{_PAGE_WORD}\s*[)\]]?\s*$"
)
# A refer line under a story's jump line points at another story, not at its own continuation:
# ``Related story, Page 4``, ``Editorial: Page A8``, ``More on the vote, Page 6``, ``Inside: A3``. A
# few words, then a page label and nothing after it; no sentence end before it.
REFER_LINE = lazyre.compile(
    rf"^[A-Z][^.!?]{{1,40}}?[,:;|]?\s+(?:on\s+)?(?:{_PAGE_WORD}s?\s*{_LABEL}|[A-H]\d{{1,2}}\b)\s*[)\]]?\s*$"
)
JUMP_OUT_FORMS = (CONTINUED_ON, SEE_KEYWORD, PLEASE_SEE, PLEASE_SEE_GARBLED)
JUMP_IN_FORMS = (CONTINUED_FROM, FROM_PAGE, FROM_FRONT)
# What OCR reads for the digits of a page label.
_OCR_DIGITS = str.maketrans("lIi|sSOoBgZ", "11115500892")
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "front": 1,
}  # fmt: skip
BACK_PAGE = "back"  # the label of ``See back page``: the last page, known only to stitch


_LABEL_ENDS = (
    "page",
    "paga",
    "pago",
    "pagc",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
)


def may_end_jump(line: str) -> bool:
    """Cheap test: the line could end a jump line (a page number, ``back page``, ``page one``)."""
    last = line[-1:]
    return (
        last.isdigit()
        or last in ")]*"
        or line[-5:].lower().endswith(_LABEL_ENDS)
        or (len(line) > 1 and line[-2:-1].isdigit())
    )


def label_of(m: re.Match[str]) -> str:
    """The page a jump line names, as printed: ``4``, ``A6``, ``one``, ``back``."""
    groups = m.groupdict()
    if groups.get("back"):
        return BACK_PAGE
    return (groups.get("label") or groups.get("section") or "").strip()


def page_number(label: str) -> int | None:
    """4 -> 4, A6 / 4A -> 4, one -> 1, and OCR's l -> 1, s -> 5; None when unreadable (or ``back``)."""
    label = label.strip()
    if label.lower() in NUMBER_WORDS:
        return NUMBER_WORDS[label.lower()]
    if len(label) > 1 and not label.isdigit():
        label = label.strip("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") or label  # A6, 4A
    digits = label.translate(_OCR_DIGITS)
    return (int(digits) or None) if digits.isdigit() else None


def keyword_of(m: re.Match[str]) -> str:
    """The jump keyword of ``See SCHOOLS, Page 4`` (``SCHOOLS``), or ``""``."""
    return (m.groupdict().get("keyword") or "").strip(" ,./|")
