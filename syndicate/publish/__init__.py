"""Publishing: every output of a pass as a plan (``plan.plan``; ``plan.stream`` renders it one
output at a time, as a pass takes it), written by one writer (``write``).

One module per format, each a pure ``render(...) -> bytes`` (no clock, store or file inside):
``feeds`` (RSS, Atom; listed with their suffixes and media types in ``formats.FEEDS``), ``html``
(article pages, front page), ``opml``, ``newsml`` (NewsML-G2 items and issue packages), and the
partner catalog (``syndicate.catalog``). ``site`` is the renderers' view of the publication.
Feed entries and catalog lines a pass rendered before come in as an ``entries.EntryCache``
(kept between passes by ``memo``), keyed by everything their bytes depend on.
"""

from __future__ import annotations

from .plan import Output, Plan, Settled, Stream, plan, settle, stream
from .site import Site, site_for

__all__ = ["Output", "Plan", "Settled", "Site", "Stream", "plan", "settle", "site_for", "stream"]
