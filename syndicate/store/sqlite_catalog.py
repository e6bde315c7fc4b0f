"""The SQLite store's partner catalog reads (a mixin of ``sqlite.SqliteStore``).

The catalog lists the current versions of a month of issues, ~1,500 entries for an 8-page daily,
and a nightly pass changes one date of it. So the snapshot reads, for each date, its issue
package's version and hash (they change with any catalog fact of its articles) and its number of
articles (``CatalogDay``): no article row, no text, no decoding. A date's
entries themselves (their headlines from the stored JSON) are read when the plan takes them
(``CatalogRead``), which it does only for a date whose lines no earlier pass made.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

from ..model import CatalogDay, CatalogEntry, CatalogRead
from .schema import CATALOG_DAY_SQL, CATALOG_STAMPS_SQL

_time = dt.datetime.fromisoformat


class CatalogReads:
    db: sqlite3.Connection

    def catalog(self, days: int, until: dt.date, limit: int) -> CatalogRead:
        """The current versions of the issues dated within ``days`` before the newest released one
        stored, or later (embargoed), newest first, at most ``limit``: the issues' rows and their
        article counts (an index), each date's entries read when taken (``Store.snapshot``)."""
        newest = self.db.execute("SELECT max(date) FROM issues").fetchone()[0] or until.isoformat()
        since = (min(until, dt.date.fromisoformat(newest)) - dt.timedelta(days=days)).isoformat()
        found, left = [], limit
        for day, version, package, created, count in self.db.execute(CATALOG_STAMPS_SQL, (since,)):
            if not left:
                break
            taken = min(count, left)
            if not taken:  # an issue without articles: nothing to list
                continue
            found.append(CatalogDay(dt.date.fromisoformat(day), taken, f"{version} {package} {created}"))
            left -= taken
        return CatalogRead(found, self.catalog_day)

    def catalog_day(self, day: CatalogDay) -> list[CatalogEntry]:
        """The ``day.count`` first entries of one date of the catalog, in print order."""
        return [
            CatalogEntry(dt.date.fromisoformat(d), i, s, h, v, _time(c), bool(w))
            for d, i, s, h, v, c, w in self.db.execute(CATALOG_DAY_SQL, (day.date.isoformat(), day.count))
        ]
