"""Times as the formats write them: RFC 3339 (Atom, NewsML, the catalog) and RFC 822 (RSS)."""

from __future__ import annotations

import datetime as dt
import email.utils
import re

_RFC3339 = re.compile(r"\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d:\d\d(\.\d+)?([Zz]|[+-]\d\d:\d\d)")


def rfc3339(t: dt.datetime, tz: dt.tzinfo) -> str:
    """RFC 3339 in the publication's zone, whole seconds: ``2023-10-24T06:00:00+08:00``."""
    return t.astimezone(tz).replace(microsecond=0).isoformat()


def rfc822(t: dt.datetime, tz: dt.tzinfo) -> str:
    """RFC 822 with a numeric offset (``Tue, 24 Oct 2023 06:00:00 +0800``), whatever the locale.

    feedgen's own formatter switches the process-wide locale to "C" and back, which races with
    any other thread (the scheduler runs passes in a thread pool), so it is never called."""
    return email.utils.format_datetime(t.astimezone(tz))


def parse_rfc3339(value: str) -> dt.datetime | None:
    """An aware datetime for an RFC 3339 date-time (offset required), or None."""
    value = value.strip()
    # An unencoded "+08:00" in a query string arrives as " 08:00": take it back.
    value = re.sub(r" (\d\d:\d\d)$", r"+\1", value)
    if not _RFC3339.fullmatch(value):
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.replace("z", "Z"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None
