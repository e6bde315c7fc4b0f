"""Publish benchmark: a 24-page, 150-article issue into a store that already holds an archive.

Prints three figures (issue 3, Performance):
- the publish stage (render from the store + atomic writes) against the bare lxml serialization
  of the same documents (ratio; goal < 2);
- the same pass over a 10-year store against an empty store (ratio; goal < 1.5);
- and, for context, the share of the stage spent rendering vs writing.

The archive is built through ``Store.save_issue`` and marked as rendered (as earlier nightly
passes would have left it: its site pages and feed entry memo, by one pass with nothing queued);
its articles are short to keep the build quick. Each pass runs on a fresh copy of the archive,
synced before the pass is timed. Usage:
    python bench/publish.py [--years 10] [--repeat 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import lxml.html
from lxml import etree

from syndicate import config, pipeline
from syndicate import state as pass_state
from syndicate.model import Article, Issue, Page, Part, Reading
from syndicate.publish import write
from syndicate.store.sqlite import SqliteStore as Store

SECTIONS = ["要闻", "综合", "经济", "民生", "文化", "体育", "国际", "副刊"]
DAY = dt.date(2024, 6, 1)
NOW = dt.datetime(2024, 6, 1, 1, 0, tzinfo=dt.UTC)  # 09:00 in Shanghai: the issue is released
PARA = "新区持续推进重点项目建设，聚焦产业升级和民生改善，各项工作取得积极进展，群众获得感不断增强。"


def reading(day: dt.date, articles: int = 150, pages: int = 24, paragraphs: int = 8) -> tuple[Issue, Reading]:
    """A synthetic issue: ``articles`` spread over ``pages`` pages, one section per page."""
    made = []
    for n in range(articles):
        page = n * pages // articles + 1
        body = tuple(f"{PARA}（{n}-{k}）" for k in range(paragraphs))
        made.append(
            Article(
                id=f"{day:%Y%m%d}-{page:02d}{n:03d}",
                date=day,
                section=SECTIONS[(page - 1) % len(SECTIONS)],
                headline=f"第{n}篇：新区重点项目建设取得积极进展",
                headline_derived=False,
                kicker=None,
                subheadline=None,
                byline=("李涛",),
                dateline="本报讯",
                paragraphs=body,
                parts=(Part(page, n, 1, 30, body[0][:20], body[-1][-20:]),),
            )
        )
    page_objs = tuple(
        Page(
            p, SECTIONS[(p - 1) % len(SECTIONS)], "", f"page-{p:02d}.txt", "utf-8", f"{day}{p}".ljust(64, "0")
        )
        for p in range(1, pages + 1)
    )
    return Issue(day, page_objs), Reading(day, tuple(made), ())


def build_archive(state: Path, out: Path, days: int) -> float:
    """A store holding ``days`` issues before DAY, all rendered; returns the seconds it took."""
    started = time.perf_counter()
    with Store(state / "syndicate.sqlite") as store:
        store.db.execute("PRAGMA synchronous = OFF")  # only while building the archive
        for back in range(days, 0, -1):
            day = DAY - dt.timedelta(days=back)
            iss, read = reading(day, paragraphs=1)
            store.save_issue(iss, read, dt.datetime.combine(day, dt.time(18, 30), tzinfo=dt.UTC))
        store.db.execute("DELETE FROM render_queue")  # what earlier passes rendered
        # ...and with which settings: without this record a pass takes the output for lost and
        # renders the whole archive again (165,475 files for a 1-year store)
        settings = config.parse({"output": {"dir": str(out), "state_dir": str(state)}}, state.parent)
        store.set_setting(pass_state.RENDERED_KEY, pass_state.rendered_with(settings))
        (out / "public").mkdir(parents=True, exist_ok=True)
        (out / "public" / "index.html").write_bytes(b"")  # an output folder earlier passes filled
        # ...with the pages that are not an issue's (feeds, the archive's year pages and
        # sitemaps) and the feed entry memo: the last of those passes, with nothing queued
        pipeline.publish_step(settings, store, NOW - dt.timedelta(days=1), pipeline.PassReport())
    return time.perf_counter() - started


def one_pass(root: Path, template: Path | None) -> tuple[float, float, list[str], Path]:
    """Copy the archive (if any), then store and publish the new issue.

    Returns the stage's seconds, the part of them spent in atomic writes, the files, the output root."""
    if root.exists():
        shutil.rmtree(root)
    if template is not None:
        shutil.copytree(template, root)
    # what was written before (the copy, the archives built) is not the pass's to flush: its one
    # syncfs would write the store's copy, or the 10-year build for the first empty-store pass
    os.sync()
    settings = config.parse({"output": {"dir": str(root / "out"), "state_dir": str(root / "state")}}, root)
    iss, read = reading(DAY)
    with Store(settings.state_dir / "syndicate.sqlite") as store:
        started = time.perf_counter()
        store.save_issue(iss, read, NOW)
        writer_files: list[str] = []
        writing = [0.0]
        real_writer = write.Writer

        class Recording(real_writer):  # type: ignore[misc, valid-type]
            def write(self, rel: str, data: bytes) -> bool:
                writer_files.append(rel)
                t = time.perf_counter()
                try:
                    return bool(super().write(rel, data))
                finally:
                    writing[0] += time.perf_counter() - t

        write.Writer = Recording  # type: ignore[misc]
        try:
            pipeline.publish_step(settings, store, NOW, pipeline.PassReport())
        finally:
            write.Writer = real_writer  # type: ignore[misc]
        return time.perf_counter() - started, writing[0], writer_files, settings.out_dir


def lxml_baseline(out: Path, files: list[str]) -> float:
    """Bare lxml serialization of the documents the pass wrote (parsed once, outside the timing)."""
    trees: list[tuple[Callable[..., bytes], object]] = []
    for rel in files:
        path = out / rel
        if rel.endswith(".xml") or rel.endswith(".opml"):
            trees.append((etree.tostring, etree.parse(str(path))))
        elif rel.endswith(".html"):
            trees.append((lxml.html.tostring, lxml.html.parse(str(path))))
    started = time.perf_counter()
    for tostring, tree in trees:
        tostring(tree, encoding="UTF-8")
    return time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--years", type=int, default=10)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="syndicate-bench-") as tmp:
        base = Path(tmp)
        archives: dict[str, Path | None] = {"empty": None}
        for label, days in (("1 year", 365), (f"{args.years} years", 365 * args.years)):
            archive = base / label.replace(" ", "")
            took = build_archive(archive / "state", archive / "out", days)
            archives[label] = archive
            print(f"built a {label} store ({days * 150} articles) in {took:.1f} s")
        times: dict[str, float] = {}
        renders: dict[str, float] = {}
        for label, template in archives.items():
            runs, render_runs = [], []
            for _ in range(args.repeat):
                seconds, writing, files, out = one_pass(base / "run", template)
                runs.append(seconds)
                render_runs.append(seconds - writing)
            times[label], renders[label] = statistics.median(runs), statistics.median(render_runs)
            print(
                f"publish a 24-page 150-article issue, {label} store: {times[label]:.3f} s"
                f" ({renders[label]:.3f} s store + render, the rest atomic writes; {len(files)} files)"
            )
        seconds, writing, files, out = one_pass(base / "run", archives["1 year"])
        bare = statistics.median(lxml_baseline(out, files) for _ in range(args.repeat))
        many = f"{args.years} years"
        print(f"bare lxml serialization of the same {len(files)} documents: {bare:.3f} s")
        print(f"ratio publish / lxml (1-year store): {times['1 year'] / bare:.1f}x (goal < 2x)")
        print(f"ratio store + render (no writes) / lxml: {renders['1 year'] / bare:.1f}x")
        print(f"ratio {many} store / empty store: {times[many] / times['empty']:.2f}x (goal < 1.5x)")
        print(f"ratio {many} store / 1-year store: {times[many] / times['1 year']:.2f}x")


if __name__ == "__main__":
    main()
