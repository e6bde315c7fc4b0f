"""The partner side: bearer-token check, the NewsML catalog, who may see which item when, the Atom index.

The publisher writes ``<out>/newsml/catalog.json`` (its schema: ``syndicate.catalog``), one object
per current article version. The catalog is the only source of truth for an item's section and
embargo: a NewsML file that is not listed there is never served, whatever the disk holds.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
import os
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from feedgen.feed import FeedGenerator

from .. import catalog
from ..catalog import NEWSITEM_TYPE, Listed
from ..config import Partner, Publication
from ..timefmt import parse_rfc3339
from ..xmlchars import clean
from .files import safe_parts

__all__ = ["NEWSITEM_TYPE", "Listed", "parse_rfc3339"]

log = logging.getLogger("syndicate.serve")

STATUS_SCHEME = "urn:syndicate:status"
# Without ``since`` a listing stops at the newest this many items; ``since`` lists all that match,
# which is how a partner catches up after a pause.
MAX_UNFILTERED = 500

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
class Snapshot:
    """The catalog as read at one moment: items newest first, and by (date, id)."""

    items: tuple[Listed, ...]
    by_key: Mapping[tuple[str, str], Listed]
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
            items, skipped = catalog.load(text, self._publication)
        except (OSError, ValueError) as exc:
            log.error("cannot read %s: %s; keeping the previous catalog", self.path, exc)
            return None
        for entry in [i for i in items if safe_parts(i.path) is None]:
            skipped.append(f"entry {entry.date}/{entry.id} skipped: path {entry.path!r}")
            items.remove(entry)
        for message in skipped:
            log.warning("%s: %s", self.path, message)
        items.sort(key=lambda i: (i.updated, i.date, i.id), reverse=True)
        by_key = {(i.date, i.id): i for i in items}
        mtime_utc = dt.datetime.fromtimestamp(mtime, dt.UTC)
        return Snapshot(tuple(items), by_key, mtime_utc, hashlib.sha256(text).hexdigest())


def listing(
    snapshot: Snapshot, partner: Partner, now: dt.datetime, since: dt.datetime | None
) -> list[Listed]:
    """The partner's items, newest first; with ``since``, those listed at or after it (inclusive:
    a partner that passes back the last ``updated`` it saw gets that item again rather than
    missing one that shares its second)."""
    out: list[Listed] = []
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


def _rfc3339(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")


NINJS_TYPE = "application/json"


def item_url(base: str, partner: Partner, item: Listed) -> str:
    """Absolute URL of an item for this partner (``base`` is scheme://host[/prefix] of the request),
    in the partner's format: the NewsML-G2 item or the same item as ninjs."""
    if partner.format == "ninjs":
        return f"{base}/partners/{quote(partner.id)}/ninjs/{quote(item.date)}/{quote(item.id)}.json"
    return f"{base}/partners/{quote(partner.id)}/newsml/{quote(item.date)}/{quote(item.id)}.xml"


def render_index(
    items: Sequence[Listed],
    partner: Partner,
    publication: Publication,
    base: str,
    self_url: str,
    now: dt.datetime,
    fallback_updated: dt.datetime,
) -> bytes:
    """An Atom 1.0 feed of ``items`` (already filtered and ordered) for ``partner``, with feedgen
    like the public feeds.

    Entry ids are stable per article (a tag URI on the publication's host and the issue date), and
    ``updated`` is the version's time: a new version shows up as the same entry, updated.
    """
    authority = publication.host
    fg = FeedGenerator()
    fg.id(clean(f"tag:{authority},2023:partners/{partner.id}"))
    kind = "ninjs" if partner.format == "ninjs" else "NewsML-G2"
    fg.title(clean(f"{publication.name}: {kind} items for {partner.id}"))
    fg.language(publication.language)
    fg.updated(max((i.updated for i in items), default=fallback_updated))
    fg.author({"name": clean(publication.name)})
    fg.link(href=clean(self_url), rel="self", type="application/atom+xml")
    fg.generator("syndicate")
    for item in items:
        _entry(fg, item, base, partner, authority, now)
    out: bytes = fg.atom_str(pretty=True)
    return out


def _entry(
    fg: FeedGenerator, item: Listed, base: str, partner: Partner, authority: str, now: dt.datetime
) -> None:
    fe = fg.add_entry(order="append")  # feedgen prepends by default
    fe.id(clean(f"tag:{authority},{item.date}:newsml/{item.id}"))
    fe.title(clean(item.headline))
    fe.updated(item.updated)
    media_type = NINJS_TYPE if partner.format == "ninjs" else NEWSITEM_TYPE
    fe.link(href=clean(item_url(base, partner, item)), rel="alternate", type=media_type)
    section = clean(item.section)
    fe.category(term=section, label=section)
    summary = f"{section} · version {item.version}"
    if item.status != "usable":
        # A withdrawn article stays listed, updated, so that partners learn to take it down.
        status = clean(item.status)
        fe.category(term=status, scheme=STATUS_SCHEME, label=status.capitalize())
        summary += f" · {status}"
    if item.embargoed(now):
        # Only "deliver" partners ever see this: early, and told so.
        fe.category(term="embargoed", scheme=STATUS_SCHEME, label="Embargoed")
        summary += f" · embargoed until {_rfc3339(item.embargo_until)}"
    fe.summary(summary)
