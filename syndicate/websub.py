"""WebSub publisher side: tell the hub which feeds changed, after the pass has written them.

A ping is ``POST <hub>`` with ``hub.mode=publish`` and ``hub.url=<feed URL>`` (form-encoded), one
request per changed feed: the form every hub takes (some refuse several ``hub.url`` at once).
A hub that is down or refuses costs a problem line in the pass report, never the pass: the
feeds are already published and readers that poll still get them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import requests

TIMEOUT = (5.0, 10.0)  # connect, read: a slow hub must not hold the nightly job


@dataclass(frozen=True)
class PingResult:
    """What pinging the hub did: feed URLs it accepted, and one message per refusal (naming the feed)."""

    accepted: tuple[str, ...]
    problems: tuple[str, ...]


def ping(hub: str, feed_urls: Sequence[str], session: requests.Session | None = None) -> PingResult:
    """Announce each of ``feed_urls`` to ``hub``; a 2xx answer is an acceptance (WebSub says 2xx)."""
    accepted: list[str] = []
    problems: list[str] = []
    http = session or requests.Session()
    try:
        for url in feed_urls:
            try:
                answer = http.post(hub, data={"hub.mode": "publish", "hub.url": url}, timeout=TIMEOUT)
            except requests.RequestException as exc:
                problems.append(f"ping for {url} failed: {exc}")
                continue
            if 200 <= answer.status_code < 300:
                accepted.append(url)
            else:
                problems.append(f"ping for {url} refused: HTTP {answer.status_code}")
    finally:
        if session is None:
            http.close()
    return PingResult(tuple(accepted), tuple(problems))
