"""The shared PostgreSQL database of a newspaper group: connections and the versioned schema.

``syndicate db upgrade`` applies the migrations below that a database lacks, each in its own
transaction, recorded in ``syndicate_schema``; an advisory lock makes two upgrades started at once
run one after the other. Everything else refuses a database whose schema is behind
(``require_current``) rather than failing halfway through a pass on a missing column.

Migration 2 is Procrastinate's own schema, as shipped with the installed version; a later
Procrastinate release that changes it comes with its SQL migrations, added here as new steps.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from typing import Any

import psycopg

from ..errors import ConfigError, LockError, PublishError

# pg_advisory_lock key of `db upgrade` (any constant; "syndicate schema" as a 63-bit number)
_UPGRADE_LOCK = 0x73796E6463617465


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[psycopg.Connection[Any]], None]


def _sql_file(name: str) -> Callable[[psycopg.Connection[Any]], None]:
    def apply(conn: psycopg.Connection[Any]) -> None:
        conn.execute(resources.files(__package__).joinpath("migrations", name).read_text(encoding="utf-8"))

    return apply


def _procrastinate_schema(conn: psycopg.Connection[Any]) -> None:
    from procrastinate.schema import SchemaManager

    conn.execute(SchemaManager.get_schema())


MIGRATIONS = (
    Migration(1, "article store", _sql_file("0001_store.sql")),
    Migration(2, "procrastinate job tables", _procrastinate_schema),
    Migration(3, "one live job per unit; tick clock", _sql_file("0003_job_units.sql")),
    Migration(4, "page texts, stored section slugs, store settings", _sql_file("0004_trust.sql")),
)
LATEST = MIGRATIONS[-1].version


def connect(url: str, **options: Any) -> psycopg.Connection[Any]:
    """A connection with UTC session time; errors name the database without its password."""
    try:
        conn = psycopg.connect(url, **options)
    except psycopg.Error as exc:
        raise PublishError(f"store.url {redact(url)}: cannot connect: {str(exc).strip()}") from exc
    conn.execute("SET TIME ZONE 'UTC'")
    if not options.get("autocommit"):
        conn.commit()
    return conn


def redact(url: str) -> str:
    """The URL with any password replaced, for messages."""
    head, at, tail = url.rpartition("@")
    if not at or ":" not in head.split("//", 1)[-1]:
        return url
    scheme, _, userinfo = head.partition("//")
    return f"{scheme}//{userinfo.split(':', 1)[0]}:***@{tail}"


def version(conn: psycopg.Connection[Any]) -> int:
    """The schema version of the database (0 when ``db upgrade`` never ran)."""
    row = conn.execute("SELECT to_regclass('syndicate_schema') IS NOT NULL").fetchone()
    if not row or not row[0]:
        return 0
    got = conn.execute("SELECT coalesce(max(version), 0) FROM syndicate_schema").fetchone()
    return int(got[0]) if got else 0


def upgrade(url: str) -> list[str]:
    """Apply every missing migration; return the names of those applied (none: already current)."""
    applied: list[str] = []
    with connect(url, autocommit=True) as conn:
        conn.execute("SELECT pg_advisory_lock(%s)", (_UPGRADE_LOCK,))
        try:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS syndicate_schema ("
                " version integer PRIMARY KEY, name text NOT NULL,"
                " applied_at timestamptz NOT NULL DEFAULT now())"
            )
            current = version(conn)
            for step in MIGRATIONS:
                if step.version <= current:
                    continue
                with conn.transaction():
                    step.apply(conn)
                    conn.execute(
                        "INSERT INTO syndicate_schema (version, name) VALUES (%s, %s)",
                        (step.version, step.name),
                    )
                applied.append(f"{step.version}: {step.name}")
        finally:
            conn.execute("SELECT pg_advisory_unlock(%s)", (_UPGRADE_LOCK,))
    return applied


def require_current(conn: psycopg.Connection[Any], url: str) -> None:
    """Refuse a database whose schema is not the one this version of syndicate expects."""
    have = version(conn)
    if have < LATEST:
        raise ConfigError(
            f"store.url {redact(url)}: schema version {have}, this syndicate needs {LATEST}:"
            " run `syndicate db upgrade --config FILE`"
        )
    if have > LATEST:
        raise ConfigError(
            f"store.url {redact(url)}: schema version {have} is newer than this syndicate ({LATEST}): upgrade it"
        )


@contextmanager
def advisory_lock(url: str, name: str, timeout: float) -> Iterator[None]:
    """A session advisory lock called ``name`` while the block runs, on a connection of its own;
    ``LockError`` when another session still holds it after ``timeout`` seconds (0: do not wait)."""
    with connect(url, autocommit=True) as conn:
        key = "hashtextextended(%s, 0)"
        if timeout <= 0:
            row = conn.execute(f"SELECT pg_try_advisory_lock({key})", (name,)).fetchone()
            if not row or not row[0]:
                raise LockError(f"another pass is running: {name} is held in {redact(url)}")
        else:
            conn.execute(f"SET lock_timeout = {int(timeout * 1000)}")
            try:
                conn.execute(f"SELECT pg_advisory_lock({key})", (name,))
            except psycopg.errors.LockNotAvailable:
                raise LockError(
                    f"another pass is running: {name} is still held in {redact(url)} after {timeout:g} s"
                    " (wait for it to finish, or raise schedule.lock_timeout)"
                ) from None
        yield
