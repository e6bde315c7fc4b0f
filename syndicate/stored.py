"""What the store keeps and gives back: stored article versions, issue packages, the catalog's
entries, the publishing queue, and the ``Snapshot`` that holds them for one publishing step.

Kept apart from ``model`` (which names them too) so that reading an issue (``syndicate articles``)
does not create these classes: making a dataclass costs about half a millisecond at start-up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import overload

from .model import Article, ArticleKey


@dataclass(frozen=True)
class Saved:
    """What saving one issue changed."""

    new_issue: bool
    created: int = 0  # articles stored for the first time
    updated: int = 0  # articles that got a new version (withdrawals included)
    unchanged: int = 0
    withdrawn: tuple[str, ...] = ()  # ids of the articles this save withdrew


@dataclass(frozen=True)
class StoredArticle:
    """One article as stored: its current version and when that version (and the first) appeared.

    The text is as read (the renderers clean what their format cannot carry)."""

    article: Article
    version: int
    seq: int  # 0-based position of the article in its issue's print order
    first_created: dt.datetime  # when version 1 was stored (the pass's clock)
    created: dt.datetime  # when this version was stored
    withdrawn: bool = False  # the article is gone from a later reading of its issue
    # The digest of the stored text ``article`` was decoded from (set by the store that read it;
    # "" otherwise): what a rendered fragment's key names instead of the whole article. Not an
    # init field, so ``dataclasses.replace`` (another article) never carries it over.
    text_digest: str = field(default="", init=False, repr=False, compare=False)

    def read_from(self, text_digest: str) -> StoredArticle:
        """This article, known to be decoded from the stored text of ``text_digest``."""
        object.__setattr__(self, "text_digest", text_digest)
        return self

    @property
    def date(self) -> dt.date:
        return self.article.date

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def section(self) -> str:
        return self.article.section

    @property
    def key(self) -> ArticleKey:
        return (self.article.date, self.article.id)


@dataclass(frozen=True)
class IssuePackage:
    """An issue as the NewsML package lists it: its own version, and every article in print order
    (withdrawn ones included). The version is bumped when the list of article versions changes.
    ``page_sections``: the section name of each printed page, as delivered (the e-paper's pages)."""

    date: dt.date
    version: int
    first_created: dt.datetime
    created: dt.datetime
    articles: tuple[StoredArticle, ...] = ()
    page_sections: Mapping[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class CatalogEntry:
    """The few facts of a current article version that the partner catalog lists."""

    date: dt.date
    id: str
    section: str
    headline: str
    version: int
    created: dt.datetime
    withdrawn: bool = False

    @classmethod
    def of(cls, stored: StoredArticle) -> CatalogEntry:
        a = stored.article
        return cls(a.date, a.id, a.section, a.headline, stored.version, stored.created, stored.withdrawn)


@dataclass(frozen=True)
class CatalogDay:
    """One issue date of the partner catalog: how many of its entries the catalog lists (the row
    cap may cut the oldest date short) and a digest of what they are made of (the issue package's
    version, hash and time, which change with any article's version, print order or section, and
    with them its headline, status and time): equal digests, equal entries."""

    date: dt.date
    count: int
    digest: str


class CatalogRead(Sequence[CatalogEntry]):
    """The catalog's entries, date by date (``days``, newest first), each date's read by ``load``
    when it is taken: a plan that kept a date's lines from an earlier pass (its digest unchanged)
    reads and decodes nothing of it."""

    def __init__(
        self, days: Sequence[CatalogDay], load: Callable[[CatalogDay], Sequence[CatalogEntry]]
    ) -> None:
        self.days = tuple(days)
        self.load = load

    def __len__(self) -> int:
        return sum(d.count for d in self.days)

    def __iter__(self) -> Iterator[CatalogEntry]:
        for day in self.days:
            yield from self.load(day)

    @overload
    def __getitem__(self, index: int) -> CatalogEntry: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[CatalogEntry]: ...

    def __getitem__(self, index: int | slice) -> CatalogEntry | Sequence[CatalogEntry]:
        return list(self)[index]


@dataclass(frozen=True)
class Queued:
    """An article whose outputs must be (re)written, as settling the queue needs it (no text)."""

    date: dt.date
    id: str
    withdrawn: bool = False

    @property
    def key(self) -> ArticleKey:
        return (self.date, self.id)


class IssuesRead(Sequence[IssuePackage]):
    """Issue packages of ``dates``, each read by ``load`` when it is taken and not kept: a pass
    over a year of queued issues holds one issue's articles at a time, not the year's."""

    def __init__(self, dates: Sequence[dt.date], load: Callable[[dt.date], IssuePackage]) -> None:
        self.dates = tuple(dates)
        self._load = load

    def __len__(self) -> int:
        return len(self.dates)

    def __iter__(self) -> Iterator[IssuePackage]:
        return map(self._load, self.dates)

    @overload
    def __getitem__(self, index: int) -> IssuePackage: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[IssuePackage]: ...

    def __getitem__(self, index: int | slice) -> IssuePackage | Sequence[IssuePackage]:
        if isinstance(index, slice):
            return IssuesRead(self.dates[index], self._load)
        return self._load(self.dates[index])


@dataclass(frozen=True)
class Snapshot:
    """Everything one publishing step renders, read from the store at one moment.

    ``queued``: the articles whose outputs must be (re)written (every article when the store says
    the whole output must be rebuilt), in date and print order; ``packages``: the issues they belong
    to, in date order, holding them in full (a store gives ``IssuesRead``: read as the plan takes
    them, under the pass lock that keeps the store as it was at the snapshot); ``latest`` and
    ``by_section``: what the feed windows are chosen from (live articles of
    released issues: the newest issues' and the most recently stored versions; the plan orders
    them by their updated time and keeps ``window``); ``catalog``: the partner catalog's entries (newest issue first);
    ``dates``: every released issue, newest first (the archive); ``recent``: the newest released
    issues in full (the front page, the news sitemap)."""

    sections: tuple[str, ...]  # the public ones: used by an issue already released
    queued: tuple[Queued, ...]
    packages: Sequence[IssuePackage]
    latest: tuple[StoredArticle, ...]
    by_section: Mapping[str, tuple[StoredArticle, ...]]
    catalog: Sequence[CatalogEntry]  # a store gives ``CatalogRead``: read date by date
    rebuild: bool = False
    slugs: Mapping[str, str] = field(default_factory=dict)  # section -> its stored feed slug
    window: int = 50
    dates: tuple[dt.date, ...] = ()
    recent: tuple[IssuePackage, ...] = ()
