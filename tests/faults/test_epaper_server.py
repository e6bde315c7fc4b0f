"""Row 3: the e-paper server misbehaves: timeouts, connection resets, 500s, a 200 carrying an HTML
error page. A real HTTP server on 127.0.0.1 (stdlib, in a thread) plays the paper.

Transient faults are retried as configured (``source.retries``), then the pass reports the date
as failed and publishes nothing for it; the next pass asks again and publishes the issue. An
HTML error page is never published: as the manifest it fails the date, as a page it is refused
by name while the rest of the issue goes out.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from support.faults import DAY, LATER, SAMPLE, snapshot
from support.loopback import serving

from syndicate import config, pipeline
from syndicate.sources.http import HttpSource

RETRIES = 2
ERROR_PAGE = (
    b"<!DOCTYPE html><html><head><title>Error</title></head><body>Service Unavailable ERRPAGE</body></html>"
)
Fault = Callable[[BaseHTTPRequestHandler], None]


class Paper:
    """Serves the sample issue under /<date>/; ``faults`` maps a path to what to do instead."""

    def __init__(self) -> None:
        self.faults: dict[str, Fault] = {}
        self.hits: dict[str, int] = {}
        self.lock = threading.Lock()

    def handler(self) -> type[BaseHTTPRequestHandler]:
        paper = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                with paper.lock:
                    paper.hits[self.path] = paper.hits.get(self.path, 0) + 1
                fault = paper.faults.get(self.path)
                if fault is not None:
                    fault(self)
                    return
                name = self.path.rsplit("/", 1)[-1]
                body = (SAMPLE / name).read_bytes() if (SAMPLE / name).is_file() else b""
                self.send_response(200 if body else 404)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def finish(self) -> None:
                with contextlib.suppress(OSError):  # the connection was reset on purpose
                    super().finish()

        return Handler


def timeout(h: BaseHTTPRequestHandler) -> None:
    time.sleep(1.0)  # the read timeout is 0.3 s
    h.close_connection = True


def reset(h: BaseHTTPRequestHandler) -> None:
    h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    h.connection.close()
    h.close_connection = True


def status_500(h: BaseHTTPRequestHandler) -> None:
    h.send_response(500)
    h.send_header("Content-Length", "0")
    h.end_headers()


def html_200(h: BaseHTTPRequestHandler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html; charset=utf-8")
    h.send_header("Content-Length", str(len(ERROR_PAGE)))
    h.end_headers()
    h.wfile.write(ERROR_PAGE)


def html_200_as_text(h: BaseHTTPRequestHandler) -> None:
    """The same error page, served as text/plain: caught by its first bytes."""
    h.send_response(200)
    h.send_header("Content-Type", "text/plain")
    h.send_header("Content-Length", str(len(ERROR_PAGE)))
    h.end_headers()
    h.wfile.write(ERROR_PAGE)


@pytest.fixture
def paper() -> Iterator[tuple[Paper, str]]:
    p = Paper()
    with serving(p.handler()) as (_, base):
        yield p, base


def source_for(base: str, out: Path) -> tuple[config.Settings, HttpSource]:
    settings = config.parse(
        {
            "source": {
                "type": "http",
                "url": base + "/{date}/issue.toml",
                "lookback_days": 0,
                "retries": RETRIES,
                "backoff_factor": 0,
                "connect_timeout": 1,
                "read_timeout": 0.3,
                "deadline": 10,
            },
            "output": {"dir": str(out)},
        },
        out.parent,
    )
    noon = dt.datetime.combine(DAY, dt.time(4, 0), tzinfo=dt.UTC)  # noon in Shanghai on the issue's day
    return settings, HttpSource(settings, clock=lambda: noon)


def published_text(out: Path) -> str:
    return "".join(data.decode("utf-8", "replace") for data in snapshot(out).values())


MANIFEST = f"/{DAY}/issue.toml"
PAGE2 = f"/{DAY}/page-02.txt"


@pytest.mark.parametrize(
    ("fault", "tries"),
    [
        (timeout, RETRIES + 1),
        (reset, RETRIES + 1),
        (status_500, RETRIES + 1),
        (html_200, 1),
        (html_200_as_text, 1),
    ],
    ids=["timeout", "reset", "500", "html-200", "html-200-as-text"],
)
def test_a_failing_manifest_fails_the_date_and_the_next_pass_retries_it(
    paper: tuple[Paper, str], tmp_path: Path, fault: Fault, tries: int
) -> None:
    p, base = paper
    settings, source = source_for(base, tmp_path / "out")
    p.faults[MANIFEST] = fault
    report = pipeline.run_pass(settings, now=LATER, source=source)
    assert p.hits[MANIFEST] == tries
    assert len(report.problems) == 1 and MANIFEST in str(report.problems[0]), report.problems
    assert report.issues_seen == 0
    assert not (tmp_path / "out" / "newsml" / DAY.isoformat()).exists()
    assert "ERRPAGE" not in published_text(tmp_path / "out")
    # the server is well again: the next pass asks for the same date and publishes it
    del p.faults[MANIFEST]
    again = pipeline.run_pass(settings, now=LATER, source=source_for(base, tmp_path / "out")[1])
    assert (again.issues_new, again.problems) == (1, [])
    assert len(list((tmp_path / "out" / "public" / "articles" / DAY.isoformat()).glob("*.html"))) == 5


@pytest.mark.parametrize(
    ("fault", "tries"),
    [(status_500, RETRIES + 1), (reset, RETRIES + 1), (html_200, 1), (html_200_as_text, 1)],
    ids=["500", "reset", "html-200", "html-200-as-text"],
)
def test_a_failing_page_is_refused_by_name_and_the_rest_published(
    paper: tuple[Paper, str], tmp_path: Path, fault: Fault, tries: int
) -> None:
    p, base = paper
    out = tmp_path / "out"
    settings, source = source_for(base, out)
    p.faults[PAGE2] = fault
    report = pipeline.run_pass(settings, now=LATER, source=source)
    assert p.hits[PAGE2] == tries
    assert report.issues_new == 1 and report.unresolved_jumps == 3
    assert any(PAGE2 in str(problem) for problem in report.problems), report.problems
    assert "ERRPAGE" not in published_text(out) and "Service Unavailable" not in published_text(out)
    assert (out / "public" / "articles" / DAY.isoformat() / "20231024-0101.html").exists()
    del p.faults[PAGE2]
    again = pipeline.run_pass(settings, now=LATER, source=source_for(base, out)[1])
    assert (again.issues_updated, again.unresolved_jumps, again.problems) == (1, 0, [])
