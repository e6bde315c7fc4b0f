"""Staff words of English bylines (``Staff Writer``, ``Associated Press``) as OCR misreads them.

``near_staff_word`` sees each new word of a page, so STAFF_WORDS are indexed once: their starts of
four letters or more, the words of five or more by length, and those words with a letter dropped.
"""

from __future__ import annotations

import functools

STAFF_WORDS = (
    "staff", "writer", "editor", "reporter", "correspondent", "press", "associated", "daily",
    "special", "report", "service", "contributor", "columnist", "photographer", "intern", "wire",
    "reuters", "bureau", "chief", "senior", "assistant", "sports", "news", "association", "agency",
)  # fmt: skip


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


_STAFF_STARTS = frozenset(t[:n] for t in STAFF_WORDS for n in range(4, len(t) + 1))
_STAFF_BY_LENGTH: dict[int, tuple[str, ...]] = {}
for _t in STAFF_WORDS:
    if len(_t) >= 5:
        _STAFF_BY_LENGTH[len(_t)] = (*_STAFF_BY_LENGTH.get(len(_t), ()), _t)
_STAFF_DROPPED = frozenset(d for t in STAFF_WORDS if len(t) >= 5 for d in _deletions(t))


@functools.lru_cache(maxsize=4096)
def near_staff_word(word: str) -> bool:
    """One of STAFF_WORDS or its start (``Writ``), with a letter misread (``Piess``, ``Repoit``; two
    in long words: ``^ssoc¡afed``), dropped (``Reportr``) or added."""
    if len(word) < 4:
        return False
    if word in _STAFF_STARTS or word in _STAFF_DROPPED:
        return True
    misread = 2 if len(word) >= 8 else 1
    for target in _STAFF_BY_LENGTH.get(len(word), ()):
        if sum(x != y for x, y in zip(word, target, strict=True)) <= misread:
            return True
    longer = _STAFF_BY_LENGTH.get(len(word) - 1)  # a letter added: the word without it is a target
    return longer is not None and not _deletions(word).isdisjoint(longer)
