"""The article store on PostgreSQL (psycopg 3): the SQLite store's behaviour, for a newspaper group.

Every row carries the title, so one database holds the whole group; the schema is created and
migrated by ``syndicate db upgrade`` (``syndicate/db``), never here. Each issue is saved in one
transaction, as with SQLite; versions follow content changes, an article missing from a later
reading gets a withdrawn version, and the render queue lists what must be (re)written.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import psycopg

from .. import db
from ..errors import PublishError
from ..model import (
    Article,
    ArticleKey,
    CatalogEntry,
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
from . import PACKAGE_FLOOR, Store, codec, feed_candidates
from .pgbase import PgConnection

_hash = codec.digest

_ITEM_COLUMNS = "a.seq, a.version, a.withdrawn, a.first_created, a.created, v.article"
_ITEM_JOIN = (
    "syndicate_articles a JOIN syndicate_article_versions v"
    " ON v.title = a.title AND v.date = a.date AND v.id = a.id AND v.version = a.version"
)
_PACKAGE_SQL = "SELECT package_version, first_created, package_created FROM syndicate_issues WHERE title = %s AND date = %s"
_PAGES_SQL = "SELECT number, section FROM syndicate_pages WHERE title = %s AND date = %s"
_DATES_SQL = "SELECT date FROM syndicate_issues WHERE title = %s AND date <= %s ORDER BY date DESC"
_SECTIONS_SQL = "SELECT name, slug FROM syndicate_sections WHERE title = %s ORDER BY first_date, seen"


class PostgresStore(PgConnection):
    """The store of ``title`` in the database at ``url``; a context manager like the SQLite one."""

    def __enter__(self) -> PostgresStore:
        return self

    # ---- ingest -------------------------------------------------------------------------------

    def issue_hash(self, date: dt.date) -> str | None:
        rows = self._all("SELECT content_hash FROM syndicate_issues WHERE title = %s AND date = %s", date)
        return None if not rows else str(rows[0][0])

    def issue_hashes(self) -> dict[dt.date, str]:
        return {
            d: str(h)
            for d, h in self._all("SELECT date, content_hash FROM syndicate_issues WHERE title = %s")
        }

    def stored_pages(self, date: dt.date) -> dict[int, Page | None]:
        rows = self._all(
            "SELECT number, section, text, source, encoding, sha256 FROM syndicate_pages WHERE title = %s AND date = %s",
            date,
        )
        return {n: None if x is None else Page(n, sec, x, src, enc, sha) for n, sec, x, src, enc, sha in rows}

    def has_issues(self) -> bool:
        return bool(self._all("SELECT 1 FROM syndicate_issues WHERE title = %s LIMIT 1"))

    def save_issue(
        self, issue: Issue, reading: Reading, now: dt.datetime, floor: Mapping[str, int] | None = None
    ) -> Saved:
        """Store one issue and its reading in one transaction; versions follow content changes
        (``floor``: versions already published for ids not stored, see the SQLite store)."""
        day, stamp, t = issue.date, now.astimezone(dt.UTC).replace(microsecond=0), self.title
        with self.transaction() as conn:
            # the issue row locked first: two passes of one title on one date serialize here
            old = conn.execute(
                "SELECT package_version FROM syndicate_issues WHERE title = %s AND date = %s FOR UPDATE",
                (t, day),
            ).fetchone()
            if old is None:
                conn.execute(
                    "INSERT INTO syndicate_issues VALUES (%s, %s, %s, %s, %s, '', %s, %s)",
                    (
                        t,
                        day,
                        issue.content_hash,
                        issue.publication,
                        (floor or {}).get(PACKAGE_FLOOR, 0),
                        stamp,
                        stamp,
                    ),
                )
            else:
                conn.execute(
                    "UPDATE syndicate_issues SET content_hash = %s, publication = %s WHERE title = %s AND date = %s",
                    (issue.content_hash, issue.publication, t, day),
                )
            conn.execute("DELETE FROM syndicate_pages WHERE title = %s AND date = %s", (t, day))
            with conn.cursor() as cur:
                cur.executemany(
                    "INSERT INTO syndicate_pages (title, date, number, section, sha256, source, encoding, text)"
                    " VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
                    [
                        (t, day, p.number, p.section, p.sha256, p.source, p.encoding, p.text)
                        for p in issue.pages
                    ],
                )
            counts, gone = self._save_articles(conn, day, reading.articles, stamp, floor or {})
            self._bump_package(conn, day, stamp)
        return Saved(old is None, *counts, withdrawn=tuple(gone))

    def _save_articles(
        self,
        conn: psycopg.Connection[Any],
        day: dt.date,
        articles: Sequence[Article],
        stamp: dt.datetime,
        floor: Mapping[str, int],
    ) -> tuple[tuple[int, int, int], list[str]]:
        t = self.title
        known = {
            r[0]: r[1:]
            for r in conn.execute(
                "SELECT id, version, content_hash, withdrawn, seq FROM syndicate_articles WHERE title = %s AND date = %s",
                (t, day),
            )
        }
        created = updated = unchanged = 0
        seen: set[str] = set()
        for seq, article in enumerate(articles):
            if article.id in seen:
                raise PublishError(f"issue {day}: two articles with the id {article.id!r}")
            seen.add(article.id)
            text = codec.dumps(article)
            digest = _hash(text)
            conn.execute(
                "INSERT INTO syndicate_sections VALUES (%s, %s, %s) ON CONFLICT DO NOTHING",
                (t, article.section, day),
            )
            if article.id not in known:
                first = floor.get(article.id, 0) + 1
                conn.execute(
                    "INSERT INTO syndicate_articles VALUES (%s, %s, %s, %s, %s, %s, false, %s, %s, %s)",
                    (t, day, article.id, article.section, seq, first, digest, stamp, stamp),
                )
                self._add_version(conn, day, article.id, first, digest, False, text, stamp)
                created += 1
                continue
            version, old_digest, withdrawn, old_seq = known[article.id]
            if not withdrawn and (
                old_digest == digest or self._moved_only(conn, day, article.id, version, text)
            ):
                conn.execute(
                    "UPDATE syndicate_articles SET seq = %s, content_hash = %s WHERE title = %s AND date = %s AND id = %s",
                    (seq, digest, t, day, article.id),
                )
                unchanged += 1
                continue
            conn.execute(
                "UPDATE syndicate_articles SET section = %s, seq = %s, version = %s, withdrawn = false,"
                " content_hash = %s, created = %s WHERE title = %s AND date = %s AND id = %s",
                (article.section, seq, version + 1, digest, stamp, t, day, article.id),
            )
            self._add_version(conn, day, article.id, version + 1, digest, False, text, stamp)
            updated += 1
        gone_now = [g for g, (_v, _d, withdrawn, _s) in known.items() if g not in seen and not withdrawn]
        for gone in gone_now:
            self._withdraw(conn, day, gone, known[gone][0], known[gone][1], stamp)
        return (created, updated + len(gone_now), unchanged), gone_now

    def _withdraw(
        self,
        conn: psycopg.Connection[Any],
        day: dt.date,
        gone: str,
        version: int,
        digest: str,
        stamp: dt.datetime,
    ) -> None:
        """A new, withdrawn version of an article the reading no longer holds."""
        t = self.title
        row = conn.execute(
            "SELECT article::text FROM syndicate_article_versions"
            " WHERE title = %s AND date = %s AND id = %s AND version = %s",
            (t, day, gone, version),
        ).fetchone()
        assert row is not None
        conn.execute(
            "UPDATE syndicate_articles SET version = %s, withdrawn = true, created = %s"
            " WHERE title = %s AND date = %s AND id = %s",
            (version + 1, stamp, t, day, gone),
        )
        self._add_version(conn, day, gone, version + 1, digest, True, row[0], stamp)

    def _moved_only(
        self, conn: psycopg.Connection[Any], day: dt.date, id: str, version: int, text: str
    ) -> bool:
        """As in the SQLite store: only the parts' places changed, the version takes them in place."""
        row = conn.execute(
            "SELECT article::text FROM syndicate_article_versions WHERE title = %s AND date = %s AND id = %s AND version = %s",
            (self.title, day, id, version),
        ).fetchone()
        assert row is not None
        if codec.published_form(json.loads(row[0])) != codec.published_form(json.loads(text)):
            return False
        conn.execute(
            "UPDATE syndicate_article_versions SET article = %s, content_hash = %s"
            " WHERE title = %s AND date = %s AND id = %s AND version = %s",
            (text, _hash(text), self.title, day, id, version),
        )
        return True

    def _add_version(
        self,
        conn: psycopg.Connection[Any],
        day: dt.date,
        id: str,
        version: int,
        digest: str,
        withdrawn: bool,
        text: str,
        stamp: dt.datetime,
    ) -> None:
        conn.execute(
            "INSERT INTO syndicate_article_versions VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
            (self.title, day, id, version, digest, withdrawn, text, stamp),
        )
        conn.execute(
            "INSERT INTO syndicate_render_queue VALUES (%s, %s, %s) ON CONFLICT DO NOTHING",
            (self.title, day, id),
        )

    def _bump_package(self, conn: psycopg.Connection[Any], day: dt.date, stamp: dt.datetime) -> None:
        rows = conn.execute(
            "SELECT id, version, seq, section FROM syndicate_articles WHERE title = %s AND date = %s ORDER BY seq, id",
            (self.title, day),
        ).fetchall()
        digest = _hash(json.dumps([list(r) for r in rows], ensure_ascii=False))
        conn.execute(
            "UPDATE syndicate_issues SET package_version = package_version + 1, package_hash = %s,"
            " package_created = %s WHERE title = %s AND date = %s AND package_hash != %s",
            (digest, stamp, self.title, day, digest),
        )

    # ---- publish ------------------------------------------------------------------------------

    def snapshot(
        self, *, window: int, until: dt.date, catalog_days: int, catalog_rows: int = 10_000
    ) -> Snapshot:
        """Everything one publishing step renders, read in one REPEATABLE READ transaction."""
        self.db.rollback()
        try:
            with self.db.transaction():
                self.db.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
                self._in_snapshot = True
                queued = self.queued()
                sections = self.public_sections(until)
                dates = [r[0] for r in self._all(_DATES_SQL, until)]  # the archive
                return Snapshot(
                    sections=tuple(sections),
                    queued=tuple(queued),
                    packages=IssuesRead(sorted({a.date for a in queued}), self.package),
                    latest=feed_candidates(self.window, window, until),
                    by_section={s: feed_candidates(self.window, window, until, s) for s in sections},
                    catalog=tuple(self.recent(catalog_days, until, catalog_rows)),
                    slugs={n: s for n, s in self.section_slugs().items() if s},
                    window=window,
                    dates=tuple(dates),
                    recent=tuple(self.package(d) for d in dates[:2]),  # front page, news sitemap
                )
        except psycopg.Error as exc:
            raise PublishError(f"store {db.redact(self.url)}: cannot read: {str(exc).strip()}") from exc
        finally:
            self._in_snapshot = False

    @staticmethod
    def _stored(row: Sequence[Any]) -> StoredArticle:
        seq, version, withdrawn, first, created, article = row
        return StoredArticle(
            codec.article_from_record(article), version, seq, first, created, bool(withdrawn)
        )

    def queued(self) -> list[Queued]:
        sql = (
            "SELECT a.date, a.id, a.withdrawn FROM syndicate_render_queue q JOIN syndicate_articles a"
            " ON a.title = q.title AND a.date = q.date AND a.id = q.id WHERE q.title = %s ORDER BY a.date, a.seq"
        )
        return [Queued(d, i, bool(w)) for d, i, w in self._all(sql)]

    def finish_pass(self, rendered: Iterable[ArticleKey]) -> None:
        with self.transaction() as conn, conn.cursor() as cur:
            cur.executemany(
                "DELETE FROM syndicate_render_queue WHERE title = %s AND date = %s AND id = %s",
                [(self.title, d, i) for d, i in rendered],
            )

    def request_rebuild(self) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO syndicate_render_queue SELECT title, date, id FROM syndicate_articles"
                " WHERE title = %s ON CONFLICT DO NOTHING",
                (self.title,),
            )

    def issue_articles(self, date: dt.date) -> list[StoredArticle]:
        sql = f"SELECT {_ITEM_COLUMNS} FROM {_ITEM_JOIN} WHERE a.title = %s AND a.date = %s ORDER BY a.seq"
        return [self._stored(r) for r in self._all(sql, date)]

    def package(self, date: dt.date) -> IssuePackage:
        version, first, created = self._all(_PACKAGE_SQL, date)[0]
        pages = dict(self._all(_PAGES_SQL, date))
        return IssuePackage(date, version, first, created, tuple(self.issue_articles(date)), pages)

    def window(
        self, limit: int, until: dt.date, section: str | None = None, *, newest_versions: bool = False
    ) -> list[StoredArticle]:
        where, args = "a.title = %s AND a.date <= %s AND NOT a.withdrawn", [until]
        if section is not None:
            where, args = where + " AND a.section = %s", [until, section]  # type: ignore[list-item]
        order = "a.created DESC" if newest_versions else "a.date DESC, a.seq"
        sql = f"SELECT {_ITEM_COLUMNS} FROM {_ITEM_JOIN} WHERE {where} ORDER BY {order} LIMIT %s"
        return [self._stored(r) for r in self._all(sql, *args, limit)]

    def recent(self, days: int, until: dt.date, limit: int) -> list[CatalogEntry]:
        """As ``SqliteStore.recent``: by issue date, not by when a version was stored."""
        newest = self._all("SELECT max(date) FROM syndicate_issues WHERE title = %s")[0][0]
        anchor = min(until, newest or until)
        sql = (
            "SELECT a.date, a.id, a.section, v.article->>'headline', a.version, a.created, a.withdrawn"
            f" FROM {_ITEM_JOIN} WHERE a.title = %s AND a.date > %s ORDER BY a.date DESC, a.seq LIMIT %s"
        )
        return [CatalogEntry(*r) for r in self._all(sql, anchor - dt.timedelta(days=days), limit)]

    def sections(self) -> list[str]:
        return [str(n) for n, _slug in self._all(_SECTIONS_SQL)]


def _satisfies_the_protocol() -> type[Store]:
    return PostgresStore  # mypy checks that it has every method of ``store.Store``
