"""Operator and partner endpoints of round 2: /healthz, /metrics, and ninjs items for partners.

Passes run for real (the sample issue, a pinned clock); the app is asked in-process with its own
clock where time matters, and once through the real server (uvicorn) on loopback.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from wsgiref.util import setup_testing_defaults

import pytest
import requests
from prometheus_client.parser import text_string_to_metric_families
from support.jsonschemas import ninjs_errors
from test_serve import running

from syndicate import config, pipeline, status
from syndicate.config import SAMPLE_DIR
from syndicate.serve import make_app

DAY = dt.date(2023, 10, 24)
NIGHT = dt.datetime(2023, 10, 23, 18, 30, tzinfo=dt.UTC)  # 02:30 in Shanghai, before the 06:00 release
LATER = dt.datetime(2023, 10, 24, 2, 0, tzinfo=dt.UTC)  # 10:00 in Shanghai: released
TOKENS = {"hq": "hq-token", "wire": "wire-token", "early": "early-token"}


def settings(tmp: Path, **extra: Any) -> config.Settings:
    src = tmp / "src"
    if not src.exists():
        shutil.copytree(SAMPLE_DIR, src)
    partners = [
        {"id": "hq", "token_sha256": _sha("hq"), "sections": ["*"], "format": "ninjs"},
        {"id": "wire", "token_sha256": _sha("wire"), "sections": ["综合"], "times": "utc"},
        {"id": "early", "token_sha256": _sha("early"), "sections": ["*"], "embargo": "deliver"},
    ]
    data = {
        "source": {"type": "folder", "path": str(src)},
        "output": {"dir": str(tmp / "out")},
        "partners": partners,
        **extra,
    }
    return config.parse(data, tmp)


def _sha(partner: str) -> str:
    return hashlib.sha256(TOKENS[partner].encode()).hexdigest()


def call(app: Any, path: str, partner: str | None = None) -> tuple[int, dict[str, str], bytes]:
    environ: dict[str, Any] = {"PATH_INFO": path.split("?")[0], "QUERY_STRING": path.partition("?")[2]}
    setup_testing_defaults(environ)
    environ["wsgi.input"] = io.BytesIO()
    if partner:
        environ["HTTP_AUTHORIZATION"] = f"Bearer {TOKENS[partner]}"
    got: dict[str, Any] = {}

    def start(status_line: str, headers: list[tuple[str, str]], exc_info: object = None) -> None:
        got["status"], got["headers"] = int(status_line[:3]), dict(headers)

    body = b"".join(app(environ, start))
    return got["status"], got["headers"], body


@pytest.fixture(scope="module")
def released(tmp_path_factory: pytest.TempPathFactory) -> config.Settings:
    s = settings(tmp_path_factory.mktemp("released"))
    pipeline.run_pass(s, now=LATER)
    return s


# --- /healthz ------------------------------------------------------------------------------------


def test_healthz_is_503_before_any_pass(tmp_path: Path) -> None:
    code, headers, body = call(make_app(settings(tmp_path)), "/healthz")
    assert code == 503 and headers["Content-Type"] == "application/json"
    assert json.loads(body)["status"] == "unknown"


def test_healthz_is_200_with_time_and_outcome_after_a_good_pass(released: config.Settings) -> None:
    app = make_app(released, clock=lambda: LATER + dt.timedelta(hours=1))
    code, headers, body = call(app, "/healthz")
    doc = json.loads(body)
    assert code == 200 and doc["status"] == "ok", doc
    assert doc["last_pass"]["outcome"] == "ok" and doc["last_pass"]["articles_published"] == 5
    assert dt.datetime.fromisoformat(doc["last_pass"]["started"]) == LATER
    assert headers["Cache-Control"] == "no-store"


def test_healthz_is_503_when_the_last_pass_is_older_than_the_limit(released: config.Settings) -> None:
    limit = dt.timedelta(hours=released.health.max_age_hours)
    app = make_app(released, clock=lambda: LATER + limit + dt.timedelta(minutes=5))
    code, _headers, body = call(app, "/healthz")
    assert code == 503 and "ago" in json.loads(body)["reason"]


def test_healthz_is_503_after_a_failed_pass_and_200_after_the_next_good_one(tmp_path: Path) -> None:
    s = settings(tmp_path)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "state").write_text("a file where the state folder should be")
    with pytest.raises(Exception):  # noqa: B017 - whatever the store raises, the failure is recorded
        pipeline.run_pass(s, now=LATER)
    (tmp_path / "out" / "state").unlink()
    # the record could not be written into a state "folder" that is a file: still no healthy answer
    assert call(make_app(s, clock=lambda: LATER), "/healthz")[0] == 503
    pipeline.run_pass(s, now=LATER)
    assert call(make_app(s, clock=lambda: LATER), "/healthz")[0] == 200


def test_a_failing_pass_is_recorded_as_failed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    s = settings(tmp_path)
    pipeline.run_pass(s, now=LATER)

    def broken(*args: object, **kw: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("syndicate.publish.write.write_all", broken)
    with pytest.raises(OSError):
        pipeline.run_pass(s, now=LATER + dt.timedelta(hours=1))
    code, _headers, body = call(make_app(s, clock=lambda: LATER + dt.timedelta(hours=1)), "/healthz")
    doc = json.loads(body)
    assert code == 503 and doc["last_pass"]["outcome"] == "failed"
    assert "No space left" in doc["reason"]
    recorded = status.read(s.state_dir)
    assert recorded is not None and recorded.totals.passes == 2 and recorded.totals.failed == 1


# --- /metrics ------------------------------------------------------------------------------------


def _samples(body: bytes) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(body.decode())
        for s in family.samples
    }


def test_metrics_in_prometheus_text_format(released: config.Settings) -> None:
    app = make_app(released, clock=lambda: LATER)
    call(app, "/index.html")
    call(app, "/no-such-file")
    call(app, "/partners/hq/index.atom")  # no token: 401
    code, headers, body = call(app, "/metrics")
    assert code == 200 and headers["Content-Type"].startswith("text/plain; version=0.0.4")
    got = _samples(body)
    assert got[("syndicate_passes_total", ())] == 1
    assert got[("syndicate_passes_failed_total", ())] == 0
    assert got[("syndicate_articles_published_total", ())] == 5
    assert got[("syndicate_problems_total", ())] == 0
    assert got[("syndicate_last_pass_success", ())] == 1
    assert got[("syndicate_last_pass_timestamp_seconds", ())] >= LATER.timestamp()
    for code_ in ("200", "404", "401"):
        assert got[("syndicate_http_requests_total", (("status", code_),))] == 1


# --- ninjs for partners ----------------------------------------------------------------------------


ITEM = "/partners/{p}/ninjs/2023-10-24/20231024-0201.json"


def test_ninjs_item_is_served_valid_with_the_same_rights_as_newsml(released: config.Settings) -> None:
    app = make_app(released, clock=lambda: LATER)
    code, headers, body = call(app, ITEM.format(p="hq"), "hq")
    assert code == 200 and headers["Content-Type"] == "application/json"
    assert ninjs_errors(body) == []
    doc = json.loads(body)
    assert doc["versioncreated"].endswith("+08:00") and "embargoed" not in doc
    newsml = call(app, ITEM.format(p="hq").replace("ninjs", "newsml").replace(".json", ".xml"), "hq")
    assert newsml[0] == 200
    assert call(app, ITEM.format(p="hq"))[0] == 401  # no token
    assert call(app, ITEM.format(p="wire").replace("0201", "0101"), "wire")[0] == 404  # not its section


def test_ninjs_times_in_utc_when_the_partner_or_the_request_asks(released: config.Settings) -> None:
    app = make_app(released, clock=lambda: LATER)
    code, _h, body = call(app, ITEM.format(p="wire"), "wire")  # partner times = "utc"
    assert code == 200 and ninjs_errors(body) == []
    assert json.loads(body)["versioncreated"].endswith("Z")
    local = json.loads(call(app, ITEM.format(p="wire") + "?times=local", "wire")[2])
    utc = json.loads(call(app, ITEM.format(p="hq") + "?times=utc", "hq")[2])
    assert local["versioncreated"].endswith("+08:00") and utc["versioncreated"].endswith("Z")
    assert dt.datetime.fromisoformat(local["versioncreated"]) == dt.datetime.fromisoformat(
        utc["versioncreated"]
    )
    assert call(app, ITEM.format(p="hq") + "?times=cet", "hq")[0] == 400


def test_ninjs_under_embargo_follows_the_partners_embargo_rule(tmp_path: Path) -> None:
    s = settings(tmp_path)
    pipeline.run_pass(s, now=NIGHT)
    app = make_app(s, clock=lambda: NIGHT)
    assert call(app, ITEM.format(p="hq"), "hq")[0] == 404  # honours the embargo
    code, _h, body = call(app, ITEM.format(p="early"), "early")  # "deliver": early, marked
    assert code == 200 and json.loads(body)["embargoed"] == "2023-10-24T06:00:00+08:00"
    assert ninjs_errors(body) == []


def test_partner_index_links_to_the_partners_format(released: config.Settings) -> None:
    app = make_app(released, clock=lambda: LATER)
    hq = call(app, "/partners/hq/index.atom", "hq")[2].decode()
    early = call(app, "/partners/early/index.atom", "early")[2].decode()
    assert "/partners/hq/ninjs/2023-10-24/" in hq and "/newsml/" not in hq  # (feedgen drops entry link types)
    assert "/partners/early/newsml/2023-10-24/" in early and "/ninjs/" not in early


def test_healthz_metrics_and_ninjs_through_the_real_server(released: config.Settings) -> None:
    with running(released) as base:
        health = requests.get(f"{base}/healthz", timeout=10)
        assert health.status_code in (200, 503) and "last_pass" in health.json()  # real clock: stale
        metrics = requests.get(f"{base}/metrics", timeout=10)
        assert metrics.status_code == 200 and "syndicate_passes_total 1.0" in metrics.text
        item = requests.get(
            base + ITEM.format(p="hq"), headers={"Authorization": "Bearer hq-token"}, timeout=10
        )
        assert item.status_code == 200 and ninjs_errors(item.content) == []


@pytest.fixture(autouse=True)
def _no_stray_state() -> Iterator[None]:
    yield
