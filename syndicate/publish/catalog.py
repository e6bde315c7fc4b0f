"""``newsml/catalog.json``: the index of NewsML items that ``serve`` answers partner pulls from.

A JSON list, newest issue first and print order within an issue, one object per current article
version: date, id, section, headline, version, embargo_until, updated (the version's
versionCreated), path (relative to ``newsml/``) and status (``usable`` or ``canceled``).
It covers the versions stored in the last ``CATALOG_DAYS`` days (before the newest one), so that
its size, like every other file a pass rewrites, does not grow with the archive; older items stay
reachable through their issue's ``issue.xml``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from .item import Item, Site, rfc3339

CATALOG_DAYS = 31


def entry(site: Site, item: Item) -> dict[str, object]:
    return {
        "date": item.date.isoformat(),
        "id": item.id,
        "section": item.section,
        "headline": item.article.headline,
        "version": item.version,
        "embargo_until": rfc3339(site.release_at(item.date), site.tz),
        "updated": rfc3339(item.created, site.tz),
        "path": f"{item.date.isoformat()}/{item.id}.xml",
        "status": "canceled" if item.withdrawn else "usable",
    }


def render(site: Site, items: Sequence[Item]) -> bytes:
    """The catalog of ``items`` (in the order given)."""
    return (json.dumps([entry(site, i) for i in items], ensure_ascii=False, indent=2) + "\n").encode()
