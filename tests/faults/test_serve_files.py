"""Issue 10 row 18: what ``syndicate serve`` sends for a file, and what it logs about a request.

- ``If-None-Match`` is compared with the ETag of the representation about to be sent only: a
  client holding the gzip body's tag that asks without gzip gets the identity body (before, a
  304 for bytes it never had), and the other way round;
- a partner token a client puts in a path or a query string never reaches the log.

The real server (uvicorn on 127.0.0.1) and requests, as a feed reader or a partner would.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from syndicate import config
from syndicate.serve import make_server

TOKEN = "s3cr3t-partner-token-0123456789"
FEED = (
    "<rss><channel>" + "<item><title>新区秋粮收获进度过九成</title></item>" * 400 + "</channel></rss>\n"
).encode()


@contextlib.contextmanager
def running(out: Path) -> Iterator[str]:
    settings = config.parse(
        {
            "output": {"dir": str(out)},
            "partners": [
                {
                    "id": "coastal",
                    "token_sha256": hashlib.sha256(TOKEN.encode()).hexdigest(),
                    "sections": ["*"],
                }
            ],
        },
        out.parent,
    )
    server = make_server(settings, "127.0.0.1", 0)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}"
    finally:
        server.close()
        thread.join(timeout=5)


@pytest.fixture
def base(tmp_path: Path) -> Iterator[str]:
    out = tmp_path / "out"
    (out / "public").mkdir(parents=True)
    (out / "public" / "all.rss.xml").write_bytes(FEED)
    with running(out) as url:
        yield url


def get(url: str, gzip_ok: bool, etag: str | None = None) -> requests.Response:
    headers = {"Accept-Encoding": "gzip" if gzip_ok else "identity"}
    if etag:
        headers["If-None-Match"] = etag
    return requests.get(url, headers=headers, timeout=10, stream=True)


def body(resp: requests.Response) -> bytes:
    raw = resp.raw.read(decode_content=False)
    return gzip.decompress(raw) if resp.headers.get("Content-Encoding") == "gzip" else raw


def test_if_none_match_matches_only_the_representation_sent(base: str) -> None:
    url = f"{base}/all.rss.xml"
    zipped, plain = get(url, True), get(url, False)
    assert zipped.headers["Content-Encoding"] == "gzip" and "Content-Encoding" not in plain.headers
    tag_gz, tag = zipped.headers["ETag"], plain.headers["ETag"]
    assert tag_gz != tag and body(zipped) == body(plain) == FEED
    # Each client revalidates what it holds: 304.
    assert get(url, True, tag_gz).status_code == 304
    assert get(url, False, tag).status_code == 304
    # A client holding one representation's tag, asking for the other: the body, with its own tag.
    switched = get(url, False, tag_gz)
    assert switched.status_code == 200 and body(switched) == FEED and switched.headers["ETag"] == tag
    switched = get(url, True, tag)
    assert switched.status_code == 200 and switched.headers["ETag"] == tag_gz and body(switched) == FEED


def test_tokens_in_paths_and_query_strings_are_redacted_from_logs(
    base: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    asked = [
        f"/partners/coastal/index.atom?access_token={TOKEN}",
        f"/partners/coastal/index.atom?since=2023-10-24T00:00:00Z&t={TOKEN}",  # by its value
        f"/partners/coastal/index.atom?{TOKEN}",
        f"/partners/{TOKEN}/index.atom",
        f"/partners/coastal/{TOKEN}",
        f"/partners/coastal/newsml/{TOKEN}/x.xml?key=anything",
    ]
    for path in asked:
        requests.get(base + path, timeout=10)
    requests.get(f"{base}/partners/coastal/index.atom?token=x", headers={"Authorization": f"Bearer {TOKEN}"})
    logged = "\n".join(r.getMessage() for r in caplog.records if not r.name.startswith("urllib3"))
    assert logged.count("/partners/") >= len(asked)  # the requests were logged...
    assert TOKEN not in logged  # ...without the token
    assert "[redacted]" in logged and "anything" not in logged
