"""The drop-folder source: ``<root>/<YYYY-MM-DD>/page-NN.txt`` with an optional ``issue.toml``."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from .. import fixes as desk_fixes
from .. import lazyre
from ..errors import SourceError
from ..model import Issue, Page
from ..rules import chinese_numeral
from .decode import decode_page
from .localfile import DEFAULT_LIMITS, ReadLimits, is_inside, listed_file, page_number, read_capped
from .stamps import Pending, StampBook, Unchanged, folder_stamp, record, recorded, recorded_stamps

# ASCII digits only (``\d`` also matches ``١`` or ``１``, which would read ``page-١.txt`` as page 1).
PAGE_FILE = lazyre.compile(r"^page-([0-9]{1,3})\.txt$", re.ASCII)
DATE_DIR = lazyre.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", re.ASCII)
MAX_MANIFEST_BYTES = 1024 * 1024


def page_label(number: int) -> str:
    """第一版, 第十二版, 第一百零一版: the default section name of a page without configuration."""
    return f"第{chinese_numeral(number)}版"


def _manifest(folder: Path, root: Path) -> dict[str, Any]:
    path = folder / "issue.toml"
    if not path.exists() and not path.is_symlink():
        return {}
    data = read_capped(path, root, MAX_MANIFEST_BYTES, "issue manifest", "the manifest cap")
    import tomllib  # only for a folder with a manifest (start-up of `syndicate articles`)

    try:
        return tomllib.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SourceError(f"{path}: cannot read issue manifest: {exc}") from None


def _issue_date(folder: Path, meta: Mapping[str, Any]) -> dt.date:
    try:
        return dt.date.fromisoformat(str(meta.get("date") or folder.name))
    except ValueError:
        raise SourceError(
            f"{folder}: no issue date (name the folder YYYY-MM-DD or give date in issue.toml)"
        ) from None


Listed = dict[int, tuple[Path, str | None]]


def _listed(folder: Path, entries: Any, problems: list[str]) -> Listed:
    """The pages ``issue.toml`` lists; a ``file`` outside the folder is a problem for its page."""
    where = folder / "issue.toml"
    if not isinstance(entries, list):
        raise SourceError(f"{where}: pages must be [[pages]] tables with number and file")
    listed: Listed = {}
    for n, entry in enumerate(entries, 1):
        number = page_number(entry.get("number")) if isinstance(entry, dict) else None
        if number is None or "file" not in entry:
            raise SourceError(f"{where}: pages[{n}]: each [[pages]] needs number (1, 2, ...) and file")
        try:
            listed[number] = (listed_file(folder, entry["file"], f"{where}: pages[{n}]"), entry.get("name"))
        except SourceError as exc:
            problems.append(str(exc))
    return listed


def manifest_labels(entries: Any) -> dict[int, str]:
    """``[[pages]] label`` of each listed page (A01, B02, 第二版): how jump markers name it."""
    labels: dict[int, str] = {}
    for entry in entries if isinstance(entries, list) else ():
        number = page_number(entry.get("number")) if isinstance(entry, dict) else None
        if number is not None and isinstance(entry.get("label"), str | int) and str(entry["label"]).strip():
            labels[number] = str(entry["label"]).strip()
    return labels


def _found(folder: Path) -> Listed:
    """Without a manifest: the ``page-NN.txt`` files of the folder."""
    listed: Listed = {}
    for path in sorted(folder.iterdir()):
        m = PAGE_FILE.match(path.name)
        if m:
            listed[int(m.group(1))] = (path, None)
    return listed


def read_issue_dir(
    folder: Path,
    sections: Mapping[int, str] | None = None,
    *,
    root: Path | None = None,
    limits: ReadLimits = DEFAULT_LIMITS,
) -> Issue:
    """Read one issue folder of the drop folder ``root`` (default: the folder's parent).

    Pages that cannot be read (outside ``root``, not a regular file, over the size cap,
    undecodable) are left out and named in ``problems``.
    """
    root = root or folder.parent
    if not folder.is_dir():
        raise SourceError(f"{folder}: not an issue folder")
    if not is_inside(folder, root):
        raise SourceError(f"{folder}: refused: the issue folder leads outside the drop folder {root}")
    meta = _manifest(folder, root)
    date = _issue_date(folder, meta)
    fixes, problems = desk_fixes.parse(meta.get("fix"), str(folder / "issue.toml"))
    listed = _listed(folder, meta["pages"], problems) if meta.get("pages") else _found(folder)
    if len(listed) > limits.max_pages:
        raise SourceError(f"{folder}: {len(listed)} pages, more than {limits.max_pages} (source.max_pages)")
    pages: list[Page] = []
    unreadable: list[int] = []
    labels = manifest_labels(meta.get("pages"))
    for number, (path, name) in sorted(listed.items()):
        try:
            data = read_capped(path, root, limits.max_page_bytes)
            decoded = decode_page(data, str(path))
        except SourceError as exc:
            problems.append(str(exc))
            unreadable.append(number)  # listed, not read: keeps its last stored text
            continue
        section = name or (sections or {}).get(number) or page_label(number)
        digest = hashlib.sha256(data).hexdigest()
        label = labels.get(number, "")
        pages.append(Page(number, section, decoded.text, str(path), decoded.encoding, digest, label))
    if not pages and not problems:
        raise SourceError(f"{folder}: no page files (expected page-01.txt, page-02.txt, ...)")
    return Issue(date, tuple(pages), meta.get("publication"), tuple(problems), tuple(unreadable), fixes)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    """As ``Path.is_dir`` (a symlink to a folder counts; one that cannot be followed does not)."""
    try:
        return entry.is_dir()
    except OSError:
        return False


class FolderSource:
    """Every ``<YYYY-MM-DD>/`` folder under ``root``; the pipeline skips unchanged ones by hash.

    Any other entry (``20231027/``, ``2023-10-28.bak/``, a stray file) is reported as a problem
    naming it, since it is most likely an issue dropped under the wrong name; hidden entries
    (a leading dot: upload tools' temporary names) are passed over. With ``stamps`` (the
    pipeline gives it the store), a folder whose files are unchanged since it was read is
    delivered as ``Unchanged`` without reading it (``stamps.py``), and any other as ``Pending``:
    read when the pass takes it, one issue at a time.
    """

    stamps: StampBook | None = None

    def __init__(
        self, root: Path, sections: Mapping[int, str] | None = None, limits: ReadLimits = DEFAULT_LIMITS
    ) -> None:
        self.root = root
        self.sections = sections
        self.limits = limits

    def issues(self, dates: Iterable[dt.date] | None = None) -> Iterator[Issue | SourceError | Pending]:
        if not self.root.is_dir():
            yield SourceError(f"{self.root}: source folder does not exist")
            return
        wanted = {d.isoformat() for d in dates} if dates is not None else None
        # every stamp in one query, the settings that shape a reading in one string, and the
        # root's listing by scandir (its file types come with it: no stat to tell a folder)
        known = recorded_stamps(self.stamps) if self.stamps is not None else {}
        context = repr((sorted((self.sections or {}).items()), self.limits))
        with os.scandir(self.root) as listing:
            entries = sorted(listing, key=lambda e: e.name)
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if not DATE_DIR.match(entry.name) or not _is_dir(entry):
                yield SourceError(
                    f"{self.root / entry.name}: not an issue, left out (an issue is a folder named YYYY-MM-DD)"
                )
                continue
            if wanted is not None and entry.name not in wanted:
                continue
            yield self._issue(entry.path, known, context)

    def _issue(
        self, where: str, known_stamps: Mapping[str, str], context: str
    ) -> Issue | SourceError | Pending:
        """The folder at ``where`` (its path as listed: an unchanged folder, most of a drop folder
        on a nightly pass, is looked at without a ``Path`` made for it)."""
        book = self.stamps
        known = recorded(known_stamps, where, context) if book is not None else None
        # a folder not known unchanged is looked at in full before it is read: a file changed
        # while it is read leaves the older stamp, so the next pass reads it again
        stamp = folder_stamp(where, context) if known is None and book is not None else None

        def read() -> Issue:
            issue = read_issue_dir(Path(where), self.sections, root=self.root, limits=self.limits)
            # an issue with refused pages is read again; an unchanged folder read after all (its
            # date's stored content came from another folder) keeps the record it has
            if book is not None and stamp is not None and not issue.problems:
                record(book, where, stamp, issue)
            return issue

        try:
            if book is None:
                return read()
            if known is not None:
                return Unchanged(known[0], where, read, known[1])
            # read when the pass takes it; its date now (a manifest may name another than the folder)
            folder = Path(where)
            if not is_inside(folder, self.root):
                raise SourceError(
                    f"{folder}: refused: the issue folder leads outside the drop folder {self.root}"
                )
            return Pending(_issue_date(folder, _manifest(folder, self.root)), where, read)
        except SourceError as exc:
            return exc
