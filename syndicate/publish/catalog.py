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

from .item import CatalogRow, Site, clean, rfc3339

CATALOG_DAYS = 31


# One encoder for the whole file: json.dumps(..., ensure_ascii=False) builds a new one per call.
_ENCODER = json.JSONEncoder(ensure_ascii=False)


def entry(site: Site, row: CatalogRow, embargo_until: str | None = None) -> dict[str, object]:
    date = row.date.isoformat()
    return {
        "date": date,
        "id": row.id,
        "section": row.section,
        "headline": clean(row.headline),
        "version": row.version,
        "embargo_until": embargo_until or rfc3339(site.release_at(row.date), site.tz),
        "updated": rfc3339(row.created, site.tz),
        "path": f"{date}/{row.id}.xml",
        "status": "canceled" if row.withdrawn else "usable",
    }


def render(site: Site, rows: Sequence[CatalogRow]) -> bytes:
    """The catalog of ``rows`` (in the order given), one entry per line."""
    tz = site.tz
    releases = {d: rfc3339(site.release_at(d), tz) for d in {r.date for r in rows}}  # a month: ~31 dates
    # json.dumps with indent falls back to the pure-Python encoder: one C-encoded line per entry
    # keeps the file readable at a tenth of the cost.
    lines = ",\n".join(_ENCODER.encode(entry(site, r, releases[r.date])) for r in rows)
    return f"[\n{lines}\n]\n".encode() if rows else b"[]\n"
