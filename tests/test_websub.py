"""WebSub: feeds name the hub, and a pass that changed feeds pings a real hub listening on loopback.

The hub is an HTTP server in this process (127.0.0.1, a free port) that records every POST it
receives, exactly as sent over the socket, and answers as a hub does (202), or fails on demand.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import socket
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from lxml import etree
from support.loopback import serving

from syndicate import config, pipeline, status, websub
from syndicate.config import SAMPLE_DIR

ATOM = "{http://www.w3.org/2005/Atom}"
LATER = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)


class Hub(ThreadingHTTPServer):
    """Records (path, content type, form fields) of each POST; answers ``status``."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _HubHandler)
        self.pings: list[tuple[str, str, dict[str, list[str]]]] = []
        self.status = 202

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/hub"

    def published(self) -> list[str]:
        """The feed URLs announced with hub.mode=publish, in order."""
        return [u for _p, _t, f in self.pings if f.get("hub.mode") == ["publish"] for u in f["hub.url"]]


class _HubHandler(BaseHTTPRequestHandler):
    server: Hub

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode()
        self.server.pings.append((self.path, self.headers.get("Content-Type", ""), parse_qs(body)))
        self.send_response(self.server.status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:  # quiet test output
        pass


@pytest.fixture
def hub() -> Iterator[Hub]:
    with serving(server=Hub()) as (server, _):
        assert isinstance(server, Hub)
        yield server


def settings_with_hub(tmp_path: Path, hub_url: str) -> config.Settings:
    src = tmp_path / "src"
    if not src.exists():
        shutil.copytree(SAMPLE_DIR, src)
    data = {
        "publication": {"websub_hub": hub_url},
        "source": {"type": "folder", "path": str(src)},
        "output": {"dir": str(tmp_path / "out")},
    }
    return config.parse(data, tmp_path)


def feed_urls(out: Path, base: str = "https://news.example.org/") -> set[str]:
    public = out / "public"
    return {base + p.name for pattern in ("*.rss.xml", "*.atom.xml", "*.json") for p in public.glob(pattern)}


def test_first_pass_pings_every_feed_once_and_feeds_name_the_hub(tmp_path: Path, hub: Hub) -> None:
    settings = settings_with_hub(tmp_path, hub.url)
    report = pipeline.run_pass(settings, now=LATER)
    assert report.problems == []
    feeds = feed_urls(settings.out_dir)
    assert len(feeds) == 9  # all + two sections, in RSS, Atom and JSON Feed
    assert sorted(hub.published()) == sorted(feeds) and report.feeds_pinged == 9
    assert all(
        path == "/hub" and ctype == "application/x-www-form-urlencoded" for path, ctype, _ in hub.pings
    )
    for name in ("all.rss.xml", "all.atom.xml"):
        root = etree.parse(str(settings.out_dir / "public" / name)).getroot()
        assert hub.url in [el.get("href") for el in root.iter(f"{ATOM}link") if el.get("rel") == "hub"]
    doc = json.loads((settings.out_dir / "public" / "all.json").read_bytes())
    assert doc["hubs"] == [{"type": "WebSub", "url": hub.url}]


def test_a_pass_that_changed_no_feed_pings_nothing(tmp_path: Path, hub: Hub) -> None:
    settings = settings_with_hub(tmp_path, hub.url)
    pipeline.run_pass(settings, now=LATER)
    hub.pings.clear()
    report = pipeline.run_pass(settings, now=LATER + dt.timedelta(hours=1))
    assert hub.pings == [] and report.feeds_pinged == 0


def test_a_changed_section_pings_only_the_feeds_that_changed(tmp_path: Path, hub: Hub) -> None:
    settings = settings_with_hub(tmp_path, hub.url)
    pipeline.run_pass(settings, now=LATER)
    hub.pings.clear()
    page = tmp_path / "src" / "2023-10-24" / "page-02.txt"
    page.write_text(page.read_text(encoding="utf-8").replace("社区", "街道", 1), encoding="utf-8")
    pipeline.run_pass(settings, now=LATER + dt.timedelta(hours=1))
    pinged = {u.rsplit("/", 1)[1] for u in hub.published()}
    assert pinged and all(not name.startswith("yaowen.") for name in pinged), pinged
    assert {"all.rss.xml", "all.atom.xml", "all.json"} <= pinged


def test_a_hub_that_refuses_is_a_problem_not_a_failed_pass(tmp_path: Path, hub: Hub) -> None:
    hub.status = 500
    settings = settings_with_hub(tmp_path, hub.url)
    report = pipeline.run_pass(settings, now=LATER)
    assert report.articles_published == 5 and report.feeds_pinged == 0
    assert len(report.problems) == 9 and "HTTP 500" in str(report.problems[0])
    assert str(report.problems[0]).startswith(f"publication.websub_hub {hub.url}: ping for http")
    recorded = status.read(settings.state_dir)
    assert recorded is not None and recorded.ok and recorded.problems == 9


def test_a_hub_that_is_down_is_a_problem_naming_the_feed() -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{s.getsockname()[1]}/"
    result = websub.ping(url, ["https://news.example.org/all.json"])
    assert result.accepted == () and len(result.problems) == 1
    assert "all.json" in result.problems[0]


def test_the_hub_key_must_be_an_absolute_url(tmp_path: Path) -> None:
    with pytest.raises(config.ConfigError, match="publication.websub_hub"):
        config.parse({"publication": {"websub_hub": "hub.example.org"}}, tmp_path)
