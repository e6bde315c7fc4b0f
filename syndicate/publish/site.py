"""The site the renderers publish on: the configured publication, its section slugs, its URLs.

``Site`` is a view derived from ``config.Publication`` (the one publication record) and adds
only what publishing needs: slugs, paths, URLs, tag URIs and entry times. No clock, file or store.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import quote

from ..config import Publication
from ..model import StoredArticle
from ..timefmt import rfc3339
from .slug import slugify, slugs

__all__ = ["EPOCH", "Site", "rfc3339", "site_for"]

if TYPE_CHECKING:
    from ..config import Settings

EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)  # the "updated" of a feed that has no entries yet


@dataclass(frozen=True)
class Site:
    """The publication as the renderers see it: ``pub`` (names, zone, release) and section slugs."""

    pub: Publication
    slugs: Mapping[str, str] = field(default_factory=dict)  # section name -> slug

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return self.pub.tz

    def release_at(self, date: dt.date) -> dt.datetime:
        return self.pub.release_at(date)

    def embargoed(self, date: dt.date, now: dt.datetime) -> bool:
        return now < self.pub.release_at(date)

    def published(self, item: StoredArticle) -> dt.datetime:
        """The entry time: the issue's release, one second earlier per place in print order.

        Distinct times keep the printed order in readers that sort by date (front page first)
        and stop readers that dedupe by date from hiding entries.
        """
        return self.pub.release_at(item.date) - dt.timedelta(seconds=item.seq)

    def updated(self, item: StoredArticle) -> dt.datetime:
        """The entry's updated time: never before ``published`` (a version stored before release)."""
        # feedgen writes Atom times with isoformat(): hand it times already in the publication's zone
        return max(self.published(item), item.created).astimezone(self.tz).replace(microsecond=0)

    def newest_first(self, items: Sequence[StoredArticle]) -> list[StoredArticle]:
        """``items`` by (``updated``, ``published``), newest first (a sort by those keys, stable)."""
        return sorted(items, key=self.entry_order(), reverse=True)

    def entry_order(self) -> Callable[[StoredArticle], tuple[dt.datetime, dt.datetime]]:
        """A sort key of (``updated``, ``published``): the same instants, worked out in UTC, once
        per issue date's release, without converting a time to the zone."""
        release: dict[dt.date, dt.datetime] = {}

        def key(item: StoredArticle) -> tuple[dt.datetime, dt.datetime]:
            at = release.get(item.date)
            if at is None:
                at = release[item.date] = self.pub.release_at(item.date).astimezone(dt.UTC)
            published = at - dt.timedelta(seconds=item.seq)
            # zone offsets are whole seconds: dropping microseconds here is dropping them in the zone
            return max(published, item.created).replace(microsecond=0), published

        return key

    def never_released(self, item: StoredArticle) -> bool:
        """Withdrawn before its issue's release: it was never public, and must never be."""
        return item.withdrawn and item.created < self.pub.release_at(item.date)

    def slug(self, section: str) -> str:
        return self.slugs.get(section) or slugify(section)

    def feed_path(self, section: str | None, suffix: str) -> str:
        """Path under ``public/`` of a feed: ``all.rss.xml``, ``yaowen.atom.xml``."""
        return ("all" if section is None else self.slug(section)) + suffix

    def feed_title(self, section: str | None) -> str:
        return self.pub.name if section is None else f"{self.pub.name} · {section}"

    def article_path(self, item: StoredArticle) -> str:
        """Path of the article page under ``public/``."""
        return f"articles/{item.date.isoformat()}/{item.id}.html"

    def url(self, path: str) -> str:
        return self.pub.base_url + quote(path)

    def tag(self, item: StoredArticle) -> str:
        """A tag URI (RFC 4151) that names the article forever, whatever its version or URL."""
        return f"tag:{self.pub.host},{item.date.isoformat()}:{quote(item.id, safe='')}"

    def guid(self, date: dt.date, name: str) -> str:
        """NewsML-G2 guid: ``urn:newsml:<host>:<YYYYMMDD>:<name>``."""
        return f"urn:newsml:{self.pub.host}:{date:%Y%m%d}:{quote(name, safe='-._')}"


def site_for(settings: Settings, sections: Sequence[str], stored: Mapping[str, str] | None = None) -> Site:
    """The renderers' view of the configuration; ``stored``: the slugs the store assigned (a pass
    always has them; without, they are derived from ``sections`` as a new store would)."""
    return Site(settings.publication, dict(stored) if stored is not None else slugs(sections, settings.slugs))
