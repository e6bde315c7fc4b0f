"""Whether the text below a break goes on with the article above: is the paragraph above finished,
and what content words they share (``unmarked`` asks where nothing the typesetter prints tells)."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from . import english as en
from . import english_jumps, lazyre, rules
from .columns import Line

# Content words shared below this share (of the smaller side) mean the text after a finished
# paragraph and a blank line is another article. On the English corpus pages consecutive parts
# of one article share 0.14-0.32, two articles 0.0-0.11 (and two paragraphs of letters 0.0, 0.03).
COHESION_SPLIT = 0.125
COHESION_BEFORE = 40  # lines of the article above compared
COHESION_AFTER = 16  # lines below compared
COHESION_MIN_WORDS = 20  # content words the article above needs before its words tell anything
_WORD = lazyre.compile(r"[a-z][a-z’']{3,}")
_STOP = en.word_set(
    """this that these those with from have has had were been being said says will would could should
    about after before over under into than then there here their them they when where which what
    while also more most other such only some very just year years last first week today monday
    tuesday wednesday thursday friday saturday sunday"""
)


def content_words(texts: list[str]) -> set[str]:
    """Words of four letters or more that say what a text is about (lower case, common ones left
    out), a plural or possessive read as its word: ``growers`` and ``grower's`` are ``grower``."""
    words = {w for t in texts for w in _WORD.findall(t.lower())}  # each word once, then its number
    return {_singular(w) for w in words if w not in _STOP}


@functools.lru_cache(maxsize=8192)  # a page's words recur from one candidate break to the next
def _singular(word: str) -> str:
    word = word.removesuffix("’s").removesuffix("'s").rstrip("’'")
    if word.endswith("ies") and len(word) > 5:
        return word[:-3] + "y"
    return (
        word[:-1] if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 4 else word
    )


def closed(text: str) -> bool:
    """The paragraph so far is finished: a sentence end, a jump line or a credit closes it."""
    text = text.rstrip()
    if en.ends_sentence(text) and not en.open_quote(text):
        return True
    return rules.jump_out(text) is not None or en.is_credit(text[-60:])


# Abbreviations that end sentences as often as not: ``The board meets at 7:30 p.m.``, ``… the
# U.S.``, ``Acme Inc.`` (a title before a name, ``Mr.``, ``Gov.``, never does).
_CLOSING_ABBREVIATION = lazyre.compile(r"(?:\b[ap]\.m|\bU\.S|\b(?:Inc|Corp|Co|Ltd|Jr|Sr|Bros))\.[\"'”’)]*$")


def may_close(text: str) -> bool:
    """The paragraph so far is finished, or ends on an abbreviation that often ends a sentence:
    whether it does, the line under it tells (a headline over a byline or a dateline)."""
    return closed(text) or bool(_CLOSING_ABBREVIATION.search(text[-8:]))


def cohesion(before: list[str], after: list[str]) -> float:
    """Share of content words the text after has in common with the article before (of the smaller
    side); 1.0 when either side is too short to tell (a lead paragraph alone says little)."""
    a, b = content_words(before), content_words(after)
    if len(a) < COHESION_MIN_WORDS or len(b) < COHESION_MIN_WORDS // 2:
        return 1.0
    return len(a & b) / min(len(a), len(b))


def text_below(lines: Sequence[Line], j: int) -> list[str]:
    """The lines from ``j`` that cohesion compares: up to a jump line that ends the text there
    (``Please see DRIVE-IN, Page B2``), past which another article's words begin."""
    out: list[str] = []
    for line in lines[j : j + COHESION_AFTER]:
        out.append(line.text)
        if english_jumps.may_end_jump(line.text) and rules.jump_out(" ".join(out[-2:])) is not None:
            break
    return out
