"""The e-paper view of an issue: its printed pages (版) in order, each with its articles in reading order.

An article printed over several pages appears on each of them: in full on the page where it
starts, marked "continued on page N" (linked to that page), and as a "continued from page M"
entry on the pages it jumps to, so a reader turning the pages meets it where the paper put it.
Pure: built from the stored articles of one issue and the section names of its pages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..model import StoredArticle
from .text import cleaned

WEEKDAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")


@dataclass(frozen=True)
class PageEntry:
    """One article as one printed page shows it."""

    item: StoredArticle
    starts_here: bool  # the article's first part is on this page
    continued_from: int | None  # the page this part continues from (a jump-in)
    continues_on: int | None  # the page the article goes on to from here (a jump-out)


@dataclass(frozen=True)
class PrintedPage:
    number: int
    section: str
    entries: tuple[PageEntry, ...]

    @property
    def label(self) -> str:
        return f"第{self.number}版"


def page_label(number: int) -> str:
    return f"第{number}版"


def date_label(day: dt.date) -> str:
    """``2023年10月24日 星期二``."""
    return f"{day.year}年{day.month}月{day.day}日 {WEEKDAYS[day.weekday()]}"


def issue_pages(
    items: Iterable[StoredArticle], page_sections: Mapping[int, str] | None = None
) -> list[PrintedPage]:
    """The printed pages of one issue, in page order, each with its entries in reading order.

    Withdrawn articles are left out (they are not published). A page's section is the one the
    issue gave it (``page_sections``), else that of the first article starting on it.
    """
    placed: dict[int, list[tuple[int, PageEntry]]] = {}
    for item in map(cleaned, items):
        if item.withdrawn:
            continue
        parts = item.article.parts
        for n, part in enumerate(parts):
            after = parts[n + 1].page if n + 1 < len(parts) else None
            if after is None and item.article.unresolved_jump is not None:
                after = item.article.unresolved_jump.page
            entry = PageEntry(
                item=item,
                starts_here=n == 0,
                continued_from=parts[n - 1].page if n > 0 else None,
                continues_on=after if after != part.page else None,
            )
            placed.setdefault(part.page, []).append((part.order, entry))
    pages = []
    for number in sorted(placed):
        entries = tuple(e for _order, e in sorted(placed[number], key=lambda oe: oe[0]))
        section = (page_sections or {}).get(number) or _first_section(entries) or page_label(number)
        pages.append(PrintedPage(number, section, entries))
    return pages


def _first_section(entries: Sequence[PageEntry]) -> str | None:
    return next((e.item.section for e in entries if e.starts_here), None)


def page_of(item: StoredArticle) -> int:
    """The page an article starts on (where the issue page lists it in full)."""
    return item.article.parts[0].page if item.article.parts else 1
