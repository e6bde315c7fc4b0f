"""Log lines with the zone in their timestamps: ``2023-10-24T02:30:00.123+08:00 INFO syndicate…``.

A nightly job's log is read against the paper's clock (02:30 in Shanghai) by people who may sit in
another zone, and against a server's UTC logs: a bare ``2023-10-24 02:30:00`` says neither. Times
are in the publication's zone once a configuration is loaded (``use_zone``), the machine's zone
before that; either way with their UTC offset.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class ZonedFormatter(logging.Formatter):
    """ISO 8601 timestamps with milliseconds and the offset of ``zone`` (None: the machine's)."""

    zone: dt.tzinfo | None = None
    # (second, zone, "2023-10-24T02:30:00", "+08:00") of the last record: a server logging every
    # partner request formats the date and looks up the offset once a second, not once a line.
    _second: tuple[int, dt.tzinfo | None, str, str] | None = None

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:  # noqa: N802
        whole, fraction = divmod(record.created, 1)
        second, micro = int(whole), round(fraction * 1_000_000)  # as datetime.fromtimestamp rounds
        if micro == 1_000_000:
            second, micro = second + 1, 0
        cached = self._second
        if cached is None or cached[0] != second or cached[1] is not self.zone:
            moment = dt.datetime.fromtimestamp(second, self.zone or dt.UTC)
            if self.zone is None:
                moment = moment.astimezone()  # the machine's zone, with its offset
            text = moment.isoformat(timespec="seconds")
            cached = self._second = (second, self.zone, text[:19], text[19:])
        return f"{cached[2]}.{micro // 1000:03d}{cached[3]}"


def setup(debug: bool = False) -> None:
    """Log to stderr with zoned timestamps (the CLI calls this once)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(ZonedFormatter(FORMAT))
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h.formatter, ZonedFormatter)]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    # FORMAT names no caller, thread or process: not looked up for each record (the server logs
    # every partner request, 304s included; see "Optimization" in the logging HOWTO).
    logging._srcfile = None
    logging.logThreads = logging.logProcesses = logging.logMultiprocessing = False


def use_zone(zone: dt.tzinfo) -> None:
    """Write the timestamps of every zoned handler in ``zone`` (the publication's) from now on."""
    ZonedFormatter.zone = zone
