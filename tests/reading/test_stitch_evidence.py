"""The text evidence of a jump does not depend on the order sets iterate in (the hash seed)."""

from __future__ import annotations

import random

import pytest

from syndicate import stitch


def _evidence(grams: dict[tuple[int, int], set[str]], idf: dict[str, float]) -> stitch._Evidence:
    evidence = stitch._Evidence([])
    evidence._grams = grams
    evidence.idf = idf
    return evidence


@pytest.mark.parametrize("seed", range(8))
def test_shared_is_the_same_whatever_order_the_bigrams_iterate_in(seed: int) -> None:
    # Bigrams of a long report, each with its own weight (as idf gives a real issue's).
    pieces = [chr(0x4E00 + k) + chr(0x4E00 + 7 * k % 997) for k in range(3000)]
    weights = random.Random(seed)
    idf = {g: 1.0 + 5 * weights.random() for g in pieces}
    forward, backward = set(pieces), set(reversed(pieces))
    # Another process (another hash seed) holds the same set in another order: here, by insertion.
    assert forward == backward and list(forward) != list(backward)
    # The larger set: ``&`` and the smaller sum both follow the order of the set under test.
    other = set(pieces[::2]) | {chr(0x5000 + k) * 2 for k in range(6000)}
    one = _evidence({(1, 1): forward, (2, 1): other}, idf).shared((1, 1), (2, 1))
    two = _evidence({(1, 1): backward, (2, 1): other}, idf).shared((1, 1), (2, 1))
    assert one == two
