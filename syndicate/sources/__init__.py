"""Sources deliver issues (dated sets of decoded pages); they never parse page text.

``folder``: a drop folder of ``<YYYY-MM-DD>/`` issue folders (CONTRACT.md section 1).
``http``: an e-paper server, one manifest per date (see ``sources.http``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from ..errors import SourceError
from ..model import Issue
from .localfile import ReadLimits
from .stamps import Pending

if TYPE_CHECKING:
    from ..config import Settings


class IssueSource(Protocol):
    def issues(self, dates: Iterable[dt.date] | None = None) -> Iterator[Issue | SourceError | Pending]:
        """Every issue available (or only those of ``dates``); a date that failed yields its error,
        an issue may come unread, as ``stamps.Pending`` (read when taken) or ``stamps.Unchanged``
        (known unchanged without reading it)."""
        ...


def _folder(settings: Settings) -> IssueSource:
    from .folder import FolderSource

    return FolderSource(settings.source_dir, settings.sections, read_limits(settings))


def _http(settings: Settings) -> IssueSource:
    from .http import HttpSource

    return HttpSource(settings)


@dataclass(frozen=True)
class SourceType:
    """One value of ``source.type``: how to open it, and whether ``source.path`` must be a folder."""

    name: str
    open: Callable[[Settings], IssueSource]
    reads_folder: bool = False  # preflight refuses a source.path that is not a folder


# The table of source types (config's ``source.type`` accepts exactly these names; a test checks it).
SOURCE_TYPES: dict[str, SourceType] = {
    t.name: t for t in (SourceType("folder", _folder, reads_folder=True), SourceType("http", _http))
}


def open_source(settings: Settings) -> IssueSource:
    """The source the configuration names."""
    return SOURCE_TYPES[settings.source.type].open(settings)


def read_limits(settings: Settings) -> ReadLimits:
    """The caps of ``[source]`` on what one issue may make a pass read."""
    return ReadLimits(settings.source.max_page_bytes, settings.source.max_pages)
