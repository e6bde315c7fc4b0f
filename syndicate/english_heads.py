"""English headlines: a head block read into kicker, headline and deck, and a headline derived from
the lead for an article printed without one (the main clause of its first sentence)."""

from __future__ import annotations

import re

from .english import ends_sentence, word_set

# --- headline blocks -----------------------------------------------------------------------------

_KICKER = re.compile(r"^(?:[•*■]\s*\w.*|[a-z].*|.*(?:\.\.\.|…|:))$")


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
    deck = " ".join(heads[1:]) or subtitle
    return kicker, heads[0], deck


# --- derived headline ---------------------------------------------------------------------------

HEADLINE_WORDS = 12  # a derived headline is at most about this many words
_OPENER = re.compile(
    r"^(?:After|When|Although|Though|As|While|Because|If|Since|Before|Despite|Following|In|On|At|During"
    r"|With|For|According to|Amid|Under|Unlike|Like|Once|Until|Without|Through|By|From|Earlier|Last|This)\b[^,]{2,80},\s+"
)
_CLAUSE_CUT = re.compile(
    r",\s+(?:who|which|whose|while|but|and|although|though|after|according|said|says|where|when|because"
    r"|including|as|even)\b|\s+[—–]\s+|\s*--\s*|;\s|:\s|\s+\((?![A-Z]{2,}\))"
)
_TRAILING_MINOR = word_set(
    """a an the and or but of to in on at by for with from as that which who is are was"""
)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")


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
    if len(words) > HEADLINE_WORDS:
        words = words[:HEADLINE_WORDS]
        while len(words) > 4 and words[-1].lower().strip(",") in _TRAILING_MINOR:
            words.pop()
    return " ".join(words).rstrip(" ,;:.!?\"'”’").lstrip("\"“‘'")
