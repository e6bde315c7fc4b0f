"""``syndicate serve``: the real server (uvicorn) on a loopback port, spoken to over HTTP.

Each test module run writes its own small output tree (feeds, article pages, NewsML items and
``newsml/catalog.json``) in a tmp dir, so nothing here waits for the publisher. Dates are real:
"tomorrow in Asia/Shanghai" is still under embargo whenever the tests run, "yesterday" is out.
A few tests call the WSGI app in-process with a fixed clock where the real one cannot reach.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import datetime as dt
import gzip
import hashlib
import http.client
import io
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import zoneinfo
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest
import requests

from syndicate import config
from syndicate.serve import make_app, make_server

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

TZ = zoneinfo.ZoneInfo("Asia/Shanghai")
ATOM = "{http://www.w3.org/2005/Atom}"
TOKENS = {"coastal": "coastal-secret-token", "wire": "wire-secret-token", "late": "late-secret-token"}

TODAY = dt.datetime.now(TZ).date()
YESTERDAY = TODAY - dt.timedelta(days=1)
TOMORROW = TODAY + dt.timedelta(days=1)

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>西海岸新闻</title><link>https://news.example.org/</link>
<description>全部</description>{items}</channel></rss>
"""
ATOM_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><id>https://news.example.org/all.atom.xml</id>
<title>西海岸新闻</title><updated>2023-10-24T06:00:00+08:00</updated></feed>
"""


# --- the output tree -----------------------------------------------------------------------------


def _sha(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _at(day: dt.date, hh: int, mm: int = 0) -> str:
    return dt.datetime.combine(day, dt.time(hh, mm), tzinfo=TZ).isoformat()


def catalog_entry(
    day: dt.date, ident: str, section: str, version: int = 1, updated: str | None = None, embargo: bool = True
) -> dict[str, Any]:
    """One catalog.json object as the publisher writes it (release 06:00, written 02:30)."""
    entry: dict[str, Any] = {
        "date": day.isoformat(),
        "id": ident,
        "section": section,
        "headline": f"标题 {ident}",
        "version": version,
        "updated": updated or _at(day, 2, 30),
        "path": f"{day.isoformat()}/{ident}.xml",
    }
    if embargo:
        entry["embargo_until"] = _at(day, 6)
    return entry


def write_catalog(out: Path, entries: list[dict[str, Any]]) -> None:
    """Atomically, like the publisher: a dot-temp file renamed into place."""
    tmp = out / "newsml" / ".catalog.json.tmp"
    tmp.write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, out / "newsml" / "catalog.json")


def build_tree(root: Path) -> Path:
    """A small output root (CONTRACT.md section 4) plus things that must never be served."""
    out = root / "feeds"
    public = out / "public"
    (public / "articles" / "2023-10-24").mkdir(parents=True)
    items = "".join(
        f"<item><title>第{i}条</title><link>https://news.example.org/articles/2023-10-24/a{i}.html</link>"
        f"<description>{'正文' * 40}</description></item>"
        for i in range(20)
    )
    (public / "all.rss.xml").write_text(RSS.format(items=items), encoding="utf-8")
    (public / "yaowen.rss.xml").write_text(RSS.format(items=""), encoding="utf-8")
    (public / "all.atom.xml").write_text(ATOM_FEED, encoding="utf-8")
    (public / "index.opml").write_text('<?xml version="1.0"?><opml version="2.0"><body/></opml>\n')
    (public / "index.html").write_text(
        "<!doctype html><title>西海岸新闻</title><p>首页</p>\n", encoding="utf-8"
    )
    (public / "articles" / "2023-10-24" / "a1.html").write_text("<p>文章</p>\n", encoding="utf-8")
    # In-progress and hidden files of the publisher.
    (public / ".all.rss.xml.tmp").write_text("half a feed")
    (public / "all.rss.xml.tmp").write_text("half a feed")
    (public / ".htaccess").write_text("secret")
    # Never public: the partner export, the state, and a file beside the output root.
    newsml = out / "newsml"
    state = out / "state"
    state.mkdir(parents=True)
    (state / "syndicate.sqlite").write_text("STATE-SECRET")
    (root / "outside.txt").write_text("OUTSIDE-SECRET")
    (public / "leak-state.xml").symlink_to(state / "syndicate.sqlite")
    (public / "leak-outside.txt").symlink_to(root / "outside.txt")
    (public / "leak-passwd").symlink_to("/etc/passwd")
    (public / "inside-link.rss.xml").symlink_to(public / "yaowen.rss.xml")
    entries = [
        catalog_entry(YESTERDAY, "y-yaowen", "要闻"),
        catalog_entry(YESTERDAY, "y-zonghe", "综合"),
        catalog_entry(
            TODAY - dt.timedelta(days=2), "old-yaowen", "要闻", updated=_at(TODAY - dt.timedelta(days=2), 1)
        ),
        catalog_entry(TOMORROW, "t-yaowen", "要闻", updated=_at(TODAY, 0, 5)),
        catalog_entry(TOMORROW, "t-noembargo-field", "要闻", updated=_at(TODAY, 0, 6), embargo=False),
    ]
    for e in entries:
        (newsml / e["date"]).mkdir(parents=True, exist_ok=True)
        (newsml / e["path"]).write_text(
            f'<?xml version="1.0" encoding="UTF-8"?>\n<newsItem guid="{e["id"]}" version="{e["version"]}">'
            f"{'<p>正文</p>' * 50}</newsItem>\n",
            encoding="utf-8",
        )
    # A NewsML file the catalog does not list, and the issue package: neither is a partner item.
    (newsml / YESTERDAY.isoformat() / "unlisted.xml").write_text("<newsItem/>")
    (newsml / YESTERDAY.isoformat() / "issue.xml").write_text("<packageItem/>")
    write_catalog(out, entries)
    return out


def settings_for(out: Path) -> config.Settings:
    return config.parse(
        {
            "output": {"dir": str(out)},
            "partners": [
                {
                    "id": "coastal",
                    "token_sha256": _sha(TOKENS["coastal"]),
                    "sections": ["要闻"],
                    "embargo": "honour",
                },
                {
                    "id": "wire",
                    "token_sha256": _sha(TOKENS["wire"]).upper(),
                    "sections": ["*"],
                    "embargo": "deliver",
                },
                {"id": "late", "token_sha256": _sha(TOKENS["late"]), "sections": ["综合", "要闻"]},
            ],
        },
        out.parent,
    )


@contextlib.contextmanager
def running(settings: config.Settings) -> Iterator[str]:
    """The real server (uvicorn) in a thread on a free loopback port; yields its base URL."""
    server = make_server(settings, "127.0.0.1", 0)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}"
    finally:
        server.close()
        thread.join(timeout=2)


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tree(tmp_path_factory.mktemp("serve"))


@pytest.fixture(scope="module")
def base(out: Path) -> Iterator[str]:
    with running(settings_for(out)) as url:
        yield url


@pytest.fixture
def session() -> Iterator[requests.Session]:
    with requests.Session() as s:
        yield s


def auth(partner: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKENS[partner]}"}


def raw_get(base: str, target: str, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    """Send ``target`` byte for byte (requests would normalise ``..`` and ``%2e%2e`` away)."""
    host, port = base.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        conn.putrequest("GET", target, skip_accept_encoding=True)
        for k, v in (headers or {}).items():
            conn.putheader(k, v)
        conn.endheaders()
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


# --- public files --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "ctype", "file"),
    [
        ("/all.rss.xml", "application/rss+xml", "all.rss.xml"),
        ("/all.atom.xml", "application/atom+xml", "all.atom.xml"),
        ("/index.opml", "text/x-opml", "index.opml"),
        ("/index.html", "text/html; charset=utf-8", "index.html"),
        ("/", "text/html; charset=utf-8", "index.html"),
        ("/articles/2023-10-24/a1.html", "text/html; charset=utf-8", "articles/2023-10-24/a1.html"),
        ("/inside-link.rss.xml", "application/rss+xml", "yaowen.rss.xml"),
    ],
)
def test_public_file_with_type_and_validators(
    base: str, out: Path, session: requests.Session, path: str, ctype: str, file: str
) -> None:
    r = session.get(base + path, headers={"Accept-Encoding": "identity"})
    assert r.status_code == 200
    assert r.headers["Content-Type"] == ctype
    assert r.content == (out / "public" / file).read_bytes()
    assert r.headers["ETag"].startswith('"')
    assert r.headers["Last-Modified"].endswith(" GMT")
    assert "max-age" in r.headers["Cache-Control"]
    assert "Content-Encoding" not in r.headers


def test_conditional_gets_answer_304(base: str, session: requests.Session) -> None:
    first = session.get(base + "/all.rss.xml")
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    for headers in (
        {"If-None-Match": etag},
        {"If-None-Match": "W/" + etag},
        {"If-None-Match": f'"nope", {etag}'},
        {"If-None-Match": "*"},
        {"If-Modified-Since": modified},
        {"If-Modified-Since": "Fri, 01 Jan 2100 00:00:00 GMT"},
    ):
        r = session.get(base + "/all.rss.xml", headers=headers)
        assert r.status_code == 304, headers
        assert r.content == b""
        assert r.headers["ETag"] == etag
        assert "Cache-Control" in r.headers
    for headers in (
        {"If-None-Match": '"other"'},
        {"If-Modified-Since": "Thu, 01 Jan 1970 00:00:00 GMT"},
        {"If-Modified-Since": "not a date"},
        # If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2).
        {"If-None-Match": '"other"', "If-Modified-Since": modified},
    ):
        r = session.get(base + "/all.rss.xml", headers=headers)
        assert r.status_code == 200, headers
        assert r.content == first.content


def test_304_keeps_the_connection_open(base: str) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", int(base.rsplit(":", 1)[1]), timeout=10)
    conn.request("GET", "/all.rss.xml")
    first = conn.getresponse()
    first.read()
    sock = conn.sock
    for _ in range(3):
        conn.request("GET", "/all.rss.xml", headers={"If-None-Match": first.headers["ETag"]})
        resp = conn.getresponse()
        assert resp.status == 304
        assert resp.read() == b""
        assert resp.headers.get("Connection") != "close"
        assert conn.sock is sock  # the same TCP connection, not a reconnect
    conn.close()


def test_gzip_when_accepted(base: str, out: Path, session: requests.Session) -> None:
    plain_body = (out / "public" / "all.rss.xml").read_bytes()
    r = session.get(base + "/all.rss.xml", headers={"Accept-Encoding": "gzip"}, stream=True)
    raw = r.raw.read(decode_content=False)
    assert r.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in r.headers["Vary"]
    assert gzip.decompress(raw) == plain_body
    assert int(r.headers["Content-Length"]) == len(raw) < len(plain_body)
    identity = session.get(base + "/all.rss.xml", headers={"Accept-Encoding": "identity"})
    assert "Accept-Encoding" in identity.headers["Vary"]
    assert identity.headers["ETag"] != r.headers["ETag"]
    assert (
        session.get(base + "/all.rss.xml", headers={"Accept-Encoding": "gzip;q=0, deflate"}).headers.get(
            "Content-Encoding"
        )
        is None
    )
    # Revalidating the gzip variant is a 304 too.
    again = session.get(
        base + "/all.rss.xml", headers={"Accept-Encoding": "gzip", "If-None-Match": r.headers["ETag"]}
    )
    assert again.status_code == 304


def test_head_has_headers_and_no_body(base: str, out: Path) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", int(base.rsplit(":", 1)[1]), timeout=10)
    conn.request("HEAD", "/all.rss.xml")
    resp = conn.getresponse()
    assert resp.status == 200
    assert resp.read() == b""
    assert int(resp.headers["Content-Length"]) == (out / "public" / "all.rss.xml").stat().st_size
    assert resp.headers["Content-Type"] == "application/rss+xml"
    conn.close()


def test_only_get_and_head(base: str, session: requests.Session) -> None:
    r = session.post(base + "/all.rss.xml", data=b"x")
    assert r.status_code == 405
    assert r.headers["Allow"] == "GET, HEAD"


def test_republished_file_is_seen_at_once(tmp_path: Path, session: requests.Session) -> None:
    out = build_tree(tmp_path)
    with running(settings_for(out)) as base:
        first = session.get(base + "/yaowen.rss.xml")
        feed = out / "public" / "yaowen.rss.xml"
        tmp = feed.with_name(".yaowen.rss.xml.tmp")
        tmp.write_text(RSS.format(items="<item><title>新</title></item>"), encoding="utf-8")
        os.replace(tmp, feed)
        r = session.get(base + "/yaowen.rss.xml", headers={"If-None-Match": first.headers["ETag"]})
        assert r.status_code == 200
        assert "新" in r.text
        assert r.headers["ETag"] != first.headers["ETag"]


@pytest.mark.parametrize(
    "target",
    [
        "/.all.rss.xml.tmp",
        "/all.rss.xml.tmp",
        "/.htaccess",
        "/newsml/catalog.json",
        "/state/syndicate.sqlite",
        "/../newsml/catalog.json",
        "/../state/syndicate.sqlite",
        "/%2e%2e/state/syndicate.sqlite",
        "/%2E%2E/%2E%2E/outside.txt",
        "/articles/..%2f..%2fnewsml%2fcatalog.json",
        "/articles/%2e%2e/%2e%2e/newsml/catalog.json",
        "/articles/%252e%252e/%252e%252e/newsml/catalog.json",
        "//etc/passwd",
        "/%2fetc/passwd",
        "/..\\..\\outside.txt",
        "/all.rss.xml%00.html",
        "/%00",
        "/leak-state.xml",
        "/leak-outside.txt",
        "/leak-passwd",
        "/articles/2023-10-24/",
        "/missing.rss.xml",
        "/%ff%fe.html",
    ],
)
def test_public_refuses_what_is_not_public(base: str, target: str) -> None:
    status, body = raw_get(base, target)
    assert status in (400, 404), (target, status)
    assert b"SECRET" not in body and b"root:" not in body and b"newsItem" not in body


# --- partners: credentials ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": ""},
        {"Authorization": "Bearer"},
        {"Authorization": "Bearer "},
        {"Authorization": f"Basic {TOKENS['coastal']}"},
        {"Authorization": TOKENS["coastal"]},
        {"Authorization": "Bearer wrong-token"},
        {"Authorization": f"Bearer {TOKENS['coastal']}x"},
        {"Authorization": f"Bearer {_sha(TOKENS['coastal'])}"},  # the stored hash is not the token
        {"Authorization": f"Bearer {TOKENS['wire']}"},  # another partner's token
    ],
)
@pytest.mark.parametrize(
    "path", ["/partners/coastal/index.atom", f"/partners/coastal/newsml/{YESTERDAY}/y-yaowen.xml"]
)
def test_partner_auth_failures_are_401(
    base: str, session: requests.Session, headers: dict[str, str], path: str
) -> None:
    r = session.get(base + path, headers=headers)
    assert r.status_code == 401
    assert r.headers["WWW-Authenticate"] == 'Bearer realm="syndicate"'
    assert "y-yaowen" not in r.text


def test_unknown_partner_is_401_not_404(base: str, session: requests.Session) -> None:
    r = session.get(base + "/partners/nobody/index.atom", headers=auth("coastal"))
    assert r.status_code == 401
    assert r.headers["WWW-Authenticate"].startswith("Bearer")


def test_bearer_scheme_is_case_insensitive(base: str, session: requests.Session) -> None:
    r = session.get(
        base + "/partners/coastal/index.atom", headers={"Authorization": f"bearer {TOKENS['coastal']}"}
    )
    assert r.status_code == 200


def test_partner_requests_logged_with_id_never_token(
    base: str, session: requests.Session, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="syndicate.serve"):
        session.get(base + "/partners/coastal/index.atom", headers=auth("coastal"))
        session.get(base + "/partners/coastal/index.atom", headers={"Authorization": "Bearer guessed-token"})
        deadline = time.monotonic() + 2
        while len(caplog.records) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "partner=coastal GET /partners/coastal/index.atom -> 200" in text
    assert "partner=coastal GET /partners/coastal/index.atom -> 401 (wrong token)" in text
    for secret in (*TOKENS.values(), "guessed-token"):
        assert secret not in text


# --- partners: what each one sees ------------------------------------------------------------------


def index(base: str, session: requests.Session, partner: str, **params: str) -> list[dict[str, Any]]:
    r = session.get(f"{base}/partners/{partner}/index.atom", headers=auth(partner), params=params)
    assert r.status_code == 200, r.text
    assert r.headers["Content-Type"] == "application/atom+xml"
    root = ET.fromstring(r.content)
    assert root.tag == ATOM + "feed"
    return [
        {
            "id": e.findtext(ATOM + "id"),
            "updated": e.findtext(ATOM + "updated"),
            "href": e.find(ATOM + "link").get("href"),  # type: ignore[union-attr]
            "terms": [c.get("term") for c in e.findall(ATOM + "category")],
        }
        for e in root.findall(ATOM + "entry")
    ]


def names(entries: list[dict[str, Any]]) -> list[str]:
    return [e["href"].rsplit("/", 1)[1].removesuffix(".xml") for e in entries]


def test_honouring_partner_sees_released_items_of_its_sections_newest_first(
    base: str, session: requests.Session
) -> None:
    entries = index(base, session, "coastal")
    assert names(entries) == ["y-yaowen", "old-yaowen"]
    for e in entries:
        assert "embargoed" not in e["terms"]
        r = session.get(e["href"], headers=auth("coastal"))
        assert r.status_code == 200
        assert r.headers["Content-Type"] == "application/vnd.iptc.g2.newsitem+xml"
        assert b"<newsItem" in r.content


def test_delivering_partner_gets_embargoed_items_early_and_marked(
    base: str, session: requests.Session
) -> None:
    entries = index(base, session, "wire")
    # Newest first; y-zonghe and y-yaowen share their time and are ordered by id.
    assert names(entries) == ["t-noembargo-field", "t-yaowen", "y-zonghe", "y-yaowen", "old-yaowen"]
    updated = [dt.datetime.fromisoformat(e["updated"]) for e in entries]
    assert updated == sorted(updated, reverse=True)
    by_name = dict(zip(names(entries), entries, strict=True))
    assert "embargoed" in by_name["t-yaowen"]["terms"]
    assert "embargoed" in by_name["t-noembargo-field"]["terms"]
    assert "embargoed" not in by_name["y-yaowen"]["terms"]
    assert session.get(by_name["t-yaowen"]["href"], headers=auth("wire")).status_code == 200


def test_issue_dated_tomorrow_is_under_embargo_for_honouring_partner(
    base: str, session: requests.Session
) -> None:
    for ident in ("t-yaowen", "t-noembargo-field"):  # given embargo_until, and derived from release
        r = session.get(f"{base}/partners/coastal/newsml/{TOMORROW}/{ident}.xml", headers=auth("coastal"))
        assert r.status_code == 404
        r = session.get(f"{base}/partners/late/newsml/{TOMORROW}/{ident}.xml", headers=auth("late"))
        assert r.status_code == 404  # "honour" is the default


def test_sections_scope_items(base: str, session: requests.Session) -> None:
    r = session.get(f"{base}/partners/coastal/newsml/{YESTERDAY}/y-zonghe.xml", headers=auth("coastal"))
    assert r.status_code == 404
    assert (
        session.get(f"{base}/partners/late/newsml/{YESTERDAY}/y-zonghe.xml", headers=auth("late")).status_code
        == 200
    )
    assert names(index(base, session, "late")) == ["y-zonghe", "y-yaowen", "old-yaowen"]


def test_only_catalogued_items_are_served(base: str, session: requests.Session) -> None:
    for name in ("unlisted", "issue", "missing"):
        r = session.get(f"{base}/partners/wire/newsml/{YESTERDAY}/{name}.xml", headers=auth("wire"))
        assert r.status_code == 404, name
    for path in (
        "/partners/wire/catalog.json",
        "/partners/wire/newsml/catalog.json",
        "/partners/wire/",
        "/partners/",
    ):
        assert session.get(base + path, headers=auth("wire")).status_code in (401, 404), path


@pytest.mark.parametrize(
    "target",
    [
        "/partners/wire/newsml/../catalog.json",
        "/partners/wire/newsml/%2e%2e/catalog.json",
        "/partners/wire/newsml/%2e%2e/%2e%2e/state/syndicate.sqlite",
        "/partners/wire/newsml/{y}/..%2f..%2f..%2fstate%2fsyndicate.sqlite",
        "/partners/wire/newsml/{y}/%2e%2e%2f%2e%2e%2foutside.txt",
        "/partners/wire/newsml//etc/passwd",
        "/partners/wire/newsml/{y}/y-yaowen.xml%00",
        "/partners/wire/../../state/syndicate.sqlite",
        "/partners/../state/syndicate.sqlite",
        "/partners/wire/newsml/{y}/.y-yaowen.xml.tmp",
    ],
)
def test_partner_paths_outside_root_are_404(base: str, target: str) -> None:
    status, body = raw_get(base, target.format(y=YESTERDAY), auth("wire"))
    assert status in (400, 404), (target, status)
    assert b"SECRET" not in body and b"root:" not in body


def test_partner_atom_index_is_valid(base: str, session: requests.Session, tmp_path: Path) -> None:
    validator = SHARED / "tools" / "validate-feed"
    if not validator.exists():
        pytest.skip("validate-feed not found beside the repository")
    for partner in ("coastal", "wire"):
        body = session.get(f"{base}/partners/{partner}/index.atom", headers=auth(partner)).content
        f = tmp_path / f"{partner}.atom"
        f.write_bytes(body)
        done = subprocess.run([sys.executable, str(validator), str(f)], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
        assert "OK" in done.stdout and "warning" not in done.stdout, done.stdout


def test_partner_index_and_item_revalidate(base: str, session: requests.Session) -> None:
    url = f"{base}/partners/coastal/index.atom"
    r = session.get(url, headers=auth("coastal"))
    assert r.headers["Cache-Control"].startswith("private")
    again = session.get(url, headers={**auth("coastal"), "If-None-Match": r.headers["ETag"]})
    assert again.status_code == 304
    item = f"{base}/partners/coastal/newsml/{YESTERDAY}/y-yaowen.xml"
    r = session.get(item, headers={**auth("coastal"), "Accept-Encoding": "gzip"})
    assert r.headers["Content-Encoding"] == "gzip"
    assert (
        session.get(item, headers={**auth("coastal"), "If-None-Match": r.headers["ETag"]}).status_code == 304
    )
    # A 304 is no way around the credential.
    assert session.get(item, headers={"If-None-Match": r.headers["ETag"]}).status_code == 401


def test_links_follow_the_trusted_proxy(base: str, session: requests.Session) -> None:
    # The test client is on 127.0.0.1, the address trusted by default (the proxy of docs/deploy.md).
    headers = {**auth("coastal"), "X-Forwarded-Proto": "https", "X-Forwarded-Host": "partners.example.org"}
    body = session.get(f"{base}/partners/coastal/index.atom", headers=headers).text
    assert f'href="https://partners.example.org/partners/coastal/newsml/{YESTERDAY}/y-yaowen.xml"' in body


def test_since_filters_the_listing(base: str, session: requests.Session) -> None:
    everything = index(base, session, "wire")
    assert len(everything) == 5
    newest = everything[0]["updated"]
    assert names(index(base, session, "wire", since=newest)) == ["t-noembargo-field"]  # inclusive
    assert names(index(base, session, "wire", since=_at(TODAY, 0, 0))) == ["t-noembargo-field", "t-yaowen"]
    utc = (
        dt.datetime.combine(TODAY, dt.time(0, 0), tzinfo=TZ).astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    )
    assert len(index(base, session, "wire", since=utc)) == 2
    assert index(base, session, "wire", since="2999-01-01T00:00:00+00:00") == []
    assert len(index(base, session, "wire", since="2000-01-01T00:00:00.5+00:00")) == 5
    # An unencoded "+08:00" arrives as " 08:00" after form decoding: still understood.
    status, _ = raw_get(base, f"/partners/wire/index.atom?since={_at(TODAY, 0, 0)}", auth("wire"))
    assert status == 200


@pytest.mark.parametrize(
    "since", ["", "yesterday", "2023-10-24", "2023-10-24T06:00:00", "2023-13-45T06:00:00Z", "1698098400"]
)
def test_bad_since_is_400(base: str, session: requests.Session, since: str) -> None:
    r = session.get(f"{base}/partners/wire/index.atom", headers=auth("wire"), params={"since": since})
    assert r.status_code == 400


def test_new_version_shows_as_updated(tmp_path: Path, session: requests.Session) -> None:
    out = build_tree(tmp_path)
    with running(settings_for(out)) as base:
        before = {e["id"]: e for e in index(base, session, "coastal")}
        entries = json.loads((out / "newsml" / "catalog.json").read_text(encoding="utf-8"))
        for e in entries:
            if e["id"] == "old-yaowen":
                e["version"] = 2
                e["updated"] = dt.datetime.now(TZ).replace(microsecond=0).isoformat()
        write_catalog(out, entries)
        after_entries = index(base, session, "coastal")
        after = {e["id"]: e for e in after_entries}
        assert before.keys() == after.keys()  # the same entry (same id) ...
        changed = [k for k in after if after[k]["updated"] != before[k]["updated"]]
        assert len(changed) == 1 and "old-yaowen" in changed[0]  # ... updated, and now first
        assert "old-yaowen" in after_entries[0]["id"]
        since = index(base, session, "coastal", since=dt.datetime.now(TZ).replace(microsecond=0).isoformat())
        assert names(since) == ["old-yaowen"] or since == []  # the same second, or just before it
        # A withdrawn article stays listed, marked, so that partners learn to take it down.
        for e in entries:
            if e["id"] == "y-yaowen":
                e["status"] = "canceled"
        write_catalog(out, entries)
        marked = {
            n: e["terms"]
            for n, e in zip(
                names(index(base, session, "coastal")), index(base, session, "coastal"), strict=True
            )
        }
        assert "canceled" in marked["y-yaowen"] and "canceled" not in marked["old-yaowen"]


def test_catalog_missing_or_broken(tmp_path: Path, session: requests.Session) -> None:
    out = build_tree(tmp_path)
    with running(settings_for(out)) as base:
        assert len(index(base, session, "wire")) == 5
        (out / "newsml" / "catalog.json").write_text("[{not json")
        assert len(index(base, session, "wire")) == 5  # the last good catalog survives a bad file
        (out / "newsml" / "catalog.json").unlink()
        assert index(base, session, "wire") == []


# --- in-process, with a fixed clock ------------------------------------------------------------------


def call(app: Any, path: str, query: str = "", headers: dict[str, str] | None = None) -> tuple[str, bytes]:
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "test",
        "SERVER_PORT": "80",
        "wsgi.url_scheme": "https",
        "wsgi.input": io.BytesIO(),
        **{"HTTP_" + k.upper().replace("-", "_"): v for k, v in (headers or {}).items()},
    }
    seen: list[str] = []
    body = b"".join(app(environ, lambda status, hdrs, exc=None: seen.append(status)))
    return seen[0], body


def test_release_moment_and_since_for_an_honouring_partner(out: Path) -> None:
    release = dt.datetime.combine(TOMORROW, dt.time(6), tzinfo=TZ)
    item = f"/partners/coastal/newsml/{TOMORROW}/t-yaowen.xml"
    early = make_app(settings_for(out), clock=lambda: release - dt.timedelta(seconds=1))
    on_time = make_app(settings_for(out), clock=lambda: release)
    assert call(early, item, headers=auth("coastal"))[0].startswith("404")
    assert call(on_time, item, headers=auth("coastal"))[0].startswith("200")
    # Written at 00:05 but listed only from 06:00: a poll with since=05:00 must still find it.
    since = "since=" + (release - dt.timedelta(hours=1)).isoformat().replace("+", "%2B")
    status, body = call(on_time, "/partners/coastal/index.atom", since, auth("coastal"))
    assert status.startswith("200")
    assert b"t-yaowen" in body and b"t-noembargo-field" in body and b"y-yaowen" not in body
    assert b"https://test:80/partners/coastal/newsml/" in body


# --- robustness ---------------------------------------------------------------------------------------


def test_burst_of_1000_requests_keeps_getting_answers(base: str) -> None:
    etag = requests.get(base + "/all.rss.xml").headers["ETag"]
    local = threading.local()

    def one(n: int) -> int:
        if not hasattr(local, "s"):
            local.s = requests.Session()
        if n % 3 == 0:
            return local.s.get(base + "/all.rss.xml", timeout=30).status_code
        if n % 3 == 1:
            return local.s.get(base + "/all.rss.xml", headers={"If-None-Match": etag}, timeout=30).status_code
        return local.s.get(
            base + "/partners/coastal/index.atom", headers=auth("coastal"), timeout=30
        ).status_code

    with concurrent.futures.ThreadPoolExecutor(max_workers=32) as pool:
        statuses = list(pool.map(one, range(1000)))
    assert statuses.count(200) + statuses.count(304) == 1000
    assert requests.get(base + "/index.html").status_code == 200


def test_huge_headers_rejected_and_server_lives(base: str) -> None:
    port = int(base.rsplit(":", 1)[1])
    for header in (b"X-Big: " + b"a" * 200_000, b"\r\n".join(b"X-H%d: v" % i for i in range(20_000))):
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            # Refusing before reading it all (a reset while sending) is fine too.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                sock.sendall(b"GET /all.rss.xml HTTP/1.1\r\nHost: x\r\n" + header + b"\r\n\r\n")
            answer = b""
            # Read the answer's head, not until the socket closes: a server that keeps the
            # connection open after refusing would otherwise cost the socket timeout each time.
            with contextlib.suppress(ConnectionResetError):
                while b"\r\n\r\n" not in answer and (chunk := sock.recv(65536)):
                    answer += chunk
        assert answer == b"" or answer.split(b" ", 2)[1] in (b"400", b"413", b"431"), answer[:100]
    assert requests.get(base + "/all.rss.xml", timeout=10).status_code == 200


def test_serve_command_runs_and_stops_on_sigterm(tmp_path: Path) -> None:
    out = build_tree(tmp_path)
    cfg = tmp_path / "syndicate.toml"
    cfg.write_text(
        f'[output]\ndir = "{out}"\n\n[[partners]]\nid = "coastal"\ntoken_sha256 = "{_sha(TOKENS["coastal"])}"\n'
        'sections = ["要闻"]\n',
        encoding="utf-8",
    )
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    exe = ROOT / ".venv" / "bin" / "syndicate"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-c", "from syndicate.cli import main; main()"]
    proc = subprocess.Popen(
        [*cmd, "serve", "--config", str(cfg), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 20
        while True:
            try:
                r = requests.get(base + "/all.rss.xml", timeout=2)
                break
            except requests.ConnectionError:
                assert proc.poll() is None, proc.communicate()
                assert time.monotonic() < deadline, "server did not come up"
                time.sleep(0.1)
        assert r.status_code == 200
        assert requests.get(base + "/partners/coastal/index.atom", headers=auth("coastal")).status_code == 200
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=15)
        assert proc.returncode == 0, err
        assert TOKENS["coastal"] not in err
        assert "partner=coastal" in err
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()


def test_serve_reports_a_busy_port(tmp_path: Path) -> None:
    out = build_tree(tmp_path)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                "from syndicate.cli import main; main()",
                "serve",
                "--out",
                str(out),
                "--port",
                str(port),
            ],
            capture_output=True,
            text=True,
            timeout=30,
        )
    assert done.returncode != 0
    assert "cannot listen" in done.stderr
