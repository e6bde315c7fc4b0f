"""Log timestamps carry their zone: the publication's once the configuration is read."""

from __future__ import annotations

import datetime as dt
import logging
import re
import subprocess
import sys
import zoneinfo
from pathlib import Path

import pytest

from syndicate import logs

STAMP = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d) ")


def test_timestamps_are_iso_8601_in_the_publications_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logs.ZonedFormatter, "zone", None)
    formatter = logs.ZonedFormatter(logs.FORMAT)
    record = logging.LogRecord("syndicate", logging.INFO, __file__, 1, "pass done", None, None)
    record.created = dt.datetime(2023, 10, 23, 18, 30, tzinfo=dt.UTC).timestamp()
    logs.use_zone(zoneinfo.ZoneInfo("Asia/Shanghai"))
    line = formatter.format(record)
    assert line.startswith("2023-10-24T02:30:00.000+08:00 INFO syndicate: pass done"), line


def test_the_cli_logs_with_the_zone_of_the_configuration(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "syndicate", "backfill", "--from", "2023-10-24", "--to", "2023-10-24"]
        + ["--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    stamped = [m.group(1) for line in done.stderr.splitlines() if (m := STAMP.match(line))]
    assert stamped, done.stderr
    assert all(s.endswith("+08:00") for s in stamped), stamped  # Asia/Shanghai, the default publication


def test_timestamps_formatted_once_a_second_match_formatting_each_record(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    formatter = logs.ZonedFormatter(logs.FORMAT)
    record = logging.LogRecord("syndicate", logging.INFO, __file__, 1, "m", None, None)
    start = dt.datetime(2024, 3, 10, 6, 59, 59, tzinfo=dt.UTC).timestamp()  # New York's clocks change
    # Same second, the next, a rounding up into the next second, back again; and a zone switch.
    offsets = [0.0004, 0.5, 0.9999996, 1.2, 0.7, 3600.25, 0.9994999]
    for zone in (None, zoneinfo.ZoneInfo("America/New_York"), zoneinfo.ZoneInfo("Asia/Shanghai"), dt.UTC):
        monkeypatch.setattr(logs.ZonedFormatter, "zone", zone)
        for offset in offsets:
            record.created = start + offset
            moment = dt.datetime.fromtimestamp(record.created, zone or dt.UTC)
            expected = (moment if zone else moment.astimezone()).isoformat(timespec="milliseconds")
            assert formatter.formatTime(record) == expected, (zone, offset)
