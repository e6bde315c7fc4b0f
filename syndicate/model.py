"""The data model that flows through the stages; no I/O here.

source (``Issue`` of ``Page``) -> normalize (``Block``) -> segment (``Fragment``)
-> stitch (``Article``, ``Orphan``, ``Reading``) -> store (``StoredArticle``, ``IssuePackage``,
``CatalogEntry``, read together as one ``Snapshot``; defined in ``stored``) -> publish. Any stage
may report a ``Problem``; ``pipeline`` joins them into the pass report.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING


@dataclass(frozen=True)
class Problem:
    """Something a stage met and reported without stopping: a page refused, a jump left open.

    ``where`` names the file, URL, page or issue (it may be empty when ``message`` says it all);
    ``str()`` is the line a user reads: ``where: message``.
    """

    stage: str  # "source", "read", "store", "publish"
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message

    def __contains__(self, text: str) -> bool:
        """``"page-02.txt" in problem``: whether the line a user reads mentions ``text``."""
        return text in str(self)

    @classmethod
    def of(cls, stage: str, text: str) -> Problem:
        """A problem from a ``where: message`` line, as the reading stages still write them."""
        where, sep, message = text.partition(": ")
        return cls(stage, where, message) if sep else cls(stage, "", text)


@dataclass(frozen=True)
class Page:
    """One printed page (版) as delivered: decoded text plus where it came from."""

    number: int
    section: str  # section name, e.g. 要闻 (from issue.toml, configuration or the page label)
    text: str
    source: str  # file name or URL, for messages
    encoding: str  # codec the bytes were decoded with
    sha256: str  # of the raw bytes: "changed" means this changed
    label: str = ""  # the page as printed and as jump markers name it: A01, B02, 第二版 (manifest)


Ref = tuple[int, int]  # (page, order): an article fragment as ``syndicate articles`` numbers it


@dataclass(frozen=True)
class Fix:
    """One ``[[fix]]`` table of ``issue.toml``: a desk's correction of the reading (``fixes``).

    Exactly one kind is set: ``join`` (the articles holding these fragments become one, in this
    order), ``split`` (an article starts at this line of this page's file), ``headline`` (this
    article's headline, as printed or meant)."""

    where: str  # "<issue.toml>: fix[2]", for messages
    join: tuple[Ref, ...] = ()
    split: tuple[int, int] | None = None  # (page, line)
    headline: tuple[Ref | str, str] | None = None  # (fragment or published article id, text)


@dataclass(frozen=True)
class Issue:
    """All pages of one dated issue that are present now (late pages arrive in a later pass)."""

    date: dt.date
    pages: tuple[Page, ...]
    publication: str | None = None
    problems: tuple[str, ...] = ()  # pages refused (undecodable, empty...): "where: message" each
    # Pages listed (in the folder or the manifest) but not read: empty, undecodable, 404/5xx, an HTML
    # error page. Not evidence that their articles are gone: they keep their last stored text.
    unreadable: tuple[int, ...] = ()
    fixes: tuple[Fix, ...] = ()  # the desk's corrections (issue.toml [[fix]]), applied in order

    @property
    def content_hash(self) -> str:
        h = hashlib.sha256()
        for p in sorted(self.pages, key=lambda p: p.number):
            h.update(f"{p.number}:{p.section}:{p.sha256}\n".encode())
        for fix in self.fixes:  # none: the hash of an issue stored before fixes existed
            h.update(f"fix:{fix.join}:{fix.split}:{fix.headline}\n".encode())
        return h.hexdigest()


class BlockKind(Enum):
    PARAGRAPH = "paragraph"  # body text: an indented paragraph with its wraps re-flowed
    LINE = "line"  # an unindented stand-alone line: headline, kicker, byline, jump head


@dataclass(frozen=True)
class Block:
    """A re-flowed paragraph or a stand-alone line, with its 1-based line span in the page file."""

    kind: BlockKind
    text: str  # re-flowed, letter-spacing closed up
    first_line: int
    last_line: int
    blank_before: bool = False  # a blank line separated it from the previous block
    raw: str = ""  # re-flowed but spacing as printed: bylines need the spaces between names
    # Pages without paragraph marks (English) are read by line shape, and the reader decides there
    # where an article opens (``unmarked``): the block that opens one, and what a line is
    # ("head", "jump_head", "jump_in", "byline"); segment follows these instead of guessing again.
    opens: bool = False
    role: str = ""
    centred: bool = False  # a stand-alone line printed with spaces before it, as a centred head is


class FragmentKind(Enum):
    STORY = "story"
    CONTINUATION = "continuation"  # opens with a jump-in marker
    PHOTO = "photo"  # a captioned picture (图片新闻)


@dataclass(frozen=True)
class Jump:
    """A continuation marker: ``（下转第二版）`` (out) or ``（上接第一版）`` (in)."""

    page: int | None  # the other page's number, when the label could be read
    marker: str  # the marker as printed
    label: str = ""  # the page label as printed: 二, 2, A2; "back" for ``See back page``
    keyword: str = ""  # the jump keyword of ``See SCHOOLS, Page 4``, repeated as the jump head


@dataclass(frozen=True)
class Fragment:
    """A piece of an article as printed on one page."""

    page: int
    order: int  # 1-based among the page's article fragments (orphans numbered separately)
    kind: FragmentKind
    first_line: int
    last_line: int
    paragraphs: tuple[str, ...]
    kicker: str | None = None
    headline: str | None = None
    subheadline: str | None = None
    byline: tuple[str, ...] = ()
    byline_text: str | None = None  # the byline as printed, with roles (记者, 通讯员)
    dateline: str | None = None
    jump_in: Jump | None = None
    jump_out: Jump | None = None
    run_in: bool = False  # the text runs straight on from the jump-in marker (same paragraph)
    language: str = "zh"  # of the page's profile (BCP 47 primary tag)


@dataclass(frozen=True)
class Part:
    """Where one fragment of an article sits: the JSON ``parts`` entry."""

    page: int
    order: int
    first_line: int
    last_line: int
    first: str
    last: str


@dataclass(frozen=True)
class Article:
    """A whole article, its fragments stitched in reading order."""

    id: str
    date: dt.date
    section: str
    headline: str
    headline_derived: bool
    kicker: str | None
    subheadline: str | None
    byline: tuple[str, ...]
    dateline: str | None
    paragraphs: tuple[str, ...]
    parts: tuple[Part, ...]
    complete: bool = True
    unresolved_jump: Jump | None = None
    kind: FragmentKind = FragmentKind.STORY
    byline_text: str | None = None
    language: str = "zh"  # BCP 47 primary tag of the page it was read from (its first part)

    @property
    def pages(self) -> tuple[int, ...]:
        return tuple(dict.fromkeys(p.page for p in self.parts))

    @property
    def lead(self) -> str:
        return self.paragraphs[0] if self.paragraphs else ""


@dataclass(frozen=True)
class Orphan:
    """A headline block that no body follows: reported, never published."""

    page: int
    order: int
    first_line: int
    last_line: int
    text: str


@dataclass(frozen=True)
class JumpDecision:
    """Why a jump-out was matched (or not) to a jump-in fragment: shown by ``--explain``."""

    from_page: int
    from_order: int
    to_page: int | None
    to_order: int | None
    score: float
    evidence: dict[str, float] = field(default_factory=dict)
    note: str = ""


@dataclass(frozen=True)
class BoundaryDecision:
    """Why a finished paragraph did or did not start an article: shown by ``--explain``."""

    page: int
    line: int  # first line of the paragraph after the candidate boundary
    split: bool
    evidence: dict[str, float] = field(default_factory=dict)
    note: str = ""


@dataclass(frozen=True)
class Reading:
    """The result of reading one issue: what ``syndicate articles`` prints."""

    date: dt.date
    articles: tuple[Article, ...]
    orphans: tuple[Orphan, ...]
    decisions: tuple[JumpDecision, ...] = ()
    problems: tuple[str, ...] = ()  # reported, not fatal: refused pages, unmatched jump-ins
    boundaries: tuple[BoundaryDecision, ...] = ()  # soft boundaries and their evidence (--explain)
    fixed: tuple[str, ...] = ()  # what each of the desk's fixes changed (--explain)


# ---- what the store keeps and gives back -----------------------------------------------------


def article_id(date: dt.date, page: int, order: int) -> str:
    """``<yyyymmdd>-<page><order>`` of an article's first part: ``20231024-0102``. When the page or
    the order needs three digits they are set apart (``-123-01``, ``-12-301``), so that no two
    positions give one id (page 12, order 301 and page 123, order 1 were both ``12301``)."""
    if page < 100 and order < 100:
        return f"{date:%Y%m%d}-{page:02d}{order:02d}"
    return f"{date:%Y%m%d}-{page:02d}-{order:02d}"


ArticleKey = tuple[dt.date, str]  # (issue date, article id): an article across its versions


# The store's classes live in ``stored``, created when first named (``from .model import Snapshot``
# works as before): reading an issue never needs them.
_STORED = frozenset(
    {
        "Saved",
        "StoredArticle",
        "IssuePackage",
        "CatalogEntry",
        "CatalogDay",
        "CatalogRead",
        "Queued",
        "IssuesRead",
        "Snapshot",
    }
)

if TYPE_CHECKING:
    from .stored import CatalogDay as CatalogDay
    from .stored import CatalogEntry as CatalogEntry
    from .stored import CatalogRead as CatalogRead
    from .stored import IssuePackage as IssuePackage
    from .stored import IssuesRead as IssuesRead
    from .stored import Queued as Queued
    from .stored import Saved as Saved
    from .stored import Snapshot as Snapshot
    from .stored import StoredArticle as StoredArticle
else:

    def __getattr__(name: str) -> object:
        if name in _STORED:
            from . import stored

            return getattr(stored, name)
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
