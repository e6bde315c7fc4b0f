"""The HTTP source against a real HTTP server on 127.0.0.1 (stdlib ``http.server`` in a thread)."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest
from support.loopback import serving

from syndicate import config, pipeline
from syndicate.errors import SourceError
from syndicate.model import Issue
from syndicate.sources import open_source
from syndicate.sources.http import HttpSource, polled_dates

DAY = dt.date(2023, 10, 24)
PAGE1 = "　　本报10月24日讯 朱镕基同志的著作在西海岸新区图书馆展出。\n".encode()
PAGE2_GBK = "　　（上接第一版）青岛西海岸新区王台老工业区蝶变升级，朱镕基题词。\n".encode("gbk")
MANIFEST = """date = 2023-10-24
publication = "西海岸新闻"

[[pages]]
number = 1
name = "要闻"
file = "page-01.txt"

[[pages]]
number = 2
name = "综合"
file = "page-02.txt"
""".encode()


@dataclass
class Reply:
    """One canned response; ``delay`` before the headers, ``drip`` seconds between body bytes."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    drip: float = 0.0


class FakePaper:
    """Routes path -> replies (used in order, the last one repeats); records every request."""

    def __init__(self) -> None:
        self.routes: dict[str, list[Reply]] = {}
        self.hits: list[tuple[str, dict[str, str]]] = []
        self.lock = threading.Lock()

    def route(self, path: str, *replies: Reply) -> None:
        self.routes[path] = list(replies)

    def count(self, path: str) -> int:
        return sum(1 for p, _ in self.hits if p == path)

    def next_reply(self, path: str, headers: dict[str, str]) -> Reply:
        with self.lock:
            self.hits.append((path, headers))
            replies = self.routes.get(path)
            if not replies:
                return Reply(404, b"not found", {"Content-Type": "text/plain"})
            reply = replies.pop(0) if len(replies) > 1 else replies[0]
        etag = reply.headers.get("ETag")
        if etag and headers.get("If-None-Match") == etag:
            return Reply(304, b"", {"ETag": etag})
        modified = reply.headers.get("Last-Modified")
        if modified and not etag and headers.get("If-Modified-Since") == modified:
            return Reply(304, b"", {"Last-Modified": modified})
        return reply


def _handler(paper: FakePaper) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            reply = paper.next_reply(self.path, dict(self.headers.items()))
            time.sleep(reply.delay)
            try:
                self.send_response(reply.status)
                for k, v in reply.headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                if reply.drip:
                    for i in range(len(reply.body)):
                        self.wfile.write(reply.body[i : i + 1])
                        self.wfile.flush()
                        time.sleep(reply.drip)
                else:
                    self.wfile.write(reply.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up: that is what some tests want

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


@pytest.fixture
def paper() -> Iterator[tuple[FakePaper, str]]:
    fake = FakePaper()
    with serving(_handler(fake)) as (_, base):
        yield fake, base


def settings_for(tmp_path: Path, base: str, **source: Any) -> config.Settings:
    src = {
        "type": "http",
        "url": f"{base}/epaper/{{date}}/issue.toml",
        "retries": 2,
        "backoff_factor": 0,
        "connect_timeout": 2,
        "read_timeout": 2,
        "deadline": 10,
    }
    src.update(source)
    data = {"source": src, "output": {"dir": "feeds"}, "sections": {"3": "区域"}}
    return config.parse(data, tmp_path)


def serve_issue(fake: FakePaper, page2: Reply | None = None) -> None:
    fake.route("/epaper/2023-10-24/issue.toml", Reply(200, MANIFEST, {"Content-Type": "application/toml"}))
    fake.route(
        "/epaper/2023-10-24/page-01.txt", Reply(200, PAGE1, {"Content-Type": "text/plain; charset=utf-8"})
    )
    fake.route(
        "/epaper/2023-10-24/page-02.txt", page2 or Reply(200, PAGE2_GBK, {"Content-Type": "text/plain"})
    )


def one_issue(source: HttpSource, date: dt.date = DAY) -> Issue:
    results = list(source.issues([date]))
    assert len(results) == 1, results
    assert isinstance(results[0], Issue), results[0]
    return results[0]


def test_open_source_builds_http_source(tmp_path: Path, paper: tuple[FakePaper, str]) -> None:
    assert isinstance(open_source(settings_for(tmp_path, paper[1])), HttpSource)


def test_issue_pages_relative_to_manifest(tmp_path: Path, paper: tuple[FakePaper, str]) -> None:
    fake, base = paper
    serve_issue(fake)
    issue = one_issue(HttpSource(settings_for(tmp_path, base)))
    assert issue.date == DAY and issue.publication == "西海岸新闻" and issue.problems == ()
    assert [(p.number, p.section) for p in issue.pages] == [(1, "要闻"), (2, "综合")]
    assert issue.pages[0].source == f"{base}/epaper/2023-10-24/page-01.txt"
    assert "朱镕基" in issue.pages[0].text


def test_gbk_page_without_charset_is_not_read_as_latin1(tmp_path: Path, paper: tuple[FakePaper, str]) -> None:
    # requests assumes ISO-8859-1 for text/* without a charset; the page must come out as GB18030.
    fake, base = paper
    serve_issue(fake)
    page2 = one_issue(HttpSource(settings_for(tmp_path, base))).pages[1]
    assert page2.encoding == "gb18030"
    assert "王台老工业区蝶变升级，朱镕基题词" in page2.text


def test_declared_gb2312_with_characters_outside_it(tmp_path: Path, paper: tuple[FakePaper, str]) -> None:
    # 镕 is not in GB2312: the declared codec fails and GB18030 reads the page.
    fake, base = paper
    serve_issue(fake, Reply(200, PAGE2_GBK, {"Content-Type": "text/plain; charset=gb2312"}))
    assert "朱镕基" in one_issue(HttpSource(settings_for(tmp_path, base))).pages[1].text


def test_etag_round_trip_yields_cached_bytes(tmp_path: Path, paper: tuple[FakePaper, str]) -> None:
    fake, base = paper
    serve_issue(fake, Reply(200, PAGE2_GBK, {"Content-Type": "text/plain", "ETag": '"p2-v1"'}))
    settings = settings_for(tmp_path, base)
    first = one_issue(HttpSource(settings))
    second = one_issue(HttpSource(settings))  # a new source: the validators live in the state folder
    sent = [h for p, h in fake.hits if p.endswith("page-02.txt")]
    assert "If-None-Match" not in sent[0] and sent[1]["If-None-Match"] == '"p2-v1"'
    assert second.pages == first.pages and second.content_hash == first.content_hash
    assert (settings.state_dir / "http-cache.sqlite").exists()


def test_last_modified_round_trip(tmp_path: Path, paper: tuple[FakePaper, str]) -> None:
    fake, base = paper
    stamp = "Tue, 24 Oct 2023 02:00:00 GMT"
    serve_issue(fake, Reply(200, PAGE2_GBK, {"Content-Type": "text/plain", "Last-Modified": stamp}))
    settings = settings_for(tmp_path, base)
    first = one_issue(HttpSource(settings))
    assert one_issue(HttpSource(settings)).pages == first.pages
    assert [h.get("If-Modified-Since") for p, h in fake.hits if p.endswith("page-02.txt")] == [None, stamp]


def test_two_503_then_success(tmp_path: Path, paper: tuple[FakePaper, str]) -> None:
    fake, base = paper
    serve_issue(fake)
    fake.route("/epaper/2023-10-24/issue.toml", Reply(503), Reply(503), Reply(200, MANIFEST))
    issue = one_issue(HttpSource(settings_for(tmp_path, base, retries=2)))
    assert len(issue.pages) == 2
    assert fake.count("/epaper/2023-10-24/issue.toml") == 3


def test_5xx_after_retries_is_an_error_for_the_date(tmp_path: Path, paper: tuple[FakePaper, str]) -> None:
    fake, base = paper
    fake.route("/epaper/2023-10-24/issue.toml", Reply(502))
    [result] = HttpSource(settings_for(tmp_path, base, retries=1)).issues([DAY])
    assert isinstance(result, SourceError)
    assert "/epaper/2023-10-24/issue.toml: HTTP 502" in str(result)
    assert fake.count("/epaper/2023-10-24/issue.toml") == 2


def test_retry_after_is_capped(tmp_path: Path, paper: tuple[FakePaper, str]) -> None:
    # urllib3 would otherwise sleep the hour the server asks for.
    fake, base = paper
    serve_issue(fake)
    fake.route(
        "/epaper/2023-10-24/issue.toml", Reply(429, b"", {"Retry-After": "3600"}), Reply(200, MANIFEST)
    )
    start = time.monotonic()
    issue = one_issue(HttpSource(settings_for(tmp_path, base, max_retry_after=0.2)))
    assert len(issue.pages) == 2 and time.monotonic() - start < 5


def test_deadline_bounds_retries(tmp_path: Path, paper: tuple[FakePaper, str]) -> None:
    fake, base = paper
    fake.route("/epaper/2023-10-24/issue.toml", Reply(503, b"", {"Retry-After": "2"}))
    start = time.monotonic()
    [result] = HttpSource(settings_for(tmp_path, base, retries=10, max_retry_after=5, deadline=1)).issues(
        [DAY]
    )
    assert isinstance(result, SourceError) and "deadline" in str(result)
    assert time.monotonic() - start < 1.5


def test_read_timeout(tmp_path: Path, paper: tuple[FakePaper, str]) -> None:
    fake, base = paper
    fake.route("/epaper/2023-10-24/issue.toml", Reply(200, MANIFEST, delay=1.5))
    [result] = HttpSource(settings_for(tmp_path, base, read_timeout=0.3, retries=1)).issues([DAY])
    assert isinstance(result, SourceError)
    assert "/epaper/2023-10-24/issue.toml: timed out" in str(result)
    assert fake.count("/epaper/2023-10-24/issue.toml") == 2  # retried once


def test_deadline_bounds_a_trickling_body(tmp_path: Path, paper: tuple[FakePaper, str]) -> None:
    # Each byte arrives well within the read timeout, which is per socket read: only the deadline stops it.
    fake, base = paper
    fake.route("/epaper/2023-10-24/issue.toml", Reply(200, MANIFEST, drip=0.05))
    start = time.monotonic()
    [result] = HttpSource(settings_for(tmp_path, base, read_timeout=1, deadline=0.5)).issues([DAY])
    assert isinstance(result, SourceError) and "deadline" in str(result)
    assert time.monotonic() - start < 2


def test_connection_refused_is_an_error_for_the_date(tmp_path: Path) -> None:
    settings = settings_for(tmp_path, "http://127.0.0.1:9", retries=1, connect_timeout=0.5)
    [result] = HttpSource(settings).issues([DAY])
    assert isinstance(result, SourceError) and "127.0.0.1:9/epaper/2023-10-24/issue.toml" in str(result)


def test_404_date_is_not_published_yet(tmp_path: Path, paper: tuple[FakePaper, str]) -> None:
    fake, base = paper
    assert list(HttpSource(settings_for(tmp_path, base)).issues([DAY])) == []
    assert fake.count("/epaper/2023-10-24/issue.toml") == 1  # a 404 is not retried


def test_page_that_appears_a_day_late(tmp_path: Path, paper: tuple[FakePaper, str]) -> None:
    fake, base = paper
    serve_issue(fake, Reply(404))
    settings = settings_for(tmp_path, base)
    early = one_issue(HttpSource(settings))
    assert [p.number for p in early.pages] == [1]
    assert len(early.problems) == 1 and "page-02.txt: page 2" in early.problems[0]
    serve_issue(fake)  # the next night, page 2 is there
    late = one_issue(HttpSource(settings))
    assert [p.number for p in late.pages] == [1, 2] and late.problems == ()
    assert late.content_hash != early.content_hash  # so the pipeline sees the issue as updated


def test_html_error_page_is_refused(tmp_path: Path, paper: tuple[FakePaper, str]) -> None:
    fake, base = paper
    error_page = b"<!DOCTYPE html><html><body>503 Service Temporarily Unavailable</body></html>"
    serve_issue(fake, Reply(200, error_page, {"Content-Type": "text/html; charset=utf-8"}))
    issue = one_issue(HttpSource(settings_for(tmp_path, base)))
    assert [p.number for p in issue.pages] == [1]
    assert f"{base}/epaper/2023-10-24/page-02.txt" in issue.problems[0] and "HTML" in issue.problems[0]


def test_html_sniffed_even_when_labelled_text(tmp_path: Path, paper: tuple[FakePaper, str]) -> None:
    fake, base = paper
    serve_issue(
        fake, Reply(200, b"\n<html><head><title>Error</title></head></html>", {"Content-Type": "text/plain"})
    )
    assert "HTML" in one_issue(HttpSource(settings_for(tmp_path, base))).problems[0]


def test_html_manifest_is_an_error_for_the_date(tmp_path: Path, paper: tuple[FakePaper, str]) -> None:
    fake, base = paper
    fake.route(
        "/epaper/2023-10-24/issue.toml", Reply(200, b"<html>login</html>", {"Content-Type": "text/html"})
    )
    [result] = HttpSource(settings_for(tmp_path, base)).issues([DAY])
    assert isinstance(result, SourceError) and "issue.toml: the manifest is an HTML page" in str(result)


def test_manifest_for_another_date_is_refused(tmp_path: Path, paper: tuple[FakePaper, str]) -> None:
    fake, base = paper
    fake.route("/epaper/2023-10-25/issue.toml", Reply(200, MANIFEST))
    [result] = HttpSource(settings_for(tmp_path, base)).issues([DAY + dt.timedelta(days=1)])
    assert isinstance(result, SourceError) and "dated 2023-10-24, expected 2023-10-25" in str(result)


def test_section_from_configuration_when_manifest_has_no_name(
    tmp_path: Path, paper: tuple[FakePaper, str]
) -> None:
    fake, base = paper
    manifest = b'[[pages]]\nnumber = 3\nfile = "shared/p3.txt"\n[[pages]]\nnumber = 4\nfile = "p4.txt"\n'
    fake.route("/epaper/2023-10-24/issue.toml", Reply(200, manifest))
    fake.route("/epaper/2023-10-24/shared/p3.txt", Reply(200, PAGE1))
    fake.route("/epaper/2023-10-24/p4.txt", Reply(200, PAGE1))
    issue = one_issue(HttpSource(settings_for(tmp_path, base)))
    assert [(p.number, p.section) for p in issue.pages] == [(3, "区域"), (4, "第四版")]


def test_default_dates_are_today_in_publication_zone_and_lookback(
    tmp_path: Path, paper: tuple[FakePaper, str]
) -> None:
    fake, base = paper
    # 17:30 UTC on 1 January is already 2 January in Shanghai.
    clock = lambda: dt.datetime(2024, 1, 1, 17, 30, tzinfo=dt.UTC)  # noqa: E731
    source = HttpSource(settings_for(tmp_path, base, lookback_days=2), clock=clock)
    assert list(source.issues()) == []
    asked = [p.split("/")[2] for p, _ in fake.hits]
    assert asked == ["2023-12-31", "2024-01-01", "2024-01-02"]


def test_polled_dates() -> None:
    assert polled_dates(DAY, 0) == [DAY]
    assert polled_dates(DAY, 1) == [DAY - dt.timedelta(days=1), DAY]


def test_passes_over_http_complete_a_late_issue_then_cost_304s(
    tmp_path: Path, paper: tuple[FakePaper, str]
) -> None:

    fake, base = paper
    now = dt.datetime(2023, 10, 24, 2, 30, tzinfo=dt.UTC)
    with_etag = {"Content-Type": "text/plain", "ETag": '"v1"'}
    serve_issue(fake, Reply(404))
    fake.route("/epaper/2023-10-24/page-01.txt", Reply(200, PAGE1, with_etag))
    settings = settings_for(tmp_path, base)
    first = pipeline.run_pass(settings, now=now, dates=[DAY])
    assert (first.issues_new, first.issues_updated) == (1, 0)
    assert any("page-02.txt" in str(p) for p in first.problems)
    serve_issue(fake, Reply(200, PAGE2_GBK, {"Content-Type": "text/plain", "ETag": '"v1"'}))
    fake.route("/epaper/2023-10-24/page-01.txt", Reply(200, PAGE1, with_etag))
    second = pipeline.run_pass(settings, now=now, dates=[DAY])
    assert (second.issues_new, second.issues_updated) == (0, 1)
    assert not any("page-02.txt" in str(p) for p in second.problems)
    hits = len(fake.hits)
    third = pipeline.run_pass(settings, now=now, dates=[DAY])
    assert (third.issues_seen, third.issues_new, third.issues_updated) == (1, 0, 0)
    assert [h.get("If-None-Match") for p, h in fake.hits[hits:] if p.endswith(".txt")] == ['"v1"', '"v1"']


def test_manifest_page_labels(tmp_path: Path, paper: tuple[FakePaper, str]) -> None:
    fake, base = paper
    serve_issue(fake)
    labelled = MANIFEST.replace(b'file = "page-02.txt"', b'file = "page-02.txt"\nlabel = "B01"')
    fake.route("/epaper/2023-10-24/issue.toml", Reply(200, labelled, {"Content-Type": "application/toml"}))
    issue = one_issue(HttpSource(settings_for(tmp_path, base)))
    assert [p.label for p in issue.pages] == ["", "B01"]


def test_manifest_fixes_are_read_and_a_bad_one_is_named_by_url(
    tmp_path: Path, paper: tuple[FakePaper, str]
) -> None:
    fake, base = paper
    serve_issue(fake)
    fixed = (
        MANIFEST
        + (
            '\n[[fix]]\nheadline = { article = "1:1", text = "西海岸新区图书馆展出朱镕基著作" }\n'
            '\n[[fix]]\njoin = ["1:1"]\n'
        ).encode()
    )
    fake.route("/epaper/2023-10-24/issue.toml", Reply(200, fixed, {"Content-Type": "application/toml"}))
    issue = one_issue(HttpSource(settings_for(tmp_path, base)))
    assert [f.headline for f in issue.fixes] == [((1, 1), "西海岸新区图书馆展出朱镕基著作")]
    url = f"{base}/epaper/2023-10-24/issue.toml"
    assert any(p.startswith(f"{url}: fix[2]: join:") for p in issue.problems), issue.problems
    reading = pipeline.read(issue)
    assert reading.articles[0].headline == "西海岸新区图书馆展出朱镕基著作"
    assert not reading.articles[0].headline_derived
