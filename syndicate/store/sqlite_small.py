"""The SQLite store's small tables: section slugs and settings (as ``pgbase`` for PostgreSQL).

A mixin of ``sqlite.SqliteStore``, which provides the connection and its transactions.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from contextlib import AbstractContextManager


class SmallTables:
    db: sqlite3.Connection

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError  # SqliteStore's

    def section_slugs(self) -> dict[str, str | None]:
        """Every stored section and its feed slug (None until one is assigned)."""
        return dict(self.db.execute("SELECT name, slug FROM sections ORDER BY first_date, rowid"))

    def set_slugs(self, slugs: Mapping[str, str]) -> None:
        """Store the slugs assigned to sections (once: a feed URL never moves to another section)."""
        with self.transaction() as db:
            db.executemany("UPDATE sections SET slug = ? WHERE name = ?", [(s, n) for n, s in slugs.items()])

    def setting(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def settings_under(self, prefix: str) -> dict[str, str]:
        rows = self.db.execute(
            "SELECT key, value FROM settings WHERE substr(key, 1, ?) = ?", (len(prefix), prefix)
        )
        return {str(k): str(v) for k, v in rows}

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM settings WHERE key = ?", (key,))
            db.execute("INSERT INTO settings VALUES (?, ?)", (key, value))
