"""``GET /healthz`` and ``GET /metrics``: what a load balancer and a monitor ask.

Both read the last pass's record (``status.py``, written by the pass in its own process) and
never the store. ``/healthz`` is ``200`` while the last pass succeeded and ended within
``health.max_age_hours``, ``503`` otherwise (no pass yet, failed, or stale), with the same JSON
body either way so an operator sees why. ``/metrics`` is the Prometheus text format from
``prometheus_client``: the pass totals from the record, and this server's requests by status.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

from prometheus_client import CollectorRegistry, Counter, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.exposition import CONTENT_TYPE_PLAIN_0_0_4
from prometheus_client.registry import Collector

from .. import status
from .httputil import BASE_HEADERS, Response


def healthz(state_dir: Path, max_age: dt.timedelta, now: dt.datetime) -> Response:
    """The last pass's time and outcome as JSON; 503 unless it succeeded within ``max_age``."""
    last = status.read(state_dir)
    body: dict[str, object]
    if last is None:
        healthy, body = False, {"status": "unknown", "reason": "no pass recorded yet"}
    else:
        age = now - last.finished
        healthy = last.ok and age <= max_age
        reason = None
        if not last.ok:
            reason = f"the last pass failed: {last.error}"
        elif not healthy:
            reason = f"the last pass ended {age.total_seconds() / 3600:.1f} h ago (limit {max_age})"
        body = {
            "status": "ok" if healthy else "failing",
            "last_pass": {
                "started": last.started.isoformat(),
                "finished": last.finished.isoformat(),
                "outcome": "ok" if last.ok else "failed",
                "error": last.error,
                "problems": last.problems,
                "articles_published": last.articles_published,
            },
            "age_seconds": int(age.total_seconds()),
            "max_age_seconds": int(max_age.total_seconds()),
        }
        if reason:
            body["reason"] = reason
    data = (json.dumps(body, ensure_ascii=False, indent=2) + "\n").encode()
    headers = [
        ("Content-Type", "application/json"),
        ("Content-Length", str(len(data))),
        ("Cache-Control", "no-store"),
        *BASE_HEADERS,
    ]
    return Response("200 OK" if healthy else "503 Service Unavailable", headers, data)


class _PassCollector(Collector):
    """Pass metrics read from the record at each scrape (another process writes it)."""

    def __init__(self, state_dir: Path) -> None:
        self.state_dir = state_dir

    def collect(self) -> Iterator[CounterMetricFamily | GaugeMetricFamily]:
        last = status.read(self.state_dir)
        totals = last.totals if last else status.Totals()
        for name, doc, value in (
            ("syndicate_passes", "Passes run (recorded in the state folder)", totals.passes),
            ("syndicate_passes_failed", "Passes that ended with an error", totals.failed),
            ("syndicate_problems", "Problems reported by passes (bad pages, dates, pings)", totals.problems),
            ("syndicate_articles_published", "Article pages published", totals.articles_published),
        ):
            yield CounterMetricFamily(name, doc, value=value)
        if last is not None:
            yield GaugeMetricFamily(
                "syndicate_last_pass_timestamp_seconds", "When the last pass ended", last.finished.timestamp()
            )
            yield GaugeMetricFamily(
                "syndicate_last_pass_success", "1 if the last pass succeeded", int(last.ok)
            )
            yield GaugeMetricFamily(
                "syndicate_last_pass_duration_seconds",
                "How long the last pass took",
                (last.finished - last.started).total_seconds(),
            )


class Metrics:
    """One registry per app (not the global one: tests start several apps in one process)."""

    def __init__(self, state_dir: Path) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "syndicate_http_requests", "HTTP requests answered, by status", ["status"], registry=self.registry
        )
        self.registry.register(_PassCollector(state_dir))

    def count(self, status_line: str) -> None:
        self.requests.labels(status=status_line.split(" ", 1)[0]).inc()

    def response(self) -> Response:
        # text format 0.0.4: what every Prometheus reads (our names need none of 1.0.0's escaping)
        data = generate_latest(self.registry)
        headers = [
            ("Content-Type", CONTENT_TYPE_PLAIN_0_0_4),
            ("Content-Length", str(len(data))),
            ("Cache-Control", "no-store"),
            *BASE_HEADERS,
        ]
        return Response("200 OK", headers, data)
