"""Section name -> readable ASCII slug for feed file names (``要闻`` -> ``yaowen``).

A slug is a feed's URL, so it is assigned once, when its section is first stored, and kept
(``assign``): a new section never takes an existing section's slug, whatever their names' order
(要文 and 要闻 are both ``yaowen``: the one stored first keeps it). Slugs are capped at
``MAX_LENGTH`` characters (a long name is cut and given a digest of the whole name), so that no
section name makes a file name the file system refuses.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping

RESERVED = frozenset({"all"})  # public/all.rss.xml is every section
MAX_LENGTH = 48  # with ".atom.xml" and a "-NN" suffix, far below any file system's 255
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(name: str) -> str:
    """Pinyin without tones for Chinese, lowercase ASCII letters and digits kept, the rest as ``-``."""
    # Imported here: its dictionaries are a quarter of a pass's start-up, and a slug is made only
    # once per section (stored slugs are reused).
    from pypinyin import lazy_pinyin

    # Each non-Chinese run comes back as one token; Chinese characters come back one syllable each.
    raw = "".join(lazy_pinyin(name))
    slug = _NOT_SLUG.sub("-", raw.lower()).strip("-") or "section"
    if len(slug) > MAX_LENGTH:
        digest = hashlib.sha256(name.encode()).hexdigest()[:8]
        slug = f"{slug[: MAX_LENGTH - 9].rstrip('-')}-{digest}"
    return slug


def _unused(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``… : the first that no section holds; taken from now on."""
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    taken.add(slug)
    return slug


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
        result[name] = _unused(slugify(name), taken)
    return result


def assign(
    new: Iterable[str], stored: Mapping[str, str], overrides: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Slugs to store: for each section of ``new`` that has none yet, the configured one, else
    pinyin with ``-2``, ``-3``… until no stored, configured or reserved slug has it; and for a
    stored section whose configured slug changed, that slug (``ValueError`` when another section
    holds it). ``stored`` maps section -> slug; a stored slug is never reassigned otherwise."""
    overrides = overrides or {}
    names = [n for n in dict.fromkeys(new) if n not in stored]
    result: dict[str, str] = {}
    holders = {slug: name for name, slug in stored.items()}
    for name, slug in overrides.items():
        if name in stored and stored[name] != slug:
            if slug in holders and holders[slug] != name:
                raise ValueError(f"slugs.{name}: {slug!r} is already the feed of section {holders[slug]!r}")
            result[name] = slug
    taken = set(RESERVED) | set(stored.values()) | set(result.values())
    taken |= {v for k, v in overrides.items() if k not in names}
    for name in names:
        result[name] = _unused(overrides.get(name) or slugify(name), taken)
    return result
