"""Sources deliver issues (dated sets of decoded pages); they never parse page text.

``folder``: a drop folder of ``<YYYY-MM-DD>/`` issue folders (CONTRACT.md section 1).
``http``: an e-paper server, one manifest per date (see ``sources.http``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Protocol

from ..errors import SourceError
from ..model import Issue
from .localfile import ReadLimits

if TYPE_CHECKING:
    from ..config import Settings


class IssueSource(Protocol):
    def issues(self, dates: Iterable[dt.date] | None = None) -> Iterator[Issue | SourceError]:
        """Every issue available (or only those of ``dates``); a date that failed yields its error."""
        ...


def open_source(settings: Settings) -> IssueSource:
    """The source the configuration names."""
    if settings.source.type == "http":
        from .http import HttpSource

        return HttpSource(settings)
    from .folder import FolderSource

    return FolderSource(settings.source_dir, settings.sections, read_limits(settings))


def read_limits(settings: Settings) -> ReadLimits:
    """The caps of ``[source]`` on what one issue may make a pass read."""
    return ReadLimits(settings.source.max_page_bytes, settings.source.max_pages)
