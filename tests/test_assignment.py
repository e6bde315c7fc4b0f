"""The direct assignment solver against scipy's, on random tables of the sizes stitching meets."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linear_sum_assignment

from syndicate import assignment

scores = st.integers(1, 7).flatmap(
    lambda rows: st.integers(1, 7).flatmap(
        lambda cols: st.lists(
            st.lists(st.floats(-2, 2, allow_nan=False, width=32), min_size=cols, max_size=cols),
            min_size=rows,
            max_size=rows,
        )
    )
)


def total(table: list[list[float]], pairs: list[tuple[int, int]]) -> float:
    return sum(table[r][c] for r, c in pairs)


@settings(max_examples=300, deadline=None)
@given(scores)
def test_direct_solution_is_as_good_as_scipys(table: list[list[float]]) -> None:
    pairs = assignment.maximize(table)
    rows, cols = linear_sum_assignment(table, maximize=True)
    assert len(pairs) == min(len(table), len(table[0]))
    assert len({r for r, _ in pairs}) == len({c for _, c in pairs}) == len(pairs)
    assert total(table, pairs) == pytest.approx(total(table, list(zip(rows, cols, strict=True))), abs=1e-9)


def test_a_unique_optimum_is_found_by_brute_force_too() -> None:
    table = [[0.9, 0.1, 0.3], [0.2, 0.8, 0.7], [0.4, 0.6, 0.05]]
    best = max(itertools.permutations(range(3)), key=lambda p: sum(table[r][c] for r, c in enumerate(p)))
    assert assignment.maximize(table) == list(enumerate(best))


def test_wide_and_tall_tables_leave_the_extra_side_unassigned() -> None:
    assert assignment.maximize([[0.1, 0.9, 0.2]]) == [(0, 1)]
    assert assignment.maximize([[0.1], [0.9], [0.2]]) == [(1, 0)]
    assert assignment.maximize([]) == []


def test_large_tables_go_to_scipy_with_the_same_answer() -> None:
    n = 20  # 20^3 steps: beyond the direct limit
    table = [[((r * 7 + c * 13) % 17) / 17 for c in range(n)] for r in range(n)]
    rows, cols = linear_sum_assignment(table, maximize=True)
    assert total(table, assignment.maximize(table)) == pytest.approx(
        total(table, list(zip(rows, cols, strict=True)))
    )
