"""The article store: what ``pipeline`` needs from it, as a protocol; SQLite behind it (``sqlite``).

The store knows only the model: it takes an ``Issue`` and its ``Reading`` and gives back records
of ``model.py`` (``Saved``, ``Snapshot`` of ``StoredArticle``/``IssuePackage``/``CatalogEntry``).
It renders nothing, and importing it loads no publishing library. A pass uses it in this order::

    issue_hash -> issue_articles, save_issue (per changed issue) -> [request_rebuild] -> snapshot -> finish_pass

Everything a pass must still render is state in the store (the render queue), never inferred
from the output tree: a version saved, an article still under embargo, or a rebuild requested,
stays queued until ``finish_pass`` is told its outputs were written. The interface uses no
database-specific feature, so a PostgreSQL store can sit beside the SQLite one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Protocol

from ..model import ArticleKey, Issue, Page, Reading, Saved, Snapshot, StoredArticle

if TYPE_CHECKING:
    from ..config import Settings

STORE_FILE = "syndicate.sqlite"  # in the state folder
PACKAGE_FLOOR = "issue"  # save_issue's floor key for the issue package (article ids start with a digit)


class Store(Protocol):
    """What a pass needs from the article store. Implementations: ``sqlite.SqliteStore``,
    ``postgres.PostgresStore``."""

    @property
    def where(self) -> str:
        """The store as messages name it: its file, or its database and title."""
        ...

    def __enter__(self) -> Store: ...

    def __exit__(self, *exc: object) -> None: ...

    def close(self) -> None: ...

    def issue_hash(self, date: dt.date) -> str | None:
        """The content hash of the issue of ``date`` as last stored, or None."""
        ...

    def issue_hashes(self) -> dict[dt.date, str]:
        """``issue_hash`` of every stored issue, by date, in one read (a nightly pass checks every
        unchanged folder of the drop folder against it)."""
        ...

    def issue_articles(self, date: dt.date) -> Sequence[StoredArticle]:
        """Every stored article of one issue (withdrawn ones included), in print order: what a new
        reading of the issue is matched against, so that ids follow content."""
        ...

    def stored_pages(self, date: dt.date) -> Mapping[int, Page | None]:
        """The pages of an issue as last read, with their text (None: stored without it), by
        number: what a page listed but unreadable now keeps (withdrawal needs positive evidence)."""
        ...

    def has_issues(self) -> bool:
        """Whether any issue is stored (an empty store beside a published site is refused)."""
        ...

    def save_issue(
        self, issue: Issue, reading: Reading, now: dt.datetime, floor: Mapping[str, int] | None = None
    ) -> Saved:
        """Store one issue and its reading all or nothing; a changed article gets the next version
        (stamped ``now``), an article gone from the reading a withdrawn one; queue what changed."""
        ...

    def sections(self) -> list[str]:
        """Every section ever stored, in the order first seen."""
        ...

    def section_slugs(self) -> dict[str, str | None]:
        """Every stored section and its feed slug (None until one is assigned), in the order first seen."""
        ...

    def set_slugs(self, slugs: Mapping[str, str]) -> None:
        """Store assigned slugs (``publish.slug.assign``): a feed URL never moves to another section."""
        ...

    def setting(self, key: str) -> str | None:
        """A value the store keeps for the pass (``state``: the output root, what was rendered with)."""
        ...

    def settings_under(self, prefix: str) -> dict[str, str]:
        """Every setting whose key starts with ``prefix`` (the folder stamps, read in one query)."""
        ...

    def set_setting(self, key: str, value: str) -> None: ...

    def request_rebuild(self) -> None:
        """Queue every article: the output must be rebuilt (it was lost while the store was kept)."""
        ...

    def snapshot(
        self, *, window: int, until: dt.date, catalog_days: int, catalog_rows: int = 10_000
    ) -> Snapshot:
        """Everything one publishing step renders, read at one moment: the queued articles and
        their issues, the ``window`` newest live articles of issues dated ``until`` or before (all
        sections and per section), and the catalog: the current versions of the issues dated within
        ``catalog_days`` before the newest released issue (``until`` at the latest) or after it
        (embargoed), newest first, at most
        ``catalog_rows``. Issue dates, not storage times: a backfill stores old issues today, and
        must not flood the catalog (nor make every pass rewrite a catalog growing with it). Also the
        ``window`` newest versions among the live articles (a late page's new version moves up a
        feed), every issue dated ``until`` or before (the archive) and the newest two in full."""
        ...

    def finish_pass(self, rendered: Iterable[ArticleKey]) -> None:
        """The outputs of ``rendered`` are written: take them off the queue (the rest stays)."""
        ...


def open_store(settings: Settings) -> Store:
    """The store the configuration names: PostgreSQL (``store.url``, the title's rows of a group's
    database), else SQLite in the state folder."""
    if settings.store.url:
        from .postgres import PostgresStore

        return PostgresStore(settings.store.url, settings.title)
    from .sqlite import SqliteStore

    return SqliteStore(settings.state_dir / STORE_FILE)


class Window(Protocol):
    def __call__(
        self, limit: int, until: dt.date, section: str | None = None, *, newest_versions: bool = False
    ) -> list[StoredArticle]: ...


def feed_candidates(
    window: Window, limit: int, until: dt.date, section: str | None = None
) -> tuple[StoredArticle, ...]:
    """A store's ``window`` of the newest issues and its ``limit`` newest versions, once each: what
    a feed's entries are chosen from (the plan orders them by updated time), so that a late page's
    new version of an older article moves up its feeds."""
    found = {a.key: a for a in window(limit, until, section)}
    for a in window(limit, until, section, newest_versions=True):
        found.setdefault(a.key, a)
    return tuple(found.values())
