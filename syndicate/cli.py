"""Command line: the only place where errors become a one-line message and an exit code."""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
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


class _Group(click.Group):
    """Turn library errors into one line on stderr and exit status 1 (traceback with --debug)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except SyndicateError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"syndicate: error: {exc}", err=True)
            sys.exit(1)


@click.group(cls=_Group)
@click.option("--debug", is_flag=True, help="Show tracebacks and debug logging.")
@click.version_option(package_name="syndicate")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """syndicate: a newspaper's printed pages in, clean articles out (feeds and NewsML-G2)."""
    ctx.obj = {"debug": debug}
    logging.basicConfig(
        level=logging.DEBUG if debug else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


def settings_from(config_path: Path | None, out: Path | None = None, source: Path | None = None) -> Settings:
    """Configuration file (or defaults) with the command line's --out/--source applied."""
    from . import config as config_mod

    if config_path is None:
        return config_mod.defaults(out, source)
    return config_mod.override(config_mod.load(config_path), out, source)


@cli.command()
@click.argument("issue_dir", type=_EXISTING_DIR)
@click.option("--json", "as_json", is_flag=True, help="Print the JSON document of CONTRACT.md section 2.")
@click.option("--explain", is_flag=True, help="Also print the scores behind each jump decision (stderr).")
@_CONFIG
def articles(issue_dir: Path, as_json: bool, explain: bool, config_path: Path | None) -> None:
    """Read one issue folder: re-flow, split into articles, stitch continuations. Touches no store."""
    from . import pipeline, render_json
    from .sources import read_limits
    from .sources.folder import read_issue_dir

    # Without a configuration pages keep their default names and the default caps: no settings to validate.
    settings = settings_from(config_path) if config_path is not None else None
    if settings is None:
        issue = read_issue_dir(issue_dir)
    else:
        issue = read_issue_dir(issue_dir, settings.sections, limits=read_limits(settings))
    reading = pipeline.read(issue, settings.publication.language if settings else None)
    for problem in reading.problems:
        click.echo(f"syndicate: warning: {problem}", err=True)
    if explain:
        click.echo(render_json.explain(reading), err=True)
    if as_json:
        click.echo(json.dumps(render_json.reading_to_json(reading), ensure_ascii=False, indent=2))
    else:
        click.echo(render_json.summary(reading))


@cli.command()
@_CONFIG
@click.option("--source", type=_EXISTING_DIR, help="Drop folder of <YYYY-MM-DD>/ issue folders.")
@click.option(
    "--out", type=click.Path(file_okay=False, path_type=Path), help="Output root (default ./feeds)."
)
@click.option("--strict", is_flag=True, help="Fail (exit 1) when any page or date had a problem.")
def run(config_path: Path | None, source: Path | None, out: Path | None, strict: bool) -> None:
    """One pass of the nightly job: ingest new or changed issues, store, publish feeds and NewsML."""
    from . import locking, pipeline

    settings = settings_from(config_path, out, source)
    pipeline.preflight(settings)
    with locking.pass_lock(settings.state_dir, settings.schedule.lock_timeout):
        report = pipeline.run_pass(settings)
    for problem in report.problems:
        click.echo(f"syndicate: warning: {problem}", err=True)
    click.echo(report.summary())
    click.echo(f"feeds in {settings.out_dir / 'public'}, partner export in {settings.out_dir / 'newsml'}")
    if strict and report.problems:
        sys.exit(1)


@cli.command("check-config")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--strict", is_flag=True, help="Fail (exit 1) on warnings too.")
def check_config(file: Path, strict: bool) -> None:
    """Validate a configuration file, run the preflight of `run`, print what was understood, and
    warn about values that would run but publish something wrong (example hosts, partner
    sections no page is in, placeholder token digests)."""
    from . import checks, pipeline
    from . import config as config_mod

    settings = config_mod.load(file)
    pipeline.preflight(settings)
    click.echo(json.dumps(settings.model_dump(mode="json"), ensure_ascii=False, indent=2))
    found = checks.warnings(settings, _stored_sections(settings))
    for warning in found:
        click.echo(f"syndicate: warning: {file}: {warning}", err=True)
    if strict and found:
        sys.exit(1)


def _stored_sections(settings: Settings) -> list[str]:
    """The sections already stored, when there is a store (never creates one)."""
    from .store import Store

    path = settings.state_dir / "syndicate.sqlite"
    if not path.is_file():
        return []
    with Store(path) as store:
        return store.sections()


@cli.command()
@_CONFIG
def schedule(config_path: Path | None) -> None:
    """Run the nightly job in the foreground at the configured cron time (SIGINT/SIGTERM stop it)."""
    from . import scheduler

    scheduler.run_forever(settings_from(config_path))


@cli.command()
@_CONFIG
@click.option("--from", "start", required=True, type=click.DateTime(["%Y-%m-%d"]), help="First date.")
@click.option("--to", "end", required=True, type=click.DateTime(["%Y-%m-%d"]), help="Last date (inclusive).")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), help="Output root.")
def backfill(config_path: Path | None, start: dt.datetime, end: dt.datetime, out: Path | None) -> None:
    """Pull and publish a range of past issues; resumable (stored, unchanged issues are skipped)."""
    from . import scheduler

    if end < start:
        raise click.BadParameter("--to is before --from")
    report = scheduler.backfill(settings_from(config_path, out), start.date(), end.date())
    click.echo(report.summary())


@cli.command()
@_CONFIG
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), help="Output root to serve.")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8080, show_default=True, type=int)
def serve(config_path: Path | None, out: Path | None, host: str, port: int) -> None:
    """Serve the public feeds and the partner pull interface over HTTP."""
    from . import serve as serve_mod

    serve_mod.serve(settings_from(config_path, out), host, port)


def main() -> None:
    cli()
