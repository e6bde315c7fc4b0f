"""A real feed reader: newsboat (Debian), subscribed through the published OPML over the real server.

newsboat keys items by id (guid), so a subscription list that names one feed twice (RSS and Atom)
files every article under whichever copy loads first. Through ``index.opml`` it must show every
published article exactly once, with its title, unread after the first reload.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import socket
import sqlite3
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from support.faults import drop_folder

from syndicate import config, pipeline
from syndicate.serve import make_server

LATER = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
NEWSBOAT = shutil.which("newsboat") or "/usr/bin/newsboat"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """Four issues published for a site served on loopback; yields (base URL, output root)."""
    tmp = tmp_path_factory.mktemp("newsboat")
    src = drop_folder(tmp / "src", 4)
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    data = {
        "publication": {"base_url": base},
        "source": {"path": str(src)},
        "output": {"dir": str(tmp / "out")},
    }
    settings = config.parse(data, tmp)
    pipeline.run_pass(settings, now=LATER)
    server = make_server(settings, "127.0.0.1", port)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield base, tmp / "out"
    finally:
        server.close()
        thread.join(timeout=5)


def newsboat(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert Path(NEWSBOAT).exists(), "newsboat missing: apt-get install newsboat (make test does)"
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local"),
    }
    files = ["-u", str(home / "urls"), "-c", str(home / "cache.db"), "-C", str(home / "config")]
    return subprocess.run([NEWSBOAT, *files, *args], capture_output=True, text=True, env=env, timeout=120)


def test_newsboat_through_the_opml_shows_every_article_once(
    published: tuple[str, Path], tmp_path: Path
) -> None:
    base, out = published
    (tmp_path / "config").write_text("reload-threads 1\n")
    (tmp_path / "urls").write_text("")
    opml = tmp_path / "index.opml"
    opml.write_bytes(requests.get(base + "index.opml", timeout=10).content)
    imported = newsboat(tmp_path, "-i", str(opml))
    assert imported.returncode == 0, imported.stderr
    urls = [line.split()[0] for line in (tmp_path / "urls").read_text().splitlines() if line.strip()]
    assert len(urls) == len(set(urls)) == 3, urls  # all and two sections, each once
    done = newsboat(tmp_path, "-x", "reload", "print-unread")
    assert done.returncode == 0, done.stderr
    public = out / "public"
    published_ids = {p.stem for p in (public / "articles").rglob("*.html")}
    assert len(published_ids) == 20
    with sqlite3.connect(tmp_path / "cache.db") as db:
        rows = db.execute("SELECT guid, title, feedurl, unread FROM rss_item").fetchall()
        feeds = {r[0] for r in db.execute("SELECT rssurl FROM rss_feed")}
    assert feeds == set(urls)
    guids = [r[0] for r in rows]
    assert len(guids) == len(set(guids)), "an article shown twice"
    assert {g.rsplit(":", 1)[1] for g in guids} == published_ids, "an article missing"
    assert all(title for _g, title, _f, _u in rows) and all(unread for *_, unread in rows)
    assert done.stdout.split()[0] == str(len(published_ids)), done.stdout  # "20 unread articles"
