"""The partner side: bearer-token check, the NewsML catalog, who may see which item when, the Atom index.

The publisher writes ``<out>/newsml/catalog.json``, one object per current article version::

    {"date": "2023-10-24", "id": "…", "section": "要闻", "headline": "…", "version": 2,
     "embargo_until": "2023-10-24T06:00:00+08:00", "updated": "<RFC 3339>",
     "path": "2023-10-24/<id>.xml"}

The catalog is the only source of truth for an item's section and embargo: a NewsML file that is
not listed there is never served, whatever the disk holds.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import logging
import os
import re
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from lxml import etree

from ..config import Partner, Publication
from .files import safe_parts

log = logging.getLogger("syndicate.serve")

ATOM_NS = "http://www.w3.org/2005/Atom"
NEWSITEM_TYPE = "application/vnd.iptc.g2.newsitem+xml"
STATUS_SCHEME = "urn:syndicate:status"
# Without ``since`` a listing stops at the newest this many items; ``since`` lists all that match,
# which is how a partner catches up after a pause.
MAX_UNFILTERED = 500

_RFC3339 = re.compile(r"\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d:\d\d(\.\d+)?([Zz]|[+-]\d\d:\d\d)")
_DATE = re.compile(r"\d{4}-\d\d-\d\d")
# XML 1.0 refuses these; a stray one in a headline must not make the whole feed unreadable.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# Compared against when the partner id is unknown, so that a miss costs the same as a wrong token.
_NO_PARTNER = "0" * 64


# --- credentials -------------------------------------------------------------------------------


def bearer_token(authorization: str | None) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header (scheme case-insensitive), or None."""
    if not authorization:
        return None
    scheme, _, token = authorization.strip().partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        return None
    return token


def authenticate(partner: Partner | None, authorization: str | None) -> bool:
    """Whether the header carries ``partner``'s token: its SHA-256 compared in constant time.

    A missing header, a malformed one, an unknown partner and another partner's token all fail the
    same way, and the digest is computed in every case so that timing tells nothing either.
    """
    token = bearer_token(authorization)
    # WSGI headers are latin-1 text of the raw bytes; hashing those bytes matches sha256(token).
    digest = hashlib.sha256((token or "").encode("latin-1", "replace")).hexdigest()
    expected = partner.token_sha256.lower() if partner is not None else _NO_PARTNER
    same = hmac.compare_digest(digest, expected)
    return same and token is not None and partner is not None


# --- the catalog -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Item:
    """One current article version in the NewsML export."""

    date: str
    id: str
    section: str
    headline: str
    version: int
    embargo_until: dt.datetime
    updated: dt.datetime
    path: tuple[str, ...]  # safe segments relative to <out>/newsml/
    status: str = "usable"  # NewsML pubStatus: "canceled" when the article was withdrawn

    def visible_to(self, partner: Partner, now: dt.datetime) -> bool:
        """Entitled section, and released unless the partner takes embargoed items early."""
        if not partner.entitled(self.section):
            return False
        return partner.embargo == "deliver" or now >= self.embargo_until

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


def parse_rfc3339(value: str) -> dt.datetime | None:
    """An aware datetime for an RFC 3339 date-time (offset required), or None."""
    value = value.strip()
    # An unencoded "+08:00" in a query string arrives as " 08:00": take it back.
    value = re.sub(r" (\d\d:\d\d)$", r"+\1", value)
    if not _RFC3339.fullmatch(value):
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.replace("z", "Z"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


def _item(raw: Any, publication: Publication) -> Item:
    if not isinstance(raw, dict):
        raise ValueError("not an object")
    date, ident, path = str(raw["date"]), str(raw["id"]), str(raw["path"])
    if not _DATE.fullmatch(date):
        raise ValueError(f"date {date!r}")
    parts = safe_parts(path)
    if parts is None or not path.endswith(".xml"):
        raise ValueError(f"path {path!r}")
    updated = parse_rfc3339(str(raw["updated"]))
    if updated is None:
        raise ValueError(f"updated {raw['updated']!r}")
    embargo_raw = raw.get("embargo_until")
    if embargo_raw is None:
        # No embargo given: the publication's release time on the date, never "no embargo".
        embargo = publication.release_at(dt.date.fromisoformat(date))
    else:
        parsed = parse_rfc3339(str(embargo_raw))
        if parsed is None:
            raise ValueError(f"embargo_until {embargo_raw!r}")
        embargo = parsed
    return Item(
        date=date,
        id=ident,
        section=str(raw["section"]),
        headline=str(raw.get("headline") or ident),
        version=int(raw.get("version") or 1),
        embargo_until=embargo,
        updated=updated,
        path=parts,
        status=str(raw.get("status") or "usable"),
    )


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The catalog as read at one moment: items newest first, and by (date, id)."""

    items: tuple[Item, ...]
    by_key: Mapping[tuple[str, str], Item]
    mtime: dt.datetime
    version: str = ""  # SHA-256 of the catalog's bytes: what cached partner indexes are keyed by


_EMPTY = Snapshot((), {}, dt.datetime(1970, 1, 1, tzinfo=dt.UTC))


class Catalog:
    """``catalog.json``, re-read when its stat changes; the last good reading survives a bad file."""

    def __init__(self, path: Path, publication: Publication) -> None:
        self.path = path
        self._publication = publication
        self._key: tuple[int, int, int, int] | None = None
        self._snapshot = _EMPTY
        self._lock = threading.Lock()

    def snapshot(self) -> Snapshot:
        """The current catalog (empty when the publisher has not written one yet)."""
        try:
            st = os.stat(self.path)
        except OSError:
            return _EMPTY
        key = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
        if key == self._key:
            return self._snapshot
        with self._lock:
            if key != self._key:
                self._snapshot = self._read(st.st_mtime) or self._snapshot
                self._key = key
        return self._snapshot

    def current(self) -> Snapshot | None:
        """The snapshot if the file is unchanged since it was read (no reading here), else None."""
        try:
            st = os.stat(self.path)
        except OSError:
            return _EMPTY
        key = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
        return self._snapshot if key == self._key else None

    def _read(self, mtime: float) -> Snapshot | None:
        try:
            text = self.path.read_bytes()
            data = json.loads(text)
        except (OSError, ValueError) as exc:
            log.error("cannot read %s: %s; keeping the previous catalog", self.path, exc)
            return None
        if not isinstance(data, list):
            log.error("%s is not a JSON list; keeping the previous catalog", self.path)
            return None
        items: list[Item] = []
        for n, raw in enumerate(data):
            try:
                items.append(_item(raw, self._publication))
            except (KeyError, TypeError, ValueError) as exc:
                # One bad entry must not hide the others.
                log.warning("%s: entry %d skipped: %s", self.path, n, exc)
        items.sort(key=lambda i: (i.updated, i.date, i.id), reverse=True)
        by_key = {(i.date, i.id): i for i in items}
        mtime_utc = dt.datetime.fromtimestamp(mtime, dt.UTC)
        return Snapshot(tuple(items), by_key, mtime_utc, hashlib.sha256(text).hexdigest())


def listing(snapshot: Snapshot, partner: Partner, now: dt.datetime, since: dt.datetime | None) -> list[Item]:
    """The partner's items, newest first; with ``since``, those listed at or after it (inclusive:
    a partner that passes back the last ``updated`` it saw gets that item again rather than
    missing one that shares its second)."""
    out: list[Item] = []
    for item in snapshot.items:
        if not item.visible_to(partner, now):
            continue
        if since is not None:
            if item.listed_at(partner) < since:
                continue
        elif len(out) >= MAX_UNFILTERED:
            break
        out.append(item)
    return out


# --- the Atom index ------------------------------------------------------------------------------


def _clean(text: str) -> str:
    return _XML_ILLEGAL.sub("", text)


def _rfc3339(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")


def _tag_authority(publication: Publication) -> str:
    return urlsplit(publication.base_url).hostname or "localhost"


def item_url(base: str, partner: Partner, item: Item) -> str:
    """Absolute URL of an item for this partner (``base`` is scheme://host[/prefix] of the request)."""
    return f"{base}/partners/{quote(partner.id)}/newsml/{quote(item.date)}/{quote(item.id)}.xml"


def render_index(
    items: Sequence[Item],
    partner: Partner,
    publication: Publication,
    base: str,
    self_url: str,
    now: dt.datetime,
    fallback_updated: dt.datetime,
) -> bytes:
    """An Atom 1.0 feed of ``items`` (already filtered and ordered) for ``partner``.

    Entry ids are stable per article (a tag URI on the publication's host and the issue date), and
    ``updated`` is the version's time: a new version shows up as the same entry, updated.
    """
    authority = _tag_authority(publication)

    def el(parent: etree._Element, name: str, text: str | None = None, **attrs: str) -> etree._Element:
        node = etree.SubElement(parent, f"{{{ATOM_NS}}}{name}", {k: _clean(v) for k, v in attrs.items()})
        if text is not None:
            node.text = _clean(text)
        return node

    # Parsed rather than built with nsmap, so that Atom is the default namespace (no "ns0:" prefixes).
    feed = etree.fromstring(f'<feed xmlns="{ATOM_NS}"/>'.encode())
    feed.set("{http://www.w3.org/XML/1998/namespace}lang", publication.language)
    el(feed, "id", f"tag:{authority},2023:partners/{partner.id}")
    el(feed, "title", f"{publication.name}: NewsML-G2 items for {partner.id}")
    newest = max((i.updated for i in items), default=fallback_updated)
    el(feed, "updated", _rfc3339(newest))
    author = el(feed, "author")
    el(author, "name", publication.name)
    el(feed, "link", rel="self", href=self_url, type="application/atom+xml")
    el(feed, "generator", "syndicate")
    for item in items:
        entry = el(feed, "entry")
        el(entry, "id", f"tag:{authority},{item.date}:newsml/{item.id}")
        el(entry, "title", item.headline)
        el(entry, "updated", _rfc3339(item.updated))
        el(entry, "link", rel="alternate", type=NEWSITEM_TYPE, href=item_url(base, partner, item))
        el(entry, "category", term=item.section, label=item.section)
        summary = f"{item.section} · version {item.version}"
        if item.status != "usable":
            # A withdrawn article stays listed, updated, so that partners learn to take it down.
            el(entry, "category", term=item.status, scheme=STATUS_SCHEME, label=item.status.capitalize())
            summary += f" · {item.status}"
        if item.embargoed(now):
            # Only "deliver" partners ever see this: early, and told so.
            el(entry, "category", term="embargoed", scheme=STATUS_SCHEME, label="Embargoed")
            summary += f" · embargoed until {_rfc3339(item.embargo_until)}"
        el(entry, "summary", summary)
    return bytes(etree.tostring(feed, xml_declaration=True, encoding="utf-8", pretty_print=True))
