"""The SQLite article store: issues, pages, articles and their versions. No rendering here.

An article keeps its id across passes; a changed article gets the next version, an unchanged
one writes nothing. An article that a later reading of its issue no longer contains is kept
and gets a new, withdrawn version. Each issue is saved in one transaction, so a crash leaves
the last good state.

``render_queue`` lists the articles whose outputs must still be (re)written: a new version, an
article still under embargo (re-rendered once released), or every article after a rebuild was
requested. ``finish_pass`` clears the entries whose outputs were written; so a pass's cost
follows what changed, not the size of the archive. Feed windows read the newest rows through
indexes, for the same reason. ``snapshot`` reads in one transaction: one consistent moment.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import PublishError, StoreUnwritable
from ..model import (
    Article,
    ArticleKey,
    Issue,
    IssuePackage,
    IssuesRead,
    Page,
    Queued,
    Reading,
    Saved,
    Snapshot,
    StoredArticle,
)
from . import PACKAGE_FLOOR, Store, codec, feed_candidates, schema
from .schema import ITEM_COLUMNS, ITEM_JOIN, QUEUED_SQL, SCHEMA, migrate
from .sqlite_catalog import CatalogReads
from .sqlite_small import SmallTables


def _stamp(t: dt.datetime) -> str:
    """Stored times: UTC, whole seconds, so text order is time order."""
    return t.astimezone(dt.UTC).replace(microsecond=0).isoformat()


_time = dt.datetime.fromisoformat


class SqliteStore(SmallTables, CatalogReads):
    """The SQLite store at ``path``; use as a context manager (or call ``close``)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(path, isolation_level=None)
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.executescript(SCHEMA)
            migrate(self.db)
        except (OSError, sqlite3.Error) as exc:
            raise PublishError(f"{path}: cannot open the article store: {exc}") from exc

    @property
    def where(self) -> str:
        return str(self.path)

    def __enter__(self) -> SqliteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One all-or-nothing write: committed on success, rolled back on any exception.

        A write SQLite refuses (disk full, read-only file or folder) becomes a ``PublishError``
        naming the store; the store keeps its last committed state."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
                self.db.execute("COMMIT")
            except BaseException:
                if self.db.in_transaction:  # SQLite may have rolled back already (SQLITE_FULL)
                    self.db.execute("ROLLBACK")
                raise
        except sqlite3.OperationalError as exc:  # disk full, read-only, I/O: every write would fail
            raise StoreUnwritable(f"{self.path}: cannot write the article store: {exc}") from exc
        except sqlite3.Error as exc:
            raise PublishError(f"{self.path}: cannot write the article store: {exc}") from exc

    # ---- ingest -------------------------------------------------------------------------------

    def issue_hash(self, date: dt.date) -> str | None:
        """The content hash of the issue as last stored, or None."""
        row = self.db.execute(
            "SELECT content_hash FROM issues WHERE date = ?", (date.isoformat(),)
        ).fetchone()
        return None if row is None else str(row[0])

    def issue_hashes(self) -> dict[dt.date, str]:
        rows = self.db.execute("SELECT date, content_hash FROM issues")
        return {dt.date.fromisoformat(d): str(h) for d, h in rows}

    def save_issue(
        self, issue: Issue, reading: Reading, now: dt.datetime, floor: Mapping[str, int] | None = None
    ) -> Saved:
        """Store one issue and its reading in one transaction; versions follow content changes.
        ``floor``: versions already published for ids the store does not hold (a store rebuilt
        beside its output): such an article starts above them, so no version goes backwards."""
        day, stamp = issue.date.isoformat(), _stamp(now)
        with self.transaction() as db:
            old = db.execute("SELECT package_version FROM issues WHERE date = ?", (day,)).fetchone()
            if old is None:
                db.execute(
                    "INSERT INTO issues VALUES (?, ?, ?, ?, '', ?, ?)",
                    (
                        day,
                        issue.content_hash,
                        issue.publication,
                        (floor or {}).get(PACKAGE_FLOOR, 0),
                        stamp,
                        stamp,
                    ),
                )
            else:
                db.execute(
                    "UPDATE issues SET content_hash = ?, publication = ? WHERE date = ?",
                    (issue.content_hash, issue.publication, day),
                )
            db.execute("DELETE FROM pages WHERE date = ?", (day,))
            db.executemany(
                "INSERT INTO pages (date, number, section, sha256, source, encoding, text)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(day, p.number, p.section, p.sha256, p.source, p.encoding, p.text) for p in issue.pages],
            )
            counts, gone = self._save_articles(db, day, reading.articles, stamp, floor or {})
            self._bump_package(db, day, stamp)
        return Saved(old is None, *counts, withdrawn=tuple(gone))

    def stored_pages(self, date: dt.date) -> dict[int, Page | None]:
        """The pages of an issue as last read, by number (None: stored without its text)."""
        rows = self.db.execute(
            "SELECT number, section, text, source, encoding, sha256 FROM pages WHERE date = ?",
            (date.isoformat(),),
        )
        return {
            n: None if text is None else Page(n, sec, text, src, enc, sha)
            for n, sec, text, src, enc, sha in rows
        }

    def has_issues(self) -> bool:
        return self.db.execute("SELECT 1 FROM issues LIMIT 1").fetchone() is not None

    def _save_articles(
        self,
        db: sqlite3.Connection,
        day: str,
        articles: Sequence[Article],
        stamp: str,
        floor: Mapping[str, int],
    ) -> tuple[tuple[int, int, int], list[str]]:
        known = {
            row[0]: row[1:]
            for row in db.execute(
                "SELECT id, version, content_hash, withdrawn, seq, section FROM articles WHERE date = ?",
                (day,),
            )
        }
        created = updated = unchanged = 0
        seen: set[str] = set()
        for seq, article in enumerate(articles):
            if article.id in seen:
                raise PublishError(f"issue {day}: two articles with the id {article.id!r}")
            seen.add(article.id)
            text = codec.dumps(article)
            digest = codec.digest(text)
            db.execute(
                "INSERT OR IGNORE INTO sections (name, first_date) VALUES (?, ?)", (article.section, day)
            )
            if article.id not in known:
                first = floor.get(article.id, 0) + 1
                db.execute(
                    "INSERT INTO articles VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)",
                    (day, article.id, article.section, seq, first, digest, stamp, stamp),
                )
                self._add_version(db, day, article.id, first, digest, False, text, stamp)
                created += 1
                continue
            version, old_digest, withdrawn, old_seq, _section = known[article.id]
            if not withdrawn and (
                old_digest == digest or self._moved_only(db, day, article.id, version, text)
            ):
                # the same article, maybe printed elsewhere on its pages: no new version
                db.execute(
                    "UPDATE articles SET seq = ?, content_hash = ? WHERE date = ? AND id = ?",
                    (seq, digest, day, article.id),
                )
                unchanged += 1
                continue
            db.execute(
                "UPDATE articles SET section = ?, seq = ?, version = ?, withdrawn = 0, content_hash = ?, created = ?"
                " WHERE date = ? AND id = ?",
                (article.section, seq, version + 1, digest, stamp, day, article.id),
            )
            self._add_version(db, day, article.id, version + 1, digest, False, text, stamp)
            updated += 1
        withdrawn_now = self._withdraw_missing(db, day, known, seen, stamp)
        return (created, updated + len(withdrawn_now), unchanged), withdrawn_now

    def _withdraw_missing(
        self, db: sqlite3.Connection, day: str, known: dict[str, Any], seen: set[str], stamp: str
    ) -> list[str]:
        """A new, withdrawn version of every live article the reading no longer holds."""
        withdrawn_now = []
        for gone, (version, digest, withdrawn, _seq, _section) in known.items():
            if gone in seen or withdrawn:
                continue
            withdrawn_now.append(gone)
            text = db.execute(
                "SELECT article FROM article_versions WHERE date = ? AND id = ? AND version = ?",
                (day, gone, version),
            ).fetchone()[0]
            db.execute(
                "UPDATE articles SET version = ?, withdrawn = 1, created = ? WHERE date = ? AND id = ?",
                (version + 1, stamp, day, gone),
            )
            self._add_version(db, day, gone, version + 1, digest, True, text, stamp)
        return withdrawn_now

    @staticmethod
    def _moved_only(db: sqlite3.Connection, day: str, id: str, version: int, text: str) -> bool:
        """Whether the stored version differs from ``text`` only in where its parts sit on their
        pages (order, lines): nothing published shows that, so it is no new version. The stored
        version then takes the new positions."""
        old = db.execute(
            "SELECT article FROM article_versions WHERE date = ? AND id = ? AND version = ?",
            (day, id, version),
        ).fetchone()[0]
        if codec.published_form(json.loads(old)) != codec.published_form(json.loads(text)):
            return False
        db.execute(
            "UPDATE article_versions SET article = ?, content_hash = ? WHERE date = ? AND id = ? AND version = ?",
            (text, codec.digest(text), day, id, version),
        )
        return True

    @staticmethod
    def _add_version(
        db: sqlite3.Connection,
        day: str,
        id: str,
        version: int,
        digest: str,
        withdrawn: bool,
        text: str,
        stamp: str,
    ) -> None:
        db.execute(
            "INSERT INTO article_versions VALUES (?, ?, ?, ?, ?, ?, ?)",
            (day, id, version, digest, int(withdrawn), text, stamp),
        )
        db.execute("INSERT OR IGNORE INTO render_queue VALUES (?, ?)", (day, id))

    @staticmethod
    def _bump_package(db: sqlite3.Connection, day: str, stamp: str) -> None:
        rows = db.execute(
            "SELECT id, version, seq, section FROM articles WHERE date = ? ORDER BY seq, id", (day,)
        )
        digest = codec.digest(json.dumps(list(rows), ensure_ascii=False))
        db.execute(
            "UPDATE issues SET package_version = package_version + 1, package_hash = ?, package_created = ?"
            " WHERE date = ? AND package_hash != ?",
            (digest, stamp, day, digest),
        )

    # ---- publish ------------------------------------------------------------------------------

    def request_rebuild(self) -> None:
        """Queue every article again: the output was lost while the store was kept."""
        with self.transaction() as db:
            db.execute("INSERT OR IGNORE INTO render_queue SELECT date, id FROM articles")

    def snapshot(
        self, *, window: int, until: dt.date, catalog_days: int, catalog_rows: int = 10_000
    ) -> Snapshot:
        """Everything one publishing step renders, read in one transaction (see ``Store``)."""
        self.db.execute("BEGIN")  # a read transaction: one moment, even if another process writes
        try:
            queued = self.queued()
            sections = self.public_sections(until)
            dates = [dt.date.fromisoformat(d) for (d,) in self.db.execute(schema.DATES_SQL, (str(until),))]
            return Snapshot(
                sections=tuple(sections),
                queued=tuple(queued),
                packages=IssuesRead(sorted({a.date for a in queued}), self.package),
                latest=feed_candidates(self.window, window, until),
                by_section={s: feed_candidates(self.window, window, until, s) for s in sections},
                catalog=self.catalog(catalog_days, until, catalog_rows),
                slugs={n: s for n, s in self.section_slugs().items() if s},
                window=window,
                dates=tuple(dates),
                recent=tuple(self.package(d) for d in dates[:2]),  # front page, news sitemap (two days)
            )
        except sqlite3.Error as exc:
            raise PublishError(f"{self.path}: cannot read the article store: {exc}") from exc
        finally:
            if self.db.in_transaction:
                self.db.execute("COMMIT")

    def finish_pass(self, rendered: Iterable[ArticleKey]) -> None:
        """Take rendered articles off the queue (after their files are written)."""
        with self.transaction() as db:
            db.executemany(
                "DELETE FROM render_queue WHERE date = ? AND id = ?",
                [(d.isoformat(), i) for d, i in rendered],
            )

    @staticmethod
    def _stored(row: Sequence[Any]) -> StoredArticle:
        return _stored_row(tuple(row))

    def queued(self) -> list[Queued]:
        """The articles whose outputs must be (re)written, in date and print order."""
        return [Queued(dt.date.fromisoformat(d), i, bool(w)) for d, i, w in self.db.execute(QUEUED_SQL)]

    def issue_articles(self, date: dt.date) -> list[StoredArticle]:
        """Every article of one issue (withdrawn ones included), in print order."""
        sql = f"SELECT {ITEM_COLUMNS} FROM {ITEM_JOIN} WHERE a.date = ? ORDER BY a.seq"
        return [self._stored(r) for r in self.db.execute(sql, (date.isoformat(),))]

    def package(self, date: dt.date) -> IssuePackage:
        """The issue's package: its version and times, every article in print order, its pages."""
        day, articles = (date.isoformat(),), tuple(self.issue_articles(date))
        row, pages = (
            self.db.execute(schema.PACKAGE_SQL, day).fetchone(),
            self.db.execute(schema.PAGES_SQL, day),
        )
        return IssuePackage(date, row[0], _time(row[1]), _time(row[2]), articles, dict(pages))

    def window(
        self, limit: int, until: dt.date, section: str | None = None, *, newest_versions: bool = False
    ) -> list[StoredArticle]:
        """``limit`` live articles of issues up to ``until``, newest issue (or version) first: an index read."""
        where, args = "a.date <= ? AND a.withdrawn = 0", [until.isoformat()]
        if section is not None:
            where, args = "a.section = ? AND " + where, [section, *args]
        join, order = schema.WINDOW_ORDERS[newest_versions]
        sql = f"SELECT {ITEM_COLUMNS} FROM {join} WHERE {where} ORDER BY {order} LIMIT ?"
        return [self._stored(r) for r in self.db.execute(sql, (*args, limit))]

    def sections(self) -> list[str]:
        """Every section ever stored, in the order first seen."""
        return [r[0] for r in self.db.execute("SELECT name FROM sections ORDER BY first_date, rowid")]

    def public_sections(self, until: dt.date) -> list[str]:
        """The sections of an issue dated ``until`` or before (released), in the order first seen:
        a section only an embargoed issue uses appears nowhere public yet."""
        return [r[0] for r in self.db.execute(schema.PUBLIC_SECTIONS_SQL, (until.isoformat(),))]


# A snapshot reads most articles twice or four times (``codec.DECODED_MAX``: the all-sections and
# section windows, by issue and by version), and a process running pass after pass reads the same
# windows again: a row (every field of a stored article, its text included) is made into a
# ``StoredArticle`` once, its text hashed once. Equal rows give equal, frozen articles.
@functools.lru_cache(maxsize=codec.DECODED_MAX)
def _stored_row(row: tuple[Any, ...]) -> StoredArticle:
    seq, version, withdrawn, first, created, text = row
    stored = StoredArticle(codec.loads(text), version, seq, _time(first), _time(created), bool(withdrawn))
    return stored.read_from(codec.digest(text))


def _satisfies_the_protocol() -> type[Store]:
    return SqliteStore  # mypy checks that it has every method of ``store.Store``
