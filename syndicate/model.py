"""The data model that flows through the stages; no I/O here.

source (``Issue`` of ``Page``) -> normalize (``Block``) -> segment (``Fragment``)
-> stitch (``Article``, ``Orphan``, ``Reading``) -> store / publish.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from enum import Enum


@dataclass(frozen=True)
class Page:
    """One printed page (版) as delivered: decoded text plus where it came from."""

    number: int
    section: str  # section name, e.g. 要闻 (from issue.toml, configuration or the page label)
    text: str
    source: str  # file name or URL, for messages
    encoding: str  # codec the bytes were decoded with
    sha256: str  # of the raw bytes: "changed" means this changed


@dataclass(frozen=True)
class Issue:
    """All pages of one dated issue that are present now (late pages arrive in a later pass)."""

    date: dt.date
    pages: tuple[Page, ...]
    publication: str | None = None
    problems: tuple[str, ...] = ()  # pages refused (undecodable, empty...), one message each

    @property
    def content_hash(self) -> str:
        h = hashlib.sha256()
        for p in sorted(self.pages, key=lambda p: p.number):
            h.update(f"{p.number}:{p.section}:{p.sha256}\n".encode())
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


class FragmentKind(Enum):
    STORY = "story"
    CONTINUATION = "continuation"  # opens with a jump-in marker
    PHOTO = "photo"  # a captioned picture (图片新闻)


@dataclass(frozen=True)
class Jump:
    """A continuation marker: ``（下转第二版）`` (out) or ``（上接第一版）`` (in)."""

    page: int | None  # the other page's number, when the label could be read
    marker: str  # the marker as printed
    label: str = ""  # the page label as printed: 二, 2, A2


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
class Reading:
    """The result of reading one issue: what ``syndicate articles`` prints."""

    date: dt.date
    articles: tuple[Article, ...]
    orphans: tuple[Orphan, ...]
    decisions: tuple[JumpDecision, ...] = ()
    problems: tuple[str, ...] = ()  # reported, not fatal: refused pages, unmatched jump-ins
