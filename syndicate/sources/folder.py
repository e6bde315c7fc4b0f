"""The drop-folder source: ``<root>/<YYYY-MM-DD>/page-NN.txt`` with an optional ``issue.toml``."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from ..errors import SourceError
from ..model import Issue, Page
from ..rules import chinese_numeral
from .decode import decode_page

PAGE_FILE = re.compile(r"^page-(\d{1,3})\.txt$")
DATE_DIR = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def page_label(number: int) -> str:
    """第一版, 第十二版, 第一百零一版: the default section name of a page without configuration."""
    return f"第{chinese_numeral(number)}版"


def _manifest(folder: Path) -> dict[str, Any]:
    path = folder / "issue.toml"
    if not path.exists():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SourceError(f"{path}: cannot read issue manifest: {exc}") from None


def read_issue_dir(folder: Path, sections: Mapping[int, str] | None = None) -> Issue:
    """Read one issue folder. Pages that cannot be decoded are left out and named in ``problems``."""
    if not folder.is_dir():
        raise SourceError(f"{folder}: not an issue folder")
    meta = _manifest(folder)
    try:
        date = dt.date.fromisoformat(str(meta.get("date") or folder.name))
    except ValueError:
        raise SourceError(
            f"{folder}: no issue date (name the folder YYYY-MM-DD or give date in issue.toml)"
        ) from None
    listed: dict[int, tuple[Path, str | None]] = {}
    for entry in meta.get("pages", []):
        try:
            listed[int(entry["number"])] = (folder / str(entry["file"]), entry.get("name"))
        except (KeyError, TypeError, ValueError):
            raise SourceError(f"{folder / 'issue.toml'}: each [[pages]] needs number and file") from None
    if not listed:
        for path in sorted(folder.iterdir()):
            m = PAGE_FILE.match(path.name)
            if m:
                listed[int(m.group(1))] = (path, None)
    pages: list[Page] = []
    problems: list[str] = []
    for number, (path, name) in sorted(listed.items()):
        try:
            data = path.read_bytes()
            decoded = decode_page(data, str(path))
        except OSError as exc:
            problems.append(f"{path}: cannot read page: {exc.strerror}")
            continue
        except SourceError as exc:
            problems.append(str(exc))
            continue
        section = name or (sections or {}).get(number) or page_label(number)
        digest = hashlib.sha256(data).hexdigest()
        pages.append(Page(number, section, decoded.text, str(path), decoded.encoding, digest))
    if not pages and not problems:
        raise SourceError(f"{folder}: no page files (expected page-01.txt, page-02.txt, ...)")
    return Issue(date, tuple(pages), meta.get("publication"), tuple(problems))


class FolderSource:
    """Every ``<YYYY-MM-DD>/`` folder under ``root``; the pipeline skips unchanged ones by hash."""

    def __init__(self, root: Path, sections: Mapping[int, str] | None = None) -> None:
        self.root = root
        self.sections = sections

    def issues(self, dates: Iterable[dt.date] | None = None) -> Iterator[Issue | SourceError]:
        if not self.root.is_dir():
            yield SourceError(f"{self.root}: source folder does not exist")
            return
        wanted = {d.isoformat() for d in dates} if dates is not None else None
        for folder in sorted(self.root.iterdir()):
            if not folder.is_dir() or not DATE_DIR.match(folder.name):
                continue
            if wanted is not None and folder.name not in wanted:
                continue
            try:
                yield read_issue_dir(folder, self.sections)
            except SourceError as exc:
                yield exc
