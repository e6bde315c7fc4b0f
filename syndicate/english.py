"""English print conventions: what a line of a US or UK newspaper page is, read from its text.

Every rule here must hold for English-language papers in general and survive OCR: scanned
pages misread letters (``Sec`` for ``See``, ``pagel`` for ``page 1``, ``Staff Wrtlw``), so the
patterns accept the usual confusions while keeping the shape of the thing they find. The reader
never rewrites words; these functions only classify lines and take marks off them.
"""

from __future__ import annotations

import re

from . import lazyre
from .staff_words import near_staff_word


def word_set(text: str) -> frozenset[str]:
    """A set of words written out in a string: word lists stay readable in the source."""
    return frozenset(text.split())


# --- bylines, staff lines, datelines, credits ---------------------------------------------------

# By MARIA LOPEZ / By Maria Lopez and Dan Ortiz / BY8HARYN8EAB8 / Hy Kelli Harris (OCR) / By
BYLINE = lazyre.compile(r"^\s*(?:[Bb8][Yy]|Hy)(?:\s+[A-Z8][\w.’'^*«\-]*|(?=[A-Z8]{3})\w+|\s*$)")
_NAME_JOINERS = word_set("and AND & de da van von der la le del y")
_NOT_A_NAME = word_set("the a an this these those all no any every some one two three far way")  # BY THE …
# Words of a staff or agency line, as printed under a byline (``Staff Writer``, ``Associated Press``).
_STAFF_JOINERS = word_set("to the of for and")
# ``Sports Editor``, ``Managing Editor``, ``Staff Writer``: one or two capitalised words and the role.
_STAFF_RE = lazyre.compile(
    r"^(?:[A-Z][a-z]+\s+){0,2}(?:Staff|STAFF|Writer|WRITER|Editor|EDITOR|Reporter|REPORTER|Correspondent"
    r"|CORRESPONDENT|Press|PRESS|Report|REPORT|Columnist|Photographer)(?:\s+(?:Writer|Reporter|Report))?\W*$"
    r"|^(?:Special|SPECIAL)\s+(?:to|TO)\s+(?:the\s+|The\s+|THE\s+)?[A-Z][\w.&'’]*(?:\s+[A-Z][\w.&'’]*){0,3}$"
)
# WASHINGTON (AP) — / PORT HAVEN — / SEOUL, South Korea (AP) — / SPENCER, Okla. (AP)— / LONDON, Jan. 4 —
# / LONDON, 3 March (Reuters) - (UK order) / SACRAMENTO, Calif. (AP) (a narrow column: the dash below)
DATELINE = lazyre.compile(
    r"^[-–—\s]*(?P<dateline>[A-Z][A-Za-z’'.]*[A-Z][A-Z’'.]*(?:[ ,.]+[A-Z][\w’'.]*){0,3}"
    r"(?:,?\s*(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
    r"|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?))?"
    r"\s*(?:[(|]\s*[A-Za-z]{2,8}\s*[)|>I\]]\s*)?)\s*(?:—|–|--|(?<=\s)-(?=\s)|(?<=[)>|\]])-|(?<=\))$)"
)
# Photo by JANE DOE / Staff photo by … / DARRELL MIHO/Mustang Daily / (AP Photo) / Courtesy of …
CREDIT = lazyre.compile(
    r"^(?:(?:Staff\s+|File\s+|AP\s+)?[Pp]hotos?\s+(?:by|courtesy)\b|[Cc]ourtesy\s+(?:of|photo)\b"
    r"|(?i:story|text|photos?|graphics?|design|illustrations?|reporting)(?:\s+and\s+\w+)?\s+(?i:by)\b"
    r"|\(?AP\s+Photo\)?|[A-Z][A-Z.\- ]{3,30}/\s*[A-Z][\w ]{2,30}$)"
)
# A running head: page number, paper name and date in any order of print, or a page number alone:
# ``Mustang Daily Wednesday, January 20, 1982``, ``4 The Daily Courier, Tuesday, March 3, 2026``,
# ``Page 6 | Wednesday, January 20``, ``THE COURIER Tuesday 3 March 2026 7`` (UK order).
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUNE?|JULY?|AUG|SEPT?|OCT|NOV|DEC)[a-zA-Z]*\.?"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)DAY),?"
_DAY_MONTH = rf"(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH})"
# A date with its year, or with its weekday (a running head may leave the year out).
_DATE = rf"(?:(?:{_WEEKDAY}\s+)?{_DAY_MONTH},?\s+\d{{4}}|{_WEEKDAY}\s+{_DAY_MONTH})"
# The paper's name: capitalised words (``The Daily Courier``, ``THE HARBOR GAZETTE``), minor ones
# between; not a sentence's opening (``On Tuesday, March 3``).
_PAPER = r"(?!(?:On|In|At|By|Since|Until|From|Before|After|Last|Next|Through|Starting|Every|Each|Of|And|But)\b)[A-Z][\w.&'’\-]*(?:\s+(?:[A-Z][\w.&'’\-]*|of|the|and|on|&)){0,5}"
_FOLIO = r"(?:(?:Page|PAGE)\s+)?[A-Z]?\d{1,3}[A-Z]?"
_APART = r"(?:\s*[|•·/,–—-]\s*|\s+)"  # what sets the parts apart
# A masthead's own items around the date: its price, volume and number, edition.
_MASTHEAD_ITEM = (
    r"(?:\$\d{1,2}(?:\.\d\d)?|\d{1,3}\s?(?:cents|CENTS|¢)|(?:Vol|VOL)\.?\s?\d{1,4},?\s?(?:No|NO)\.?\s?\d{1,5}"
    r"|(?:Final|Late|Home|Early|FINAL|LATE|HOME|EARLY)\s+(?:Edition|EDITION))"
)
RUNNING_HEAD = lazyre.compile(
    rf"^(?:{_FOLIO}{_APART})?(?:{_PAPER}{_APART})?{_DATE}(?:{_APART}{_PAPER})?(?:{_APART}{_FOLIO})?"
    rf"(?:{_APART}{_MASTHEAD_ITEM}){{0,2}}$"
    rf"|^{_FOLIO}$"
)


# A line of a front page's index or teaser box, pointing inside: ``Sports: Harbor rallies past
# Eagles, B1``, ``Opinion, A4``, ``Classified ... B6``, ``Inside: Sports, B1``, ``Weather … Page 2``.
_INDEX_LINE = lazyre.compile(
    r"^[•*■►▶]?\s*[A-Z][\w’'&:;,.!?\- ]{1,60}?(?:,|\s*(?:\.{2,}|…)|\s+[•·])\s*(?:(?:Page|PAGE)\s+)?"
    r"(?:[A-H]\d{1,2}|\d{1,2}[A-H])$"
    r"|^[•*■►▶]?\s*[A-Z][\w’'&:;,!?\- ]{1,60}?\s*(?:\.{2,}|…)\s*(?:(?:Page|PAGE)\s+)?\d{1,2}$"
)
# The head of such a box: INSIDE, TODAY, INDEX, IN THIS ISSUE.
_INDEX_HEAD = lazyre.compile(
    r"^(?i:inside(?: today)?|today|index|in this issue|in today's paper|what's inside):?$"
)
INDEX_LINES = 12  # lines from the page's top an index box may take


def index_box(lines: list[str]) -> int:
    """How many of a page's first lines (blank lines and running heads among them) are its index
    or teaser box; 0 when none. Only lines that point to a lettered page or by dotted leaders,
    and the box's head word over them: a story's line names no page so."""
    n = 0
    for k, raw in enumerate(lines[:INDEX_LINES]):
        text = raw.strip()
        if not text or is_running_head(text):
            continue
        if _INDEX_LINE.match(text):
            n = k + 1
        elif not (_INDEX_HEAD.match(text) and k + 1 < len(lines) and _INDEX_LINE.match(lines[k + 1].strip())):
            break
    return n


_SENTENCE_INSIDE = lazyre.compile(r"[a-z]{2}[.!?]\s+[A-Z]")


def is_byline(text: str) -> bool:
    """``By Maria Lopez``: the line opens with By and goes on with names (or nothing: the name
    follows on the next line). ``By the time …`` is a sentence."""
    text = text.strip()
    if len(text) > 60 or text[:1] not in "BbH8" or BYLINE.match(text) is None:
        return False
    words = text.split()
    if len(words) > 8 or (text[-1] in ".;:!?" and not re.search(r"\b(?:Jr|Sr|[A-Z])\.$", text)):
        return False
    if _SENTENCE_INSIDE.search(text):
        return False  # ``by Cal Poly Pomona. He had``: a sentence ends inside, the text goes on
    if text[2:3].isalpha() and (len(words) > 2 or ":" in text):
        return False  # BYPASS OPENS TO TRAFFIC: a headline's first word; BY8HARYN8EAB8 is a name
    if (
        len(words) > 1
        and (words[1].lower() in _NOT_A_NAME or ":" in text)
        and not is_staff_line(" ".join(words[1:]))
    ):
        return False  # BY THE NUMBERS, BY A NOSE: LEVY PASSES: a headline (By The Associated Press is not)
    names = words[1:3]
    return all(w[:1].isupper() or w[:1] in "8^" or w in _NAME_JOINERS for w in names)


def is_staff_line(text: str) -> bool:
    """``Staff Writer``, ``Daily Staff Report``, ``Associated Press`` (also as OCR misreads them)."""
    text = text.strip(" .•*_")
    if len(text) > 40 or not text or text[:1].islower() or text[-1] in ",;:!?'’”\"":
        return False  # a staff line opens with a capital: ``write.`` is the end of a sentence
    if _STAFF_RE.match(text):
        return True
    words = [w.lower() for w in re.findall(r"[A-Za-z]{3,}", text)]
    words = [w for w in words if w not in _STAFF_JOINERS]
    if not 1 <= len(words) <= 4:
        return False
    return sum(1 for w in words if near_staff_word(w)) * 3 >= len(words) * 2


def byline_names(raw: str) -> tuple[str, ...]:
    """``By Maria Lopez and Dan Ortiz / Staff Writer`` -> (``Maria Lopez``, ``Dan Ortiz``)."""
    lines = [part for part in re.split(r"\n| / ", raw) if part.strip()]  # the reader joins lines with " / "
    first = lines[0] if lines else ""
    if first.strip().lower() in ("by", "hy") and len(lines) > 1:
        first = lines[1]  # ``By`` alone, the name on the next line
    text = re.sub(r"^\s*(?:[Bb8][Yy]|Hy)(?=\s|[A-Z8]|$)\s*", "", first).strip(" ,/")
    text = re.split(r"\s*[,/]\s*(?=[A-Za-z .]{0,30}$)", text)[0]
    names = [_without_role(n.strip(" ,.")) for n in re.split(r"\s+(?:and|AND|&)\s+|,\s*", text)]
    return tuple(n for n in names if n and not is_staff_line(n))


# What a role printed after the name says besides the staff words: ``Political Editor``, ``Home
# Affairs Correspondent``, ``Chief Sports Writer``.
_ROLE_WORDS = word_set(
    """political health education science home affairs crime business transport environment consumer
    royal showbiz defence defense economics economic industrial legal diplomatic social technology
    property city deputy associate foreign security medical arts travel motoring parliamentary
    investigations world national local state county courts music film features fashion food
    managing executive digital data science weather farming rural energy"""
)


def _without_role(name: str) -> str:
    """``SARAH JONES Political Editor`` -> ``SARAH JONES``: a name set in capitals ends where the
    words in lower case begin; a role after a name in Title Case is its staff or role words."""
    words = name.split()
    caps = 0
    while caps < len(words) and words[caps].isupper() and any(c.isalpha() for c in words[caps]):
        caps += 1
    if 2 <= caps < len(words):
        return " ".join(words[:caps])
    if len(words) >= 3 and near_staff_word(words[-1].lower()) and not words[-1].isupper():
        while len(words) > 2 and (near_staff_word(words[-1].lower()) or words[-1].lower() in _ROLE_WORDS):
            words.pop()
    named = 0  # OCR debris after a name (``John Bachman •tin wfNii``, ``Margie Cooper -``) is no part of it
    while named < len(words) and (words[named][:1].isupper() or words[named] in _NAME_JOINERS):
        named += 1
    if named >= 2:
        words = words[:named]
    return " ".join(words)


def bio_line(names: tuple[str, ...]) -> re.Pattern[str] | None:
    """The line that signs off a column or an op-ed by its writer, named in the byline:
    ``Lori Witmer is a computer science freshman.``, ``• Dan Ortiz, a senior, writes …``."""
    if not names or len(names[0].split()) < 2:
        return None  # one word is no name to look for
    name = r"\s+".join(map(re.escape, names[0].split()))
    return re.compile(rf"^[•*■\-–—\s]*(?i:{name})(?:\s+(?:is|are|was|were|writes|teaches|and)\b|,)")


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


_PRINTED_DATE = lazyre.compile(rf"^{_DATE}$")
_SECTIONS = frozenset("ABCDEFGH")  # a section folio's letter: ``Page 3B``
_SPREAD = lazyre.compile(r"\s{3,}")


def is_running_head(text: str) -> bool:
    """Page furniture: the paper's name and date, or a bare page number; or a masthead line set
    across the page, its parts spaced apart, one of them the date (``THE HERALD   Tuesday, March
    3, 2026   75 cents``)."""
    text = text.strip()
    ends = text[-1:].isdigit() or text[-1:] in _SECTIONS and text[-2:-1].isdigit()  # a number; ``3B``
    if len(text) <= 80 and (ends or "day" in text or "DAY" in text) and RUNNING_HEAD.match(text):
        return True  # ends in a number (a year, a page) or names the weekday: the cheap test first
    parts = _SPREAD.split(text) if "   " in text else ()
    return 1 < len(parts) <= 6 and any(_PRINTED_DATE.match(part) for part in parts)


# --- headline-likeness --------------------------------------------------------------------------

_MINOR = word_set(
    """a an the and or but nor for of on in at to by from with as vs v. is are be into over up off out"""
)
_SENTENCE_END = lazyre.compile(r"[.!?][\"'”’)]*\s*$")
_ABBREVIATION = lazyre.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gov|Sen|Rep|Gen|Col|Lt|Sgt|Capt|Prof|Rev|Inc|Co|Corp|Ltd|No|vs|Jan|Feb"
    r"|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Calif|Ariz|Okla|Mich|Mass|Fla|Ill|Wash|Ore|Tex|Pa|Va|U\.S|a\.m|p\.m"
    r"|Dept|DEPT|Assn|Bros)"
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
    if text[-1] in "”\"’'" and text.rstrip("”\"’'")[-1:] == "." and text[0] in "‘'\"“":
        return False  # a quoted sentence of the text: ``“And we don’t think that’s fair.”``
    return not (text[-1] == "." and not text.endswith("...") and ends_sentence(text))  # Dept. is fine


# Words a headline line does not end with: a short line of text broken before its next word does.
_LINE_RUNS_ON = word_set(
    """a an the and or but nor of to in on at by for with from as that which who whose than is are was
    were be been has have had will would can could should may might must do does did not he she it
    they we his her their its our my your this these those"""
)


# An organisation's abbreviated name word may end a head: ``New offices to house Public Safety Dept.``
NAME_ABBREVIATION = lazyre.compile(r"\s(?i:dept|corp|inc|co|bros|ltd|assn|univ)\.$")


def set_as_head(text: str) -> bool:
    """A line set as a headline and not a short line of text: headline-like, a headline's length,
    no sentence end (quotes closing it included; no period at all: ``Game time is 5:45 p.m.``),
    not ending on a word that needs the next one."""
    text = text.strip()
    if text[-1:] == "." and NAME_ABBREVIATION.search(text[-7:]):
        text = text[:-1]  # ``Public Safety Dept.``: no sentence end
    if len(text) > 80 or not headline_like(text) or text.rstrip('”’"')[-1:] == "." or ends_sentence(text):
        return False
    return len(text.split()) <= 14 and not runs_on(text)


def runs_on(text: str) -> bool:
    """The line ends on a word that needs the next one (``the``, ``to``, ``this``): text runs on."""
    words = text.split()
    return bool(words) and words[-1].lower() in _LINE_RUNS_ON


def capital_head(text: str) -> bool:
    """A subhead's look: Title Case or capitals, a few words."""
    return len(text.split()) <= 6 and capitalised_share(text) >= 0.75


# A lead whose first word or two are set in capitals (UK print): ``RAIL passengers face``,
# ``A MOTHER has``, ``SIX Victorian piers``; the line itself is not all capitals.
_CAPITAL_LEAD = lazyre.compile(r"^[“\"‘']?(?:[AI]\s+)?[A-Z][A-Z’'\-]+(?:\s+[A-Z][A-Z’'\-]+)?\s+(?=\S*[a-z])")


def capital_lead(text: str) -> bool:
    """The text opens as a UK lead does: its first word or two in capitals, the rest not."""
    return bool(_CAPITAL_LEAD.match(text))


def jump_head(text: str) -> bool:
    """A jump head over a continuation: ``SCHOOLS``, ``ETHNIC STUDIES``, ``KEVORKIAN: Jury finds …``."""
    text = text.strip(" _•*")
    if not text or len(text) > 120:
        return False
    head = text.split(":", 1)[0] if ":" in text else text
    letters = [c for c in head if c.isalpha()]
    return 2 <= len(letters) <= 30 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


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
