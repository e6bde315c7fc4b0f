"""Partner indexes are rendered once per catalog version, request and embargo epoch.

In-process (the WSGI app with a settable clock), counting calls of the renderer: a repeated
request and a matching conditional request render nothing more, while a new catalog, a passed
embargo, another partner or another ``since`` each give their own index and ETag.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import zoneinfo
from pathlib import Path
from typing import Any

import pytest

from syndicate import config
from syndicate.serve import make_app
from syndicate.serve import partners as p

TZ = zoneinfo.ZoneInfo("Asia/Shanghai")
DAY = dt.date(2024, 5, 1)
TOKENS = {"honour": "honour-token", "early": "early-token"}


def entry(day: dt.date, ident: str) -> dict[str, Any]:
    at = dt.datetime.combine(day, dt.time(2, 30), tzinfo=TZ).isoformat()
    until = dt.datetime.combine(day, dt.time(6), tzinfo=TZ).isoformat()
    return {"date": day.isoformat(), "id": ident, "section": "要闻", "headline": ident, "version": 1,
            "updated": at, "embargo_until": until, "path": f"{day}/{ident}.xml"}  # fmt: skip


def write_catalog(out: Path, entries: list[dict[str, Any]]) -> None:
    (out / "newsml").mkdir(parents=True, exist_ok=True)
    tmp = out / "newsml" / ".catalog.tmp"
    tmp.write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, out / "newsml" / "catalog.json")


class Clock:
    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def setup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, Clock, list[int], Path]:
    out = tmp_path / "out"
    write_catalog(out, [entry(DAY, "a"), entry(DAY + dt.timedelta(days=1), "b")])
    partners = [
        {"id": "honour", "token_sha256": hashlib.sha256(b"honour-token").hexdigest(), "sections": ["*"]},
        {"id": "early", "token_sha256": hashlib.sha256(b"early-token").hexdigest(), "sections": ["*"],
         "embargo": "deliver"},
    ]  # fmt: skip
    settings = config.parse({"output": {"dir": str(out)}, "partners": partners}, tmp_path)
    renders = [0]
    real = p.render_index

    def counting(*args: Any, **kwargs: Any) -> bytes:
        renders[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(p, "render_index", counting)
    clock = Clock(dt.datetime.combine(DAY, dt.time(12), tzinfo=TZ))
    return make_app(settings, clock=clock), clock, renders, out


def request(partner: str, query: str = "", etag: str | None = None) -> dict[str, Any]:
    environ = {
        "REQUEST_METHOD": "GET", "PATH_INFO": f"/partners/{partner}/index.atom", "QUERY_STRING": query,
        "SERVER_NAME": "test", "SERVER_PORT": "80", "wsgi.url_scheme": "https", "wsgi.input": io.BytesIO(),
        "HTTP_AUTHORIZATION": f"Bearer {TOKENS[partner]}",
    }  # fmt: skip
    if etag:
        environ["HTTP_IF_NONE_MATCH"] = etag
    return environ


def get(app: Any, partner: str, query: str = "", etag: str | None = None) -> tuple[str, str, bytes]:
    environ = request(partner, query, etag)
    seen: list[tuple[str, list[tuple[str, str]]]] = []
    body = b"".join(app(environ, lambda status, headers, exc=None: seen.append((status, headers))))
    status, headers = seen[0]
    return status, dict(headers)["ETag"], body


def test_a_conditional_request_is_answered_without_rendering(setup: Any) -> None:
    app, _clock, renders, _out = setup
    status, etag, _ = get(app, "honour", etag=None)
    assert status.startswith("200") and renders[0] == 1
    fresh = make_app(app.settings, clock=app.clock)  # a restarted server: nothing cached yet
    status, again, body = get(fresh, "honour", etag=etag)
    assert status.startswith("304") and again == etag and body == b""
    assert renders[0] == 1


def test_a_repeated_request_reuses_the_rendered_index(setup: Any) -> None:
    app, _clock, renders, _out = setup
    first = get(app, "honour")
    assert [get(app, "honour") for _ in range(5)] == [first] * 5
    assert renders[0] == 1


def test_partners_and_since_get_their_own_index(setup: Any) -> None:
    app, _clock, renders, _out = setup
    honour, early = get(app, "honour"), get(app, "early")
    since = get(app, "honour", "since=2024-05-02T00:00:00%2B08:00")
    assert len({honour[1], early[1], since[1]}) == 3
    assert b"/b.xml" in early[2] and b"/b.xml" not in honour[2]  # b is still under embargo
    assert renders[0] == 3


def test_a_passed_embargo_changes_the_index(setup: Any) -> None:
    app, clock, renders, _out = setup
    _, before, body = get(app, "honour")
    assert b"/b.xml" not in body
    clock.now = dt.datetime.combine(DAY + dt.timedelta(days=1), dt.time(6), tzinfo=TZ)  # b's release
    status, after, body = get(app, "honour", etag=before)
    assert status.startswith("200") and after != before and b"/b.xml" in body
    clock.now += dt.timedelta(hours=3)  # no embargo passes: the same index
    assert get(app, "honour", etag=after)[0].startswith("304")
    assert renders[0] == 2


def test_a_new_catalog_changes_the_index(setup: Any) -> None:
    app, _clock, _renders, out = setup
    _, before, _ = get(app, "honour")
    write_catalog(out, [entry(DAY, "a"), entry(DAY, "c"), entry(DAY + dt.timedelta(days=1), "b")])
    os.utime(out / "newsml" / "catalog.json", ns=(1, 1))  # a new file, whatever its time
    status, after, body = get(app, "honour", etag=before)
    assert status.startswith("200") and after != before and b"/c.xml" in body


def test_only_reading_a_catalog_or_rendering_is_left_to_a_thread(setup: Any) -> None:
    app, _clock, renders, out = setup
    assert app.answer_now(request("honour")) is None  # the catalog is not read yet
    _, etag, body = get(app, "honour")
    quick = app.answer_now(request("honour"))
    assert quick is not None and quick.status.startswith("200") and quick.body == body
    assert app.answer_now(request("early")) is None  # another partner's index: not rendered yet
    fresh = make_app(app.settings, clock=app.clock)
    get(fresh, "early")  # reads the catalog, renders another index
    answer = fresh.answer_now(request("honour", etag=etag))
    assert answer is not None and answer.status.startswith("304")  # ETag known, nothing rendered
    write_catalog(out, [entry(DAY, "d")])
    os.utime(out / "newsml" / "catalog.json", ns=(2, 2))
    assert app.answer_now(request("honour", etag=etag)) is None  # a changed catalog: read it first
    assert renders[0] == 2


def test_a_repeated_poll_is_answered_from_memos_and_a_wrong_token_still_fails(
    setup: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A partner polling with its ETag is authenticated, parsed and logged from memos (its token
    checked once); any other header is checked in full: a wrong token after a right one is 401."""
    import logging

    app, _clock, _renders, _out = setup
    _, etag, _ = get(app, "honour", "since=2024-05-01T00:00:00%2B08:00")
    checks = [0]
    real = p.authenticate

    def counting(*args: Any) -> bool:
        checks[0] += 1
        return real(*args)

    monkeypatch.setattr(p, "authenticate", counting)
    with caplog.at_level(logging.INFO, logger="syndicate.serve"):
        caplog.clear()  # the first request's line (when another test left INFO on)
        for _ in range(3):
            assert get(app, "honour", "since=2024-05-01T00:00:00%2B08:00", etag)[0].startswith("304")
        assert checks[0] == 0
        wrong = request("honour", etag=etag) | {"HTTP_AUTHORIZATION": "Bearer early-token"}
        assert app.handle(wrong).status.startswith("401") and checks[0] == 1
        assert app.handle(wrong | {"HTTP_AUTHORIZATION": ""}).status.startswith("401")
    lines = [r.getMessage() for r in caplog.records]
    assert (
        lines[:3]
        == ["partner=honour GET /partners/honour/index.atom?since=2024-05-01T00:00:00%2B08:00 -> 304"] * 3
    )
    assert lines[3:] == [
        "partner=honour GET /partners/honour/index.atom -> 401 (wrong token)",
        "partner=honour GET /partners/honour/index.atom -> 401 (no bearer token)",
    ]
    assert app._verified == {("honour", "Bearer honour-token"): app.partners["honour"]}


def test_a_bad_since_is_refused_each_time(setup: Any) -> None:
    app, _clock, _renders, _out = setup
    for _ in range(2):
        assert app.handle(request("honour", "since=yesterday")).status.startswith("400")
