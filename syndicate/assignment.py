"""Maximum-weight assignment (the linear sum assignment problem), for stitching's jump buckets.

A real issue's bucket is a handful of jumps against a handful of continuations: those are solved
here, exactly, by the Hungarian method with potentials (O(n^2 m) for n <= m), in microseconds
and without importing scipy and numpy (a third of a second of start-up for a one-page issue).
Larger problems go to ``scipy.optimize.linear_sum_assignment``, imported only then.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

# Problems up to this many steps (n^2 m, n the smaller side: 16 x 16 x 16) are solved here.
DIRECT_LIMIT = 4096


def maximize(scores: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """A maximum-weight assignment of ``scores`` (rows x columns, finite): ``min(rows, columns)``
    (row, column) pairs, each row and each column used at most once, sorted by row. The same
    problem ``linear_sum_assignment(scores, maximize=True)`` solves."""
    rows = len(scores)
    cols = len(scores[0]) if rows else 0
    if not rows or not cols:
        return []
    if any(len(r) != cols for r in scores):
        raise ValueError("scores must be a rectangular table")
    small, large = min(rows, cols), max(rows, cols)
    if small * small * large > DIRECT_LIMIT:
        return _scipy(scores)
    if rows <= cols:
        cost = [[-x for x in r] for r in scores]
        return sorted(_hungarian(cost, rows, cols))
    cost = [[-scores[r][c] for r in range(rows)] for c in range(cols)]  # transposed: rows <= columns
    return sorted((r, c) for c, r in _hungarian(cost, cols, rows))


def _hungarian(cost: list[list[float]], n: int, m: int) -> list[tuple[int, int]]:
    """Minimum-cost assignment of every one of ``n`` rows to a distinct one of ``m >= n`` columns.

    Rows are added one at a time; each addition finds a shortest augmenting path (Dijkstra on
    reduced costs, kept non-negative by the potentials ``u`` and ``v``). Index 0 is a sentinel.
    """
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    owner = [0] * (m + 1)  # owner[j]: the row assigned to column j (1-based), 0 for none
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        owner[0] = i
        j0 = 0
        min_to = [math.inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0 = owner[j0]
            row, ui0 = cost[i0 - 1], u[i0]
            delta, j1 = math.inf, 0
            for j in range(1, m + 1):
                if used[j]:
                    continue
                reduced = row[j - 1] - ui0 - v[j]
                if reduced < min_to[j]:
                    min_to[j], way[j] = reduced, j0
                if min_to[j] < delta:
                    delta, j1 = min_to[j], j
            for j in range(m + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    min_to[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:  # flip the augmenting path
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    return [(owner[j] - 1, j - 1) for j in range(1, m + 1) if owner[j]]


def _scipy(scores: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    from scipy.optimize import linear_sum_assignment

    r, c = linear_sum_assignment(scores, maximize=True)
    return [(int(a), int(b)) for a, b in zip(r, c, strict=True)]
