"""The job engine of a newspaper group: Procrastinate on the group's PostgreSQL.

- ``app``: the tasks, ``ingest(title, day)``, ``release(title)``, ``backfill_month(title, month)``,
  and the one periodic ``tick`` that enqueues, for every title in its own time zone, the passes
  that fell due (``due``); how units are deferred (``defer_units``).
- ``worker``: ``syndicate worker``: a Procrastinate worker and the reaper beside it.

Guarantees, and where each comes from:

- one live job per unit: a unique index on ``procrastinate_jobs`` over (task, title, day|month)
  for waiting *and* running jobs (migration 3); a queueing lock only covers waiting ones;
- one running unit per title: Procrastinate's ``lock`` = the title, and a PostgreSQL advisory
  lock per title around each pass (``locking.title_lock``) (a job handed on by the reaper while its first worker still
  runs would otherwise write the title twice at once);
- retries with back-off: ``RetryStrategy`` from ``[jobs] retries`` and ``retry_wait``;
- each due pass enqueued once, and none lost while every worker was down: the tick's clock and
  ``syndicate_due_runs`` in the database (Procrastinate's periodic deferrer defers only the last
  missed tick, and none more than ten minutes late);
- a dead worker's job finished by another: the reaper retries ``doing`` jobs whose worker stopped
  heart-beating, including those whose worker row was already pruned (``worker_id`` NULL).
"""
