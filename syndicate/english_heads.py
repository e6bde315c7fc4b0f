"""English headlines: a head block read into kicker, headline and deck, a jump head matched to the
keyword of its jump line, and a headline derived from the lead for an article printed without one
(the main clause of its first sentence)."""

from __future__ import annotations

import re

from . import lazyre
from .english import ends_sentence, word_set
from .model import Fragment

# --- headline blocks -----------------------------------------------------------------------------

_KICKER = lazyre.compile(r"^(?:[•*■]\s*\w.*|[a-z].*|.*(?:\.\.\.|…|:))$")


def titles(heads: list[str], subtitle: str | None) -> tuple[str | None, str | None, str | None]:
    """(kicker, headline, deck) from an English head block in print order: the headline first and
    decks under it; a first line is a kicker only when set like one (``•editorial``, ``No beef
    about it...``, ``COMMENTARY:``, a label of one or two words over a longer headline)."""
    if not heads:
        return None, None, subtitle
    kicker = None
    if len(heads) > 1:
        first = heads[0]
        label = len(first.split()) <= 2 and first.isupper() and len(heads[1]) > len(first)
        if label or (_KICKER.match(first) and len(first) < len(heads[1])):
            kicker, heads = first, heads[1:]
    if len(heads) >= 3 and _one_type(heads[0], heads[1], heads[2]):
        heads = [f"{heads[0]} {heads[1]}", *heads[2:]]
    while len(heads) > 1 and (_needs_next(heads[0]) or heads[1][:1].islower()):
        heads = [f"{heads[0]} {heads[1]}", *heads[2:]]  # Eagles roll past / Tigers, 72-58: one headline
    deck = " ".join(heads[1:]) or subtitle
    return kicker, heads[0], deck


# Words a headline line does not end on when it goes on in the next: it broke there.
_GOES_ON = word_set(
    """a an the and or but nor of to in on at by for with from as past over into onto after before than
    vs versus about against between toward towards amid without"""
)


def _needs_next(line: str) -> bool:
    """The headline line ends on a word that needs the next (``Eagles roll past``, ``CUTS TO``)."""
    words = line.split()
    return len(words) > 1 and words[-1].lower().strip(".,:;") in _GOES_ON


# --- jump heads ----------------------------------------------------------------------------------


def keyword_evidence(keyword: str, into: Fragment) -> float:
    """``See SCHOOLS, Page 4``: the continuation's jump head repeats the keyword (1.0); a jump head
    in capitals that says something else is evidence against (-0.5); the keyword in its text is a
    hint (0.2). Words are compared as OCR reads them (``NF.W OFFICES`` for ``NEW OFFICES``)."""
    key = _tokens(keyword)
    printed_head = into.headline or (into.jump_in.keyword if into.jump_in else "")  # SCHOOLS, from page 1
    head = printed_head.split(":", 1)[0]
    if head and key:
        printed = _tokens(head)
        fewer, more = sorted((key, printed), key=len)  # RIDING for RIDING CLASS, and the other way
        if fewer and all(any(_near(a, b) for b in more) for a in fewer) or "".join(key) == "".join(printed):
            return 1.0
        if head.isupper():
            return -0.5
    text = " ".join(into.paragraphs[:3]).upper()
    return 0.2 if key and keyword.upper() in text else 0.0


_OCR_LETTERS = str.maketrans("l0158", "IOISB")  # what OCR puts for letters in a word set in capitals


def _tokens(text: str) -> list[str]:
    """Words in capitals, OCR's l read back as I: ``DRlVE-lN`` -> [DRIVE, IN]."""
    return re.findall(r"[A-Z]+", re.sub(r"[.’']", "", text.translate(_OCR_LETTERS)).upper())


def _near(a: str, b: str) -> bool:
    """Two OCR readings of one word: one letter in four misread (one at least), or one lost."""
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= max(1, len(a) // 4)
    short, long_ = sorted((a, b), key=len)
    return (
        len(long_) - len(short) == 1
        and len(short) >= 3
        and any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))
    )


def _one_type(first: str, second: str, third: str) -> bool:
    """Two short lines of about one length over a much longer one: a headline set on two lines
    in large type (``Council approves`` / ``$48 million budget``), its deck below in smaller."""
    short = max(len(first), len(second))
    return len(second) <= 1.4 * len(first) and len(first) <= 1.4 * len(second) and len(third) >= 1.5 * short


# --- derived headline ---------------------------------------------------------------------------

HEADLINE_WORDS = 12  # a derived headline is at most about this many words
_OPENER = lazyre.compile(
    r"^(?:After|When|Although|Though|As|While|Because|If|Since|Before|Despite|Following|In|On|At|During"
    r"|With|For|According to|Amid|Under|Unlike|Like|Once|Until|Without|Through|By|From|Earlier|Last|This)\b[^,]{2,120},\s+"
)
_CLAUSE_CUT = lazyre.compile(
    r",\s+(?:who|which|whose|while|but|and|although|though|after|according|said|says|where|when|because"
    r"|including|as|even)\b|\s+[—–]\s+|\s*--\s*|;\s|:\s|\s+\((?![A-Z]{2,}\))"
)
# Where a long clause may be cut short: before a preposition or a conjunction, not inside a phrase.
_BREAK_WORDS = word_set(
    """after before because when while which who whose where as since until although though but and or
    in on at of to for from with by during despite over under into like than about against between through"""
)
_TRAILING_MINOR = word_set(
    """a an the and or but of to in on at by for with from as that which who is are was"""
)
_SENTENCE_SPLIT = lazyre.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")


def first_sentence(text: str) -> str:
    """The first sentence of ``text`` (``Mr.``, ``U.S.``, ``p.m.`` do not end one)."""
    for m in _SENTENCE_SPLIT.finditer(text):
        if ends_sentence(text[: m.start()]):
            return text[: m.start()]
    return text


def derive_headline(lead: str) -> str:
    """A headline for an article printed without one: the main clause of the lead's first
    sentence, at most about ``HEADLINE_WORDS`` words (an opening ``After the vote,`` skipped)."""
    sentence = first_sentence(" ".join(lead.split()))
    m = _OPENER.match(sentence)
    if m and len(sentence[m.end() :].split()) >= 4:
        sentence = sentence[m.end() :]
        sentence = sentence[:1].upper() + sentence[1:]
    cut = _CLAUSE_CUT.search(sentence)
    if cut and len(sentence[: cut.start()].split()) >= 4:
        sentence = sentence[: cut.start()]
    words = sentence.split()
    if len(words) > HEADLINE_WORDS + 2:  # "about 12": a clause that ends by 14 is kept whole
        words = _shortened(words)
    headline = " ".join(words).rstrip(" ,;:.!?\"'”’").lstrip("\"“‘'")
    if headline.count("“") > headline.count("”"):  # a quotation the cut left open: no mark
        headline = "".join(headline.rsplit("“", 1))
    return headline


def _shortened(words: list[str]) -> list[str]:
    """A clause too long for a headline, cut where it pauses: after its last comma within the
    first ``HEADLINE_WORDS`` words, else before its last preposition or conjunction there (…
    organizations / after receiving), else at ``HEADLINE_WORDS`` (minor words off the end)."""
    for k in range(HEADLINE_WORDS, 4, -1):
        if words[k - 1].endswith((",", ";")):
            return words[:k]
    for k in range(HEADLINE_WORDS, 5, -1):
        if words[k].lower() in _BREAK_WORDS:
            return words[:k]
    words = words[:HEADLINE_WORDS]
    while len(words) > 4 and words[-1].lower().strip(",") in _TRAILING_MINOR:
        words.pop()
    return words
