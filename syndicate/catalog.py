"""``newsml/catalog.json``: the schema of the partner catalog, written by ``publish`` (``dump``) and
read by ``serve`` (``load``). The only source of truth for an item's section and embargo: a NewsML
file the catalog does not list is never served, whatever the disk holds.

A JSON list, newest issue first and print order within an issue, one object per current article
version::

    {"date": "2023-10-24", "id": "…", "section": "要闻", "headline": "…", "version": 2,
     "embargo_until": "2023-10-24T06:00:00+08:00", "updated": "<RFC 3339>",
     "path": "2023-10-24/<id>.xml", "status": "usable"}

``updated`` is the version's versionCreated, ``path`` is relative to ``newsml/``, ``status`` is
``usable`` or ``canceled`` (withdrawn); ``"released": false`` marks an item withdrawn before its
issue's release (never public: only partners that take embargoed items see it). It covers the issues dated in the last ``CATALOG_DAYS``
days before the newest released issue (and those after it, under embargo), at most
``CATALOG_ROWS`` entries: by issue date, not by when a version was stored, so that its size, like
every other file a pass rewrites, does not grow with the archive, nor with a backfill (which
stores old issues today); older items stay reachable through their issue's ``issue.xml``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .model import CatalogEntry
from .timefmt import parse_rfc3339, rfc3339
from .xmlchars import clean

if TYPE_CHECKING:
    from .config import Partner, Publication

CATALOG_DAYS = 31  # issues dated within this many days before the newest one stored and released
CATALOG_ROWS = 10_000  # and at most this many entries (a month of a 24-page daily is ~4,500)
NEWSITEM_TYPE = "application/vnd.iptc.g2.newsitem+xml"  # what the catalog lists

_DATE = re.compile(r"\d{4}-\d\d-\d\d")
# One encoder for the whole file: json.dumps(..., ensure_ascii=False) builds a new one per call.
_ENCODER = json.JSONEncoder(ensure_ascii=False)


# ---- writing ------------------------------------------------------------------------------------


def _object(
    entry: CatalogEntry, embargo_until: str, tz: dt.tzinfo, never_released: bool
) -> dict[str, object]:
    date = entry.date.isoformat()
    return {
        "date": date,
        "id": entry.id,
        "section": entry.section,
        "headline": clean(entry.headline),
        "version": entry.version,
        "embargo_until": embargo_until,
        "updated": rfc3339(entry.created, tz),
        "path": f"{date}/{entry.id}.xml",
        "status": "canceled" if entry.withdrawn else "usable",
    } | ({"released": False} if never_released else {})


def dump(entries: Sequence[CatalogEntry], pub: Publication) -> bytes:
    """The catalog of ``entries`` (in the order given), one entry per line."""
    releases = {d: rfc3339(pub.release_at(d), pub.tz) for d in {e.date for e in entries}}  # a month: ~31
    return document([line(e, pub, releases[e.date]).encode() for e in entries])


def line(entry: CatalogEntry, pub: Publication, embargo_until: str | None = None) -> str:
    """One entry's line of the catalog (``embargo_until``: its issue's release, when known)."""
    tz, release = pub.tz, pub.release_at(entry.date)
    until = rfc3339(release, tz) if embargo_until is None else embargo_until
    # json.dumps with indent falls back to the pure-Python encoder: one C-encoded line per entry
    # keeps the file readable at a tenth of the cost.
    return _ENCODER.encode(_object(entry, until, tz, entry.withdrawn and entry.created < release))


def document(lines: Sequence[bytes]) -> bytes:
    """The catalog file of its entries' lines (``line``), in order."""
    return b"[\n" + b",\n".join(lines) + b"\n]\n" if lines else b"[]\n"


# ---- reading ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Listed:
    """One current article version as the catalog lists it."""

    date: str
    id: str
    section: str
    headline: str
    version: int
    embargo_until: dt.datetime
    updated: dt.datetime
    path: str  # relative to <out>/newsml/
    status: str = "usable"  # NewsML pubStatus: "canceled" when the article was withdrawn
    released: bool = True  # False: withdrawn before its release, never public

    def visible_to(self, partner: Partner, now: dt.datetime) -> bool:
        """Entitled section, and released unless the partner takes embargoed items early. An item
        withdrawn before release is seen only by partners that took it embargoed (``deliver``)."""
        if not partner.entitled(self.section):
            return False
        return partner.embargo == "deliver" or (self.released and now >= self.embargo_until)

    def embargoed(self, now: dt.datetime) -> bool:
        return now < self.embargo_until

    def listed_at(self, partner: Partner) -> dt.datetime:
        """When the item (this version) entered the partner's listing.

        For a partner that honours the embargo an item updated at 02:30 appears at 06:00; ``since``
        compares against this, or a partner polling with ``since=05:00`` would never see it.
        """
        if partner.embargo == "honour":
            return max(self.updated, self.embargo_until)
        return self.updated


def listed(raw: Any, pub: Publication) -> Listed:
    """One catalog object, checked; ``ValueError`` (or ``KeyError``/``TypeError``) when it is not one."""
    if not isinstance(raw, dict):
        raise ValueError("not an object")
    date, ident, path = str(raw["date"]), str(raw["id"]), str(raw["path"])
    if not _DATE.fullmatch(date):
        raise ValueError(f"date {date!r}")
    if not path.endswith(".xml"):
        raise ValueError(f"path {path!r}")
    updated = parse_rfc3339(str(raw["updated"]))
    if updated is None:
        raise ValueError(f"updated {raw['updated']!r}")
    embargo_raw = raw.get("embargo_until")
    if embargo_raw is None:
        # No embargo given: the publication's release time on the date, never "no embargo".
        embargo = pub.release_at(dt.date.fromisoformat(date))
    else:
        parsed = parse_rfc3339(str(embargo_raw))
        if parsed is None:
            raise ValueError(f"embargo_until {embargo_raw!r}")
        embargo = parsed
    return Listed(
        date=date,
        id=ident,
        section=str(raw["section"]),
        headline=str(raw.get("headline") or ident),
        version=int(raw.get("version") or 1),
        embargo_until=embargo,
        updated=updated,
        path=path,
        status=str(raw.get("status") or "usable"),
        released=raw.get("released", True) is not False,
    )


def load(data: bytes, pub: Publication) -> tuple[list[Listed], list[str]]:
    """The entries of a catalog file, and one message per entry skipped (one bad entry must not
    hide the others). ``ValueError`` when the file is not a JSON list."""
    parsed = json.loads(data)
    if not isinstance(parsed, list):
        raise ValueError("not a JSON list")
    entries: list[Listed] = []
    skipped: list[str] = []
    for n, raw in enumerate(parsed):
        try:
            entries.append(listed(raw, pub))
        except (KeyError, TypeError, ValueError) as exc:
            skipped.append(f"entry {n} skipped: {exc}")
    return entries, skipped
