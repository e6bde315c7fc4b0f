"""Text as every format prints it: cleaned of what XML cannot carry, the body with its dateline."""

from __future__ import annotations

import dataclasses
import weakref

from ..model import Article, Part, StoredArticle
from ..xmlchars import clean


def _clean_opt(text: str | None) -> str | None:
    return None if text is None else clean(text)


def clean_article(a: Article) -> Article:
    """The article with every text field cleaned (see ``xmlchars.clean``)."""
    return dataclasses.replace(
        a,
        headline=clean(a.headline),
        kicker=_clean_opt(a.kicker),
        subheadline=_clean_opt(a.subheadline),
        byline=tuple(clean(b) for b in a.byline),
        byline_text=_clean_opt(a.byline_text),
        dateline=_clean_opt(a.dateline),
        paragraphs=tuple(clean(p) for p in a.paragraphs),
        parts=tuple(dataclasses.replace(p, first=clean(p.first), last=clean(p.last)) for p in a.parts),
    )


# What ``cleaned`` returned, by id while it lives: cleaning it again gives itself, so a caller
# that cleans once (the plan's feed windows) saves every renderer after it the work (an article
# is printed in up to six feeds and a section page).
_CLEANED: weakref.WeakValueDictionary[int, StoredArticle] = weakref.WeakValueDictionary()


def cleaned(item: StoredArticle) -> StoredArticle:
    """``item`` with its article's text cleaned: what each renderer prints from."""
    if _CLEANED.get(id(item)) is item:
        return item
    done = dataclasses.replace(item, article=clean_article(item.article))
    _CLEANED[id(done)] = done
    return done


def pages_note(parts: tuple[Part, ...]) -> str:
    """``第1版、第2版``: where the article was printed."""
    pages = dict.fromkeys(p.page for p in parts)
    return "、".join(f"第{n}版" for n in pages)


def body_paragraphs(a: Article) -> tuple[str, ...]:
    """The body as printed: the dateline opens the first paragraph (``本报10月24日讯　根据…``)."""
    if not a.dateline or not a.paragraphs:
        return a.paragraphs
    return (f"{a.dateline}\u3000{a.paragraphs[0]}", *a.paragraphs[1:])


def language(a: Article, publication_language: str) -> str:
    """The article's language tag: the publication's (``zh-CN``) when the article is in it, else
    the article's own (``en``): pages of one issue may be in different languages."""
    if not a.language or publication_language.split("-")[0].lower() == a.language:
        return publication_language
    return a.language
