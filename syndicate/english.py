"""English print conventions: what a line of a US or UK newspaper page is, read from its text.

Every rule here must hold for English-language papers in general and survive OCR: scanned
pages misread letters (``Sec`` for ``See``, ``pagel`` for ``page 1``, ``Staff Wrtlw``), so the
patterns accept the usual confusions while keeping the shape of the thing they find. The reader
never rewrites words; these functions only classify lines and take marks off them.
"""

from __future__ import annotations

import functools
import re

from . import lazyre


def word_set(text: str) -> frozenset[str]:
    """A set of words written out in a string: word lists stay readable in the source."""
    return frozenset(text.split())


# --- jump lines ---------------------------------------------------------------------------------
# Registered in ``rules.JUMP_MARKERS`` (one entry per form); every stage finds them through
# ``rules.jump_out`` / ``rules.jump_in``.

# A page as jump lines print it: 4, A6, 4A, one; OCR reads 1 as l/I, 5 as s, 8 as B, 0 as O
# (a misread label is taken only where no word follows it: ``From pages of`` is a sentence).
_LABEL = (
    r"(?P<label>[A-Za-z]?\d{1,3}[A-Za-z]?\b|(?i:one|two|three|four|five|six|seven|eight|nine|ten)\b"
    r"|[lIisSOoBgZ]\d?\b(?!\s*[a-z])|\*)"
)
_PAGE_WORD = r"[Pp][aA][gqGQ][eaoEAO]"  # page, paga, PAGE
_BACK = r"(?P<back>[bhBH][aA][cC][kK]\s+" + _PAGE_WORD + ")"  # back page, hack page (OCR)
# See, Sec, Scc, Sac (OCR); Please see; UK: Turn to
_SEE = r"(?:(?:Please|PLEASE)\s+(?:see|SEE)|S[eaco][eca]|SEE|Turn\s+to|TURN\s+TO)"
# The keyword of ``See SCHOOLS, Page 4`` is set in capitals (OCR reads an I as l): & ' . - / too.
_KEYWORD = r"(?P<keyword>[A-Z][A-Z0-9’'&./\-l ]{0,30}?)"
_BEFORE = r"(?:(?<=\s)|^|(?<=[-–—]))"  # a jump line may be run into the last line of text
# page 4 / back page; a section page needs no word: A6, on B2 (``See BUDGET, A6``); then perhaps a column.
_TARGET = (
    rf"(?:{_BACK}|{_PAGE_WORD}\s*{_LABEL}|(?:on\s+)?(?P<section>[A-H]\d{{1,2}}))"
    r"(?:,?\s*(?:[Cc]ol(?:umn|\.)?|COL(?:UMN|\.)?)\s*\d)?"
)
_CLOSE = r"\s*[)\]]?\s*$"

# (Continued on Page 4) / Continued on page A6 / continued on back page
CONTINUED_ON = lazyre.compile(rf"{_BEFORE}[(\[]?\s*[Cc](?:ontinued|ONTINUED)\s+[oO][nN]\s+{_TARGET}{_CLOSE}")
# See SCHOOLS, Page 4 / See MEN, back page / See BUDGET, A6 / Please see BUDGET on B2 /
# Sec COMPUTERS, page 6 / Sac CLASH, hack page (OCR)
SEE_KEYWORD = lazyre.compile(rf"{_BEFORE}[(\[]?\s*{_SEE}\s+{_KEYWORD}\s*,?\s*{_TARGET}{_CLOSE}")
# Please see page 6 / PleaM see paga 2 (OCR) / Please see back page / See page 4 / See back page
PLEASE_SEE = lazyre.compile(
    rf"{_BEFORE}[(\[]?\s*(?:P[a-zA-Z]{{3,5}}\W?\s+[a-zA-Z]{{2,3}}\s+|{_SEE}\s+){_TARGET}{_CLOSE}"
)
# (Continued from page one) / Continued from Page 1 / Continued From A1
# A jump head run into the jump line: ``SCHOOLS, from page 1``, ``BUDGET: Continued from A1``.
_HEAD_RUN_IN = r"(?:(?P<keyword>[A-Z][A-Z0-9’'&./\- ]{1,30}?)\s*[:,—–-]?\s+)?"
# (Continued from page one) / Continued from Page 1 / Continued From A1
CONTINUED_FROM = lazyre.compile(
    rf"^\s*{_HEAD_RUN_IN}[(\[]?\s*[Cc](?:ontinued|ONTINUED)\s+[fF][rR][oO][mM]\s+(?:{_PAGE_WORD}\s*)?{_LABEL}\s*[)\]]?"
)
# From page 1 / From Page One / From A1, and as OCR reads them: From pagel, Frontpage*, rotn page 1.
FROM_PAGE = lazyre.compile(
    rf"^\s*{_HEAD_RUN_IN}[(\[]?\s*(?:(?:[FfIi]?['’]?[rR][oO0][mMnNt][tn]?|FROM)\s*{_PAGE_WORD}\s*{_LABEL}"
    r"|(?:[Ff]rom|FROM)\s+(?P<section>[A-Z]\d{1,2})\b)\s*[)\]]?"
)
# ``Please see page 4`` as OCR reads it with its spaces lost and its label gone: ``PtMMSMpagag``.
# One token after a sentence end, a P, a few letters, the page word: names no page it can be read as.
PLEASE_SEE_GARBLED = lazyre.compile(
    r"(?:^|(?<=[.!?”’\"]\s))P[A-Za-z«»^*'’.,]{2,8}[Pp][aA][gqGQ][A-Za-z0-9]{0,3}\s*$"
)
JUMP_OUT_FORMS = (CONTINUED_ON, SEE_KEYWORD, PLEASE_SEE, PLEASE_SEE_GARBLED)
JUMP_IN_FORMS = (CONTINUED_FROM, FROM_PAGE)
# What OCR reads for the digits of a page label.
_OCR_DIGITS = str.maketrans("lIi|sSOoBgZ", "11115500892")
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
BACK_PAGE = "back"  # the label of ``See back page``: the last page, known only to stitch


_LABEL_ENDS = (
    "page",
    "paga",
    "pago",
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
    return (m.groupdict().get("keyword") or "").strip(" ,.")


# --- bylines, staff lines, datelines, credits ---------------------------------------------------

# By MARIA LOPEZ / By Maria Lopez and Dan Ortiz / BY8HARYN8EAB8 / Hy Kelli Harris (OCR) / By
BYLINE = lazyre.compile(r"^\s*(?:[Bb8][Yy]|Hy)(?:\s+[A-Z8][\w.’'^*«\-]*|(?=[A-Z8]{3})\w+|\s*$)")
_NAME_JOINERS = word_set("and AND & de da van von der la le del y")
# Words of a staff or agency line, as printed under a byline (``Staff Writer``, ``Associated Press``).
STAFF_WORDS = (
    "staff", "writer", "editor", "reporter", "correspondent", "press", "associated", "daily",
    "special", "report", "service", "contributor", "columnist", "photographer", "intern", "wire",
    "reuters", "bureau", "chief", "senior", "assistant", "sports", "news",
)  # fmt: skip
_STAFF_JOINERS = word_set("to the of for and")
# ``Sports Editor``, ``Managing Editor``, ``Staff Writer``: one or two capitalised words and the role.
_STAFF_RE = lazyre.compile(
    r"^(?:[A-Z][a-z]+\s+){0,2}(?:Staff|STAFF|Writer|WRITER|Editor|EDITOR|Reporter|REPORTER|Correspondent"
    r"|CORRESPONDENT|Press|PRESS|Report|REPORT|Columnist|Photographer)(?:\s+(?:Writer|Reporter|Report))?\W*$"
)
# WASHINGTON (AP) — / PORT HAVEN — / SEOUL, South Korea (AP) — / SPENCER, Okla. (AP)— / LONDON, Jan. 4 —
DATELINE = lazyre.compile(
    r"^[-–—\s]*(?P<dateline>[A-Z][A-Za-z’'.]*[A-Z][A-Z’'.]*(?:[ ,.]+[A-Z][\w’'.]*){0,3}"
    r"(?:,?\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})?"
    r"\s*(?:[(|]\s*[A-Za-z]{2,8}\s*[)|>I\]]\s*)?)\s*(?:—|–|--|(?<=\s)-(?=\s)|(?<=[)>|\]])-)"
)
# Photo by JANE DOE / Staff photo by … / DARRELL MIHO/Mustang Daily / (AP Photo) / Courtesy of …
CREDIT = lazyre.compile(
    r"^(?:(?:Staff\s+|File\s+|AP\s+)?[Pp]hotos?\s+(?:by|courtesy)\b|[Cc]ourtesy\s+(?:of|photo)\b"
    r"|(?i:story|text|photos?|graphics?|design|illustrations?|reporting)(?:\s+and\s+\w+)?\s+(?i:by)\b"
    r"|\(?AP\s+Photo\)?|[A-Z][A-Z.\- ]{3,30}/\s*[A-Z][\w ]{2,30}$)"
)
# A running head: paper name and date (``Mustang Daily Wednesday, January 20, 1982``), or a page number.
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
RUNNING_HEAD = lazyre.compile(
    rf"^(?:[A-Z][\w.&' ]{{2,40}}\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?{_MONTH}\s+\d{{1,2}},\s+\d{{4}}"
    r"(?:\s+(?:Page\s+)?[A-Z]?\d{1,3})?$|^(?:Page\s+)?[A-Z]?\d{1,3}$"
)


def is_byline(text: str) -> bool:
    """``By Maria Lopez``: the line opens with By and goes on with names (or nothing: the name
    follows on the next line). ``By the time …`` is a sentence."""
    text = text.strip()
    if len(text) > 60 or text[:1] not in "BbH8" or BYLINE.match(text) is None:
        return False
    words = text.split()
    if len(words) > 8 or (text[-1] in ".;:!?" and not re.search(r"\b(?:Jr|Sr|[A-Z])\.$", text)):
        return False
    names = words[1:3]
    return all(w[:1].isupper() or w[:1] in "8^" or w in _NAME_JOINERS for w in names)


def is_staff_line(text: str) -> bool:
    """``Staff Writer``, ``Daily Staff Report``, ``Associated Press`` (also as OCR misreads them)."""
    text = text.strip(" .•*_")
    if len(text) > 40 or not text or text[-1] in ",;:!?'’”\"":
        return False
    if _STAFF_RE.match(text):
        return True
    words = [w.lower() for w in re.findall(r"[A-Za-z]{3,}", text)]
    words = [w for w in words if w not in _STAFF_JOINERS]
    if not 1 <= len(words) <= 4:
        return False
    return sum(1 for w in words if _near_staff_word(w)) * 3 >= len(words) * 2


@functools.lru_cache(maxsize=4096)
def _near_staff_word(word: str) -> bool:
    """One of STAFF_WORDS or its start (``Writ``), with a letter misread (``Piess``, ``Repoit``; two
    in long words: ``^ssoc¡afed``)."""
    if len(word) < 4:
        return False
    for target in STAFF_WORDS:
        if word == target or (len(word) >= 4 and target.startswith(word)):
            return True
        if len(target) >= 5 and abs(len(target) - len(word)) <= 1 and _letters_off(word, target):
            return True
    return False


def _letters_off(a: str, b: str) -> bool:
    """At most one letter misread (two in words of 8 or more), or one dropped."""
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= (2 if len(a) >= 8 else 1)
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def byline_names(raw: str) -> tuple[str, ...]:
    """``By Maria Lopez and Dan Ortiz / Staff Writer`` -> (``Maria Lopez``, ``Dan Ortiz``)."""
    lines = [part for part in re.split(r"\n| / ", raw) if part.strip()]  # the reader joins lines with " / "
    first = lines[0] if lines else ""
    if first.strip().lower() in ("by", "hy") and len(lines) > 1:
        first = lines[1]  # ``By`` alone, the name on the next line
    text = re.sub(r"^\s*(?:[Bb8][Yy]|Hy)(?=\s|[A-Z8]|$)\s*", "", first).strip(" ,/")
    text = re.split(r"\s*[,/]\s*(?=[A-Za-z .]{0,30}$)", text)[0]
    names = [n.strip(" ,.") for n in re.split(r"\s+(?:and|AND|&)\s+|,\s*", text)]
    return tuple(n for n in names if n and not is_staff_line(n))


def bio_line(names: tuple[str, ...]) -> re.Pattern[str] | None:
    """The line that signs off a column or an op-ed by its writer, named in the byline:
    ``Lori Witmer is a computer science freshman.``, ``• Dan Ortiz, a senior, writes …``."""
    if not names or len(names[0].split()) < 2:
        return None  # one word is no name to look for
    name = r"\s+".join(map(re.escape, names[0].split()))
    return re.compile(rf"^[•*■\-–—\s]*{name}(?:\s+(?:is|are|was|were|writes|teaches|and)\b|,)")


def dateline(text: str) -> re.Match[str] | None:
    """``WASHINGTON (AP) —`` opening a first paragraph; group ``dateline``."""
    if not text[:1].isupper() and text[:1] not in "-–— ":
        return None
    m = DATELINE.match(text)
    if m is None:
        return None
    place = m.group("dateline").strip()
    first_word = re.match(r"[A-Za-z’'.]+", place)
    if first_word is None or sum(c.isupper() for c in first_word.group(0)) < len(first_word.group(0)) * 0.6:
        return None  # the place is set in capitals: ``The Senate —`` is a sentence
    return m


def is_credit(text: str) -> bool:
    """A photo credit or a caption's credit line: ``Photo by JANE DOE``, ``DARRELL MIHO/Mustang Daily``."""
    return len(text) <= 60 and bool(CREDIT.match(text.strip()))


_PRINTED_DATE = lazyre.compile(
    rf"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?{_MONTH}\s+\d{{1,2}},\s+\d{{4}}$"
)
_SPREAD = lazyre.compile(r"\s{3,}")


def is_running_head(text: str) -> bool:
    """Page furniture: the paper's name and date, or a bare page number; or a masthead line set
    across the page, its parts spaced apart, one of them the date (``THE HERALD   Tuesday, March
    3, 2026   75 cents``)."""
    text = text.strip()
    if len(text) <= 70 and text[-1:].isdigit() and bool(RUNNING_HEAD.match(text)):  # ends in a number
        return True
    parts = _SPREAD.split(text) if "   " in text else ()
    return 1 < len(parts) <= 6 and any(_PRINTED_DATE.match(part) for part in parts)


# --- headline-likeness --------------------------------------------------------------------------

_MINOR = word_set(
    """a an the and or but nor for of on in at to by from with as vs v. is are be into over up off out"""
)
_SENTENCE_END = lazyre.compile(r"[.!?][\"'”’)]*\s*$")
_ABBREVIATION = lazyre.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gov|Sen|Rep|Gen|Col|Lt|Sgt|Capt|Prof|Rev|Inc|Co|Corp|Ltd|No|vs|Jan|Feb"
    r"|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Calif|Ariz|Okla|Mich|Mass|Fla|Ill|Wash|Ore|Tex|Pa|Va|U\.S|a\.m|p\.m)"
    r"|\b[A-Z])\.$"
)


def ends_sentence(text: str) -> bool:
    """The text ends a sentence: ``.``, ``!``, ``?`` (inside closing quotes), not ``Mr.``, ``p.m.``, ``U.S.``."""
    text = text.rstrip()
    if not _SENTENCE_END.search(text):
        return False
    return not (text.endswith(".") and _ABBREVIATION.search(text[-6:]))


def capitalised_share(text: str) -> float:
    """Share of a line's words that start with a capital (minor words aside): Title Case is 1.0."""
    words = [w for w in re.findall(r"[A-Za-z’'][\w’'\-]*", text) if w.lower() not in _MINOR]
    if not words:
        return 0.0
    return sum(1 for w in words if w[0].isupper()) / len(words)


def headline_like(text: str) -> bool:
    """Could be a headline, deck, kicker or jump-head line: short, no sentence end or comma, not
    opening in lower case. Whether it *is* one is decided by what surrounds it (a deck wider than
    the column may end a sentence: the reader allows that)."""
    text = text.strip()
    if not text or len(text) > 160 or not (text[0].isupper() or text[0].isdigit() or text[0] in "‘'\"“…$£€#"):
        return False
    words = text.split()
    if len(words) > 24 or text[-1] in ",;-–—" or (text[-1] == ":" and len(words) > 1):
        return False
    return not (text[-1] == "." and not text.endswith("...") and ends_sentence(text))  # Dept. is fine


def capital_head(text: str) -> bool:
    """A subhead's look: Title Case or capitals, a few words."""
    return len(text.split()) <= 6 and capitalised_share(text) >= 0.75


def jump_head(text: str) -> bool:
    """A jump head over a continuation: ``SCHOOLS``, ``ETHNIC STUDIES``, ``KEVORKIAN: Jury finds …``."""
    text = text.strip(" _•*")
    if not text or len(text) > 120:
        return False
    head = text.split(":", 1)[0] if ":" in text else text
    letters = [c for c in head if c.isalpha()]
    return 2 <= len(letters) <= 30 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


# --- words ---------------------------------------------------------------------------------------

_WORD = lazyre.compile(r"[a-z][a-z’']{3,}")
_STOP = word_set(
    """this that these those with from have has had were been being said says will would could should
    about after before over under into than then there here their them they when where which what
    while also more most other such only some very just year years last first week today monday
    tuesday wednesday thursday friday saturday sunday"""
)


def content_words(texts: list[str]) -> set[str]:
    """Words of four letters or more that say what a text is about (lower case, common ones left out)."""
    return {w for t in texts for w in _WORD.findall(t.lower()) if w not in _STOP}


def open_quote(text: str) -> bool:
    """The text ends inside a quotation opened in its last sentence (``… realize. ‘Wow.``)."""
    tail = text[-80:]
    return tail.rfind("“") > tail.rfind("”") or tail.rfind("‘") > max(tail.rfind("’ "), tail.rfind("’"))


# --- re-flow ------------------------------------------------------------------------------------

# A hyphen at a line end after these belongs to the word (``well-known``, ``two-year-old``).
_HYPHEN_KEPT = word_set(
    """self well ex all half quasi non anti pro co post pre re so one two three four five six seven
    eight nine ten twenty thirty forty fifty sixty hundred first second third year old full part
    long short high low middle mid much far near"""
)


def reflow(left: str, right: str, vocabulary: set[str] | frozenset[str] = frozenset()) -> str:
    """Join two wrapped lines with one space; mend a word hyphenated at the line end (``Mon-`` /
    ``day``) unless the hyphen belongs to the word (``6-1``, ``two-year-old``, ``well-known``).
    ``vocabulary`` (the page's words, lower case) settles it when the page prints either form."""
    if not (left.endswith("-") and left[-2:-1].isalpha() and right[:1].isalpha()):
        return f"{left} {right}" if not left.endswith("-") or not left[-2:-1].isalnum() else left + right
    stem = re.search(r"[\w’'\-]*$", left[:-1])
    word = stem.group(0) if stem else ""
    following = re.match(r"[\w’']*", right)
    rest = following.group(0) if following else ""
    mended, hyphenated = (word + rest).lower(), f"{word}-{rest}".lower()
    keep = hyphenated in vocabulary and mended not in vocabulary
    if not keep and mended not in vocabulary:
        keep = "-" in word or word.lower() in _HYPHEN_KEPT or right[:1].isupper()
    return left + right if keep else left[:-1] + right
