"""Issue 10 row 10: the HTTP source reads only what it should.

Page URLs stay on the manifest's scheme, host and port and under its folder; a redirect leaving
that origin is refused; bodies are capped on the wire and once decompressed while they stream
(a gzip bomb stops at the cap); the pages one manifest may list are capped; a response shorter or
longer than its ``Content-Length`` is an error. Two raw-socket servers on 127.0.0.1 play the
e-paper server and another one it must not lead to; each refusal is a problem naming the URL
and the rest of the issue is read.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import socket
import threading
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from support.faults import DAY, sample_page

from syndicate import config
from syndicate.errors import SourceError
from syndicate.model import Issue
from syndicate.sources.http import HttpSource

PAGE = sample_page(1).encode("utf-8")
Answer = Callable[[str], bytes]  # request path -> raw response bytes ("Connection: close" closes)


def response(body: bytes, *headers: str, length: int | None = None) -> bytes:
    lines = ["HTTP/1.1 200 OK", f"Content-Length: {len(body) if length is None else length}", *headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


class RawServer:
    """HTTP/1.1 with keep-alive, answering each request with the raw bytes ``routes`` give."""

    def __init__(self) -> None:
        self.routes: dict[str, Answer] = {}
        self.hits: list[str] = []
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.base = f"http://127.0.0.1:{self.port}"
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        with contextlib.suppress(OSError):
            while True:
                conn, _ = self.sock.accept()
                threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        with conn, conn.makefile("rb") as reader, contextlib.suppress(OSError):
            while True:
                request = reader.readline()
                if not request:
                    return
                path = request.split()[1].decode("latin-1")
                while reader.readline() not in (b"\r\n", b""):
                    pass
                self.hits.append(path)
                answer = self.routes.get(
                    path, lambda _: b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
                )
                data = answer(path)
                conn.sendall(data)
                if b"\r\nConnection: close\r\n" in data.partition(b"\r\n\r\n")[0] + b"\r\n":
                    return

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def servers() -> Iterator[tuple[RawServer, RawServer]]:
    paper, other = RawServer(), RawServer()
    try:
        yield paper, other
    finally:
        paper.close()
        other.close()


def source(tmp_path: Path, paper: RawServer, **extra: Any) -> HttpSource:
    src = {"type": "http", "url": f"{paper.base}/epaper/{{date}}/issue.toml", "retries": 0, "deadline": 20}
    src.update(extra)
    return HttpSource(config.parse({"source": src, "output": {"dir": str(tmp_path / "out")}}, tmp_path))


def manifest(paper: RawServer, files: dict[int, str]) -> None:
    body = "".join(f'[[pages]]\nnumber = {n}\nfile = "{f}"\n' for n, f in files.items()).encode("utf-8")
    paper.routes[f"/epaper/{DAY}/issue.toml"] = lambda _: response(body)


def one_issue(src: HttpSource) -> Issue:
    [got] = list(src.issues([DAY]))
    assert isinstance(got, Issue), got
    return got


def problem(issue: Issue, text: str) -> str:
    found = [p for p in issue.problems if text in p]
    assert found, (text, issue.problems)
    return found[0]


def test_page_urls_stay_on_the_manifests_origin_and_folder(
    tmp_path: Path, servers: tuple[RawServer, RawServer]
) -> None:
    paper, other = servers
    paper.routes[f"/epaper/{DAY}/p1.txt"] = lambda _: response(PAGE)
    for path in ("/secret.txt", "/epaper/secret.txt", f"/epaper/{DAY}/p2.txt"):
        paper.routes[path] = lambda _: response(b"SECRET " + PAGE)
        other.routes[path] = lambda _: response(b"SECRET " + PAGE)
    refused = {
        2: f"{other.base}/epaper/{DAY}/p2.txt",  # another port
        3: f"http://localhost:{paper.port}/epaper/{DAY}/p2.txt",  # another host name
        4: f"https://127.0.0.1:{paper.port}/epaper/{DAY}/p2.txt",  # another scheme
        5: "../secret.txt",
        6: "/secret.txt",
        7: "%2e%2e/secret.txt",
        8: "..%2fsecret.txt",
        9: f"//127.0.0.1:{other.port}/epaper/{DAY}/p2.txt",
    }
    manifest(paper, {1: "p1.txt", **refused})
    issue = one_issue(source(tmp_path, paper))
    assert [p.number for p in issue.pages] == [1]
    for number, file in refused.items():
        assert "is not under" in problem(issue, f"page {number}: file = {file!r} refused")
    assert other.hits == [] and not [h for h in paper.hits if "secret" in h or "p2" in h]


def test_redirects_leaving_the_origin_are_refused(
    tmp_path: Path, servers: tuple[RawServer, RawServer]
) -> None:
    paper, other = servers
    moved = "HTTP/1.1 302 Found\r\nLocation: {}\r\nContent-Length: 0\r\n\r\n"
    paper.routes[f"/epaper/{DAY}/p1.txt"] = lambda _: moved.format(f"/epaper/{DAY}/p1b.txt").encode()
    paper.routes[f"/epaper/{DAY}/p1b.txt"] = lambda _: response(PAGE)  # same origin: followed
    paper.routes[f"/epaper/{DAY}/p2.txt"] = lambda _: moved.format(f"{other.base}/p2.txt").encode()
    other.routes["/p2.txt"] = lambda _: response(b"ELSEWHERE " + PAGE)
    manifest(paper, {1: "p1.txt", 2: "p2.txt"})
    issue = one_issue(source(tmp_path, paper))
    assert [p.number for p in issue.pages] == [1]
    assert f"redirected to {other.base}/p2.txt, which leaves http://127.0.0.1:{paper.port}" in problem(
        issue, f"/epaper/{DAY}/p2.txt: refused"
    )
    assert other.hits == []


def test_a_manifest_redirected_elsewhere_fails_its_date(
    tmp_path: Path, servers: tuple[RawServer, RawServer]
) -> None:
    paper, other = servers
    paper.routes[f"/epaper/{DAY}/issue.toml"] = lambda _: (
        f"HTTP/1.1 301 Moved\r\nLocation: {other.base}/issue.toml\r\nContent-Length: 0\r\n\r\n".encode()
    )
    [got] = list(source(tmp_path, paper).issues([DAY]))
    assert isinstance(got, SourceError) and "which leaves" in str(got)
    assert other.hits == []


def test_a_gzip_bomb_stops_at_the_cap(tmp_path: Path, servers: tuple[RawServer, RawServer]) -> None:
    paper, _ = servers
    bomb = gzip.compress(b"\0" * (32 << 20), compresslevel=9)  # 32 KiB that inflate to 32 MiB
    paper.routes[f"/epaper/{DAY}/p1.txt"] = lambda _: response(PAGE)
    paper.routes[f"/epaper/{DAY}/p2.txt"] = lambda _: response(bomb, "Content-Encoding: gzip")
    manifest(paper, {1: "p1.txt", 2: "p2.txt"})
    src = source(tmp_path, paper, max_page_bytes=64 << 10)
    tracemalloc.start()
    try:
        issue = one_issue(src)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [p.number for p in issue.pages] == [1]
    assert "more than 65536 bytes (source.max_page_bytes)" in problem(issue, "p2.txt: refused")
    assert peak < 8 << 20, f"reading the bomb took {peak >> 20} MiB"


def test_the_cap_holds_on_the_wire(tmp_path: Path, servers: tuple[RawServer, RawServer]) -> None:
    paper, _ = servers
    big = PAGE * ((2 << 20) // len(PAGE))
    paper.routes[f"/epaper/{DAY}/p1.txt"] = lambda _: response(big)  # announced: refused unread
    # no Content-Length, the end marked by closing the connection: refused once past the cap
    paper.routes[f"/epaper/{DAY}/p2.txt"] = lambda _: b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n" + big
    paper.routes[f"/epaper/{DAY}/p3.txt"] = lambda _: response(PAGE)
    manifest(paper, {1: "p1.txt", 2: "p2.txt", 3: "p3.txt"})
    issue = one_issue(source(tmp_path, paper, max_page_bytes=1 << 20))
    assert [p.number for p in issue.pages] == [3]
    assert "Content-Length" in problem(issue, "p1.txt: refused")
    assert "(source.max_page_bytes)" in problem(issue, "p2.txt: refused")


def test_pages_per_manifest_are_capped(tmp_path: Path, servers: tuple[RawServer, RawServer]) -> None:
    paper, _ = servers
    manifest(paper, {n: f"p{n}.txt" for n in range(1, 6)})
    [got] = list(source(tmp_path, paper, max_pages=4).issues([DAY]))
    assert isinstance(got, SourceError)
    assert "lists 5 pages, more than 4 (source.max_pages)" in str(got)
    assert paper.hits == [f"/epaper/{DAY}/issue.toml"]  # no page was fetched


def test_a_response_shorter_than_its_content_length_is_an_error(
    tmp_path: Path, servers: tuple[RawServer, RawServer]
) -> None:
    paper, _ = servers
    paper.routes[f"/epaper/{DAY}/p1.txt"] = lambda _: response(PAGE)
    paper.routes[f"/epaper/{DAY}/p2.txt"] = lambda _: response(
        PAGE[:1000], "Connection: close", length=len(PAGE)
    )
    manifest(paper, {1: "p1.txt", 2: "p2.txt"})
    issue = one_issue(source(tmp_path, paper))
    assert [p.number for p in issue.pages] == [1]
    assert f"ended after 1000 of the {len(PAGE)} bytes" in problem(issue, "p2.txt")


def test_a_response_longer_than_its_content_length_is_an_error(
    tmp_path: Path, servers: tuple[RawServer, RawServer]
) -> None:
    paper, _ = servers
    # All of it fits in one read of http.client's 8 KiB buffer, which would throw the rest away.
    small = ("　　本报讯 新区举办文化活动，市民踊跃参观。\n" * 40).encode("utf-8")
    fake_next = response(b"FAKE PAGE " + small[:200])  # would be read as the next page's answer
    paper.routes[f"/epaper/{DAY}/p1.txt"] = lambda _: response(small, length=len(small) - 300) + fake_next
    paper.routes[f"/epaper/{DAY}/p2.txt"] = lambda _: response(small)
    manifest(paper, {1: "p1.txt", 2: "p2.txt"})
    issue = one_issue(source(tmp_path, paper))
    assert [(p.number, p.text) for p in issue.pages] == [(2, small.decode("utf-8"))]
    assert f"longer than its Content-Length ({len(small) - 300} bytes)" in problem(issue, "p1.txt")


def test_every_date_goes_on(tmp_path: Path, servers: tuple[RawServer, RawServer]) -> None:
    """A refused manifest fails its date only: the next date is read."""
    paper, _ = servers
    nxt = DAY + dt.timedelta(days=1)
    paper.routes[f"/epaper/{DAY}/issue.toml"] = lambda _: response(b"x" * (2 << 20))
    paper.routes[f"/epaper/{nxt}/issue.toml"] = lambda _: response(
        b'[[pages]]\nnumber = 1\nfile = "p1.txt"\n'
    )
    paper.routes[f"/epaper/{nxt}/p1.txt"] = lambda _: response(PAGE)
    got = list(source(tmp_path, paper).issues([DAY, nxt]))
    assert isinstance(got[0], SourceError) and "issue.toml: refused" in str(got[0])
    assert isinstance(got[1], Issue) and [p.number for p in got[1].pages] == [1]
