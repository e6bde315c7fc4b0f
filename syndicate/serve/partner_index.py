"""Partner Atom indexes, rendered once per catalog version and request and kept, ETag first.

An index is a pure function of: the catalog (its bytes), the partner's rights, the request's
``since``, base and self URL, and which embargoes have passed at "now". The last one changes only
at an item's ``embargo_until``, so "now" enters as the number of embargo times already passed
(its *epoch*). The ETag is a digest of those inputs, known before anything is rendered: a
conditional request that matches costs a digest and a compare, and a repeated request a
dictionary look-up. Rendering happens at most once per key while the key stays in the cache.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import NamedTuple

from ..config import Partner, Publication
from . import partners as p

# Kept indexes (a 500-entry index is ~230 KB): every partner's plain index and a few ``since`` polls.
CACHE_SIZE = 64
# Bumped when render_index's output changes for the same inputs (ETags must change with the bytes).
FORMAT = "2"  # 2: written with feedgen


class Request(NamedTuple):
    """What an index depends on besides the catalog and the clock (a tuple: one per request)."""

    partner: Partner
    since: dt.datetime | None
    base: str
    self_url: str


class PartnerIndex:
    """One index: its ETag at once, its body rendered on first use."""

    def __init__(self, etag: str, render: Callable[[], bytes]) -> None:
        self.etag = etag
        self._render: Callable[[], bytes] | None = render
        self._body = b""
        self._lock = threading.Lock()

    @property
    def rendered(self) -> bool:
        return self._render is None

    def body(self) -> bytes:
        with self._lock:
            if self._render is not None:
                self._body, self._render = self._render(), None
            return self._body


class IndexCache:
    """Partner indexes by (catalog version, request, embargo epoch); least recently used dropped."""

    def __init__(self, publication: Publication, size: int = CACHE_SIZE) -> None:
        self.publication = publication
        self.size = size
        self._indexes: OrderedDict[tuple[object, ...], PartnerIndex] = OrderedDict()
        self._lock = threading.Lock()
        self._boundaries: tuple[p.Snapshot | None, list[float]] = (None, [])

    def get(self, snapshot: p.Snapshot, request: Request, now: dt.datetime) -> PartnerIndex:
        epoch = bisect.bisect_right(self._embargo_times(snapshot), now.timestamp())
        partner = request.partner
        key = (snapshot.version, snapshot.mtime, partner.id, tuple(partner.sections), partner.embargo,
               request.since, request.base, request.self_url, epoch)  # fmt: skip
        with self._lock:
            index = self._indexes.get(key)
            if index is not None:
                self._indexes.move_to_end(key)
                return index
        digest = hashlib.sha256(repr((FORMAT, *key)).encode()).hexdigest()[:32]

        def render() -> bytes:
            items = p.listing(snapshot, partner, now, request.since)
            return p.render_index(
                items, partner, self.publication, request.base, request.self_url, now, snapshot.mtime
            )

        index = PartnerIndex(f'"{digest}"', render)
        with self._lock:
            index = self._indexes.setdefault(key, index)
            self._indexes.move_to_end(key)
            while len(self._indexes) > self.size:
                self._indexes.popitem(last=False)
        return index

    def _embargo_times(self, snapshot: p.Snapshot) -> list[float]:
        """The catalog's distinct embargo times, sorted (computed once per catalog version), as
        POSIX seconds: floats compare faster than aware datetimes, and in the same order."""
        seen, times = self._boundaries
        if seen is not snapshot:
            times = sorted({item.embargo_until.timestamp() for item in snapshot.items})
            self._boundaries = (snapshot, times)
        return times
