"""The PostgreSQL store's connection (one per title's store) and its small tables: section slugs,
settings. ``postgres.PostgresStore`` adds issues, articles and versions on top."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import psycopg

from .. import db
from ..errors import PublishError, StoreUnwritable


class PgConnection:
    """The connection of the store of ``title`` in the database at ``url``; a context manager."""

    def __init__(self, url: str, title: str) -> None:
        self.url = url
        self.title = title
        self.db = db.connect(url)
        self._in_snapshot = False
        try:
            db.require_current(self.db, url)
        except BaseException:
            self.db.close()
            raise

    @property
    def where(self) -> str:
        return f"store {db.redact(self.url)} (title {self.title})"

    def __enter__(self) -> PgConnection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def _all(self, sql: str, *args: Any) -> list[tuple[Any, ...]]:
        if not self._in_snapshot:
            self.db.rollback()  # reads see the latest commits (no snapshot left open between calls)
        return self.db.execute(sql, (self.title, *args)).fetchall()

    @contextmanager
    def transaction(self) -> Iterator[psycopg.Connection[Any]]:
        """One all-or-nothing write; a refused write becomes a ``PublishError`` naming the store."""
        self.db.rollback()
        try:
            with self.db.transaction():
                yield self.db
        except psycopg.OperationalError as exc:  # the database refuses every write: the pass stops
            raise StoreUnwritable(f"store {db.redact(self.url)}: cannot write: {str(exc).strip()}") from exc
        except psycopg.Error as exc:
            raise PublishError(f"store {db.redact(self.url)}: cannot write: {str(exc).strip()}") from exc

    # ---- sections and settings ------------------------------------------------------------------

    def public_sections(self, until: dt.date) -> list[str]:
        sql = (
            "SELECT name FROM syndicate_sections s WHERE title = %s AND EXISTS (SELECT 1 FROM syndicate_articles a"
            " WHERE a.title = s.title AND a.section = s.name AND a.date <= %s) ORDER BY first_date, seen"
        )
        return [r[0] for r in self._all(sql, until)]

    def section_slugs(self) -> dict[str, str | None]:
        rows = self._all(
            "SELECT name, slug FROM syndicate_sections WHERE title = %s ORDER BY first_date, seen"
        )
        return {str(n): s for n, s in rows}

    def set_slugs(self, slugs: Mapping[str, str]) -> None:
        with self.transaction() as conn, conn.cursor() as cur:
            cur.executemany(
                "UPDATE syndicate_sections SET slug = %s WHERE title = %s AND name = %s",
                [(s, self.title, n) for n, s in slugs.items()],
            )

    def setting(self, key: str) -> str | None:
        rows = self._all("SELECT value FROM syndicate_settings WHERE title = %s AND key = %s", key)
        return None if not rows else str(rows[0][0])

    def settings_under(self, prefix: str) -> dict[str, str]:
        sql = "SELECT key, value FROM syndicate_settings WHERE title = %s AND left(key, char_length(%s::text)) = %s::text"
        return {str(k): str(v) for k, v in self._all(sql, prefix, prefix)}

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO syndicate_settings VALUES (%s, %s, %s)"
                " ON CONFLICT (title, key) DO UPDATE SET value = EXCLUDED.value",
                (self.title, key, value),
            )
