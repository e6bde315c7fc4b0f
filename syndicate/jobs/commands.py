"""What the group commands of ``cli`` do (``db upgrade``, ``worker``, ``enqueue``, queued ``backfill``);
kept here so that ``cli`` stays a thin layer and the engine is imported only by these commands."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from .. import db, group
from ..errors import ConfigError
from ..group import Group


def _group(config_path: Path, need_engine: bool) -> Group:
    loaded = group.load(config_path)
    if not loaded.store_url:
        raise ConfigError(f"{config_path}: store.url is not set (the group's PostgreSQL database)")
    if need_engine and loaded.engine == "embedded":
        raise ConfigError(
            f'{config_path}: jobs.engine is not set: add [jobs] engine = "procrastinate"'
            " (or run titles with `syndicate schedule --title`)"
        )
    return loaded


def db_upgrade(config_path: Path) -> None:
    loaded = _group(config_path, need_engine=False)
    urls = {s.store.url for s in loaded.titles.values() if s.store.url} | {loaded.store_url}
    for url in sorted(u for u in urls if u):
        applied = db.upgrade(url)
        where = db.redact(url)
        click.echo(
            f"{where}: " + (", ".join(applied) if applied else f"schema is current (version {db.LATEST})")
        )


def worker(config_path: Path, concurrency: int, name: str | None) -> None:
    from .worker import run_worker

    run_worker(_group(config_path, need_engine=True), concurrency, name)


def enqueue(config_path: Path, title: str | None, day: dt.date | None) -> None:
    from .app import defer_units, enqueue_due, make_app, units_for_days

    loaded = _group(config_path, need_engine=True)
    titles = [s.title for s in loaded.selected(title)]
    app = make_app(loaded)
    assert loaded.store_url is not None
    if day is None and title is None:
        count = enqueue_due(app, loaded, dt.datetime.now(dt.UTC).replace(microsecond=0))
        click.echo(f"{count} unit(s) enqueued")
        return
    if day is None:  # one title's pass, now: today and its lookback days
        settings = loaded.titles[titles[0]]
        today = dt.datetime.now(settings.publication.tz).date()
        days = [today - dt.timedelta(days=n) for n in range(settings.source.lookback_days, -1, -1)]
    else:
        days = [day]
    with db.connect(loaded.store_url) as conn, conn.transaction():
        db.require_current(conn, loaded.store_url)
        done = [u for t in titles for u in defer_units(app, conn, units_for_days(t, days))]
    click.echo(f"{len(done)} unit(s) enqueued" + ("" if done else " (already waiting or running)"))


def enqueue_backfill(loaded: Group, title: str | None, start: dt.date, end: dt.date) -> None:
    from .app import defer_units, make_app, month_units

    settings = loaded.title(title) if not loaded.single else next(iter(loaded.titles.values()))
    app = make_app(loaded)
    assert loaded.store_url is not None
    units = month_units(settings.title, start, end)
    with db.connect(loaded.store_url) as conn, conn.transaction():
        db.require_current(conn, loaded.store_url)
        done = defer_units(app, conn, units)
    click.echo(
        f"backfill {settings.title} {start}..{end}: {len(done)} month unit(s) enqueued"
        f" ({len(units) - len(done)} already waiting or running)"
    )
