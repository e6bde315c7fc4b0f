"""Withdraw only on positive evidence (pure): what an unreadable page keeps, why an article went.

A page that is listed (in the folder or the manifest) but could not be read (empty, cut short,
undecodable, 404/5xx, an HTML error page) says nothing about its articles: ``keep_unreadable``
puts its last stored text back into the issue, so the reading holds the same articles and no
partner is told to take them down. An article is withdrawn only when its page is gone from the
issue (no longer listed), or when the page was read and the article is not on it;
``withdrawals`` says which, for the pass report.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping

from .model import Issue, Page, Problem, StoredArticle


def keep_unreadable(issue: Issue, stored: Mapping[int, Page | None]) -> tuple[Issue | None, list[Problem]]:
    """``issue`` with each unreadable page replaced by its last stored text (``stored``: the pages
    as last stored, None for one stored without its text), and one problem per page kept.
    ``None`` when a stored page has no text to keep (a store written before page texts were
    kept): the issue then stays as stored until the page is readable."""
    if not issue.unreadable:
        return issue, []
    where = f"issue {issue.date}"
    kept: list[Page] = []
    notes: list[Problem] = []
    for n in issue.unreadable:
        page = stored.get(n)
        if page is not None:
            kept.append(page)
            notes.append(Problem("source", where, f"page {n} is unreadable; it keeps its last stored text"))
        elif n in stored:
            notes.append(
                Problem(
                    "source",
                    where,
                    f"page {n} is unreadable and its last text was not kept; the issue stays as stored",
                )
            )
            return None, notes
    pages = tuple(sorted((*issue.pages, *kept), key=lambda p: p.number))
    return dataclasses.replace(issue, pages=pages, unreadable=()), notes


def withdrawals(issue: Issue, stored: Iterable[StoredArticle], withdrawn: Iterable[str]) -> list[Problem]:
    """One notice per article a save withdrew, saying on what evidence."""
    by_id = {s.id: s for s in stored}
    present = {p.number for p in issue.pages}
    notes = []
    for ident in withdrawn:
        item = by_id.get(ident)
        if item is None:
            continue
        pages = item.article.pages or (0,)
        gone = [n for n in pages if n not in present]
        if gone:
            why = f"page {gone[0]} is gone from the issue (no longer in the folder or the manifest)"
        else:
            why = f"no longer on page {pages[0]}, which was read"
        notes.append(
            Problem(
                "store", f"issue {issue.date}", f"article {ident} ({item.article.headline}) withdrawn: {why}"
            )
        )
    return notes
