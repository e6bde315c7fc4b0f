"""Section name -> readable ASCII slug for feed file names (``要闻`` -> ``yaowen``)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from pypinyin import lazy_pinyin

RESERVED = frozenset({"all"})  # public/all.rss.xml is every section
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(name: str) -> str:
    """Pinyin without tones for Chinese, lowercase ASCII letters and digits kept, the rest as ``-``."""
    # Each non-Chinese run comes back as one token; Chinese characters come back one syllable each.
    raw = "".join(lazy_pinyin(name))
    slug = _NOT_SLUG.sub("-", raw.lower()).strip("-")
    return slug or "section"


def slugs(sections: Iterable[str], overrides: Mapping[str, str] | None = None) -> dict[str, str]:
    """A distinct slug per section: the configured one, else pinyin; clashes get ``-2``, ``-3``...

    Configured slugs are taken first so a derived one never steals them; derived ones are
    assigned in name order, so the result does not depend on the order sections were seen.
    """
    overrides = overrides or {}
    names = sorted(set(sections))
    result: dict[str, str] = {}
    taken = set(RESERVED)
    for name in names:
        if name in overrides:
            result[name] = overrides[name]
            taken.add(overrides[name])
    for name in names:
        if name in result:
            continue
        base = slugify(name)
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        result[name] = slug
        taken.add(slug)
    return result
