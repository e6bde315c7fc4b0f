"""A chain of stitched fragments -> the published article: the text joined across each jump (a
sentence the jump cut is mended), the headline printed or derived from the lead, the byline (or,
with none above, the names signed at the end), and each part's place on its page."""

from __future__ import annotations

import datetime as dt

from . import english as en
from . import names, rules
from .lead import derive_headline
from .model import Article, Fragment, Jump, Part, article_id
from .profile import PROFILES
from .text import join


def unfinished(text: str, language: str) -> bool:
    """Cut mid-sentence: no sentence end (in English a period ends one: ``… the board voted.``)."""
    return not (en.ends_sentence(text) if language == "en" else rules.SENTENCE_END.search(text))


def runs_on(f: Fragment) -> bool:
    """The fragment's text starts mid-sentence (in lower case): the rest of a sentence cut by a jump."""
    return bool(f.paragraphs) and f.paragraphs[0][:1].islower()


def derive(f: Fragment, lead: str) -> str:
    profile = PROFILES.get(f.language)
    derive = profile.derive_headline if profile and profile.derive_headline else derive_headline
    return derive(lead)


def _part(f: Fragment) -> Part:
    body = "".join(f.paragraphs)
    return Part(f.page, f.order, f.first_line, f.last_line, body[:20], body[-20:])


def article(chain: list[Fragment], date: dt.date, section: str, unresolved: Jump | None) -> Article:
    first = chain[0]
    paragraphs: list[str] = []
    for f in chain:
        paras = list(f.paragraphs)
        if paragraphs and paras and (f.run_in or runs_on(f)) and unfinished(paragraphs[-1], f.language):
            paragraphs[-1] = join(paragraphs[-1], paras.pop(0))  # a sentence cut by the jump
        paragraphs += paras
    headline = first.headline or ""
    derived = not headline
    if derived:
        headline = derive(first, paragraphs[0]) if paragraphs else ""
    byline = tuple(dict.fromkeys(n for f in chain for n in f.byline))
    if not byline and first.language == "zh" and paragraphs:
        byline = names.signed(paragraphs[-1])  # no byline above, names signed below: …好觉。（罗澜）
    return Article(
        id=article_id(date, first.page, first.order),
        date=date,
        section=section,
        headline=headline,
        headline_derived=derived,
        kicker=first.kicker,
        subheadline=first.subheadline,
        byline=byline,
        dateline=first.dateline,
        paragraphs=tuple(paragraphs),
        parts=tuple(_part(f) for f in chain),
        complete=unresolved is None,
        unresolved_jump=unresolved,
        kind=first.kind,
        byline_text=first.byline_text,
        language=first.language,
    )
