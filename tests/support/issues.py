"""The one issue builder: an ``Issue`` in memory (``issue``), or an issue folder on disk
(``write_issue``, ``sample_issue``, ``drop_folder``) made from the sample issue shipped in the package.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path

from syndicate.config import SAMPLE_DIR
from syndicate.model import Issue, Page

SAMPLE = SAMPLE_DIR / "2023-10-24"
DAY = dt.date(2023, 10, 24)


def section_of(number: int) -> str:
    """The sections of the test pages: the front page is 要闻, every other page 综合."""
    return "要闻" if number == 1 else "综合"


def issue(
    pages: Mapping[int, str] | Sequence[str],
    *,
    date: dt.date = DAY,
    problems: Sequence[str] = (),
    publication: str | None = "西海岸新闻",
) -> Issue:
    """An issue of ``pages`` (page number -> text, or texts numbered from 1), as a source delivers it:
    ``page-NN.txt`` names, UTF-8, the SHA-256 of the text as the page's hash."""
    numbered = dict(pages) if isinstance(pages, Mapping) else dict(enumerate(pages, 1))
    made = tuple(
        Page(n, section_of(n), text, f"page-{n:02d}.txt", "utf-8", hashlib.sha256(text.encode()).hexdigest())
        for n, text in sorted(numbered.items())
    )
    return Issue(date, made, publication, tuple(problems))


def sample_page(number: int) -> str:
    return (SAMPLE / f"page-{number:02d}.txt").read_text(encoding="utf-8")


def write_issue(root: Path, day: dt.date, pages: dict[int, str | bytes], manifest: bool = False) -> Path:
    """``root/<day>/page-NN.txt`` (text as UTF-8, bytes as they are); returns the issue folder."""
    folder = root / day.isoformat()
    folder.mkdir(parents=True, exist_ok=True)
    for number, content in pages.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (folder / f"page-{number:02d}.txt").write_bytes(data)
    if manifest:
        shutil.copy(SAMPLE / "issue.toml", folder / "issue.toml")
        text = (folder / "issue.toml").read_text(encoding="utf-8")
        (folder / "issue.toml").write_text(text.replace("2023-10-24", day.isoformat()), encoding="utf-8")
    return folder


def sample_issue(root: Path, day: dt.date = DAY) -> Path:
    """The shipped sample issue, re-dated to ``day`` (its text says which day it is)."""
    mark = f"{day.month}月{day.day}日"
    pages = {n: sample_page(n).replace("10月24日", mark) for n in (1, 2)}
    return write_issue(root, day, dict(pages), manifest=True)


def drop_folder(root: Path, days: int, first: dt.date = dt.date(2023, 10, 1)) -> Path:
    """A drop folder of ``days`` consecutive sample issues."""
    for n in range(days):
        sample_issue(root, first + dt.timedelta(days=n))
    return root
