"""English openings and endings that no headline marks: an obituary's lead (``Ruth A. Moreau,
84, of Cedar Falls, died Tuesday``) opens the next notice in a column of them, and a letter to
the editor ends on its writer's signature (``Luis Sandoval`` / ``Port Haven``, ``— Ann Hale,
Easton``), under which the next letter starts."""

from __future__ import annotations

from collections.abc import Sequence

from . import english as en
from . import lazyre
from .columns import Line
from .model import Block, BlockKind

# Name (initials, a nickname, Jr.), then the age between commas, then where from or what befell:
# ``Omar A. Hale, 98, of Westbury, died`` / ``MARGARET HART, 84, died`` / ``Tom Ashby Jr., 70, a``.
_NAME = r"[A-Z][A-Za-z’'\-]+\.?(?:\s+(?:[A-Z][A-Za-z’'\-]*\.?|[\"“][A-Z][a-z]+[\"”])){1,4}(?:,?\s+(?:Jr|Sr|III|II)\.?)?"
OBITUARY_LEAD = lazyre.compile(
    rf"^{_NAME},\s+(?:age\s+)?\d{{1,3}},\s+(?:of|from|a|an|formerly|died|passed|who|the)\b"
)
# A signature: the writer's name (two or three words, capitals or Title Case, initials allowed;
# a headline in Title Case mostly runs longer),
# perhaps a dash before it and the town after a comma; the town may stand on the next line.
_WORD = r"(?:(?:Mc|Mac|De|Di|La|Le)?[A-Z][a-z’'\-]+|[A-Z]\.|[A-Z][A-Z’'\-]+)"  # McAllister, DeMarco too
_SIGNER = rf"{_WORD}(?:\s+{_WORD}){{1,2}}"
_PLACE = r"[A-Z][A-Za-z’'.\-]+(?:\s+[A-Z][A-Za-z’'.\-]+){0,2}"
SIGNATURE = lazyre.compile(rf"^(?P<dash>[—–-]{{1,2}}\s*)?{_SIGNER}(?:,\s+{_PLACE})?$")
PLACE_LINE = lazyre.compile(rf"^{_PLACE}(?:,\s+{_PLACE})?$")
SIGNATURE_MAX = 40  # a signature line is no longer
# The standing head of a letters column: on its page, a bare name under a paragraph signs a letter.
LETTERS_HEAD = lazyre.compile(
    r"^(?i:letters?(?:\s+to\s+the\s+editor)?|readers['’]?\s+(?:letters|write|forum|views)|your\s+(?:letters|views|say)"
    r"|mailbag|letters\s+from\s+readers|the\s+readers['’]?\s+forum)\s*$"
)


def obituary_lead(text: str) -> bool:
    """``Omar A. Hale, 98, of Westbury, died …`` opens an obituary."""
    return text[:1].isupper() and "," in text[:48] and OBITUARY_LEAD.match(text) is not None


_QUOTED = lazyre.compile(r"[\"“][^\"”]*[\"”]")
_FIRST_PERSON = lazyre.compile(r"(?:^|[.!?]\s+|,\s+)(?:I|My|my|We|we|Our|our)\s")


def first_person(texts: Sequence[str]) -> bool:
    """The text is written in the first person outside quotes, as letters are (``I was sorry to
    read``); a news story's ``I`` is inside a quotation."""
    text = _QUOTED.sub(" ", " ".join(texts))
    return _FIRST_PERSON.search(text) is not None


def signature(lines: Sequence[Line], i: int, letter: bool) -> int:
    """How many lines from ``i`` sign off a letter standing alone under a finished paragraph
    (0: none). The signature is set apart: a blank line (or the page's end) under it, or it is
    set with a dash, or in capitals with the town after a comma (``TOM HALE, Easton``: in
    Title Case that is a sentence's start, ``Ann Hale, Bob Yates and …``). A name line right over more text is a headline (an obituary's name). A bare
    name (no dash, no town) signs off only a ``letter`` (text in the first person): a short
    headline over a column break (``FERRY FARES SET`` / blank) has the same shape."""
    text = lines[i].text
    if len(text) > SIGNATURE_MAX or not text[:1].isupper() and text[:1] not in "—–-":
        return 0
    m = SIGNATURE.match(text)
    if m is None or text.endswith(".") or en.is_byline(text):
        return 0  # (``By LUIS HALDANE`` under a story: the next story's byline, its headline lost)
    if not m.group("dash") and "," not in text and not letter:
        return 0
    if "," not in text and _town_under(lines, i):
        return 2  # Luis Sandoval / Port Haven
    n = 1
    if (
        i + n >= len(lines)
        or lines[i + n].gap
        or m.group("dash")
        or ("," in text and text.split(",")[0].isupper())
    ):
        return n
    return n if letter and _next_letter(text, lines[i + n].text) else 0


OBITUARIES_HEAD = lazyre.compile(
    r"^(?i:obituaries|deaths|death\s+notices)\s*$"
)  # the next column's standing head
_I_OPENS = lazyre.compile(r"^(?:I|My|We|Our)\s")  # a letter's first words


def _next_letter(name: str, below: str) -> bool:
    """Under a letter's bare signature with no air, the next letter's head or first line: a head
    in capitals (under a name that is not), a byline, the column's standing head or the next
    column's (``Obituaries``), a sentence in the first person (``Maria Lopez`` / ``I was
    disappointed to read that``)."""
    if below.isupper() and not name.isupper() and len(below) > 3:
        return True
    return bool(
        _I_OPENS.match(below)
        or LETTERS_HEAD.match(below)
        or OBITUARIES_HEAD.match(below)
        or en.is_byline(below)
    )


def captions_under_head(blocks: Sequence[Block], pending: bool) -> bool:
    """The article open so far is a headline or byline, then a photo's caption and credit and no
    text (``By HUGH TANAKA`` / ``Ruth Lopez looks over …`` / ``(AP Photo)``): a dateline under them
    opens the story's own body, not another story. ``pending``: a paragraph is being read."""
    credit, captions = False, int(pending)
    for block in reversed(blocks):
        if block.role in ("head", "byline"):
            # A credit set right under the byline is read with it (``By ANN HALE`` / ``(AP Photo)``).
            credit = credit or block.role == "byline" and en.is_credit(block.raw.rpartition(" / ")[2])
            return credit and captions <= 2
        if block.role == "credit":
            credit = True
        elif block.kind is BlockKind.PARAGRAPH and not block.opens:
            captions += 1
        else:
            return False
        if captions > 2:
            return False
    return False


_NO_NAME = en.word_set("a an the and or of on in at to by for from with about")  # no word of a name


def _town_under(lines: Sequence[Line], i: int) -> bool:
    """The signature at ``i`` has its town on the next line (``Luis Sandoval`` / ``Port Haven``),
    also across a column break, and the next letter or the page's end comes after it: a blank
    line, a paragraph's first line (indented or opening with a capital). A town is a word or
    three in the signature's case: a letter's headline in capitals under a Title Case name is none."""
    if i + 1 >= len(lines):
        return False
    town, name = lines[i + 1].text, lines[i].text
    if len(town) > 24 or town.count(" ") > 2 or town.isupper() and not name.isupper():
        return False
    if any(word.lower() in _NO_NAME for word in name.split()):
        return False  # ``ABOUT THE ISSUE`` / ``Teacher Evaluations``: a kicker over a headline
    if PLACE_LINE.match(town) is None or en.is_byline(town) or en.is_staff_line(town):
        return False  # ``By Irene Sandoval`` / ``Staff Writer`` under a name: the next story's byline
    if OBITUARIES_HEAD.match(town) or LETTERS_HEAD.match(town):
        return False  # the next column's standing head
    after = lines[i + 2] if i + 2 < len(lines) else None
    return after is None or after.gap or after.indented or after.text[:1].isupper()
