"""Builders shared by the publish tests: hand-built articles and stored versions, the site, a fake
source and reader.

Page text of a fake issue: one article per line, ``id|section|headline|para;para`` on its own page;
a line ``+id|para;para`` continues article ``id`` from an earlier page (a jump). An article whose
page carries ``>`` at the end of its line jumps out; while no continuation is present it is
incomplete, with an unresolved jump.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from syndicate import config, pipeline
from syndicate.errors import SourceError
from syndicate.model import Article, Issue, Jump, Part, Reading, StoredArticle
from syndicate.publish import Site, site_for

from . import issues

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden" / "publish"
TOOLS = ROOT.parent / "shared" / "tools"
DAY = dt.date(2023, 10, 24)
# the nightly job's time: 02:30 in Shanghai, before the 06:00 release
NIGHT = dt.datetime(2023, 10, 23, 18, 30, tzinfo=dt.UTC)
MORNING = dt.datetime(2023, 10, 24, 1, 0, tzinfo=dt.UTC)  # 09:00 in Shanghai: released


def article(
    id: str = "20231024-0101",
    *,
    date: dt.date = DAY,
    section: str = "要闻",
    headline: str = "青岛开发区聚力推动王台老工业区蝶变升级",
    paragraphs: tuple[str, ...] = (
        "根据我区开展主题教育工作安排，今天下午进行集体学习研讨。",
        "会议强调，要牢固树立正确的政绩观。",
    ),
    byline: tuple[str, ...] = ("李涛",),
    pages: tuple[int, ...] = (1,),
    **kw: object,
) -> Article:
    parts = tuple(Part(p, 1, 1, 10, paragraphs[0][:20], paragraphs[-1][-20:]) for p in pages)
    defaults: dict[str, object] = {
        "headline_derived": False,
        "kicker": None,
        "subheadline": None,
        "dateline": "本报10月24日讯",
    }
    defaults.update(kw)
    return Article(
        id=id,
        date=date,
        section=section,
        headline=headline,
        byline=byline,
        paragraphs=paragraphs,
        parts=parts,
        **defaults,  # type: ignore[arg-type]
    )


def item(
    a: Article | None = None, *, version: int = 1, seq: int = 0, created: dt.datetime = NIGHT, **kw: object
) -> StoredArticle:
    return StoredArticle(a or article(), version, seq, NIGHT, created, **kw)  # type: ignore[arg-type]


def site(**publication: object) -> Site:
    """The default publication (西海岸新闻, +08:00, release 06:00) with sections 要闻 and 综合;
    ``publication`` overrides its fields (``provider="westcoast"``)."""
    made = site_for(config.defaults(Path("feeds")), ["要闻", "综合"])
    return dataclasses.replace(made, pub=made.pub.model_copy(update=publication))


def settings(out: Path, **output: object) -> config.Settings:
    return config.parse({"output": {"dir": str(out), **output}}, out)


# ---- a fake source and reader ----------------------------------------------------------------


def issue(date: dt.date, pages: dict[int, str], problems: tuple[str, ...] = ()) -> Issue:
    """An issue of fake pages (``support.issues.issue``, dated first)."""
    return issues.issue(pages, date=date, problems=problems)


def fake_read(issue: Issue, *conventions: object) -> Reading:
    """Reads the one-line-per-article fake page format (see the module docstring)."""
    arts: dict[str, dict[str, object]] = {}
    for page in sorted(issue.pages, key=lambda p: p.number):
        for line in page.text.splitlines():
            if line.startswith("+"):
                aid, paras = line[1:].split("|")
                if aid in arts:
                    arts[aid]["paragraphs"] += tuple(paras.split(";"))  # type: ignore[operator]
                    arts[aid]["pages"] += (page.number,)  # type: ignore[operator]
                    arts[aid]["open"] = False
                continue
            aid, section, headline, paras = line.split("|")
            jumps = paras.endswith(">")
            arts[aid] = {
                "section": section,
                "headline": headline,
                "paragraphs": tuple(paras.rstrip(">").split(";")),
                "pages": (page.number,),
                "open": jumps,
            }
    made = []
    for aid, a in arts.items():
        jump = Jump(2, "（下转第二版）", "二") if a["open"] else None
        made.append(
            article(
                aid,
                date=issue.date,
                section=str(a["section"]),
                headline=str(a["headline"]),
                paragraphs=a["paragraphs"],  # type: ignore[arg-type]
                pages=a["pages"],  # type: ignore[arg-type]
                complete=jump is None,
                unresolved_jump=jump,
            )
        )
    return Reading(issue.date, tuple(made), ())


class FakeSource:
    """Yields the issues (or errors) it was given."""

    def __init__(self, *got: Issue | SourceError) -> None:
        self.got = got

    def issues(self, dates: Iterable[dt.date] | None = None) -> Iterator[Issue | SourceError]:
        wanted = set(dates) if dates is not None else None
        for g in self.got:
            if isinstance(g, SourceError) or wanted is None or g.date in wanted:
                yield g


@pytest.fixture
def fake_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "read", fake_read)


PAGE1 = "\n".join(
    [
        "20231024-0101|要闻|又踏层峰满目新|根据我区开展主题教育工作安排，今天下午进行集体学习研讨。;会议强调，要牢固树立正确的政绩观。>",
        "20231024-0102|要闻|西海岸新区举行秋季招聘会|本报讯 昨天，新区秋季招聘会举行。",
    ]
)
PAGE2 = "\n".join(
    [
        "20231024-0201|综合|社区食堂开进老旧小区|本报讯 社区食堂近日开业。;居民纷纷点赞。",
        "+20231024-0101|要的是群众满意。;中心组成员作了交流研讨。",
    ]
)
