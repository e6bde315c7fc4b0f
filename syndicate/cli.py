"""Command line: the only place where errors become a one-line message and an exit code."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .errors import SyndicateError

if TYPE_CHECKING:
    from .config import Settings

# Subcommands import what they use when they run: `syndicate --help` and `syndicate articles` stay
# clear of pydantic, scipy and the publishing and serving stack (start-up is most of a small command).

_EXISTING_DIR = click.Path(exists=True, file_okay=False, path_type=Path)
_CONFIG = click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="TOML configuration (CONTRACT.md section 5). Without it: the sample issue shipped in the package.",
)


def _remember_title(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    ctx.ensure_object(dict)["title"] = value


# Every command that takes --config takes --title; it is read by ``settings_from``, so that
# commands need no parameter of their own for it.
_TITLE = click.option(
    "--title",
    metavar="NAME",
    expose_value=False,
    callback=_remember_title,
    help="With a group configuration ([[titles]]): the title to act on.",
)


class _Group(click.Group):
    """Turn library errors into one line on stderr and exit status 1 (traceback with --debug)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except SyndicateError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"syndicate: error: {_one_line_each(str(exc))}", err=True)
            sys.exit(1)


def _one_line_each(message: str) -> str:
    """A library's continuation lines (psycopg's indented hint) joined to the line they belong to;
    separate problems (a configuration's, one line each) stay on their own lines."""
    lines: list[str] = []
    for line in message.splitlines():
        if lines and line[:1].isspace():
            lines[-1] = f"{lines[-1]} {line.strip()}"
        elif line.strip():
            lines.append(line)
    return "\n".join(lines)


@click.group(cls=_Group)
@click.option("--debug", is_flag=True, help="Show tracebacks and debug logging.")
@click.version_option(package_name="syndicate")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """syndicate: a newspaper's printed pages in, clean articles out (feeds and NewsML-G2)."""
    ctx.obj = {"debug": debug}
    if ctx.invoked_subcommand in _LOGGING_NOTHING:
        return
    from . import logs

    logs.setup(debug)


# Commands that read and print and log nothing: spared importing logging (5 ms, a tenth of the
# start-up of `syndicate articles` on one page). Their problems are printed as warnings.
_LOGGING_NOTHING = frozenset({"articles"})


@contextlib.contextmanager
def _importing() -> Iterator[None]:
    """Import a command's modules without the cyclic garbage collector, then leave what they made
    out of every later collection (``gc.freeze``): modules, classes and functions live until the
    process ends, and walking them, while importing and again when the interpreter exits, was a
    sixth of the time of `syndicate articles` on one page."""
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def settings_from(config_path: Path | None, out: Path | None = None, source: Path | None = None) -> Settings:
    """Configuration file (or defaults) with the command line's --out/--source applied; with a group
    configuration, the title named by ``--title``."""
    from . import config as config_mod
    from . import group, logs

    title = click.get_current_context().find_object(dict) or {}
    if config_path is None:
        if title.get("title"):
            raise click.UsageError("--title needs --config (a group configuration)")
        settings = config_mod.defaults(out, source)
    else:
        settings = config_mod.override(group.load(config_path).title(title.get("title")), out, source)
    logs.use_zone(settings.publication.tz)  # log times on the paper's clock, with its offset
    return settings


@cli.command()
@click.argument("issue_dir", type=_EXISTING_DIR)
@click.option("--json", "as_json", is_flag=True, help="Print the JSON document of CONTRACT.md section 2.")
@click.option(
    "--explain",
    is_flag=True,
    help="Also print (stderr) where each article starts and the printed marks that opened it, "
    "the evidence of each boundary no headline marks, and the scores behind each jump.",
)
@_CONFIG
@_TITLE
def articles(issue_dir: Path, as_json: bool, explain: bool, config_path: Path | None) -> None:
    """Read one issue folder: re-flow, split into articles, stitch continuations. Touches no store."""
    with _importing():
        from . import pipeline, render_json
        from .sources import read_limits
        from .sources.folder import read_issue_dir

    # Without a configuration pages keep their default names and the default caps: no settings to validate.
    settings = settings_from(config_path) if config_path is not None else None
    if settings is None:
        issue = read_issue_dir(issue_dir)
    else:
        issue = read_issue_dir(issue_dir, settings.sections, limits=read_limits(settings))
    reading = pipeline.read(
        issue, settings.publication.language if settings else None, settings.reading if settings else None
    )
    reading = pipeline.identify(issue, reading, ())  # no store: the ids are the positional ones
    problems = [str(p) for p in pipeline.problems_of(issue, reading)]
    for problem in problems:
        click.echo(f"syndicate: warning: {problem}", err=True)
    if explain:
        click.echo(render_json.explain(reading), err=True)
    if as_json:
        document = render_json.reading_to_json(reading, problems)
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        click.echo(render_json.summary(reading))


@cli.command()
@_CONFIG
@_TITLE
@click.option("--source", type=_EXISTING_DIR, help="Drop folder of <YYYY-MM-DD>/ issue folders.")
@click.option(
    "--out", type=click.Path(file_okay=False, path_type=Path), help="Output root (default ./feeds)."
)
@click.option("--strict", is_flag=True, help="Fail (exit 1) when any page or date had a problem.")
@click.option(
    "--reinit",
    is_flag=True,
    help="Rebuild a missing or empty store beside an already published site (versions continue above it).",
)
def run(config_path: Path | None, source: Path | None, out: Path | None, strict: bool, reinit: bool) -> None:
    """One pass of the nightly job: ingest new or changed issues, store, publish feeds and NewsML."""
    from . import pipeline

    settings = settings_from(config_path, out, source)
    report = pipeline.run(settings, reinit=reinit)
    for problem in report.problems:
        click.echo(f"syndicate: warning: {problem}", err=True)
    for notice in report.notices:
        click.echo(f"syndicate: notice: {notice}", err=True)
    click.echo(report.summary())
    click.echo(f"feeds in {settings.out_dir / 'public'}, partner export in {settings.out_dir / 'newsml'}")
    if strict and report.problems:
        sys.exit(1)


@cli.command("check-config")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--strict", is_flag=True, help="Fail (exit 1) on warnings too.")
def check_config(file: Path, strict: bool) -> None:
    """Validate a configuration file (a title's or a group's), run the preflight of `run`, print
    what was understood, and warn about values that would run but publish something wrong (example
    hosts, partner sections no page is in, placeholder token digests)."""
    from . import checks, group, pipeline

    loaded = group.load(file)
    found: list[str] = []
    for name, settings in loaded.titles.items():
        pipeline.preflight(settings)
        where = str(file) if loaded.single else f"{file}: titles.{name}"
        found += [f"{where}: {w}" for w in checks.warnings(settings, _stored_sections(settings))]
    dumped = {name: s.model_dump(mode="json") for name, s in loaded.titles.items()}
    shown = (
        next(iter(dumped.values())) if loaded.single else {"titles": dumped, "jobs": loaded.jobs.model_dump()}
    )
    click.echo(json.dumps(shown, ensure_ascii=False, indent=2))
    for warning in found:
        click.echo(f"syndicate: warning: {warning}", err=True)
    if strict and found:
        sys.exit(1)


def _stored_sections(settings: Settings) -> list[str]:
    """The sections already stored, when there is a store (never creates one)."""
    from .store import STORE_FILE, open_store

    if not (settings.state_dir / STORE_FILE).is_file():
        return []
    with open_store(settings) as store:
        return store.sections()


@cli.command()
@_CONFIG
@_TITLE
def schedule(config_path: Path | None) -> None:
    """Run the nightly job in the foreground at the configured cron time (SIGINT/SIGTERM stop it)."""
    from . import scheduler

    scheduler.run_forever(settings_from(config_path))


@cli.command()
@_CONFIG
@_TITLE
@click.option("--from", "start", required=True, type=click.DateTime(["%Y-%m-%d"]), help="First date.")
@click.option("--to", "end", required=True, type=click.DateTime(["%Y-%m-%d"]), help="Last date (inclusive).")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), help="Output root.")
def backfill(config_path: Path | None, start: dt.datetime, end: dt.datetime, out: Path | None) -> None:
    """Pull and publish a range of past issues; resumable (stored, unchanged issues are skipped)."""
    from . import backfill as backfill_mod

    if end < start:
        raise click.BadParameter("--to is before --from")
    if config_path is not None and _engine_group(config_path) is not None:
        from .jobs import commands

        commands.enqueue_backfill(_engine_group(config_path), _title(), start.date(), end.date())
        return
    report = backfill_mod.backfill(settings_from(config_path, out), start.date(), end.date())
    click.echo(report.summary())


@cli.command()
@_CONFIG
@_TITLE
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), help="Output root to serve.")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8080, show_default=True, type=click.IntRange(0, 65535))
def serve(config_path: Path | None, out: Path | None, host: str, port: int) -> None:
    """Serve the public feeds and the partner pull interface over HTTP."""
    from . import serve as serve_mod

    serve_mod.serve(settings_from(config_path, out), host, port)


def _title() -> str | None:
    found = click.get_current_context().find_object(dict) or {}
    return found.get("title")


def _engine_group(config_path: Path) -> Any:
    """The group of ``config_path`` when it names a job engine (``[jobs] engine``), else None."""
    from . import group

    loaded = group.load(config_path)
    return loaded if loaded.engine != "embedded" else None


_REQUIRED_CONFIG = click.option(
    "--config",
    "config_path",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Group configuration ([[titles]], [store] url, [jobs] engine), or a title's with [store] url.",
)


@cli.group()
def db() -> None:
    """The shared PostgreSQL database of a newspaper group."""


@db.command("upgrade")
@_REQUIRED_CONFIG
def db_upgrade(config_path: Path) -> None:
    """Create or migrate the database schema (store and job tables); safe to run again."""
    from .jobs import commands

    commands.db_upgrade(config_path)


@cli.command()
@_REQUIRED_CONFIG
@click.option("--concurrency", default=1, show_default=True, type=click.IntRange(1, 64), help="Jobs at once.")
@click.option("--name", help="Worker name shown in the job tables (default: Procrastinate's).")
def worker(config_path: Path, concurrency: int, name: str | None) -> None:
    """Run a worker of the job engine until SIGINT/SIGTERM (the running job finishes first)."""
    from .jobs import commands

    commands.worker(config_path, concurrency, name)


@cli.command()
@_REQUIRED_CONFIG
@_TITLE
@click.option("--date", "day", type=click.DateTime(["%Y-%m-%d"]), help="Enqueue this date's pass.")
def enqueue(config_path: Path, day: dt.datetime | None) -> None:
    """Enqueue the passes that are due now (or one date's) for every title, or the one --title names."""
    from .jobs import commands

    commands.enqueue(config_path, _title(), None if day is None else day.date())


def main() -> None:
    cli()
