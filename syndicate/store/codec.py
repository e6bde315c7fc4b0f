"""The stored form of an article version: a JSON object holding every field of ``Article``.

Not the document of ``syndicate articles`` (``render_json``): this one is for the store only,
keeps every field (``byline_text``, the jump's label) and must read back what older passes wrote.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
from typing import Any

from ..model import Article, FragmentKind, Jump, Part


def article_record(a: Article) -> dict[str, Any]:
    """A JSON-able dict holding every field of the article."""
    jump = a.unresolved_jump
    return {
        "id": a.id,
        "date": a.date.isoformat(),
        "section": a.section,
        "headline": a.headline,
        "headline_derived": a.headline_derived,
        "kicker": a.kicker,
        "subheadline": a.subheadline,
        "byline": list(a.byline),
        "byline_text": a.byline_text,
        "dateline": a.dateline,
        "paragraphs": list(a.paragraphs),
        "parts": [[p.page, p.order, p.first_line, p.last_line, p.first, p.last] for p in a.parts],
        "complete": a.complete,
        "unresolved_jump": None if jump is None else [jump.page, jump.marker, jump.label],
        "kind": a.kind.value,
        # Only when not Chinese: records written before articles had a language (all Chinese)
        # read back the same, and their text (and digest) stays what it was.
        **({"language": a.language} if a.language != "zh" else {}),
    }


def article_from_record(d: dict[str, Any]) -> Article:
    """The inverse of ``article_record``."""
    jump = d["unresolved_jump"]
    return Article(
        id=d["id"],
        date=dt.date.fromisoformat(d["date"]),
        section=d["section"],
        headline=d["headline"],
        headline_derived=d["headline_derived"],
        kicker=d["kicker"],
        subheadline=d["subheadline"],
        byline=tuple(d["byline"]),
        dateline=d["dateline"],
        paragraphs=tuple(d["paragraphs"]),
        parts=tuple(Part(*p) for p in d["parts"]),
        complete=d["complete"],
        unresolved_jump=None if jump is None else Jump(*jump),
        kind=FragmentKind(d["kind"]),
        byline_text=d["byline_text"],
        language=d.get("language", "zh"),
    )


def published_form(d: dict[str, Any]) -> dict[str, Any]:
    """A stored record without what no output shows: where each part sits on its page."""
    return {**d, "parts": [p[0] for p in d["parts"]]}


def dumps(a: Article) -> str:
    """The stored text: sorted keys, so that equal articles give equal text (and hash)."""
    return json.dumps(article_record(a), ensure_ascii=False, sort_keys=True)


# A snapshot's feed windows hold each article up to four times (the all-sections window and its
# section's, each by newest issue and by newest version), and a process that runs pass after pass
# (the scheduler, a backfill) reads the same full windows each time: each stored text is decoded
# once. Articles are frozen, so one decoded article can be shared. The bound is a few windows'
# worth (a few MB), whatever the archive holds.
DECODED_MAX = 2048


@functools.lru_cache(maxsize=DECODED_MAX)
def loads(text: str) -> Article:
    """The article of a stored text (``dumps``), decoded once per text while it is recent."""
    return article_from_record(json.loads(text))


def digest(text: str) -> str:
    """The SHA-256 of stored text: what tells a changed version (or package) from an unchanged one."""
    return hashlib.sha256(text.encode()).hexdigest()
