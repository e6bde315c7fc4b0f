"""The article store (SQLite): issues, pages, articles and their versions. No rendering here.

An article keeps its id across passes; a changed article gets the next version, an unchanged
one writes nothing. An article that a later reading of its issue no longer contains is kept
and gets a new, withdrawn version. Each issue is saved in one transaction, so a crash leaves
the last good state.

``render_queue`` lists the articles whose outputs must still be (re)written: a new version, or
an article still under embargo (re-rendered once released). A pass renders what is queued and
clears the entries it finished; so its cost follows what changed, not the size of the archive.
Feed windows read the newest rows through indexes, for the same reason.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import PublishError
from .model import Article, FragmentKind, Issue, Jump, Part, Reading
from .publish.item import CatalogRow, Item

SCHEMA = """
CREATE TABLE IF NOT EXISTS issues (
    date TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    publication TEXT,
    package_version INTEGER NOT NULL,
    package_hash TEXT NOT NULL,
    first_created TEXT NOT NULL,
    package_created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS pages (
    date TEXT NOT NULL REFERENCES issues(date),
    number INTEGER NOT NULL,
    section TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    source TEXT NOT NULL,
    encoding TEXT NOT NULL,
    PRIMARY KEY (date, number)
);
CREATE TABLE IF NOT EXISTS articles (
    date TEXT NOT NULL REFERENCES issues(date),
    id TEXT NOT NULL,
    section TEXT NOT NULL,
    seq INTEGER NOT NULL,
    version INTEGER NOT NULL,
    withdrawn INTEGER NOT NULL DEFAULT 0,
    content_hash TEXT NOT NULL,
    first_created TEXT NOT NULL,
    created TEXT NOT NULL,
    PRIMARY KEY (date, id)
);
CREATE INDEX IF NOT EXISTS articles_window ON articles (date DESC, seq);
CREATE INDEX IF NOT EXISTS articles_section ON articles (section, date DESC, seq);
CREATE INDEX IF NOT EXISTS articles_created ON articles (created);
CREATE TABLE IF NOT EXISTS article_versions (
    date TEXT NOT NULL,
    id TEXT NOT NULL,
    version INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    withdrawn INTEGER NOT NULL DEFAULT 0,
    article TEXT NOT NULL,
    created TEXT NOT NULL,
    PRIMARY KEY (date, id, version),
    FOREIGN KEY (date, id) REFERENCES articles(date, id)
);
CREATE TABLE IF NOT EXISTS sections (name TEXT PRIMARY KEY, first_date TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS render_queue (date TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (date, id));
"""

_ITEM_COLUMNS = "a.seq, a.version, a.withdrawn, a.first_created, a.created, v.article"
_ITEM_JOIN = "articles a JOIN article_versions v ON v.date = a.date AND v.id = a.id AND v.version = a.version"
# The queue drives (CROSS JOIN keeps it the outer loop in SQLite): joined the other way round,
# the planner scans every article of the archive to probe a queue of a few hundred rows.
QUEUED_SQL = (
    f"SELECT {_ITEM_COLUMNS} FROM render_queue q CROSS JOIN articles a ON a.date = q.date AND a.id = q.id"
    " CROSS JOIN article_versions v ON v.date = a.date AND v.id = a.id AND v.version = a.version"
    " ORDER BY a.date, a.seq"
)
# The catalog's month of versions. INDEXED BY: left alone, SQLite walks the whole articles_window
# index to avoid sorting a month of rows, which costs a scan of the archive (1.4 s cold on 10 years).
RECENT_SQL = (
    "SELECT a.date, a.id, a.section, json_extract(v.article, '$.headline'), a.version, a.created, a.withdrawn"
    f" FROM {_ITEM_JOIN.replace('articles a', 'articles a INDEXED BY articles_created', 1)}"
    " WHERE a.created >= ? ORDER BY a.date DESC, a.seq"
)


@dataclass(frozen=True)
class Saved:
    """What saving one issue changed."""

    new_issue: bool
    created: int = 0  # articles stored for the first time
    updated: int = 0  # articles that got a new version (withdrawals included)
    unchanged: int = 0


@dataclass(frozen=True)
class Package:
    """The issue package's own version (bumped when the list of item versions changes)."""

    date: dt.date
    version: int
    first_created: dt.datetime
    created: dt.datetime


def article_to_json(a: Article) -> dict[str, Any]:
    """A JSON-able dict holding every field of the article (the stored form of a version)."""
    jump = a.unresolved_jump
    return {
        "id": a.id,
        "date": a.date.isoformat(),
        "section": a.section,
        "headline": a.headline,
        "headline_derived": a.headline_derived,
        "kicker": a.kicker,
        "subheadline": a.subheadline,
        "byline": list(a.byline),
        "byline_text": a.byline_text,
        "dateline": a.dateline,
        "paragraphs": list(a.paragraphs),
        "parts": [[p.page, p.order, p.first_line, p.last_line, p.first, p.last] for p in a.parts],
        "complete": a.complete,
        "unresolved_jump": None if jump is None else [jump.page, jump.marker, jump.label],
        "kind": a.kind.value,
    }


def article_from_json(d: dict[str, Any]) -> Article:
    """The inverse of ``article_to_json``."""
    jump = d["unresolved_jump"]
    return Article(
        id=d["id"],
        date=dt.date.fromisoformat(d["date"]),
        section=d["section"],
        headline=d["headline"],
        headline_derived=d["headline_derived"],
        kicker=d["kicker"],
        subheadline=d["subheadline"],
        byline=tuple(d["byline"]),
        dateline=d["dateline"],
        paragraphs=tuple(d["paragraphs"]),
        parts=tuple(Part(*p) for p in d["parts"]),
        complete=d["complete"],
        unresolved_jump=None if jump is None else Jump(*jump),
        kind=FragmentKind(d["kind"]),
        byline_text=d["byline_text"],
    )


def _published_form(d: dict[str, Any]) -> dict[str, Any]:
    """A stored article without what no output shows: where each part sits on its page."""
    return {**d, "parts": [p[0] for p in d["parts"]]}


def _stamp(t: dt.datetime) -> str:
    """Stored times: UTC, whole seconds, so text order is time order."""
    return t.astimezone(dt.UTC).replace(microsecond=0).isoformat()


def _time(s: str) -> dt.datetime:
    return dt.datetime.fromisoformat(s)


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


class Store:
    """The SQLite store at ``path``; use as a context manager (or call ``close``)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(path, isolation_level=None)
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.executescript(SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise PublishError(f"{path}: cannot open the article store: {exc}") from exc

    def __enter__(self) -> Store:
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
        except sqlite3.Error as exc:
            raise PublishError(f"{self.path}: cannot write the article store: {exc}") from exc

    # ---- ingest -------------------------------------------------------------------------------

    def issue_hash(self, date: dt.date) -> str | None:
        """The content hash of the issue as last stored, or None."""
        row = self.db.execute(
            "SELECT content_hash FROM issues WHERE date = ?", (date.isoformat(),)
        ).fetchone()
        return None if row is None else str(row[0])

    def save_issue(self, issue: Issue, reading: Reading, now: dt.datetime) -> Saved:
        """Store one issue and its reading in one transaction; versions follow content changes."""
        day, stamp = issue.date.isoformat(), _stamp(now)
        with self.transaction() as db:
            old = db.execute("SELECT package_version FROM issues WHERE date = ?", (day,)).fetchone()
            if old is None:
                db.execute(
                    "INSERT INTO issues VALUES (?, ?, ?, 0, '', ?, ?)",
                    (day, issue.content_hash, issue.publication, stamp, stamp),
                )
            else:
                db.execute(
                    "UPDATE issues SET content_hash = ?, publication = ? WHERE date = ?",
                    (issue.content_hash, issue.publication, day),
                )
            db.execute("DELETE FROM pages WHERE date = ?", (day,))
            db.executemany(
                "INSERT INTO pages VALUES (?, ?, ?, ?, ?, ?)",
                [(day, p.number, p.section, p.sha256, p.source, p.encoding) for p in issue.pages],
            )
            counts = self._save_articles(db, day, reading.articles, stamp)
            self._bump_package(db, day, stamp)
        return Saved(new_issue=old is None, created=counts[0], updated=counts[1], unchanged=counts[2])

    def _save_articles(
        self, db: sqlite3.Connection, day: str, articles: Sequence[Article], stamp: str
    ) -> tuple[int, int, int]:
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
            text = json.dumps(article_to_json(article), ensure_ascii=False, sort_keys=True)
            digest = _hash(text)
            db.execute("INSERT OR IGNORE INTO sections VALUES (?, ?)", (article.section, day))
            if article.id not in known:
                db.execute(
                    "INSERT INTO articles VALUES (?, ?, ?, ?, 1, 0, ?, ?, ?)",
                    (day, article.id, article.section, seq, digest, stamp, stamp),
                )
                self._add_version(db, day, article.id, 1, digest, False, text, stamp)
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
        for gone, (version, digest, withdrawn, _seq, _section) in known.items():
            if gone in seen or withdrawn:
                continue
            text = db.execute(
                "SELECT article FROM article_versions WHERE date = ? AND id = ? AND version = ?",
                (day, gone, version),
            ).fetchone()[0]
            db.execute(
                "UPDATE articles SET version = ?, withdrawn = 1, created = ? WHERE date = ? AND id = ?",
                (version + 1, stamp, day, gone),
            )
            self._add_version(db, day, gone, version + 1, digest, True, text, stamp)
            updated += 1
        return created, updated, unchanged

    @staticmethod
    def _moved_only(db: sqlite3.Connection, day: str, id: str, version: int, text: str) -> bool:
        """Whether the stored version differs from ``text`` only in where its parts sit on their
        pages (order, lines): nothing published shows that, so it is no new version. The stored
        version then takes the new positions."""
        old = db.execute(
            "SELECT article FROM article_versions WHERE date = ? AND id = ? AND version = ?",
            (day, id, version),
        ).fetchone()[0]
        if _published_form(json.loads(old)) != _published_form(json.loads(text)):
            return False
        db.execute(
            "UPDATE article_versions SET article = ?, content_hash = ? WHERE date = ? AND id = ? AND version = ?",
            (text, _hash(text), day, id, version),
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
        digest = _hash(json.dumps(list(rows), ensure_ascii=False))
        db.execute(
            "UPDATE issues SET package_version = package_version + 1, package_hash = ?, package_created = ?"
            " WHERE date = ? AND package_hash != ?",
            (digest, stamp, day, digest),
        )

    # ---- publish ------------------------------------------------------------------------------

    @staticmethod
    def _item(row: Sequence[Any]) -> Item:
        seq, version, withdrawn, first, created, text = row
        return Item(
            article_from_json(json.loads(text)), version, seq, _time(first), _time(created), bool(withdrawn)
        )

    def queued(self) -> list[Item]:
        """The articles whose outputs must be (re)written, in date and print order."""
        return [self._item(r) for r in self.db.execute(QUEUED_SQL)]

    def done(self, items: Sequence[Item]) -> None:
        """Take rendered articles off the queue (after their files are written)."""
        with self.transaction() as db:
            db.executemany(
                "DELETE FROM render_queue WHERE date = ? AND id = ?",
                [(i.date.isoformat(), i.id) for i in items],
            )

    def requeue_all(self) -> None:
        """Queue every article again: the output folder was emptied while the store was kept."""
        with self.transaction() as db:
            db.execute("INSERT OR IGNORE INTO render_queue SELECT date, id FROM articles")

    def issue_items(self, date: dt.date) -> list[Item]:
        """Every article of one issue (withdrawn ones included), in print order."""
        sql = f"SELECT {_ITEM_COLUMNS} FROM {_ITEM_JOIN} WHERE a.date = ? ORDER BY a.seq"
        return [self._item(r) for r in self.db.execute(sql, (date.isoformat(),))]

    def package(self, date: dt.date) -> Package:
        row = self.db.execute(
            "SELECT package_version, first_created, package_created FROM issues WHERE date = ?",
            (date.isoformat(),),
        ).fetchone()
        return Package(date, row[0], _time(row[1]), _time(row[2]))

    def window(self, limit: int, until: dt.date, section: str | None = None) -> list[Item]:
        """The newest ``limit`` live articles of issues dated ``until`` or before: newest issue first,
        print order within an issue. Reads ``limit`` rows of an index, whatever the archive's size."""
        where, args = "a.date <= ? AND a.withdrawn = 0", [until.isoformat()]
        if section is not None:
            where, args = "a.section = ? AND " + where, [section, *args]
        sql = f"SELECT {_ITEM_COLUMNS} FROM {_ITEM_JOIN} WHERE {where} ORDER BY a.date DESC, a.seq LIMIT ?"
        return [self._item(r) for r in self.db.execute(sql, (*args, limit))]

    def recent(self, days: int) -> list[CatalogRow]:
        """Articles whose current version was stored within ``days`` of the newest version stored.

        Only the catalog's columns are read (the headline straight from the stored JSON), so a
        month of issues costs one indexed range read, not a month of article decoding."""
        row = self.db.execute("SELECT max(created) FROM articles").fetchone()
        if row[0] is None:
            return []
        since = _stamp(_time(row[0]) - dt.timedelta(days=days))
        return [
            CatalogRow(dt.date.fromisoformat(d), i, s, h, v, _time(c), bool(w))
            for d, i, s, h, v, c, w in self.db.execute(RECENT_SQL, (since,))
        ]

    def sections(self) -> list[str]:
        """Every section ever stored, in the order first seen."""
        return [r[0] for r in self.db.execute("SELECT name FROM sections ORDER BY first_date, rowid")]
