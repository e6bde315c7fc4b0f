"""What every renderer receives: a stored article version (``Item``) and the site it is published on (``Site``).

Also the few text and time helpers all formats share. Nothing here reads a clock, a file or the store.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import zoneinfo
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

from ..model import Article, Part
from .slug import slugify

# XML 1.0 forbids C0 controls other than tab/newline/CR, lone surrogates and U+FFFE/U+FFFF; C1 controls are
# allowed but are always debris of a bad extraction, and feed validators flag them.
_INVALID_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)  # the "updated" of a feed that has no entries yet


def clean(text: str) -> str:
    """``text`` without the characters XML cannot carry (or that only a broken extraction produces)."""
    return _INVALID_CHARS.sub("", text)


def _clean_opt(text: str | None) -> str | None:
    return None if text is None else clean(text)


def clean_article(a: Article) -> Article:
    """The article with every text field cleaned (see ``clean``)."""
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


def rfc822(t: dt.datetime, tz: dt.tzinfo) -> str:
    """RFC 822 date with a numeric offset (``+0800``), independent of the process locale.

    feedgen's own formatter switches the process-wide locale to "C" and back, which races
    with any other thread (the scheduler runs passes in a thread pool), so we never call it.
    """
    t = t.astimezone(tz)
    return f"{_DAYS[t.weekday()]}, {t.day:02d} {_MONTHS[t.month - 1]} {t.year:04d} {t:%H:%M:%S} {t:%z}"


def rfc3339(t: dt.datetime, tz: dt.tzinfo) -> str:
    """RFC 3339 in the publication's zone, whole seconds: ``2023-10-24T06:00:00+08:00``."""
    return t.astimezone(tz).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class Item:
    """One article as stored: its current version and when that version (and the first) appeared."""

    article: Article
    version: int
    seq: int  # 0-based position of the article in its issue's print order
    first_created: dt.datetime  # when version 1 was stored (the pass's clock)
    created: dt.datetime  # when this version was stored
    withdrawn: bool = False  # the article is gone from a later reading of its issue

    def __post_init__(self) -> None:
        object.__setattr__(self, "article", clean_article(self.article))

    @property
    def date(self) -> dt.date:
        return self.article.date

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def section(self) -> str:
        return self.article.section


@dataclass(frozen=True)
class CatalogRow:
    """The few facts of an article version that the partner catalog lists."""

    date: dt.date
    id: str
    section: str
    headline: str
    version: int
    created: dt.datetime
    withdrawn: bool = False

    @classmethod
    def of(cls, item: Item) -> CatalogRow:
        a = item.article
        return cls(a.date, a.id, a.section, a.headline, item.version, item.created, item.withdrawn)


@dataclass(frozen=True)
class Site:
    """The publication as the renderers see it: names, URLs, zone, release time, section slugs."""

    name: str
    base_url: str  # ends with "/"
    language: str
    timezone: str
    release: dt.time
    copyright_holder: str
    usage_terms: str
    provider: str | None = None
    slugs: Mapping[str, str] = field(default_factory=dict)  # section name -> slug

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)

    @property
    def host(self) -> str:
        return urlsplit(self.base_url).hostname or "localhost"

    def release_at(self, date: dt.date) -> dt.datetime:
        """When the issue of ``date`` may be public."""
        return dt.datetime.combine(date, self.release, tzinfo=self.tz)

    def embargoed(self, date: dt.date, now: dt.datetime) -> bool:
        return now < self.release_at(date)

    def published(self, item: Item) -> dt.datetime:
        """The entry time: the issue's release, one second earlier per place in print order.

        Distinct times keep the printed order in readers that sort by date (front page first)
        and stop readers that dedupe by date from hiding entries.
        """
        return self.release_at(item.date) - dt.timedelta(seconds=item.seq)

    def updated(self, item: Item) -> dt.datetime:
        """The entry's updated time: never before ``published`` (a version stored before release)."""
        # feedgen writes Atom times with isoformat(): hand it times already in the publication's zone
        return max(self.published(item), item.created).astimezone(self.tz).replace(microsecond=0)

    def slug(self, section: str) -> str:
        return self.slugs.get(section) or slugify(section)

    def article_path(self, item: Item) -> str:
        """Path of the article page under ``public/``."""
        return f"articles/{item.date.isoformat()}/{item.id}.html"

    def url(self, path: str) -> str:
        return self.base_url + quote(path)

    def tag(self, item: Item) -> str:
        """A tag URI (RFC 4151) that names the article forever, whatever its version or URL."""
        return f"tag:{self.host},{item.date.isoformat()}:{quote(item.id, safe='')}"

    def guid(self, date: dt.date, name: str) -> str:
        """NewsML-G2 guid: ``urn:newsml:<host>:<YYYYMMDD>:<name>``."""
        return f"urn:newsml:{self.host}:{date:%Y%m%d}:{quote(name, safe='-._')}"


def pages_note(parts: tuple[Part, ...]) -> str:
    """``第1版、第2版``: where the article was printed."""
    pages = dict.fromkeys(p.page for p in parts)
    return "、".join(f"第{n}版" for n in pages)


def body_paragraphs(a: Article) -> tuple[str, ...]:
    """The body as printed: the dateline opens the first paragraph (``本报10月24日讯　根据…``)."""
    if not a.dateline or not a.paragraphs:
        return a.paragraphs
    return (f"{a.dateline}\u3000{a.paragraphs[0]}", *a.paragraphs[1:])
