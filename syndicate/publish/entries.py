"""Rendered feed entries kept by everything they are made of, so an unchanged entry is rendered once.

A feed is its head, the fragments of its entries in order (an RSS ``<item>``, an Atom ``<entry>``,
a JSON Feed item, each as it sits in the document) and its tail. A fragment depends on its format,
the stored article (every field of it: version, text, print position, times), the publication
(base URL, host, zone, language, release time), and the code and libraries that render it.
``EntryCache`` keys each fragment by a digest of all of these, so any change is a new key and
never a stale fragment: an article version that did not change, in a feed of a pass that did not
change how it is printed, is taken as it was. The plan gets a cache passed in (the renderers stay
pure: the same inputs give the same bytes, cached or not); ``memo`` keeps it between passes.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import importlib
from collections.abc import Callable, Mapping
from pathlib import Path

from ..model import CatalogDay, CatalogEntry, StoredArticle
from .site import Site
from .text import cleaned

# Bumped by hand only for a change the digest of the code below cannot see.
FORMAT = "1"
# Whose code shapes a fragment: its source is part of every key (a new release, or an edit in a
# working copy, cannot serve fragments an older renderer made).
_RENDERING_MODULES = (
    "syndicate.catalog",
    "syndicate.model",  # and the store's decoding: a fragment's key may name the stored text
    "syndicate.publish.entries",
    "syndicate.publish.epaper",
    "syndicate.publish.feeds",
    "syndicate.publish.html",
    "syndicate.publish.jsonfeed",
    "syndicate.publish.pages",
    "syndicate.publish.site",
    "syndicate.publish.text",
    "syndicate.store.codec",
    "syndicate.stored",
    "syndicate.timefmt",
    "syndicate.xmlchars",
)
# The templates whose text is in a fragment (a section page's article line).
_RENDERING_TEMPLATES = ("_section_item.html",)


@functools.cache
def code_digest() -> str:
    """Digest of the rendering code and the libraries that serialize (feedgen, lxml, libxml2)."""
    from feedgen import version as feedgen_version
    from lxml import etree

    libraries = f"{FORMAT} {feedgen_version.version_full} {etree.LXML_VERSION} {etree.LIBXML_VERSION}"
    h = hashlib.sha256(libraries.encode())
    for name in _RENDERING_MODULES:
        path = importlib.import_module(name).__file__
        try:
            h.update(Path(path).read_bytes() if path else name.encode())
        except OSError:  # no source to read: the cache is kept for this process only
            h.update(f"{name} {id(code_digest)}".encode())
    templates = Path(__file__).with_name("templates")
    for template in _RENDERING_TEMPLATES:
        h.update((templates / template).read_bytes())
    return h.hexdigest()


# Every field of a stored article but its text (named by the digest of the text it was read from).
_FIELDS = tuple(f.name for f in dataclasses.fields(StoredArticle) if f.name not in ("article", "text_digest"))


def _made_of(item: StoredArticle) -> str:
    """What ``item``'s fragments are made of: its every field (``repr``), or, for an article a
    store read, the digest of its stored text (the decoding code is in ``code_digest``) and its
    other fields, a few bytes to hash instead of the article's whole text."""
    if not item.text_digest:
        return repr(item)
    return f"{item.text_digest}{tuple(getattr(item, name) for name in _FIELDS)!r}"


class EntryCache:
    """Fragments by key: ``known`` ones (from earlier passes) and those rendered now (``fresh``).

    ``used`` are the keys this pass printed (what the memo keeps); ``rendered`` and ``reused``
    count fragments made and taken. Within a pass an entry is also cleaned once for every format
    and feed it is printed in (``clean``)."""

    def __init__(self, known: Mapping[str, bytes] | None = None) -> None:
        self.known: dict[str, bytes] = dict(known or {})
        self.fresh: dict[str, bytes] = {}
        self.used: set[str] = set()
        self.rendered = 0
        self.reused = 0
        self._digests: dict[int, tuple[StoredArticle, Site, str]] = {}
        self._cleaned: dict[int, tuple[StoredArticle, StoredArticle]] = {}
        self._site: tuple[Site | None, str] = (None, "")  # the site, the digest of it and the code

    def key(self, site: Site, fmt: str, item: StoredArticle) -> str:
        """The key of ``item``'s fragment in format ``fmt`` on ``site``."""
        seen = self._digests.get(id(item))
        if seen is None or seen[0] is not item or seen[1] is not site:
            digest = hashlib.sha256(f"{self._site_digest(site)}\0{_made_of(item)}".encode()).hexdigest()
            seen = self._digests[id(item)] = (item, site, digest)  # the item kept: its id stays its own
        return f"{fmt}:{seen[2]}"

    def row_key(self, site: Site, row: CatalogEntry) -> str:
        """The key of a partner catalog line: the row's every field (``CatalogEntry``), the site."""
        fields = (row.id, row.section, row.headline, row.version, row.withdrawn)
        return f"catalog:{self._site_digest(site)}:{row.date}:{row.created.isoformat()}{fields!r}"

    def day_key(self, site: Site, day: CatalogDay) -> str:
        """The key of one issue date's lines of the partner catalog: its digest (``CatalogDay``:
        every stored fact of its entries), how many it lists, the site."""
        return f"catalog-day:{self._site_digest(site)}:{day.date}:{day.count}:{day.digest}"

    def _site_digest(self, site: Site) -> str:
        if self._site[0] is not site:
            self._site = (site, hashlib.sha256(f"{code_digest()}\0{site.pub!r}".encode()).hexdigest())
        return self._site[1]

    def get(self, key: str) -> bytes | None:
        data = self.fresh.get(key)
        if data is None:
            data = self.known.get(key)
        if data is not None:
            self.used.add(key)
            self.reused += 1
        return data

    def put(self, key: str, data: bytes) -> None:
        self.fresh[key] = data
        self.used.add(key)
        self.rendered += 1

    def fetch(self, key: str, render: Callable[[], bytes]) -> bytes:
        """The fragment under ``key``, rendered by ``render`` (and kept) when no pass made it yet."""
        data = self.get(key)
        if data is None:
            data = render()
            self.put(key, data)
        return data

    def clean(self, item: StoredArticle) -> StoredArticle:
        """``text.cleaned(item)``, once for this cache however many feeds print it."""
        seen = self._cleaned.get(id(item))
        if seen is None or seen[0] is not item:
            seen = self._cleaned[id(item)] = (item, cleaned(item))
        return seen[1]
