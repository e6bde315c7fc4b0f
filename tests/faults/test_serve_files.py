"""Issue 10 row 18: what ``syndicate serve`` sends for a file, and what it logs about a request.

- ``If-None-Match`` is compared with the ETag of the representation about to be sent only: a
  client holding the gzip body's tag that asks without gzip gets the identity body (before, a
  304 for bytes it never had), and the other way round;
- a partner token a client puts in a path or a query string never reaches the log;
- a large public file gets a ``.gz`` sibling at publish time (removed when the file no longer
  warrants one), and the server streams large files from disk in worker threads, sending that
  sibling to gzip clients only while its trailer matches the file: no file is read, hashed or
  compressed on the event loop's thread.

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
from support.faults import LATER, sample_issue

from syndicate import config, pipeline
from syndicate.publish import precompress
from syndicate.publish.plan import Output
from syndicate.publish.write import write_all
from syndicate.serve import files, make_server
from syndicate.serve.redact import Redactor

TOKEN = "s3cr3t-partner-token-0123456789"
FEED = (
    "<rss><channel>" + "<item><title>新区秋粮收获进度过九成</title></item>" * 400 + "</channel></rss>\n"
).encode()


BIG = (
    "<urlset>"
    + "".join(f"<url><loc>https://news.example.org/articles/{n}.html</loc></url>" for n in range(40000))
    + "</urlset>\n"
).encode()


@contextlib.contextmanager
def running(out: Path, loop_thread: list[int] | None = None) -> Iterator[str]:
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
    if loop_thread is not None:
        loop_thread.append(thread.ident or 0)
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


def test_segments_hashed_once_at_start_are_still_redacted_when_they_are_a_token() -> None:
    digest = hashlib.sha256(TOKEN.encode()).hexdigest()
    # A partner whose id is (by mistake) another partner's token: listed as known, still redacted.
    redactor = Redactor([digest], known=["coastal", TOKEN, "index.atom"])
    assert redactor.path(f"{TOKEN}/index.atom") == "[redacted]/index.atom"
    assert redactor.path("coastal/index.atom") == "coastal/index.atom"
    assert redactor.path("coastal/\x1b[2Jindex.atom") == "coastal/\\x1b[2Jindex.atom"  # no forged lines


def test_large_public_files_get_a_gzip_sibling_at_publish_time(tmp_path: Path) -> None:
    big, small = b"<x>" + b"<a>b</a>" * 40000 + b"</x>", b"<x/>"
    write_all(tmp_path, precompress.with_siblings([Output("public/sitemap.xml", big, "sitemap")]))
    assert gzip.decompress((tmp_path / "public" / "sitemap.xml.gz").read_bytes()) == big
    write_all(tmp_path, precompress.with_siblings([Output("public/sitemap.xml", small, "sitemap")]))
    assert not (tmp_path / "public" / "sitemap.xml.gz").exists()  # no stale sibling for a static server
    assert not (tmp_path / "newsml").exists()


def test_the_publish_step_writes_the_siblings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(precompress, "PRECOMPRESS_FROM", 4096)  # the sample's feeds count as large
    sample_issue(tmp_path / "drop")
    out = tmp_path / "out"
    pipeline.run_pass(config.defaults(out, tmp_path / "drop"), now=LATER)
    feed = out / "public" / "all.rss.xml"
    assert gzip.decompress((out / "public" / "all.rss.xml.gz").read_bytes()) == feed.read_bytes()
    assert not list((out / "newsml").rglob("*.gz"))  # public files only


@pytest.fixture
def big_site(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    write_all(out, precompress.with_siblings([Output("public/sitemap.xml", BIG, "sitemap")]))
    assert (out / "public" / "sitemap.xml").stat().st_size > files.STREAM_FROM
    return out


def test_large_files_are_streamed_off_the_event_loop(big_site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    readers: list[int] = []  # the threads that read, hashed or compressed a file
    real_hash, real_open = files.read_and_hash, open

    def spy_hash(*args: object, **kwargs: object) -> object:
        readers.append(threading.get_ident())
        return real_hash(*args, **kwargs)  # type: ignore[arg-type]

    class SpyFile:
        def __init__(self, fh: object) -> None:
            self.fh = fh

        def read(self, n: int = -1) -> bytes:
            readers.append(threading.get_ident())
            return self.fh.read(n)  # type: ignore[attr-defined,no-any-return]

        def __getattr__(self, name: str) -> object:
            return getattr(self.fh, name)

        def __enter__(self) -> SpyFile:
            return self

        def __exit__(self, *exc: object) -> None:
            self.fh.close()  # type: ignore[attr-defined]

    monkeypatch.setattr(files, "read_and_hash", spy_hash)
    monkeypatch.setattr(files, "open", lambda *a, **k: SpyFile(real_open(*a, **k)), raising=False)
    loop: list[int] = []
    with running(big_site, loop) as base:
        url = f"{base}/sitemap.xml"
        zipped, plain = get(url, True), get(url, False)
        assert int(plain.headers["Content-Length"]) == len(BIG) and body(plain) == BIG
        sent = zipped.raw.read(decode_content=False)
        # the publisher's sibling itself (level 9), not a compression made by the server
        assert zipped.headers["Content-Encoding"] == "gzip"
        assert sent == (big_site / "public" / "sitemap.xml.gz").read_bytes() and gzip.decompress(sent) == BIG
        assert get(url, True, zipped.headers["ETag"]).status_code == 304
    assert readers and loop[0] not in readers, "a file was read on the event loop's thread"


def test_a_sibling_that_does_not_match_its_file_is_never_sent(big_site: Path) -> None:
    changed = BIG.replace(b"articles/1.html", b"articles/X.html")  # same size, other bytes
    (big_site / "public" / "sitemap.xml").write_bytes(changed)  # the old .gz stays beside it
    with running(big_site) as base:
        resp = get(f"{base}/sitemap.xml", True)
        assert "Content-Encoding" not in resp.headers and body(resp) == changed
