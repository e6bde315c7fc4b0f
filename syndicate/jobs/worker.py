"""``syndicate worker``: a Procrastinate worker, and the reaper beside it.

Procrastinate marks a worker that stopped heart-beating as stalled (and prunes its row when a
worker starts), but it never hands that worker's ``doing`` jobs to anyone: they stay ``doing``,
and their title's lock with them, until someone retries them. The reaper does, every heartbeat:
it asks for the jobs of workers silent for ``jobs.stalled_after`` seconds, *and* those whose
worker row is gone (``worker_id`` NULL after the prune), and retries each at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

import procrastinate
from procrastinate import exceptions as pexc

from .. import db
from ..group import Group
from .app import make_app

log = logging.getLogger(__name__)


async def reap(app: procrastinate.App, stalled_after: float) -> list[int]:
    """Retry every running job whose worker is silent or gone; return their ids."""
    retried = []
    for job in await app.job_manager.get_stalled_jobs(seconds_since_heartbeat=stalled_after):
        assert job.id is not None
        try:
            await app.job_manager.retry_job(job)
        except pexc.ConnectorException as exc:  # another reaper was first, or the job just ended
            log.debug("job %s not retried: %s", job.id, exc)
            continue
        log.warning("job %s (%s) of a stalled worker handed back to the queue", job.id, job.call_string)
        retried.append(job.id)
    return retried


async def _reap_forever(app: procrastinate.App, group: Group) -> None:
    while True:
        await asyncio.sleep(group.jobs.heartbeat)
        try:
            await reap(app, group.jobs.stalled_after)
        except pexc.ConnectorException as exc:
            log.warning("reaper: %s", exc)


async def _run(group: Group, concurrency: int, name: str | None) -> None:
    app = make_app(group)
    async with app.open_async():
        reaper = asyncio.create_task(_reap_forever(app, group))
        try:
            await app.run_worker_async(
                concurrency=concurrency,
                name=name or "syndicate-worker",
                update_heartbeat_interval=group.jobs.heartbeat,
                stalled_worker_timeout=group.jobs.stalled_after,
                install_signal_handlers=True,
                delete_jobs="never",
            )
        finally:
            reaper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await reaper


def run_worker(group: Group, concurrency: int = 1, name: str | None = None) -> None:
    """Take units from the group's database until SIGINT/SIGTERM (the running job finishes first)."""
    assert group.store_url is not None
    with db.connect(group.store_url) as conn:
        db.require_current(conn, group.store_url)
    asyncio.run(_run(group, concurrency, name))
