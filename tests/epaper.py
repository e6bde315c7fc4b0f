"""A local e-paper server for the group tests and bench: every title's issues over HTTP.

``GET /<title>/<YYYY-MM-DD>/issue.toml`` and ``.../page-NN.txt`` serve a small issue in the
shape of the sample one (its pages, the manifest dated for the day) for every date in
``[first, last]``; any other date is 404 (not published). ``delay`` seconds per request make a
pass last long enough to be killed mid-job. ``hits`` counts requests per path.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from syndicate.config import SAMPLE_DIR

SAMPLE = SAMPLE_DIR / "2023-10-24"
PAGES = {1: "要闻", 2: "综合"}


def manifest(title: str, day: dt.date) -> bytes:
    pages = "".join(
        f'\n[[pages]]\nnumber = {n}\nname = "{name}"\nfile = "page-{n:02d}.txt"\n'
        for n, name in PAGES.items()
    )
    return f'date = {day.isoformat()}\npublication = "{title}"\n{pages}'.encode()


class EPaper:
    def __init__(self, titles: list[str], first: dt.date, last: dt.date, delay: float = 0.0) -> None:
        self.titles, self.first, self.last, self.delay = set(titles), first, last, delay
        self.hits: Counter[str] = Counter()
        self._lock = threading.Lock()
        self.pages = {n: (SAMPLE / f"page-{n:02d}.txt").read_bytes() for n in PAGES}
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def source_url(self, title: str) -> str:
        return f"{self.url}/{title}/{{date}}/issue.toml"

    def body(self, path: str) -> bytes | None:
        parts = path.strip("/").split("/")
        if len(parts) != 3 or parts[0] not in self.titles:
            return None
        try:
            day = dt.date.fromisoformat(parts[1])
        except ValueError:
            return None
        if not self.first <= day <= self.last:
            return None
        if parts[2] == "issue.toml":
            return manifest(parts[0], day)
        for n, data in self.pages.items():
            if parts[2] == f"page-{n:02d}.txt":
                return data
        return None

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        paper = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                with paper._lock:
                    paper.hits[self.path] += 1
                if paper.delay:
                    time.sleep(paper.delay)
                body = paper.body(self.path)
                self.send_response(200 if body is not None else 404)
                self.send_header("Content-Type", "text/plain; charset=utf-8")
                self.send_header("Content-Length", str(len(body or b"")))
                self.end_headers()
                self.wfile.write(body or b"")

        return Handler

    def __enter__(self) -> EPaper:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
