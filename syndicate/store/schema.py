"""The SQLite store's schema, the SQL its hot reads use, and the migrations of older stores.

Plain SQL only (no SQLite-only feature besides the planner hints in the read queries), so that
the PostgreSQL store can mirror it. ``migrate`` adds what newer passes need to a store an older
version created, in place and idempotently.
"""

from __future__ import annotations

import sqlite3

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
    text TEXT,  -- the page as last read: kept for a page that is listed but unreadable later
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
-- slug: the section's feed name, assigned once (publish.slug.assign) and kept
CREATE TABLE IF NOT EXISTS sections (name TEXT PRIMARY KEY, first_date TEXT NOT NULL, slug TEXT);
-- settings: what the last publishing step rendered with (key -> value), e.g. "rendered_with"
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS render_queue (date TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (date, id));
"""

ITEM_COLUMNS = "a.seq, a.version, a.withdrawn, a.first_created, a.created, v.article"
ITEM_JOIN = "articles a JOIN article_versions v ON v.date = a.date AND v.id = a.id AND v.version = a.version"
# Newest versions first (the catalog, the feeds' updated entries): INDEXED BY, as in CATALOG_STAMPS_SQL.
BY_CREATED_JOIN = ITEM_JOIN.replace("articles a", "articles a INDEXED BY articles_created", 1)
# window(): (join, order) for the newest issues' articles, and for the newest versions
WINDOW_ORDERS = {False: (ITEM_JOIN, "a.date DESC, a.seq"), True: (BY_CREATED_JOIN, "a.created DESC")}
DATES_SQL = "SELECT date FROM issues WHERE date <= ? ORDER BY date DESC"  # the archive
PAGES_SQL = "SELECT number, section FROM pages WHERE date = ?"  # an issue's printed pages
PUBLIC_SECTIONS_SQL = (
    "SELECT name FROM sections s WHERE EXISTS"
    " (SELECT 1 FROM articles a WHERE a.section = s.name AND a.date <= ?) ORDER BY first_date, rowid"
)
PACKAGE_SQL = "SELECT package_version, first_created, package_created FROM issues WHERE date = ?"
# The queue drives (CROSS JOIN keeps it the outer loop in SQLite): joined the other way round,
# the planner scans every article of the archive to probe a queue of a few hundred rows. Only
# the keys: the plan reads each queued issue in full when it renders it (``IssuesRead``).
QUEUED_SQL = (
    "SELECT a.date, a.id, a.withdrawn FROM render_queue q CROSS JOIN articles a"
    " ON a.date = q.date AND a.id = q.id ORDER BY a.date, a.seq"
)
# The catalog's month of issues, date by date: each issue's package version and hash (they change
# with any of its articles' versions, print order or sections, and so with anything its catalog
# entries show) and how many articles it has (counted in the articles_window index, date DESC,
# seq), so neither the archive's size nor a backfill's storage times change its cost. A date whose
# catalog lines an earlier pass made is read no further; another reads its entries (the headline
# straight from the stored JSON) with CATALOG_DAY_SQL, a range of the same index.
CATALOG_STAMPS_SQL = (
    "SELECT i.date, i.package_version, i.package_hash, i.package_created,"
    " (SELECT count(*) FROM articles a INDEXED BY articles_window WHERE a.date = i.date)"
    " FROM issues i WHERE i.date > ? ORDER BY i.date DESC"
)
_BY_ISSUE_JOIN = ITEM_JOIN.replace("articles a", "articles a INDEXED BY articles_window", 1)
CATALOG_DAY_SQL = (
    "SELECT a.date, a.id, a.section, json_extract(v.article, '$.headline'), a.version, a.created, a.withdrawn"
    f" FROM {_BY_ISSUE_JOIN} WHERE a.date = ? ORDER BY a.seq LIMIT ?"
)


# Columns added after the first release: (table, column, declaration).
ADDED_COLUMNS = (
    ("pages", "text", "TEXT"),
    ("sections", "slug", "TEXT"),
)


def migrate(db: sqlite3.Connection) -> None:
    """Add the columns newer passes need to a store an older version created (in place). Sections
    stored before slugs were kept have none (NULL): the publishing step gives them the slugs the
    old passes derived, so no feed URL changes (``publish.slug.assign``)."""
    for table, column, declaration in ADDED_COLUMNS:
        columns = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
        if column not in columns:
            db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {declaration}")
