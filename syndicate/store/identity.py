"""Which stored article each article of a new reading is: ids follow content, not position (pure).

``stitch`` numbers a reading's articles by where they are printed (``<date>-<page><order>``): the
same input always gives the same ids, but a short article added at the top of a page would shift
the number of every article below it, and a partner's update of one story would carry another.
So before an issue is stored again, ``assign`` matches its new reading to the articles already
stored for that issue, by content:

- the score of a pair is the Dice coefficient of their character bigrams (headline and body), so a
  correction of a few characters keeps a score near 1 while another story scores near 0; when
  either side is incomplete (a jump left open, a late page that completes it) it is the share of
  the shorter one found in the longer, as the two differ by a whole part;
- one assignment over the issue (``scipy.optimize.linear_sum_assignment``) maximises the total
  score, so of two near-identical briefs each keeps its own id; among equal scores the nearer print
  position wins, then an article still live over one withdrawn;
- a pair scoring below ``MIN_SCORE`` is no match: the new article is new, the stored one is gone.

A new article gets its positional id when no article of the issue ever had it, else that id with
``-n2``, ``-n3``…: positional ids are digits and dashes only, so a fresh id is never one an earlier
article had or a later positional id could be.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import Protocol

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix

from ..model import Article, Reading
from ..text import bigrams

MIN_SCORE = 0.5  # below this two articles share too little to be one story, however corrected
_NEAR = 1e-6  # weight of print position in a tie: far below any difference in content
_LIVE = 1e-7  # an article still live is preferred to one withdrawn, all else equal


class Stored(Protocol):
    """What ``assign`` needs of a stored article (the store's records satisfy it)."""

    @property
    def article(self) -> Article: ...

    @property
    def withdrawn(self) -> bool: ...


def _features(a: Article) -> set[str]:
    text = "\n".join(x for x in (a.kicker, a.headline, a.subheadline, *a.paragraphs) if x)
    return bigrams(text)


def _matrix(rows: Sequence[set[str]], vocabulary: dict[str, int]) -> csr_matrix:
    indptr, indices = [0], list[int]()
    for grams in rows:
        indices.extend(vocabulary[g] for g in grams)
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float64)
    return csr_matrix((data, indices, indptr), shape=(len(rows), len(vocabulary)))


def scores(new: Sequence[Article], old: Sequence[Article]) -> np.ndarray:
    """The content score of every (new, old) pair, in [0, 1] (see the module docstring)."""
    new_grams, old_grams = [_features(a) for a in new], [_features(a) for a in old]
    vocabulary: dict[str, int] = {}
    for grams in (*new_grams, *old_grams):
        for g in grams:
            vocabulary.setdefault(g, len(vocabulary))
    shared = (_matrix(new_grams, vocabulary) @ _matrix(old_grams, vocabulary).T).toarray()
    n_size = np.array([len(g) for g in new_grams], dtype=np.float64)[:, None]
    o_size = np.array([len(g) for g in old_grams], dtype=np.float64)[None, :]
    with np.errstate(divide="ignore", invalid="ignore"):
        dice = np.nan_to_num(2 * shared / (n_size + o_size))
        overlap = np.nan_to_num(shared / np.minimum(n_size, o_size))
    partial = (
        np.array([not a.complete for a in new])[:, None] | np.array([not a.complete for a in old])[None, :]
    )
    result: np.ndarray = np.where(partial, np.maximum(dice, overlap), dice)
    return result


def _position(a: Article) -> tuple[int, int]:
    first = a.parts[0] if a.parts else None
    return (first.page, first.order) if first else (0, 0)


def _tie_breaks(new: Sequence[Article], old: Sequence[Stored]) -> np.ndarray:
    """Tiny bonuses: the nearer print position, then a live article over a withdrawn one."""
    new_pos = np.array([_position(a) for a in new], dtype=np.float64).reshape(-1, 2)
    old_pos = np.array([_position(s.article) for s in old], dtype=np.float64).reshape(-1, 2)
    distance = np.abs(new_pos[:, None, 0] - old_pos[None, :, 0]) * 1000 + np.abs(
        new_pos[:, None, 1] - old_pos[None, :, 1]
    )
    live = np.array([0.0 if s.withdrawn else _LIVE for s in old])[None, :]
    result: np.ndarray = _NEAR / (1.0 + distance) + live
    return result


def match(new: Sequence[Article], old: Sequence[Stored]) -> dict[int, int]:
    """``{index in new: index in old}`` for every pair judged to be the same article."""
    if not new or not old:
        return {}
    content = scores(new, [s.article for s in old])
    total = content + _tie_breaks(new, old)
    total[content < MIN_SCORE] = -1.0  # never chosen over leaving both unmatched
    rows, cols = linear_sum_assignment(total, maximize=True)
    return {int(r): int(c) for r, c in zip(rows, cols, strict=True) if content[r, c] >= MIN_SCORE}


def fresh_id(base: str, taken: Iterable[str]) -> str:
    """``base`` when no article had it, else ``base-n2``, ``base-n3``… (the first one free)."""
    used = set(taken)
    if base not in used:
        return base
    n = 2
    while f"{base}-n{n}" in used:
        n += 1
    return f"{base}-n{n}"


def assign(reading: Reading, stored: Sequence[Stored]) -> Reading:
    """``reading`` with each article's id replaced by the id of the stored article it is (content
    match), or by an id that no article of the issue had. Articles stay in print order."""
    matched = match(reading.articles, stored)
    ids: dict[int, str] = {i: stored[j].article.id for i, j in matched.items()}
    taken = {s.article.id for s in stored} | set(ids.values())
    for i, a in enumerate(reading.articles):
        if i not in ids:
            ids[i] = fresh_id(a.id, taken)
            taken.add(ids[i])
    articles = tuple(dataclasses.replace(a, id=ids[i]) for i, a in enumerate(reading.articles))
    return dataclasses.replace(reading, articles=articles)
