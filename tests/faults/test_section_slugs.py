"""Rows 7 and 8 (issue 10): section slugs assigned once and stored; sections of embargoed issues
appear nowhere public until release.

Row 7: slugs were recomputed from every section name, in name order, at every pass: a new
section 要文 took ``yaowen.rss.xml`` from 要闻 (whose subscribers silently got another section),
and a 200-character section name made every later pass fail with "File name too long".
Row 8: a section used only by an issue still under embargo showed on the front page, in the
OPML and as feed files before the issue was released.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lxml import etree
from support.faults import sample_page, write_issue

from syndicate import config, pipeline

DAY1, DAY2 = dt.date(2023, 10, 24), dt.date(2023, 10, 25)


def issue(src: Path, day: dt.date, sections: tuple[str, str]) -> None:
    """The sample's two pages, re-dated, under the given section names."""
    mark = f"{day.month}月{day.day}日"
    folder = write_issue(src, day, {n: sample_page(n).replace("10月24日", mark) for n in (1, 2)})
    pages = "".join(
        f'[[pages]]\nnumber = {n}\nname = "{name}"\nfile = "page-{n:02d}.txt"\n\n'
        for n, name in enumerate(sections, 1)
    )
    (folder / "issue.toml").write_text(f"date = {day.isoformat()}\n\n{pages}", encoding="utf-8")


def feed_title(out: Path, slug: str) -> str:
    root = etree.fromstring((out / "public" / f"{slug}.rss.xml").read_bytes())
    return str(root.findtext("channel/title"))


def release(day: dt.date, hours: int = 1) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(6 + hours), tzinfo=config.Publication().tz)


def test_a_new_section_never_takes_an_existing_feed_url(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    settings = config.defaults(out, src)
    issue(src, DAY1, ("要闻", "综合"))
    pipeline.run_pass(settings, now=release(DAY1))
    assert feed_title(out, "yaowen").endswith("要闻")
    issue(src, DAY2, ("要文", "综合"))
    report = pipeline.run_pass(settings, now=release(DAY2))
    assert not report.problems, report.problems
    assert feed_title(out, "yaowen").endswith("要闻")  # still the feed its subscribers chose
    assert feed_title(out, "yaowen-2").endswith("要文")


def test_a_very_long_section_name_gets_a_capped_slug_and_passes_go_on(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    settings = config.defaults(out, src)
    long_name = "特别报道" * 50
    issue(src, DAY1, (long_name, "综合"))
    report = pipeline.run_pass(settings, now=release(DAY1))
    assert not report.problems, report.problems
    names = [p.name for p in (out / "public").glob("*.rss.xml")]
    assert all(len(n) <= 80 for n in names), names
    assert any(feed_title(out, n.removesuffix(".rss.xml")).endswith(long_name) for n in names)
    issue(src, DAY2, ("要闻", "综合"))
    assert not pipeline.run_pass(settings, now=release(DAY2)).problems


def public_text(out: Path) -> str:
    return "".join(
        p.read_text(encoding="utf-8") for p in sorted((out / "public").glob("*")) if p.is_file()
    ) + " ".join(p.name for p in (out / "public").iterdir())


def test_a_section_of_an_embargoed_issue_appears_nowhere_public_until_release(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    settings = config.defaults(out, src)
    issue(src, DAY1, ("要闻", "综合"))
    pipeline.run_pass(settings, now=release(DAY1))
    issue(src, DAY2, ("要闻", "体育"))
    night = dt.datetime.combine(DAY2, dt.time(2, 30), tzinfo=config.Publication().tz)
    pipeline.run_pass(settings, now=night)
    text = public_text(out)
    assert "体育" not in text and "tiyu" not in text
    pipeline.run_pass(settings, now=release(DAY2))
    text = public_text(out)
    assert "体育" in text and (out / "public" / "tiyu.rss.xml").is_file()
