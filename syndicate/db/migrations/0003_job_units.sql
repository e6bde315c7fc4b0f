-- One live job per unit, guaranteed by the database: at most one ingest(title, day), release(title)
-- or backfill_month(title, month) job is waiting or running at a time. Procrastinate's queueing
-- lock covers waiting jobs only: a unit deferred again while its first job runs would run twice.
CREATE UNIQUE INDEX syndicate_one_live_unit ON procrastinate_jobs (
    task_name, (args->>'title'), (coalesce(args->>'day', args->>'month', ''))
) WHERE status IN ('todo', 'doing') AND task_name IN ('ingest', 'release', 'backfill_month');

-- The periodic tick's clock: up to when due passes have been enqueued, so that a tick after a
-- restart enqueues the passes that fell due while every worker was down (procrastinate defers
-- only the latest missed tick, and none older than ten minutes).
CREATE TABLE syndicate_clock (
    name text PRIMARY KEY,
    until timestamptz NOT NULL
);
-- Every due pass enqueued, once: (title, kind, due_at) is the key.
CREATE TABLE syndicate_due_runs (
    title text NOT NULL,
    kind text NOT NULL,
    due_at timestamptz NOT NULL,
    tick timestamptz NOT NULL,
    PRIMARY KEY (title, kind, due_at)
);
