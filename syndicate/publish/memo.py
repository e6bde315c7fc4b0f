"""The feed entries of the last pass, kept beside the store for the next (``entries.EntryCache``).

A nightly pass prints every feed's whole window, about ten times the entries its new issue
brings; the memo is what makes the rest cost a look-up. It is an SQLite file in the state folder
(``feed-entries.sqlite``), read whole before the plan and, once the pass's files are written,
given the fragments the pass rendered and rid of those it did not print (it holds one pass's
windows, not the archive). Its keys name every input of their bytes, so an entry it holds is
right or never asked for. A cache, not a record: a memo that cannot be read or written is
started afresh, never a pass's failure.
"""

from __future__ import annotations

import logging
import sqlite3
from contextlib import closing
from pathlib import Path

from .entries import EntryCache

NAME = "feed-entries.sqlite"

log = logging.getLogger(__name__)

_SCHEMA = "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, data BLOB NOT NULL) WITHOUT ROWID"


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, isolation_level=None)
    # WAL with NORMAL sync: a crash loses at most the last pass's additions, never the file.
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute(_SCHEMA)
    return db


def load(state_dir: Path) -> EntryCache:
    """The cache holding what the memo in ``state_dir`` kept (empty when there is none yet)."""
    path = state_dir / NAME
    if not path.exists():
        return EntryCache()
    try:
        with closing(_connect(path)) as db:
            rows = db.execute("SELECT key, data FROM entries").fetchall()
    except sqlite3.Error as exc:
        log.warning("feed entry memo %s unreadable (%s): entries rendered afresh", path, exc)
        return EntryCache()
    return EntryCache(dict(rows))


def keep(state_dir: Path, entries: EntryCache) -> None:
    """After a pass's files are written: the memo holds the entries it printed, no others."""
    path = state_dir / NAME
    try:
        _keep(path, entries)
    except sqlite3.Error as exc:
        log.warning("feed entry memo %s unwritable (%s): starting it afresh", path, exc)
        for stale in (path, path.with_name(NAME + "-wal"), path.with_name(NAME + "-shm")):
            stale.unlink(missing_ok=True)
        try:
            _keep(path, entries)
        except sqlite3.Error as again:
            log.warning("feed entry memo %s: %s; next pass renders every entry", path, again)


def _keep(path: Path, entries: EntryCache) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    gone = [(k,) for k in entries.known if k not in entries.used]
    new = [(k, v) for k, v in entries.fresh.items() if k in entries.used]
    with closing(_connect(path)) as db:
        db.execute("BEGIN IMMEDIATE")
        db.executemany("DELETE FROM entries WHERE key = ?", gone)
        db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?)", new)
        db.execute("COMMIT")
